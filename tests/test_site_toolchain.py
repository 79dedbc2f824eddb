"""The docs toolchain: MkDocs 1.x and Material 9.x pinned, a clean build that prints nothing to act on, and
the same site built by Zensical (Material's successor, which reads mkdocs.yml) when it installs here."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from datamap.cli import main
from site_project import ROOT, copy_project


@pytest.fixture(scope="module")
def built_project(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("toolchain"))
    assert main(["build", str(project / "inventory"), "--quiet"]) == 0
    return project


def test_mkdocs_and_material_are_pinned_below_their_next_major():
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    assert "mkdocs>=1.6,<2" in dependencies
    assert "mkdocs-material>=9.5,<10" in dependencies


def test_clean_mkdocs_build_is_quiet(built_project):
    """Entity pages are reached from listings (not_in_nav): no 'not included in the nav' lines, no warnings."""
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=built_project, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert done.returncode == 0, done.stderr
    lines = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    assert [line for line in lines if not re.match(r"INFO\s+-\s+(Cleaning site|Building documentation|Documentation built)", line)] == []


def _zensical(tmp_path_factory) -> Path:
    here = shutil.which("zensical", path=str(Path(sys.executable).parent))
    if here:
        return Path(here)
    venv = tmp_path_factory.mktemp("zensical-venv")
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    done = subprocess.run([str(venv / "bin/python"), "-m", "pip", "install", "-q", "zensical"], capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["no output"])[-1]
        pytest.skip(f"zensical does not install here: {reason}")
    return venv / "bin/zensical"


def test_zensical_builds_the_reference_site(built_project, tmp_path_factory):
    zensical = _zensical(tmp_path_factory)
    shutil.rmtree(built_project / "build", ignore_errors=True)
    done = subprocess.run([str(zensical), "build", "--strict"], cwd=built_project, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    site = built_project / "build/site"
    pages = [p.relative_to(built_project / "site") for p in (built_project / "site").rglob("*.md")]
    assert len(pages) > 50
    missing = [str(p) for p in pages if not (site / (p.with_suffix("") if p.name != "index.md" else p.parent) / "index.html").is_file()]
    assert missing == []
    korean = (site / "ko/system/mailer/index.html").read_text("utf-8")
    assert '<html lang="ko"' in korean  # the theme's words in the page's language (overrides/partials/language.html)
    assert 'href="../../../en/system/mailer/" hreflang="en"' in korean  # the language switcher
    assert (site / "en/system/mailer.svg").is_file()
