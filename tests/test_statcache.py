"""The local stat cache of ``check``: an unchanged file is not read again, and an edited one is still
reported, even when the edit keeps its size and puts its modification time back."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from datamap.findings import has_errors
from datamap.inventory.validate import check_inventory
from datamap.site import pages as site_pages
from datamap.site import record as rec
from datamap.site import statcache
from datamap.site.build import build_site
from datamap.site.stale import stale_site
from site_project import ROOT, copy_project

PAGE = "en/system/mailer.md"


@pytest.fixture
def project(tmp_path, monkeypatch):
    real = site_pages.downloads
    monkeypatch.setattr(site_pages, "downloads", lambda *a, **k: [d for d in real(*a, **k) if not d.path.endswith(".pdf")])
    project = copy_project(tmp_path)
    inventory, findings = check_inventory(project / "inventory")
    assert inventory is not None and not has_errors(findings), findings
    build_site(inventory, project / "inventory", project, project / "site")
    time.sleep(0.05)  # past the clock tick of the build: its entries are no longer racy
    return project


@pytest.fixture
def reads(monkeypatch):
    """The generated files read and hashed, by path relative to site/."""
    done: list[str] = []
    real = statcache.StatCache.hash
    monkeypatch.setattr(statcache.StatCache, "hash", lambda self, relative: done.append(relative) or real(self, relative))
    monkeypatch.setattr(rec, "file_digest", lambda path: done.append(str(path)) or rec.content_digest(Path(path).read_bytes()))
    return done


def _check(project: Path, full: bool = False) -> list[str]:
    inventory, _ = check_inventory(project / "inventory")
    return [f"{f.code} {f.file.partition('/site/')[2]}" for f in
            stale_site(inventory, project / "inventory", project, None, "datamap build", full).findings]


def _cached(project: Path) -> dict:
    return statcache.StatCache.load(project / "site").entries


def test_a_build_writes_the_cache_and_check_then_reads_no_file(project, reads):
    record, _ = rec.read(project / "site")
    cached = _cached(project)
    assert set(cached) <= set(record.files) and len(cached) >= len(record.files) - 5  # all but the racy few
    assert all(cached[path][1] == record.files[path].content for path in cached)
    assert _check(project) == []  # hashes at most the racy few, and remembers them
    time.sleep(0.05)
    reads.clear()
    assert _check(project) == [] and reads == []
    assert statcache.NAME not in record.files and statcache.NAME.startswith(".")  # not recorded, not published by mkdocs


@pytest.mark.parametrize("restore_mtime", [False, True])
@pytest.mark.parametrize("how", ["in place", "renamed over"])
def test_an_edit_that_keeps_the_size_is_reported(project, reads, restore_mtime, how):
    target = project / "site" / PAGE
    before = os.stat(target)
    assert PAGE in _cached(project)
    data = target.read_bytes()
    edited = data.replace(b"Email delivery", b"EMAIL DELIVERY", 1)
    assert edited != data and len(edited) == len(data)
    if how == "in place":
        with open(target, "r+b") as f:
            f.write(edited)
    else:
        (target.parent / "new").write_bytes(edited)
        os.replace(target.parent / "new", target)
    if restore_mtime:
        os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
        after = os.stat(target)
        assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert _check(project) == [f"E701 {PAGE}"]
    assert PAGE in reads
    assert _check(project) == [f"E701 {PAGE}"]  # and still once the cache holds the edited file's digest


def test_touch_d_after_an_edit_is_reported(project):
    target = project / "site" / PAGE
    stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(os.stat(target).st_mtime - 3600))
    subprocess.run(["touch", "-d", stamp, str(target)], check=True)
    time.sleep(0.05)
    assert _check(project) == []  # only the time changed: the content is as recorded
    time.sleep(0.05)
    edited = target.read_bytes().replace(b"Email delivery", b"EMAIL DELIVERY", 1)
    with open(target, "r+b") as f:
        f.write(edited)
    subprocess.run(["touch", "-d", stamp, str(target)], check=True)  # the time the cache holds, and the same size
    assert _check(project) == [f"E701 {PAGE}"]


def test_a_corrupt_or_foreign_cache_is_ignored(project, reads):
    cache = project / "site" / statcache.NAME
    record, _ = rec.read(project / "site")
    for text in ["garbage\n", "", cache.read_text("utf-8").replace("\ndevice ", "\ndevice 9"), "\0\xff"]:
        cache.write_text(text, "utf-8")
        time.sleep(0.02)
        reads.clear()
        assert _check(project) == []
        assert len(reads) == len(record.files)  # every file read: nothing in the cache was trusted
        assert _cached(project)  # and a good cache written in its place
    cache.unlink()
    assert _check(project) == [] and cache.is_file()


def test_full_never_trusts_the_cache(project):
    """A cache made to lie (a stat it holds with a digest of other content) fools only a check that uses it."""
    target = project / "site" / PAGE
    recorded = rec.read(project / "site")[0].files[PAGE].content
    with open(target, "r+b") as f:
        data = f.read()
        f.seek(0)
        f.write(data.replace(b"Email delivery", b"EMAIL DELIVERY", 1))
    time.sleep(0.05)
    cache = statcache.StatCache.load(project / "site")
    cache.hash(PAGE)
    cache.entries[PAGE] = (cache.entries[PAGE][0], recorded)
    cache.save()
    assert _check(project) == []  # the cache is trusted
    assert _check(project, full=True) == [f"E701 {PAGE}"]


def test_the_cache_is_ignored_by_git():
    assert ".datamap-stat" in (ROOT / ".gitignore").read_text("utf-8").split()
    assert ".datamap-stat" in (ROOT / "datamap" / "skeleton" / "dot-gitignore").read_text("utf-8").split()


def test_build_with_nothing_changed_reads_no_page_and_still_sees_an_edit(tmp_path, monkeypatch):
    """``build`` trusts the stat cache as ``check`` does: no page is read when nothing changed, and a page
    edited after the build (its mtime put back) is made again."""
    project = copy_project(tmp_path)
    real = site_pages.downloads
    monkeypatch.setattr(site_pages, "downloads", lambda *a, **k: [d for d in real(*a, **k) if not d.path.endswith(".pdf")])
    inventory, findings = check_inventory(project / "inventory")
    build_site(inventory, project / "inventory", project, project / "site")
    time.sleep(0.05)  # the cache trusts no entry as young as itself
    build_site(inventory, project / "inventory", project, project / "site")  # writes a cache with every page in it
    read: list[str] = []
    hash_ = statcache.StatCache.hash
    monkeypatch.setattr(statcache.StatCache, "hash", lambda self, relative: read.append(relative) or hash_(self, relative))
    assert build_site(inventory, project / "inventory", project, project / "site").written == []
    assert read == []
    page = next(p for p in sorted((project / "site").rglob("*.md")) if site_pages.is_generated(p))
    before = page.stat()
    page.write_bytes(page.read_bytes() + b" ")
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))
    changes = build_site(inventory, project / "inventory", project, project / "site")
    assert changes.written == [page.relative_to(project / "site").as_posix()]
