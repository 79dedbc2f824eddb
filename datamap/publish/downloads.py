"""The files the docs site offers for download: built by ``datamap build`` into ``site/downloads/``.

Downloads are build outputs, never committed (``site/downloads/`` is ignored by git): the processor
list as CSV and JSON, the record of processing (:mod:`datamap.exports.ropa`) as XLSX and CSV, the policy and every notice as PDF (:mod:`datamap.publish.pdf`), in each language. The
site's pages list them from :func:`downloads`, which only describes them; each is built by calling its
``build``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import networkx as nx

from datamap.exports.ropa import applicable_records
from datamap.inventory.model import Inventory
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
    #: a PDF from that page (``build`` is ``pdf(source())``): it holds nothing of the inventory, so
    #: ``datamap build`` can make the PDFs after it has let go of the lineage graph and the site's pages
    pdf: Callable[[str], bytes] | None = None


def downloads(inventory: Inventory, graph: nx.MultiDiGraph, project_dir: Path, templates_dir: Path | None = None) -> list[Download]:
    """Every download, language by language."""
    found: list[Download] = []
    for lang in inventory.policy.languages:
        for fmt in ("csv", "json"):
            found.append(Download(
                f"downloads/processors.{lang}.{fmt}", lang, "processors", None,
                lambda lang=lang, fmt=fmt: render_processors(inventory, graph, fmt, lang, templates_dir),
            ))
        for fmt in ("xlsx", "csv"):
            found.append(Download(f"downloads/ropa.{lang}.{fmt}", lang, "ropa", None, lambda lang=lang, fmt=fmt: _ropa(inventory, graph, fmt, lang)))
        if len(applicable_records(inventory, lang)) > 1:  # the XLSX has a sheet per record; a CSV holds one
            found.append(Download(f"downloads/ropa-processor.{lang}.csv", lang, "ropa_processor", None,
                                  lambda lang=lang: _ropa(inventory, graph, "csv", lang, ["processor"])))
        found.extend(_pdfs(inventory, graph, lang, Path(project_dir), templates_dir))
    return found


def _ropa(inventory: Inventory, graph: nx.MultiDiGraph, fmt: str, lang: str, records: list[str] | None = None) -> bytes | str:
    from datamap.exports.ropa import ropa

    return ropa(inventory, graph, fmt, lang, records)


def _pdf(page: str, lang: str, project_dir: Path) -> bytes:
    from datamap.publish.pdf import html_to_pdf

    return html_to_pdf(page, lang, project_dir, [default_templates_dir()])[0]


def _pdfs(inventory: Inventory, graph: nx.MultiDiGraph, lang: str, project_dir: Path, templates_dir: Path | None) -> Iterator[Download]:
    """The policy and the notices as PDF; all notices of a language are rendered together, once, as HTML."""
    from datamap.lineage import facts_of
    from datamap.publish.html import policy_html
    from datamap.regimes.notices import notice_entries, render_all

    pdf = functools.partial(_pdf, lang=lang, project_dir=project_dir)

    policy: list[str] = []

    def policy_page() -> str:
        if not policy:
            policy.append(policy_html(inventory, graph, lang, templates_dir))
        return policy[0]

    yield Download(f"downloads/policy.{lang}.pdf", lang, "policy", None, lambda: pdf(policy_page()), policy_page, pdf)
    pages: dict[str, str | bytes] = {}
    facts = facts_of(inventory, graph)

    def notice_page(name: str) -> str:
        if not pages:
            pages.update(render_all(facts, graph, lang, templates_dir))
        return pages[name]

    for entry in notice_entries(facts, graph):
        page = f"{entry.name}.{lang}.html"
        yield Download(
            f"downloads/notices/{entry.name}.{lang}.pdf", lang, f"notice_{entry.kind}", entry.subject,
            lambda page=page: pdf(notice_page(page)), lambda page=page: notice_page(page), pdf,
        )
