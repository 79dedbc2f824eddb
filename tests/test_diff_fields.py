"""The diff summary names every change of a published fact, field by field, in the language asked for."""

import re
import shutil
import typing

import pytest
from conftest import REFERENCE
from pydantic import BaseModel

from datamap.inventory import model
from datamap.review.wording import FIELDS, PHRASES, SECTION_TITLES, VALUES, WHAT


@pytest.fixture
def sides(tmp_path, monkeypatch):
    """Two copies of the reference inventory, 이전 (before) and 이후 (after), with the working directory above them."""
    shutil.copytree(REFERENCE, tmp_path / "이전")
    shutil.copytree(REFERENCE, tmp_path / "이후")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "이후"


def edit(path, old, new, count=1):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def summary(run, *args):
    result = run("diff", "이전", "이후", "--summary-only", *args)
    assert "Traceback" not in result.err
    return result, [line[2:] for line in result.out.splitlines() if line.startswith("- ")]


def change_facts(after):
    edit(after / "processors.yaml", 'name: {en: "Naver Cloud", ko: "네이버클라우드"}', 'name: {en: "NAVER Cloud Corp.", ko: "네이버클라우드(주)"}')
    edit(after / "retention.yaml", "period: P3Y", "period: P5Y")
    edit(after / "web.yaml", "duration: session", "duration: P1D")


def test_a_renamed_processor_is_named_in_the_summary(run, sides):
    edit(sides / "processors.yaml", 'name: {en: "Naver Cloud", ko: "네이버클라우드"}', 'name: {en: "NAVER Cloud Corp.", ko: "네이버클라우드(주)"}')
    result, lines = summary(run)
    assert result.code == 1
    assert lines == ["Article 9 (Outsourcing): entrustee Naver Cloud: name changes from Naver Cloud to NAVER Cloud Corp."]
    assert "no fact in the inventory" not in result.out


def test_contacts_periods_and_storage_are_named(run, sides):
    change_facts(sides)
    edit(sides / "organization.yaml", "    email: privacy@aimmo.co.kr", "    email: dpo@aimmo.co.kr")
    result, lines = summary(run)
    assert lines == [
        "Article 4 (Retention): Records on handling consumer complaints or disputes kept 5 years instead of 3 years",
        "Article 9 (Outsourcing): entrustee Naver Cloud: name changes from Naver Cloud to NAVER Cloud Corp.",
        "Article 10 (Cookies and web storage): web storage session storage: duration changes from until the browser session ends to 1 day",
        "Article 11 (Privacy officer): the organization: privacy officer email changes from privacy@aimmo.co.kr to dpo@aimmo.co.kr",
    ]


def test_the_korean_summary_is_wholly_korean(run, sides):
    change_facts(sides)
    edit(sides / "processors.yaml", "country: KR", "country: JP")
    result, lines = summary(run, "--lang", "ko")
    assert result.code == 1
    assert lines[:3] == [
        "제4조(보유 기간): 소비자의 불만 또는 분쟁처리에 관한 기록: 보유 기간 3년 → 5년",
        "제9조(처리 위탁): 수탁자 한국마이크로소프트(유): 국가 대한민국 → 일본",
        "제9조(처리 위탁): 수탁자 네이버클라우드의 명칭: 네이버클라우드 → 네이버클라우드(주)",
    ]
    assert "제10조(쿠키 및 웹 저장소): 웹 저장소 세션 스토리지의 보존 기간: 브라우저 세션 종료 시까지 → 1일" in lines
    assert result.out.startswith("# 개인정보 처리방침 변경 사항: 이전 → 이후\n\n## 요약\n")
    assert re.findall(r"[A-Za-z]+", result.out) == []


def test_the_korean_report_headings_and_redline_key(run, sides):
    change_facts(sides)
    result = run("diff", "이전", "이후", "--lang", "ko")
    assert "\n## 변경 대조표\n\n추가된 부분은 <ins>밑줄</ins>, 삭제된 부분은 <del>취소선</del>으로 표시합니다.\n" in result.out
    unchanged = run("diff", "이전", "이전", "--lang", "ko")
    assert "처리방침 문구는 바뀌지 않습니다." in unchanged.out


def test_only_the_korean_text_changing_is_no_change_in_english(run, sides):
    edit(sides / "processors.yaml", 'ko: "네이버클라우드"', 'ko: "네이버 클라우드"')
    assert summary(run)[1] == []
    assert summary(run, "--lang", "ko")[1] == ["제9조(처리 위탁): 수탁자 네이버클라우드의 명칭: 네이버클라우드 → 네이버 클라우드"]


def _models():
    seen, todo = set(), [model.InventoryFile]
    while todo:
        cls = todo.pop()
        if cls in seen:
            continue
        seen.add(cls)
        for info in cls.model_fields.values():
            for arg in _flatten(info.annotation):
                if isinstance(arg, type) and issubclass(arg, BaseModel):
                    todo.append(arg)
    return seen


def _flatten(annotation):
    args = typing.get_args(annotation)
    return [annotation] + [a for arg in args for a in _flatten(arg)]


def test_every_field_and_fixed_value_has_english_and_korean_words():
    for cls in _models():
        for name, info in cls.model_fields.items():
            if cls is model.InventoryFile or name == "id":
                continue
            assert name in FIELDS, f"{cls.__name__}.{name} has no human name in datamap/review/wording.py"
            for arg in _flatten(info.annotation):
                if typing.get_origin(arg) is typing.Literal:
                    missing = [v for v in typing.get_args(arg) if v not in VALUES and not v[0].isdigit()]
                    assert not missing, f"{cls.__name__}.{name}: no words for {missing}"
    for table in (PHRASES, WHAT, SECTION_TITLES, FIELDS, VALUES):
        for english, korean in table.values():
            assert english and korean
            assert not re.search(r"[A-Za-z]{2,}", re.sub(r"\{\w+\}|</?(ins|del)>|PIPA|GDPR|URL", "", korean)), korean


def test_korean_summary_of_each_kind_of_change(run, minimal):
    shutil.copytree(minimal, minimal.parent / "new")
    new = minimal.parent / "new"
    edit(new / "inventory.yaml", 'version: "1.0"', 'version: "1.1"')
    edit(new / "inventory.yaml", "items: [email]}", "items: [email, phone]}")
    (new / "more.yaml").write_text("""
items:
  - {id: phone, label: {en: Phone, ko: 전화번호}, required: false, sensitivity: unique_identifier}
third_parties:
  - {id: courier, name: {en: Fast Courier, ko: 빠른택배}, country: KR, purpose: {en: delivery, ko: 배송}, items: [phone],
     retention: {en: until delivery, ko: 배송 완료 시까지}, legal_ground: consent}
security_measures:
  - {category: technical, measure: {en: encryption, ko: 암호화}}
""", encoding="utf-8")
    result = run("diff", "inv", "new", "--summary-only", "--lang", "ko")
    lines = [line[2:] for line in result.out.splitlines() if line.startswith("- ")]
    assert lines == [
        "제3조(처리하는 개인정보 항목): 새 항목: 전화번호(선택, 고유식별정보)",
        "제4조(수집 방법): 수집 방법 양식 입력의 수집 항목에 전화번호 추가",
        "제5조(제3자 제공): 새 제3자: 빠른택배(대한민국): 전화번호 제공, 목적: 배송",
        "제9조(안전성 확보 조치): 새 안전성 확보 조치: (기술적) 암호화",
        "제11조(처리방침의 변경): 버전 변경: 1.0(2025년 1월 1일 시행) → 1.1(2025년 1월 1일 시행)",
    ]
    assert re.findall(r"[A-Za-z]+", result.out) == ["inv", "new"]  # only the names of the two sides
