"""Notices under the CCPA: a notice at collection per collection point where the consumer gives data (11 CCR
§7012), the notice of the right to opt out of sale or sharing when the business sells or shares (§7013), and
the notice of the right to limit when it uses sensitive personal information beyond §7027(m) (§7014).

The wording lives in ``templates/ccpa/<lang>/notices/``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from datamap import language
from datamap.regimes import REGIMES
from datamap.regimes.ccpa.facts import CcpaFacts, ccpa_facts

#: how a consumer gives data at a collection point; automatic collection is covered by the policy's notice
FROM_THE_CONSUMER = ("form", "social_login", "offline")


@dataclass
class CcpaNotice:
    name: str  # file name without language: "collection-signup", "do-not-sell", "limit"
    template: str  # under ccpa/<lang>/notices/
    kind: str  # the notice's kind, naming it on the downloads page and in the stylesheet
    subject: dict | None = None
    context: dict = field(default_factory=dict)


def ccpa_notices(facts: CcpaFacts) -> list[CcpaNotice]:
    found = []
    for point, items in facts.base.collection_points:
        if point.method not in FROM_THE_CONSUMER:
            continue
        ids = {i.id for i in items}
        categories = facts.categories_of(items)
        purposes = [p for p, used in facts.base.purposes if ids & {i.id for i in used}]
        found.append(CcpaNotice(f"collection-{point.id}", "collection.md.j2", "collection", point.label or {"*": point.provider or point.id},
                                {"point": point, "items": items, "categories": categories, "purposes": purposes}))
    if facts.sells or facts.shares:
        found.append(CcpaNotice("do-not-sell", "do-not-sell.md.j2", "do-not-sell"))
    if facts.limit_applies:
        found.append(CcpaNotice("limit", "limit.md.j2", "limit"))
    return found


def notice_entries(facts, graph) -> list[tuple[str, str, dict | None]]:
    return [(n.name, n.kind, n.subject) for n in ccpa_notices(ccpa_facts(facts))]


def render_notices(facts, graph, lang: str, templates_dir: Path | None = None, pdf=None) -> dict[str, str | bytes]:
    """Every notice as ``{file name: content}``: ``<name>.<lang>.html``, and ``.pdf`` when ``pdf`` is given."""
    from datamap.publish.html import html_document
    from datamap.publish.render import render_path

    regime = REGIMES["ccpa"]
    cfacts = ccpa_facts(facts)
    inventory = facts.inventory
    outputs: dict[str, str | bytes] = {}
    for notice in ccpa_notices(cfacts):
        text = render_path(regime.template(lang, f"notices/{notice.template}"), lang, templates_dir, facts=cfacts, inv=inventory,
                           root=regime.template(lang, ""), **notice.context)
        page = html_document(text, lang, author=language.text(inventory.organization.name, lang), date=inventory.policy.effective,
                             kind=f"notice {notice.kind}", templates_dir=templates_dir)
        outputs[f"{notice.name}.{lang}.html"] = page
        if pdf is not None:
            outputs[f"{notice.name}.{lang}.pdf"] = pdf(page)
    return outputs
