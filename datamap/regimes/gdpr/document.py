"""The GDPR family's documents: the notice when it shapes the document, its section when it comes later."""

from __future__ import annotations

from pathlib import Path

from datamap.regimes.gdpr.facts import gdpr_facts


def _render(name: str, facts, lang: str, templates_dir: Path | None, regimes) -> str:
    from datamap.publish.render import render_path

    facts = gdpr_facts(facts, [r.key for r in regimes])
    return render_path(regimes[0].template(lang, name), lang, templates_dir, facts=facts, inv=facts.inventory, root=regimes[0].template(lang, ""))


def render_policy(facts, lang: str, templates_dir: Path | None, regimes) -> str:
    return _render("policy.md.j2", facts, lang, templates_dir, regimes)


def render_section(facts, lang: str, templates_dir: Path | None, regimes) -> str:
    return _render("section.md.j2", facts, lang, templates_dir, regimes)
