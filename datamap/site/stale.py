"""Stale generated files: committed pages that differ from what the inventory produces now.

CI and pre-commit run this to refuse a change that edits the inventory but forgets to regenerate the
pages. It costs what changed, not what exists: with the build record (:mod:`datamap.site.record`)

- when the inventory files, released texts, templates and datamap are as recorded, it only compares
  every generated file's digest with the record (a file edited by hand is caught there);
- when the inventory changed, it digests every page's inputs and makes only the pages whose inputs
  changed, comparing them with the files;
- a file whose ``os.lstat`` is as the local stat cache (:mod:`datamap.site.statcache`) remembers is not
  read again: its cached digest is compared;
- when the templates or datamap changed, or there is no usable record, or ``--full`` is given, it makes
  every page and compares (the way a build from nothing would).

A change under review could edit a page and its digest in the record together: on pull requests, the
record is read from the base revision (``--record-from``), which the change cannot have edited.

Every stale page is a finding (E701, E702, E603) that says what changed; :func:`summary` folds them
into one finding with the command that fixes them, for people reading a terminal.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from datamap.confine import inside, kind_of
from datamap.findings import Finding
from datamap.output import leftover_temporaries
from datamap.inventory.load import display_path
from datamap.site import record as rec
from datamap.site.record import current, is_generated, project_templates
from datamap.site.statcache import StatCache

SITE_DIR = "site"
_CODES = ("E701", "E702", "E603")


def _first_difference(old: str, new: str) -> int:
    """1-based number of the first line that differs."""
    old_lines, new_lines = old.splitlines(), new.splitlines()
    for number, (a, b) in enumerate(zip(old_lines, new_lines), start=1):
        if a != b:
            return number
    return min(len(old_lines), len(new_lines)) + 1


@dataclass
class Staleness:
    """The stale files of a site, and why they are stale."""

    site: str  # the site folder as shown in findings
    fix: str
    findings: list[Finding] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    #: findings about the site that are not stale files (a file that is a symlink, temporary files a killed
    #: build left): never folded into the summary
    others: list[Finding] = field(default_factory=list)

    def add(self, finding: Finding, reason: str) -> None:
        self.findings.append(finding)
        if reason not in self.reasons:
            self.reasons.append(reason)

    def summary(self) -> list[Finding]:
        """One finding for all stale files (E602), with what changed and the command that fixes it."""
        if not self.findings:
            return []
        count = len(self.findings)
        files = "1 generated file is" if count == 1 else f"{count} generated files are"
        return [Finding(self.site, 1, 1, "E602", f"{files} out of date ({'; '.join(self.reasons)}): run `{self.fix}` to regenerate them "
                                                 f"(`datamap check --verbose` lists them)")]


def _why(changes: list[str]) -> str:
    return " and ".join(changes) + " changed since the last build"


def stale_files(expected: dict[str, str], project_dir: Path | str, fix: str = "datamap build", reason: str | None = None,
                staleness: Staleness | None = None) -> list[Finding]:
    """E701/E702 for each generated page (path relative to ``site/``) that differs from ``expected`` or is missing."""
    site = Path(project_dir) / SITE_DIR
    found = staleness or Staleness(display_path(site), fix)
    because = reason or "it differs from what the inventory makes now"
    for relative in sorted(expected):
        path = site / relative
        shown = display_path(path)
        if _refused(found, path, Path(project_dir), fix):
            continue
        try:
            current = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            found.add(Finding(shown, 1, 1, "E702", f"generated file is missing: run `{fix}` to create it"), "files missing")
            continue
        except (OSError, UnicodeDecodeError) as e:
            found.add(Finding(shown, 1, 1, "E701", f"generated file cannot be read ({e}): run `{fix}` to regenerate it"), "files unreadable")
            continue
        if current != expected[relative]:
            line = _first_difference(current, expected[relative])
            found.add(Finding(shown, line, 1, "E701", f"generated file is out of date: {because} (first difference here): run `{fix}` to regenerate it"), because)
    return sorted(found.findings + found.others) if staleness is None else found.findings


def stale_site(inventory, inventory_dir: Path, project_dir: Path, templates_dir: Path | None, fix: str, full: bool = False,
               record_from: str | None = None) -> Staleness | None:
    """The stale generated files of the project's site; None when the project has no site (no mkdocs.yml).

    ``record_from``: a git revision whose build record is trusted instead of the working tree's.
    """
    project_dir = Path(project_dir)
    if not (project_dir / "mkdocs.yml").is_file():
        return None
    site_dir = project_dir / SITE_DIR
    found = Staleness(display_path(site_dir), fix)
    templates_dir = project_templates(project_dir, templates_dir)
    now = current(inventory_dir, project_dir, templates_dir)
    for leftover in leftover_temporaries(site_dir):
        found.others.append(Finding(display_path(leftover), 1, 1, "W109", f"temporary file left behind by an interrupted build: `{fix}` removes it"))
    if full:
        old, unusable = None, "the check was asked to trust no build record"
    elif record_from:
        old, unusable = rec.read_at(site_dir, record_from)
    else:
        old, unusable = rec.read(site_dir)
    # the local stat cache spares reading unchanged files; CI (--record-from) and --full trust no cache
    cache = StatCache.load(site_dir) if old is not None and not record_from and inside(site_dir, project_dir) else None
    if old is not None and old.same_globals(now) and old.sources == now.sources:
        _compare_digests(found, site_dir, old.files, cache)
        _save(cache, old.files)
        return found

    from datamap.lineage.graph import build_graph
    from datamap.site.build import chunks, make_pages
    from datamap.site.pages import Site, plan_pages

    pages = plan_pages(Site(inventory, build_graph(inventory), project_dir, templates_dir, everything=now.sources))
    if old is None:
        for chunk in chunks(pages):
            stale_files(make_pages(chunk), project_dir, fix, f"it differs from what the inventory makes now ({unusable})", found)
        found.findings.sort()
        return found
    changed = [what for what, differs in (("the templates", old.templates != now.templates), ("datamap itself", old.datamap != now.datamap)) if differs]
    same_globals = not changed
    todo, trusted = [], {}
    for page in pages:
        entry = old.files.get(page.path)
        if same_globals and entry is not None and entry.inputs == page.inputs:
            trusted[page.path] = entry
        else:
            todo.append(page)
    _compare_digests(found, site_dir, trusted, cache)
    _save(cache, old.files)
    for chunk in chunks(todo):
        texts = make_pages(chunk)
        for page in chunk:
            entry = old.files.get(page.path)
            reason = _why((["the inventory"] if entry is None or entry.inputs != page.inputs else []) + changed)
            stale_files({page.path: texts.pop(page.path)}, project_dir, fix, reason, found)
    planned = {page.path for page in pages}
    for path in sorted(set(old.files) - planned):
        if is_generated(site_dir / path):
            found.add(Finding(display_path(site_dir / path), 1, 1, "E603",
                              f"generated file is no longer made from the inventory: run `{fix}` to remove it"), _why(["the inventory"]))
    found.findings.sort()
    return found


def _refused(found: Staleness, path: Path, project_dir: Path, fix: str) -> bool:
    """E109/E119 for a generated file that leads outside the project or is no regular file: it is not read."""
    if inside(path, project_dir) and kind_of(path) is None:
        return False
    what = "leads outside the project" if not inside(path, project_dir) else f"is {kind_of(path)}"
    found.others.append(Finding(display_path(path), 1, 1, "E109" if what.startswith("leads") else "E119",
                                f"generated file {what}: not read; replace it by a regular file with `{fix}`"))
    return True


def _save(cache: StatCache | None, files: dict[str, rec.Entry]) -> None:
    if cache is not None:
        cache.keep_only(files)
        cache.save()


def _compare_digests(found: Staleness, site_dir: Path, entries: dict[str, rec.Entry], cache: StatCache | None = None) -> None:
    """E702 for a recorded file that is missing, E701 for one whose content is not what the build wrote.

    With a stat cache, a file whose stat is as cached is not read (:mod:`datamap.site.statcache`).

    A file is read only when it is a regular file in a folder that stays inside the project; folders are
    resolved once each, not once per file. Paths stay strings until a file needs reporting: at 100,000
    fields this loop runs 42,000 times."""
    project_dir = site_dir.parent
    base = os.fspath(site_dir)
    folders: dict[str, bool] = {}
    for path, entry in sorted(entries.items()):
        folder = path.rpartition("/")[0]
        confined = folders.get(folder)
        if confined is None:
            confined = folders[folder] = inside(os.path.join(base, folder), project_dir)
        if confined and (cache.digest(path) if cache is not None else rec.file_digest(os.path.join(base, path))) == entry.content:
            continue
        target = site_dir / path
        if (not confined or kind_of(target) is not None) and _refused(found, target, project_dir, found.fix):
            continue
        actual = rec.file_digest(target)
        if actual == entry.content:
            continue
        shown = display_path(target)
        if actual is None and not target.exists():
            found.add(Finding(shown, 1, 1, "E702", f"generated file is missing: run `{found.fix}` to create it"), "files missing")
        else:
            found.add(Finding(shown, 1, 1, "E701", f"generated file was edited after the last build: run `{found.fix}` to regenerate it"),
                      "files edited by hand")


def expected_pages(inventory, project_dir: Path) -> dict[str, str] | None:
    """What the site generator would write now; None when the project has no site (no mkdocs.yml)."""
    if not (Path(project_dir) / "mkdocs.yml").is_file():
        return None
    from datamap.lineage.graph import build_graph
    from datamap.site.pages import generate_pages

    return generate_pages(inventory, build_graph(inventory), project_dir)
