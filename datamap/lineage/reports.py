"""Lineage reports: where an item, a system or a processor's data comes from and goes, for people and tools."""

from __future__ import annotations

import json

import networkx as nx

from datamap.lineage import graph as g
from datamap import language
from datamap.inventory.model import Inventory


def _name(graph: nx.MultiDiGraph, node_name: str, lang: str) -> dict:
    """A node as a record: its kind, id and human name."""
    data = graph.nodes[node_name]
    kind, _, ident = node_name.partition(":")
    entity = data["entity"]
    if kind == "field":
        item = graph.nodes[g.node("item", entity.item)]["entity"]
        label = entity.label or item.label
        return {"kind": kind, "id": ident, "name": language.text(label, lang), "item": entity.item, "system": data["system"]}
    text = getattr(entity, "label", None) or getattr(entity, "name", None) or getattr(entity, "title", None) or getattr(entity, "records", None)
    record = {"kind": kind, "id": ident, "name": language.text(text, lang) if isinstance(text, dict) else (text or ident)}
    if kind == "collection_point":
        record["method"] = entity.method
    if kind == "system":
        record["country"] = data["country"]
        record["operator"] = entity.operator
    if kind in ("processor", "third_party"):
        record["country"] = entity.country
    if kind == "retention":
        record["period"] = entity.period
        record["trigger"] = entity.trigger
        record["law"] = entity.law
    return record


def lineage(inventory: Inventory, graph: nx.MultiDiGraph, kind: str, ident: str, lang: str = "en") -> dict | None:
    """The lineage of one item, system or processor as plain records; None if there is no such id."""
    if g.node(kind, ident) not in graph:
        return None
    raw = {"item": g.item_lineage, "system": g.system_lineage, "processor": g.processor_lineage}[kind](graph, ident)
    out: dict = {}
    for key, value in raw.items():
        if isinstance(value, str) and value in graph:
            out[key] = _name(graph, value, lang)
        elif isinstance(value, list):
            out[key] = [
                {**_name(graph, v[0], lang), "country": v[1]} if isinstance(v, tuple) else _name(graph, v, lang) for v in value
            ]
        else:
            out[key] = value
    if kind == "item":
        item = inventory.by_id("items")[ident]
        out["item"]["required"] = item.required
        out["item"]["sensitivity"] = item.sensitivity
    return out


_HEADINGS = {
    "collected_by": "collected by",
    "fields": "stored as",
    "systems": "in systems",
    "operator": "operated by",
    "processors": "processors",
    "sub_processors": "sub-processors",
    "third_parties": "third parties",
    "overseas": "overseas",
    "items": "items",
    "purposes": "purposes",
    "retention": "retention",
    "automated_decisions": "automated decisions",
    "country": "country",
}


def _describe(record: dict, lang: str) -> str:
    text = f"{record['id']} ({record['name']})" if record["name"] != record["id"] else record["id"]
    if record["kind"] == "collection_point":
        text += f" [{record['method']}]"
    if record["kind"] == "retention":
        trigger = (record["trigger"] or "").replace("_", " ")
        if record["period"]:  # the period alone when no trigger is declared
            period = language.duration(record["period"], lang) + (f" from {trigger}" if trigger else "")
        else:
            period = f"until {trigger}" if trigger else "no period or trigger declared"
        text += f": {period}" + (f", law {record['law']}" if record["law"] else "")
    elif "country" in record:
        text += f" [{record['country']}]"
    return text


def format_lineage_text(report: dict, lang: str = "en") -> str:
    head_key = next(iter(report))
    head = report[head_key]
    lines = [f"{head['kind']} {_describe(head, lang)}"]
    width = max(len(h) for h in _HEADINGS.values())
    for key, value in list(report.items())[1:]:
        if key not in _HEADINGS:
            continue
        label = _HEADINGS[key].ljust(width)
        if isinstance(value, list):
            if not value:
                lines.append(f"  {label}  none")
            for i, record in enumerate(value):
                lines.append(f"  {label if i == 0 else ' ' * width}  {_describe(record, lang)}")
        elif isinstance(value, dict):
            lines.append(f"  {label}  {_describe(value, lang)}")
        elif value is None:
            lines.append(f"  {label}  {'the organization itself' if key == 'operator' else 'none'}")
        else:
            lines.append(f"  {label}  {_value(key, value, lang)}")
    return "\n".join(lines) + "\n"


def _value(key: str, value, lang: str) -> str:
    """A plain value in words: yes/no for flags, a country by its name."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if key == "country" and isinstance(value, str):
        return f"{language.country(value, lang)} ({value})"
    return str(value)


def format_lineage_json(report: dict) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"
