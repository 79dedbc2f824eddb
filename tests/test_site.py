"""The docs site's generated pages: content, escaping, versions, and how `datamap build` writes them."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from datamap.cli import main
from datamap.site.diagram import dot_string, render_svgs
from datamap.lineage.graph import build_graph
from datamap.site.pages import MARKER, generate_pages, is_generated
from datamap.inventory.validate import check_inventory
from site_project import NASTY_ITEM, NASTY_PURPOSE, NASTY_SYSTEM, ROOT, add_releases, copy_project, make_nasty, mkdocs_build

SVG = "{http://www.w3.org/2000/svg}"


def _pages(inventory_dir: Path) -> dict[str, str]:
    inventory, findings = check_inventory(inventory_dir)
    assert inventory is not None, findings
    return generate_pages(inventory, build_graph(inventory), inventory_dir.resolve().parent)


@pytest.fixture(scope="module")
def reference_pages() -> dict[str, str]:
    return _pages(ROOT / "inventory")


def test_committed_site_is_what_the_inventory_generates(reference_pages):
    """A clean checkout's `datamap build` leaves the committed pages unchanged, and no stale page is left."""
    for path, text in reference_pages.items():
        assert (ROOT / "site" / path).read_text("utf-8") == text, f"site/{path} is stale: run datamap build"
    committed = {p.relative_to(ROOT / "site").as_posix() for p in (ROOT / "site").rglob("*") if p.is_file() and is_generated(p)}
    assert committed == set(reference_pages)


def test_pages_for_every_entity_in_both_languages(reference_pages):
    inventory, _ = check_inventory(ROOT / "inventory")
    for lang in ("en", "ko"):
        for kind, section in (("item", "items"), ("system", "systems"), ("processor", "processors"), ("purpose", "purposes")):
            for entity in getattr(inventory, section):
                assert f"{lang}/{kind}/{entity.id}.md" in reference_pages
        for listing in ("policy", "processors", "systems", "items", "purposes", "fields", "lineage", "downloads", "policy/history"):
            assert reference_pages[f"{lang}/{listing}.md"].endswith(MARKER + "\n")
    assert "Naver Cloud" in reference_pages["en/processors.md"]
    assert "네이버클라우드" in reference_pages["ko/processors.md"]


def test_item_page_shows_lineage(reference_pages):
    page = reference_pages["en/item/email.md"]
    assert "\n# Email\n" in page
    assert "social login (Google)" in page  # where it comes from
    assert "| [Email delivery](../system/mailer.md) | recipient\\_address | [Naver Cloud](../processor/naver_cloud.md) |" in page
    assert "[Provision of marketing and advertising information](../purpose/marketing.md)" in page  # why
    assert "| Records of payment and supply of goods | 5 years from the transaction |" in page  # how long
    assert "[![Lineage diagram](email.svg)](email.svg)" in page


def test_fields_index_lists_every_field_once(reference_pages):
    inventory, _ = check_inventory(ROOT / "inventory")
    rows = [line for line in reference_pages["en/fields.md"].splitlines() if line.startswith("| ") and "../" not in line and "](system/" in line]
    assert len(rows) == sum(len(s.fields) for s in inventory.systems)


def test_diagrams_are_svg_with_every_node(reference_pages):
    overview = ET.fromstring(reference_pages["en/lineage.svg"].encode("utf-8"))
    texts = " ".join(t.text or "" for t in overview.iter(f"{SVG}text"))
    for name in ("Account database", "Email delivery", "Naver Cloud", "Microsoft Korea (Ltd.)", "application for use of the"):
        assert name in texts
    korean = ET.fromstring(reference_pages["ko/system/mailer.svg"].encode("utf-8"))
    assert "이메일 발송 시스템" in " ".join(t.text or "" for t in korean.iter(f"{SVG}text"))
    assert "graphviz version" not in reference_pages["en/lineage.svg"]


def test_generation_is_deterministic(reference_pages):
    assert _pages(ROOT / "inventory") == reference_pages


def test_dot_strings_cannot_inject():
    assert dot_string('a"; b [label="x') == '"a\\"; b [label=\\"x"'
    assert dot_string("back\\slash \\N") == '"back\\\\slash \\\\N"'
    assert dot_string("<b>&amp;</b>") == '"&lt;b&gt;&amp;amp;&lt;/b&gt;"'
    assert dot_string("line\nbreak\x00") == '"line break"'


def test_svg_shows_hostile_labels_as_text():
    labels = [NASTY_ITEM, NASTY_SYSTEM, NASTY_PURPOSE, "&lt;already escaped&gt;"]
    source = "digraph g {\n" + "".join(f"  n{i} [label={dot_string(text, 200)}];\n" for i, text in enumerate(labels)) + "}\n"
    svg = render_svgs({"x": source})["x"]
    root = ET.fromstring(svg.encode("utf-8"))
    assert [t.text for t in root.iter(f"{SVG}text")] == labels
    assert not [e for e in root.iter() if e.tag in (f"{SVG}script", f"{SVG}image", f"{SVG}foreignObject")]


def test_hostile_inventory_strings_are_escaped_in_markdown(tmp_path):
    project = copy_project(tmp_path)
    make_nasty(project)
    pages = _pages(project / "inventory")
    assert "\n# &lt;script\\>alert(1)&lt;/script\\>\n" in pages["en/item/email.md"]
    for path, text in pages.items():
        if path.endswith(".md"):
            text = text.split("\n---\n", 1)[1]  # the title in front matter is HTML, checked in the browser test
            assert "<script" not in text and "<img" not in text, path
            assert not re.search(r"(?<!\\)\]\(javascript:", text), path
    svg = ET.fromstring(pages["en/system/account_db.svg"].encode("utf-8"))
    assert any(NASTY_SYSTEM in (t.text or "") or "</title><img" in (t.text or "") for t in svg.iter(f"{SVG}text"))


def test_past_versions_are_published_with_their_dates(tmp_path):
    project = copy_project(tmp_path)
    add_releases(project)
    (project / "versions" / "bad version").mkdir()
    pages = _pages(project / "inventory")

    old = pages["en/policy/v0.9.md"]
    assert old.startswith("---\ntitle: \"Privacy Policy, version 0.9\"\n---\n\n# Privacy Policy, version 0.9\n")
    assert "effective January 2, 2023" in old and "The old text." in old
    assert "[Read the current privacy policy](../policy.md)" in old
    assert "시행일 2023년 1월 2일" in pages["ko/policy/v0.9.md"]
    history = pages["en/policy/history.md"]
    assert "| [1.0](../policy.md) (current, [permanent link](v1.0.md)) | July 26, 2024 |" in history
    assert "This is the version of the privacy policy in force" in pages["en/policy/v1.0.md"]
    assert "The text in force." in pages["ko/policy/v1.0.md"] and "다른 언어로만 게시" in pages["ko/policy/v1.0.md"]
    assert "| [0.9](v0.9.md) | January 2, 2023 | First release [what changed](../changes/v0.9.md) |" in history
    assert "| 0.8 (text not archived) | May 1, 2022 |" in history
    assert history.index("1.0") < history.index("0.9") < history.index("0.8")
    assert "[Past versions of the privacy policy](policy/history.md)" in pages["en/policy.md"]
    assert not [p for p in pages if "bad" in p]


def test_build_writes_pages_and_downloads_and_keeps_hand_written_pages(tmp_path, capsys):
    project = copy_project(tmp_path)
    inventory = str(project / "inventory")
    assert main(["build", inventory]) == 0
    site = project / "site"
    assert (site / "en" / "system" / "mailer.svg").is_file()
    assert (site / "downloads" / "processors.en.csv").read_text("utf-8").startswith("id,name,country")
    assert (site / "index.md").read_text("utf-8") == (ROOT / "site" / "index.md").read_text("utf-8")
    assert "0 unchanged" in capsys.readouterr().out

    assert main(["build", inventory]) == 0
    assert "0 written" in capsys.readouterr().out

    stale = site / "en" / "system" / "retired.md"
    stale.write_text("# Retired\n\n" + MARKER + "\n", "utf-8")
    old_download = site / "downloads" / "notices" / "retired.en.pdf"
    old_download.parent.mkdir(parents=True, exist_ok=True)
    old_download.write_bytes(b"%PDF-1.7")
    assert main(["build", inventory]) == 0
    assert not stale.exists() and not old_download.exists()

    (site / "en" / "processors.md").write_text("# My own page\n", "utf-8")
    (site / "en" / "items.md").unlink()
    assert main(["build", inventory]) == 1
    err = capsys.readouterr().err
    assert re.search(r"site/en/processors\.md:1:1: E601 hand-written file", err)
    assert (site / "en" / "processors.md").read_text("utf-8") == "# My own page\n"
    assert not (site / "en" / "items.md").exists()  # nothing written when a page is in the way


def test_build_reports_inventory_findings_without_writing(tmp_path, capsys):
    project = copy_project(tmp_path)
    (project / "inventory" / "broken.yaml").write_text("items:\n  - id: x\n    label: [1\n", "utf-8")
    assert main(["build", str(project / "inventory")]) == 1
    assert "broken.yaml:4:1: E101" in capsys.readouterr().err
    assert not (project / "site" / "en" / "policy.md").exists()


def test_mkdocs_builds_strict(tmp_path):
    project = copy_project(tmp_path)
    add_releases(project)
    assert main(["build", str(project / "inventory")]) == 0
    done = mkdocs_build(project)
    assert done.returncode == 0, done.stderr
    built = project / "build" / "site"
    assert (built / "en" / "system" / "mailer" / "index.html").is_file()
    assert (built / "en" / "policy" / "history" / "index.html").is_file()
    assert "예전 본문." in (built / "ko" / "policy" / "v0.9" / "index.html").read_text("utf-8")
    assert (built / "downloads" / "processors.ko.json").is_file()


def test_project_templates_override_site_pages_and_errors_are_one_line(tmp_path, capsys):
    project = copy_project(tmp_path)
    (project / "templates" / "en" / "site").mkdir(parents=True)
    words = (ROOT / "templates" / "en" / "site" / "words.j2").read_text("utf-8")
    (project / "templates" / "en" / "site" / "words.j2").write_text(words.replace('"Data map"', '"Where data goes"'), "utf-8")
    assert main(["build", str(project / "inventory")]) == 0
    assert "\n# Where data goes\n" in (project / "site" / "en" / "lineage.md").read_text("utf-8")

    (project / "templates" / "site").mkdir()
    (project / "templates" / "site" / "item.md.j2").write_text("# {{ item.label|t }\n", "utf-8")
    assert main(["build", str(project / "inventory")]) == 1
    err = capsys.readouterr().err
    assert "item.md.j2:1: template syntax error" in err and "Traceback" not in err


def test_build_writes_policy_and_notice_pdfs(tmp_path):
    from pypdf import PdfReader

    project = copy_project(tmp_path)
    assert main(["build", str(project / "inventory")]) == 0
    downloads = project / "site" / "downloads"

    def text(path: Path) -> str:
        return " ".join(page.extract_text() for page in PdfReader(path).pages)

    assert "Naver Cloud" in text(downloads / "policy.en.pdf")
    assert "네이버클라우드" in text(downloads / "policy.ko.pdf")
    assert "Naver Cloud" in text(downloads / "notices" / "processors.en.pdf")
    page = (project / "site" / "en" / "downloads.md").read_text("utf-8")
    assert "- [Privacy policy · PDF](../downloads/policy.en.pdf)" in page
    assert "- [Consent notice: application for use of the Service · PDF](../downloads/notices/consent-signup.en.pdf)" in page


def test_unreadable_released_text_is_reported_in_one_line(tmp_path, capsys):
    project = copy_project(tmp_path)
    (project / "versions" / "0.9").mkdir(parents=True)
    (project / "versions" / "0.9" / "policy.en.md").write_bytes(b"# Privacy Policy\n\n\xff\xfe not UTF-8\n")
    assert main(["build", str(project / "inventory")]) == 1
    err = capsys.readouterr().err
    assert "versions/0.9/policy.en.md: released policy text cannot be read" in err and "Traceback" not in err
