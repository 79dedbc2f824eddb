"""Country groups of the GDPR family, read from the dated data files: the EEA and adequacy decisions.

A transfer is data sent to a recipient in a country outside the regime's area (the EEA for the EU GDPR,
the United Kingdom for the UK GDPR); sending it between EEA countries is not one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

_DATA = {"gdpr": Path(__file__).resolve().parent / "data", "uk_gdpr": Path(__file__).resolve().parents[1] / "uk_gdpr" / "data"}


@dataclass(frozen=True)
class Decision:
    """An adequacy decision, or a framework (the Data Privacy Framework) a certified recipient relies on."""

    country: str
    decided: dt.date
    reference: str
    scope: str | None = None


def _read(regime: str, name: str) -> dict:
    return yaml.safe_load((_DATA[regime] / name).read_text(encoding="utf-8"))


@cache
def eea() -> frozenset[str]:
    return frozenset(_read("gdpr", "eea.yaml")["countries"])


def area(regime: str) -> frozenset[str]:
    """Where data moves freely under ``regime``: the EEA, or the United Kingdom."""
    return eea() if regime == "gdpr" else frozenset({"GB"})


def _decision(entry: dict) -> Decision:
    return Decision(entry["country"], entry["decided"], entry["reference"], entry.get("scope"))


@cache
def adequacy(regime: str) -> dict[str, Decision]:
    data = _read(regime, "adequacy.yaml")
    found: dict[str, Decision] = {}
    if "eea" in data.get("groups", []):
        reference = "Data Protection Act 2018, Schedule 21, paragraph 4"
        found.update({c: Decision(c, dt.date(2021, 1, 1), reference) for c in sorted(eea())})
    found.update({entry["country"]: _decision(entry) for entry in data["decisions"]})
    return found


@cache
def frameworks(regime: str) -> dict[tuple[str, str], Decision]:
    """(mechanism, country) -> the decision behind a framework such as the Data Privacy Framework."""
    return {(entry["mechanism"], entry["country"]): _decision(entry) for entry in _read(regime, "adequacy.yaml").get("frameworks", [])}


@cache
def uk_authority() -> dict:
    return _read("uk_gdpr", "authority.yaml")
