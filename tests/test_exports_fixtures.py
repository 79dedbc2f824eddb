"""Every export of the real-policy fixtures and the reference inventory, read back with its own reader.

For each inventory: the records of processing (CSV read with csv, XLSX with openpyxl, Markdown as a pipe
table) exit cleanly, raise no finding of their own, and every fact the inventory declares for a column of
the record is in that column -- worked out here from the inventory itself, not from the exporter. Fides
manifests are loaded by fideslang and the app-store labels validated against the stores' formats, for
the inventories that declare those mappings.
"""

from __future__ import annotations

import csv
import io
import json
import re

import jsonschema
import pytest
from openpyxl import load_workbook

from conftest import FIXTURES, REFERENCE
from datamap import language
from datamap.exports.ropa import COLUMNS
from datamap.inventory.validate import check_inventory

INVENTORIES = {
    "cloud_pve": FIXTURES / "cloud_pve",  # GDPR
    "gdpr_full": FIXTURES / "gdpr_full",
    "pipa_gdpr": FIXTURES / "pipa_gdpr",
    "sweepstakes_advisor": FIXTURES / "sweepstakes_advisor",  # CCPA
    "sometrend": FIXTURES / "sometrend",  # PIPA
    "reference": REFERENCE,
    "full": FIXTURES / "full",  # the one that declares the app-store data types
}
#: the EEA (GDPR Art 44 transfers leave it): EU member states, Iceland, Liechtenstein, Norway
EEA = set("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO".split())
FINDING = re.compile(r"^.+:\d+:\d+: ([EW]\d{3}) ", re.MULTILINE)
#: the inventories that declare what each further export needs (checked by test_the_lists_follow_the_inventories)
PIPA_FILES = ["full", "reference", "sometrend"]  # PIPA, published in Korean
FIDES = ["full", "reference"]  # a fides_category for every item, a fides_use for every purpose
APP_LABELS = ["full"]  # a store data type for every item the app collects


def _en(text) -> str:
    return language.text(text, "en")


def _codes(text: str) -> set[str]:
    return set(FINDING.findall(text))


def _load(name: str):
    path = INVENTORIES[name]
    inv, findings = check_inventory(str(path))
    assert inv is not None and not [f for f in findings if f.code.startswith("E")], [str(f) for f in findings]
    # what the inventory itself is told, before any export: the exports may add nothing to it
    return path, inv, {f.code for f in findings}


@pytest.fixture(scope="module", params=sorted(INVENTORIES))
def inventory(request):
    return _load(request.param)


def _declares_pipa_files(inv) -> bool:
    return "pipa" in inv.policy.regimes and "ko" in inv.policy.languages


def _declares_fides(inv) -> bool:
    return bool(inv.items) and all(i.fides_category for i in inv.items) and all(p.fides_use for p in inv.purposes)


def _in_app_items(inv) -> list:
    ids = {i for point in inv.collection_points if point.in_app for i in point.items}
    return [i for i in inv.items if i.id in ids]


def _declares_app_labels(inv) -> bool:
    app_items = _in_app_items(inv)
    return bool(app_items) and all(i.app_label is not None for i in app_items)


def test_the_lists_follow_the_inventories():
    """An inventory that comes to declare the Fides or store mappings is exported by the tests below."""
    loaded = {name: check_inventory(str(path))[0] for name, path in INVENTORIES.items()}
    assert sorted(n for n, inv in loaded.items() if _declares_pipa_files(inv)) == PIPA_FILES
    assert sorted(n for n, inv in loaded.items() if _declares_fides(inv)) == FIDES
    assert sorted(n for n, inv in loaded.items() if _declares_app_labels(inv)) == APP_LABELS


def _export(run, path, known: set[str], *args):
    result = run("export", *args[:1], path, *args[1:])
    assert result.code == 0, result.err
    assert _codes(result.err) <= known, result.err
    return result


def _rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def _lines(cell: str) -> set[str]:
    return set(cell.split("\n"))


def test_controller_record_holds_every_declared_fact_in_its_column(run, inventory, tmp_path):
    path, inv, known = inventory
    rows = _rows(_export(run, path, known, "ropa", "--format", "csv").out)
    assert [r["Processing activity (purpose)"] for r in rows] == [_en(p.title) for p in inv.purposes]
    org = inv.organization
    systems_of = {p.id: [s for s in inv.systems if p.id in s.purposes] for p in inv.purposes}
    processors = inv.by_id("processors")
    measures = [_en(m.measure) for m in inv.security_measures]
    for purpose, row in zip(inv.purposes, rows):
        assert _en(org.name) in _lines(row["Controller: name and contact details"])
        for contact in (org.email, org.phone):
            if contact:
                assert contact in _lines(row["Controller: name and contact details"])
        for rep in (org.eu_representative, org.uk_representative):
            if rep is not None:
                assert _en(rep.name) in row["Representative"]
        if org.dpo is not None and org.dpo.name:
            assert _en(org.dpo.name) in _lines(row["Data protection officer"])
        for detail in purpose.details:
            assert _en(detail) in _lines(row["Description of the processing"])
        basis = purpose.legal_basis.gdpr if purpose.legal_basis else None
        assert row["Lawful basis (GDPR Art 6)"].startswith(f"Art {basis} ") if basis else row["Lawful basis (GDPR Art 6)"] == ""
        assert row["Legitimate interests"] == (_en(purpose.legitimate_interest) if purpose.legitimate_interest else "")
        for joint in purpose.joint_controllers:
            assert _en(joint.name) in row["Joint controllers and their arrangement"]
        if not purpose.joint_controllers:
            assert row["Joint controllers and their arrangement"] == ""
        held = {f.item for s in systems_of[purpose.id] for f in s.fields}
        labels = {i.id: _en(i.label) for i in inv.items}
        assert {labels[i] for i in held} <= _lines(row["Categories of personal data"])
        for item in inv.items:
            if item.id in held and item.sensitivity == "sensitive":
                assert labels[item.id] in _lines(row["Special categories of personal data"])
        operators = [processors[s.operator] for s in systems_of[purpose.id] if s.operator in processors]
        for processor in operators:
            assert any(line.startswith(_en(processor.name)) for line in _lines(row["Recipients: processors"]))
            # where it holds the data: the systems it operates (else its own country); outside the EEA and the
            # organization's own country (for a controller outside the EEA, data at home is no transfer)
            where = {inv.system_country(s) for s in inv.systems if s.operator == processor.id} or {processor.country}
            if where - EEA - {org.country, None}:
                assert any(line.endswith(_en(processor.name)) for line in _lines(row["Transfers to third countries (country, recipient)"]))
        for party in inv.third_parties:
            if held & set(party.items):
                assert any(line.startswith(_en(party.name)) for line in _lines(row["Recipients: third parties"]))
        for rule in inv.retention:
            if held & set(rule.items):
                assert any(line.startswith(_en(rule.records)) for line in _lines(row["Time limits for erasure"]))
        for measure in measures:
            assert measure in row["Technical and organisational security measures"]
        for system in systems_of[purpose.id]:
            assert any(line.startswith(_en(system.name)) for line in _lines(row["Location of personal data (systems)"]))

    # the same table from the XLSX (openpyxl) and the Markdown
    xlsx = tmp_path / "ropa.xlsx"
    _export(run, path, known, "ropa", "--format", "xlsx", "-o", xlsx)
    sheet = load_workbook(xlsx)["Art 30(1) record"]
    assert sheet.freeze_panes == "A2"
    assert [[c.value or "" for c in r] for r in sheet.iter_rows(min_row=2)] == [list(r.values()) for r in rows]
    markdown = _export(run, path, known, "ropa", "--format", "md").out
    table = [line for line in markdown.splitlines() if line.startswith("| ") and not line.startswith("|---")]
    assert len(table) == 1 + len(rows)
    assert all(line.count(" | ") == len(COLUMNS["en"]) - 1 for line in table)


@pytest.mark.parametrize("name", PIPA_FILES)
def test_pipa_file_record_holds_every_declared_fact(run, name):
    path, inv, known = _load(name)
    rows = _rows(_export(run, path, known, "ropa", "--lang", "ko").out)
    ko = lambda t: language.text(t, "ko")  # noqa: E731
    assert [r["개인정보파일의 명칭"] for r in rows] == [ko(s.name) for s in inv.systems]
    items = inv.by_id("items")
    purposes = inv.by_id("purposes")
    processors = inv.by_id("processors")
    for system, row in zip(inv.systems, rows):
        assert {ko(f.label or items[f.item].label) for f in system.fields} <= _lines(row["기록되는 개인정보의 항목"])
        assert {ko(purposes[p].title) for p in system.purposes} <= _lines(row["처리 목적"])
        if system.operator in processors:
            assert row["처리 위탁(수탁자)"] == ko(processors[system.operator].name)
        held = {f.item for f in system.fields}
        for rule in inv.retention:
            if held & set(rule.items):
                assert any(line.startswith(ko(rule.records)) for line in _lines(row["보유 기간"]))
        assert row["운용 기관의 명칭"] == ko(inv.organization.name)
        assert (row["정보주체의 수"] != "") == (system.subject_count is not None)
        assert (row["처리 방법"] != "") == bool(system.processing_methods)


@pytest.mark.parametrize("name", FIDES)
def test_fides_manifests_load_in_fideslang_with_every_mapping(run, name, tmp_path):
    from fideslang.manifests import ingest_manifests
    from fideslang.parse import load_manifests_into_taxonomy

    path, inv, known = _load(name)
    _export(run, path, known, "fides", "-o", tmp_path / "fides")
    parsed = load_manifests_into_taxonomy(ingest_manifests(str(tmp_path / "fides")))
    categories = {c.parent_key for c in parsed.data_category}
    assert {i.fides_category for i in inv.items} <= categories
    assert {p.fides_use for p in inv.purposes} <= {u.parent_key for u in parsed.data_use}
    assert {d.name for d in parsed.dataset} == {_en(s.name) for s in inv.systems}


@pytest.mark.parametrize("name", APP_LABELS)
def test_app_store_labels_validate_with_every_declared_data_type(run, name):
    from test_app_labels import APPLE_SCHEMA

    path, inv, known = _load(name)
    app_items = _in_app_items(inv)
    usages = json.loads(_export(run, path, known, "apple").out)
    jsonschema.validate(usages, APPLE_SCHEMA)
    assert {u["category"] for u in usages} == {i.app_label.apple for i in app_items if i.app_label.apple}
    rows = _rows(_export(run, path, known, "google").out)
    answered = {r["Response ID (machine readable)"] for r in rows if r["Response value"] == "TRUE"}
    assert {i.app_label.google for i in app_items if i.app_label.google} <= answered
