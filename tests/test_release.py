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
    - linked websites
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
    (project / "policy.yaml").write_text(POLICY + "  history: []\n")
    assert run("release", "inv", "--effective", "2025-02-01", "--version", "2").code == 0
    assert (project / "policy.yaml").read_text().endswith('  history:\n    - version: "2"\n      effective: 2025-02-01\n')


@pytest.mark.parametrize(
    "args, message",
    [
        (["--effective", "2025-13-01"], "--effective: '2025-13-01' is not a date (YYYY-MM-DD)\n"),
        (["--effective", "2024-06-01", "--version", "1.0"], "version 1.0 is already released (see policy.history)\n"),
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
