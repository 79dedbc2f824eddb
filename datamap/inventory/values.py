"""Validated value types of the inventory: ids, versions, durations, country codes, email addresses, and text limits.

Each type rejects values that would print a false or meaningless statement: a retention period of zero
days or of a hundred million years, a country code that names no country, an address that cannot
receive mail, a label long enough to break the layout of every document it appears in.
"""

from __future__ import annotations

import re
from importlib import resources
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

#: the languages a project publishes when ``policy.languages`` does not say
LANGUAGES = ("en", "ko")
#: key of a Text that holds language-neutral text (a name written the same in every language)
ANY_LANGUAGE = "*"
#: a language code a Text may be keyed by: ISO 639 (en, de, ko), optionally with a region or script (pt-BR)
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")


def is_language(code: object) -> bool:
    return isinstance(code, str) and bool(LANGUAGE_CODE.match(code))

# --- ids and versions: they name files and web addresses ---------------------------------------

#: ids name files of the site (``item/<id>.md``, ``consent-<id>.en.pdf``): short enough for any file system
MAX_ID_LENGTH = 100
Id = Annotated[
    str,
    Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$", max_length=MAX_ID_LENGTH, description="lower-case identifier, unique in its section"),
]

#: a policy version names a folder (``versions/<version>/``) and a URL: letters and digits, separated by . _ -
VERSION_PATTERN = re.compile(r"[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*")
MAX_VERSION_LENGTH = 40


def _check_version(value: str) -> str:
    if len(value) > MAX_VERSION_LENGTH or not VERSION_PATTERN.fullmatch(value):
        raise PydanticCustomError(
            "version",
            "'{value}' is not a version: letters and digits separated by '.', '_' or '-', at most {limit} characters (such as 1.0 or 2024-01)",
            {"value": value[:60], "limit": MAX_VERSION_LENGTH},
        )
    return value


Version = Annotated[
    str,
    AfterValidator(_check_version),
    WithJsonSchema({
        "type": "string", "pattern": f"^{VERSION_PATTERN.pattern}$", "maxLength": MAX_VERSION_LENGTH,
        "description": "policy version: letters and digits separated by '.', '_' or '-', e.g. 1.0",
    }),
]

# --- durations ----------------------------------------------------------------------------------

_DURATION = re.compile(r"^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$")
#: days per unit, near enough to tell a real period from an absurd one
_DAYS = (365.25, 30.44, 7, 1, 1 / 24, 1 / 1440, 1 / 86400)
#: the longest period a rule may state: longer ones are typing mistakes (P99999999Y), not retention
MAX_DURATION_YEARS = 100
#: lifetimes of web storage that are not periods
LIFETIMES = ("session", "persistent")


def duration_days(value: str) -> float | None:
    """The length of an ISO 8601 duration in days; None when ``value`` is not one."""
    match = _DURATION.match(value)
    if not match:
        return None
    return sum(int(n) * days for n, days in zip(match.groups(), _DAYS) if n)


def _check_duration(value: str) -> str:
    days = duration_days(value)
    if days is None:
        raise PydanticCustomError("duration", "'{value}' is not an ISO 8601 duration such as P5Y, P3M or P30D", {"value": value})
    if days == 0:
        raise PydanticCustomError("duration_range", "'{value}' is a period of zero length: state the real period", {"value": value})
    if days > MAX_DURATION_YEARS * 365.25:
        raise PydanticCustomError(
            "duration_range", "'{value}' is longer than {years} years: state the real period", {"value": value, "years": MAX_DURATION_YEARS}
        )
    return value


def _check_storage_duration(value: str) -> str:
    if value in LIFETIMES:
        return value
    if duration_days(value) is None:
        raise PydanticCustomError(
            "duration", "'{value}' is not an ISO 8601 duration such as P1Y or P30D, nor 'session' or 'persistent'", {"value": _clip(value)}
        )
    return _check_duration(value)


Duration = Annotated[str, AfterValidator(_check_duration), Field(description="ISO 8601 duration, e.g. P5Y, P6M, P30D")]
StorageDuration = Annotated[
    str,
    AfterValidator(_check_storage_duration),
    Field(description="ISO 8601 duration (P1Y, P30D), 'session' (until the browser session ends) or 'persistent' (until deleted)"),
]

# --- countries ----------------------------------------------------------------------------------


def _load_countries() -> dict[str, str]:
    text = resources.files("datamap.inventory").joinpath("iso3166.txt").read_text(encoding="utf-8")
    return dict(line.split("\t", 1) for line in text.splitlines() if line and not line.startswith("#"))


#: ISO 3166-1 alpha-2 code -> English short name, for every officially assigned code
ISO_COUNTRIES = _load_countries()
#: codes ISO 3166-1 exceptionally reserves that a recipient's location may use: EU, where a notice says only "in the EU"
RESERVED_COUNTRIES = {"EU": "European Union"}


def _check_country(value: str) -> str:
    """ISO 3166-1 alpha-2, which reserves EU for the European Union (where a recipient says only "in the EU")."""
    if not re.fullmatch(r"[A-Z]{2}", value):
        raise PydanticCustomError("country", "'{value}' is not a two-letter ISO 3166 country code such as KR or US", {"value": _clip(value)})
    if value not in ISO_COUNTRIES and value != "EU":
        raise PydanticCustomError("country_unknown", "'{value}' is not an ISO 3166-1 country code: no country has it", {"value": value})
    return value


Country = Annotated[str, AfterValidator(_check_country), Field(description="ISO 3166-1 alpha-2 country code")]

# --- email addresses ----------------------------------------------------------------------------

_LABEL = r"[^\W_](?:[\w-]{0,61}[^\W_])?"
_EMAIL = re.compile(rf"[A-Za-z0-9.!#$%&'*+/=?^_`{{|}}~-]+@{_LABEL}(?:\.{_LABEL})*\.[^\W\d_]{{2,}}")


def _check_email(value: str) -> str:
    local = value.rpartition("@")[0]
    if not _EMAIL.fullmatch(value) or local.startswith(".") or local.endswith(".") or ".." in local or len(value) > 254:
        raise PydanticCustomError("email", "'{value}' is not an email address such as privacy@example.com", {"value": _clip(value)})
    return value


Email = Annotated[str, AfterValidator(_check_email), Field(description="email address")]

# --- text ---------------------------------------------------------------------------------------

#: longest name, label or title: one line of a table cell or a heading
MAX_LABEL = 200
#: longest paragraph of text: a purpose, a way to refuse, a security measure
MAX_TEXT = 5000
#: longest plain string (a URL, a phone number, a cookie name)
MAX_STRING = 2000


def _clip(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _text_validator(limit: int, kind: str):
    def to_text(value: Any) -> Any:
        if isinstance(value, str):
            value = {ANY_LANGUAGE: value}
        elif isinstance(value, dict):
            for lang, text in value.items():
                if not is_language(lang):
                    raise PydanticCustomError(
                        "text_language", "'{lang}' is not a language code: text is keyed by codes such as en, de, ko or pt-BR", {"lang": _clip(lang)}
                    )
                if not isinstance(text, str):
                    raise PydanticCustomError("text_value", "text for '{lang}' must be a string", {"lang": lang, "value": text})
            if not value:
                raise PydanticCustomError("text_empty", "text needs at least one language")
        else:
            raise PydanticCustomError("text_type", "expected text: a string, or a mapping of language (en, de, ko...) to string")
        for lang, text in value.items():
            if len(text) > limit:
                raise PydanticCustomError(
                    "text_too_long",
                    "{kind} of {length} characters is longer than the limit of {limit}",
                    {"kind": kind, "length": f"{len(text):,}", "limit": f"{limit:,}", "lang": lang},
                )
        return value

    return to_text


def _text_schema(limit: int) -> dict:
    return {
        "anyOf": [
            {"type": "string", "maxLength": limit},
            {
                "type": "object",
                "patternProperties": {LANGUAGE_CODE.pattern: {"type": "string", "maxLength": limit}},
                "additionalProperties": False,
                "minProperties": 1,
            },
        ],
        "description": "Text: one string for every language, or a mapping of language to string.",
    }


Text = Annotated[dict[str, str], BeforeValidator(_text_validator(MAX_TEXT, "text")), WithJsonSchema(_text_schema(MAX_TEXT))]
#: a name, label or title: Text that fits on one line of a table or a heading
Label = Annotated[dict[str, str], BeforeValidator(_text_validator(MAX_LABEL, "a name or label")), WithJsonSchema(_text_schema(MAX_LABEL))]
