"""Fides manifests from the inventory: organization, data categories, data uses, data subjects,
datasets and systems, as ``fideslang`` loads and validates them.

Mapping (what a Fides resource holds of the inventory):

- organization: name; controller contact (name, address, email, phone); the DPO (or, without one,
  the privacy officer) as ``data_protection_officer``; the EU representative as ``representative``.
- items: a custom data category each, under the item's ``fides_category``
  (``user.contact.email.login_email``), named by its English label: so items stay distinct.
- purposes: a custom data use each, under the purpose's ``fides_use``, named by its title.
- subjects outside the default taxonomy: a custom data subject each.
- systems: a dataset each (one collection of the system's fields, a field's label as its
  description) and a system with one privacy declaration per purpose it serves (its items'
  categories, their subjects, the GDPR legal basis, special-category processing); a processor that
  operates the system is its ``legal_name``; a system abroad ``does_international_transfers``.

Fides has no place for retention rules, transfer details, countries, third parties, web storage or
Korean texts: the export leaves them out and ``import fides`` asks for them back.
Fides holds a legal basis only on a system's privacy declaration and data subjects only on dataset
fields, so a purpose no system serves loses its legal basis and an item no system holds its
subjects; a '.' in an id (nesting in a Fides key) comes back as '_'.
"""

from __future__ import annotations

import re

import networkx as nx
import yaml

from datamap import language
from datamap.findings import Finding
from datamap.exports.fides_taxonomy import is_default
from datamap.inventory.model import Inventory

GDPR_TO_FIDES = {"6(1)(a)": "Consent", "6(1)(b)": "Contract", "6(1)(c)": "Legal obligations", "6(1)(d)": "Vital interests",
                 "6(1)(e)": "Public interest", "6(1)(f)": "Legitimate interests"}
SYSTEM_TYPE = "Service"


def _finding(inventory: Inventory, entity, code: str, message: str) -> Finding:
    file, path = inventory.location(entity)
    return Finding(file, code=code, message=message, path=path + ("id",))


def check_fides(inventory: Inventory) -> list[Finding]:
    """Every item needs a Fides data category and every purpose a Fides data use."""
    findings = [_finding(inventory, item, "E910", f"item '{item.id}' has no fides_category: name its Fides data category, e.g. user.contact.email")
                for item in inventory.items if not item.fides_category]
    findings += [_finding(inventory, p, "E911", f"purpose '{p.id}' has no fides_use: name its Fides data use, e.g. essential.service")
                 for p in inventory.purposes if not p.fides_use]
    return findings


def _key(value: str) -> str:
    """An inventory id as one segment of a Fides key (ids may hold '.', which Fides reads as nesting)."""
    return re.sub(r"[^A-Za-z0-9_<>-]", "_", value)


def _en(text) -> str:
    return language.text(text, "en")


def category_key(item) -> str:
    return f"{item.fides_category}.{_key(item.id)}"


def use_key(purpose) -> str:
    return f"{purpose.fides_use}.{_key(purpose.id)}"


def _dump(resource_type: str, resources: list[dict]) -> str:
    return yaml.safe_dump({resource_type: resources}, sort_keys=False, allow_unicode=True, width=120)


def _contact(name, address, email, phone) -> dict:
    """A Fides ContactDetails: only the parts the inventory holds."""
    return {k: v for k, v in {"name": _en(name), "address": _en(address), "email": email or "", "phone": phone or ""}.items() if v}


def _organization(inventory: Inventory) -> dict:
    """The DPO when there is one, else the privacy officer, is Fides' data protection officer."""
    org = inventory.organization
    officer = org.dpo or org.privacy_officer
    resource = {
        "fides_key": "default_organization",
        "name": _en(org.name),
        "controller": _contact(org.name, org.address, org.email, org.phone),
        "data_protection_officer": _contact(officer.name, None, officer.email, officer.phone),
    }
    if org.eu_representative is not None:
        r = org.eu_representative
        resource["representative"] = _contact(r.name, r.address, r.email, r.phone)
    return resource


def fides_manifests(inventory: Inventory, graph: nx.MultiDiGraph | None = None) -> dict[str, str]:
    """File name -> YAML text of each manifest, in a fixed order."""
    items = inventory.by_id("items")
    purposes = inventory.by_id("purposes")
    processors = inventory.by_id("processors")
    home = inventory.organization.country
    categories = []
    for item in inventory.items:
        category = {"fides_key": category_key(item), "name": _en(item.label), "parent_key": item.fides_category}
        if item.description:
            category["description"] = _en(item.description)
        categories.append(category)
    uses = []
    for purpose in inventory.purposes:
        use = {"fides_key": use_key(purpose), "name": _en(purpose.title), "parent_key": purpose.fides_use}
        if purpose.details:
            use["description"] = "\n\n".join(_en(d) for d in purpose.details)
        uses.append(use)
    named = {d.id: _en(d.name) for d in inventory.data_subjects}
    subjects = [{"fides_key": s, "name": named.get(s, s)} for s in dict.fromkeys(s for i in inventory.items for s in i.subjects)
                if not is_default("data_subject", s)]
    datasets, systems = [], []
    for system in inventory.systems:
        fields = []
        for data_field in system.fields:
            item = items[data_field.item]
            entry = {"name": data_field.name, "data_categories": [category_key(item)], "data_subjects": list(item.subjects)}
            if data_field.label:
                entry["description"] = _en(data_field.label)
            fields.append(entry)
        if fields:
            datasets.append({"fides_key": _key(system.id), "name": _en(system.name), "collections": [{"name": _key(system.id), "fields": fields}]})
        held = [items[i] for i in dict.fromkeys(f.item for f in system.fields)]
        declarations = []
        for pid in system.purposes:
            purpose = purposes[pid]
            declaration = {
                "name": _en(purpose.title),
                "data_use": use_key(purpose),
                "data_categories": [category_key(i) for i in held],
                "data_subjects": list(dict.fromkeys(s for i in held for s in i.subjects)),
            }
            if fields:
                declaration["dataset_references"] = [_key(system.id)]
            basis = purpose.legal_basis.gdpr if purpose.legal_basis else None
            if basis:
                declaration["legal_basis_for_processing"] = GDPR_TO_FIDES[basis]
            if any(i.sensitivity == "sensitive" for i in held):
                declaration["processes_special_category_data"] = True
            declarations.append(declaration)
        resource = {"fides_key": _key(system.id), "name": _en(system.name), "system_type": SYSTEM_TYPE}
        if system.description:
            resource["description"] = _en(system.description)
        if system.operator in processors:
            resource["legal_name"] = _en(processors[system.operator].name)
        if inventory.system_country(system) != home:
            resource["does_international_transfers"] = True
        if fields:
            resource["dataset_references"] = [_key(system.id)]
        resource["privacy_declarations"] = declarations
        systems.append(resource)
    manifests = {
        "organization.yml": _dump("organization", [_organization(inventory)]),
        "data_category.yml": _dump("data_category", categories),
        "data_use.yml": _dump("data_use", uses),
        "dataset.yml": _dump("dataset", datasets),
        "system.yml": _dump("system", systems),
    }
    if subjects:
        manifests["data_subject.yml"] = _dump("data_subject", subjects)
    return manifests
