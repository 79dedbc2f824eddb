"""The CCPA's documents: the privacy policy when it shapes the document, "Your California privacy rights" later."""

from __future__ import annotations

from pathlib import Path

from datamap.regimes.ccpa.facts import ccpa_facts


def _render(name: str, facts, lang: str, templates_dir: Path | None, regimes) -> str:
    from datamap.publish.render import render_path

    cfacts = ccpa_facts(facts)
    return render_path(regimes[0].template(lang, name), lang, templates_dir, facts=cfacts, inv=facts.inventory,
                       root=regimes[0].template(lang, ""))


def render_policy(facts, lang: str, templates_dir: Path | None, regimes) -> str:
    return _render("policy.md.j2", facts, lang, templates_dir, regimes)


def render_section(facts, lang: str, templates_dir: Path | None, regimes) -> str:
    return _render("section.md.j2", facts, lang, templates_dir, regimes)
