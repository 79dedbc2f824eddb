"""Nothing declared is dropped when PIPA comes second: every inventory value the PIPA policy prints is also in
the document another regime shapes with PIPA's section (``[gdpr, pipa]``: the GDPR notice; ``[ccpa, pipa]``: the
CCPA policy), for inventories that hold every kind of fact PIPA asks for. The values are collected from the
inventory, not from either output."""

import re
import shutil
import typing

import pytest
from pydantic import BaseModel

from conftest import FIXTURES, REFERENCE
from datamap import language
from datamap.inventory.validate import check_inventory
from datamap.lineage import facts_of
from datamap.lineage.graph import build_graph
from datamap.regimes.document import render_document

#: fields whose values are keys the documents look up, never words they print
_KEYS = {"id", "sections", "after", "items", "purposes", "subjects", "systems", "law", "processor", "recipients"}


def _is_choice(annotation) -> bool:
    """A field holding one of fixed choices (a Literal), which documents print in their own words."""
    if typing.get_origin(annotation) is typing.Literal:
        return True
    return any(_is_choice(arg) for arg in typing.get_args(annotation))


def _values(node, out: set[str]) -> set[str]:
    """Every word-valued fact of ``node``: English texts and plain strings, but keys and fixed choices."""
    if isinstance(node, BaseModel):
        for name, field in type(node).model_fields.items():
            if name not in _KEYS and not _is_choice(field.annotation):
                _values(getattr(node, name), out)
    elif isinstance(node, dict):
        if node and all(isinstance(v, str) for v in node.values()):
            out.add(language.text(node, "en"))
        else:
            for value in node.values():
                _values(value, out)
    elif isinstance(node, (list, tuple)):
        for value in node:
            _values(value, out)
    elif isinstance(node, str):
        out.add(node)
    return out


def _flat(text: str) -> str:
    return " ".join(text.split()).casefold()


#: PIPA facts no fixture holds: the departments of the privacy officer's team and for access requests, and custom
#: clauses as an article, as a paragraph of an article the section has, and of one it leaves to the GDPR part
_EXTENSION = {
    "  terms_of_use:": """  privacy_department: {name: {en: Privacy Desk, ko: 개인정보 데스크}, contact_person: {en: Lee Su-min, ko: 이수민}, phone: "02-111-2222", email: desk@hanbit-health.example}
  access_department: {name: {en: Records Access Team, ko: 열람청구팀}, contact_person: {en: Kim Do-yun, ko: 김도윤}, phone: "02-333-4444", email: access@hanbit-health.example}
""",
}
_CLAUSES = """clauses:
  - id: transfer
    title: {en: Business transfer, ko: 영업의 양도}
    paragraphs: [{en: "On a merger, users are told before their data moves.", ko: "합병 시 이용자에게 먼저 알립니다."}]
    after: security
  - id: limits
    placement: paragraph
    after: rights
    title: {en: Limits of rights, ko: 권리의 제한}
    paragraphs: [{en: "Some requests may be refused where a law requires the data to be kept.", ko: "법령에 따라 요구를 거절할 수 있습니다."}]
  - id: locks
    placement: paragraph
    after: security
    title: {en: Server room keys, ko: 서버실 열쇠}
    paragraphs: [{en: "Only two named staff hold the server room keys.", ko: "지정된 직원 두 명만 서버실 열쇠를 가집니다."}]
"""


#: the California disclosures of the pipa_gdpr inventory, for a CCPA policy with PIPA's section
_CCPA = """ccpa:
  categories:
    - {category: identifiers, items: [email, name, phone, guardian_name, guardian_phone, device_id]}
    - {category: customer_records, items: [payments]}
    - {category: protected_characteristics, items: [health]}
  sensitive:
    - {kind: health, items: [health]}
  recipients:
    - {recipient: amplitude, role: service_provider, disclosed: [identifiers]}
    - {recipient: stibee, role: service_provider, disclosed: [identifiers]}
    - {recipient: insurer, role: third_party, disclosed: [identifiers], sold: [], shared: []}
    - {recipient: tax_office, role: third_party, disclosed: [customer_records], sold: [], shared: []}
    - {recipient: partner_jp, role: third_party, disclosed: [identifiers], sold: [], shared: []}
  no_sale: true
  minors_under_16: false
"""


def _extended(inv):
    org = inv / "organization.yaml"
    text = org.read_text("utf-8")
    for before, added in _EXTENSION.items():
        assert before in text
        text = text.replace(before, added + before, 1)
    org.write_text(text, "utf-8")
    (inv / "clauses.yaml").write_text(_CLAUSES, "utf-8")


def _with_regimes(tmp_path, source, name, regimes):
    """A copy of an inventory whose policy names ``regimes``, in English only (the GDPR ships English)."""
    inv = tmp_path / name
    shutil.copytree(FIXTURES / "full" if source == "extended" else source, inv)
    if source == "extended":
        _extended(inv)
    if regimes.startswith("ccpa"):
        (inv / "ccpa.yaml").write_text(_CCPA, "utf-8")
    org = inv / "organization.yaml"
    text = org.read_text("utf-8")
    if "regimes: [pipa, gdpr]" in text:
        text = text.replace("regimes: [pipa, gdpr]", f"regimes: [{regimes}]")
    else:
        assert "\npolicy:\n" in text and "  languages:" not in text
        text = text.replace("\npolicy:\n", f"\npolicy:\n  regimes: [{regimes}]\n  languages: [en]\n", 1)
    org.write_text(text, "utf-8")
    inventory, findings = check_inventory(inv)
    assert inventory is not None and not [f for f in findings if f.code.startswith("E")], findings
    return inventory, render_document(facts_of(inventory, build_graph(inventory)), "en")


@pytest.mark.parametrize("source, first, title", [
    (FIXTURES / "pipa_gdpr", "gdpr", "Privacy Notice"), (FIXTURES / "full", "gdpr", "Privacy Notice"),
    (FIXTURES / "sometrend", "gdpr", "Privacy Notice"), (REFERENCE, "gdpr", "Privacy Notice"), ("extended", "gdpr", "Privacy Notice"),
    (FIXTURES / "pipa_gdpr", "ccpa", "Privacy Policy"),
], ids=["pipa_gdpr", "full", "sometrend", "reference", "extended", "ccpa_first"])
def test_another_regimes_document_with_pipa_section_drops_nothing_the_pipa_policy_prints(tmp_path, source, first, title):
    inventory, pipa = _with_regimes(tmp_path, source, "pipa", "pipa")
    _, both = _with_regimes(tmp_path, source, "both", f"{first}, pipa")
    assert both.startswith(f"# {title}\n") and "## Information under the Korean Personal Information Protection Act" in both
    printed = {_flat(v) for v in _values(inventory, set()) if len(v.strip()) > 1 and _flat(v) in _flat(pipa)}
    assert len(printed) > 20  # the PIPA policy prints the inventory's names, items, periods, laws and contacts
    assert sorted(value for value in printed if value not in _flat(both)) == []


def test_pipa_only_departments_and_clauses_reach_the_section(tmp_path):
    """The extension's facts are printed by the PIPA policy and land in PIPA's section: a clause added to an
    article the section leaves to the GDPR part (security) becomes a part of its own."""
    _, pipa = _with_regimes(tmp_path, "extended", "pipa", "pipa")
    _, both = _with_regimes(tmp_path, "extended", "gdpr_pipa", "gdpr, pipa")
    section = both[both.index("## Information under the Korean"):]
    for fact in ("Records Access Team", "Kim Do-yun", "Privacy Desk", "Lee Su-min", "On a merger, users are told",
                 "Some requests may be refused", "Only two named staff"):
        assert fact in pipa and fact in section, fact
    headings = re.findall(r"^### (.*)$", section, flags=re.MULTILINE)
    assert {"Business transfer", "Server room keys", "Department that receives requests to access personal information"} <= set(headings)
    assert "\n**Limits of rights**\n" in section and "Limits of rights" not in headings
