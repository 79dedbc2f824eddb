"""One table, three file formats: CSV, Markdown and XLSX, all deterministic and formula-safe.

Exports that are tables (the records of processing, the Play Console's Data safety CSV) build a
header and rows of plain strings and hand them here.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from datamap.publish.cells import cell as cell_value, csv_text
from datamap.publish.render import md_escape


def to_csv(header: list[str], rows: list[list[str]], safe: bool = True) -> str:
    """CSV with a header row; ``safe=False`` only for machine formats whose readers never evaluate cells."""
    return csv_text(header, rows, safe)


def to_markdown(title: str, header: list[str], rows: list[list[str]], notes: list[str] = ()) -> str:
    """A heading, a pipe table and notes; every cell is made inert Markdown, line breaks become <br>."""

    def md_cell(value: str) -> str:
        return "<br>".join(md_escape(line) for line in value.split("\n")) or " "

    lines = [f"# {md_escape(title)}", ""]
    lines += [f"- {md_escape(note)}" for note in notes]
    if notes:
        lines.append("")
    lines.append("| " + " | ".join(md_cell(h) for h in header) + " |")
    lines.append("|" + "---|" * len(header))
    lines += ["| " + " | ".join(md_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


#: every timestamp an XLSX holds, fixed so that the same table gives the same bytes
_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_CORE_TIMES = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


@dataclass(frozen=True)
class Sheet:
    """One worksheet of an XLSX: its name, header, rows and column widths."""

    title: str
    header: list[str]
    rows: list[list[str]]
    widths: list[int] | None = None


def to_xlsx(sheet_title: str, header: list[str], rows: list[list[str]], widths: list[int] | None = None) -> bytes:
    """A workbook of one worksheet (see :func:`to_xlsx_sheets`)."""
    return to_xlsx_sheets([Sheet(sheet_title, header, rows, widths)])


def to_xlsx_sheets(sheets: list[Sheet]) -> bytes:
    """One worksheet per table: a bold, frozen header row, set column widths, wrapped text, no formulas.

    openpyxl stamps the workbook and its zip entries with the current time; both are replaced by
    fixed values, so two writes of the same tables are byte-identical.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    wrap = Alignment(wrap_text=True, vertical="top")
    bold = Font(bold=True)
    for index, table in enumerate(sheets):
        sheet = workbook.active if index == 0 else workbook.create_sheet()
        sheet.title = table.title[:31]
        for col, value in enumerate(table.header, start=1):
            cell = sheet.cell(row=1, column=col, value=cell_value(value))
            cell.font, cell.alignment = bold, wrap
        for r, row in enumerate(table.rows, start=2):
            for col, value in enumerate(row, start=1):
                cell = sheet.cell(row=r, column=col, value=cell_value(value))
                cell.data_type = "s"  # text, whatever it looks like: never a formula
                cell.alignment = wrap
        for col, _ in enumerate(table.header, start=1):
            width = table.widths[col - 1] if table.widths and col <= len(table.widths) else 24
            sheet.column_dimensions[get_column_letter(col)].width = width
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _fix_timestamps(buffer.getvalue())


def _fix_timestamps(data: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _CORE_TIMES.sub(rb"\g<1>2000-01-01T00:00:00Z\g<3>", content)
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, content)
    return out.getvalue()
