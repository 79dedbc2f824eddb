"""datamap check: completeness warnings, stale generated pages, and its three output formats."""

import json

import pytest
from conftest import REFERENCE, write

from datamap.site.stale import stale_files


def lines(result):
    return [line for line in result.out.splitlines() if line.startswith("inv/")]


def test_minimal_inventory_lists_the_missing_disclosures(run, minimal):
    result = run("check", "inv")
    assert result.code == 0
    assert lines(result) == [
        "inv/inventory.yaml:10:1: W501 no 'remedies': the policy cannot tell customers where to seek redress "
        "(PIPC dispute mediation, KISA 118, police and prosecutors' cyber units)",
        "inv/inventory.yaml:10:1: W502 no change history: list released versions under 'policy.history' "
        "(datamap release --effective YYYY-MM-DD records them)",
        "inv/inventory.yaml:10:1: W504 the inventory does not say whether it collects data of children under 14: "
        "add 'children: {collects_under_14: false}' or describe the legal representative's consent",
        "inv/inventory.yaml:17:9: W512 item 'email' does not say whether it is required ('required: true' or 'false'): "
        "consent notices must set optional items apart (PIPA Art 16(2), 22(1))",
    ]
    assert run("check", "inv", "--strict").code == 1


def test_validate_does_not_report_completeness(run, minimal):
    assert run("validate", "inv", "--strict").code == 0


def test_foreign_business_needs_a_domestic_agent(run, minimal):
    text = (minimal / "inventory.yaml").read_text().replace("country: KR", "country: US")
    (minimal / "inventory.yaml").write_text(text)
    assert "inv/inventory.yaml:4:12: W503 the organization is based in US: PIPA Art 31-2 asks for a domestic agent" in run("check", "inv").out


def test_children_web_storage_and_trackers(run, minimal):
    write(minimal, "more.yaml", """
        children:
          collects_under_14: true
        web_storage:
          - id: analytics
            kind: cookie
            party: third
            purpose: visit statistics
        """)
    found = lines(run("check", "inv"))
    assert "inv/more.yaml:2:22: W505 children under 14 are collected but 'consent_method' or 'representative_items' is missing: the policy must say how the legal representative consents and which of their data is used" in found
    assert "inv/more.yaml:4:9: W506 web storage 'analytics' does not say how to refuse it (PIPA Art 30(1)7)" in found
    assert any(line.startswith("inv/more.yaml:4:9: W507 third-party web storage 'analytics' has no 'provider'") for line in found)
    assert not any(" W504 " in line for line in found)


def test_errors_fail_the_check(run, minimal):
    write(minimal, "bad.yaml", "items:\n  - id: phone\n")
    result = run("check", "inv")
    assert result.code == 1
    assert "inv/bad.yaml:2:5: E202 missing required key 'label'" in result.out


def test_json_and_github_formats(run, minimal):
    records = json.loads(run("check", "inv", "--format", "json").out)
    assert [r["code"] for r in records] == ["W501", "W502", "W504", "W512"]
    assert records[0] == {"file": "inv/inventory.yaml", "line": 10, "col": 1, "code": "W501", "severity": "warning", "message": records[0]["message"]}
    github = run("check", "inv", "--format", "github").out.splitlines()
    assert github[0].startswith("::warning file=inv/inventory.yaml,line=10,col=1,title=W501::W501 no 'remedies'")


def test_reference_inventory_has_no_errors(run, monkeypatch):
    monkeypatch.chdir(REFERENCE.parent)
    result = run("check", "inventory")
    assert result.code == 0
    # W501, W502, W504, and W512 for the four items the reference policy does not mark required or optional
    assert "0 error(s), 7 warning(s)" in result.out
    assert result.out.count(" W512 ") == 4


# --- stale generated pages -------------------------------------------------------------------------


def test_stale_files_reports_differing_and_missing_pages(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "site").mkdir()
    write(tmp_path / "site", "policy.md", "# Policy\n\nArticle 1\nold line\n")
    write(tmp_path / "site", "same.md", "unchanged\n")
    expected = {"policy.md": "# Policy\n\nArticle 1\nnew line\n", "same.md": "unchanged\n", "processors/index.md": "table\n"}
    found = [str(f) for f in stale_files(expected, tmp_path, fix="datamap build inventory")]
    assert found == [
        "site/policy.md:4:1: E701 generated file is out of date: it differs from what the inventory makes now (first difference here): run `datamap build inventory` to regenerate it",
        "site/processors/index.md:1:1: E702 generated file is missing: run `datamap build inventory` to create it",
    ]


def test_stale_files_quiet_when_pages_match(tmp_path):
    (tmp_path / "site").mkdir()
    write(tmp_path / "site", "a.md", "same\n")
    assert stale_files({"a.md": "same\n"}, tmp_path) == []


def test_trailing_text_counts_as_a_difference(tmp_path):
    (tmp_path / "site").mkdir()
    write(tmp_path / "site", "a.md", "one\ntwo\n")
    [finding] = stale_files({"a.md": "one\ntwo\nthree\n"}, tmp_path)
    assert (finding.line, finding.code) == (3, "E701")


def test_check_fails_on_stale_pages_of_a_project_with_a_site(run, minimal):
    (minimal.parent / "mkdocs.yml").write_text("site_name: x\ndocs_dir: site\n")
    assert run("build", "inv").code == 0
    page = minimal.parent / "site/en/items.md"
    page.write_text(page.read_text("utf-8").replace("# ", "# Edited ", 1), "utf-8")
    result = run("check", "inv")
    assert result.code == 1
    assert "site:1:1: E602 1 generated file is out of date (files edited by hand): run `datamap build inv` to regenerate them " \
        "(`datamap check --verbose` lists them)" in result.out
    assert "site/en/items.md" not in result.out
    verbose = run("check", "inv", "--verbose")
    assert "site/en/items.md:1:1: E701 generated file was edited after the last build: run `datamap build inv` to regenerate it" in verbose.out
    assert "E602" in verbose.out
    assert run("check", "inv", "--no-stale").code == 0
    assert run("build", "inv").code == 0
    assert run("check", "inv").code == 0


def test_machine_formats_keep_one_record_per_stale_file(run, minimal):
    (minimal.parent / "mkdocs.yml").write_text("site_name: x\ndocs_dir: site\n")
    assert run("build", "inv").code == 0
    (minimal / "inventory.yaml").write_text((minimal / "inventory.yaml").read_text("utf-8") + "\n# a comment\n", "utf-8")
    assert run("check", "inv").code == 0  # a comment changes no page
    (minimal.parent / "site/en/items.md").unlink()
    (minimal.parent / "site/ko/items.md").write_text("changed\n", "utf-8")
    records = json.loads(run("check", "inv", "--format", "json").out)
    stale = sorted((r["file"], r["code"]) for r in records if r["code"].startswith("E"))
    assert stale == [("site/en/items.md", "E702"), ("site/ko/items.md", "E701")]
    github = run("check", "inv", "--format", "github").out
    assert "::error file=site/en/items.md,line=1,col=1,title=E702::" in github and "E602" not in github


def test_projects_without_mkdocs_have_no_stale_check(run, minimal):
    assert run("check", "inv").code == 0
    assert not (minimal.parent / "site").exists()


def test_check_can_require_a_language(run, minimal):
    write(minimal, "english.yaml", "remedies:\n  - {name: {en: Police}}\n")
    assert run("check", "inv").code == 0
    result = run("check", "inv", "--lang", "ko")
    assert result.code == 1
    assert [line for line in lines(result) if " E401 " in line] == [
        "inv/english.yaml:2:12: E401 no 'ko' text for remedies[0].name: add a 'ko' translation to render in 'ko'"
    ]
