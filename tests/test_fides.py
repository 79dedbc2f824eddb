"""Fides interop: exports that fideslang loads and validates, imports that datamap validate reads, round trips."""

from __future__ import annotations

import json

import pytest
import yaml
from fideslang.default_taxonomy import DEFAULT_TAXONOMY
from fideslang.manifests import ingest_manifests
from fideslang.parse import load_manifests_into_taxonomy

from conftest import FIXTURES, REFERENCE, write
from datamap.exports.fides_taxonomy import taxonomy
from datamap.inventory.validate import check_inventory

FIDES = FIXTURES / "fides"


def _fides(run, inv, out):
    result = run("export", "fides", inv, "-o", out)
    assert result.code == 0, result.err
    return load_manifests_into_taxonomy(ingest_manifests(str(out)))


@pytest.mark.parametrize("inv", [REFERENCE, FIXTURES / "full"], ids=["reference", "full"])
def test_export_is_loaded_and_validated_by_fideslang(run, tmp_path, inv):
    parsed = _fides(run, inv, tmp_path / "fides")
    default = {kind: {r.fides_key for r in getattr(DEFAULT_TAXONOMY, kind)} for kind in ("data_category", "data_use", "data_subject")}
    known = {kind: default[kind] | {r.fides_key for r in getattr(parsed, kind)} for kind in default}
    for resource in parsed.data_category + parsed.data_use:
        kind = "data_category" if resource in parsed.data_category else "data_use"
        assert resource.parent_key in default[kind], resource.fides_key
    datasets = {d.fides_key for d in parsed.dataset}
    for system in parsed.system:
        assert set(system.dataset_references) <= datasets
        for declaration in system.privacy_declarations:
            assert declaration.data_use in known["data_use"]
            assert set(declaration.data_categories) <= known["data_category"]
            assert set(declaration.data_subjects) <= known["data_subject"]
    inventory, _ = check_inventory(str(inv))
    assert len(parsed.system) == len(inventory.systems)
    assert len(parsed.data_category) == len(inventory.items)
    assert parsed.organization[0].name == inventory.organization.name["en"]


def test_export_needs_fides_categories(run, minimal, tmp_path):
    result = run("export", "fides", minimal, "-o", tmp_path / "out")
    assert result.code == 1
    assert "E910 item" in result.err and "has no fides_category" in result.err
    assert "E911 purpose" in result.err


def _facts(inventory) -> dict:
    """What Fides can hold of an inventory, in plain data."""
    en = lambda text: (text or {}).get("en") or (text or {}).get("*")  # noqa: E731
    processors = inventory.by_id("processors")
    # Fides holds a legal basis on a system's privacy declaration, and subjects on a dataset field: only for what a system uses
    served = {p for s in inventory.systems for p in s.purposes}
    held = {f.item for s in inventory.systems for f in s.fields}
    return {
        "organization": (en(inventory.organization.name), inventory.organization.email, en(inventory.organization.privacy_officer.name)),
        "items": [(i.id, en(i.label), en(i.description), i.fides_category, (i.subjects or None) if i.id in held else None) for i in inventory.items],
        "purposes": [(p.id, en(p.title), [en(d) for d in p.details], p.fides_use, p.legal_basis.gdpr if p.legal_basis and p.id in served else None)
                     for p in inventory.purposes],
        "systems": [(s.id, en(s.name), en(s.description), s.purposes, [(f.name, f.item, en(f.label)) for f in s.fields],
                     en(processors[s.operator].name) if s.operator in processors else None) for s in inventory.systems],
    }


def _imported(directory) -> dict:
    """The imported YAML, read as the same plain facts (it lacks what Fides cannot say, so it is not a full inventory)."""
    data = {}
    for path in sorted(directory.glob("*.yaml")):
        data.update(yaml.safe_load(path.read_text(encoding="utf-8")))
    org = data["organization"]
    processors = {p["id"]: p["name"] for p in data.get("processors", [])}
    return {
        "organization": (org["name"], org.get("email"), org["privacy_officer"].get("name")),
        "items": [(i["id"], i["label"], i.get("description"), i["fides_category"], i.get("subjects") or None) for i in data["items"]],
        "purposes": [(p["id"], p["title"], p.get("details", []), p["fides_use"], p.get("legal_basis", {}).get("gdpr")) for p in data["purposes"]],
        "systems": [(s["id"], s["name"], s.get("description"), s.get("purposes", []), [(f["name"], f["item"], f.get("label")) for f in s["fields"]],
                     processors.get(s.get("operator"))) for s in data["systems"]],
    }


@pytest.mark.parametrize("inv", [REFERENCE, FIXTURES / "full"], ids=["reference", "full"])
def test_round_trip_keeps_every_fact_fides_can_hold(run, tmp_path, inv):
    _fides(run, inv, tmp_path / "fides")
    result = run("import", "fides", tmp_path / "fides", "-o", tmp_path / "back")
    assert result.code == 0, result.err
    original, _ = check_inventory(str(inv))
    assert _imported(tmp_path / "back") == _facts(original)


def test_import_of_a_fides_project_names_what_to_add(run, tmp_path):
    out = tmp_path / "inv"
    result = run("import", "fides", FIDES, "-o", out)
    assert result.code == 0, result.err
    items = yaml.safe_load((out / "items.yaml").read_text(encoding="utf-8"))["items"]
    assert [i["id"] for i in items] == ["user_contact_email", "user_contact_address_street", "user_contact_address_city", "user_financial"]
    assert items[0]["label"] == "User Contact Email"  # the taxonomy's name, attributed
    assert "CC BY 4.0" in (out / "items.yaml").read_text(encoding="utf-8")
    systems = yaml.safe_load((out / "systems.yaml").read_text(encoding="utf-8"))
    backend = systems["systems"][0]
    assert ("customers.address.street", "user_contact_address_street") in [(f["name"], f["item"]) for f in backend["fields"]]
    assert ("orders.card_last4", "user_financial") in [(f["name"], f["item"]) for f in backend["fields"]]  # categories of the collection
    assert "customers.created_at" not in [f["name"] for f in backend["fields"]]  # no category: not personal data
    assert systems["processors"] == [{"id": "pay_corp_ltd", "name": "Pay Corp Ltd."}]
    err = result.err
    assert "system.yml:8:7: W920 egress to 'payments_api'" in err
    assert "W920 retention '5 years' of 'Selling goods'" in err
    assert "W921 system 'payments_api' transfers data abroad" in err
    assert "W921 'Card payments' shares data with third parties" in err
    assert "organization.yml:12:1: W920 'policy' resources have no place" in err
    assert "W921 processor 'pay_corp_ltd': add its 'country' and 'tasks'" in err
    # datamap validate reads the result and points at each missing fact
    check = run("validate", out)
    assert check.code == 1
    codes = {line.split()[1] for line in check.out.splitlines() if ": " in line and line.split()[1][:1] in "EW"}
    assert codes <= {"E202"}, check.out
    assert "missing required key 'country'" in check.out


def test_unreadable_manifests_are_findings(run, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    write(bad, "a.yml", "system:\n  - fides_key: ok\n    name: [unclosed\n")
    write(bad, "b.yml", "system:\n  - name: no key\n")
    result = run("import", "fides", bad, "-o", tmp_path / "out")
    assert result.code == 1
    assert "a.yml:4:1: E920 YAML syntax error" in result.err
    assert "b.yml:2:5: E921 system resource without a valid fides_key" in result.err
    assert "Traceback" not in result.err
    assert not (tmp_path / "out").exists()


def test_import_refuses_to_overwrite_an_inventory(run, tmp_path):
    target = tmp_path / "inv"
    target.mkdir()
    write(target, "items.yaml", "items: []\n")
    result = run("import", "fides", FIDES, "-o", target)
    assert result.code == 2 and "already holds an inventory" in result.err


def test_vendored_taxonomy_matches_fideslang():
    vendored = taxonomy()
    for kind in ("data_category", "data_use", "data_subject"):
        assert vendored[kind] == {r.fides_key: r.name for r in getattr(DEFAULT_TAXONOMY, kind)}
    json.dumps(vendored)


def test_malformed_resources_never_give_a_traceback(run, tmp_path):
    odd = tmp_path / "odd"
    odd.mkdir()
    write(odd, "a.yml", """
        system:
          - fides_key: s1
            name: {not: a string}
            egress: 5
            ingress: [7, {fides_key: x}]
            privacy_declarations: "none"
            dataset_references: d1
          - fides_key: s2
            privacy_declarations: [{data_use: 3}, {data_use: essential.service, data_categories: user.name}, 9]
        dataset:
          - fides_key: d1
            collections: {a: b}
          - fides_key: d2
            collections: [{name: c, fields: [{name: 1}, {name: f, fields: "x", data_categories: [user.name]}, 4]}]
        organization:
          - fides_key: o
            controller: [1]
        data_category:
          - fides_key: user.name.custom
            parent_key: [user.name]
        widget: {}
        """)
    write(odd, "b.yml", "- just a list\n")
    result = run("import", "fides", odd, "-o", tmp_path / "out")
    assert "Traceback" not in result.err and "internal error" not in result.err
    assert result.code == 1 and "b.yml:1:1: E920 a Fides manifest is a mapping" in result.err
    (odd / "b.yml").unlink()
    result = run("import", "fides", odd, "-o", tmp_path / "out")
    assert result.code == 0, result.err
    assert "W920 'widget' resources have no place" in result.err


# --- property: any inventory Fides can describe comes back with the same facts -------------------

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_IDS = st.from_regex(r"[a-z][a-z0-9_-]{0,11}", fullmatch=True)  # ids without '.', which Fides reads as nesting
_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=30).map(str.strip).filter(bool)
_CATEGORIES = st.sampled_from(["user.contact.email", "user.name", "user.device.ip_address", "user.financial", "user.behavior"])
_USES = st.sampled_from(["essential.service", "analytics.reporting", "marketing.communications.email"])


@st.composite
def _inventories(draw) -> dict:
    item_ids = draw(st.lists(_IDS, min_size=1, max_size=5, unique=True))
    purpose_ids = draw(st.lists(_IDS, min_size=1, max_size=3, unique=True))
    system_ids = draw(st.lists(_IDS, min_size=1, max_size=3, unique=True))
    items = [{"id": i, "label": {"en": draw(_TEXT)}, "fides_category": draw(_CATEGORIES),
              "subjects": draw(st.lists(st.sampled_from(["customer", "employee", "guardian"]), min_size=1, max_size=2, unique=True))}
             for i in item_ids]
    purposes = [{"id": p, "title": {"en": draw(_TEXT)}, "fides_use": draw(_USES),
                 "legal_basis": {"gdpr": draw(st.sampled_from(["6(1)(a)", "6(1)(b)", "6(1)(f)"]))}} for p in purpose_ids]
    systems = []
    for s in system_ids:
        fields = [{"name": f"f{n}", "item": draw(st.sampled_from(item_ids))} for n in range(draw(st.integers(0, 4)))]
        systems.append({"id": s, "name": {"en": draw(_TEXT)}, "fields": fields,
                        "purposes": draw(st.lists(st.sampled_from(purpose_ids), max_size=2, unique=True))})
    subjects = [{"id": s, "name": {"en": s.capitalize()}} for s in ("customer", "employee", "guardian")]
    return {"data_subjects": subjects, "items": items, "purposes": purposes, "systems": systems}


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture],
          phases=[Phase.explicit, Phase.reuse, Phase.generate])  # shrinking a run of the CLI takes minutes
@given(sections=_inventories())
def test_round_trip_property(run, tmp_path_factory, sections):
    base = tmp_path_factory.mktemp("prop")
    inv = base / "inv"
    inv.mkdir()
    minimal = yaml.safe_load((FIXTURES / "minimal" / "inventory.yaml").read_text(encoding="utf-8"))
    head = {k: minimal[k] for k in ("organization", "policy", "destruction")}
    (inv / "inventory.yaml").write_text(yaml.safe_dump({**head, **sections}, allow_unicode=True), encoding="utf-8")
    parsed = _fides(run, inv, base / "fides")
    assert len(parsed.data_category) == len(sections["items"])
    result = run("import", "fides", base / "fides", "-o", base / "back")
    assert result.code == 0, result.err
    original, findings = check_inventory(str(inv))
    assert original is not None, findings
    assert _imported(base / "back") == _facts(original)


def test_gdpr_organization_dpo_and_representative(run, tmp_path):
    inv = tmp_path / "inv"
    inv.mkdir()
    for path in (FIXTURES / "gdpr_full").glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for item in data.get("items", []):
            item["fides_category"] = "user"
        for purpose in data.get("purposes", []):
            purpose["fides_use"] = "essential"
        if "organization" in data:
            data["organization"]["eu_representative"] = {"name": "Rep EU SARL", "address": "1 rue X, Luxembourg", "email": "rep@example.eu"}
        (inv / path.name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    parsed = _fides(run, inv, tmp_path / "fides")
    organization = parsed.organization[0]
    assert organization.data_protection_officer.name == "Dr. Anna Weber"  # the DPO, not the privacy officer
    assert organization.representative.name == "Rep EU SARL" and organization.representative.email == "rep@example.eu"
    assert run("import", "fides", tmp_path / "fides", "-o", tmp_path / "back").code == 0
    back = yaml.safe_load((tmp_path / "back" / "organization.yaml").read_text(encoding="utf-8"))["organization"]
    assert back["eu_representative"] == {"name": "Rep EU SARL", "address": "1 rue X, Luxembourg", "email": "rep@example.eu"}
