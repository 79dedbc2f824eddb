"""What a released version changed, in the plain words of :mod:`datamap.review.diff`, frozen at release.

``datamap release`` compares the inventory being released with that of the previous release (the git
commit that added ``versions/<previous>/``) and writes the summary lines, one per line, to
``versions/<version>/changes.<lang>.txt``; the site publishes them as the version's changes page and in
its feed. Without git, or without a previous release that git knows, nothing is written: the site then
shows only the summary recorded in ``policy.history``. The files are plain text, and the site escapes
every line, so an edited file can only ever show text.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

VERSIONS_DIR = "versions"
CHANGES_FILE = "changes.{lang}.txt"


def release_commit(project_dir: Path, version: str) -> str | None:
    """The last commit that touched ``versions/<version>/``: the commit of that release, or None."""
    try:
        done = subprocess.run(["git", "log", "-1", "--format=%H", "--", f"{VERSIONS_DIR}/{version}"], cwd=project_dir,
                              capture_output=True, text=True, check=False)
    except OSError:
        return None
    if done.returncode != 0:
        return None
    return done.stdout.strip() or None


def freeze_changes(inventory_dir: Path, previous: str | None, frozen: Path, languages: list[str]) -> list[Path]:
    """Write ``changes.<lang>.txt`` under ``frozen`` for each language; returns the files written."""
    from datamap.findings import has_errors
    from datamap.inventory.validate import check_inventory
    from datamap.lineage.facts import policy_facts
    from datamap.lineage.graph import build_graph
    from datamap.output import write_atomic
    from datamap.review.diff import summarize
    from datamap.review.revisions import resolve

    project_dir = Path(inventory_dir).resolve().parent
    commit = release_commit(project_dir, previous) if previous else None
    if commit is None:
        return []
    with resolve(commit, str(Path(inventory_dir).resolve()), cwd=project_dir) as old:
        old_inventory, findings = check_inventory(old.inventory)
        if old_inventory is None or has_errors(findings):
            return []
        old_facts = policy_facts(old_inventory, build_graph(old_inventory))
    new_inventory, findings = check_inventory(inventory_dir)
    if new_inventory is None or has_errors(findings):
        return []
    new_facts = policy_facts(new_inventory, build_graph(new_inventory))
    written = []
    for lang in languages:
        path = frozen / CHANGES_FILE.format(lang=lang)
        write_atomic(path, "".join(f"{line}\n" for line in summarize(old_facts, new_facts, lang)))
        written.append(path)
    return written


def released_changes(project_dir: Path, versions: list[str], languages: list[str]) -> dict[str, dict[str, list[str]]]:
    """The frozen summary lines of each version: {version: {lang: lines}}; unreadable files are left out."""
    found: dict[str, dict[str, list[str]]] = {}
    root = Path(project_dir) / VERSIONS_DIR
    for version in versions:
        for lang in languages:
            path = root / version / CHANGES_FILE.format(lang=lang)
            if path.is_symlink() or not path.is_file():
                continue
            try:
                text = path.read_text("utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            found.setdefault(version, {})[lang] = [line.strip() for line in text.splitlines() if line.strip()]
    return found
