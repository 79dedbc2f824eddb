"""Stale generated files: committed pages that differ from what the inventory produces now.

The docs site's generator (:func:`datamap.site.pages.generate_pages`) says what every generated page under
``site/`` should hold; this module compares that with the files on disk, so CI and pre-commit can refuse
a change that edits the inventory but forgets to regenerate the pages.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from datamap.confine import inside, kind_of
from datamap.findings import Finding
from datamap.output import leftover_temporaries
from datamap.inventory.load import display_path

SITE_DIR = "site"


def _first_difference(old: str, new: str) -> int:
    """1-based number of the first line that differs."""
    old_lines, new_lines = old.splitlines(), new.splitlines()
    for number, (a, b) in enumerate(zip(old_lines, new_lines), start=1):
        if a != b:
            return number
    return min(len(old_lines), len(new_lines)) + 1


def stale_files(expected: dict[str, str], project_dir: Path | str, fix: str = "datamap build") -> list[Finding]:
    """E701/E702 for each generated page (path relative to ``site/``) that differs from ``expected`` or is missing."""
    site = Path(project_dir) / SITE_DIR
    findings = []
    for relative in sorted(expected):
        path = site / relative
        shown = display_path(path)
        if not inside(path, project_dir) or kind_of(path) not in (None,):
            what = "leads outside the project" if not inside(path, project_dir) else f"is {kind_of(path)}"
            findings.append(Finding(shown, 1, 1, "E109" if what.startswith("leads") else "E119",
                                    f"generated file {what}: not read; replace it by a regular file with `{fix}`"))
            continue
        try:
            current = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            findings.append(Finding(shown, 1, 1, "E702", f"generated file is missing: run `{fix}` to create it"))
            continue
        except (OSError, UnicodeDecodeError) as e:
            findings.append(Finding(shown, 1, 1, "E701", f"generated file cannot be read ({e}): run `{fix}` to regenerate it"))
            continue
        if current != expected[relative]:
            line = _first_difference(current, expected[relative])
            findings.append(
                Finding(shown, line, 1, "E701", f"generated file is out of date with the inventory (first difference here): run `{fix}` to regenerate it")
            )
    for leftover in leftover_temporaries(site):
        findings.append(Finding(display_path(leftover), 1, 1, "W109", f"temporary file left behind by an interrupted build: `{fix}` removes it"))
    return findings


def expected_pages(inventory, project_dir: Path) -> dict[str, str] | None:
    """What the site generator would write now; None when the project has no site (no mkdocs.yml).

    The lineage graph is built only when there are pages to compare: ``check`` stays fast without them.
    """
    if not (Path(project_dir) / "mkdocs.yml").is_file():
        return None
    from datamap.lineage.graph import build_graph

    site = importlib.import_module("datamap.site.pages")  # looked up by name, so tests can stand in a generator
    return site.generate_pages(inventory, build_graph(inventory), project_dir)
