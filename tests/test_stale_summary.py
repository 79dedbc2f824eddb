"""A stale site as a person and a machine see it: one summary with what changed and the fix, or a record per page."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from conftest import ROOT
from datamap.site import record

FIX = "run `datamap build inv` to regenerate them (`datamap check --verbose` lists them)"


@pytest.fixture
def built(run, minimal):
    (minimal.parent / "mkdocs.yml").write_text("site_name: x\ndocs_dir: site\n")
    assert run("build", "inv").code == 0 and run("check", "inv").code == 0
    return minimal


def _text_lines(run, *extra):
    result = run("check", "inv", *extra)
    assert result.code == 1
    return [line for line in result.out.splitlines() if re.search(r": E[67]\d\d ", line)]


def _summary_and_records(run, because: str) -> int:
    """The text format's one E602 naming ``because``; --verbose, JSON and GitHub: one record per stale page."""
    [summary] = _text_lines(run)
    count = int(re.match(r"site:1:1: E602 (\d+) generated files? (?:is|are) out of date", summary).group(1))
    assert summary.endswith(f"out of date ({because} changed since the last build): {FIX}"), summary
    verbose = _text_lines(run, "--verbose")
    pages = [line for line in verbose if " E701 " in line]
    assert len(pages) == count and verbose.count(summary) == 1
    assert all(line.startswith("site/") and f"{because} changed since the last build" in line for line in pages)
    records = json.loads(run("check", "inv", "--format", "json").out)
    assert sorted(r["file"] for r in records if r["code"] == "E701") == sorted(line.split(":", 1)[0] for line in pages)
    assert {r["code"] for r in records if r["code"].startswith("E")} == {"E701"}
    github = run("check", "inv", "--format", "github").out.splitlines()
    assert len([line for line in github if line.startswith("::error file=site/")]) == count and "E602" not in "".join(github)
    return count


def test_an_inventory_change_is_named(run, built):
    inventory = built / "inventory.yaml"
    inventory.write_text(inventory.read_text("utf-8").replace("{en: App database,", "{en: Main database,"), "utf-8")
    assert _summary_and_records(run, "the inventory") >= 2


def test_a_template_override_is_named_not_the_inventory(run, built):
    """Overriding a template changes pages the inventory did not touch: the message says the templates did it."""
    words = built.parent / "templates/en/site/words.j2"
    words.parent.mkdir(parents=True)
    words.write_text((ROOT / "templates/en/site/words.j2").read_text("utf-8").replace('"Data map"', '"Where data goes"'), "utf-8")
    assert _summary_and_records(run, "the templates") >= 1  # the reason is exactly this: not the inventory too


def test_a_new_datamap_is_named(run, built, tmp_path, monkeypatch):
    """Another datamap (upgraded, or its shipped templates changed) makes other pages: 'datamap itself' changed."""
    shipped = tmp_path / "shipped"
    shutil.copytree(ROOT / "templates", shipped)
    words = shipped / "ko/site/words.j2"
    words.write_text(words.read_text("utf-8").replace('"데이터 지도"', '"데이터 흐름도"'), "utf-8")
    monkeypatch.setattr("datamap.publish.render.default_templates_dir", lambda: shipped)
    monkeypatch.setattr(record, "datamap_digest", lambda: record.digest("another datamap"))
    assert _summary_and_records(run, "datamap itself") >= 1  # the reason is exactly this
