"""Stage 4, facts: what each section of the policy must say, derived from the lineage graph.

The result is plain data for the templates; no wording lives here. Which articles the policy has and
in which order is decided by :mod:`datamap.lineage.sections`; sections whose facts the inventory does
not hold are left out and the remaining ones are numbered in turn.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from datamap.lineage import graph as g
from datamap.gcpause import paused_gc
from datamap.inventory.model import Inventory, Item
from datamap.lineage.sections import SECTIONS, clause_key, number_sections, order_sections  # noqa: F401 - SECTIONS is re-exported

SECURITY_CATEGORIES = ("administrative", "technical", "physical")
#: collection methods whose items the data subject gives us, in the order the policy lists them
ENTERED = ("form", "social_login", "offline")


@dataclass
class ProcessorRow:
    processor: Any
    labels: list[dict]  # Text of each field the processor receives, without repeats
    items: list[Item]
    overseas: bool


@dataclass
class Transfer:
    """One overseas recipient, with everything PIPA Art 28-8 asks to disclose."""

    recipient: Any  # Processor or ThirdParty
    kind: str  # "processor" or "third_party"
    country: str
    items: list[Item]
    purpose: list[dict]
    details: Any  # OverseasTransfer or None

    @property
    def contact(self) -> str | None:
        """The recipient's contact as declared; None when the inventory gives none (a completeness finding)."""
        if self.kind == "self":
            return self.recipient.email
        return self.recipient.contact


@dataclass
class PolicyFacts:
    inventory: Inventory
    sections: dict[str, int]  # section key -> article number
    items_entered: list[Item]
    items_generated: list[Item]
    items_received: list[Item]
    collection_points: list[tuple[Any, list[Item]]]
    purposes: list[tuple[Any, list[Item]]]
    #: every retention rule in inventory order, with its items and its law (or None): the three lists below part it
    retention: list[tuple[Any, list[Item], Any]]
    retention_general: list[tuple[Any, list[Item]]]
    retention_statutory: list[tuple[Any, list[Item], Any]]
    retention_internal: list[tuple[Any, list[Item]]]
    security: list[tuple[str, list[dict]]]
    third_parties: list[tuple[Any, list[Item]]]
    processors: list[ProcessorRow]
    transfers: list[Transfer]
    web_storage_kinds: list[str]
    automated_decisions: list[tuple[Any, list[Item]]]
    children_items: list[Item] = field(default_factory=list)
    has_marketing: bool = False
    #: article key ("clause:<id>") -> the custom clause that is that article
    clause_articles: dict[str, Any] = field(default_factory=dict)
    #: section key -> custom clauses added as paragraphs at its end
    clause_paragraphs: dict[str, list] = field(default_factory=dict)


def entities(by_id: dict[str, Any], ids) -> list[Any]:
    """The entities of ``ids`` (given ``by_id``, e.g. the inventory's items by id), in that order, without
    repeats; an id that names none is left out (validation reports it)."""
    return [by_id[i] for i in dict.fromkeys(ids) if i in by_id]


def touching(entries, ids) -> list:
    """The entries ``(entity, items, ...)`` of a facts list whose items include any of ``ids``, in order:
    the purposes, collection points or retention rules that concern some items."""
    ids = set(ids)
    return [entry for entry in entries if any(item.id in ids for item in entry[1])]


def _item_entities(graph: nx.MultiDiGraph, nodes) -> list[Item]:
    return [g.entity(graph, n) for n in nodes]


def processor_rows(inventory: Inventory, graph: nx.MultiDiGraph) -> list[ProcessorRow]:
    """Article 9's table: each processor with the fields that really reach it."""
    rows = []
    for processor in inventory.processors:
        labels: dict[str, dict] = {}
        reached = set()
        for field_node in g.fields_of_processor(graph, processor.id):
            data_field = g.entity(graph, field_node)
            item = g.entity(graph, g.node("item", data_field.item))
            reached.add(item.id)
            text = data_field.label or item.label
            labels.setdefault(repr(sorted(text.items())), text)
        lineage = g.processor_lineage(graph, processor.id)
        for item_node in lineage["items"]:  # items it declares receiving, beyond those its systems hold
            item = g.entity(graph, item_node)
            if item.id not in reached:
                labels.setdefault(repr(sorted(item.label.items())), item.label)
        abroad = processor.country is not None and processor.country != inventory.organization.country
        overseas = abroad or bool(lineage["overseas"])
        rows.append(ProcessorRow(processor, list(labels.values()), _item_entities(graph, lineage["items"]), overseas))
    return rows


def _transfers(inventory: Inventory, graph: nx.MultiDiGraph) -> list[Transfer]:
    home = inventory.organization.country
    processors = inventory.by_id("processors")
    items_by_id = inventory.by_id("items")
    transfers = []
    #: recipient -> its transfer and the ids of every item that reaches it, in order
    by_recipient: dict[str, tuple[Transfer, dict]] = {}
    for system in inventory.systems:
        country = inventory.system_country(system)
        if country == home:
            continue
        key = f"processor:{system.operator}:{country}"
        if key in by_recipient:
            by_recipient[key][1].update(dict.fromkeys(f.item for f in system.fields))
            continue
        recipient = processors.get(system.operator)
        purpose = recipient.tasks if recipient else [p.title for p in inventory.purposes if p.id in system.purposes]
        transfer = Transfer(recipient or inventory.organization, "processor" if recipient else "self", country, [], purpose, system.transfer)
        by_recipient[key] = (transfer, dict.fromkeys(f.item for f in system.fields))
        transfers.append(transfer)
    for processor in inventory.processors:  # abroad, receiving the items it declares rather than through systems
        abroad = processor.country is not None and processor.country != home
        key = f"processor:{processor.id}:{processor.country}"
        if not (abroad and processor.items):
            continue
        if key in by_recipient:
            by_recipient[key][1].update(dict.fromkeys(processor.items))
            continue
        transfer = Transfer(processor, "processor", processor.country, [], processor.tasks, processor.transfer)
        by_recipient[key] = (transfer, dict.fromkeys(processor.items))
        transfers.append(transfer)
    for transfer, ids in by_recipient.values():
        transfer.items = entities(items_by_id, ids)
    for party in inventory.third_parties:
        if party.country != home:
            transfers.append(Transfer(party, "third_party", party.country, entities(items_by_id, party.items), [party.purpose], party.transfer))
    return transfers


def _clauses(inventory: Inventory, sections: dict[str, int]) -> tuple[dict, dict]:
    articles = {clause_key(c.id): c for c in inventory.clauses if c.placement == "article"}
    last = list(sections)[-1]
    paragraphs: dict[str, list] = {}
    for clause in inventory.clauses:
        if clause.placement == "paragraph":
            paragraphs.setdefault(clause.after if clause.after in sections else last, []).append(clause)
    return articles, paragraphs


@paused_gc()
def policy_facts(inventory: Inventory, graph: nx.MultiDiGraph) -> PolicyFacts:
    by_id = inventory.by_id("items")
    points = [(p, entities(by_id, p.items)) for p in inventory.collection_points]
    entered = entities(by_id, (i.id for p, items in points if p.method in ENTERED for i in items))
    # every item here comes from by_id, so an item is in a list exactly when its id is
    earlier = {i.id for i in entered}
    generated = entities(by_id, (i.id for p, items in points if p.method == "automatic" for i in items if i.id not in earlier))
    earlier.update(i.id for i in generated)
    received = entities(by_id, (i.id for p, items in points if p.method == "from_third_party" for i in items if i.id not in earlier))

    purposes = [(p, _item_entities(graph, g.items_of_purpose(graph, p.id))) for p in inventory.purposes]
    laws = inventory.by_id("laws")
    # items may be empty: a statutory row may name only its records
    retention = [(rule, entities(by_id, rule.items), laws.get(rule.law) if rule.law else None) for rule in inventory.retention]
    general, statutory, internal = [], [], []
    for rule, items, law in retention:
        if rule.law:
            statutory.append((rule, items, law))
        elif rule.period:
            internal.append((rule, items))
        else:
            general.append((rule, items))

    security = [
        (category, [m.measure for m in inventory.security_measures if m.category == category]) for category in SECURITY_CATEGORIES
    ]
    transfers = _transfers(inventory, graph)
    children = inventory.children
    applies = {
        "overseas": bool(transfers),
        "web_storage": bool(inventory.web_storage),
        "automated_decisions": bool(inventory.automated_decisions) or inventory.policy.no_automated_decisions,
        "children": children is not None,  # declared either way: "none are collected" is a statement too
        "domestic_agent": inventory.organization.domestic_agent is not None,
        "remedies": bool(inventory.remedies),
        "inactive_accounts": inventory.inactive_accounts is not None,
        "access_department": inventory.organization.access_department is not None,
        "miscellaneous": bool(inventory.policy.scope_exclusions) or "miscellaneous" in (inventory.policy.sections or []),
    }
    sections = number_sections(order_sections(applies, inventory.policy.sections, inventory.clauses))
    clause_articles, clause_paragraphs = _clauses(inventory, sections)
    return PolicyFacts(
        inventory=inventory,
        sections=sections,
        clause_articles=clause_articles,
        clause_paragraphs=clause_paragraphs,
        items_entered=entered,
        items_generated=generated,
        items_received=received,
        collection_points=points,
        purposes=purposes,
        retention=retention,
        retention_general=general,
        retention_statutory=statutory,
        retention_internal=internal,
        security=[(c, measures) for c, measures in security if measures],
        third_parties=[(p, entities(by_id, p.items)) for p in inventory.third_parties],
        processors=processor_rows(inventory, graph),
        transfers=transfers,
        web_storage_kinds=list(dict.fromkeys(w.kind for w in inventory.web_storage)),
        automated_decisions=[(d, entities(by_id, d.items)) for d in inventory.automated_decisions],
        children_items=entities(by_id, children.representative_items) if children else [],
        has_marketing=any(p.marketing for p in inventory.purposes),
    )
