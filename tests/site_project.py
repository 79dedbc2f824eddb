"""Copies of this repository's docs-site project (inventory, hand-written pages, mkdocs.yml) for tests."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from datamap.site.pages import is_generated

ROOT = Path(__file__).resolve().parent.parent
#: labels no page may render as markup, and that must not break out of DOT, SVG, HTML or Markdown
NASTY_ITEM = "<script>alert(1)</script>"
NASTY_SYSTEM = '</title><img src=x onerror="window.pwned=1"> "]; n0 [label="x'
NASTY_PURPOSE = "[click](javascript:alert(3)) **bold** & &amp; \\N"


def copy_project(dest: Path) -> Path:
    """The inventory, mkdocs.yml and only the hand-written pages of site/ (as in a checkout before a build)."""
    shutil.copytree(ROOT / "inventory", dest / "inventory")
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    for path in (ROOT / "site").rglob("*"):
        if path.is_file() and not is_generated(path) and "downloads" not in path.parts and path.name != ".datamap-stat":  # a local cache
            target = dest / "site" / path.relative_to(ROOT / "site")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)
    return dest


def make_nasty(project: Path) -> None:
    """Give an item, a system and a purpose labels written to break out of every format the site uses."""
    def edit(name: str, section: str, ident: str, key: str, value) -> None:
        path = project / "inventory" / name
        data = yaml.safe_load(path.read_text("utf-8"))
        next(e for e in data[section] if e["id"] == ident)[key] = value
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")

    edit("items.yaml", "items", "email", "label", {"en": NASTY_ITEM, "ko": NASTY_ITEM})
    edit("systems.yaml", "systems", "account_db", "name", NASTY_SYSTEM)
    edit("purposes.yaml", "purposes", "marketing", "title", NASTY_PURPOSE)


def mkdocs_build(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"],
        cwd=project, capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )


def add_releases(project: Path) -> None:
    """Two earlier versions in the policy's history (0.9 frozen in both languages, 0.8 not), and 1.0 frozen in English."""
    policy = project / "inventory" / "organization.yaml"
    policy.write_text(
        policy.read_text("utf-8").replace(
            "  effective: 2024-07-26\n",
            "  effective: 2024-07-26\n  history:\n"
            '    - {version: "0.9", effective: 2023-01-02, summary: {en: "First release", ko: "최초 제정"}}\n'
            '    - {version: "0.8", effective: 2022-05-01}\n',
        ),
        "utf-8",
    )
    texts = {
        "0.9": {"en": "# Privacy Policy\n\nThe old text.\n", "ko": "# 개인정보 처리방침\n\n예전 본문.\n"},
        "1.0": {"en": "# Privacy Policy\n\nThe text in force.\n"},
    }
    for version, by_lang in texts.items():
        for lang, text in by_lang.items():
            path = project / "versions" / version / f"policy.{lang}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, "utf-8")
