"""Field-by-field comparison of two versions of one entity, for the diff summary.

Every field of the schema is compared, so a change to any published fact (a processor's name, a
contact, a recipient's retention) is named with the field's human name, without a rule per field.
Values are compared as the summary's language prints them: a change only to the Korean text of a
name is not a change of the English policy.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel

from datamap import language
from datamap.review.wording import field_name, phrase, value_word

#: fields whose values are ids of items, printed as the items' labels
ITEM_FIELDS = frozenset({"items", "representative_items", "item"})
#: fields whose values are ISO 8601 durations
DURATION_FIELDS = frozenset({"period", "duration"})


def _empty(value: Any) -> bool:
    return value is None or value == [] or value == {}


def describe(s, name: str, value: Any) -> str:
    """``value`` of field ``name`` in words, in the summary's language."""
    if value is None:
        return phrase("none", s.lang)
    if isinstance(value, bool):
        return phrase("yes" if value else "no", s.lang)
    if isinstance(value, dict):
        return s.t(value)
    if isinstance(value, dt.date):
        return language.date(value, s.lang)
    if isinstance(value, BaseModel):
        parts = [f"{field_name(f, s.lang)}: {describe(s, f, v)}" for f, v in _fields(value) if not _empty(v)]
        return ", ".join(parts)
    if isinstance(value, list):
        if name in ITEM_FIELDS:
            return s.item_labels(value)
        words = [describe(s, name, v) for v in value]
        separator = "; " if any(isinstance(v, BaseModel) for v in value) else ", "
        return separator.join(words) if separator == "; " else language.join(words, s.lang) or phrase("none", s.lang)
    if name == "country":
        return s.country(value)
    if name in DURATION_FIELDS:
        return language.duration(value, s.lang)
    if name in ITEM_FIELDS:
        return s.item_labels([value])
    return value_word(str(value), s.lang) if isinstance(value, str) else str(value)


def _fields(entity: BaseModel):
    return ((f, getattr(entity, f)) for f in type(entity).model_fields if f != "id")


def field_changes(s, subject: str, old: BaseModel, new: BaseModel, skip=frozenset(), prefix: str = "") -> list[str]:
    """A line for each field of ``old`` and ``new`` whose printed value differs; nested models (a contact
    person, a transfer's details) are compared field by field too."""
    out = []
    for name, before in _fields(old):
        if name in skip:
            continue
        after = getattr(new, name)
        label = f"{prefix}{field_name(name, s.lang)}"
        if isinstance(before, BaseModel) and isinstance(after, BaseModel):
            out += field_changes(s, subject, before, after, prefix=label + " ")
            continue
        old_text, new_text = describe(s, name, before), describe(s, name, after)
        if old_text == new_text:
            continue
        if _empty(before):
            out.append(phrase("field_added", s.lang, subject=subject, field=label, new=new_text))
        elif _empty(after):
            out.append(phrase("field_removed", s.lang, subject=subject, field=label, old=old_text))
        else:
            out.append(phrase("field_changed", s.lang, subject=subject, field=label, old=old_text, new=new_text))
    return out
