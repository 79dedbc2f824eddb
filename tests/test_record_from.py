"""``check --record-from REV``: on a pull request the build record is read from the base revision, so a
change that edits a generated page and its digest in the record together is still reported."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import yaml

from datamap.site import pages as site_pages
from datamap.site import record as rec
from site_project import copy_project


def _git(project: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=project, check=True, capture_output=True, text=True).stdout.strip()


def _committed_project(tmp_path: Path, run, monkeypatch) -> Path:
    """A built, committed project in a git repository of its own, with no PDFs (slow, not at stake here)."""
    real = site_pages.downloads
    monkeypatch.setattr(site_pages, "downloads", lambda *a, **k: [d for d in real(*a, **k) if not d.path.endswith(".pdf")])
    project = copy_project(tmp_path / "project")
    assert run("build", project / "inventory", "--quiet").code == 0
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "base")
    return project


def _forge(project: Path) -> str:
    """Edit a generated page and write its new digest into the working tree's record, as a hostile change could."""
    site = project / "site"
    record, _ = rec.read(site)
    path = next(p for p in sorted(record.files) if p.endswith(".md"))
    target = site / path
    target.write_text(target.read_text("utf-8") + "\nA sentence the inventory does not state.\n", "utf-8")
    record.files[path] = rec.Entry(record.files[path].inputs, rec.file_digest(target))
    rec.write(site, record)
    return path


def test_a_forged_record_hides_an_edit_from_the_working_tree_check_only(tmp_path, run, monkeypatch):
    project = _committed_project(tmp_path, run, monkeypatch)
    path = _forge(project)
    assert run("check", project / "inventory").code == 0  # the working tree's record vouches for the edit
    result = run("check", project / "inventory", "--record-from", "HEAD", "--format", "json")
    assert result.code == 1
    assert [(f["code"], f["file"].endswith(f"site/{path}")) for f in json.loads(result.out) if f["code"].startswith("E")] == [("E701", True)]


def test_a_real_change_built_in_the_pull_request_passes_against_the_base_record(tmp_path, run, monkeypatch):
    project = _committed_project(tmp_path, run, monkeypatch)
    items = project / "inventory" / "items.yaml"
    data = yaml.safe_load(items.read_text("utf-8"))
    label = data["items"][0]["label"]
    data["items"][0]["label"] = {k: f"{v} (edited)" for k, v in label.items()} if isinstance(label, dict) else f"{label} (edited)"
    items.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    stale = run("check", project / "inventory", "--record-from", "HEAD")
    assert stale.code == 1 and " E602 " in stale.out  # the pages the edit touches are not built yet
    assert run("build", project / "inventory", "--quiet").code == 0
    assert run("check", project / "inventory", "--record-from", "HEAD").code == 0


def test_a_base_without_a_record_compares_every_page(tmp_path, run, monkeypatch):
    project = _committed_project(tmp_path, run, monkeypatch)
    _git(project, "rm", "-q", "--cached", "site/.datamap-build")
    _git(project, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "no record")
    assert run("check", project / "inventory", "--record-from", "HEAD").code == 0
    path = _forge(project)
    result = run("check", project / "inventory", "--record-from", "HEAD", "-v")
    assert result.code == 1 and f"site/{path}" in result.out and "revision HEAD has no build record" in result.out


def test_a_revision_that_names_no_commit_is_a_usage_error(tmp_path, run, monkeypatch):
    project = _committed_project(tmp_path, run, monkeypatch)
    for revision in ("no-such-branch", "--output=/tmp/x"):
        result = run("check", project / "inventory", f"--record-from={revision}")
        assert result.code == 2 and "is not a git revision" in result.err, result.err


def test_the_local_stat_cache_is_never_trusted_with_record_from(tmp_path, run, monkeypatch):
    """A stat cache that lies (the stat of an edited page with the digest the build recorded) fools only the
    working tree's check: ``--record-from`` reads every file."""
    import time

    from datamap.site import statcache

    project = _committed_project(tmp_path, run, monkeypatch)
    site = project / "site"
    record, _ = rec.read(site)
    path = next(p for p in sorted(record.files) if p.endswith(".md"))
    target = site / path
    data = target.read_bytes()
    with open(target, "r+b") as f:
        f.write(data.replace(b"# ", b"#\t", 1))  # the same size, another content
    time.sleep(0.05)
    cache = statcache.StatCache.load(site)
    cache.hash(path)
    cache.entries[path] = (cache.entries[path][0], record.files[path].content)
    cache.save()
    assert run("check", project / "inventory").code == 0  # the cache vouches for the page
    result = run("check", project / "inventory", "--record-from", "HEAD", "--format", "json")
    assert result.code == 1
    assert [(f["code"], f["file"].endswith(f"site/{path}")) for f in json.loads(result.out) if f["code"].startswith("E")] == [("E701", True)]
    (site / statcache.NAME).unlink()
    assert run("check", project / "inventory").code == 1 and (site / statcache.NAME).is_file()  # hashed, and cached again
