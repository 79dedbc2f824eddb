"""W401: every text without a version in the output language is found, however deep it sits."""

from __future__ import annotations

import shutil
from pathlib import Path

from datamap.inventory.checks import check_language
from datamap.inventory.validate import check_inventory

REFERENCE = Path(__file__).resolve().parent.parent / "inventory"

EDITS = {
    "items.yaml": [
        ('    label: {en: "Email", ko: "이메일"}', '    label: {en: "Email"}'),
        ('    description: {en: "person in charge information", ko: "담당자 정보"}', '    description: {ko: "담당자 정보"}'),
    ],
    "systems.yaml": [('label: {en: "ID (email)", ko: "아이디(이메일)"}}\n      - {name: password_hash', 'label: {en: "ID (email)"}}\n      - {name: password_hash')],
    "processors.yaml": [('      - {en: "Sending E-mail", ko: "이메일 발송"}', '      - {en: "Sending E-mail"}')],
}


def test_missing_translations_are_reported_where_they_are(tmp_path):
    shutil.copytree(REFERENCE, tmp_path, dirs_exist_ok=True)
    for name, edits in EDITS.items():
        path = tmp_path / name
        text = path.read_text(encoding="utf-8")
        for old, new in edits:
            assert old in text
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")
    inventory, _ = check_inventory(tmp_path)

    def where(lang):
        return [(Path(f.file).name, f.path) for f in check_language(inventory, lang)]

    assert where("en") == [("items.yaml", ("items", 1, "description"))]
    assert where("ko") == [
        ("items.yaml", ("items", 2, "label")),
        ("systems.yaml", ("systems", 0, "fields", 0, "label")),
        ("processors.yaml", ("processors", 1, "tasks", 0)),
    ]
    assert all(f.code == "W401" for f in check_language(inventory, "ko"))


def test_language_neutral_text_counts_for_every_language():
    inventory, _ = check_inventory(REFERENCE)
    assert check_language(inventory, "en") == []
    assert check_language(inventory, "ko") == []


def test_prose_needs_a_version_in_the_language_names_do_not(run, minimal):
    """Names may be one string for every language; prose (descriptions, details, reasons...) may not."""
    from conftest import write

    write(minimal, "more.yaml", """
        items:
          - id: phone
            label: Phone
            description: the number customers call from
        processors:
          - id: mailer
            name: Mailer Inc.
            country: KR
            tasks: [sending email]
            items: [email]
        """)
    result = run("validate", "inv", "--lang", "ko")
    assert result.code == 1
    found = [line for line in result.out.splitlines() if " E401 " in line]
    assert found == [
        "inv/more.yaml:4:18: E401 items[0].description is prose, and a plain string is text in one language: "
        "write it as {en: ..., ko: ...} with a 'ko' version",
        "inv/more.yaml:9:13: E401 processors[0].tasks[0] is prose, and a plain string is text in one language: "
        "write it as {en: ..., ko: ...} with a 'ko' version",
    ]  # the plain names (label, name) are accepted
