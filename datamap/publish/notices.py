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

from datamap import language
from datamap.lineage.facts import PolicyFacts, touching
from datamap.publish.html import html_document
from datamap.inventory.model import Item, Purpose, RetentionRule
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


def consent_blocks(facts: PolicyFacts, items: list[Item]) -> list[ConsentBlock]:
    """The separate consents a collection point asks for, in the order they are shown: the purposes and
    retention rules of the policy's facts that concern the items."""

    def purposes(item_list: list[Item], marketing: bool) -> list[Purpose]:
        return [p for p, _ in touching(facts.purposes, [i.id for i in item_list]) if p.marketing == marketing]

    def retention(item_list: list[Item]) -> list[tuple[RetentionRule, Any]]:
        return [(rule, law) for rule, _, law in touching(facts.retention, [i.id for i in item_list])]

    blocks = []
    by_status = {"required": [i for i in items if i.required is True], "unstated": [i for i in items if i.required is None],
                 "optional": [i for i in items if i.required is False]}
    for kind, selected in by_status.items():
        if selected:
            blocks.append(ConsentBlock(kind, selected, purposes(selected, False), retention(selected)))
    marketing = purposes(items, True)
    if marketing:
        used = [i for i in items if any(p in marketing for p in purposes([i], True))]
        blocks.append(ConsentBlock("marketing", used, marketing, []))  # kept until consent is withdrawn
    return blocks


def notices(facts: PolicyFacts) -> list[Notice]:
    """Every notice the inventory calls for."""
    found = []
    for point, items in facts.collection_points:
        if point.method == "automatic":
            continue
        found.append(Notice(f"consent-{point.id}", "consent.md.j2", "notice consent", {"point": point, "blocks": consent_blocks(facts, items)}))
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


def render_notices(facts: PolicyFacts, lang: str, templates_dir: Path | None = None, pdf=None) -> dict[str, str | bytes]:
    """Every notice as ``{file name: content}``: ``<name>.<lang>.html``, and ``.pdf`` when ``pdf`` (a
    function from an HTML page to PDF bytes) is given. ``facts`` are the policy's own (one source of truth:
    a notice never says what the policy does not)."""
    inventory = facts.inventory
    outputs: dict[str, str | bytes] = {}
    for notice in notices(facts):
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
