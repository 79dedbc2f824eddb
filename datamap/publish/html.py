"""Publishing, step 1: a document's Markdown -> one standalone HTML page.

The wording of every document lives in its Markdown templates, once per language. This module converts
that Markdown (python-markdown with tables and heading ids) and wraps it in the layout template
``<lang>/document.html.j2``, which adds the metadata, the table of contents and the print stylesheet.

Raw HTML in the Markdown is not passed through: inventory text is escaped for Markdown already, and
turning raw HTML off means no template can let markup from the inventory into the page either.
"""

from __future__ import annotations

import datetime as dt
import html as html_lib
import re
from dataclasses import dataclass
from pathlib import Path

from typing import TYPE_CHECKING

import markdown
from markdown.extensions.toc import slugify_unicode
from markupsafe import Markup

from datamap import language
from datamap.publish.pdf import FONTS
from datamap.publish.render import environment, render_policy, template_problems
from datamap.publish.sandbox import render_bounded

if TYPE_CHECKING:
    import networkx as nx

    from datamap.inventory.model import Inventory

_TAGS = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    html: Markup  # the heading's content as converted HTML

    @property
    def text(self) -> str:
        return html_lib.unescape(_TAGS.sub("", self.html))


def _converter() -> markdown.Markdown:
    md = markdown.Markdown(
        extensions=["tables", "toc", "sane_lists"],
        extension_configs={"toc": {"slugify": slugify_unicode, "toc_depth": "1-3"}},
        output_format="html",
    )
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


def markdown_to_html(text: str) -> tuple[str, list[Heading]]:
    """HTML of a Markdown text, and its headings in order (levels 1 to 3)."""
    md = _converter()
    body = md.convert(text)
    headings: list[Heading] = []

    def walk(tokens):
        for token in tokens:
            headings.append(Heading(token["level"], token["id"], Markup(token["html"])))
            walk(token["children"])

    walk(md.toc_tokens)
    return body, headings


def split_front(text: str) -> tuple[str, str]:
    """The front matter of a document (title, byline, introduction: everything before the first
    second-level heading) and the rest."""
    match = re.search(r"^## ", text, flags=re.MULTILINE)
    if match is None:
        return text, ""
    return text[: match.start()], text[match.start() :]


def fonts(lang: str) -> str:
    """The CSS font-family value for a language."""
    return ", ".join(f'"{family}"' for family in FONTS[lang]) + ", sans-serif"


def html_document(
    text: str,
    lang: str,
    *,
    author: str,
    date: dt.date,
    kind: str,
    toc: bool = False,
    templates_dir: Path | None = None,
) -> str:
    """A complete HTML page of a Markdown document.

    ``author`` and ``date`` become the document's metadata (the PDF's author and dates): the date is the
    policy's effective date, never the clock, so the same inventory always gives the same bytes.
    ``kind`` names the document for the stylesheet (``policy``, ``notice-consent``...).
    """
    front_md, rest_md = split_front(text)
    front, front_headings = markdown_to_html(front_md)
    body, headings = markdown_to_html(rest_md)
    titles = [h for h in front_headings + headings if h.level == 1]
    env = environment(lang, templates_dir).overlay(autoescape=True, finalize=None)
    name = f"{lang}/document.html.j2"
    with template_problems(f"layout {name}", templates_dir):
        return render_bounded(
            env.get_template(name),
            name,
            lang=lang,
            kind=kind,
            title=titles[0].text if titles else "",
            author=author,
            date=date.isoformat(),
            fonts=Markup(fonts(lang)),
            front=Markup(front),
            body=Markup(body),
            toc=[h for h in headings if h.level == 2] if toc else [],
        )


def policy_html(inventory: Inventory, graph: nx.MultiDiGraph, lang: str = "en", templates_dir: Path | None = None) -> str:
    """The privacy policy as one HTML page with a table of contents."""
    text = render_policy(inventory, graph, lang, templates_dir)
    return html_document(
        text,
        lang,
        author=language.text(inventory.organization.name, lang),
        date=inventory.policy.effective,
        kind="policy",
        toc=True,
        templates_dir=templates_dir,
    )
