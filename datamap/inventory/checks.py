"""Consistency checks: declared facts that contradict the data flows the inventory describes."""

from __future__ import annotations

from pydantic import BaseModel

from datamap.findings import Finding
from datamap.gcpause import paused_gc
from datamap.inventory.model import ANY_LANGUAGE, Inventory, is_language
from datamap.regimes import REGIMES
from datamap.regimes.checks import check_order


def _finding(inventory: Inventory, entity, code: str, message: str, key: str = "id") -> Finding:
    file, path = inventory.location(entity)
    return Finding(file, code=code, message=message, path=path + ((key,) if key else ()))


def check_consistency(inventory: Inventory) -> list[Finding]:
    findings: list[Finding] = []
    home = inventory.organization.country
    collected = {item_id for point in inventory.collection_points for item_id in point.items}
    stored: set[str] = set()
    used: set[str] = set()
    for system in inventory.systems:
        for data_field in system.fields:
            stored.add(data_field.item)
            if system.purposes:
                used.add(data_field.item)
    provided = {item_id for party in inventory.third_parties for item_id in party.items}
    retained = {item_id for rule in inventory.retention for item_id in rule.items}

    for item in inventory.items:
        if item.id not in collected:
            findings.append(_finding(inventory, item, "W304", f"item '{item.id}' is never collected: no collection point lists it"))
            continue
        if item.id not in stored and item.id not in provided:
            findings.append(_finding(inventory, item, "W303", f"item '{item.id}' is collected but stored in no system field"))
        if item.id not in used and item.id not in provided:
            findings.append(_finding(inventory, item, "W301", f"item '{item.id}' is collected but used for no purpose: no system holding it lists a purpose"))
        if item.id not in retained:
            findings.append(_finding(inventory, item, "W302", f"item '{item.id}' has no retention rule: add it to a rule under 'retention'"))

    operated = {system.operator for system in inventory.systems}
    for processor in inventory.processors:
        if not processor.tasks:
            findings.append(_finding(inventory, processor, "E301", f"processor '{processor.id}' has no task: say what is entrusted to it under 'tasks'"))
        if processor.id not in operated:
            findings.append(_finding(inventory, processor, "W306", f"processor '{processor.id}' operates no system, so no item reaches it"))

    for regime in dict.fromkeys(inventory.policy.regimes):
        findings += REGIMES[regime].call("consistency", inventory) or []
    return findings + check_order(inventory)


def check_transfers_abroad(inventory: Inventory) -> list[Finding]:
    """PIPA Art 28-8: every system and third party outside the organization's country says how data goes there."""
    findings: list[Finding] = []
    home = inventory.organization.country
    processors = inventory.by_id("processors")
    abroad_without_contact: dict[str, object] = {}
    for system in inventory.systems:
        country = inventory.system_country(system)
        if country != home and system.transfer is None:
            findings.append(
                _finding(inventory, system, "E302", f"system '{system.id}' runs in {country}, outside {home}: add 'transfer' (timing, method, legal_ground)", key="country")
            )
        operator = processors.get(system.operator)
        if country != home and operator is not None and not operator.contact:
            abroad_without_contact[operator.id] = operator
    for operator in abroad_without_contact.values():
        findings.append(_finding(inventory, operator, "W305", f"processor '{operator.id}' receives data abroad but has no 'contact' for the overseas-transfer section"))
    for party in inventory.third_parties:
        if party.country != home and party.transfer is None:
            findings.append(_finding(inventory, party, "E302", f"third party '{party.id}' is in {party.country}, outside {home}: add 'transfer' (timing, method, legal_ground)", key="country"))
    return findings + check_history(inventory)


def check_history(inventory: Inventory) -> list[Finding]:
    """The change history is append-only: a version appears once, and the current version, when it is
    in the history, has the date it was released with."""
    policy = inventory.policy
    file, path = inventory.location(policy)
    findings, seen = [], {}
    for index, entry in enumerate(policy.history):
        if entry.version in seen:
            findings.append(Finding(file, code="E212", path=path + ("history", index, "version"),
                                    message=f"version {entry.version} is in the history twice: a released version is recorded once"))
        seen.setdefault(entry.version, entry)
    released = seen.get(policy.version)
    if released is not None and released.effective != policy.effective:
        findings.append(Finding(file, code="E213", path=path + ("effective",),
                                message=f"version {policy.version} was released effective {released.effective}: a released version keeps its date; "
                                        "give amended text a new version (datamap release)"))
    return findings


def _is_text(value: dict) -> bool:
    return bool(value) and all(key == ANY_LANGUAGE or is_language(key) for key in value)


def _missing_texts(value, path: tuple, lang: str):
    """Paths of Text values that have neither ``lang`` nor language-neutral text.

    Only models, lists and mappings are descended into: plain values (ids, names, flags), the
    great majority of what an inventory holds, cannot contain a Text.
    """
    if isinstance(value, BaseModel):
        children = ((name, getattr(value, name)) for name in type(value).model_fields)
    elif isinstance(value, list):
        children = enumerate(value)
    else:
        if isinstance(value, dict) and _is_text(value):
            if lang not in value and ANY_LANGUAGE not in value:
                yield path
        return
    for key, child in children:
        if isinstance(child, (BaseModel, list, dict)):
            yield from _missing_texts(child, path + (key,), lang)


@paused_gc()
def check_language(inventory: Inventory, lang: str, code: str = "W401") -> list[Finding]:
    """A finding for every text that has no version in ``lang``: it would otherwise appear in another language.

    W401 makes them warnings; rendering a document in ``lang`` (and ``validate --lang``) asks for E401
    errors, so that no text in another language slips silently into the document.
    """

    def message(path: tuple) -> str:
        if code == "W401":
            return f"no '{lang}' text here"
        where = "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in path).lstrip(".")
        return f"no '{lang}' text for {where}: add a '{lang}' translation to render in '{lang}'"

    findings = []
    entities = [getattr(inventory, section) for section in ("organization", "policy", "destruction", "children", "inactive_accounts")]
    for section in ("items", "collection_points", "purposes", "laws", "retention", "systems", "processors", "third_parties",
                    "web_storage", "security_measures", "rights_procedures", "automated_decisions", "remedies", "clauses"):
        entities += getattr(inventory, section)
    for entity in entities:
        if entity is not None:
            file, path = inventory.location(entity)
            findings += [Finding(file, code=code, message=message(p), path=p) for p in _missing_texts(entity, path, lang)]
    return findings
