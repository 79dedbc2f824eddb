"""What a GDPR notice (Art 13 and 14) must say, derived once from the policy facts of the build.

Plain data for the templates; no wording lives here. Transfers are computed per regime of the family (the
EU GDPR measures them from the EEA, the UK GDPR from the United Kingdom), per recipient and country.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from datamap.inventory.model import Item, Safeguard
from datamap.lineage.facts import PolicyFacts
from datamap.regimes.gdpr import countries

#: the notice's sections in order; True marks sections every notice has
SECTIONS: list[tuple[str, bool]] = [
    ("controller", True),
    ("data", True),
    ("purposes", True),
    ("recipients", False),
    ("transfers", False),
    ("retention", True),
    ("rights", True),
    ("automated", False),
    ("children", False),
    ("cookies", False),
    ("security", False),
    ("changes", False),
]
#: how a person gives data: everything else reaches us from somewhere else (Art 14)
FROM_THE_PERSON = ("form", "social_login", "offline", "automatic")


@dataclass
class Cover:
    """One safeguard a transfer relies on, with the decision behind it when there is one."""

    mechanism: str
    declared: Safeguard | None  # None when derived from an adequacy decision
    decision: countries.Decision | None


@dataclass
class TransferFact:
    recipient: Any  # Processor or ThirdParty
    kind: str  # "processor" or "third_party"
    country: str
    regime: str  # "gdpr" or "uk_gdpr"
    items: list[Item]
    covers: list[Cover]


@dataclass
class RecipientFact:
    recipient: Any
    kind: str
    countries: list[str]
    items: list[Item]
    purposes: list[dict]  # Texts: the processor's tasks or the third party's purpose


@dataclass
class GdprFacts:
    base: PolicyFacts
    regimes: list[str]  # the family's regimes in the document: gdpr, uk_gdpr or both
    sections: list[str]
    sources: list[tuple[Any, list[Item]]]  # collection points that are not the person (Art 14)
    collected: list[tuple[Any, list[Item]]]  # collection points of the person
    purposes: list[tuple[Any, list[Item]]]
    recipients: list[RecipientFact]
    transfers: list[TransferFact]
    retention: list[tuple[Any, list[Item], Any]]  # (rule, items, law or None)
    consent_purposes: list[Any] = field(default_factory=list)
    marketing_purposes: list[Any] = field(default_factory=list)
    uk_authority: dict | None = None  # fixed legal text of the UK GDPR: the Information Commissioner

    @property
    def inventory(self):
        return self.base.inventory


def _covers(recipient, country: str, regime: str) -> list[Cover]:
    declared = [s for s in recipient.safeguards if s.regime in (None, regime)]
    covers = []
    for safeguard in declared:
        decision = None
        if safeguard.mechanism == "adequacy":
            decision = countries.adequacy(regime).get(country)
        elif safeguard.mechanism == "dpf":
            decision = countries.frameworks(regime).get(("dpf", country))
        covers.append(Cover(safeguard.mechanism, safeguard, decision))
    if not covers and country in countries.adequacy(regime):
        covers.append(Cover("adequacy", None, countries.adequacy(regime)[country]))
    return covers


def recipient_countries(inventory, recipient, kind: str) -> list[str]:
    """Where a recipient holds the data: the countries of the systems a processor operates, else its own."""
    if kind == "processor":
        found = sorted({inventory.system_country(s) for s in inventory.systems if s.operator == recipient.id})
        return found or ([recipient.country] if recipient.country else [])  # no country: a completeness finding
    return [recipient.country]


def inside(inventory, regime: str) -> frozenset[str]:
    """Where sending data is no transfer: the regime's area, and the area the controller itself is in (a
    German controller's data is at home in the EEA also for the UK GDPR; a Korean one's in Korea)."""
    home = inventory.organization.country
    return countries.area(regime) | (countries.eea() if home in countries.eea() else frozenset({home}))


def transfers_of(base: PolicyFacts, regime: str) -> list[TransferFact]:
    inventory = base.inventory
    inside_ = inside(inventory, regime)
    found = []
    for row in base.processors:
        for country in recipient_countries(inventory, row.processor, "processor"):
            if country not in inside_:
                found.append(TransferFact(row.processor, "processor", country, regime, row.items, _covers(row.processor, country, regime)))
    for party, items in base.third_parties:
        if party.country not in inside_:
            found.append(TransferFact(party, "third_party", party.country, regime, items, _covers(party, party.country, regime)))
    return found


def gdpr_facts(base: PolicyFacts, regimes: list[str]) -> GdprFacts:
    inventory = base.inventory
    points = base.collection_points
    recipients = [
        RecipientFact(row.processor, "processor", recipient_countries(inventory, row.processor, "processor"), row.items, row.processor.tasks)
        for row in base.processors
    ] + [RecipientFact(party, "third_party", [party.country], items, [party.purpose]) for party, items in base.third_parties]
    transfers = [t for regime in regimes for t in transfers_of(base, regime)]
    children = inventory.children
    applies = {
        "recipients": bool(recipients),
        "transfers": bool(transfers),
        "automated": bool(inventory.automated_decisions) or inventory.policy.no_automated_decisions,
        "children": children is not None and (children.age_of_consent is not None or children.collects_under_14),
        "cookies": bool(inventory.web_storage),
        "security": bool(inventory.security_measures),
        "changes": any(v.version != inventory.policy.version for v in inventory.policy.history),
    }
    basis = lambda p: p.legal_basis.gdpr if p.legal_basis else None  # noqa: E731
    return GdprFacts(
        base=base,
        regimes=regimes,
        sections=[key for key, always in SECTIONS if always or applies.get(key)],
        sources=[(p, items) for p, items in points if p.method not in FROM_THE_PERSON],
        collected=[(p, items) for p, items in points if p.method in FROM_THE_PERSON],
        purposes=base.purposes,
        recipients=recipients,
        transfers=transfers,
        retention=base.retention,
        consent_purposes=[p for p, _ in base.purposes if basis(p) == "6(1)(a)"],
        marketing_purposes=[p for p, _ in base.purposes if p.marketing],
        uk_authority=countries.uk_authority() if "uk_gdpr" in regimes else None,
    )
