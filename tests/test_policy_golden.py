"""The generated documents of the reference inventory are pinned: any change shows up as a diff here.

Regenerate after an intended change with: DATAMAP_UPDATE_GOLDEN=1 python -m pytest tests/test_policy_golden.py
"""

import os

import pytest

from conftest import REFERENCE, ROOT

GOLDEN = ROOT / "tests" / "golden"
CASES = [
    ("policy.en.md", ["render", "policy", REFERENCE, "--lang", "en", "--format", "md"]),
    ("processors.en.md", ["render", "processors", REFERENCE, "--format", "md"]),
    ("processors.en.csv", ["render", "processors", REFERENCE, "--format", "csv"]),
    ("processors.en.json", ["render", "processors", REFERENCE, "--format", "json"]),
    ("graph.email.txt", ["graph", REFERENCE, "--item", "email"]),
]


@pytest.mark.parametrize("name,argv", CASES, ids=[c[0] for c in CASES])
def test_matches_golden(run, name, argv):
    result = run(*argv)
    assert result.code == 0, result.err
    golden = GOLDEN / name
    if os.environ.get("DATAMAP_UPDATE_GOLDEN"):
        golden.write_text(result.out, encoding="utf-8")
    assert result.out == golden.read_text(encoding="utf-8")


def test_output_is_deterministic(run):
    first = run("render", "policy", REFERENCE).out
    assert run("render", "policy", REFERENCE).out == first
