"""Stage 3, graph: the lineage of personal data as a typed networkx multigraph.

Nodes are named ``kind:id`` (fields ``field:system.name``) and carry ``kind`` and the inventory
``entity``. Edges carry ``kind``:

    collection_point -collects-> item -stored_as-> field -part_of-> system
    system -operated_by-> processor -subcontracts-> sub_processor
    system -serves-> purpose            item -provided_to-> third_party
    item -entrusted_to-> processor (the processor's own ``items:`` declaration)
    retention_rule -retains-> item      item -used_in-> automated_decision

Edges that leave the organization's country carry ``overseas=True`` and the destination ``country``.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from datamap.gcpause import paused_gc
from datamap.inventory.model import Inventory


def node(kind: str, entity_id: str) -> str:
    return f"{kind}:{entity_id}"


@paused_gc()
def build_graph(inventory: Inventory) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph(home=inventory.organization.country)
    home = inventory.organization.country
    for kind, section in (
        ("item", "items"),
        ("collection_point", "collection_points"),
        ("purpose", "purposes"),
        ("retention", "retention"),
        ("processor", "processors"),
        ("third_party", "third_parties"),
        ("automated_decision", "automated_decisions"),
    ):
        for order, entity in enumerate(getattr(inventory, section)):
            graph.add_node(node(kind, entity.id), kind=kind, entity=entity, order=order)

    for point in inventory.collection_points:
        for item_id in point.items:
            graph.add_edge(node("collection_point", point.id), node("item", item_id), kind="collects")
    for system in inventory.systems:
        system_node = node("system", system.id)
        country = inventory.system_country(system)
        graph.add_node(system_node, kind="system", entity=system, country=country)
        for data_field in system.fields:
            field_node = node("field", f"{system.id}.{data_field.name}")
            graph.add_node(field_node, kind="field", entity=data_field, system=system.id)
            graph.add_edge(node("item", data_field.item), field_node, kind="stored_as")
            graph.add_edge(field_node, system_node, kind="part_of")
        for purpose_id in system.purposes:
            graph.add_edge(system_node, node("purpose", purpose_id), kind="serves")
        if system.operator != "self":
            graph.add_edge(system_node, node("processor", system.operator), kind="operated_by", overseas=country != home, country=country)
    for processor in inventory.processors:
        for item_id in processor.items or ():
            graph.add_edge(node("item", item_id), node("processor", processor.id), kind="entrusted_to")
        for index, sub in enumerate(processor.sub_processors or ()):
            sub_node = node("sub_processor", f"{processor.id}.{index}")
            graph.add_node(sub_node, kind="sub_processor", entity=sub)
            graph.add_edge(node("processor", processor.id), sub_node, kind="subcontracts", overseas=sub.country != home, country=sub.country)
    for party in inventory.third_parties:
        for item_id in party.items:
            graph.add_edge(node("item", item_id), node("third_party", party.id), kind="provided_to", overseas=party.country != home, country=party.country)
    for rule in inventory.retention:
        for item_id in rule.items:
            graph.add_edge(node("retention", rule.id), node("item", item_id), kind="retains")
    for decision in inventory.automated_decisions:
        for item_id in decision.items:
            graph.add_edge(node("item", item_id), node("automated_decision", decision.id), kind="used_in")
    return graph


def _neighbours(adjacency: dict, name: str, kind: str) -> list[str]:
    """Neighbours in one direction over edges of one kind, in insertion order, without repeats.

    Reads networkx's adjacency dicts (``_succ``, ``_pred``: node -> neighbour -> key -> edge data)
    directly: the edge views build a tuple per edge, which dominated the time of large policies.
    """
    return [v for v, edges in adjacency.get(name, {}).items() if any(d.get("kind") == kind for d in edges.values())]


def _targets(graph: nx.MultiDiGraph, source: str, kind: str) -> list[str]:
    """Successors over edges of one kind, in insertion order, without repeats."""
    return _neighbours(graph._succ, source, kind)


def _sources(graph: nx.MultiDiGraph, target: str, kind: str) -> list[str]:
    return _neighbours(graph._pred, target, kind)


def entity(graph: nx.MultiDiGraph, name: str) -> Any:
    return graph.nodes[name]["entity"]


def fields_of_item(graph, item_id: str) -> list[str]:
    return _targets(graph, node("item", item_id), "stored_as")


def system_of_field(graph, field_node: str) -> str:
    return _targets(graph, field_node, "part_of")[0]


def systems_of_item(graph, item_id: str) -> list[str]:
    return list(dict.fromkeys(system_of_field(graph, f) for f in fields_of_item(graph, item_id)))


def purposes_of_system(graph, system_node: str) -> list[str]:
    return _targets(graph, system_node, "serves")


def purposes_of_item(graph, item_id: str) -> list[str]:
    return list(dict.fromkeys(p for s in systems_of_item(graph, item_id) for p in purposes_of_system(graph, s)))


def items_of_purpose(graph, purpose_id: str) -> list[str]:
    """Items whose fields sit in a system that serves the purpose, in inventory order of items."""
    purpose_node = node("purpose", purpose_id)
    systems = _sources(graph, purpose_node, "serves")
    found = set()
    for system in systems:
        for field_node in _sources(graph, system, "part_of"):
            found.update(_sources(graph, field_node, "stored_as"))
    return sorted(found, key=lambda n: graph.nodes[n]["order"])


def operator_of_system(graph, system_node: str) -> str | None:
    operators = _targets(graph, system_node, "operated_by")
    return operators[0] if operators else None


def fields_of_processor(graph, processor_id: str) -> list[str]:
    """Fields held in the systems a processor operates: what really reaches it."""
    systems = _sources(graph, node("processor", processor_id), "operated_by")
    return [f for s in systems for f in _sources(graph, s, "part_of")]


def items_of_processor(graph, processor_id: str) -> list[str]:
    """Items that reach a processor through the systems it operates, then those it declares receiving."""
    through_systems = [_sources(graph, f, "stored_as")[0] for f in fields_of_processor(graph, processor_id)]
    declared = _sources(graph, node("processor", processor_id), "entrusted_to")
    return list(dict.fromkeys(through_systems + declared))


def item_lineage(graph, item_id: str) -> dict:
    """Where one item comes from, where it is held, who receives it, why, and for how long."""
    item_node = node("item", item_id)
    fields = fields_of_item(graph, item_id)
    systems = systems_of_item(graph, item_id)
    processors = list(dict.fromkeys([p for s in systems if (p := operator_of_system(graph, s))] + _targets(graph, item_node, "entrusted_to")))
    overseas = [
        (s, graph.nodes[s]["country"]) for s in systems if graph.nodes[s]["country"] != graph.graph["home"]
    ] + [(v, d["country"]) for _, v, d in graph.out_edges(item_node, data=True) if d["kind"] == "provided_to" and d["overseas"]]
    return {
        "item": item_node,
        "collected_by": _sources(graph, item_node, "collects"),
        "fields": fields,
        "systems": systems,
        "processors": processors,
        "third_parties": _targets(graph, item_node, "provided_to"),
        "overseas": overseas,
        "purposes": purposes_of_item(graph, item_id),
        "retention": _sources(graph, item_node, "retains"),
        "automated_decisions": _targets(graph, item_node, "used_in"),
    }


def system_lineage(graph, system_id: str) -> dict:
    system_node = node("system", system_id)
    fields = _sources(graph, system_node, "part_of")
    items = list(dict.fromkeys(_sources(graph, f, "stored_as")[0] for f in fields))
    operator = operator_of_system(graph, system_node)
    return {
        "system": system_node,
        "country": graph.nodes[system_node]["country"],
        "overseas": graph.nodes[system_node]["country"] != graph.graph["home"],
        "operator": operator,
        "sub_processors": _targets(graph, operator, "subcontracts") if operator else [],
        "fields": fields,
        "items": items,
        "collected_by": list(dict.fromkeys(c for i in items for c in _sources(graph, i, "collects"))),
        "purposes": purposes_of_system(graph, system_node),
        "retention": list(dict.fromkeys(r for i in items for r in _sources(graph, i, "retains"))),
    }


def processor_lineage(graph, processor_id: str) -> dict:
    processor_node = node("processor", processor_id)
    systems = _sources(graph, processor_node, "operated_by")
    return {
        "processor": processor_node,
        "systems": systems,
        "fields": fields_of_processor(graph, processor_id),
        "items": items_of_processor(graph, processor_id),
        "sub_processors": _targets(graph, processor_node, "subcontracts"),
        "purposes": list(dict.fromkeys(p for s in systems for p in purposes_of_system(graph, s))),
        "overseas": [(s, graph.nodes[s]["country"]) for s in systems if graph.nodes[s]["country"] != graph.graph["home"]],
    }
