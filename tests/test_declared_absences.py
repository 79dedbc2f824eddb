"""Declared absences are statements, in every language, and nothing elsewhere contradicts them;
undeclared facts are never stated."""

from __future__ import annotations

from conftest import write


def policy(run, lang="en"):
    result = run("render", "policy", "inv", "--lang", lang)
    assert result.code == 0, result.err
    return result.out


def test_no_children_is_stated_and_not_contradicted(run, minimal):
    write(minimal, "children.yaml", "children: {collects_under_14: false}\n")
    en, ko = policy(run), policy(run, "ko")
    assert "The Company does not collect personal information of children under fourteen." in en
    assert "회사는 만 14세 미만 아동의 개인정보를 수집하지 않습니다." in ko
    assert "legal representatives of children" not in en and "아동의 법정대리인은" not in ko
    assert "child's legal representative" not in en


def test_undeclared_children_states_nothing_about_them(run, minimal):
    en = policy(run)
    assert "## Article" in en and "Children under fourteen" not in en
    assert "does not collect personal information of children" not in en


def test_required_and_optional_items_and_no_optional_items(run, minimal):
    en, ko = policy(run), policy(run, "ko")
    assert "1. Email\n" in en and "(required)" not in en and "(optional)" not in en  # not declared: not stated
    assert "1. 이메일\n" in ko and "[필수]" not in ko and "[선택]" not in ko
    inventory = minimal / "inventory.yaml"
    inventory.write_text(inventory.read_text("utf-8").replace("label: {en: Email, ko: 이메일}", "label: {en: Email, ko: 이메일}\n    required: true"), "utf-8")
    en, ko = policy(run), policy(run, "ko")
    assert "1. Email (required)" in en and "collects no optional items" in en
    assert "1. 이메일 [필수]" in ko and "선택 항목을 수집하지 않습니다" in ko
    write(minimal, "more.yaml", """
        items:
          - {id: phone, label: {en: Phone, ko: 전화번호}, required: false}
        collection_points:
          - {id: profile, method: form, items: [phone]}
        """)
    en, ko = policy(run), policy(run, "ko")
    assert "1. Email (required)" in en and "2. Phone (optional)" in en and "no optional items" not in en
    assert "2. 전화번호 [선택]" in ko and "선택 항목을 수집하지 않습니다" not in ko


def test_data_subjects_are_stated_as_declared(run, minimal):
    write(minimal, "subjects.yaml", """
        data_subjects:
          - {id: staff, name: {en: Employees of client companies, ko: 고객사 임직원}}
        """)
    inventory = minimal / "inventory.yaml"
    inventory.write_text(inventory.read_text("utf-8").replace("label: {en: Email, ko: 이메일}", "label: {en: Email, ko: 이메일}\n    subjects: [staff]"), "utf-8")
    assert "- Employees of client companies: Email" in policy(run)
    assert "- 고객사 임직원: 이메일" in policy(run, "ko")
    assert run("validate", "inv").code == 0
    inventory.write_text(inventory.read_text("utf-8").replace("subjects: [staff]", "subjects: [staf]"), "utf-8")
    assert "E205 unknown data_subject 'staf' (did you mean 'staff'?)" in run("validate", "inv").out


def test_laws_no_rule_references_are_listed(run, minimal):
    write(minimal, "laws.yaml", """
        laws:
          - id: credit_act
            name: {en: Credit Information Use and Protection Act, ko: 신용정보의 이용 및 보호에 관한 법률}
            article: {en: Article 20-2, ko: 제20조의2}
        """)
    assert "this Privacy Policy follows\nCredit Information Use and Protection Act, Article 20-2." in policy(run)
    assert "「신용정보의 이용 및 보호에 관한 법률」 제20조의2에 따릅니다." in policy(run, "ko")


def test_retention_without_trigger_states_the_period_alone_everywhere(run, minimal, tmp_path):
    inventory = minimal / "inventory.yaml"
    inventory.write_text(inventory.read_text("utf-8").replace("trigger: withdrawal", "period: P5Y"), "utf-8")
    en, ko = policy(run), policy(run, "ko")
    assert "Account (Email): kept for 5 years." in en and "from" not in en[en.index("Account (Email)"):].split("\n")[0]
    assert "- 보관 기간: 5년\n" in ko
    graph = run("graph", "inv", "--item", "email").out
    assert "account (Account): 5 years\n" in graph
    run("render", "notices", "inv", "-o", tmp_path / "n")
    notice = (tmp_path / "n" / "consent-signup.en.html").read_text("utf-8")
    assert "Account: 5 years<" in notice


def test_a_rule_with_neither_period_nor_trigger_is_an_error(run, minimal):
    inventory = minimal / "inventory.yaml"
    inventory.write_text(inventory.read_text("utf-8").replace("    trigger: withdrawal\n", ""), "utf-8")
    result = run("validate", "inv")
    assert result.code == 1
    assert "E311 retention rule 'account' says neither how long ('period'), until when ('trigger') nor under which law ('law')" in result.out


def test_statutory_rows_may_name_only_records(run, minimal):
    write(minimal, "statute.yaml", """
        laws:
          - {id: ecommerce, name: {en: E-Commerce Act, ko: 전자상거래법}}
        retention:
          - id: contracts
            records: {en: Records of contracts, ko: 계약에 관한 기록}
            period: P5Y
            law: ecommerce
        """)
    assert run("validate", "inv").code == 0
    en = policy(run)
    block = en[en.index("Records of contracts"):]
    assert "- Legal basis: E-Commerce Act\n- Retention period: 5 years\n" in block and "- Items:" not in block.split("**")[0]


def test_processor_items_declared_and_checked_against_the_lineage(run, minimal):
    write(minimal, "mailer.yaml", """
        processors:
          - id: mailer
            name: {en: Mailer Co., ko: 메일러}
            country: KR
            tasks: [{en: sending email, ko: 이메일 발송}]
            items: [email]
        """)
    result = run("validate", "inv")
    assert result.code == 0 and " W306 " not in result.out  # declared items: no need to invent a system
    assert "| Mailer Co. | Email | sending email |" in policy(run)
    assert "| 메일러 | 이메일 | 이메일 발송 |" in policy(run, "ko")
    write(minimal, "host.yaml", """
        processors:
          - id: host
            name: {en: Host Co., ko: 호스트}
            country: KR
            tasks: [{en: hosting, ko: 호스팅}]
            items: [email]
        items:
          - {id: phone, label: {en: Phone, ko: 전화번호}, required: false}
        collection_points:
          - {id: profile, method: form, items: [phone]}
        systems:
          - id: hosted
            name: {en: Hosted DB, ko: 호스팅 DB}
            operator: host
            purposes: [service]
            fields:
              - {name: phone, item: phone}
        """)
    result = run("validate", "inv")
    assert result.code == 1
    found = [line for line in result.out.splitlines() if " E310 " in line or " W310 " in line]
    assert found == [
        "inv/host.yaml:6:12: E310 processor 'host' receives item 'phone' through system 'hosted' but does not list it under 'items'",
        "inv/host.yaml:6:13: W310 processor 'host' lists item 'email', but no system it operates holds it",
    ]
