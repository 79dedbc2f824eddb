"""The pages are made in a child process: its progress, result and errors reach the build as if made here;
large diagrams are never laid out two at a time."""

from __future__ import annotations

import os
import threading
import time

import pytest

from datamap.errors import DiagramError
from datamap.progress import Progress
from datamap.site import diagram
from datamap.site.child import in_child
from datamap.site.pages import SiteError


def _work(progress, pages: int) -> dict:
    for done in range(1, pages + 1):
        progress("pages", done, pages)
    built = progress.counting([_Download()], "downloads")
    return {"pid": os.getpid(), "download": built[0].build(), "text": "한국어 " * 1000}


class _Download:
    def __init__(self, build=None):
        self.build = build or (lambda: b"\x00data")


def _replace(download, build):
    return _Download(build)


class _Seen(Progress):
    def __init__(self):
        self.calls, self.enabled, self.stage = [], False, None

    def __call__(self, stage, done, total=None):
        self.calls.append((stage, done, total))


def test_child_relays_progress_and_returns_its_result(monkeypatch):
    monkeypatch.setattr("datamap.progress.replace", _replace)
    seen = _Seen()
    result = in_child(_work, seen, 3)
    assert result["pid"] != os.getpid()  # made elsewhere
    assert result["download"] == b"\x00data" and result["text"] == "한국어 " * 1000
    assert seen.calls == [("pages", 1, 3), ("pages", 2, 3), ("pages", 3, 3), ("downloads", 1, 1)]


def _fail(progress, error):
    progress("pages", 1, 2)
    raise error


@pytest.mark.parametrize("error", [DiagramError("Graphviz 'dot' not found"), SiteError("a.md: E118 too long"), KeyError("bug")])
def test_child_errors_are_raised_again_with_their_type_and_message(error):
    seen = _Seen()
    with pytest.raises(type(error)) as raised:
        in_child(_fail, seen, error)
    assert str(raised.value) == str(error)
    assert any("in the process making the pages" in note for note in raised.value.__notes__)
    assert seen.calls == [("pages", 1, 2)]


class _Unpicklable(Exception):
    def __init__(self, a, b):
        super().__init__(f"{a}/{b}")


def test_an_error_that_cannot_be_pickled_comes_back_as_its_text():
    with pytest.raises(Exception, match="_Unpicklable: x/y"):
        in_child(_fail, _Seen(), _Unpicklable("x", "y"))


def test_a_child_that_dies_is_reported():
    with pytest.raises(RuntimeError, match="ended without a result"):
        in_child(lambda progress: os._exit(7), None)


def test_large_diagrams_are_never_laid_out_together(monkeypatch):
    running, most, lock = [0], [0], threading.Lock()

    def fake_dot(texts):
        large = sum(t.count("\n") for t in texts) > diagram._LARGE
        with lock:
            running[0] += large
            most[0] = max(most[0], running[0])
        time.sleep(0.05)
        with lock:
            running[0] -= large
        return [t.upper() for t in texts]

    monkeypatch.setattr(diagram, "_run_dot", fake_dot)
    monkeypatch.setattr(diagram, "_BATCH", 1)
    monkeypatch.setattr(diagram, "_LARGE", 3)
    monkeypatch.setattr(diagram.os, "cpu_count", lambda: 4)
    sources = {f"g{i}": "digraph {\n a;\n b;\n c;\n}\n" if i % 2 else "digraph {}\n" for i in range(8)}
    assert diagram.render_svgs(sources) == {name: text.upper() for name, text in sources.items()}
    assert most[0] == 1


def _files(folder):
    """Every file but the local stat cache, which is no output (it holds inodes and times)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file() and p.name != ".datamap-stat"}


def test_large_diagrams_drawn_after_the_pages_are_byte_identical(run, tmp_path, monkeypatch):
    import shutil

    from conftest import FIXTURES

    shutil.copytree(FIXTURES / "full", tmp_path / "inventory")
    assert run("build", tmp_path / "inventory", "--site", tmp_path / "usual").code == 0
    drawn = []
    real = diagram.render_svgs
    monkeypatch.setattr(diagram, "render_svgs", lambda sources, progress=None: drawn.append(len(sources)) or real(sources, progress))
    monkeypatch.setattr(diagram, "_LARGE", 0)  # every diagram is large: all are drawn once the pages' process has ended
    result = run("build", tmp_path / "inventory", "--site", tmp_path / "late")
    assert result.code == 0
    usual, late = _files(tmp_path / "usual"), _files(tmp_path / "late")
    assert drawn == [sum(path.endswith(".svg") for path in late)] and drawn[0] > 5  # all drawn here, none by the child
    assert usual == late
