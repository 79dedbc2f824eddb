"""What real PIPA policies say beyond the basics: inactive accounts, compound retention, departments,
remedy bodies, custom clauses, version history, the order of sections and the word for the data subject."""

import re
import shutil

import pytest

from conftest import write

EXTRA = """
inactive_accounts:
  after: P1Y
  action: separate_storage
  storage_period: P4Y
  notice_before: P30D
  notice_channels: [email, sms]
  notice_items: [{en: "that the data will be stored separately", ko: "분리 보관 사실"}, {en: "the date", ko: "일시"}]
  reactivation: {en: "Log in again and confirm your identity.", ko: "다시 로그인한 뒤 본인 확인을 하면 됩니다."}
remedies:
  - name: {en: Personal Information Dispute Mediation Committee, ko: 개인정보분쟁조정위원회}
    phone: "1833-6972"
    website: www.kopico.go.kr
    address: {en: "Sejong Government Complex, Sejong", ko: "세종특별자치시 정부세종청사"}
    handles: {en: dispute mediation, ko: 분쟁 조정}
retention:
  - {id: fraud, records: {en: Fraud records, ko: 부정 이용 기록}, items: [email], period: P1Y, at_most: true, trigger: collection, reason: {en: to prevent fraud, ko: 부정 이용 방지}}
  - {id: consults, records: {en: Consultations, ko: 상담 기록}, items: [email], criteria: {en: while the dispute lasts, ko: 분쟁이 해결될 때까지}}
  - {id: rejoin, records: {en: Rejoin checks, ko: 재가입 확인 정보}, items: [email], trigger: withdrawal, then: {period: P30D, reason: {en: to stop abuse, ko: 악용 방지}}}
processors:
  - id: mailer
    name: {en: Mailer Co., ko: 메일러}
    country: KR
    tasks: [{en: Sending email, ko: 이메일 발송}]
    retention: {until: contract_end}
systems:
  - {id: mail, name: Mail, operator: mailer, fields: [{name: to, item: email}]}
clauses:
  - id: transfer
    title: {en: Business transfer, ko: 영업의 양도}
    paragraphs: [{en: "On a merger, users are told first.", ko: "합병 시 이용자에게 먼저 알립니다."}]
    after: security
  - id: limits
    placement: paragraph
    after: rights
    title: {en: Limits of rights, ko: 권리의 제한}
    paragraphs: [{en: "Some requests may be refused by law.", ko: "법령에 따라 요구를 거절할 수 있습니다."}]
  - id: closing
    title: {en: Contact us, ko: 문의}
    paragraphs: [{en: "Write to us.", ko: "문의해 주십시오."}]
"""
ORG = """
  privacy_department: {name: {en: Privacy Team, ko: 개인정보보호팀}, contact_person: {en: Lee, ko: 이담당}, phone: "02-111-2222", email: team@example.com}
  access_department: {name: {en: Support Team, ko: 고객지원팀}, phone: "02-333-4444", email: help@example.com}
"""
POLICY = """
  subject_term: {term}
  earlier_versions_url: https://example.com/privacy/history
  history:
    - {{version: "1.0", effective: 2025-01-01, summary: {{en: first, ko: 제정}}}}
    - {{version: "0.9", effective: 2024-06-01, summary: {{en: draft, ko: 초안}}}}
"""


def project(minimal, term="member", sections=None):
    text = (minimal / "inventory.yaml").read_text(encoding="utf-8")
    text = text.replace("    email: privacy@example.com\n", "    email: privacy@example.com\n" + ORG.lstrip("\n"), 1)
    policy = POLICY.format(term=term)
    if sections:
        policy += f"  sections: [{', '.join(sections)}]\n"
    text = text.replace("  effective: 2025-01-01\n", "  effective: 2025-01-01\n" + policy.lstrip("\n"), 1)
    text = text.replace('version: "1.0"', 'version: "1.1"', 1)
    (minimal / "inventory.yaml").write_text(text, encoding="utf-8")
    write(minimal, "extra.yaml", EXTRA)
    return minimal


def headings(markdown: str) -> list[str]:
    return re.findall(r"^## (.+)$", markdown, re.MULTILINE)


@pytest.fixture
def rendered(run, minimal):
    project(minimal)
    out = {}
    for lang in ("en", "ko"):
        result = run("render", "policy", "inv", "--lang", lang)
        assert result.code == 0, result.err
        out[lang] = result.out
    return out


def test_default_order_is_the_guideline_with_clauses_where_placed(rendered):
    assert headings(rendered["ko"]) == [
        "제1조(개인정보의 처리 목적)", "제2조(개인정보의 처리 및 보유 기간)", "제3조(처리하는 개인정보의 항목)",
        "제4조(개인정보의 수집 방법)", "제5조(개인정보의 제3자 제공)", "제6조(개인정보 처리업무의 위탁)",
        "제7조(개인정보의 파기 절차 및 방법)", "제8조(장기 미이용자의 개인정보 처리)",
        "제9조(정보주체와 법정대리인의 권리·의무 및 행사 방법)", "제10조(개인정보의 안전성 확보 조치)", "제11조(영업의 양도)",
        "제12조(개인정보 보호책임자)", "제13조(개인정보의 열람청구를 접수·처리하는 부서)", "제14조(정보주체의 권익침해에 대한 구제방법)",
        "제15조(개인정보 처리방침의 변경)", "제16조(문의)", "부칙",
    ]
    assert headings(rendered["en"])[10] == "Article 11 Business transfer"
    ko = rendered["ko"]
    rights = ko[ko.index("## 제9조"):ko.index("## 제10조")]
    assert rights.rstrip().endswith("**권리의 제한**\n\n법령에 따라 요구를 거절할 수 있습니다.")


@pytest.mark.parametrize("lang,facts", [
    ("ko", [
        "1\\. 회사는 1년 동안 서비스를 이용하지 않은 회원의 개인정보를\n다른 회원의 개인정보와 분리하여 별도로 저장·관리합니다. 분리하여 보관한 개인정보는 4년간 보관한 후 파기합니다.",
        "2\\. 회사는 이 조치를 하기 30일 전까지 이메일 또는 문자메시지로\n 회원에게 분리 보관 사실, 일시를 알립니다.",
        "3\\. 다시 이용하는 방법: 다시 로그인한 뒤 본인 확인을 하면 됩니다.",
        "1. 개인정보분쟁조정위원회(분쟁 조정): 1833-6972, www.kopico.go.kr; 주소: 세종특별자치시 정부세종청사",
        "- 보관 기간: 수집일로부터 최대 1년",
        "재가입 확인 정보(이메일): 회원 탈퇴 시까지 보유합니다. 그 후 30일간 더 보관합니다(악용 방지).",
        "상담 기록(이메일): 다음 기준에 따라 보유합니다: 분쟁이 해결될 때까지.",
        "| 메일러 | 이메일 | 이메일 발송 | 위탁계약 종료 시까지 |",
        "개인정보 보호 담당부서:\n\n- 부서명: 개인정보보호팀\n- 담당자: 이담당\n- 전화번호: 02-111-2222\n- 이메일: team@example.com",
        "회원은 「개인정보 보호법」 제35조에 따른 개인정보의 열람 청구를 다음 부서에 할 수 있습니다.\n\n- 부서명: 고객지원팀\n- 전화번호: 02-333-4444",
        "1\\. 이 개인정보 처리방침(버전 1.1)은 2025년 1월 1일부터 적용됩니다.",
        "2\\. 이전 버전은 다음과 같습니다.\n\n- 버전 1.0, 2025년 1월 1일 시행: 제정\n- 버전 0.9, 2024년 6월 1일 시행: 초안",
        "3\\. 이전의 개인정보 처리방침은 <https://example.com/privacy/history>에서 확인할 수 있습니다.",
        "「개인정보 보호법」 제30조에 따라 회원의 개인정보를 보호하고",
    ]),
    ("en", [
        "1\\. When a member has not used the Service for 1 year, the Company\nstores their personal information separately from that of other members. Personal information stored separately is kept for 4 years and then destroyed.",
        "2\\. The Company tells the member that the data will be stored separately and the date at least 30 days before this is done, by email or text message.",
        "1. Personal Information Dispute Mediation Committee (dispute mediation): 1833-6972, www.kopico.go.kr; address: Sejong Government Complex, Sejong",
        "kept for at most 1 year from the time of collection, to prevent fraud.",
        "Consultations (Email): kept according to these criteria: while the dispute lasts.",
        "Rejoin checks (Email): kept until the member withdraws from membership, then for 30 days more (to stop abuse).",
        "| Mailer Co. | Email | Sending email | until the entrustment contract ends |",
        "- Department: Support Team",
        "3\\. Earlier versions of this Privacy Policy can be read at <https://example.com/privacy/history>.",
        'under Article 30 of the Personal Information Protection Act ("PIPA"), to protect the personal information of members',
    ]),
])
def test_each_new_fact_is_stated(rendered, lang, facts):
    text = " ".join(rendered[lang].split())
    missing = [fact for fact in facts if " ".join(fact.split()) not in text]
    assert missing == []


@pytest.mark.parametrize("term,ko,en", [
    ("data_subject", "정보주체의 개인정보를 보호하고", "personal information of data subjects"),
    ("user", "이용자의 개인정보를 보호하고", "personal information of users"),
    ("member", "회원의 개인정보를 보호하고", "personal information of members"),
    ("customer", "고객의 개인정보를 보호하고", "personal information of customers"),
])
def test_the_data_subject_is_called_what_the_project_chooses(run, minimal, term, ko, en):
    project(minimal, term)
    assert ko in run("render", "policy", "inv", "--lang", "ko").out
    assert en in " ".join(run("render", "policy", "inv", "--lang", "en").out.split())


def test_a_declared_order_keeps_every_section_with_facts(run, minimal):
    project(minimal, sections=["officer", "items", "purposes", "clause:closing", "retention", "miscellaneous"])
    titles = headings(run("render", "policy", "inv", "--lang", "en").out)
    # the declared ones in their order; the ones left out follow the section before them in the guideline's order
    assert titles == [
        "Article 1 Privacy officer", "Article 2 Department that receives requests to access personal information",
        "Article 3 Remedies for infringement of rights", "Article 4 Personal information we process",
        "Article 5 How we collect personal information", "Article 6 Providing personal information to third parties",
        "Article 7 Outsourcing the processing of personal information", "Article 8 How we destroy personal information",
        "Article 9 Personal information of people who do not use the Service", "Article 10 Your rights and how to exercise them",
        "Article 11 How we keep personal information safe", "Article 12 Business transfer",
        "Article 13 Why we use personal information", "Article 14 Contact us", "Article 15 How long we keep personal information",
        "Article 16 Miscellaneous", "Addendum",
    ]


def test_placement_mistakes_are_findings(run, minimal):
    project(minimal, sections=["items", "purpose", "items", "clause:limits"])
    write(minimal, "bad.yaml", """
clauses:
  - {id: lost, title: Lost, paragraphs: [Text], after: securty}
  - {id: loose, title: Loose, paragraphs: [Text], placement: paragraph}
""")
    result = run("validate", "inv")
    assert result.code == 1
    codes = re.findall(r": (E33\d) (.*)", result.out + result.err)
    assert ("E330", "unknown section 'purpose' in policy.sections (did you mean 'purposes'?)") in codes
    assert ("E331", "section 'items' is named twice in policy.sections") in codes
    assert ("E332", "clause 'lost' follows unknown section 'securty' (did you mean 'security'?)") in codes
    assert ("E333", "clause 'loose' is a paragraph: say which section it ends with 'after'") in codes
    assert ("E334", "'clause:limits' is a paragraph clause: only articles (placement: article) take a place in policy.sections") in codes


def test_diff_summarizes_the_new_parts(run, minimal):
    shutil.copytree(minimal, minimal.parent / "new")
    project(minimal.parent / "new")
    result = run("diff", "inv", "new", "--summary-only")
    assert result.code == 1, result.err
    for line in (
        "Article 8 (Inactive accounts): new inactive-account rule: data of people inactive for 1 year is stored separately for 4 years, notice 30 days before by email or text message",
        "Article 13 (Access requests): the organization: department receiving access requests is now name: Support Team",
        "Article 12 (Privacy officer): the organization: department in charge of privacy is now name: Privacy Team",
        "Article 11 (Business transfer): new clause: Business transfer",
        "Article 9 (Rights): new clause: Limits of rights",
        "version history now lists version 0.9 (effective 2024-06-01)",
        "the policy: where earlier versions are is now https://example.com/privacy/history",
        "Article 15 (Changes to the policy): the policy: word for the data subject changes from data subjects to members",
        "new retention rule: Fraud records (Email) kept at most 1 year",
        "new retention rule: Consultations (Email) kept by the criteria: while the dispute lasts",
        "new retention rule: Rejoin checks (Email) kept until withdrawal, then 30 days more",
    ):
        assert line in result.out, line
    korean = run("diff", "inv", "new", "--summary-only", "--lang", "ko").out
    assert "- 제8조(장기 미이용자): 새 장기 미이용자 규칙: 1년 동안 이용하지 않은 사람의 개인정보: 분리 보관(4년 보관), 30일 전 통지(이메일 또는 문자메시지)" in korean
    assert "- 제11조(영업의 양도): 새 조항: 영업의 양도" in korean


def test_site_pages_show_the_new_facts(minimal):
    from datamap.inventory.validate import check_inventory
    from datamap.lineage.graph import build_graph
    from datamap.site.pages import generate_pages

    project(minimal)
    inventory, findings = check_inventory(minimal)
    assert inventory is not None, findings
    pages = generate_pages(inventory, build_graph(inventory), minimal.parent)
    assert "- How long it is kept: until the contract ends" in pages["en/processor/mailer.md"]
    assert "- 보유 기간: 계약 종료 시까지" in pages["ko/processor/mailer.md"]
    item = pages["en/item/email.md"]
    assert "at most 1 year from collection" in item and "until withdrawal from membership, then 30 days more" in item
    assert "while the dispute lasts" in item
    assert "Earlier versions are also kept at https://example.com/privacy/history" in pages["en/policy/history.md"]
    # the policy page carries the whole policy: clauses, inactive accounts, departments
    policy = pages["ko/policy.md"]
    for fact in ("제11조(영업의 양도)", "제8조(장기 미이용자의 개인정보 처리)", "제13조(개인정보의 열람청구를 접수·처리하는 부서)", "**권리의 제한**"):
        assert fact in policy, fact


def test_the_address_of_earlier_versions_is_a_link_only_when_it_is_a_web_address(run, minimal):
    project(minimal)
    page = run("render", "policy", "inv", "--lang", "en", "--format", "html").out
    assert '<a href="https://example.com/privacy/history">https://example.com/privacy/history</a>' in page
    text = (minimal / "inventory.yaml").read_text(encoding="utf-8").replace("https://example.com/privacy/history", "javascript:alert(1)")
    (minimal / "inventory.yaml").write_text(text, encoding="utf-8")
    result = run("render", "policy", "inv", "--lang", "en", "--format", "html")
    assert "can be read at javascript:alert(1)." in result.out and "<a href=\"javascript" not in result.out
