"""The facts and the policy take work in proportion to the inventory: no step scans a list per element.

Counted in Python function calls, not timed: eight times the fields must cost about eight times the calls
(9x at most here). A quadratic step, such as finding an item by scanning the list of items, pushes it past that.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import generate  # noqa: E402

from datamap.lineage.facts import policy_facts  # noqa: E402
from datamap.lineage.graph import build_graph  # noqa: E402
from datamap.publish.render import render_policy_markdown  # noqa: E402
from datamap.inventory.validate import check_inventory  # noqa: E402


GROWTH = 9  # allowed growth in calls for 8 times the fields


def _calls(fn, *args) -> int:
    count = 0

    def profile(frame, event, arg):
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        fn(*args)
    finally:
        sys.setprofile(None)
    return count


@pytest.fixture(scope="module")
def inventories(tmp_path_factory):
    result = {}
    for fields in (1000, 8000):
        directory = tmp_path_factory.mktemp(f"fields{fields}")
        generate.generate(fields, directory)
        inventory, findings = check_inventory(directory)
        assert inventory is not None and findings == []
        result[fields] = inventory
    return result


def test_graph_facts_and_policy_grow_linearly(inventories):
    small, large = inventories[1000], inventories[8000]
    for stage in (build_graph, lambda inv: policy_facts(inv, build_graph(inv))):
        assert _calls(stage, large) < GROWTH * _calls(stage, small)
    facts = {n: policy_facts(inv, build_graph(inv)) for n, inv in inventories.items()}
    assert _calls(render_policy_markdown, facts[8000], "en") < GROWTH * _calls(render_policy_markdown, facts[1000], "en")


def test_checking_grows_linearly(tmp_path):
    counts = []
    for fields in (1000, 8000):
        generate.generate(fields, tmp_path / str(fields))
        counts.append(_calls(check_inventory, tmp_path / str(fields)))
    assert counts[1] < GROWTH * counts[0]


def test_locating_a_finding_on_every_key_grows_linearly(minimal):
    """One line of unknown keys, each a finding: every finding is located without rescanning the line."""
    counts = []
    for keys in (1000, 8000):
        pairs = ", ".join(f"k{i:05d}: {i}" for i in range(keys))  # keys of one length: each costs the same
        (minimal / "wide.yaml").write_text(f"items:\n  - {{id: wide, label: Wide, {pairs}}}\n", encoding="utf-8")
        counts.append(_calls(check_inventory, minimal))
    assert counts[1] < GROWTH * counts[0]
