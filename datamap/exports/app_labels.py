"""App-store privacy labels: Apple's App Privacy details and Google Play's Data safety form.

What the app collects is what the collection points marked ``in_app: true`` collect. Each such item
declares its store data types, whether it is linked to the user and whether it is used for tracking
(``items[].app_label``); why it is collected comes from the purposes of the systems that hold it
(``purposes[].store_purpose``), and whether Google would call it shared from the third parties that
receive it (``third_parties[].store_purpose`` gives the sharing purpose; processors are service
providers, which Google does not count as sharing).

Apple: the JSON of fastlane's ``upload_app_privacy_details_to_app_store`` (a list of category,
purposes and data protections, with App Store Connect API identifiers). Google: the rows of the
Data safety CSV that the Play Console imports, for the data-type questions only; the questions the
inventory holds no facts for (encryption in transit, deletion requests, ephemeral processing) are
answered in the Console.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from datamap.findings import Finding
from datamap.inventory.model import Inventory, Item
from datamap.inventory.store_types import GOOGLE_GROUP, STORE_PURPOSES

if TYPE_CHECKING:  # networkx takes longer to import than `datamap check` takes to check 1,000 fields
    import networkx as nx

GOOGLE_HEADER = ["Question ID (machine readable)", "Response ID (machine readable)", "Response value", "Answer requirement",
                 "Human-friendly question label"]


def _words(identifier: str) -> str:
    """PSL_DATA_TYPES_PERSONAL -> 'Personal', PSL_USER_ACCOUNT -> 'User account': for the CSV's human-friendly label column."""
    return identifier.removeprefix("PSL_DATA_TYPES_").removeprefix("PSL_").replace("_", " ").capitalize()


def _finding(inventory: Inventory, entity, code: str, message: str, key: str = "id") -> Finding:
    file, path = inventory.location(entity)
    return Finding(file, code=code, message=message, path=path + ((key,) if key else ()))


def app_items(inventory: Inventory) -> list[Item]:
    """Items some in-app collection point collects, in the inventory's order."""
    collected = {i for point in inventory.collection_points if point.in_app for i in point.items}
    return [item for item in inventory.items if item.id in collected]


def item_purposes(inventory: Inventory) -> dict[str, list]:
    """item id -> the purposes of the systems that hold it, in inventory order."""
    purposes = inventory.by_id("purposes")
    found: dict[str, dict] = {}
    for system in inventory.systems:
        for data_field in system.fields:
            for pid in system.purposes:
                if pid in purposes:
                    found.setdefault(data_field.item, {})[pid] = purposes[pid]
    return {item: list(ps.values()) for item, ps in found.items()}


def check_app_labels(inventory: Inventory, store: str | None = None) -> list[Finding]:
    """What the labels need: a store data type for every item the app collects, and store purposes.

    ``store`` ("apple" or "google") also asks for that store's data type on every item.
    """
    findings: list[Finding] = []
    in_app = app_items(inventory)
    in_app_ids = {i.id for i in in_app}
    if store and not in_app:
        point = inventory.collection_points[0] if inventory.collection_points else inventory.organization
        findings.append(_finding(inventory, point, "E907", "no collection point is marked 'in_app: true': the inventory does not say what the app collects",
                                 key="id" if inventory.collection_points else ""))
    for item in inventory.items:
        if item.id not in in_app_ids:
            if item.app_label is not None:
                findings.append(_finding(inventory, item, "W900", f"item '{item.id}' has an app_label but no in_app collection point collects it: it is in no store label", key="app_label"))
            continue
        label = item.app_label
        if label is None:
            findings.append(_finding(inventory, item, "E900", f"item '{item.id}' is collected by the app but has no store data type: add app_label (apple, google, linked, tracking)"))
            continue
        if label.apple is None and label.google is None:
            findings.append(_finding(inventory, item, "E901", f"item '{item.id}': app_label names no store data type: add apple and/or google", key="app_label"))
        elif store and getattr(label, store) is None:
            findings.append(_finding(inventory, item, "E902", f"item '{item.id}' is collected by the app but has no {store} data type: add app_label.{store}", key="app_label"))
    purposes_of = item_purposes(inventory) if in_app else {}  # every field of every system: skipped when the app collects nothing
    reported: set[str] = set()
    for item in in_app:
        if not purposes_of.get(item.id):
            findings.append(_finding(inventory, item, "E903", f"item '{item.id}' is collected by the app but serves no purpose: the stores ask why it is collected"))
        for purpose in purposes_of.get(item.id, []):
            if purpose.store_purpose is None and purpose.id not in reported:
                reported.add(purpose.id)
                findings.append(_finding(inventory, purpose, "E904", f"purpose '{purpose.id}' uses data the app collects but has no store_purpose ({', '.join(STORE_PURPOSES)})"))
    for party in inventory.third_parties:
        if in_app_ids & set(party.items) and party.store_purpose is None and store != "apple":
            findings.append(_finding(inventory, party, "E905", f"third party '{party.id}' receives data the app collects but has no store_purpose (Google: why it is shared)"))
    return findings


def apple_privacy_details(inventory: Inventory, graph: nx.MultiDiGraph | None = None) -> str:
    """fastlane's app_privacy_details.json: one entry per Apple data type, sorted by type."""
    purposes_of = item_purposes(inventory)
    entries: dict[str, dict] = {}
    for item in app_items(inventory):
        category = item.app_label.apple
        entry = entries.setdefault(category, {"purposes": set(), "linked": False, "tracking": False})
        entry["purposes"].update(STORE_PURPOSES[p.store_purpose][0] for p in purposes_of.get(item.id, []))
        entry["linked"] |= item.app_label.linked
        entry["tracking"] |= item.app_label.tracking
    usages = []
    for category in sorted(entries):
        entry = entries[category]
        protections = ["DATA_LINKED_TO_YOU" if entry["linked"] else "DATA_NOT_LINKED_TO_YOU"]
        if entry["tracking"]:
            protections.append("DATA_USED_TO_TRACK_YOU")
        usages.append({"category": category, "purposes": sorted(entry["purposes"]), "data_protections": protections})
    return json.dumps(usages, indent=2) + "\n"


def google_data_safety(inventory: Inventory, graph: nx.MultiDiGraph | None = None) -> str:
    """The Data safety CSV rows for the data types the app collects or shares, in the Console's order."""
    from datamap.exports.tables import to_csv

    purposes_of = item_purposes(inventory)
    types: dict[str, dict] = {}
    for item in app_items(inventory):
        data_type = item.app_label.google
        entry = types.setdefault(data_type, {"collected": set(), "shared": set(), "required": False})
        entry["collected"].update(STORE_PURPOSES[p.store_purpose][1] for p in purposes_of.get(item.id, []))
        entry["shared"].update(STORE_PURPOSES[t.store_purpose][1] for t in inventory.third_parties if item.id in t.items)
        entry["required"] |= item.required
    rows = [["PSL_DATA_COLLECTION_COLLECTS_PERSONAL_DATA", "", "TRUE", "REQUIRED", "Does your app collect or share any of the required user data types?"]]
    ordered = [t for t in GOOGLE_GROUP if t in types]
    for data_type in ordered:
        rows.append([GOOGLE_GROUP[data_type], data_type, "TRUE", "MULTIPLE_CHOICE", f"Data types/{_words(GOOGLE_GROUP[data_type])}/{_words(data_type)}"])
    for data_type in ordered:
        entry = types[data_type]
        usage, name = f"PSL_DATA_USAGE_RESPONSES:{data_type}", _words(data_type)
        rows.append([f"{usage}:PSL_DATA_USAGE_COLLECTION_AND_SHARING", "PSL_DATA_USAGE_ONLY_COLLECTED", "TRUE", "MULTIPLE_CHOICE", f"{name}/collected"])
        if entry["shared"]:
            rows.append([f"{usage}:PSL_DATA_USAGE_COLLECTION_AND_SHARING", "PSL_DATA_USAGE_ONLY_SHARED", "TRUE", "MULTIPLE_CHOICE", f"{name}/shared"])
        control = "PSL_DATA_USAGE_USER_CONTROL_REQUIRED" if entry["required"] else "PSL_DATA_USAGE_USER_CONTROL_OPTIONAL"
        rows.append([f"{usage}:DATA_USAGE_USER_CONTROL", control, "TRUE", "SINGLE_CHOICE", f"{name}/required or optional"])
        for purpose in sorted(entry["collected"]):
            rows.append([f"{usage}:DATA_USAGE_COLLECTION_PURPOSE", purpose, "TRUE", "MULTIPLE_CHOICE", f"{name}/why collected"])
        for purpose in sorted(entry["shared"]):
            rows.append([f"{usage}:DATA_USAGE_SHARING_PURPOSE", purpose, "TRUE", "MULTIPLE_CHOICE", f"{name}/why shared"])
    return to_csv(GOOGLE_HEADER, rows, safe=False)
