"""The loader's plain-data fast path gives exactly what PyYAML's own safe constructor gives."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from datamap.inventory.load import _InventoryLoader, load_file


class _ReferenceLoader(_InventoryLoader):
    """The same loader with PyYAML's general constructor and resolver: the behaviour to match."""

    construct_document = yaml.constructor.BaseConstructor.construct_document
    resolve = yaml.resolver.BaseResolver.resolve


def _load(loader_class, text):
    loader = loader_class(text)
    try:
        data = loader.get_single_data()
    except Exception as e:  # noqa: BLE001 - the error itself is what is compared
        return ("error", type(e).__name__, str(e)), []
    finally:
        loader.dispose()
    duplicates = sorted((n.start_mark.line, n.start_mark.column, n.value) for n in loader.duplicate_keys)
    return ("data", repr(data)), duplicates  # repr: types show (True, 1, '1'), and recursive data compares


def assert_same(text):
    fast, reference = _load(_InventoryLoader, text), _load(_ReferenceLoader, text)
    assert fast == reference
    return fast


CASES = {
    "flow and block": "a: {b: 1, c: [x, 'y', \"z\"]}\nd:\n  - e: true\n    f: ~\n",
    "scalars": "i: 0x1F\nj: 0o17\nk: 1_000\nl: -12\nm: 1.5e3\nn: .inf\no: .NaN\np: yes\nq: 'yes'\nr: 2024-07-26\ns: 2024-07-26T10:00:00Z\nt: ''\nu:\n",
    "bad date stays text": "effective: 2024-13-01\n",
    "duplicate keys": "a: 1\nb: {x: 1, x: 2}\na: 3\n",
    "same key once quoted": "'1': a\n1: b\n",
    "merge keys": "base: {a: 1}\nother:\n  <<: {a: 2, b: 3}\n  b: 4\n  b: 5\n",
    "anchors and aliases": "a: &x [1, 2]\nb: *x\nc: &y {k: v}\nd: *y\n",
    "recursive alias": "a: &x [*x]\n",
    "unhashable key": "? [a, b]\n: 1\n",
    "mapping key": "? {a: 1}\n: 1\n",
    "unknown tag": "a: !!python/object:os.system {}\n",
    "local tag": "a: !custom 1\n",
    "binary and set": "a: !!binary aGVsbG8=\nb: !!set {x, y}\n",
    "str tag on a list": "a: !!str [1]\n",
    "explicit tags": "a: !!str 1\nb: !!int '2'\nc: !!float '3'\nd: !!bool 'true'\ne: !!null ''\n",
    "text with ampersand": "name: R&D department\nlist: [a&b]\n",
    "empty document": "",
    "scalar document": "just text\n",
    "korean": "label: {en: Email, ko: 이메일}\n",
    "deep nesting": "a: " + "[" * 300 + "]" * 300 + "\n",
}


@pytest.mark.parametrize("text", CASES.values(), ids=CASES.keys())
def test_fast_path_matches_pyyaml(text):
    assert_same(text)


def test_fast_path_reports_duplicates_and_keeps_the_last_value():
    (kind, data), duplicates = assert_same(CASES["duplicate keys"])
    assert kind == "data"
    assert data == repr({"a": 3, "b": {"x": 2}})
    assert [(line, key) for line, _, key in duplicates] == [(1, "x"), (2, "a")]


def test_fast_path_leaves_dates_that_are_no_dates_as_text():
    (_, data), _ = assert_same(CASES["scalars"] + CASES["bad date stays text"])
    assert repr(dt.date(2024, 7, 26)) in data
    assert "'effective': '2024-13-01'" in data


def test_load_file_reports_duplicates_in_merged_and_plain_documents(tmp_path):
    for name in ("plain", "merge"):
        path = tmp_path / f"{name}.yaml"
        path.write_text(CASES["duplicate keys"] + ("m: {<<: {z: 1}}\n" if name == "merge" else ""))
        _, findings = load_file(path)
        assert sorted((f.line, f.code) for f in findings) == [(2, "E102"), (3, "E102")]


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False),
    st.text(max_size=12),
    st.dates(),
    st.sampled_from(["yes", "No", "~", "null", "0x10", "1e3", "2024-01-01", "2024-02-30", "<<", "=", "&a", "*a", ""]),
)
plain = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6) | st.integers(), children, max_size=4),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None)
@given(plain, st.sampled_from([None, True, False]))
def test_fast_path_matches_pyyaml_on_generated_documents(data, flow):
    assert_same(yaml.safe_dump({"root": data}, default_flow_style=flow, allow_unicode=True))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab:-[]{},'\"&*<!? \n0123456789.", max_size=40))
def test_fast_path_matches_pyyaml_on_arbitrary_text(text):
    assert_same(text)
