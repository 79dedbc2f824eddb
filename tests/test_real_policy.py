"""A real company's published policy, encoded in the inventory, comes out with every fact and nothing more.

The fixture is SomeTrend's privacy policy (VAIV Company Inc.; source in tests/fixtures/sometrend/README.md).
Every text the fixture declares is looked for in the rendered policy, in Korean and in English; sections
whose facts that policy does not have must not appear.
"""

import re

import pytest
import yaml

from conftest import FIXTURES

SOMETREND = FIXTURES / "sometrend"
#: keys whose values steer the rendering instead of being printed as they are written
NOT_PRINTED = {
    "id", "items", "purposes", "fields", "method", "kind", "category", "medium", "rights", "placement", "after",
    "action", "trigger", "law", "country", "subject_term", "effective", "period", "after", "separate_storage",
    # not part of the policy: the systems are the lineage behind "items used" and appear on the site
    "systems",
    # services' addresses are printed by the site and, for this policy, by its own change-notice clause
    "url",
}


def _strings(value, lang: str, key: str = ""):
    """Every printed text of the fixture in ``lang``: Text values in that language and plain strings."""
    if key in NOT_PRINTED:
        return
    if isinstance(value, dict):
        if value and set(value) <= {"en", "ko"}:
            yield value[lang]
            return
        for k, v in value.items():
            yield from _strings(v, lang, k)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v, lang, key)
    elif isinstance(value, str):
        yield value


def _fixture_texts(lang: str) -> list[str]:
    texts = []
    for path in sorted(SOMETREND.glob("*.yaml")):
        texts += _strings(yaml.safe_load(path.read_text(encoding="utf-8")), lang)
    return list(dict.fromkeys(texts))


def _plain(markdown: str) -> str:
    """The policy's text without Markdown escapes, whitespace collapsed."""
    return " ".join(re.sub(r"\\(.)", r"\1", markdown).split())


@pytest.fixture(scope="module", params=["ko", "en"])
def rendered(request):
    from datamap.cli import main
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(["render", "policy", str(SOMETREND), "--lang", request.param])
    assert code == 0
    return request.param, out.getvalue()


def test_every_declared_text_is_printed(rendered):
    lang, markdown = rendered
    text = _plain(markdown)
    missing = [t for t in _fixture_texts(lang) if " ".join(t.split()) not in text]
    assert missing == []


KO_FACTS = [
    # the PIPC guideline's preamble and the project's word for the people it serves
    "「개인정보 보호법」 제30조에 따라 이용자의 개인정보를 보호하고",
    # compound retention: until withdrawal, then 6 or 12 months
    "재가입 악용 방지를 위한 정보(이름, 이메일, 연락처, 회사명, 사업자등록번호): 회원 탈퇴 시까지 보유합니다. 그 후 6개월간 더 보관합니다",
    "그 후 12개월간 더 보관합니다",
    # statutory rows
    "보존 근거: 「전자상거래등에서의 소비자 보호에 관한 법률」 - 보존 기간: 5년",
    "보존 근거: 「통신비밀보호법」 - 보존 기간: 3개월",
    # entrustees with their retention
    "| NICE페이먼츠㈜ | | 신용카드 결제 대행 | 회원탈퇴, 위탁계약 종료, 이용자의 삭제 요청이 있는 경우 지체 없이 파기 |",
    # inactive accounts
    "1년 동안 서비스를 이용하지 않은 이용자의 개인정보를 다른 이용자의 개인정보와 분리하여 별도로 저장·관리합니다.",
    # officer and the complaints department in one article, with phone numbers
    "제12조(개인정보 보호책임자 및 고충처리 부서)",
    "연락처: shyoon@vaiv.kr, 02-565-0531",
    "썸트렌드 운영팀에서 처리합니다(help@some.co.kr, 070-4314-7236)",
    "1. 개인정보침해 신고센터: 118, http://privacy.kisa.or.kr",
    # custom clauses where the author placed them
    "**책임의 한계**",
    "제15조(개인정보 처리방침의 변경) 1. 이 개인정보 처리방침(버전 2020-09-10)은 2020년 9월 10일부터 적용됩니다. **변경 시 공지**",
]
EN_FACTS = [
    "under Article 30 of the Personal Information Protection Act (\"PIPA\"), to protect the personal information of users",
    "kept until the user withdraws from membership, then for 6 months more",
    "then for 12 months more",
    "Legal basis: Protection of Communications Secrets Act - Retention period: 3 months",
    "| NICE Payments Co., Ltd. | | Credit card payment agency | until the user withdraws, the entrustment contract ends or the user asks for deletion, then destroyed without delay |",
    "When a user has not used the Service for 1 year, VAIV stores their personal information separately from that of other users.",
    "## Article 12 Privacy officer and complaints department",
    "Contact: shyoon@vaiv.kr, 02-565-0531",
    "1. Personal Information Infringement Report Center: 118, http://privacy.kisa.or.kr",
    "**Limits of responsibility**",
]


def test_each_kind_of_fact_reads_as_the_policy_says(rendered):
    lang, markdown = rendered
    text = _plain(markdown)
    missing = [fact for fact in (KO_FACTS if lang == "ko" else EN_FACTS) if _plain(fact) not in text]
    assert missing == []


def test_articles_follow_the_guideline_order(rendered):
    lang, markdown = rendered
    headings = re.findall(r"^## (?:제\d+조\((.+)\)|Article \d+ (.+))$", markdown, re.MULTILINE)
    titles = [ko or en for ko, en in headings]
    if lang == "ko":
        assert titles == [
            "개인정보의 처리 목적", "개인정보의 처리 및 보유 기간", "처리하는 개인정보의 항목", "개인정보의 수집 방법",
            "개인정보의 제3자 제공", "개인정보 처리업무의 위탁", "개인정보의 파기 절차 및 방법", "장기 미이용자의 개인정보 처리",
            "정보주체와 법정대리인의 권리·의무 및 행사 방법", "개인정보의 안전성 확보 조치",
            "개인정보 자동 수집 장치의 설치·운영 및 거부에 관한 사항", "개인정보 보호책임자 및 고충처리 부서",
            "정보주체의 권익침해에 대한 구제방법", "기타", "개인정보 처리방침의 변경",
        ]
    else:
        assert len(titles) == 15 and titles[0] == "Why we use personal information" and titles[-1] == "Changes to this Privacy Policy"


NOT_STATED = {
    # the policy provides nothing to third parties, transfers nothing abroad, has no children's section,
    # no domestic agent, no automated decisions, no marketing purpose and no optional items
    "ko": ["다음과 같이 개인정보를 제3자에게 제공하고 있습니다", "국외 이전", "만 14세 미만 아동의 개인정보 처리", "국내대리인",
           "자동화된 결정", "(광고)", "[선택]", "재위탁하고 있습니다", "열람청구를 접수·처리하는 부서", "이전 버전",
           # the statutory rows name records only: no list of items repeats their names
           "보존 항목: 계약 또는 청약철회", "보존 항목: 사이트 방문에 관한 기록"],
    "en": ["currently provides", "abroad", "Children under fourteen", "domestic agent", "automated", "(Advertising)",
           "(optional)", "further entrusted processing", "requests to access personal information", "Earlier versions",
           "Items: Records of contracts", "Items: Records of visits to the site"],
}


def test_no_section_the_policy_lacks(rendered):
    lang, markdown = rendered
    present = [phrase for phrase in NOT_STATED[lang] if phrase in markdown]
    assert present == []
