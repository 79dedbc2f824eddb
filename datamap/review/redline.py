"""A redline of the policy text: the new Markdown with deletions and insertions marked.

Changes are marked with ``<del>`` and ``<ins>``, which GitHub and Python-Markdown both display. Marks
never span Markdown structure: a heading's ``#``, a list marker or a table's ``|`` stays outside them,
so the redline renders as the same document with its changes highlighted. The policy text is already
escaped (no raw HTML from the inventory), so the marks are the only HTML in it.
"""

from __future__ import annotations

import difflib
import html
import re

import markdown

_MARKER = re.compile(r"^(\s*(?:#{1,6}\s+|[-*+]\s+|\d+\\?\.\s+|\*\*\d+\.\s*)?)(.*)$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_TOKENS = re.compile(r"\s+|\S+")
#: how alike two lines must be (difflib ratio) to be shown as one line with words marked
SIMILAR = 0.6

STYLE = """
body { font-family: "Noto Sans", "NanumGothic", sans-serif; max-width: 52rem; margin: 2rem auto; line-height: 1.5; }
ins { background: #e6ffec; color: #055d20; text-decoration: underline; }
del { background: #ffebe9; color: #82071e; text-decoration: line-through; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: .25rem .5rem; vertical-align: top; }
"""


def _wrap(tag: str, text: str) -> str:
    """Mark ``text``, leaving outside the mark its surrounding spaces and a bold marker it does not close."""
    inner = text.strip()
    if not inner:
        return text
    before, after = text[: text.index(inner)], text[text.index(inner) + len(inner):]
    if inner.count("**") % 2:  # one bold marker belongs to text outside: keep it outside
        if inner.startswith("**"):
            before, inner = before + "**", inner[2:].lstrip()
        elif inner.endswith("**") and not inner.endswith("\\**"):
            inner, after = inner[:-2].rstrip(), "**" + after
    return f"{before}<{tag}>{inner}</{tag}>{after}" if inner else text


def _is_table_row(line: str) -> bool:
    return line.lstrip().startswith("|")


def _mark_whole(line: str, tag: str) -> str:
    if not line.strip() or _TABLE_RULE.match(line):
        return line
    if _is_table_row(line):
        return "|".join(_wrap(tag, cell) for cell in _CELL_SPLIT.split(line))
    marker, content = _MARKER.match(line).groups()
    return marker + _wrap(tag, content)


def _mark_words(old: str, new: str) -> str:
    """The new text with the words that differ from the old marked; changes a space apart become one."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    segments: list[list] = []  # [changed, old text, new text]
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        old_text, new_text = "".join(a[i1:i2]), "".join(b[j1:j2])
        changed = op != "equal"
        if segments and (changed or not new_text.strip()) and segments[-1][0]:
            segments[-1][1] += old_text
            segments[-1][2] += new_text
        else:
            segments.append([changed, old_text, new_text])
    out = []
    for changed, old_text, new_text in segments:
        if not changed:
            out.append(new_text)
            continue
        if not old_text.strip() or not new_text.strip():
            out.append(_wrap("ins", new_text) if new_text.strip() else _wrap("del", old_text))
            continue
        lead, trail = new_text[: len(new_text) - len(new_text.lstrip())], new_text[len(new_text.rstrip()):]
        out.append(f"{lead}<del>{old_text.strip()}</del><ins>{new_text.strip()}</ins>{trail}")
    return "".join(out)


def _mark_pair(old: str, new: str) -> list[str]:
    """One changed line: words marked when both lines have the same structure, else old struck and new inserted."""
    if _is_table_row(old) and _is_table_row(new):
        old_cells, new_cells = _CELL_SPLIT.split(old), _CELL_SPLIT.split(new)
        if len(old_cells) == len(new_cells):
            return ["|".join(_mark_words(a, b) if a != b else b for a, b in zip(old_cells, new_cells))]
    elif not _is_table_row(old) and not _is_table_row(new):
        old_marker, old_content = _MARKER.match(old).groups()
        new_marker, new_content = _MARKER.match(new).groups()
        if old_marker.strip("0123456789\\. ") == new_marker.strip("0123456789\\. "):
            return [new_marker + _mark_words(old_content, new_content)]
    return [_mark_whole(old, "del"), _mark_whole(new, "ins")]


def redline_markdown(old: str, new: str) -> str:
    """The new Markdown text with what changed from ``old`` marked inline."""
    a, b = old.splitlines(), new.splitlines()
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out += b[j1:j2]
        elif op == "delete":
            out += [_mark_whole(line, "del") for line in a[i1:i2]]
        elif op == "insert":
            out += [_mark_whole(line, "ins") for line in b[j1:j2]]
        else:
            for old_line, new_line in _align(a[i1:i2], b[j1:j2]):
                if old_line is None:
                    out.append(_mark_whole(new_line, "ins"))
                elif new_line is None:
                    out.append(_mark_whole(old_line, "del"))
                else:
                    out += _mark_pair(old_line, new_line)
    return "\n".join(out) + "\n"


def _align(old: list[str], new: list[str]):
    """Pairs of (old, new) lines in order: each old line with the most similar later new line, if alike enough."""
    j = 0
    for line in old:
        best, best_ratio = None, SIMILAR
        for k in range(j, len(new)):
            matcher = difflib.SequenceMatcher(None, line, new[k], autojunk=False)
            if matcher.real_quick_ratio() >= best_ratio and matcher.quick_ratio() >= best_ratio and matcher.ratio() >= best_ratio:
                best, best_ratio = k, matcher.ratio()
        if best is None:
            yield line, None
            continue
        for k in range(j, best):
            yield None, new[k]
        yield line, new[best]
        j = best + 1
    for k in range(j, len(new)):
        yield None, new[k]


def to_html(markdown_text: str, title: str, lang: str = "en") -> str:
    """A standalone HTML page of a Markdown document (the diff report)."""
    body = markdown.markdown(markdown_text, extensions=["tables"], output_format="html")
    return (
        f'<!DOCTYPE html>\n<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )
