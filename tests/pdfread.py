"""Reading published PDFs back with poppler (pdftotext, pdffonts, pdftoppm) and pypdf."""

import re
import subprocess
from pathlib import Path

from pypdf import PdfReader

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


def text(pdf: Path, page: int | None = None, raw: bool = True) -> str:
    """The text of the whole PDF, or of one page (1-based), in the order it is drawn: each table cell
    whole, cell after cell, rather than interleaved line by line across a row. ``raw=False`` gives the
    reading order of the page instead (a table of contents line with its leader and page number)."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(["pdftotext", *(["-raw"] if raw else []), "-enc", "UTF-8", *pages, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def page_texts(pdf: Path, raw: bool = True) -> list[str]:
    return text(pdf, raw=raw).split("\f")[:-1]


def flat(value: str) -> str:
    """Whitespace collapsed, for matching text that wrapped across lines."""
    return " ".join(value.split())


def dense(value: str) -> str:
    """All whitespace removed: Korean lines break between any two syllables, even inside a word."""
    return "".join(value.split())


def fonts(pdf: Path) -> list[dict]:
    """pdffonts' table: name, type and whether each font is embedded."""
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        match = re.match(r"(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$", line)
        assert match, line
        rows.append({"name": match[1], "type": match[2], "emb": match[4] == "yes"})
    return rows


def save_first_page(pdf: Path, name: str) -> Path:
    """Render page 1 to test-artifacts/<name>.png, for a person to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / name
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(target)], check=True)
    png = ARTIFACTS / f"{name}.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    return png


def reader(pdf: Path) -> PdfReader:
    return PdfReader(str(pdf))
