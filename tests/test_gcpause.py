"""Stages pause the cyclic garbage collector while they run and leave it as they found it."""

from __future__ import annotations

import gc

from pathlib import Path

import pytest

from datamap.gcpause import paused_gc

REFERENCE = Path(__file__).resolve().parent.parent / "inventory"


@pytest.fixture
def collector_running():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_paused_inside_and_resumed_after_even_on_error(collector_running):
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled(), "an inner pause does not resume the collector early"
    assert gc.isenabled()
    with pytest.raises(ValueError), paused_gc():
        raise ValueError
    assert gc.isenabled()


def test_a_paused_collector_stays_paused(collector_running):
    gc.disable()
    with paused_gc():
        pass
    assert not gc.isenabled()


def test_check_inventory_pauses_only_while_it_runs(collector_running, monkeypatch):
    from datamap.inventory import validate

    seen = []
    original = validate.build_inventory

    def recording(documents):
        seen.append(gc.isenabled())
        return original(documents)

    monkeypatch.setattr(validate, "build_inventory", recording)
    inventory, findings = validate.check_inventory(REFERENCE)
    assert inventory is not None and findings == []
    assert seen == [False]
    assert gc.isenabled()
