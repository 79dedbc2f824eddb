"""Consent notices read correctly whatever a collection point is called: a channel or an activity."""

import html
import re

import pytest

from conftest import write
from datamap.inventory.validate import check_inventory
from datamap.lineage import facts_of
from datamap.lineage.graph import build_graph
from datamap.publish.notices import render_notices

POINTS = """
collection_points:
  - {id: signup, method: form, label: {en: sign-up, ko: 회원 가입}, items: [email]}
  - {id: channels, method: offline, label: {en: "fax, phone", ko: "팩스, 전화"}, items: [email]}
  - {id: unnamed, method: form, items: [email]}
  - {id: partner, method: from_third_party, provider: Partner Inc., items: [email]}
"""


@pytest.fixture
def notices(minimal):
    text = (minimal / "inventory.yaml").read_text(encoding="utf-8")
    (minimal / "inventory.yaml").write_text(text.replace("collection_points:\n  - {id: signup, method: form, items: [email]}\n", ""), encoding="utf-8")
    write(minimal, "points.yaml", POINTS)
    inventory, findings = check_inventory(minimal)
    assert inventory is not None, findings
    facts = facts_of(inventory, build_graph(inventory))

    def text_of(lang: str) -> dict[str, str]:
        pages = render_notices(facts, lang)
        return {name: " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page[page.find("<body"):])).split()) for name, page in pages.items()}

    return text_of


def test_english_consent_names_the_point_apart_from_the_sentence(notices):
    pages = notices("en")
    for name, label in (("signup", "sign-up"), ("channels", "fax, phone"), ("unnamed", "Example App")):
        page = pages[f"consent-{name}.en.html"]
        assert "The Company asks for your consent to collect and use the personal information below. " in page
        assert f"Collected through: {label} " in page
        assert f"below for {label}" not in page
    partner = pages["consent-partner.en.html"]
    assert "the personal information below when Partner Inc. provides it to us." in partner
    assert "Collected through" not in partner


def test_korean_consent_names_the_point_apart_from_the_sentence(notices):
    pages = notices("ko")
    for name, label in (("signup", "회원 가입"), ("channels", "팩스, 전화"), ("unnamed", "예시 앱")):
        page = pages[f"consent-{name}.ko.html"]
        assert "주시기 바랍니다. 수집 경로: " + label + " " in page
        assert "시행) 아래와 같이 개인정보를 수집·이용하고자 합니다." in page
        assert f"{label}을 위하여" not in page and f"{label}를 위하여" not in page
    partner = pages["consent-partner.ko.html"]
    assert "제3자(Partner Inc.)로부터 개인정보를 제공받을 때 아래와 같이 개인정보를 수집·이용하고자 합니다." in partner
    assert "수집 경로" not in partner
