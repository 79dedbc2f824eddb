"""Spreadsheet cells: every value datamap writes to a CSV or XLSX file goes through :func:`cell`.

A spreadsheet evaluates a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in some, a tab or a
carriage return) as a formula: a processor named ``=HYPERLINK("http://evil", "Click")`` would become a
live link, ``+cmd|' /C calc'!A0`` a command. Following the OWASP rule, such a cell is prefixed with a
single quote, which spreadsheets show as text and which keeps the value readable. Numbers and booleans
are left as they are (a negative number is a number, not a formula). CSV (:func:`csv_text`) and XLSX
(:mod:`datamap.exports.tables`) writers take their cells from here.
"""

from __future__ import annotations

import csv
import io
from typing import Any, Iterable

#: the first characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection), with a
#: line feed and the full-width forms some spreadsheets also accept
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def cell(value: Any) -> Any:
    """``value`` as a cell no spreadsheet evaluates: text starting like a formula gets a leading quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def row(values: Iterable[Any]) -> list[Any]:
    return [cell(value) for value in values]


def csv_text(header: list[str], rows: Iterable[Iterable[Any]], safe: bool = True) -> str:
    """A CSV document (newline-terminated lines) of ``header`` and ``rows``, every cell neutralized.

    ``safe=False`` only for machine formats whose readers never evaluate cells and must get values as
    they are (the Play Console's Data safety import).
    """
    out = io.StringIO()
    minimal = csv.writer(out, lineterminator="\n")
    # the csv module quotes a field holding the line terminator ("\n") but not a lone "\r", which readers
    # take for the end of a line: a row holding one is written with every field quoted
    quoted = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    for values in [header, *rows]:
        cells = row(values) if safe else list(values)
        (quoted if any(isinstance(c, str) and "\r" in c for c in cells) else minimal).writerow(cells)
    return out.getvalue()
