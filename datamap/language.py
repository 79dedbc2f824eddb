"""Language-dependent formatting of values: texts, dates, durations, countries, lists.

Sentences live in the templates; this module only formats values the templates insert.
"""

from __future__ import annotations

import datetime as dt
import re

from datamap.inventory.model import ANY_LANGUAGE
from datamap.inventory.values import ISO_COUNTRIES

_DURATION_PARTS = re.compile(r"(\d+)([YMWDHS])")
_UNITS = {
    "en": {"Y": ("year", "years"), "M": ("month", "months"), "W": ("week", "weeks"), "D": ("day", "days"),
           "H": ("hour", "hours"), "TM": ("minute", "minutes"), "S": ("second", "seconds")},
    "ko": {"Y": "년", "M": "개월", "W": "주", "D": "일", "H": "시간", "TM": "분", "S": "초"},
}
_LIFETIMES = {"session": ("until the browser session ends", "브라우저 세션 종료 시까지"), "persistent": ("until it is deleted", "삭제 시까지")}
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")

COUNTRIES = {
    "KR": ("Republic of Korea", "대한민국"), "US": ("United States", "미국"), "JP": ("Japan", "일본"),
    "CN": ("China", "중국"), "HK": ("Hong Kong", "홍콩"), "TW": ("Taiwan", "대만"), "SG": ("Singapore", "싱가포르"),
    "VN": ("Viet Nam", "베트남"), "TH": ("Thailand", "태국"), "ID": ("Indonesia", "인도네시아"),
    "MY": ("Malaysia", "말레이시아"), "PH": ("Philippines", "필리핀"), "IN": ("India", "인도"),
    "AU": ("Australia", "호주"), "NZ": ("New Zealand", "뉴질랜드"), "CA": ("Canada", "캐나다"),
    "BR": ("Brazil", "브라질"), "GB": ("United Kingdom", "영국"), "IE": ("Ireland", "아일랜드"),
    "DE": ("Germany", "독일"), "FR": ("France", "프랑스"), "NL": ("Netherlands", "네덜란드"),
    "BE": ("Belgium", "벨기에"), "LU": ("Luxembourg", "룩셈부르크"), "CH": ("Switzerland", "스위스"),
    "SE": ("Sweden", "스웨덴"), "FI": ("Finland", "핀란드"), "DK": ("Denmark", "덴마크"), "NO": ("Norway", "노르웨이"),
    "ES": ("Spain", "스페인"), "IT": ("Italy", "이탈리아"), "PL": ("Poland", "폴란드"), "IL": ("Israel", "이스라엘"),
    "AE": ("United Arab Emirates", "아랍에미리트"), "AT": ("Austria", "오스트리아"), "PT": ("Portugal", "포르투갈"),
    "CZ": ("Czechia", "체코"), "EE": ("Estonia", "에스토니아"), "GR": ("Greece", "그리스"), "HU": ("Hungary", "헝가리"),
    "IS": ("Iceland", "아이슬란드"), "LI": ("Liechtenstein", "리히텐슈타인"), "RO": ("Romania", "루마니아"),
    "EU": ("the European Union", "유럽연합"),
}


def text(value: dict | None, lang: str) -> str:
    """A Text in one language; language-neutral text otherwise; English as the last resort.

    Missing translations are reported beforehand by :func:`datamap.inventory.checks.check_language`.
    """
    if not value:
        return ""
    return value.get(lang) or value.get(ANY_LANGUAGE) or value.get("en") or next(iter(value.values()))


def duration(value: str | None, lang: str) -> str:
    """ISO 8601 duration in words: P5Y -> '5 years' / '5년'; P1Y6M -> '1 year and 6 months' / '1년 6개월'."""
    if not value:
        return ""
    if value in _LIFETIMES:
        return _LIFETIMES[value][lang == "ko"]
    date_part, _, time_part = value[1:].partition("T")
    parts = [(int(n), unit) for n, unit in _DURATION_PARTS.findall(date_part)]
    parts += [(int(n), "TM" if unit == "M" else unit) for n, unit in _DURATION_PARTS.findall(time_part)]
    if lang == "ko":
        return " ".join(f"{n}{_UNITS['ko'][unit]}" for n, unit in parts)
    words = [f"{n} {_UNITS['en'][unit][n != 1]}" for n, unit in parts]
    return join(words, "en")


def date(value: dt.date, lang: str) -> str:
    if lang == "ko":
        return f"{value.year}년 {value.month}월 {value.day}일"
    return f"{_MONTHS_EN[value.month - 1]} {value.day}, {value.year}"


def country(code: str | None, lang: str) -> str:
    if code is None:  # not declared: nothing is stated (a completeness finding asks for it)
        return ""
    names = COUNTRIES.get(code)
    if names is None:  # any other ISO 3166-1 country: its English short name, or the code
        return ISO_COUNTRIES.get(code, code) if lang == "en" else code
    return names[1] if lang == "ko" else names[0]


def law(name: str, article: str | None, lang: str) -> str:
    """A statute as a policy cites it: 「전자상거래법」 시행령 제6조; Electronic Commerce Act, Article 6."""
    if lang == "ko":
        return f"「{name}」" + (f" {article}" if article else "")
    return name + (f", {article}" if article else "")


def join(words: list[str], lang: str, conjunction: str | None = None) -> str:
    """'a, b and c' in English; 'a, b, c' in Korean, or 'a, b 또는 c' when given a conjunction."""
    words = [w for w in words if w]
    if len(words) < 2 or (lang == "ko" and not conjunction):
        return ", ".join(words)
    conjunction = conjunction or "and"
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


# --- Korean particles --------------------------------------------------------------------------

#: particle written after a final consonant -> after a vowel; 으로/로 also takes 로 after ㄹ
_PARTICLES = {"은": "는", "이": "가", "을": "를", "과": "와", "으로": "로", "이나": "나", "이며": "며", "이라": "라"}
_BATCHIM_RIEUL = 8
#: final consonant of digits read in Sino-Korean (영, 일, 이, 삼, 사, 오, 육, 칠, 팔, 구): 0 none, 8 ㄹ, other
_DIGIT_FINALS = {"0": 21, "1": 8, "2": 0, "3": 16, "4": 0, "5": 0, "6": 1, "7": 8, "8": 8, "9": 0}


def _final_consonant(word: str) -> int | None:
    """Final consonant index (0 = none, 8 = ㄹ) of the word's last sounded syllable; None when unknown."""
    word = word.rstrip(" .,'\"”’")
    while word.endswith(")"):  # judge '아이디(이메일)' by '아이디': a parenthesis is read as an aside
        opening = word.rfind("(")
        if opening <= 0:
            break
        word = word[:opening].rstrip()
    if not word:
        return None
    last = word[-1]
    if "가" <= last <= "힣":
        return (ord(last) - ord("가")) % 28
    return _DIGIT_FINALS.get(last)


def particle(word: str, which: str) -> str:
    """``word`` followed by the Korean particle ``which`` in the form its last syllable takes.

    ``particle("회사", "은")`` -> '회사는', ``particle("이메일", "으로")`` -> '이메일로'. When the word does
    not end in Hangul or a digit (a Latin name), both forms are written: 'Google을(를)'.
    """
    full = next((f for f, v in _PARTICLES.items() if which in (f, v)), None)
    if full is None:
        raise ValueError(f"unknown particle {which!r}: use one of {', '.join(_PARTICLES)}")
    vowel = _PARTICLES[full]
    final = _final_consonant(word)
    if final is None:
        return f"{word}{full}({vowel})"
    if final == 0 or (full == "으로" and final == _BATCHIM_RIEUL):
        return f"{word}{vowel}"
    return f"{word}{full}"
