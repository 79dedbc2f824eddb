import shutil
import textwrap
from pathlib import Path

import pytest

from datamap.cli import main

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "inventory"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


#: the install source tests' ``datamap init`` writes: where the datamap under test came from depends on the machine
#: (an editable checkout without a remote has none), so in-process runs get this fixed one (tests/test_install_source.py
#: tests the real derivation)
TEST_SOURCE = "git+https://git.example.org/datamap.git@" + "0123456789abcdef" * 2 + "01234567"


@pytest.fixture(autouse=True)
def _install_source(monkeypatch):
    from datamap.install_source import Source

    monkeypatch.setattr("datamap.scaffold.installed_source", lambda: Source(TEST_SOURCE))


@pytest.fixture
def minimal(tmp_path, monkeypatch) -> Path:
    """A copy of the minimal valid inventory in inv/, with the working directory set to its parent."""
    inv = tmp_path / "inv"
    shutil.copytree(FIXTURES / "minimal", inv)
    monkeypatch.chdir(tmp_path)
    return inv


def write(directory: Path, name: str, text: str | bytes) -> Path:
    path = directory / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


class Run:
    def __init__(self, code, out, err):
        self.code, self.out, self.err = code, out, err


@pytest.fixture
def run(capsys):
    """Run the datamap command line in-process; returns exit code, stdout and stderr."""

    def _run(*argv):
        capsys.readouterr()
        code = main([str(a) for a in argv])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return _run
