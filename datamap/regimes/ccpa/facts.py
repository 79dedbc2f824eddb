"""What the California disclosures must say, derived once from the policy facts and the ``ccpa:`` section.

Plain data for the templates; no wording lives here. Categories are in the statute's order; what a category's
entry leaves out (sources, purposes, retention) is derived from the lineage of its items.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from typing import Any

from datamap.inventory.ccpa_parts import CcpaCategoryKey
from datamap.inventory.model import Item
from datamap.lineage.facts import PolicyFacts, entities, touching

#: the statute's categories in the order of 1798.140(v)(1)(A)-(K)
ORDER: tuple[str, ...] = typing.get_args(CcpaCategoryKey)
LETTERS = {key: chr(ord("A") + index) for index, key in enumerate(ORDER)}


@dataclass
class Source:
    """Where a category comes from: a collection point, or a source the inventory names in words."""

    point: Any | None  # CollectionPoint, or None when ``text`` is given
    text: dict | None = None


@dataclass
class CategoryFact:
    key: str
    letter: str
    items: list[Item]
    sources: list[Source]
    purposes: list[Any]  # Purpose
    retention: dict | None  # the category's own retention text
    rules: list[Any]  # RetentionRule covering its items, when it states none
    sensitive: list[tuple[str, list[Item]]]  # (kind, items) of it that are sensitive


@dataclass
class RecipientFact:
    declared: Any  # CcpaRecipient
    entity: Any  # the Processor or ThirdParty it names, or None
    storage: list[Any]  # WebStorage


@dataclass
class CcpaFacts:
    base: PolicyFacts
    ccpa: Any  # the inventory's Ccpa section
    categories: list[CategoryFact]
    recipients: list[RecipientFact]
    sold: list[RecipientFact]
    shared: list[RecipientFact]
    disclosed: list[RecipientFact]
    sensitive: list[tuple[str, list[Item]]]
    advertising_storage: list[Any]  # third-party marketing cookies and SDKs: sharing, whoever receives the data
    sells: bool = False
    shares: bool = False
    limit_applies: bool = False

    @property
    def inventory(self):
        return self.base.inventory

    def categories_of(self, items) -> list[CategoryFact]:
        """The categories any of ``items`` falls into, in the statute's order."""
        ids = {i.id for i in items}
        return [c for c in self.categories if ids & {i.id for i in c.items}]


def advertising_storage(inventory) -> list[Any]:
    """Cookies and SDKs set by a third party for marketing: under the CCPA they share data for advertising."""
    return [w for w in inventory.web_storage if w.party == "third" and w.consent_category == "marketing"]


def ccpa_facts(base: PolicyFacts) -> CcpaFacts:
    inventory = base.inventory
    ccpa = inventory.ccpa
    items = inventory.by_id("items")
    purposes = inventory.by_id("purposes")
    storage = inventory.by_id("web_storage")
    named = {**inventory.by_id("processors"), **inventory.by_id("third_parties")}
    sensitive = [(s.kind, entities(items, s.items)) for s in ccpa.sensitive]
    categories = []
    for entry in sorted(ccpa.categories, key=lambda c: ORDER.index(c.category)):
        own = entities(items, entry.items)
        ids = {i.id for i in own}
        if entry.sources:
            sources = [Source(None, text) for text in entry.sources]
        else:
            sources = [Source(point) for point, _ in touching(base.collection_points, ids)]
        used = entities(purposes, entry.purposes) if entry.purposes else [p for p, _ in touching(base.purposes, ids)]
        rules = [] if entry.retention else [rule for rule, _, _ in touching(base.retention, ids)]
        kinds = [(kind, [i for i in got if i.id in ids]) for kind, got in sensitive]
        categories.append(CategoryFact(entry.category, LETTERS[entry.category], own, sources, used, entry.retention, rules,
                                       [(k, got) for k, got in kinds if got]))
    recipients = [RecipientFact(r, named.get(r.recipient), entities(storage, r.web_storage)) for r in ccpa.recipients]
    ads = advertising_storage(inventory)
    sold = [r for r in recipients if r.declared.sold]
    shared = [r for r in recipients if r.declared.shared]
    return CcpaFacts(
        base=base,
        ccpa=ccpa,
        categories=categories,
        recipients=recipients,
        sold=sold,
        shared=shared,
        disclosed=[r for r in recipients if r.declared.disclosed],
        sensitive=[(k, got) for k, got in sensitive if got],
        advertising_storage=ads,
        sells=bool(sold),
        shares=bool(shared) or bool(ads),
        limit_applies=bool(ccpa.sensitive_beyond_limits),
    )
