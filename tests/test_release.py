"""datamap release: the version is recorded in the inventory file in place, and its texts are frozen."""

import pytest
from conftest import write

POLICY = """\
# The policy version this inventory describes.
policy:
  version: "1.0"     # bumped by datamap release
  effective: 2025-01-01
  # shown in Article 9
  scope_exclusions:
    - {en: linked websites, ko: 연결된 웹사이트}
"""


@pytest.fixture
def project(minimal):
    """The minimal inventory with its policy section in a file of its own, with comments."""
    text = (minimal / "inventory.yaml").read_text()
    start, end = text.index("policy:"), text.index("destruction:")
    (minimal / "inventory.yaml").write_text(text[:start] + text[end:])
    (minimal / "policy.yaml").write_text(POLICY)
    return minimal


def test_first_release_records_the_current_version(run, project):
    result = run("release", "inv", "--effective", "2025-01-01", "--summary", "First version")
    assert result.code == 0, result.err
    assert result.out.startswith("released version 1.0, effective 2025-01-01: recorded in inv/policy.yaml\n  wrote versions/1.0/policy.en.md\n")
    assert (project / "policy.yaml").read_text() == POLICY + (
        "  history:\n"
        "    - version: \"1.0\"\n"
        "      effective: 2025-01-01\n"
        "      summary: \"First version\"\n"
    )
    frozen = (project.parent / "versions/1.0/policy.en.md").read_text()
    assert "Version 1.0 · Effective January 1, 2025" in frozen
    assert run("render", "policy", "inv").out == frozen


def test_next_release_bumps_the_version_and_lists_the_earlier_one(run, project):
    assert run("release", "inv", "--effective", "2025-01-01", "--summary", "First version").code == 0
    result = run("release", "inv", "--effective", "2025-07-01", "--summary", 'Adds "newsletters"')
    assert result.code == 0, result.err
    text = (project / "policy.yaml").read_text()
    assert text.startswith("# The policy version this inventory describes.\npolicy:\n  version: \"1.1\"     # bumped by datamap release\n  effective: 2025-07-01\n  # shown in Article 9\n")
    assert text.endswith(
        "  history:\n"
        "    - version: \"1.1\"\n      effective: 2025-07-01\n      summary: \"Adds \\\"newsletters\\\"\"\n"
        "    - version: \"1.0\"\n      effective: 2025-01-01\n      summary: \"First version\"\n"
    )
    frozen = (project.parent / "versions/1.1/policy.en.md").read_text()
    assert "Earlier versions:\n\n- Version 1.0, effective January 1, 2025: First version\n" in frozen
    assert "Version 1.1, effective" not in frozen
    assert (project.parent / "versions/1.0/policy.en.md").exists()
    assert run("check", "inv").code == 0


def test_release_fills_an_empty_flow_history(run, project):
    """Version 1.0 took effect on 2025-01-01: releasing version 2 keeps it in the history with its date."""
    (project / "policy.yaml").write_text(POLICY + "  history: []\n")
    result = run("release", "inv", "--effective", "2025-02-01", "--version", "2")
    assert result.code == 0, result.err
    assert "  kept the published version 1.0 (effective 2025-01-01) in the history\n" in result.out
    assert (project / "policy.yaml").read_text().endswith(
        '  history:\n    - version: "2"\n      effective: 2025-02-01\n    - version: "1.0"\n      effective: 2025-01-01\n'
    )


@pytest.mark.parametrize(
    "args, message",
    [
        (["--effective", "2025-13-01"], "--effective: '2025-13-01' is not a date (YYYY-MM-DD)\n"),
        (["--effective", "2024-06-01", "--version", "1.0"], "version 1.0 is already released (see policy.history): a released version never changes; use a new version (--version 1.1)\n"),
        (["--effective", "2024-06-01"], "the effective date 2024-06-01 is before that of the last release (2025-01-01)\n"),
    ],
)
def test_refusals_leave_everything_as_it_was(run, project, args, message):
    assert run("release", "inv", "--effective", "2025-01-01").code == 0
    before = (project / "policy.yaml").read_text()
    result = run("release", "inv", *args)
    assert (result.code, result.err) == (2, message)
    assert (project / "policy.yaml").read_text() == before
    assert sorted(p.name for p in (project.parent / "versions").iterdir()) == ["1.0"]


def test_flow_style_history_with_entries_is_refused(run, project):
    (project / "policy.yaml").write_text(POLICY + "  history: [{version: '0.9', effective: 2024-01-01}]\n")
    result = run("release", "inv", "--effective", "2025-02-01")
    assert result.code == 2
    assert "write 'policy.history' as a block list" in result.err


def test_invalid_inventory_is_not_released(run, project):
    write(project, "bad.yaml", "items:\n  - id: phone\n")
    result = run("release", "inv", "--effective", "2025-02-01")
    assert result.code == 1
    assert "E202 missing required key 'label'" in result.err
    assert (project / "policy.yaml").read_text() == POLICY
    assert not (project.parent / "versions").exists()


def test_both_languages_are_frozen(run, project):
    assert run("release", "inv", "--effective", "2025-01-01", "--summary", "First").code == 0
    assert run("release", "inv", "--effective", "2025-07-01").code == 0
    korean = (project.parent / "versions/1.1/policy.ko.md").read_text()
    assert korean == run("render", "policy", "inv", "--lang", "ko").out
    assert "\n- 버전 1.0, 2025년 1월 1일 시행: First\n" in korean
    assert "버전 1.1, " not in korean
    assert "이 개인정보 처리방침(버전 1.1)은 2025년 7월 1일부터 시행합니다." in korean


def test_a_language_with_missing_texts_is_not_frozen(run, project):
    write(project, "english.yaml", "remedies:\n  - {name: KISA Privacy Center, phone: '118'}\n  - {name: {en: Police only in English}}\n")
    result = run("release", "inv", "--effective", "2025-01-01")
    assert result.code == 0
    assert (project.parent / "versions/1.0/policy.en.md").exists()
    assert not (project.parent / "versions/1.0/policy.ko.md").exists()
    assert "datamap release: no 'ko' text frozen: the 'ko' templates or inventory texts are missing" in result.err


def test_a_published_version_is_never_re_dated(run, project):
    """1.0 took effect on 2025-01-01 (a date in the past) and was never released with datamap: releasing
    amended text on another date takes the next version, and 1.0 stays in the history with its own date."""
    text = (project / "inventory.yaml").read_text()
    (project / "inventory.yaml").write_text(text.replace("label: {en: Email, ko: 이메일}", "label: {en: Email address, ko: 이메일 주소}"))
    result = run("release", "inv", "--effective", "2025-09-01", "--summary", "Amended")
    assert result.code == 0, result.err
    assert result.out.startswith("released version 1.1, effective 2025-09-01: recorded in inv/policy.yaml\n"
                                 "  kept the published version 1.0 (effective 2025-01-01) in the history\n")
    policy = (project / "policy.yaml").read_text()
    assert policy.startswith('# The policy version this inventory describes.\npolicy:\n  version: "1.1"     # bumped by datamap release\n  effective: 2025-09-01\n')
    assert policy.endswith('    - version: "1.1"\n      effective: 2025-09-01\n      summary: "Amended"\n'
                           '    - version: "1.0"\n      effective: 2025-01-01\n')
    assert not (project.parent / "versions/1.0").exists()
    assert "Email address" in (project.parent / "versions/1.1/policy.en.md").read_text()
    assert run("check", "inv").code == 0


def test_an_explicit_release_under_the_published_number_is_refused(run, project):
    result = run("release", "inv", "--effective", "2025-09-01", "--version", "1.0")
    assert (result.code, result.err) == (2, "version 1.0 took effect on 2025-01-01: releasing it with the date 2025-09-01 would re-date it; "
                                            "release the changed text under a new version (--version 1.1)\n")
    assert (project / "policy.yaml").read_text() == POLICY
    assert not (project.parent / "versions").exists()


def test_a_version_not_yet_in_effect_may_be_released_on_another_date(run, project):
    (project / "policy.yaml").write_text(POLICY.replace("2025-01-01", "2099-01-01"))
    result = run("release", "inv", "--effective", "2098-06-01")
    assert result.code == 0, result.err
    assert result.out.startswith("released version 1.0, effective 2098-06-01")
    assert "kept the published version" not in result.out


def test_a_frozen_text_is_never_overwritten(run, project):
    (project.parent / "versions/1.0").mkdir(parents=True)
    (project.parent / "versions/1.0/policy.en.md").write_text("as published\n")
    result = run("release", "inv", "--effective", "2025-01-01")
    assert result.code == 0, result.err
    assert result.out.startswith("released version 1.1, effective 2025-01-01")
    assert (project.parent / "versions/1.0/policy.en.md").read_text() == "as published\n"


def test_the_suggested_version_skips_numbers_already_used(run, project):
    assert run("release", "inv", "--effective", "2025-01-01").code == 0
    (project.parent / "versions/1.1").mkdir()
    result = run("release", "inv", "--effective", "2025-03-01")
    assert result.code == 0, result.err
    assert result.out.startswith("released version 1.2, effective 2025-03-01")


@pytest.mark.parametrize("version, after", [("1.0", "1.1"), ("1.9", "1.10"), ("2", "3"), ("1.2.3", "1.2.4")])
def test_bump(version, after):
    from datamap.review.release import bump

    assert bump(version) == after


def test_history_that_is_not_append_only_is_a_finding(run, project):
    (project / "policy.yaml").write_text(POLICY.replace("effective: 2025-01-01", "effective: 2025-06-01") + (
        "  history:\n"
        "    - {version: '1.0', effective: 2025-01-01}\n"
        "    - {version: '1.0', effective: 2024-01-01}\n"
    ))
    result = run("validate", "inv")
    assert result.code == 1
    assert result.out.splitlines()[:2] == [
        "inv/policy.yaml:4:14: E213 version 1.0 was released effective 2025-01-01: a released version keeps its date; "
        "give amended text a new version (datamap release)",
        "inv/policy.yaml:10:17: E212 version 1.0 is in the history twice: a released version is recorded once",
    ]
