"""One document from several regimes: the first regime's document, with a section from each further family."""

from __future__ import annotations

import re
from pathlib import Path

from datamap.regimes import families, regimes_of

_LEVEL_2 = re.compile(r"^## ", flags=re.MULTILINE)


def render_document(facts, lang: str, templates_dir: Path | None = None) -> str:
    """The policy Markdown. Further regimes' sections go before the first document's closing section (its
    last second-level heading: the addendum), or at its end when it has none."""
    groups = families(regimes_of(facts.inventory))
    first, rest = groups[0], groups[1:]
    text = first[0].call("document", facts, lang, templates_dir, first)
    if not rest:
        return text
    sections = "".join(group[0].call("section", facts, lang, templates_dir, group) for group in rest)
    closing = list(_LEVEL_2.finditer(text))
    if not closing:
        return text.rstrip("\n") + "\n\n" + sections
    at = closing[-1].start()
    return text[:at] + sections.strip("\n") + "\n\n" + text[at:]
