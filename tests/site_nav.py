"""The navigation of a site built by mkdocs with Material, as a reader sees it: titles, by the page they lead to."""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from site_project import ROOT

_LINK = re.compile(r'<a href="([^"]*)" class="md-nav__link[^"]*">\s*<span class="md-ellipsis">\s*(.*?)\s*</span>', re.S)
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split()).rstrip("¶").strip()


def nav(built: Path, page: str) -> dict[str, str]:
    """The primary navigation of ``page`` (a path under ``built``, ``ko/processors/``): site path -> title."""
    text = (built / page / "index.html").read_text("utf-8")
    primary = text[text.index("md-nav--primary"):]
    primary = primary[:primary.index("md-nav--secondary")] if "md-nav--secondary" in primary else primary
    links = {}
    for href, title in _LINK.findall(primary):
        target = posixpath.normpath(posixpath.join(page, href)).strip("/")
        links[target + "/" if target != "." else ""] = _text(title)
    return links


def heading(built: Path, page: str) -> str:
    """The first heading of a built page, as shown."""
    return _text(_H1.search((built / page / "index.html").read_text("utf-8")).group(1))


def site_words(*template_dirs: str) -> dict:
    """The site words of the first of ``template_dirs`` (under templates/) that has them, over the language's own."""
    env = Environment(loader=FileSystemLoader(str(ROOT / "templates")))
    words: dict = {}
    for name in reversed(template_dirs):
        words.update(env.get_template(f"{name}/site/words.j2").module.words)
    return words
