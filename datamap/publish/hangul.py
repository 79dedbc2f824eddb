"""Korean line breaking for PDFs: lines break between words, never inside one.

Korean is written with spaces between words (어절), and a Korean reader expects a line to end only at a
space, as CSS ``word-break: keep-all`` asks. weasyprint ignores ``keep-all`` and breaks between any two
Hangul syllables ("항 / 목"). Before the page goes to weasyprint, a WORD JOINER (U+2060), which forbids a
line break and prints nothing, is put between the characters of every word that holds Hangul. This is
done only on the way to the PDF: the Markdown and HTML documents keep their text as it is, and the
joiners are left out again when the PDF's text is extracted or copied (they have no glyph).
"""

from __future__ import annotations

import re

WORD_JOINER = "\u2060"
_HANGUL = "\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3"
#: two neighbouring characters of one word, at least one of them Hangul (tags and entities excluded)
_INSIDE_WORD = re.compile(rf"(?<=[{_HANGUL}])(?=[^\s<&{WORD_JOINER}])|(?<=[^\s>;{WORD_JOINER}])(?=[{_HANGUL}])")
_TEXT = re.compile(r"(<[^>]*>)|([^<]+)")


def join_words(html: str) -> str:
    """``html`` with word joiners inside every word that holds Hangul, in the text of its <body> only
    (the title and metadata stay as they are)."""
    start = html.find("<body")
    if start < 0:
        return html
    head, body = html[:start], html[start:]

    def text(match: re.Match) -> str:
        tag, chunk = match.groups()
        return tag if tag is not None else _INSIDE_WORD.sub(WORD_JOINER, chunk)

    return head + _TEXT.sub(text, body)
