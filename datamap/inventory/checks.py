"""Consistency checks: declared facts that contradict the data flows the inventory describes."""

from __future__ import annotations

from pydantic import BaseModel

from datamap.findings import Finding
from datamap.gcpause import paused_gc
from datamap.inventory.model import ANY_LANGUAGE, DEFAULT_LANGUAGE, LANGUAGES, PROSE, Inventory, is_language
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

    findings += _processor_items(inventory)
    for rule in inventory.retention:
        if rule.period is None and rule.trigger is None and rule.law is None and getattr(rule, "criteria", None) is None:
            findings.append(_finding(inventory, rule, "E311", f"retention rule '{rule.id}' says neither how long ('period'), until when ('trigger') nor under which law ('law')"))

    if inventory.policy.no_third_parties and inventory.third_parties:
        findings.append(_finding(inventory, inventory.policy, "E312", "'policy.no_third_parties: true' contradicts the recipients listed under 'third_parties'", key="no_third_parties"))
    if inventory.policy.no_automated_decisions and inventory.automated_decisions:
        findings.append(_finding(inventory, inventory.policy, "E313", "'policy.no_automated_decisions: true' contradicts the decisions listed under 'automated_decisions'", key="no_automated_decisions"))

    for regime in dict.fromkeys(inventory.policy.regimes):
        findings += REGIMES[regime].call("consistency", inventory) or []
    return findings + _other_controllers(inventory) + check_order(inventory)


def check_transfers_abroad(inventory: Inventory) -> list[Finding]:
    """PIPA Art 28-8: every system and third party outside the organization's country says how data goes there."""
    findings: list[Finding] = []
    home = inventory.organization.country
    for system in inventory.systems:
        country = inventory.system_country(system)
        if country != home and system.transfer is None:
            findings.append(
                _finding(inventory, system, "E302", f"system '{system.id}' runs in {country}, outside {home}: add 'transfer' (timing, method, legal_ground)", key="country")
            )
    for processor in inventory.processors:
        if processor.items and processor.country not in (None, home) and processor.transfer is None:
            findings.append(_finding(inventory, processor, "E302", f"processor '{processor.id}' is in {processor.country}, outside {home}, and receives the items it declares: add 'transfer' (timing, method, legal_ground)", key="country"))
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


def _processor_items(inventory: Inventory) -> list[Finding]:
    """A processor's declared ``items`` against what reaches it through the systems it operates.

    An item that reaches it through a system but is not declared is an error (the declaration would
    hide a real flow); a declared item that reaches it through no system it operates is a warning
    (the systems may simply not be modelled).
    """
    findings = []
    systems_of: dict[str, list] = {}
    for system in inventory.systems:
        systems_of.setdefault(system.operator, []).append(system)
    labels = inventory.by_id("items")
    for processor in inventory.processors:
        if not processor.tasks:
            findings.append(_finding(inventory, processor, "E301", f"processor '{processor.id}' has no task: say what is entrusted to it under 'tasks'"))
        systems = systems_of.get(processor.id, [])
        if not systems and not processor.items:
            findings.append(_finding(inventory, processor, "W306", f"processor '{processor.id}' receives no item: list the items it receives under 'items'"))
        if processor.items is None or not systems:
            continue
        reached = {f.item: s for s in systems for f in s.fields}
        declared = set(processor.items)
        for item_id, system in reached.items():
            if item_id not in declared:
                findings.append(_finding(inventory, processor, "E310", f"processor '{processor.id}' receives item '{item_id}' through system '{system.id}' but does not list it under 'items'", key="items"))
        for index, item_id in enumerate(processor.items):
            if item_id in labels and item_id not in reached:
                file, path = inventory.location(processor)
                findings.append(Finding(file, code="W310", message=f"processor '{processor.id}' lists item '{item_id}', but no system it operates holds it", path=path + ("items", index)))
    return findings


def _other_controllers(inventory: Inventory) -> list[Finding]:
    """The facts the records of processing need about other controllers (GDPR Art 26, Art 30(1)(a), 30(2))."""
    findings = []
    org = inventory.organization
    file, path = inventory.location(org)
    for index, served in enumerate(org.controllers_served):
        if not served.processing and not served.purposes:
            findings.append(Finding(file, code="E922", path=path + ("controllers_served", index, "id"),
                                    message=f"controller served '{served.id}': say which processing is carried out on its behalf under "
                                            "'processing' or 'purposes' (GDPR Art 30(2)(b))"))
    if org.role == "processor" and not org.controllers_served:
        findings.append(Finding(file, code="W922", path=path + ("role",),
                                message="the organization acts as a processor but names no controller it serves: list them under "
                                        "'organization.controllers_served' for the processor's record (GDPR Art 30(2)(a))"))
    for purpose in inventory.purposes:
        for index, joint in enumerate(purpose.joint_controllers):
            if joint.arrangement is None:
                p_file, p_path = inventory.location(purpose)
                findings.append(Finding(p_file, code="W923", path=p_path + ("joint_controllers", index, "name"),
                                        message=f"joint controller of purpose '{purpose.id}' does not state the essence of the arrangement "
                                                "under 'arrangement' (GDPR Art 26(2))"))
    if org.role == "joint_controller" and not any(p.joint_controllers for p in inventory.purposes):
        findings.append(Finding(file, code="W924", path=path + ("role",),
                                message="the organization is a joint controller but no purpose names the other controllers: list them "
                                        "under the purpose's 'joint_controllers' (GDPR Art 26, 30(1)(a))"))
    return findings


def _is_text(value: dict) -> bool:
    return bool(value) and all(key == ANY_LANGUAGE or is_language(key) for key in value)


def _missing_texts(value, path: tuple, lang: str, prose: bool = False):
    """``(path, prose)`` of Text values with no ``lang`` version.

    A name is satisfied by language-neutral text; prose (:data:`PROSE`) is not: a plain string there is
    English (DEFAULT_LANGUAGE) only. Only models, lists and mappings are descended into: plain values (ids,
    names, flags), the great majority of what an inventory holds, cannot contain a Text.
    """
    if isinstance(value, BaseModel):
        of_model = PROSE.get(type(value).__name__, frozenset())
        children = ((name, getattr(value, name), name in of_model) for name in type(value).model_fields)
    elif isinstance(value, list):
        children = ((index, child, prose) for index, child in enumerate(value))
    else:
        if isinstance(value, dict) and _is_text(value):
            if lang not in value and ((prose and lang != DEFAULT_LANGUAGE) or ANY_LANGUAGE not in value):
                yield path, prose and ANY_LANGUAGE in value
        return
    for key, child, child_prose in children:
        if isinstance(child, (BaseModel, list, dict)):
            yield from _missing_texts(child, path + (key,), lang, child_prose)


@paused_gc()
def check_language(inventory: Inventory, lang: str, code: str = "W401") -> list[Finding]:
    """A finding for every text that has no version in ``lang``: it would otherwise appear in another language.

    W401 makes them warnings; rendering a document in ``lang`` (and ``validate --lang``) asks for E401
    errors, so that no text in another language slips silently into the document.
    """

    def message(path: tuple, plain_prose: bool) -> str:
        where = "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in path).lstrip(".")
        if plain_prose:
            example = ", ".join(f"{tag}: ..." for tag in LANGUAGES)
            return f"{where} is prose, and a plain string is text in one language: write it as {{{example}}} with a '{lang}' version"
        if code == "W401":
            return f"no '{lang}' text here"
        return f"no '{lang}' text for {where}: add a '{lang}' translation to render in '{lang}'"

    findings = []
    entities = [getattr(inventory, section) for section in ("organization", "policy", "destruction", "children", "inactive_accounts")]
    for section in ("items", "collection_points", "purposes", "laws", "retention", "systems", "processors", "third_parties",
                    "web_storage", "security_measures", "rights_procedures", "automated_decisions", "remedies", "clauses"):
        entities += getattr(inventory, section)
    for entity in entities:
        if entity is not None:
            file, path = inventory.location(entity)
            findings += [Finding(file, code=code, message=message(p, plain), path=p) for p, plain in _missing_texts(entity, path, lang)]
    return findings
