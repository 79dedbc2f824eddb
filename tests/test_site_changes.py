"""What each released version changed: frozen at release from the diff's summary, published as a page per
version and as an Atom feed."""

import re
import xml.etree.ElementTree as ET

import pytest

from repos import commit_all
from site_project import mkdocs_build

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def released(run, tmp_path, monkeypatch):
    """A project released as 0.1, then as 0.2 after the sign-up form stops collecting the name."""
    monkeypatch.chdir(tmp_path)
    assert run("init", "acme", "--effective", "2025-01-01").code == 0
    project = tmp_path / "acme"
    commit_all(project, "init")
    assert run("release", "acme/inventory", "--effective", "2025-01-01", "--summary", "First release").code == 0
    commit_all(project, "release 0.1")
    data = project / "inventory/data.yaml"
    data.write_text(data.read_text().replace("items: [email, name]", "items: [email]", 1))
    result = run("release", "acme/inventory", "--effective", "2025-06-01", "--summary", "Less data")
    assert result.code == 0, result.err
    assert "  wrote acme/versions/0.2/changes.en.txt\n" in result.out
    assert run("build", "acme/inventory", "--quiet").code == 0
    return project


def test_release_freezes_the_plain_language_summary(released):
    lines = (released / "versions/0.2/changes.en.txt").read_text().splitlines()
    assert any(line.endswith("(Collection): collection by sign-up form no longer collects Name") for line in lines), lines
    assert not (released / "versions/0.1/changes.en.txt").exists()  # nothing before the first release to compare with


def test_changes_page_per_version(released):
    page = (released / "site/en/changes/v0.2.md").read_text()
    assert "# What changed in version 0.2\n" in page
    assert "Version 0.2 of the privacy policy took effect on June 1, 2025." in page
    assert "## Summary\n\nLess data\n" in page
    assert re.search(r"\n- Article \d+ \(Collection\): collection by sign-up form no longer collects Name\n", page)
    first = (released / "site/en/changes/v0.1.md").read_text()
    assert "First release" in first and "computed from the inventory" not in first
    history = (released / "site/en/policy/history.md").read_text()
    assert "[what changed](../changes/v0.2.md)" in history and "(feed.xml)" in history
    assert "# 버전 0.2의 변경 사항" in (released / "site/ko/changes/v0.2.md").read_text()
    done = mkdocs_build(released)
    assert done.returncode == 0, done.stderr
    assert (released / "build/site/en/changes/v0.2/index.html").is_file()
    assert (released / "build/site/en/policy/feed.xml").is_file()


def test_atom_feed_of_versions(run, released):
    feed_path = released / "site/en/policy/feed.xml"
    feed = ET.parse(feed_path).getroot()
    assert feed.tag == f"{ATOM}feed"
    assert feed.find(f"{ATOM}updated").text == "2025-06-01T00:00:00Z"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["Privacy Policy, version 0.2", "Privacy Policy, version 0.1"]
    assert entries[0].find(f"{ATOM}link").get("href") == "../changes/v0.2/"
    assert all(e.find(f"{ATOM}id").text.startswith("urn:uuid:") for e in entries)
    items = [li.text for li in entries[0].iter("{http://www.w3.org/1999/xhtml}li")]
    assert any(item.endswith("(Collection): collection by sign-up form no longer collects Name") for item in items), items
    before = feed_path.read_bytes()
    mkdocs = released / "mkdocs.yml"
    mkdocs.write_text(mkdocs.read_text().replace("site_name:", "site_url: https://privacy.example.com/\nsite_name:", 1))
    assert run("build", released / "inventory", "--quiet").code == 0
    absolute = ET.parse(feed_path).getroot()
    assert absolute.find(f"{ATOM}entry/{ATOM}link").get("href") == "https://privacy.example.com/en/changes/v0.2/"
    assert [link.get("href") for link in absolute.findall(f"{ATOM}link") if link.get("rel") == "self"] == ["https://privacy.example.com/en/policy/feed.xml"]
    mkdocs.write_text(mkdocs.read_text().replace("site_url: https://privacy.example.com/\n", "", 1))
    assert run("build", released / "inventory", "--quiet").code == 0
    assert feed_path.read_bytes() == before  # deterministic


def test_frozen_lines_are_shown_as_text(run, released):
    (released / "versions/0.2/changes.en.txt").write_text("<script>alert(1)</script> [x](javascript:alert(2))\n")
    assert run("build", released / "inventory", "--quiet").code == 0
    page = (released / "site/en/changes/v0.2.md").read_text()
    assert "<script>" not in page and "- &lt;script\\>alert(1)&lt;/script\\> \\[x\\](javascript:alert(2))\n" in page  # escaped: no tag, no link
    feed = (released / "site/en/policy/feed.xml").read_text()
    assert "<script>" not in feed and "&lt;script&gt;" in feed
