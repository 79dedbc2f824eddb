"""A valid inventory always renders: missing facts are findings, template failures are datamap's bugs."""

from __future__ import annotations

import csv
import io
import shutil

import pytest

from conftest import write
from datamap.publish import render

ABROAD_WITHOUT_CONTACTS = """
    processors:
      - id: cloud
        name: Cloud Inc.
        country: US
        tasks: [{en: hosting, ko: 호스팅}]
        sub_processors: []
    systems:
      - id: replica
        name: {en: Replica, ko: 복제본}
        operator: cloud
        country: US
        purposes: [service]
        fields:
          - {name: email, item: email}
        transfer:
          timing: {en: continuously, ko: 수시로}
          method: {en: replication over TLS, ko: TLS 복제}
          legal_ground: contract
          refusal: {en: write to the officer, ko: 보호책임자에게 요청}
      - id: backup
        name: {en: Backup, ko: 백업}
        operator: cloud
        country: JP
        fields:
          - {name: email, item: email}
        transfer:
          timing: {en: nightly, ko: 매일 밤}
          method: {en: encrypted backup, ko: 암호화 백업}
          legal_ground: contract
    third_parties:
      - id: partner
        name: Partner GmbH
        country: DE
        purpose: {en: joint events, ko: 공동 행사}
        items: [email]
        retention: {en: one year, ko: 1년}
        legal_ground: consent
        transfer:
          timing: {en: on sign-up, ko: 가입 시}
          method: {en: API, ko: API}
          legal_ground: consent
    """


def test_recipients_abroad_without_contact_render_and_are_findings(run, minimal, tmp_path):
    write(minimal, "abroad.yaml", ABROAD_WITHOUT_CONTACTS)
    check = run("check", "inv")
    assert check.code == 0, check.out
    assert "W510 processor 'cloud' receives data abroad but has no 'contact'" in check.out
    assert "W510 third party 'partner' is abroad but has no 'contact'" in check.out
    assert "PIPA Art 28-8(2)" in check.out
    assert "W513 the transfer abroad of 'backup' does not say how to refuse it" in check.out
    for lang in ("en", "ko"):
        result = run("render", "policy", "inv", "--lang", lang)
        assert result.code == 0, result.err
        assert "Partner GmbH" in result.out and "Cloud Inc." in result.out
        notices = run("render", "notices", "inv", "--lang", lang, "-o", tmp_path / f"notices-{lang}")
        assert notices.code == 0, notices.err
        assert (tmp_path / f"notices-{lang}" / f"overseas-transfer.{lang}.html").is_file()


def test_a_processor_with_systems_in_two_countries_has_a_transfer_for_each(run, minimal):
    write(minimal, "abroad.yaml", ABROAD_WITHOUT_CONTACTS)
    text = run("render", "policy", "inv", "--lang", "en").out
    section = text[text.index("Transferring personal information abroad"):]
    assert "| Country | United States |" in section and "| Country | Japan |" in section
    assert "replication over TLS" in section and "encrypted backup" in section
    ko = run("render", "policy", "inv", "--lang", "ko").out
    assert "| 이전되는 국가 | 미국 |" in ko and "| 이전되는 국가 | 일본 |" in ko


def test_declared_absence_of_re_entrustment_is_stated(run, minimal):
    write(minimal, "abroad.yaml", ABROAD_WITHOUT_CONTACTS)
    assert "Cloud Inc. does not further entrust (re-entrust) the processing" in run("render", "policy", "inv").out
    assert "Cloud Inc.은(는) 개인정보 처리업무를 재위탁하지 않습니다." in run("render", "policy", "inv", "--lang", "ko").out
    rows = list(csv.DictReader(io.StringIO(run("render", "processors", "inv", "--format", "csv").out)))
    assert rows[0]["sub_processors"] == "none"  # declared: none; an undeclared list leaves the cell empty


@pytest.fixture
def broken_default_templates(tmp_path, monkeypatch):
    """datamap's own templates, with one that fails at render time on any inventory."""
    copy = tmp_path / "defaults"
    shutil.copytree(render.default_templates_dir(), copy)
    target = copy / "pipa" / "en" / "policy" / "items.md.j2"
    target.write_text("{{ no_such_variable }}\n" + target.read_text("utf-8"), "utf-8")
    monkeypatch.setattr(render, "default_templates_dir", lambda: copy)
    return target


def test_a_failing_datamap_template_is_an_internal_error(run, minimal, broken_default_templates):
    result = run("render", "policy", "inv")
    assert result.code == 3
    assert result.err.startswith("datamap: internal error: TemplateBug: template error in pipa/en/policy.md.j2 (items.md.j2)")
    assert "Traceback" not in result.err


def test_a_failing_project_template_is_the_projects_problem(run, minimal, broken_default_templates):
    project = minimal.parent / "templates" / "en" / "policy"
    project.mkdir(parents=True)
    shutil.copy(broken_default_templates, project / "items.md.j2")
    result = run("render", "policy", "inv")
    assert result.code == 1
    assert result.err.startswith("datamap: template error in pipa/en/policy.md.j2")


def test_a_processor_without_country_renders_and_is_a_finding(run, minimal):
    write(minimal, "nowhere.yaml", """
        processors:
          - id: somewhere
            name: Somewhere Ltd.
            tasks: [{en: archiving, ko: 보관}]
            items: [email]
        """)
    check = run("check", "inv")
    assert "W511 processor 'somewhere' has no 'country'" in check.out and "PIPA Art 28-8(2)" in check.out
    for lang in ("en", "ko"):
        result = run("render", "policy", "inv", "--lang", lang)
        assert result.code == 0, result.err
        assert "| Somewhere Ltd. |" in result.out  # no country is stated, and no transfer abroad is invented
        assert "Transferring personal information abroad" not in result.out and "국외 이전" not in result.out
    record = run("render", "processors", "inv", "--format", "json").out
    assert '"country": null' in record
