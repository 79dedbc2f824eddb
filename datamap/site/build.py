"""``datamap build``: write the site's generated pages and downloads, making only what changed.

The build record (:mod:`datamap.site.record`) says what every generated file was made from. When the
inventory files, the released texts, the templates and datamap are all as recorded and every file still
has its recorded content, there is nothing to do and the lineage graph is not even built. Otherwise
every page's inputs are digested (:mod:`datamap.site.inputs`) and only the pages whose inputs changed,
or whose file is missing or was edited, are made again. Either way the result is byte for byte what a
build into an empty ``site/`` writes. Hand-written files are never touched.

Everything that needs the lineage graph (the graph itself, the pages, their diagrams and the data
downloads) is made in a forked child process that ends when they are written (:mod:`datamap.site.child`),
so that the memory it took is given back. The PDF downloads are made last, from their HTML pages, in
another child (:func:`datamap.publish.pdf.separate_process`): laying out a long policy takes more memory
than the rest of the build.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from datamap.inventory.model import Inventory
import os

from datamap.confine import Escape, inside, kind_of
from datamap.inventory.load import display_path
from datamap.output import leftover_temporaries, write_atomic
from datamap.site import record as rec
from datamap.site.child import in_child
from datamap.site.record import current, is_generated, project_templates

DOWNLOADS = "downloads"
#: pages made at a time
CHUNK = 1000


@dataclass
class SiteChanges:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)  # hand-written files where a generated page belongs: nothing is written then
    downloads_built: int = 0


def _generated_files(site_dir: Path, known: set[str] | frozenset = frozenset()) -> set[str]:
    """Generated pages under ``site_dir``; those in ``known`` are taken to be generated without reading them."""
    if not site_dir.is_dir():
        return set()
    found = set()
    for path in site_dir.rglob("*"):
        if path.suffix in (".md", ".svg", ".xml"):
            relative = path.relative_to(site_dir)
            name = relative.as_posix()
            if name in known:
                found.add(name)
            elif relative.parts[0] != DOWNLOADS and not path.is_symlink() and path.is_file() and is_generated(path):
                found.add(name)
    return found


def _stray_downloads(site_dir: Path, offered: set[str]) -> list[str]:
    folder = site_dir / DOWNLOADS  # built by datamap alone: what it no longer offers goes
    if not folder.is_dir() or not inside(folder, site_dir):
        return []
    found = (p.relative_to(site_dir).as_posix() for p in folder.rglob("*") if (p.is_file() or p.is_symlink()) and p.name != rec.NAME)
    return sorted(p for p in found if p not in offered)


def _up_to_date(site_dir: Path, pages: rec.Record, files: rec.Record | None) -> bool:
    """Whether every recorded page and download has its recorded content and no other file needs removing."""
    if files is None or (files.sources, files.datamap, files.templates) != (pages.sources, pages.datamap, pages.templates):
        return False
    from datamap.site.statcache import StatCache

    cache = StatCache.load(site_dir)  # a page whose stat is as the last build left it is not read again
    for path, entry in pages.files.items():
        if cache.digest(path) != entry.content:
            return False
    for path, entry in files.files.items():
        if rec.file_digest(site_dir / path) != entry.content:
            return False
    if _generated_files(site_dir, set(pages.files)) - set(pages.files) or leftover_temporaries(site_dir):
        return False
    return not _stray_downloads(site_dir, set(files.files))


def build_site(inventory: Inventory, inventory_dir: Path, project_dir: Path, site_dir: Path, templates_dir: Path | None = None,
               progress=None) -> SiteChanges:
    """Bring ``site_dir`` up to date with the inventory; nothing is written when a hand-written file is in the way.

    ``progress`` (a :class:`datamap.progress.Progress`), when given, is told of the pages, diagrams and
    downloads made so far.
    """
    site_dir, templates_dir = Path(site_dir), project_templates(project_dir, templates_dir)
    now = current(inventory_dir, project_dir, templates_dir)
    old, _ = rec.read(site_dir)
    old_files, _ = rec.read(site_dir / DOWNLOADS)
    reuse = old if old is not None and old.same_globals(now) else None
    if reuse is not None and reuse.sources == now.sources and _up_to_date(site_dir, reuse, old_files):
        return SiteChanges(unchanged=sorted(reuse.files))
    reuse_files = old_files if old_files is not None and old_files.same_globals(now) else None
    files = rec.Record(now.datamap, now.templates, now.sources)
    changes, built, pdfs, files.files, now, large = in_child(_pages_and_data, progress, inventory, project_dir, site_dir,
                                                            templates_dir, old, reuse, reuse_files, now, files)
    if changes.conflicts:
        return changes
    _draw_large(site_dir, large, changes, now, progress)
    _write_record(site_dir, now)
    from datamap.site.statcache import refresh

    refresh(site_dir, now.files)  # the local stat cache, for `check`: only files written since it was last refreshed are read
    built.update(_make_pdfs(pdfs, progress))

    # downloads are not committed (site/downloads/ is ignored by git), so neither is their record
    for path, (data, inputs) in built.items():
        write_atomic(site_dir / path, data, site_dir)
        files.files[path] = rec.Entry(inputs, rec.content_digest(data))
        changes.downloads_built += 1
    for path in _stray_downloads(site_dir, set(files.files)):
        (site_dir / path).unlink()
        changes.removed.append(path)
    _write_record(site_dir / DOWNLOADS, files)
    changes.unchanged.sort()
    changes.written.sort()
    return changes


def _pages_and_data(progress, inventory, project_dir, site_dir, templates_dir, old, reuse, reuse_files, now, files):
    """Make and write the pages whose inputs changed, and the downloads that are not PDFs; record the pages.

    Returns the changes, the downloads made (path -> content and inputs), the PDFs to make: (path,
    inputs, HTML page, how to make the PDF), the downloads kept (``files.files``), the pages' record
    and the large diagrams left to draw (path -> inputs and DOT source). Everything that needs the
    lineage graph happens here, in a child process (:mod:`datamap.site.child`).
    Nothing is written when a target cannot be written or a hand-written file is in the way; the data
    downloads are made, and the fonts of the PDFs checked, before the first write.
    """
    from datamap.lineage.graph import build_graph
    from datamap.site.pages import Site, plan_pages

    site = Site(inventory, build_graph(inventory), project_dir, templates_dir, everything=now.sources)
    pages = plan_pages(site)
    changes = SiteChanges()
    todo = []
    for page in pages:
        entry = reuse.files.get(page.path) if reuse else None
        if entry is not None and entry.inputs == page.inputs and rec.file_digest(site_dir / page.path) == entry.content:
            changes.unchanged.append(page.path)
            now.files[page.path] = entry
        else:
            todo.append(page)
    builds = []
    for download in site.available:
        entry = reuse_files.files.get(download.path) if reuse_files else None
        inputs = rec.digest(download.source()) if download.source else site.everything
        if entry is not None and entry.inputs == inputs and rec.file_digest(site_dir / download.path) == entry.content:
            files.files[download.path] = entry
        else:
            builds.append((download, inputs))
    problems = unwritable(site_dir, [p.path for p in todo] + [d.path for d, _ in builds])
    if problems:
        from datamap.site.pages import SiteError

        raise SiteError("\n".join(problems))
    changes.conflicts = [p.path for p in todo if (site_dir / p.path).exists() and not is_generated(site_dir / p.path)]
    if changes.conflicts:
        return changes, {}, [], files.files, now, {}
    pdfs = [(d.path, inputs, d.source(), d.pdf) for d, inputs in builds if d.pdf is not None]
    if pdfs:
        from datamap.publish.pdf import check_fonts

        for lang in sorted({d.lang for d, _ in builds if d.pdf is not None}):
            check_fonts(lang)  # a missing Korean font is reported before anything is written
    data = [(d, inputs) for d, inputs in builds if d.pdf is None]
    if progress is not None and hasattr(progress, "counting") and data:
        data = list(zip(progress.counting([d for d, _ in data], "downloads (CSV, JSON, XLSX)"), [inputs for _, inputs in data]))
    built = {download.path: (download.build(), inputs) for download, inputs in data}  # what can fail, before the first write
    leftovers = []
    for leftover in leftover_temporaries(site_dir):
        leftover.unlink()
        leftovers.append(leftover.relative_to(site_dir).as_posix())
    total, done, large = sum(not p.diagram for p in todo), 0, {}
    for chunk in chunks(todo):  # made and written a chunk at a time: the pages of a large site do not fit in memory at once
        texts = make_pages(chunk, progress, done, total, large)
        done += sum(not p.diagram for p in chunk)
        for page in chunk:
            if page.path in large:
                large[page.path] = (page.inputs, large[page.path])
            else:
                _write_page(site_dir, page.path, page.inputs, texts.pop(page.path), changes, now)

    planned = {page.path for page in pages}
    recorded = {p for p in (old.files if old else {}) if not (site_dir / p).is_symlink() and is_generated(site_dir / p)}
    changes.removed = sorted((_generated_files(site_dir) | recorded) - planned)
    for path in changes.removed:
        (site_dir / path).unlink(missing_ok=True)
    changes.removed = leftovers + changes.removed
    return changes, built, pdfs, files.files, now, large


def _write_page(site_dir: Path, path: str, inputs: str, text: str, changes: SiteChanges, now: rec.Record) -> None:
    data = text.encode("utf-8")
    target = site_dir / path
    if target.exists() and target.read_bytes() == data:
        changes.unchanged.append(path)
    else:
        write_atomic(target, data, site_dir)
        changes.written.append(path)
    now.files[path] = rec.Entry(inputs, rec.content_digest(data))


def _draw_large(site_dir: Path, large: dict, changes: SiteChanges, now: rec.Record, progress=None) -> None:
    """Draw and write the large diagrams (path -> inputs and DOT source) left by the pages' child process.

    ``dot`` needs as much memory for the overview of a large inventory as that process needs for all the
    pages: here, once it has ended, the two are never held at once.
    """
    if not large:
        return
    from datamap.site.pages import draw

    for path, text in draw({path: source for path, (_, source) in large.items()}, progress).items():
        _write_page(site_dir, path, large[path][0], text, changes, now)


def _write_record(folder: Path, record: rec.Record) -> None:
    previous, _ = rec.read(folder)
    if previous is None or previous.text() != record.text():
        rec.write(folder, record)


def _make_pdfs(pdfs: list, progress=None) -> dict[str, tuple[bytes, str]]:
    """Each PDF's content and inputs by path, made from its HTML page in a child process that ends here
    (:func:`datamap.publish.pdf.separate_process`): laying out a long policy takes more memory than the
    inventory does."""
    if not pdfs:
        return {}
    from datamap.publish.pdf import separate_process

    built = {}
    with separate_process():
        for done, (path, inputs, page, pdf) in enumerate(pdfs, start=1):
            built[path] = (pdf(page), inputs)
            if progress is not None:
                progress("downloads (PDF)", done, len(pdfs))
    return built


def _name_max(directory: Path) -> int:
    while not directory.exists() and directory != directory.parent:
        directory = directory.parent
    try:
        return os.pathconf(directory, "PC_NAME_MAX")
    except (OSError, ValueError):
        return 255


def unwritable(site_dir: Path, paths: list[str]) -> list[str]:
    """One line for each path under ``site_dir`` that cannot be written: checked before anything is written.

    A name too long for the file system (with room for the temporary file beside it), a target that
    resolves outside ``site_dir`` (a symlinked folder), or one that is not a regular file.
    """
    problems = []
    limit = _name_max(site_dir) - len(".12345678.tmp") - 1
    for path in paths:
        target = site_dir / path
        shown = display_path(target)
        if any(len(part.encode("utf-8")) > limit for part in Path(path).parts):
            problems.append(f"{shown}: E118 file name longer than this file system allows ({limit} bytes): nothing was written")
        elif not inside(target, site_dir):
            problems.append(str(Escape(shown, "the site directory")))
        elif (kind := kind_of(target)) is not None:
            problems.append(f"{shown}: E119 {kind} where a generated file belongs: refused, nothing was written")
    return problems


def chunks(pages: list) -> Iterator[list]:
    for start in range(0, len(pages), CHUNK):
        yield pages[start : start + CHUNK]


def make_pages(pages, progress=None, done: int = 0, total: int | None = None, large: dict | None = None) -> dict[str, str]:
    """The text of each page (:func:`datamap.site.pages.make_pages`, imported only when a page is made)."""
    from datamap.site import pages as site_pages

    return site_pages.make_pages(pages, progress, done, total, large)


def write_site(site_dir: Path | str, pages: dict[str, str], files: list) -> SiteChanges:
    """Write ``pages`` (path under ``site_dir`` -> text) and build and write ``files`` (downloads), with no
    build record: every target is checked and every download built before the first write."""
    from datamap.site.pages import SiteError

    site_dir = Path(site_dir)
    problems = unwritable(site_dir, [*pages, *(d.path for d in files)])
    if problems:
        raise SiteError("\n".join(problems))
    changes = SiteChanges()
    for path, text in pages.items():
        target = site_dir / path
        if target.exists() and not is_generated(target):
            changes.conflicts.append(path)
        elif target.exists() and target.read_bytes() == text.encode("utf-8"):
            changes.unchanged.append(path)
        else:
            changes.written.append(path)
    if changes.conflicts:
        return changes
    built = {download.path: download.build() for download in files}
    for path in changes.written:
        write_atomic(site_dir / path, pages[path], site_dir)
    for path, content in built.items():
        write_atomic(site_dir / path, content, site_dir)
    return changes
