"""PIPA's documents: the policy when it shapes the document, its section when it comes later, and the notices
of :mod:`datamap.publish.notices`."""

from __future__ import annotations

from pathlib import Path


def _render(name: str, facts, lang: str, templates_dir: Path | None, regimes) -> str:
    from datamap.publish.render import render_path

    return render_path(regimes[0].template(lang, name), lang, templates_dir, facts=facts, inv=facts.inventory)


def render_policy(facts, lang: str, templates_dir: Path | None, regimes) -> str:
    return _render("policy.md.j2", facts, lang, templates_dir, regimes)


def render_section(facts, lang: str, templates_dir: Path | None, regimes) -> str:
    """What PIPA asks a policy to disclose beyond the first regime's document: its articles one level down."""
    return _render("section.md.j2", facts, lang, templates_dir, regimes)


def render_notices(facts, graph, lang: str, templates_dir: Path | None, pdf):
    from datamap.publish.notices import render_notices as pipa_notices

    return pipa_notices(facts, lang, templates_dir, pdf=pdf)
