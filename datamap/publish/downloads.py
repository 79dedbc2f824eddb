"""The files the docs site offers for download: built by ``datamap build`` into ``site/downloads/``.

Downloads are build outputs, never committed (``site/downloads/`` is ignored by git): the processor
list as CSV and JSON, the policy and every notice as PDF (:mod:`datamap.publish.pdf`), in each language. The
site's pages list them from :func:`downloads`, which only describes them; each is built by calling its
``build``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import networkx as nx

from datamap.inventory.model import LANGUAGES, Inventory
from datamap.publish.render import default_templates_dir, render_processors


@dataclass(frozen=True)
class Download:
    path: str  # under site/
    lang: str
    title: str  # key of the download's name in the site's wording (templates/<lang>/site/words.j2)
    subject: dict | None  # a Text naming what it is about (a collection point), or None
    build: Callable[[], bytes | str]
    #: what a PDF is made from (its HTML page), much cheaper to make than the PDF: ``datamap build``
    #: makes the PDF again only when this changed
    source: Callable[[], str] | None = None


def downloads(inventory: Inventory, graph: nx.MultiDiGraph, project_dir: Path, templates_dir: Path | None = None, facts=None) -> list[Download]:
    """Every download, language by language (``facts``: the policy's facts, when already computed)."""
    from datamap.lineage.facts import policy_facts

    facts = facts if facts is not None else policy_facts(inventory, graph)
    found: list[Download] = []
    for lang in LANGUAGES:
        for fmt in ("csv", "json"):
            found.append(Download(
                f"downloads/processors.{lang}.{fmt}", lang, "processors", None,
                lambda lang=lang, fmt=fmt: render_processors(inventory, graph, fmt, lang, templates_dir),
            ))
        found.extend(_pdfs(inventory, graph, lang, Path(project_dir), templates_dir, facts))
    return found


def _pdfs(inventory: Inventory, graph: nx.MultiDiGraph, lang: str, project_dir: Path, templates_dir: Path | None, facts) -> Iterator[Download]:
    """The policy and the notices as PDF; all notices of a language are rendered together, once, as HTML."""
    from datamap.publish.html import policy_html
    from datamap.publish.notices import notices, render_notices
    from datamap.publish.pdf import html_to_pdf

    def pdf(page: str) -> bytes:
        return html_to_pdf(page, lang, project_dir, [default_templates_dir()])[0]

    policy: list[str] = []

    def policy_page() -> str:
        if not policy:
            policy.append(policy_html(inventory, graph, lang, templates_dir))
        return policy[0]

    yield Download(f"downloads/policy.{lang}.pdf", lang, "policy", None, lambda: pdf(policy_page()), policy_page)
    pages: dict[str, str | bytes] = {}

    def notice_page(name: str) -> str:
        if not pages:
            pages.update(render_notices(inventory, graph, lang, templates_dir))
        return pages[name]

    for item in notices(facts, graph):
        point = item.context.get("point")
        subject = (point.label or {"*": point.provider or point.id}) if point is not None else None
        kind = "consent" if item.name.startswith("consent-") else item.name
        page = f"{item.name}.{lang}.html"
        yield Download(
            f"downloads/notices/{item.name}.{lang}.pdf", lang, f"notice_{kind}", subject,
            lambda page=page: pdf(notice_page(page)), lambda page=page: notice_page(page),
        )
