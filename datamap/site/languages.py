"""A new project's site configuration and hand-written pages, cut to the languages it publishes.

The scaffold's ``mkdocs.yml`` and ``site/index.md`` are written for every language datamap ships
(``en`` and ``ko``); a project whose inventory publishes fewer (``policy.languages: [en]`` under the GDPR)
must not link to pages that are never generated. Language-specific parts are recognised by the
language codes they name: a YAML list entry (with everything indented under it) whose paths all lie
under ``<lang>/`` or that says ``lang: <lang>``, and a Markdown line linking to ``<lang>/``.
"""

from __future__ import annotations

import re

_PATH_LANG = re.compile(r"(?<![\w/])([a-z]{2})/[\w./-]*\.md\b")
_LANG_KEY = re.compile(r"\blang: ([a-z]{2})\s*$", re.M)
_ITEM = re.compile(r"^(\s*)- ")
_LINK_LANG = re.compile(r"\]\(([a-z]{2})/")


def _languages_named(block: str) -> set[str]:
    return set(_PATH_LANG.findall(block)) | set(_LANG_KEY.findall(block))


def yaml_for_languages(text: str, keep: list[str]) -> str:
    """``text`` without the list entries that belong only to languages not in ``keep``."""
    lines = text.splitlines(keepends=True)
    out: list[str] = []
    i = 0
    while i < len(lines):
        match = _ITEM.match(lines[i])
        if not match:
            out.append(lines[i])
            i += 1
            continue
        indent = len(match.group(1))
        end = i + 1
        while end < len(lines) and lines[end].strip() and len(lines[end]) - len(lines[end].lstrip()) > indent:
            end += 1
        named = _languages_named("".join(lines[i:end]))
        if named and not named & set(keep):
            i = end  # the whole entry serves only languages not published
            continue
        out.append(lines[i])
        i += 1
    return "".join(out)


def markdown_for_languages(text: str, keep: list[str]) -> str:
    """``text`` without the lines that link only to pages of languages not in ``keep``."""
    return "".join(line for line in text.splitlines(keepends=True)
                   if not (set(_LINK_LANG.findall(line)) and not set(_LINK_LANG.findall(line)) & set(keep)))
