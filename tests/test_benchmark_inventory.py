"""The synthetic inventories the benchmarks time are valid, deterministic and shaped as documented."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import generate  # noqa: E402

from datamap.lineage.graph import build_graph  # noqa: E402
from datamap.publish.render import render_policy  # noqa: E402
from datamap.inventory.validate import check_inventory  # noqa: E402

FIELDS = 2000


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("synthetic")
    generate.generate(FIELDS, directory)
    return directory


def test_generated_inventory_validates_clean(synthetic):
    inventory, findings = check_inventory(synthetic)
    assert inventory is not None
    assert [str(f) for f in findings] == []
    assert sum(len(s.fields) for s in inventory.systems) == FIELDS
    assert len(inventory.systems) == FIELDS // 20
    assert len(inventory.items) == FIELDS // 20
    assert {p.method for p in inventory.collection_points} == {"form", "automatic", "social_login", "from_third_party"}
    assert any(s.transfer is not None for s in inventory.systems), "some systems run abroad"


def test_generated_files_are_plain_trees(synthetic):
    """No anchors or aliases: every file takes the loader's fast path, as a hand-written inventory does."""
    for path in synthetic.rglob("*.yaml"):
        assert "&id" not in path.read_text("utf-8"), path


def test_systems_are_split_over_several_files(synthetic):
    files = sorted(p.relative_to(synthetic).as_posix() for p in synthetic.rglob("*.yaml"))
    assert [f for f in files if f.startswith("systems/")] == [f"systems/systems-00{n}.yaml" for n in range(4)]
    assert "items/items-000.yaml" in files


def test_generator_is_deterministic(synthetic, tmp_path):
    generate.generate(FIELDS, tmp_path)
    for path in synthetic.rglob("*.yaml"):
        assert (tmp_path / path.relative_to(synthetic)).read_bytes() == path.read_bytes()


def test_generated_inventory_renders(synthetic):
    inventory, _ = check_inventory(synthetic)
    text = render_policy(inventory, build_graph(inventory), "en")
    assert "Processor 0 Inc." in text
    assert "Attribute 19" in text


def test_generator_refuses_a_directory_in_use(synthetic):
    with pytest.raises(FileExistsError):
        generate.generate(FIELDS, synthetic)
    assert generate.main(["--fields", str(FIELDS), str(synthetic)]) == 2


def test_runner_measures_every_command_and_writes_results(tmp_path, capsys):
    import json

    import run

    assert run.main(["--sizes", "200", "--repeat", "1", "--data", str(tmp_path / "data"), "--results", str(tmp_path / "results")]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].startswith("| fields |") and table[2].startswith("| 200 |")
    (result_file,) = (tmp_path / "results").glob("bench-*.json")
    (result,) = json.loads(result_file.read_text())["results"]
    assert set(result["median"]) == {"bare_load", "check_inventory", "bare_cmd", "validate_cmd", "render_cmd"}
    assert all(len(samples) == 1 for samples in result["samples"].values())
    # peak memory is read by each command itself: datamap needs more than a bare YAML load
    assert 0 < result["peak_rss"]["bare_cmd"] < result["peak_rss"]["validate_cmd"] <= result["peak_rss"]["render_cmd"]
    assert result["policy_bytes"] > 0
    assert (tmp_path / "data" / "fields-200" / run.STAMP).is_file()
