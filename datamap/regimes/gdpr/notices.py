"""Notices under the GDPR family: consent only where consent is the basis, information at collection otherwise.

- a consent notice per purpose whose basis is consent (Art 6(1)(a), 7): one block per purpose, separate
  from the terms, with the right to withdraw;
- a notice at collection per collection point where the person gives data (Art 13): for each purpose on
  another basis, the basis, the legitimate interest, whether the data is required and what follows if it
  is not given, the recipients, transfers and retention of that data. It never asks for consent.

The wording lives in ``templates/gdpr/<lang>/notices/``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from datamap import language
from datamap.lineage import graph as g
from datamap.regimes import REGIMES
from datamap.regimes.gdpr.facts import GdprFacts, gdpr_facts

CONSENT = "6(1)(a)"


@dataclass
class GdprNotice:
    name: str  # file name without language: "consent-newsletter", "collection-signup"
    template: str  # under <root>/<lang>/notices/
    kind: str  # classes of the page, for the stylesheet
    context: dict = field(default_factory=dict)


def _basis(purpose) -> str | None:
    return purpose.legal_basis.gdpr if purpose.legal_basis else None


def gdpr_notices(facts: GdprFacts, graph) -> list[GdprNotice]:
    inventory = facts.inventory
    items_of = {p.id: items for p, items in facts.purposes}
    found = []
    for point, items in facts.collected:
        if point.method == "automatic":
            continue  # nothing is asked of the person there; the notice covers it
        ids = {i.id for i in items}
        related = {g.entity(graph, p).id for i in items for p in g.purposes_of_item(graph, i.id)}
        purposes = [(p, [i for i in items_of[p.id] if i.id in ids]) for p in inventory.purposes if p.id in related and _basis(p) != CONSENT]
        recipients = [r for r in facts.recipients if ids & {i.id for i in r.items}]
        transfers = [t for t in facts.transfers if ids & {i.id for i in t.items}]
        retention = [(rule, kept, law) for rule, kept, law in facts.retention if ids & {i.id for i in kept}]
        found.append(GdprNotice(f"collection-{point.id}", "collection.md.j2", "notice collection", {
            "point": point, "subject": point.label or {"*": point.provider or point.id}, "items": items, "purposes": purposes,
            "recipients": recipients, "transfers": transfers, "retention": retention,
        }))
    operators: dict[str, set[str]] = {}  # purpose -> the processors operating the systems that serve it
    for system in inventory.systems:
        for purpose_id in system.purposes:
            operators.setdefault(purpose_id, set()).add(system.operator)
    for purpose in facts.consent_purposes:
        items = items_of[purpose.id]
        ids = {i.id for i in items}
        found.append(GdprNotice(f"consent-{purpose.id}", "consent.md.j2", "notice consent", {
            "purpose": purpose, "subject": purpose.title, "items": items,
            "recipients": [r for r in facts.recipients if r.kind == "processor" and r.recipient.id in operators.get(purpose.id, set())],
            "retention": [(rule, kept, law) for rule, kept, law in facts.retention if ids & {i.id for i in kept}],
        }))
    return found


def notice_list(facts, graph) -> list[GdprNotice]:
    keys = [key for key in facts.inventory.policy.regimes if REGIMES[key].family == "gdpr"]
    return gdpr_notices(gdpr_facts(facts, keys), graph)


def render_notices(facts, graph, lang: str, templates_dir: Path | None = None, pdf=None) -> dict[str, str | bytes]:
    """Every notice as ``{file name: content}``: ``<name>.<lang>.html``, and ``.pdf`` when ``pdf`` is given."""
    from datamap.publish.html import html_document
    from datamap.publish.render import render_path

    keys = [key for key in facts.inventory.policy.regimes if REGIMES[key].family == "gdpr"]
    regime = REGIMES[keys[0]]
    gfacts = gdpr_facts(facts, keys)
    inventory = facts.inventory
    outputs: dict[str, str | bytes] = {}
    for notice in gdpr_notices(gfacts, graph):
        text = render_path(regime.template(lang, f"notices/{notice.template}"), lang, templates_dir, facts=gfacts, inv=inventory,
                           root=regime.template(lang, ""), **notice.context)
        page = html_document(text, lang, author=language.text(inventory.organization.name, lang), date=inventory.policy.effective,
                             kind=notice.kind, templates_dir=templates_dir)
        outputs[f"{notice.name}.{lang}.html"] = page
        if pdf is not None:
            outputs[f"{notice.name}.{lang}.pdf"] = pdf(page)
    return outputs
