"""Stage 2, model: plain documents -> one typed, cross-checked :class:`~datamap.inventory.model.Inventory`.

Each file is checked section by section and entity by entity, so one bad entity neither hides the
problems of the others nor makes every reference to it look broken.
"""

from __future__ import annotations

import datetime as dt
import difflib
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Iterator

from pydantic import BaseModel, TypeAdapter, ValidationError

from datamap.findings import Finding
from datamap.gcpause import paused_gc
from datamap.inventory.load import Document
from datamap.inventory.model import LIST_SECTIONS, REQUIRED_SECTIONS, SINGLE_SECTIONS, Inventory

ALL_SECTIONS = {**SINGLE_SECTIONS, **LIST_SECTIONS}

#: (section, path inside an entity, section the id must exist in); "*" walks a list
REFERENCES: list[tuple[str, tuple, str]] = [
    ("items", ("subjects", "*"), "data_subjects"),
    ("collection_points", ("items", "*"), "items"),
    ("processors", ("items", "*"), "items"),
    ("systems", ("fields", "*", "item"), "items"),
    ("systems", ("purposes", "*"), "purposes"),
    ("systems", ("operator",), "processors"),
    ("third_parties", ("items", "*"), "items"),
    ("third_parties", ("law",), "laws"),
    ("retention", ("items", "*"), "items"),
    ("retention", ("law",), "laws"),
    ("automated_decisions", ("items", "*"), "items"),
]
SELF_OPERATOR = "self"


@dataclass
class Located:
    """An entity and where it was written."""

    entity: Any
    file: str
    path: tuple


@dataclass
class Collected:
    sections: dict[str, list[Located]] = field(default_factory=lambda: {name: [] for name in ALL_SECTIONS})
    #: ids of entities that failed validation: references to them are not reported again
    invalid_ids: dict[str, set] = field(default_factory=lambda: {name: set() for name in LIST_SECTIONS})


def suggest(word: str, choices) -> str:
    match = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f" (did you mean '{match[0]}'?)" if match else ""


# --- schema errors -----------------------------------------------------------------------------


def _unwrap(annotation: Any) -> Any:
    """The model class inside Optional[...], list[...], Annotated[...], if any."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType, list):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0] if len(args) == 1 else annotation
            if len(args) != 1:
                return annotation
        else:
            return annotation


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    for step in loc:
        if isinstance(step, int):
            continue
        info = model.model_fields.get(step)
        if info is None:
            return None
        inner = _unwrap(info.annotation)
        if not (isinstance(inner, type) and issubclass(inner, BaseModel)):
            return None
        model = inner
    return model


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, (int, float)):
        return f"{value!r} (a number)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing (null)"
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


_EXPECTED = {
    "string_type": "a string (quote numbers and dates to make them text)",
    "int_type": "an integer",
    "int_parsing": "an integer",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "date_type": "a date (YYYY-MM-DD)",
    "date_parsing": "a date (YYYY-MM-DD)",
    "date_from_datetime_parsing": "a date (YYYY-MM-DD)",
    "date_from_datetime_inexact": "a date (YYYY-MM-DD) without a time",
}


#: error kinds of the value types (datamap.inventory.values) that have a code of their own
_VALUE_CODES = {
    "duration_range": "E207",
    "country_unknown": "E208",
    "email": "E209",
    "text_too_long": "E211",
    "string_too_long": "E211",
}
#: error kinds where text was expected: a value YAML read as something else is reported as such
_TEXT_KINDS = {"string_type", "text_type", "text_value"}


def _is_coerced(value: Any) -> bool:
    """True for the values YAML 1.1 makes of unquoted words and digits (no, on, 010, 1.0, ~, 2024-01-01)."""
    return value is None or isinstance(value, (bool, int, float, dt.date))


def _coercion_message(where: str, value: Any) -> str:
    """The message for a value YAML read as a boolean, number, date or null; ``{source}`` is the text as
    written, filled in when the finding is located."""
    if isinstance(value, bool):
        read = f"the boolean {str(value).lower()} (YAML reads yes/no, on/off, y/n and true/false as booleans)"
    elif isinstance(value, (int, float)):
        read = f"the number {value!r}"
    elif isinstance(value, dt.date):
        read = f"the date {value.isoformat()}"
    else:
        read = "null, meaning no value"
    return f"{where}: {{source}} was read as {read}, not as text; to mean the text, quote it: {where.rsplit('.', 1)[-1]}: {{quoted}}"


def _schema_finding(file: str, prefix: tuple, error: dict, model: type[BaseModel]) -> Finding:
    loc = tuple(error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        owner = _model_at(model, loc[:-1])
        allowed = owner.model_fields if owner else ()
        return Finding(file, code="E201", message=f"unknown key '{loc[-1]}'{suggest(loc[-1], allowed)}", path=prefix + loc, at_key=True)
    if kind == "missing":
        return Finding(file, code="E202", message=f"missing required key '{loc[-1]}'", path=prefix + loc[:-1])
    where = ".".join(str(s) for s in loc)
    value = error.get("input")
    if kind == "text_value":
        lang = error["ctx"]["lang"]
        loc, where, value = loc + (lang,), f"{where}.{lang}", error["ctx"]["value"]
    if kind in _TEXT_KINDS and _is_coerced(value):
        return Finding(file, code="E210", message=_coercion_message(where, value), path=prefix + loc, source_hint=True)
    if kind in _VALUE_CODES:
        ctx = error.get("ctx") or {}
        at = loc + (ctx["lang"],) if kind == "text_too_long" and ctx.get("lang", "*") != "*" else loc
        message = error["msg"]
        if kind == "string_too_long":
            message = f"text of {len(value):,} characters is longer than the limit of {ctx['max_length']:,}"
        return Finding(file, code=_VALUE_CODES[kind], message=f"{where}: {message}", path=prefix + at)
    if kind in _EXPECTED:
        message = f"{where}: expected {_EXPECTED[kind]}, got {_describe(value)}"
    elif kind == "literal_error":
        message = f"{where}: {_describe(value)} is not one of {error['ctx']['expected']}"
    elif kind == "string_pattern_mismatch":
        message = f"{where}: {_describe(value)} is not a valid id (lower-case letters, digits, '_', '-', '.')"
    elif kind == "too_short":
        message = f"{where}: needs at least one entry"
    else:
        message = f"{where}: {error['msg']}"
    return Finding(file, code="E203", message=message, path=prefix + loc)


def _validate(file: str, prefix: tuple, model: type[BaseModel], data: Any, findings: list[Finding]):
    try:
        return model.model_validate(data)
    except ValidationError as e:
        findings.extend(_schema_finding(file, prefix, err, model) for err in e.errors(include_url=False))
        return None


# --- collecting the files ----------------------------------------------------------------------


def _collect(doc: Document, collected: Collected, findings: list[Finding]) -> None:
    if not isinstance(doc.data, dict):
        findings.append(Finding(doc.file, 1, 1, "E203", f"a file holds a mapping of sections, got {_describe(doc.data)}"))
        return
    for section, value in doc.data.items():
        if section not in ALL_SECTIONS:
            findings.append(Finding(doc.file, code="E201", message=f"unknown section '{section}'{suggest(section, ALL_SECTIONS)}", path=(section,), at_key=True))
            continue
        if section in SINGLE_SECTIONS:
            entity = _validate(doc.file, (section,), SINGLE_SECTIONS[section], value, findings)
            if entity is not None:
                collected.sections[section].append(Located(entity, doc.file, (section,)))
            continue
        if value is None:
            continue
        if not isinstance(value, list):
            findings.append(Finding(doc.file, code="E203", message=f"{section}: expected a list, got {_describe(value)}", path=(section,)))
            continue
        model = LIST_SECTIONS[section]
        for index, raw in enumerate(value):
            entity = _validate(doc.file, (section, index), model, raw, findings)
            if entity is not None:
                collected.sections[section].append(Located(entity, doc.file, (section, index)))
            elif isinstance(raw, dict) and isinstance(raw.get("id"), str):
                collected.invalid_ids[section].add(raw["id"])


def _walk(value: Any, path: tuple, prefix: tuple) -> Iterator[tuple[tuple, Any]]:
    """Values at ``path`` inside a model ("*" walks lists), with their concrete paths."""
    if not path:
        yield prefix, value
        return
    step, rest = path[0], path[1:]
    if step == "*":
        for i, element in enumerate(value or ()):
            yield from _walk(element, rest, prefix + (i,))
    else:
        yield from _walk(getattr(value, step), rest, prefix + (step,))


def _check_ids_and_references(collected: Collected, findings: list[Finding]) -> None:
    known: dict[str, set] = {}
    for section in LIST_SECTIONS:
        first_file: dict[str, str] = {}
        for located in collected.sections[section]:
            entity_id = getattr(located.entity, "id", None)
            if entity_id is None:
                continue
            if entity_id in first_file:
                findings.append(
                    Finding(located.file, code="E204", message=f"duplicate id '{entity_id}' in {section} (first defined in {first_file[entity_id]})", path=located.path + ("id",))
                )
            else:
                first_file[entity_id] = located.file
        known[section] = set(first_file)

    for section, path, target in REFERENCES:
        valid = known[target] | collected.invalid_ids[target]
        if section == "systems" and path == ("operator",):
            valid = valid | {SELF_OPERATOR}
        for located in collected.sections[section]:
            for ref_path, ref in _walk(located.entity, path, located.path):
                if ref is not None and ref not in valid:
                    hint = suggest(ref, valid)
                    findings.append(Finding(located.file, code="E205", message=f"unknown {target[:-1] if target.endswith('s') else target} '{ref}'{hint}", path=ref_path))
    for located in collected.sections["children"]:
        for ref_path, ref in _walk(located.entity, ("representative_items", "*"), located.path):
            if ref not in known["items"] | collected.invalid_ids["items"]:
                findings.append(Finding(located.file, code="E205", message=f"unknown item '{ref}'{suggest(ref, known['items'])}", path=ref_path))
    for located in collected.sections["organization"]:
        _check_controllers_served(located, known, collected.invalid_ids, findings)


#: what the entries of organization.controllers_served refer to: field -> section
_SERVED_REFERENCES = {"purposes": "purposes", "systems": "systems", "processors": "processors"}


def _check_controllers_served(located: Located, known: dict, invalid: dict, findings: list[Finding]) -> None:
    """Ids unique among the controllers served; their purposes, systems and processors exist."""
    seen: set[str] = set()
    for index, served in enumerate(located.entity.controllers_served):
        path = located.path + ("controllers_served", index)
        if served.id in seen:
            findings.append(Finding(located.file, code="E204", message=f"duplicate id '{served.id}' in organization.controllers_served", path=path + ("id",)))
        seen.add(served.id)
        for name, section in _SERVED_REFERENCES.items():
            valid = known[section] | invalid[section]
            for ref_path, ref in _walk(served, (name, "*"), path):
                if ref not in valid:
                    findings.append(Finding(located.file, code="E205", message=f"unknown {section[:-1]} '{ref}'{suggest(ref, valid)}", path=ref_path))


def _regime_sections(policy) -> tuple[str, ...]:
    """The sections the policy's regimes need besides organization and policy (PIPA: destruction)."""
    from datamap.regimes import REGIMES

    regimes = policy.regimes if policy is not None else ["pipa"]
    return tuple(dict.fromkeys(s for key in regimes if key in REGIMES for s in REGIMES[key].required_sections))


def build_inventory(documents: list[Document]) -> tuple[Inventory | None, list[Finding]]:
    """Merge and check the documents. Returns no inventory when a required section is unusable."""
    findings: list[Finding] = []
    collected = Collected()
    for doc in documents:
        _collect(doc, collected, findings)

    singles: dict[str, Any] = {}
    for section in SINGLE_SECTIONS:
        located = collected.sections[section]
        for extra in located[1:]:
            findings.append(Finding(extra.file, code="E206", message=f"section '{section}' is already defined in {located[0].file}", path=(section,), at_key=True))
        if located:
            singles[section] = located[0].entity
    required = REQUIRED_SECTIONS + _regime_sections(singles.get("policy"))
    for section in required:
        if documents and section not in singles and not any(f.path[:1] == (section,) for f in findings):
            where = documents[0].file
            findings.append(Finding(where, 1, 1, "E202", f"missing required section '{section}': no inventory file defines it"))

    _check_ids_and_references(collected, findings)
    if any(section not in singles for section in required):
        return None, findings
    lists = {section: [located.entity for located in collected.sections[section]] for section in LIST_SECTIONS}
    inventory = Inventory.model_construct(**singles, **lists)
    inventory._locations = {id(l.entity): (l.file, l.path) for section in ALL_SECTIONS for l in collected.sections[section]}
    return inventory, findings


@paused_gc()
def check_inventory(inv, extra_checks=None) -> tuple[Inventory | None, list[Finding]]:
    """Load, merge and check an inventory directory: every finding, located and sorted.

    ``extra_checks(inventory) -> findings`` adds checks whose findings are located like the others.
    """
    from pathlib import Path

    from datamap.inventory.checks import check_consistency
    from datamap.inventory.placement import check_placement
    from datamap.inventory.load import load_inventory, locate

    documents, findings = load_inventory(Path(inv))
    inventory, found = build_inventory(documents)
    findings += found
    if inventory is not None:
        findings += check_consistency(inventory)
        findings += check_placement(inventory)
        if extra_checks is not None:
            findings += extra_checks(inventory)
    return inventory, locate(findings, documents)
