"""Notices shown to data subjects, derived from the same lineage graph as the policy.

- a consent notice per collection point (PIPA Art 15(2)): purposes, items, retention, the right to refuse
  and what refusing means, with optional items and marketing in blocks of their own;
- a third-party provision notice (Art 17(2)) when there are third parties;
- an overseas-transfer notice (Art 28-8) when personal data leaves the organization's country;
- the processor (entrustee) table as a one-page notice.

Automatic collection points (logs, device information) get no consent notice: nothing is asked of the
person there, and the policy's article on automatic collection covers them.

This module only decides which notices exist and what each must say; the wording lives in the templates
``pipa/<lang>/notices/*.md.j2``, and the pages are made by :mod:`datamap.publish.html` and :mod:`datamap.publish.pdf`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from datamap.lineage import graph as g
from datamap import language
from datamap.lineage.facts import PolicyFacts, policy_facts
from datamap.publish.html import html_document
from datamap.inventory.model import Inventory, Item, Purpose, RetentionRule
from datamap.publish.render import render_path
from datamap.regimes import REGIMES


@dataclass
class ConsentBlock:
    """One thing the person agrees to separately: required items, optional items, or marketing."""

    kind: str  # "required", "unstated" (items that do not say whether they are required), "optional" or "marketing"
    items: list[Item]
    purposes: list[Purpose]
    retention: list[tuple[RetentionRule, Any]]  # (rule, law or None) covering the block's items


@dataclass
class Notice:
    name: str  # file name without extension and language: "consent-signup", "processors"
    template: str  # under pipa/<lang>/notices/
    kind: str  # classes of the page, for the stylesheet
    context: dict = field(default_factory=dict)


def _retention(inventory: Inventory, items: list[Item]) -> list[tuple[RetentionRule, Any]]:
    ids = {item.id for item in items}
    laws = inventory.by_id("laws")
    return [(rule, laws.get(rule.law) if rule.law else None) for rule in inventory.retention if ids & set(rule.items)]


def consent_blocks(inventory: Inventory, graph: nx.MultiDiGraph, items: list[Item]) -> list[ConsentBlock]:
    """The separate consents a collection point asks for, in the order they are shown."""

    def purposes(item_list: list[Item], marketing: bool) -> list[Purpose]:
        found = {g.entity(graph, p).id for item in item_list for p in g.purposes_of_item(graph, item.id)}
        return [p for p in inventory.purposes if p.id in found and p.marketing == marketing]

    blocks = []
    by_status = {"required": [i for i in items if i.required is True], "unstated": [i for i in items if i.required is None],
                 "optional": [i for i in items if i.required is False]}
    for kind, selected in by_status.items():
        if selected:
            blocks.append(ConsentBlock(kind, selected, purposes(selected, False), _retention(inventory, selected)))
    marketing = purposes(items, True)
    if marketing:
        used = [i for i in items if any(p in marketing for p in purposes([i], True))]
        blocks.append(ConsentBlock("marketing", used, marketing, []))  # kept until consent is withdrawn
    return blocks


def notices(facts: PolicyFacts, graph: nx.MultiDiGraph) -> list[Notice]:
    """Every notice the inventory calls for."""
    inventory = facts.inventory
    found = []
    for point, items in facts.collection_points:
        if point.method == "automatic":
            continue
        blocks = consent_blocks(inventory, graph, items)
        found.append(Notice(f"consent-{point.id}", "consent.md.j2", "notice consent", {"point": point, "blocks": blocks}))
    if facts.third_parties:
        with_consent = [(p, items) for p, items in facts.third_parties if p.legal_ground == "consent"]
        without = [(p, items) for p, items in facts.third_parties if p.legal_ground != "consent"]
        found.append(Notice("third-parties", "third_parties.md.j2", "notice third-parties", {"with_consent": with_consent, "without_consent": without}))
    if facts.transfers:
        found.append(Notice("overseas-transfer", "overseas.md.j2", "notice overseas", {"transfers": facts.transfers}))
    if facts.processors:
        found.append(Notice("processors", "processors.md.j2", "notice processors wide", {"rows": facts.processors}))
    return found


def render_notice_markdown(notice: Notice, facts: PolicyFacts, lang: str, templates_dir: Path | None = None) -> str:
    name = REGIMES["pipa"].template(lang, f"notices/{notice.template}")
    return render_path(name, lang, templates_dir, facts=facts, inv=facts.inventory, **notice.context)


def render_notices(
    inventory: Inventory,
    graph: nx.MultiDiGraph,
    lang: str,
    templates_dir: Path | None = None,
    pdf=None,
) -> dict[str, str | bytes]:
    """Every notice as ``{file name: content}``: ``<name>.<lang>.html``, and ``.pdf`` when ``pdf`` (a
    function from an HTML page to PDF bytes) is given."""
    facts = policy_facts(inventory, graph)
    outputs: dict[str, str | bytes] = {}
    for notice in notices(facts, graph):
        page = html_document(
            render_notice_markdown(notice, facts, lang, templates_dir),
            lang,
            author=language.text(inventory.organization.name, lang),
            date=inventory.policy.effective,
            kind=notice.kind,
            templates_dir=templates_dir,
        )
        outputs[f"{notice.name}.{lang}.html"] = page
        if pdf is not None:
            outputs[f"{notice.name}.{lang}.pdf"] = pdf(page)
    return outputs
