"""Values that parse but would print a false or empty statement are findings with their own codes."""

import json

import pytest
from conftest import write

from datamap.inventory.values import ISO_COUNTRIES, MAX_LABEL, duration_days


def found(run, *args):
    result = run("validate", "inv", *args)
    assert "Traceback" not in result.out + result.err
    return result.code, [line for line in result.out.splitlines() if line.startswith("inv/")]


@pytest.mark.parametrize(
    "duration, expected",
    [
        ("P0D", "E207 duration: 'P0D' is a period of zero length: state the real period"),
        ("PT0S", "E207 duration: 'PT0S' is a period of zero length: state the real period"),
        ("P99999999Y", "E207 duration: 'P99999999Y' is longer than 100 years: state the real period"),
        ("P1300M", "E207 duration: 'P1300M' is longer than 100 years: state the real period"),
        ("five years", "E203 duration: 'five years' is not an ISO 8601 duration such as P1Y or P30D, nor 'session' or 'persistent'"),
    ],
)
def test_web_storage_duration_is_a_real_period(run, minimal, duration, expected):
    write(minimal, "storage.yaml", f"""
        web_storage:
          - {{id: c, kind: cookie, purpose: x, duration: {duration}}}
        """)
    code, lines = found(run)
    assert code == 1
    assert lines == [f"inv/storage.yaml:2:49: {expected}"]


def test_retention_period_of_zero_or_absurd_length(run, minimal):
    text = (minimal / "inventory.yaml").read_text()
    (minimal / "inventory.yaml").write_text(text.replace("trigger: withdrawal", "trigger: withdrawal\n    period: P0Y0M"))
    write(minimal, "more.yaml", """
        retention:
          - {id: forever, records: X, items: [email], period: P9999Y}
        """)
    code, lines = found(run)
    assert code == 1
    assert [line.split(": ", 1)[1] for line in lines if "E207" in line] == [
        "E207 period: 'P0Y0M' is a period of zero length: state the real period",
        "E207 period: 'P9999Y' is longer than 100 years: state the real period",
    ]


def test_session_persistent_and_real_periods_are_accepted(run, minimal):
    write(minimal, "storage.yaml", """
        web_storage:
          - {id: a, kind: cookie, purpose: x, duration: session, how_to_refuse: settings}
          - {id: b, kind: local_storage, purpose: x, duration: persistent, how_to_refuse: settings}
          - {id: c, kind: cookie, purpose: x, duration: P1Y6M, how_to_refuse: settings}
          - {id: d, kind: cookie, purpose: x, duration: PT30M, how_to_refuse: settings}
        """)
    assert found(run) == (0, [])
    policy = run("render", "policy", "inv").out
    assert "It is kept for ." not in policy


def test_durations_in_days():
    assert duration_days("P1Y") == 365.25
    assert duration_days("P2W") == 14
    assert duration_days("PT12H") == 0.5
    assert duration_days("P100Y") == 100 * 365.25
    assert duration_days("five years") is None
    assert duration_days("P") is None


def test_country_codes_are_assigned_iso_codes(run, minimal):
    write(minimal, "processors.yaml", """
        processors:
          - {id: a, name: A, country: XX, tasks: [hosting]}
          - {id: b, name: B, country: UK, tasks: [hosting]}
          - {id: c, name: C, country: GB, tasks: [hosting]}
        """)
    code, lines = found(run)
    assert code == 1
    assert [line for line in lines if "E208" in line] == [
        "inv/processors.yaml:2:31: E208 country: 'XX' is not an ISO 3166-1 country code: no country has it",
        "inv/processors.yaml:3:31: E208 country: 'UK' is not an ISO 3166-1 country code: no country has it",
    ]


def test_country_list_is_the_iso_list():
    assert len(ISO_COUNTRIES) == 249
    assert {"KR", "US", "GB", "NO", "AQ", "SS", "BQ"} <= set(ISO_COUNTRIES)
    assert not {"XX", "UK", "EU", "XK", "ZZ"} & set(ISO_COUNTRIES)


@pytest.mark.parametrize("email", ["privacy at example.com", "privacy@", "@example.com", "a@b", "a b@example.com", "a..b@example.com", "a@-x.com"])
def test_malformed_emails(run, minimal, email):
    text = (minimal / "inventory.yaml").read_text()
    (minimal / "inventory.yaml").write_text(text.replace("email: privacy@example.com", f"email: {json.dumps(email)}"))
    code, lines = found(run)
    assert code == 1
    assert lines == [f"inv/inventory.yaml:9:12: E209 privacy_officer.email: '{email}' is not an email address such as privacy@example.com"]


@pytest.mark.parametrize("email", ["privacy@example.com", "first.last+tag@mail.example.co.kr", "개인정보@예시.한국"[:0] + "x@예시.한국"])
def test_real_emails_are_accepted(run, minimal, email):
    text = (minimal / "inventory.yaml").read_text()
    (minimal / "inventory.yaml").write_text(text.replace("email: privacy@example.com", f"email: {email}"))
    assert found(run) == (0, [])


@pytest.mark.parametrize(
    "written, message",
    [
        ("NO", 'country: NO was read as the boolean false (YAML reads yes/no, on/off, y/n and true/false as booleans), not as text; to mean the text, quote it: country: "NO"'),
        ("on", 'country: on was read as the boolean true (YAML reads yes/no, on/off, y/n and true/false as booleans), not as text; to mean the text, quote it: country: "on"'),
        ("010", 'country: 010 was read as the number 8, not as text; to mean the text, quote it: country: "010"'),
        ("1.0e+3", 'country: 1.0e+3 was read as the number 1000.0, not as text; to mean the text, quote it: country: "1.0e+3"'),
        ("~", 'country: ~ was read as null, meaning no value, not as text; to mean the text, quote it: country: "~"'),
        ("2024-01-01", 'country: 2024-01-01 was read as the date 2024-01-01, not as text; to mean the text, quote it: country: "2024-01-01"'),
        ("", "country: no value is given; write the text"),
    ],
)
def test_yaml_coercion_where_text_is_expected(run, minimal, written, message):
    text = (minimal / "inventory.yaml").read_text()
    (minimal / "inventory.yaml").write_text(text.replace("country: KR", f"country: {written}"))
    code, lines = found(run)
    assert code == 1
    assert lines == [f"inv/inventory.yaml:4:{12 if written else 11}: E210 {message}"]


def test_coercion_inside_a_text_mapping_points_at_the_language(run, minimal):
    write(minimal, "items.yaml", """
        items:
          - id: consent
            label: {en: Yes, ko: 예}
        """)
    code, lines = found(run)
    assert lines[0] == ('inv/items.yaml:3:17: E210 label.en: Yes was read as the boolean true (YAML reads yes/no, on/off, '
                        'y/n and true/false as booleans), not as text; to mean the text, quote it: en: "Yes"')


def test_quoted_values_are_text(run, minimal):
    text = (minimal / "inventory.yaml").read_text()
    (minimal / "inventory.yaml").write_text(text.replace("country: KR", 'country: "NO"'))
    code, lines = found(run)
    assert "E210" not in "\n".join(lines)


def test_json_and_github_formats_give_no_fake_position(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = run("validate", "nowhere")
    assert text.out.splitlines()[0] == "nowhere: E107 no such file or directory"
    record = json.loads(run("validate", "nowhere", "--format", "json").out)[0]
    assert (record["line"], record["col"]) == (None, None)
    assert run("validate", "nowhere", "--format", "github").out == "::error file=nowhere,title=E107::E107 no such file or directory\n"
    (tmp_path / "empty").mkdir()
    assert run("validate", "empty").out.splitlines()[0] == "empty: E108 no .yaml or .yml files in this directory"


@pytest.mark.parametrize(
    "where, size, message",
    [
        ("label", MAX_LABEL + 1, f"E211 label: a name or label of {MAX_LABEL + 1} characters is longer than the limit of {MAX_LABEL}"),
        ("label", 100_000, f"E211 label: a name or label of 100,000 characters is longer than the limit of {MAX_LABEL}"),
        ("description", 5001, "E211 description: text of 5,001 characters is longer than the limit of 5,000"),
    ],
)
def test_very_long_text_is_a_finding(run, minimal, where, size, message):
    write(minimal, "items.yaml", f"""
        items:
          - id: long
            {"description: Long" if where == "label" else "label: Long"}
            {where}: {{ko: 긴, en: "{'x' * size}"}}
        """)
    code, lines = found(run)
    assert code == 1
    assert lines[0] == f"inv/items.yaml:4:{19 + len(where)}: {message}"


def test_very_long_plain_string_is_a_finding(run, minimal):
    write(minimal, "points.yaml", f"""
        collection_points:
          - {{id: social, method: social_login, provider: "{'k' * 3000}", items: [email]}}
        """)
    code, lines = found(run)
    assert code == 1
    assert lines[0] == "inv/points.yaml:2:50: E211 provider: text of 3,000 characters is longer than the limit of 2,000"


def test_every_iso_country_has_an_english_name():
    from datamap import language

    assert language.country("EE", "en") == "Estonia"
    assert language.country("KR", "en") == "Republic of Korea"
    assert all(language.country(code, "en") != code for code in ISO_COUNTRIES)
