"""datamap diff on a real git repository with two commits, and the redline it prints."""

import re
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from conftest import REFERENCE
from repos import commit_all, git

from datamap.review.redline import redline_markdown

NEW_PROCESSOR = """
  - id: sendgrid
    name: {en: "Twilio SendGrid", ko: "트윌리오 센드그리드"}
    country: US
    contact: privacy@sendgrid.example
    tasks:
      - {en: "Sending newsletters", ko: "뉴스레터 발송"}
"""
NEW_SYSTEM = """
  - id: newsletter
    name: {en: "Newsletter", ko: "뉴스레터"}
    operator: sendgrid
    country: US
    purposes: [marketing]
    transfer:
      timing: {en: "when a newsletter is sent", ko: "뉴스레터 발송 시"}
      method: {en: "over an encrypted network", ko: "암호화된 네트워크로 전송"}
      legal_ground: consent
    fields:
      - {name: to, item: email, label: {en: "Email", ko: "이메일"}}
      - {name: to_name, item: contact_name, label: {en: "Name", ko: "이름"}}
"""


def append(path, text):
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A git repository whose second commit adds an entrustee in the United States."""
    repo = tmp_path / "project"
    shutil.copytree(REFERENCE, repo / "inventory")
    commit_all(repo, "first")
    append(repo / "inventory/processors.yaml", NEW_PROCESSOR)
    append(repo / "inventory/systems.yaml", NEW_SYSTEM)
    commit_all(repo, "second")
    monkeypatch.chdir(repo)
    return repo


def test_diff_between_two_commits(run, repo):
    result = run("diff", "HEAD~1", "HEAD")
    assert result.code == 1, result.err
    summary = result.out.split("## Redline")[0]
    assert [line for line in summary.splitlines() if line.startswith("- ")] == [
        "- Articles renumbered: 10 → 11 (Cookies and web storage), 11 → 12 (Privacy officer), 12 → 13 (Miscellaneous)",
        "- Article 9 (Outsourcing): new entrustee: Twilio SendGrid (United States) receiving Email and Name of a person in charge",
        "- Article 10 (Overseas transfer): the policy now needs a section on overseas transfer",
        "- Article 10 (Overseas transfer): new transfer abroad: Email and Name of a person in charge to Twilio SendGrid in United States",
    ]
    redline = result.out.split("## Redline")[1]
    assert "| <ins>Twilio SendGrid (United States)</ins> | <ins>Email, Name</ins> | <ins>Sending newsletters</ins> |" in redline
    assert "### <ins>Article 10 Transferring personal information abroad</ins>" in redline
    assert "### Article <del>11</del><ins>12</ins> Privacy officer" in redline


def test_diff_never_touches_the_working_tree(run, repo):
    (repo / "inventory/web.yaml").unlink()
    (repo / "notes.txt").write_text("work in progress\n")
    before = git(repo, "status", "--porcelain")
    result = run("diff", "main~1", "main")
    assert result.code == 1
    assert "new entrustee: Twilio SendGrid" in result.out
    assert git(repo, "status", "--porcelain") == before
    assert git(repo, "stash", "list") == ""


def test_unchanged_policy_exits_0(run, repo):
    result = run("diff", "HEAD", "HEAD")
    assert result.code == 0
    assert "The policy text does not change." in result.out
    assert "## Redline" not in result.out


def test_revision_against_the_working_directory(run, repo):
    append(repo / "inventory/processors.yaml", "    sub_processors:\n      - {name: Amazon Web Services, country: US, task: hosting}\n")
    result = run("diff", "HEAD", "inventory", "--summary-only")
    assert result.code == 1
    assert "- Article 9 (Outsourcing): entrustee Twilio SendGrid re-entrusts hosting to Amazon Web Services (United States)" in result.out
    assert "## Redline" not in result.out


def test_template_changes_in_a_revision_count(run, repo):
    (repo / "templates/en/policy").mkdir(parents=True)
    (repo / "templates/en/policy/remedies.md.j2").write_text("unused\n")
    original = (REFERENCE.parent / "templates/pipa/en/policy/security.md.j2").read_text()
    (repo / "templates/en/policy/security.md.j2").write_text(original.replace("keep personal information safe", "protect personal information"))
    commit_all(repo, "wording")
    result = run("diff", "HEAD~1", "HEAD")
    assert result.code == 1
    assert "The wording changes, though no fact in the inventory does: see the redline." in result.out
    assert "<del>keep</del><ins>protect</ins> personal information <del>safe</del>" in result.out


def test_bad_revisions_exit_2(run, repo):
    result = run("diff", "no-such-branch", "HEAD")
    assert result.code == 2
    assert result.err == "'no-such-branch' is neither an inventory directory nor a git revision\n"
    result = run("diff", "HEAD", "HEAD", "--inventory", "elsewhere")
    assert result.code == 2
    assert "has no inventory directory 'elsewhere'" in result.err


def test_invalid_inventory_on_one_side_exits_2(run, repo):
    append(repo / "inventory/systems.yaml", "  - id: broken\n    name: Broken\n    operator: nobody\n")
    result = run("diff", "HEAD", "inventory")
    assert result.code == 2
    assert "E205 unknown processor 'nobody'" in result.err
    assert "Traceback" not in result.err


def test_html_redline_escapes_inventory_text(run, repo):
    path = repo / "inventory/processors.yaml"
    path.write_text(path.read_text().replace("Twilio SendGrid", "<img src=x onerror=alert(1)> & Co"))
    result = run("diff", "HEAD~1", "inventory", "--format", "html", "-o", "report.html")
    assert result.code == 1
    page = (repo / "report.html").read_text()
    assert "<img" not in page
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; Co" in page
    assert "<ins>" in page and "<del>" in page
    first = page
    run("diff", "HEAD~1", "inventory", "--format", "html", "-o", "report.html")
    assert (repo / "report.html").read_text() == first


# --- the redline itself ----------------------------------------------------------------------------


def test_redline_marks_words_inside_table_cells():
    old = "| A | B |\n|---|---|\n| Naver Cloud | ID (email), name |\n"
    new = "| A | B |\n|---|---|\n| Naver Cloud | ID (email), name, phone |\n"
    assert redline_markdown(old, new) == "| A | B |\n|---|---|\n| Naver Cloud | ID (email), <del>name</del><ins>name, phone</ins> |\n"


def test_redline_keeps_markdown_structure_outside_the_marks():
    old = "## Article 3 Purposes\n\n1. Old text\n- kept\n**2. Bold title**\n"
    new = "## Article 4 Purposes\n\n- kept\n**2. New title**\n"
    assert redline_markdown(old, new) == (
        "## Article <del>3</del><ins>4</ins> Purposes\n\n1. <del>Old text</del>\n- kept\n**2. <del>Bold</del><ins>New</ins> title**\n"
    )


def test_redline_of_equal_texts_has_no_marks():
    text = "# Title\n\nSome text.\n"
    assert redline_markdown(text, text) == text


def test_broken_template_in_a_revision_exits_2_not_1(run, repo):
    (repo / "templates/en/policy").mkdir(parents=True)
    (repo / "templates/en/policy/security.md.j2").write_text("{% if %}\n")
    commit_all(repo, "broken template")
    result = run("diff", "HEAD~1", "HEAD")
    assert result.code == 2
    assert "template syntax error" in result.err


def test_summary_names_each_kind_of_change(run, minimal):
    shutil.copytree(minimal, minimal.parent / "new")
    new = minimal.parent / "new"
    text = (new / "inventory.yaml").read_text()
    text = text.replace('version: "1.0"', 'version: "1.1"').replace("trigger: withdrawal", "trigger: collection\n    period: P3Y")
    text = text.replace("  - {id: signup, method: form, items: [email]}", "  - {id: signup, method: form, items: [email, phone]}")
    (new / "inventory.yaml").write_text(text)
    (new / "more.yaml").write_text("""
retention:
  - id: billing
    records: {en: Payment records, ko: 결제 기록}
    items: [phone]
    period: P5Y
items:
  - id: phone
    label: {en: Phone, ko: 전화번호}
    required: false
third_parties:
  - id: courier
    name: {en: Fast Courier, ko: 빠른택배}
    country: KR
    purpose: {en: delivery, ko: 배송}
    items: [phone]
    retention: {en: until delivery, ko: 배송 완료 시까지}
    legal_ground: consent
web_storage:
  - {id: prefs, kind: local_storage, purpose: {en: remembering settings, ko: 설정 기억}}
remedies:
  - {name: {en: KISA Privacy Center, ko: 개인정보침해신고센터}, phone: "118"}
""")
    result = run("diff", "inv", "new", "--summary-only")
    assert result.code == 1, result.err
    assert [line for line in result.out.splitlines() if line.startswith("- ")] == [
        "- Articles renumbered: 10 → 11 (Privacy officer), 11 → 13 (Changes to the policy)",
        "- Article 2 (Retention): new retention rule: Payment records (Phone) kept 5 years",
        "- Article 2 (Retention): Account kept 3 years instead of until withdrawal",
        "- Article 3 (Items processed): new item: Phone (optional)",
        "- Article 4 (Collection): collection by form now also collects Phone",
        "- Article 5 (Third-party provision): new recipient: Fast Courier (Republic of Korea) receiving Phone for delivery",
        "- Article 10 (Cookies and web storage): the policy now needs a section on cookies and web storage",
        "- Article 10 (Cookies and web storage): new web storage: prefs (local storage) for remembering settings",
        "- Article 12 (Remedies): the policy now needs a section on remedies",
        "- Article 12 (Remedies): new remedy body: KISA Privacy Center",
        "- Article 13 (Changes to the policy): version 1.0 (effective 2025-01-01) becomes version 1.1 (effective 2025-01-01)",
    ]
    backwards = run("diff", "new", "inv", "--summary-only").out
    assert "- Article 5 (Third-party provision): removed recipient: Fast Courier (Republic of Korea) receiving Phone for delivery" in backwards
    assert "- Article 12 (Remedies): this section no longer applies and is removed" in backwards
    assert "- Article 4 (Collection): collection by form no longer collects Phone" in backwards


def test_outside_a_repository_a_missing_directory_is_a_usage_error(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("diff", "old", "new")
    assert result.code == 2
    assert result.err == f"'old' is not a directory, and {tmp_path} is not in a git repository to find it as a revision\n"


# --- property: accepting every change in the redline gives the new text back -----------------------

WORDS = st.sampled_from(["Email", "Name", "the", "Company", "keeps", "5", "years", "(optional)", "\\*", "**Bold**", "&lt;b&gt;"])
LINES = st.one_of(
    st.just(""),
    st.builds(lambda marker, words: marker + " ".join(words),
              st.sampled_from(["", "## Article 3 ", "- ", "1. ", "2.1. ", "**1. "]), st.lists(WORDS, min_size=1, max_size=6)),
    st.builds(lambda cells: "| " + " | ".join(" ".join(c) for c in cells) + " |", st.lists(st.lists(WORDS, min_size=1, max_size=3), min_size=2, max_size=3)),
    st.just("|---|---|"),
)


def words(lines) -> list[str]:
    """Lines with their spaces normalised, leaving out blank lines and table rules, which carry no words
    (deleted ones stay in the redline unmarked, and change nothing in how it reads)."""
    return [" ".join(line.split()) for line in lines if not re.fullmatch(r"[|\-\s]*", line)]


def accept_all(redline: str) -> list[str]:
    """The redline with deletions dropped and insertions kept."""
    out = []
    for line in redline.splitlines():
        accepted = re.sub(r"<ins>(.*?)</ins>", r"\1", re.sub(r"<del>.*?</del>", "", line))
        content = re.sub(r"^\s*(#{1,6}\s+|[-*+]\s+|[\d.]+\\?\.?\s+|\*\*[\d.]+\s*)?", "", accepted)
        if "<del>" in line and "<ins>" not in line and re.fullmatch(r"[*|\s]*", content):
            continue  # a line that was deleted whole
        out.append(accepted.replace("****", ""))  # bold markers stay outside a mark: an emptied bold shows nothing
    return words(out)


@settings(max_examples=500, deadline=None)
@given(st.lists(LINES, max_size=8), st.lists(LINES, max_size=8))
def test_accepting_every_change_gives_the_new_text(old, new):
    old_text, new_text = "\n".join(old) + "\n", "\n".join(new) + "\n"
    redline = redline_markdown(old_text, new_text)
    assert accept_all(redline) == words(new_text.splitlines())
