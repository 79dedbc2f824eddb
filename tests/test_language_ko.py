"""Korean formatting of values: particles, lists, durations, dates and countries."""

import datetime as dt

import pytest

from datamap import language


@pytest.mark.parametrize(
    "word,particle,expected",
    [
        ("회사", "은", "회사는"),  # no final consonant
        ("당사", "는", "당사는"),  # either form of the pair may be asked for
        ("주식회사 에이모(이하 “회사”)", "은", "주식회사 에이모(이하 “회사”)는"),  # a parenthesis is an aside
        ("법인", "는", "법인은"),
        ("비밀번호", "을", "비밀번호를"),
        ("이메일", "를", "이메일을"),
        ("아이디(이메일)", "을", "아이디(이메일)를"),
        ("이메일", "으로", "이메일로"),  # ㄹ takes 로
        ("서면", "로", "서면으로"),
        ("전화", "으로", "전화로"),
        ("웹 스토리지", "이", "웹 스토리지가"),
        ("접속 기록", "가", "접속 기록이"),
        ("5년", "이", "5년이"),
        ("118", "으로", "118로"),  # 팔: ㄹ
        ("1833", "을", "1833을"),  # 삼
        ("Google", "을", "Google을(를)"),  # unknown pronunciation: both forms
        ("", "은", "은(는)"),
    ],
)
def test_particle(word, particle, expected):
    assert language.particle(word, particle) == expected


def test_unknown_particle_is_an_error():
    with pytest.raises(ValueError, match="unknown particle"):
        language.particle("회사", "의")


def test_korean_lists():
    assert language.join(["열람", "정정", "삭제"], "ko") == "열람, 정정, 삭제"
    assert language.join(["서면", "전화", "이메일"], "ko", "또는") == "서면, 전화 또는 이메일"
    assert language.join(["열람"], "ko", "및") == "열람"
    assert language.join(["a", "b", "c"], "en") == "a, b and c"


@pytest.mark.parametrize(
    "value,ko,en",
    [
        ("P5Y", "5년", "5 years"),
        ("P3M", "3개월", "3 months"),
        ("P6M", "6개월", "6 months"),
        ("P1Y6M", "1년 6개월", "1 year and 6 months"),
        ("P30D", "30일", "30 days"),
        ("PT12H", "12시간", "12 hours"),
        ("session", "브라우저 세션 종료 시까지", "until the browser session ends"),
        ("persistent", "삭제 시까지", "until it is deleted"),
    ],
)
def test_durations(value, ko, en):
    assert language.duration(value, "ko") == ko
    assert language.duration(value, "en") == en


def test_dates_and_countries():
    assert language.date(dt.date(2024, 7, 26), "ko") == "2024년 7월 26일"
    assert language.date(dt.date(2024, 7, 26), "en") == "July 26, 2024"
    assert language.country("US", "ko") == "미국"
    assert language.country("KR", "ko") == "대한민국"
    assert language.country("ZZ", "ko") == "ZZ"
