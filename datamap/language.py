"""Language-dependent formatting of values: texts, dates, durations, countries, lists.

Sentences live in the templates; this module only formats values the templates insert.
"""

from __future__ import annotations

import datetime as dt
import re

from .model import ANY_LANGUAGE

_DURATION_PARTS = re.compile(r"(\d+)([YMWDHS])")
_UNITS = {
    "en": {"Y": ("year", "years"), "M": ("month", "months"), "W": ("week", "weeks"), "D": ("day", "days"),
           "H": ("hour", "hours"), "TM": ("minute", "minutes"), "S": ("second", "seconds")},
    "ko": {"Y": "년", "M": "개월", "W": "주", "D": "일", "H": "시간", "TM": "분", "S": "초"},
}
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
    "AE": ("United Arab Emirates", "아랍에미리트"),
}


def text(value: dict | None, lang: str) -> str:
    """A Text in one language; language-neutral text otherwise; English as the last resort.

    Missing translations are reported beforehand by :func:`datamap.checks.check_language`.
    """
    if not value:
        return ""
    return value.get(lang) or value.get(ANY_LANGUAGE) or value.get("en") or next(iter(value.values()))


def duration(value: str | None, lang: str) -> str:
    """ISO 8601 duration in words: P5Y -> '5 years' / '5년'; P1Y6M -> '1 year and 6 months' / '1년 6개월'."""
    if not value:
        return ""
    if value in ("session", "persistent"):
        return value
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


def country(code: str, lang: str) -> str:
    names = COUNTRIES.get(code)
    if names is None:
        return code
    return names[1] if lang == "ko" else names[0]


def join(words: list[str], lang: str, conjunction: str | None = None) -> str:
    """'a, b and c' in English; 'a, b, c' in Korean."""
    words = [w for w in words if w]
    if lang == "ko" or len(words) < 2:
        return ", ".join(words)
    conjunction = conjunction or "and"
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"
