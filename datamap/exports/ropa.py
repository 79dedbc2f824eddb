"""Records of processing: GDPR Art 30(1) (English) and the PIPA personal data file items (Korean).

English: one row per purpose (processing activity). The columns follow the supervisory authorities'
templates: the ICO's "Documentation template for controllers" (UK GDPR Art 30(1): purpose, lawful
basis, categories of individuals and of data, recipients, third countries and safeguards, retention
schedule, security measures, location of personal data) and the CNIL's "Modèle de registre"
(fiche de traitement: responsable conjoint, données sensibles, destinataires, transferts hors UE).
The joint controllers are those the purpose declares (Art 26), with the essence of their arrangement.

Korean: one row per system, the personal data file of PIPA Art 32(1) and Enforcement Decree Art 33
(개인정보파일의 명칭, 운영 근거 및 처리 목적, 기록되는 개인정보의 항목, 처리 방법, 보유 기간, 제공받는 자,
운용 기관, 정보주체 수, 개인정보 보호책임자, 열람 요구 접수·처리 부서).

Transfers are those the GDPR regime sees (out of the EEA, or out of the UK for a project that follows
only the UK GDPR), with the safeguards the recipients declare or the adequacy decision that covers them.
A column whose fact the inventory does not declare is left empty: nothing is invented. The processor's
record (Art 30(2)) is in :mod:`datamap.exports.ropa_processor`.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from datamap import language
from datamap.inventory.model import Inventory, Item, Person, RetentionRule
from datamap.lineage import graph as g
from datamap.review.wording import value_word


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    width: int


COLUMNS = {
    "en": [
        Column("activity", "Processing activity (purpose)", 28),
        Column("controller", "Controller: name and contact details", 30),
        Column("joint_controller", "Joint controllers and their arrangement", 30),
        Column("representative", "Representative", 24),
        Column("dpo", "Data protection officer", 24),
        Column("officer", "Privacy officer", 24),
        Column("description", "Description of the processing", 50),
        Column("lawful_basis", "Lawful basis (GDPR Art 6)", 14),
        Column("legitimate_interests", "Legitimate interests", 24),
        Column("subjects", "Categories of data subjects", 18),
        Column("data", "Categories of personal data", 30),
        Column("special", "Special categories of personal data", 20),
        Column("processors", "Recipients: processors", 36),
        Column("third_parties", "Recipients: third parties", 30),
        Column("transfers", "Transfers to third countries (country, recipient)", 30),
        Column("safeguards", "Safeguards for the transfers", 36),
        Column("retention", "Time limits for erasure", 40),
        Column("security", "Technical and organisational security measures", 50),
        Column("location", "Location of personal data (systems)", 30),
    ],
    "ko": [
        Column("file", "개인정보파일의 명칭", 20),
        Column("basis", "운영 근거", 24),
        Column("purposes", "처리 목적", 30),
        Column("items", "기록되는 개인정보의 항목", 30),
        Column("method", "처리 방법", 12),
        Column("retention", "보유 기간", 36),
        Column("recipients", "제공받는 자", 24),
        Column("entrustee", "처리 위탁(수탁자)", 20),
        Column("overseas", "국외 이전", 16),
        Column("operator", "운용 기관의 명칭", 20),
        Column("subject_count", "정보주체의 수", 12),
        Column("officer", "개인정보 보호책임자(담당 부서)", 24),
        Column("access_department", "열람 요구 접수·처리 부서", 24),
    ],
}
TITLES = {"en": "Record of processing activities (GDPR Art 30(1))", "ko": "개인정보파일 현황"}
_METHODS = {"en": {"electronic": "electronic files", "paper": "paper records"}, "ko": {"electronic": "전자적 파일", "paper": "종이 문서"}}
SHEETS = {"en": "Art 30(1) record", "ko": "개인정보파일"}

_GDPR_BASIS = {"6(1)(a)": "Art 6(1)(a) consent", "6(1)(b)": "Art 6(1)(b) contract", "6(1)(c)": "Art 6(1)(c) legal obligation",
               "6(1)(d)": "Art 6(1)(d) vital interests", "6(1)(e)": "Art 6(1)(e) public task", "6(1)(f)": "Art 6(1)(f) legitimate interests"}
_PIPA_BASIS = {"consent": "정보주체의 동의", "contract": "계약의 체결·이행", "statute": "법률의 특별한 규정 또는 법령상 의무의 준수",
               "vital_interest": "정보주체 등의 생명·신체·재산상 이익", "legitimate_interest": "개인정보처리자의 정당한 이익",
               "public_task": "공공기관의 소관 업무 수행"}
_EVENTS = {
    "en": {"collection": "collection", "withdrawal": "withdrawal", "purpose_achieved": "the purpose is achieved",
           "contract_end": "the end of the contract", "transaction": "the transaction"},
    "ko": {"collection": "수집일", "withdrawal": "탈퇴일", "purpose_achieved": "목적 달성일", "contract_end": "계약 종료일", "transaction": "거래일"},
}
_SECURITY = {"en": {"administrative": "administrative", "technical": "technical", "physical": "physical"},
             "ko": {"administrative": "관리적", "technical": "기술적", "physical": "물리적"}}


def _lines(values) -> str:
    return "\n".join(dict.fromkeys(v for v in values if v))


def _person(person: Person | None, lang: str) -> str:
    if person is None:
        return ""
    t = language.text
    return _lines([t(person.name, lang), t(person.title, lang), t(person.department, lang), person.email, person.phone])


def _retention(rule: RetentionRule, inventory: Inventory, lang: str) -> str:
    """'Records of payment: 5 years from the transaction (Act ...)'; the trigger only when declared."""
    event = _EVENTS[lang][rule.trigger] if "trigger" in rule.model_fields_set else ""
    period = language.duration(rule.period, lang)
    if lang == "ko":
        when = f"{event}부터 {period}" if period and event else period or (f"{event}까지" if event else "")
    else:
        when = f"{period} from {event}" if period and event else period or (f"until {event}" if event else "")
    law = inventory.by_id("laws").get(rule.law) if rule.law else None
    text = f"{language.text(rule.records, lang)}: {when}" if when else language.text(rule.records, lang)
    return f"{text} ({language.text(law.name, lang)})" if law else text


def _retention_of(items: list[Item], inventory: Inventory, lang: str) -> str:
    ids = {i.id for i in items}
    return _lines(_retention(rule, inventory, lang) for rule in inventory.retention if ids & set(rule.items))


def _security(inventory: Inventory, lang: str) -> str:
    by_category: dict[str, list[str]] = {}
    for m in inventory.security_measures:
        by_category.setdefault(m.category, []).append(language.text(m.measure, lang))
    return "\n".join(f"{_SECURITY[lang][c]}: {'; '.join(ms)}" for c, ms in by_category.items())


def _contact(party, lang: str) -> str:
    """A party's name, then its address, email and phone: what it declares, one per line."""
    t = language.text
    return _lines([t(party.name, lang), t(party.address, lang) if party.address else "", party.email, party.phone])


def _joint_controllers(purpose, lang: str) -> str:
    """Art 26: each joint controller with its contact details and the essence of the arrangement."""
    return "\n\n".join(_contact(j, lang) + (f"\nArrangement: {language.text(j.arrangement, lang)}" if j.arrangement else "")
                        for j in purpose.joint_controllers)


def _controller(inventory: Inventory, lang: str) -> str:
    org = inventory.organization
    return _lines([language.text(org.name, lang), language.text(org.address, lang), org.email, org.phone])


def _third_parties(inventory: Inventory, items: list[Item], lang: str) -> list[str]:
    ids = {i.id for i in items}
    labels = {i.id: language.text(i.label, lang) for i in inventory.items}
    return [f"{language.text(p.name, lang)} ({p.country}): {', '.join(labels[i] for i in p.items if i in ids)}"
            for p in inventory.third_parties if ids & set(p.items)]


def _representatives(inventory: Inventory, lang: str) -> str:
    org = inventory.organization
    found = [(where, r) for where, r in (("EU", org.eu_representative), ("UK", org.uk_representative)) if r is not None]
    return "\n".join(f"{where}: " + ", ".join(v for v in (language.text(r.name, lang), language.text(r.address, lang), r.email, r.phone) if v)
                     for where, r in found)


def _cover(cover) -> str:
    """One safeguard in words: its mechanism, the derogation relied on, the decision behind it, where to get a copy."""
    words = value_word(cover.mechanism, "en")
    declared = cover.declared
    if declared is not None and declared.derogation:
        words += f": {value_word(declared.derogation, 'en')}"
    if cover.decision is not None:
        words += f" ({cover.decision.reference})"
    if declared is not None and declared.copy_from:
        words += f"; copy: {language.text(declared.copy_from, 'en')}"
    return words


def _gdpr_transfers(inventory: Inventory, graph: nx.MultiDiGraph) -> list:
    """Transfers out of the GDPR's area (the UK GDPR's, for a project that follows only that), with their safeguards."""
    from datamap.lineage.facts import policy_facts
    from datamap.regimes.gdpr.facts import transfers_of

    regimes = inventory.policy.regimes
    regime = "uk_gdpr" if "uk_gdpr" in regimes and "gdpr" not in regimes else "gdpr"
    return transfers_of(policy_facts(inventory, graph), regime)


def controller_rows(inventory: Inventory, graph: nx.MultiDiGraph) -> list[list[str]]:
    """Art 30(1): one row per purpose, in the inventory's order."""
    lang = "en"
    org = inventory.organization
    processors = inventory.by_id("processors")
    security = _security(inventory, lang)
    transfers = _gdpr_transfers(inventory, graph)
    rows = []
    for purpose in inventory.purposes:
        items = [g.entity(graph, n) for n in g.items_of_purpose(graph, purpose.id)]
        ids = {i.id for i in items}
        systems = [s for s in inventory.systems if purpose.id in s.purposes]
        operators = [processors[o] for o in dict.fromkeys(s.operator for s in systems) if o in processors]
        operator_ids = {p.id for p in operators}
        here = [t for t in transfers if (t.kind == "processor" and t.recipient.id in operator_ids)
                or (t.kind == "third_party" and ids & set(t.recipient.items))]
        basis = purpose.legal_basis.gdpr if purpose.legal_basis else None
        cells = {
            "activity": language.text(purpose.title, lang),
            "controller": _controller(inventory, lang),
            "joint_controller": _joint_controllers(purpose, lang),
            "representative": _representatives(inventory, lang),
            "dpo": _person(org.dpo, lang),
            "officer": _person(org.privacy_officer, lang),
            "description": _lines(language.text(d, lang) for d in purpose.details),
            "lawful_basis": _GDPR_BASIS[basis] if basis else "",
            "legitimate_interests": language.text(purpose.legitimate_interest, lang),
            "subjects": _lines(value_word(s, lang) for i in items for s in i.subjects),
            "data": _lines(language.text(i.label, lang) for i in items),
            "special": _lines(language.text(i.label, lang) for i in items if i.sensitivity == "sensitive"),
            "processors": _lines(f"{language.text(p.name, lang)} ({p.country}): {'; '.join(language.text(t, lang) for t in p.tasks)}"
                                 for p in operators),
            "third_parties": _lines(_third_parties(inventory, items, lang)),
            "transfers": _lines(f"{language.country(t.country, lang)}, {language.text(t.recipient.name, lang)}" for t in here),
            "safeguards": _lines(f"{language.text(t.recipient.name, lang)}: {'; '.join(_cover(c) for c in t.covers)}" for t in here if t.covers),
            "retention": _retention_of(items, inventory, lang),
            "security": security,
            "location": _lines(f"{language.text(s.name, lang)} ({inventory.system_country(s)})" for s in systems),
        }
        rows.append([cells.get(c.key, "") for c in COLUMNS[lang]])
    return rows


def pipa_file_rows(inventory: Inventory, graph: nx.MultiDiGraph) -> list[list[str]]:
    """PIPA Art 32(1) / Decree Art 33: one row per system (personal data file), in Korean."""
    lang = "ko"
    home = inventory.organization.country
    processors = inventory.by_id("processors")
    purposes = inventory.by_id("purposes")
    items_by_id = inventory.by_id("items")
    org = inventory.organization
    rows = []
    for system in inventory.systems:
        items = [items_by_id[i] for i in dict.fromkeys(f.item for f in system.fields) if i in items_by_id]
        served = [purposes[p] for p in system.purposes if p in purposes]
        bases = [_PIPA_BASIS[p.legal_basis.pipa] for p in served if p.legal_basis and p.legal_basis.pipa]
        labels = [language.text(f.label or items_by_id[f.item].label, lang) for f in system.fields if f.item in items_by_id]
        country = inventory.system_country(system)
        operator = processors.get(system.operator)
        cells = {
            "file": language.text(system.name, lang),
            "basis": _lines(bases),
            "purposes": _lines(language.text(p.title, lang) for p in served),
            "items": _lines(labels),
            "method": ", ".join(_METHODS[lang][m] for m in system.processing_methods),
            "retention": _retention_of(items, inventory, lang),
            "recipients": _lines(_third_parties(inventory, items, lang)),
            "entrustee": language.text(operator.name, lang) if operator else "",
            "overseas": language.country(country, lang) if country != home else "",
            "operator": language.text(org.name, lang),
            "subject_count": f"{system.subject_count:,}명" if system.subject_count is not None else "",
            "officer": _person(org.privacy_officer, lang),
            "access_department": _person(org.complaints_department, lang),
        }
        rows.append([cells.get(c.key, "") for c in COLUMNS[lang]])
    return rows


#: the records ``export ropa`` writes: the controller's (Art 30(1), or the PIPA files in Korean) and the processor's
RECORDS = ("controller", "processor")


def applicable_records(inventory: Inventory, lang: str = "en") -> list[str]:
    """The records the inventory has facts for: the controller's when it declares purposes (or when nothing
    else applies), the processor's (English only) when it names the controllers it serves."""
    found = ["controller"] if inventory.purposes or lang == "ko" else []
    if lang != "ko" and inventory.organization.controllers_served:
        found.append("processor")
    return found or ["controller"]


def _table(inventory: Inventory, graph: nx.MultiDiGraph, record: str, lang: str) -> tuple[str, str, list[Column], list[list[str]]]:
    """(title, sheet name, columns, rows) of one record."""
    if record == "processor":
        from datamap.exports import ropa_processor as p

        return p.TITLE, p.SHEET, p.COLUMNS, p.processor_rows(inventory, graph)
    rows = pipa_file_rows(inventory, graph) if lang == "ko" else controller_rows(inventory, graph)
    return TITLES[lang], SHEETS[lang], COLUMNS[lang], rows


def ropa(inventory: Inventory, graph: nx.MultiDiGraph, fmt: str, lang: str = "en", records: list[str] | None = None) -> str | bytes:
    """The records in ``fmt`` (csv, xlsx or md): Art 30(1) in English, the PIPA file items in Korean, and the
    Art 30(2) record. ``records`` defaults to :func:`applicable_records`; a CSV holds the first only. The XLSX
    has one sheet per record, the Markdown one table per record."""
    from datamap.exports.tables import Sheet, to_csv, to_markdown, to_xlsx_sheets

    lang = "ko" if lang == "ko" else "en"  # the English record serves every other language
    tables = [_table(inventory, graph, record, lang) for record in (records or applicable_records(inventory, lang))]
    if fmt == "csv":
        _, _, columns, rows = tables[0]
        return to_csv([c.title for c in columns], rows)
    if fmt == "xlsx":
        return to_xlsx_sheets([Sheet(sheet, [c.title for c in columns], rows, [c.width for c in columns]) for _, sheet, columns, rows in tables])
    name = language.text(inventory.organization.name, lang)
    return "\n".join(to_markdown(f"{title}: {name}", [c.title for c in columns], rows) for title, _, columns, rows in tables)
