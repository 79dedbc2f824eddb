"""PIPA's documents: the policy and the notices of :mod:`datamap.publish`, as they were before regimes."""

from __future__ import annotations

from pathlib import Path


def render_policy(facts, lang: str, templates_dir: Path | None, regimes) -> str:
    from datamap.publish.render import render_path

    return render_path(regimes[0].template(lang, "policy.md.j2"), lang, templates_dir, facts=facts, inv=facts.inventory)


def render_notices(facts, graph, lang: str, templates_dir: Path | None, pdf):
    from datamap.publish.notices import render_notices as pipa_notices

    return pipa_notices(facts, lang, templates_dir, pdf=pdf)
