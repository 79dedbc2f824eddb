"""datamap build shows its progress on a terminal, and nothing when output is read by a tool or with --quiet."""

import io
import shutil
import sys

from conftest import FIXTURES
from datamap.progress import Progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_counts_on_a_terminal_only():
    shown = _Terminal()
    progress = Progress(shown)
    progress("pages", 3)
    progress("diagrams", 1, 2)
    progress("diagrams", 2, 2)
    progress.finish()
    assert shown.getvalue() == "\rpages: 3\n\rdiagrams: 1/2\rdiagrams: 2/2\n"
    for stream, quiet in ((io.StringIO(), False), (_Terminal(), True)):
        silent = Progress(stream, quiet=quiet)
        silent("pages", 3)
        silent.finish()
        assert stream.getvalue() == ""


def _project(tmp_path):
    shutil.copytree(FIXTURES / "full", tmp_path / "inventory")
    return tmp_path / "inventory"


def test_build_reports_pages_diagrams_and_downloads(run, tmp_path, monkeypatch):
    inventory = _project(tmp_path)
    monkeypatch.setattr(sys, "stderr", _Terminal())
    assert run("build", inventory).code == 0
    last = [line.rpartition("\r")[2] for line in sys.stderr.getvalue().split("\n")]
    # the data downloads are made first, with what can fail, before anything is written; the PDFs last,
    # once the lineage graph and the pages' plan are let go
    assert [text.rpartition(": ")[0] for text in last] == ["downloads (CSV, JSON, XLSX)", "pages", "diagrams", "downloads (PDF)", ""]
    counts = [text.rpartition(": ")[2].split("/") for text in last[:4]]
    assert all(done == total for done, total in counts)
    assert int(counts[1][1]) > 40 and int(counts[0][1]) > 5 and int(counts[2][1]) > 5 and int(counts[3][1]) > 2


def test_build_is_quiet_with_quiet_or_off_a_terminal(run, tmp_path, monkeypatch):
    inventory = _project(tmp_path)
    result = run("build", inventory)  # captured: not a terminal
    assert result.code == 0 and result.err == ""
    monkeypatch.setattr(sys, "stderr", _Terminal())
    assert run("build", inventory, "--quiet").code == 0
    assert sys.stderr.getvalue() == ""
