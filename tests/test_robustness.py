"""Property tests: whatever a file holds, checking it gives located findings and never raises."""

import shutil

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from datamap.inventory.model import LIST_SECTIONS, SINGLE_SECTIONS
from datamap.inventory.validate import check_inventory

KEYS = st.sampled_from(sorted({*LIST_SECTIONS, *SINGLE_SECTIONS, "id", "label", "items", "item", "fields", "name",
                               "operator", "country", "purposes", "period", "en", "ko", "method", "tasks", "zzz"}))
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=12),
                    st.sampled_from(["email", "KR", "P5Y", "form", "self", "2024-01-01"]))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=5)), max_leaves=25)
DOCUMENTS = st.dictionaries(KEYS, VALUES, max_size=5)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def check_file(tmp_path, content: bytes):
    inv = tmp_path / "inv"
    if inv.exists():
        shutil.rmtree(inv)
    shutil.copytree(FIXTURES / "minimal", inv)
    (inv / "fuzz.yaml").write_bytes(content)
    inventory, findings = check_inventory(inv)
    for finding in findings:
        assert finding.line >= 1 and finding.col >= 1, finding
        assert finding.code[0] in "EW" and finding.message
    return inventory, findings


@SETTINGS
@given(DOCUMENTS)
def test_any_structure_gives_findings_not_exceptions(tmp_path, document):
    check_file(tmp_path, yaml.safe_dump(document, allow_unicode=True).encode("utf-8"))


@SETTINGS
@given(st.binary(max_size=200))
def test_any_bytes_give_findings_not_exceptions(tmp_path, content):
    check_file(tmp_path, content)


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{}&*!|>'\"#\n\t ,?%@`") + ["\u00e9", "\ufeff"]), max_size=80))
def test_yaml_punctuation_soup_gives_findings_not_exceptions(tmp_path, text):
    check_file(tmp_path, text.encode("utf-8"))
