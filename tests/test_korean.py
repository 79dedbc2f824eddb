"""The Korean policy: pinned by golden files, checked fact by fact, with no English slipping into it.

Regenerate the golden files after an intended change with:
DATAMAP_UPDATE_GOLDEN=1 python -m pytest tests/test_korean.py
"""

import os
import re
import shutil

import pytest
from pydantic import BaseModel

from conftest import FIXTURES, REFERENCE, ROOT
from datamap.errors import TemplateProblem
from datamap.lineage.graph import build_graph
from datamap.inventory.model import ANY_LANGUAGE
from datamap.publish.render import render_policy
from datamap.inventory.validate import check_inventory

GOLDEN = ROOT / "tests" / "golden"
FULL = FIXTURES / "full"
CASES = [
    ("policy.ko.md", ["render", "policy", REFERENCE, "--lang", "ko", "--format", "md"]),
    ("processors.ko.md", ["render", "processors", REFERENCE, "--lang", "ko", "--format", "md"]),
]


def policy_ko(inv) -> str:
    inventory, findings = check_inventory(inv)
    assert inventory is not None, findings
    return render_policy(inventory, build_graph(inventory), "ko")


@pytest.fixture(scope="module")
def reference_ko() -> str:
    return policy_ko(REFERENCE)


@pytest.fixture(scope="module")
def full_ko() -> str:
    return policy_ko(FULL)


def english_texts(value):
    """Every English text of an inventory that its Korean version does not itself quote (a name in brackets)."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from english_texts(getattr(value, name))
    elif isinstance(value, list):
        for element in value:
            yield from english_texts(element)
    elif isinstance(value, dict) and "en" in value and ANY_LANGUAGE not in value:
        if value["en"] not in value.get("ko", ""):
            yield value["en"]


# --- the reference inventory ---------------------------------------------------------------------


@pytest.mark.parametrize("name,argv", CASES, ids=[c[0] for c in CASES])
def test_matches_golden(run, name, argv):
    result = run(*argv)
    assert result.code == 0, result.err
    assert result.err == ""
    golden = GOLDEN / name
    if os.environ.get("DATAMAP_UPDATE_GOLDEN"):
        golden.write_text(result.out, encoding="utf-8")
    assert result.out == golden.read_text(encoding="utf-8")


def test_articles_are_numbered_in_korean_style(reference_ko):
    headings = re.findall(r"^## (.+)$", reference_ko, re.MULTILINE)
    assert headings == [
        "제1조(처리하는 개인정보의 항목)",
        "제2조(개인정보의 수집 방법)",
        "제3조(개인정보의 처리 목적)",
        "제4조(개인정보의 처리 및 보유 기간)",
        "제5조(개인정보의 안전성 확보 조치)",
        "제6조(정보주체와 법정대리인의 권리·의무 및 행사 방법)",
        "제7조(개인정보의 파기 절차 및 방법)",
        "제8조(개인정보의 제3자 제공)",
        "제9조(개인정보 처리업무의 위탁)",
        "제10조(개인정보 자동 수집 장치의 설치·운영 및 거부에 관한 사항)",
        "제11조(개인정보 보호책임자)",
        "제12조(기타)",
        "부칙",
    ]
    assert reference_ko.startswith("# 개인정보 처리방침\n\n**주식회사 에이모** · 버전 1.0 · 시행일 2024년 7월 26일\n")


@pytest.mark.parametrize(
    "fact",
    [
        "- 개인정보 보호책임자: 서천주\n- 직책: CTO\n- 연락처: privacy@aimmo.co.kr\n",
        "이 개인정보 처리방침(버전 1.0)은 2024년 7월 26일부터 시행합니다.",
        "1. 회사명(고객사의 회사명)\n2. 담당자 이름(담당자 정보)\n3. 이메일(고객의 이메일 정보)\n4. 비밀번호\n",
        "2. Google 계정을 이용한 간편 로그인: 고객이 Google 계정으로 로그인하면, 해당 사업자가 고객의 동의를 받은 후 담당자 이름, 이메일을 회사에 제공합니다.",
        "2.1. 계약 또는 청약철회 등에 관한 기록\n\n- 보존 근거: 「전자상거래 등에서의 소비자보호에 관한 법률」\n- 보존 기간: 거래일로부터 5년\n",
        "2.2. 대금결제 및 재화 등의 공급에 관한 기록\n\n- 보존 근거: 「전자상거래 등에서의 소비자보호에 관한 법률」\n- 보존 기간: 거래일로부터 5년\n",
        "2.3. 소비자의 불만 또는 분쟁처리에 관한 기록\n\n- 보존 근거: 「전자상거래 등에서의 소비자보호에 관한 법률」\n- 보존 기간: 거래일로부터 3년\n",
        "- 보존 근거: 「통신비밀보호법」\n- 보존 기간: 3개월\n- 보존 항목: 서비스 이용 기록, 접속 로그, IP 주소\n",
        "3.1. 부정 가입 및 이용 기록\n\n- 보관 사유: 부정 가입 및 이용의 방지(가입 신청 시와 결제 요청 시 인증에 사용한 이메일 포함)\n- 보관 기간: 수집일로부터 6개월\n- 보관 항목: 이메일\n",
        "- 보관 기간: 수집일로부터 3년\n- 보관 항목: 이메일, 담당자 이름, IP 주소, 웹 스토리지, 기기 정보\n",
        "| 한국마이크로소프트(유) | 아이디(이메일), 비밀번호, 이름 | 클라우드 시스템을 이용한 개인정보의 저장 및 보관 |",
        "| 네이버클라우드 | 아이디(이메일), 이름 | 이메일 발송 |",
        "1.1. 회원 정보(회사명, 담당자 이름, 이메일, 비밀번호): 회원 탈퇴 시까지 보유합니다.",
        "가. 이메일 제목의 첫 부분에 “(광고)”라고 표시합니다.",
        "1. 관리적 조치: 내부관리계획의 수립 및 시행, 정기적인 직원 교육",
        "2.1. 종이에 출력된 개인정보는 분쇄기로 분쇄하거나 소각합니다.",
        "2.2. 전자적 파일 형태로 저장된 개인정보는 재생할 수 없는 기술적 방법으로 삭제합니다.",
        "(제4조 참조)",
        "서면, 전화 또는 이메일(privacy@aimmo.co.kr)로 회사의 고객센터에 연락하시면",
        "웹 브라우저 상단의 도구 \\> 인터넷 옵션 \\> 개인정보 메뉴의 옵션 설정에서 쿠키 저장을 거부할 수 있습니다.",
        "서비스 내에 연결된 다른 웹사이트 등 다른 서비스에 의한 개인정보 수집에는 적용되지 않습니다.",
        "회사는 고객의 사전 동의 없이 개인정보를 제3자에게 제공하지 않습니다.",
    ],
)
def test_korean_fact(reference_ko, fact):
    assert fact in reference_ko


def test_particles_follow_the_words_they_attach_to(reference_ko):
    assert "주식회사 에이모(이하 “회사”)는" in reference_ko
    assert "회사명, 담당자 이름, 이메일, 비밀번호를 직접 입력하여" in reference_ko  # 비밀번호 ends in a vowel
    assert "접속 로그, 웹 스토리지가 자동으로 생성되어" in reference_ko
    assert "맞춤형 서비스 제공을 위하여" in reference_ko
    assert "세션 스토리지, 로컬 스토리지, 캐시 스토리지, 쿠키가 있으며" in reference_ko


def test_no_english_in_the_korean_policy(reference_ko):
    """Only names and abbreviations stay in Latin letters; no English word or sentence does."""
    text = re.sub(r"[\w.+-]+@[\w.-]+", "", reference_ko)
    latin = set(re.findall(r"[A-Za-z]+", text))
    assert latin <= {"CTO", "SaaS", "IP", "Google", "DB", "Web", "Storage", "http"}
    leaked = [english for english in english_texts(check_inventory(REFERENCE)[0]) if english in reference_ko]
    assert leaked == []


def test_korean_processor_table_formats(run):
    result = run("render", "processors", REFERENCE, "--lang", "ko", "--format", "csv")
    assert result.code == 0
    assert result.out.splitlines()[1] == "microsoft_korea,한국마이크로소프트(유),KR,아이디(이메일); 비밀번호; 이름,클라우드 시스템을 이용한 개인정보의 저장 및 보관,,false,,"


def test_reference_inventory_has_korean_for_every_text(run):
    result = run("validate", REFERENCE, "--strict", "--lang", "ko")
    assert (result.code, result.out) == (0, "")


# --- a text missing in the output language ---------------------------------------------------


@pytest.fixture
def untranslated(minimal):
    """The minimal inventory with three texts left without Korean."""
    path = minimal / "inventory.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in [
        ("name: {en: Example Ltd., ko: 주식회사 예시}", "name: {en: Example Ltd.}"),
        ("title: {en: Providing the app, ko: 앱 제공}", "title: {en: Providing the app}"),
        ("method: {en: deleted so that it cannot be restored, ko: 복구할 수 없도록 삭제}", "method: {en: deleted so that it cannot be restored}"),
    ]:
        assert old in text
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return minimal


E401 = [
    "inv/inventory.yaml:2:9: E401 no 'ko' text for organization.name: add a 'ko' translation to render in 'ko'",
    "inv/inventory.yaml:15:36: E401 no 'ko' text for destruction.methods[0].method: add a 'ko' translation to render in 'ko'",
    "inv/inventory.yaml:23:12: E401 no 'ko' text for purposes[0].title: add a 'ko' translation to render in 'ko'",
    "3 error(s), 0 warning(s)",
]


@pytest.mark.parametrize("document", [["policy"], ["processors", "--format", "csv"]])
def test_rendering_in_korean_fails_on_every_missing_text(run, untranslated, document):
    result = run("render", document[0], "inv", "--lang", "ko", *document[1:])
    assert result.code == 1
    assert result.out == ""
    assert result.err.splitlines() == E401


def test_english_rendering_and_plain_validate_are_unaffected(run, untranslated):
    assert run("render", "policy", "inv", "--lang", "en").code == 0
    assert (run("validate", "inv", "--strict").code, run("validate", "inv", "--strict").out) == (0, "")


def test_validate_with_lang_reports_missing_texts(run, untranslated):
    result = run("validate", "inv", "--lang", "ko")
    assert result.code == 1
    assert result.out.splitlines() == E401
    assert run("validate", "inv", "--lang", "en").code == 0


def test_the_template_filter_never_falls_back_to_english(untranslated):
    """Calling the renderer directly, past the command's check, still never mixes languages."""
    inventory, _ = check_inventory(untranslated)
    with pytest.raises(TemplateProblem, match="no 'ko' text"):
        render_policy(inventory, build_graph(inventory), "ko")


# --- every conditional section, from the full fixture --------------------------------------------


def test_full_fixture_is_valid_in_both_languages(run):
    for lang in ("en", "ko"):
        result = run("validate", FULL, "--strict", "--lang", lang)
        assert (result.code, result.out) == (0, "")


def test_full_fixture_renders_every_section_in_korean(full_ko):
    headings = re.findall(r"^## 제\d+조\((.+)\)$", full_ko, re.MULTILINE)
    # the PIPC guideline's order (datamap.lineage.sections), with the officer and the complaints department together
    assert headings == [
        "개인정보의 처리 목적",
        "개인정보의 처리 및 보유 기간",
        "처리하는 개인정보의 항목",
        "개인정보의 수집 방법",
        "만 14세 미만 아동의 개인정보 처리",
        "개인정보의 제3자 제공",
        "개인정보 처리업무의 위탁",
        "개인정보의 국외 이전",
        "개인정보의 파기 절차 및 방법",
        "정보주체와 법정대리인의 권리·의무 및 행사 방법",
        "개인정보의 안전성 확보 조치",
        "개인정보 자동 수집 장치의 설치·운영 및 거부에 관한 사항",
        "자동화된 결정에 관한 사항",
        "개인정보 보호책임자 및 고충처리 부서",
        "국내대리인의 지정",
        "정보주체의 권익침해에 대한 구제방법",
        "기타",
        "개인정보 처리방침의 변경",
    ]


@pytest.mark.parametrize(
    "fact",
    [
        # overseas transfer (Art 28-8): processor abroad, and a third party abroad with the default refusal text
        "**1. 앰플리튜드(Amplitude, Inc.)**",
        "| 이전받는 자 | 앰플리튜드(Amplitude, Inc.)(수탁자) |\n| 연락처 | privacy@amplitude.example |\n| 이전되는 국가 | 미국 |\n| 이전되는 항목 | 기기 식별자, 이메일 |\n| 이전 시기 및 방법 | 앱을 이용하는 동안 수시로, 암호화된 네트워크로 전송 |",
        "| 보유·이용 기간 | 위탁계약 종료 시까지 |",
        "(「개인정보 보호법」 제28조의8제1항제3호)",
        "| 이전받는 자 | 사쿠라웰니스(Sakura Wellness K.K.)(제3자) |",
        "| 이전되는 국가 | 일본 |",
        "| 이전 거부 방법 및 효과 | 예약 시 동의하지 않으면 이전되지 않으며, 이 경우 앱에서 웰니스 여행을 예약할 수 없습니다. |",
        # third parties
        "| 한빛손해보험 주식회사 | 건강보험료 할인 혜택 제공 | 이름, 휴대전화번호 | 혜택 제공 종료 후 1년 | 정보주체의 동의 |",
        "| 국세청 | 세무 신고 | 결제 기록 | 세법에서 정한 기간 | 법령의 규정: 「국세기본법」 |",
        # entrustment and re-entrustment
        "| 앰플리튜드(Amplitude, Inc.)(미국) | 기기 식별자, 아이디(이메일) | 앱 이용 분석 |",
        "| 주식회사 스티비 | 아마존웹서비시즈(Amazon Web Services, Inc.) | 미국 | 이메일 서버 운영 |",
        # web storage with a third-party cookie
        "2.2. **쿠키 “\\_ga”**(제3자 설치: 구글(Google LLC)):",
        "2년간 보관됩니다. Google 애널리틱스 차단 부가 기능을 설치하거나",
        "2.1. **쿠키 “hh\\_session”**:",
        # automated decisions
        "1. **결제 부정 이용 심사**: 기기와 결제 이력으로 결제의 위험도를 산정하고, 위험도가 높으면 결제를 보류합니다. 이용하는 정보: 기기 식별자, 결제 기록.",
        # children
        "- 법정대리인의 동의를 확인하는 방법: 법정대리인의 휴대전화로 확인 링크가 담긴 문자메시지를 보내 동의 여부를 확인합니다",
        "법정대리인 이름, 법정대리인 휴대전화번호.",
        # officer, complaints department, domestic agent
        "- 부서: 개인정보보호팀\n- 연락처: privacy@hanbit-health.example, 02-1234-5600\n",
        "개인정보에 관한 불만과 요청은 고객지원팀에서 처리합니다(support@hanbit-health.example, 1588-0000).",
        "- 성명(법인명): 주식회사 한빛대리\n- 주소: 서울특별시 중구 세종대로 34\n- 전화번호: 02-9876-5432\n- 이메일: agent@hanbit-agency.example\n",
        # remedies
        "1. 개인정보분쟁조정위원회: 1833-6972, www.kopico.go.kr",
        "2. 개인정보침해신고센터(한국인터넷진흥원): 118, privacy.kisa.or.kr",
        # items, legal bases, retention
        "3. 휴대전화번호 [선택]\n4. 건강 정보(일일 걸음 수와 심박수) [선택]\n",
        "별도의 동의를 받거나 법령에서 허용하는 경우에만 처리합니다:\n건강 정보.",
        "5. KCP(결제 처리): 정보주체의 동의를 받았거나 법령에서 허용하는 경우에 결제 기록을 제공받습니다.",
        "(「개인정보 보호법」 제15조제1항제6호)",
        "- 보존 근거: 「전자상거래 등에서의 소비자보호에 관한 법률」 시행령 제6조\n- 보존 기간: 거래일로부터 5년\n",
        "- 보관 기간: 1년 6개월\n",  # no trigger declared: the period alone
        "이의 제기 및 자동화된 결정에 대한 거부·설명 요구",
        # change history
        "이전 버전은 다음과 같습니다.\n\n- 버전 1.0, 2024년 1월 15일 시행: 최초 제정\n",
    ],
)
def test_full_fixture_korean_fact(full_ko, fact):
    assert fact in full_ko


def test_full_fixture_keeps_english_out_of_korean(full_ko):
    leaked = [english for english in english_texts(check_inventory(FULL)[0]) if english in full_ko]
    assert leaked == []


def test_full_fixture_renders_in_english_too(run, tmp_path):
    inv = tmp_path / "full"
    shutil.copytree(FULL, inv)
    result = run("render", "policy", inv, "--lang", "en")
    assert result.code == 0, result.err
    assert "## Article 8 Transferring personal information abroad" in result.out
    assert "Earlier versions:\n\n- Version 1.0, effective January 15, 2024: first version\n" in result.out


def test_minimal_inventory_has_only_the_always_sections_in_korean(run, minimal):
    result = run("render", "policy", "inv", "--lang", "ko")
    assert result.code == 0, result.err
    titles = re.findall(r"^## 제(\d+)조\((.+)\)$", result.out, re.MULTILINE)
    assert [int(n) for n, _ in titles] == list(range(1, 12))
    assert "개인정보의 국외 이전" not in [t for _, t in titles]
    assert "회사는 개인정보 처리업무를 외부에 위탁하지 않습니다." in result.out
    # with no procedure declared, the rights the law always grants are still named
    assert "열람, 정정, 삭제, 처리정지 및 동의 철회\n등의 권리를 행사할 수 있습니다." in result.out
