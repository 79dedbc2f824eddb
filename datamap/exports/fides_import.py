"""Fides manifests -> a datamap inventory, with a finding for every fact Fides cannot say.

Fides resources and what they become:

- ``organization``: the organization (name; controller's address, email and phone; the data
  protection officer as privacy officer; the representative as EU representative).
- ``data_category``: an item per category the systems and datasets use. A custom category (not in
  the default taxonomy) is an item of its own, under its parent category; a default one is an item
  labelled with the taxonomy's name (CC BY 4.0, see :mod:`datamap.exports.fides_taxonomy`).
- ``data_use``: a purpose per data use the systems declare, the same way; its legal basis comes from
  the privacy declarations.
- ``dataset``: the fields of the systems that reference it (nested fields as ``parent.child``); a
  dataset no system references becomes a system of its own.
- ``system``: a system; its privacy declarations give its purposes and the subjects of its items;
  ``legal_name`` the processor that operates it.

What Fides cannot say is left as findings (W921) telling the user what to add: countries and
transfer details, processors' tasks, collection points, retention rules and statutes, the policy
version, Korean texts. Facts of Fides with no place in the inventory (flows between systems,
retention strings, policies) are W920.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from datamap.exports import fides_taxonomy as taxonomy
from datamap.findings import Finding
from datamap.inventory.load import display_path, inventory_files, load_file, locate
from datamap.output import write_atomic

FIDES_TO_GDPR = {"Consent": "6(1)(a)", "Contract": "6(1)(b)", "Legal obligations": "6(1)(c)", "Vital interests": "6(1)(d)",
                 "Public interest": "6(1)(e)", "Legitimate interests": "6(1)(f)"}
KNOWN = ("organization", "system", "dataset", "data_category", "data_use", "data_subject")
_KEY = re.compile(r"^[A-Za-z0-9_.<>-]+$")
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's emitter: the same YAML, several times faster


class ImportProblem(Exception):
    """The manifests cannot be read at all: findings say where."""

    def __init__(self, findings: list[Finding]):
        super().__init__(f"{len(findings)} problem(s)")
        self.findings = findings


@dataclass
class ImportResult:
    written: list[Path]
    findings: list[Finding]


@dataclass
class _Resource:
    kind: str
    data: dict
    file: str
    path: tuple  # where in its file, for findings


@dataclass
class _State:
    findings: list[Finding] = field(default_factory=list)
    items: dict = field(default_factory=dict)  # category key -> item mapping
    purposes: dict = field(default_factory=dict)  # data use key -> purpose mapping
    taxonomy_labels: bool = False

    def note(self, resource: _Resource, code: str, message: str, *keys) -> None:
        self.findings.append(Finding(resource.file, code=code, message=message, path=resource.path + keys))


def _id(value: str) -> str:
    """A Fides key (or its last segment, or a name) as an inventory id: lower case, [a-z0-9_.-]."""
    ident = re.sub(r"[^a-z0-9_.-]+", "_", value.lower()).lstrip("_.-")
    return ident if ident and ident[0].isalnum() else f"x{ident}"


def _read(source: Path) -> tuple[list[_Resource], list[Finding], list]:
    """Every resource of the manifests, the findings about the files, and the parsed documents (to locate findings)."""
    root = source.resolve()
    files = [p for p in inventory_files(source) if p.resolve().is_relative_to(root if root.is_dir() else root.parent)]
    if not files:
        raise ImportProblem([Finding(display_path(source), 0, 0, "E920", "no Fides manifests (.yml or .yaml files) here")])
    resources, findings, documents = [], [], []
    for path in files:
        document, problems = load_file(path)
        findings += [Finding(f.file, f.line, f.col, "E920", f.message) for f in problems if f.severity == "error"]
        if document is None:
            continue
        documents.append(document)
        if not isinstance(document.data, dict):
            findings.append(Finding(document.file, 1, 1, "E920", "a Fides manifest is a mapping of resource type to a list of resources"))
            continue
        for kind, entries in document.data.items():
            if kind not in KNOWN:
                findings.append(Finding(document.file, code="W920", message=f"'{kind}' resources have no place in a datamap inventory: skipped", path=(kind,), at_key=True))
                continue
            if not isinstance(entries, list):
                findings.append(Finding(document.file, code="E921", message=f"'{kind}' must be a list of resources", path=(kind,)))
                continue
            for n, entry in enumerate(entries):
                key = entry.get("fides_key") if isinstance(entry, dict) else None
                if not isinstance(key, str) or not _KEY.match(key):
                    findings.append(Finding(document.file, code="E921", message=f"{kind} resource without a valid fides_key", path=(kind, n)))
                    continue
                resources.append(_Resource(kind, entry, document.file, (kind, n)))
    findings = locate(findings, documents)
    if any(f.severity == "error" for f in findings):
        raise ImportProblem(findings)
    return resources, findings, documents


def _list(value) -> list:
    return value if isinstance(value, list) else []


def _text_list(value) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _item(state: _State, key: str, custom: dict, used_ids: set) -> dict:
    """The item for category ``key``, made on first use."""
    if key in state.items:
        return state.items[key]
    resource = custom.get(key)
    if resource is not None and isinstance(resource.data.get("parent_key"), str):
        ident, parent = _id(key.rsplit(".", 1)[-1]), resource.data["parent_key"]
        item = {"id": ident, "label": str(resource.data.get("name") or key.rsplit(".", 1)[-1]), "fides_category": parent}
        if resource.data.get("description"):
            item["description"] = str(resource.data["description"])
    else:
        ident = _id(key.replace(".", "_"))
        name = taxonomy.name("data_category", key)
        state.taxonomy_labels |= name is not None
        item = {"id": ident, "label": name or key, "fides_category": key}
    if item["id"] in used_ids:
        item["id"] = _id(key.replace(".", "_"))
    used_ids.add(item["id"])
    state.items[key] = item
    return item


def _purpose(state: _State, key: str, custom: dict, declaration: dict, used_ids: set) -> dict:
    if key not in state.purposes:
        resource = custom.get(key)
        if resource is not None and isinstance(resource.data.get("parent_key"), str):
            purpose = {"id": _id(key.rsplit(".", 1)[-1]), "title": str(resource.data.get("name") or key), "fides_use": resource.data["parent_key"]}
            if resource.data.get("description"):
                purpose["details"] = [d.strip() for d in str(resource.data["description"]).split("\n\n") if d.strip()]
        else:
            title = declaration.get("name") or taxonomy.name("data_use", key) or key
            purpose = {"id": _id(key.replace(".", "_")), "title": str(title), "fides_use": key}
        if purpose["id"] in used_ids:
            purpose["id"] = _id(key.replace(".", "_"))
        used_ids.add(purpose["id"])
        state.purposes[key] = purpose
    purpose = state.purposes[key]
    basis = FIDES_TO_GDPR.get(declaration.get("legal_basis_for_processing"))
    if basis and "legal_basis" not in purpose:
        purpose["legal_basis"] = {"gdpr": basis}
    return purpose


def _dataset_fields(dataset: dict) -> list[tuple[str, list[str], str | None, list[str]]]:
    """(field name, data categories, description, data subjects) of every field, nested fields flattened."""
    collections = dataset.get("collections") if isinstance(dataset.get("collections"), list) else []
    single = len(collections) == 1 and isinstance(collections[0], dict) and collections[0].get("name") == dataset.get("fides_key")
    found = []

    def walk(fields, prefix: str, inherited: list[str], subjects: list[str]):
        for f in fields if isinstance(fields, list) else []:
            if not isinstance(f, dict) or not isinstance(f.get("name"), str):
                continue
            name = prefix + f["name"]
            categories = _text_list(f.get("data_categories")) or inherited
            own_subjects = _text_list(f.get("data_subjects")) or subjects
            if categories and not f.get("fields"):
                found.append((name, categories, f.get("description") if isinstance(f.get("description"), str) else None, own_subjects))
            walk(f.get("fields"), name + ".", categories, own_subjects)

    for collection in collections:
        if isinstance(collection, dict):
            prefix = "" if single else f"{collection.get('name')}."
            walk(collection.get("fields"), prefix, _text_list(collection.get("data_categories")) or _text_list(dataset.get("data_categories")),
                 _text_list(collection.get("data_subjects")) or _text_list(dataset.get("data_subjects")))
    return found


def import_manifests(source: Path, target: Path) -> ImportResult:
    resources, read_findings, documents = _read(source)
    state = _State()
    by_kind: dict[str, dict] = {kind: {} for kind in KNOWN}
    for r in resources:
        by_kind[r.kind][r.data["fides_key"]] = r
    custom_categories, custom_uses = by_kind["data_category"], by_kind["data_use"]
    item_ids: set = set()
    purpose_ids: set = set()
    subjects_of: dict[str, dict] = {}  # category key -> subjects its declarations name
    field_subjects: dict[str, dict] = {}  # category key -> subjects its dataset fields name
    systems, processors = [], {}
    referenced = set()
    for resource in by_kind["system"].values():
        data = resource.data
        system = {"id": _id(data["fides_key"]), "name": str(data.get("name") or data["fides_key"])}
        if data.get("description"):
            system["description"] = str(data["description"])
        if data.get("legal_name"):
            pid = _id(re.sub(r"[^A-Za-z0-9]+", "_", str(data["legal_name"])).strip("_"))
            processors.setdefault(pid, {"id": pid, "name": str(data["legal_name"])})
            system["operator"] = pid
        declarations = [d for d in _list(data.get("privacy_declarations")) if isinstance(d, dict) and isinstance(d.get("data_use"), str)]
        datasets = _text_list(data.get("dataset_references")) + [k for d in declarations for k in _text_list(d.get("dataset_references"))]
        fields, covered = [], set()
        for key in dict.fromkeys(datasets):
            referenced.add(key)
            dataset = by_kind["dataset"].get(key)
            if dataset is None:
                state.note(resource, "W920", f"system '{data['fides_key']}' references dataset '{key}', which the manifests do not define", "dataset_references")
                continue
            for name, categories, description, subjects in _dataset_fields(dataset.data):
                for category in categories:
                    field_subjects.setdefault(category, {}).update(dict.fromkeys(subjects))
                    entry = {"name": name, "item": _item(state, category, custom_categories, item_ids)["id"]}
                    if description:
                        entry["label"] = description
                    fields.append(entry)
                    covered.add(category)
        purposes = []
        for n, declaration in enumerate(declarations):
            purposes.append(_purpose(state, declaration["data_use"], custom_uses, declaration, purpose_ids)["id"])
            for category in _text_list(declaration.get("data_categories")):
                subjects_of.setdefault(category, {}).update(dict.fromkeys(_text_list(declaration.get("data_subjects"))))
                if category not in covered:
                    covered.add(category)
                    fields.append({"name": category, "item": _item(state, category, custom_categories, item_ids)["id"]})
            if declaration.get("retention_period"):
                state.note(resource, "W920", f"retention '{declaration['retention_period']}' of '{declaration.get('name') or declaration['data_use']}': "
                           "add a rule under 'retention' (records, items, period, law)", "privacy_declarations", n)
            if declaration.get("data_shared_with_third_parties"):
                state.note(resource, "W921", f"'{declaration.get('name') or declaration['data_use']}' shares data with third parties: "
                           "add each under 'third_parties' (name, country, purpose, items, retention)", "privacy_declarations", n)
        for direction in ("egress", "ingress"):
            for flow in _list(data.get(direction)):
                other = flow.get("fides_key") if isinstance(flow, dict) else None
                state.note(resource, "W920", f"{direction} {'to' if direction == 'egress' else 'from'} '{other}': datamap records who receives data "
                           "(processors, third parties), not flows between systems: declare the recipient if it is one", direction)
        if data.get("does_international_transfers"):
            state.note(resource, "W921", f"system '{data['fides_key']}' transfers data abroad: add its 'country' and 'transfer' (timing, method, legal_ground)",
                       "does_international_transfers")
        system["purposes"] = list(dict.fromkeys(purposes))
        system["fields"] = fields
        systems.append(system)
    for key, resource in by_kind["dataset"].items():
        if key in referenced:
            continue
        fields = [{"name": name, "item": _item(state, c, custom_categories, item_ids)["id"]} for name, cs, _, _ in _dataset_fields(resource.data) for c in cs]
        systems.append({"id": _id(key), "name": str(resource.data.get("name") or key), "fields": fields})
        state.note(resource, "W921", f"dataset '{key}' belongs to no system: it is imported as a system with no purpose; add its 'purposes'")
    for key in custom_categories:  # declared categories no system uses are items too
        _item(state, key, custom_categories, item_ids)
    for key, resource in custom_uses.items():
        _purpose(state, key, custom_uses, {}, purpose_ids)
    order = {key: n for n, key in enumerate(custom_categories)}
    state.items = dict(sorted(state.items.items(), key=lambda kv: order.get(kv[0], len(order))))
    order = {key: n for n, key in enumerate(custom_uses)}
    state.purposes = dict(sorted(state.purposes.items(), key=lambda kv: order.get(kv[0], len(order))))
    for category, item in state.items.items():
        subjects = [_id(s) for s in (field_subjects[category] if category in field_subjects else subjects_of.get(category, {}))]
        if subjects:
            item["subjects"] = subjects
    data_subjects = []
    for key in dict.fromkeys(s for item in state.items.values() for s in item.get("subjects", [])):
        custom = next((r for k, r in by_kind["data_subject"].items() if _id(k) == key), None)
        name = str(custom.data.get("name") or key) if custom is not None else taxonomy.name("data_subject", key)
        state.taxonomy_labels |= custom is None and name is not None
        data_subjects.append({"id": key, "name": name or key})
    organization = _organization(by_kind["organization"], state)
    inventory = {
        "organization.yaml": {"organization": organization} if organization else None,
        "items.yaml": {**({"data_subjects": data_subjects} if data_subjects else {}), "items": list(state.items.values())},
        "purposes.yaml": {"purposes": list(state.purposes.values())},
        "systems.yaml": {"systems": systems, **({"processors": list(processors.values())} if processors else {})},
    }
    written = []
    for name, content in inventory.items():
        if content is None:
            continue
        header = "# Imported from Fides manifests by datamap import fides.\n"
        if name == "items.yaml" and state.taxonomy_labels:
            header += f"# {taxonomy.ATTRIBUTION}\n"
        write_atomic(target / name, header + yaml.dump(content, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=120))
        written.append(target / name)
    findings = read_findings + locate(state.findings, documents) + _missing(target, processors, bool(organization))
    return ImportResult(written, sorted(findings))


def _organization(resources: dict, state: _State) -> dict | None:
    if not resources:
        return None
    resource = next(iter(resources.values()))
    data = resource.data
    controller = data.get("controller") if isinstance(data.get("controller"), dict) else {}
    officer = data.get("data_protection_officer") if isinstance(data.get("data_protection_officer"), dict) else {}
    organization = {"name": str(data.get("name") or controller.get("name") or data["fides_key"])}
    for key in ("address", "email", "phone"):
        if controller.get(key):
            organization[key] = str(controller[key])
    organization["privacy_officer"] = {k: str(officer[k]) for k in ("name", "email", "phone") if officer.get(k)}
    representative = data.get("representative") if isinstance(data.get("representative"), dict) else {}
    if representative.get("name"):
        organization["eu_representative"] = {k: str(representative[k]) for k in ("name", "address", "email", "phone") if representative.get(k)}
    if not organization["privacy_officer"]:
        state.note(resource, "W921", "no data_protection_officer: add the privacy officer's name and contact under organization.privacy_officer")
    return organization


def _missing(target: Path, processors: dict, has_organization: bool) -> list[Finding]:
    """What every imported inventory still needs, pointed at the file it belongs in."""
    def at(name: str, message: str) -> Finding:
        return Finding(display_path(target / name), 1, 1, "W921", message)

    found = [
        at("organization.yaml", "add organization.country, short_name and services, and the 'policy' (version, effective) and 'destruction' sections: Fides has no place for them")
        if has_organization else at("organization.yaml", "no Fides organization: add the 'organization', 'policy' and 'destruction' sections"),
        at("items.yaml", "add 'collection_points' (how each item is collected) and 'retention' rules with their statutes: Fides does not say them"),
        at("items.yaml", "texts are in English only: add the 'ko' text of every label and title to publish in Korean"),
        at("systems.yaml", "add each system's 'country' when it is not the organization's: Fides does not say where systems run"),
    ]
    found += [at("systems.yaml", f"processor '{pid}': add its 'country' and 'tasks' (what is entrusted to it)") for pid in processors]
    return found
