"""The English and the Korean documents state the same facts.

For each inventory, the two renders must hold the same numbers (periods, dates, article numbers), the same
article references (Article 28-8(1)3 = 제28조의8제1항제3호), the same language-neutral values (addresses,
phone numbers, URLs, emails) and, for the schema-marker inventory, the same declared fields.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from datamap.inventory.model import json_schema
from datamap.inventory.validate import check_inventory
from datamap.lineage.facts import policy_facts
from datamap.lineage.graph import build_graph
from datamap.publish.notices import notices, render_notice_markdown
from datamap.publish.render import render_policy_markdown
from schema_markers import marked_inventory

ROOT = Path(__file__).resolve().parent.parent
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
#: numbers the English text writes as words
NUMBER_WORDS = {"fourteen": "14"}
EN_ARTICLE = re.compile(r"Article (\d+)(?:-(\d+))?(?:\((\d+)\))?(\d+)?")
KO_ARTICLE = re.compile(r"제(\d+)조(?:의(\d+))?(?:제(\d+)항)?(?:제(\d+)호)?")
#: language-neutral values: anything with @, ://, a phone-like run of digits, or a marker
NEUTRAL = re.compile(r"[\w.+-]+@[\w.-]+\w|https?://[^\s|)<]+|\b\d{2,4}-\d{3,4}(?:-\d{4})?\b|Zq\d{4}(?![0-9a-z])")
#: fields that name the organization in a sentence, which a Korean sentence may leave without a subject
REFERENTS = ("organization.short_name",)


def numbers(text: str, lang: str) -> list[str]:
    text = re.sub(r"Zq\d{4}[a-z]*", " ", text)  # markers are compared as declared fields
    if lang == "en":
        for number, month in enumerate(MONTHS, 1):
            text = text.replace(month, f" {number} ")
        for word, digits in NUMBER_WORDS.items():
            text = text.replace(word, digits)
    return sorted(set(re.findall(r"\d+", text)), key=int)


def articles(text: str, lang: str) -> list[tuple]:
    pattern = EN_ARTICLE if lang == "en" else KO_ARTICLE
    return sorted(set(pattern.findall(text)))


def _referents() -> set[str]:
    expected = marked_inventory(json_schema()).expected["en"]
    return {expected[path][2:6] for path in REFERENTS}


def markers(text: str, lang: str) -> list[str]:
    return sorted(set(re.findall(rf"Zq(\d{{4}}){lang}", text)) - _referents())


def renders(inventory_dir: Path) -> dict[str, dict[str, str]]:
    """The policy and every notice, by document name, in both languages."""
    inventory, findings = check_inventory(inventory_dir)
    assert inventory is not None, [str(f) for f in findings]
    graph = build_graph(inventory)
    facts = policy_facts(inventory, graph)
    out = {}
    for lang in ("en", "ko"):
        docs = {"policy": render_policy_markdown(facts, lang)}
        docs.update({notice.name: render_notice_markdown(notice, facts, lang) for notice in notices(facts)})
        out[lang] = docs
    return out


@pytest.fixture(scope="module")
def marked_dir(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("marked") / "inventory"
    directory.mkdir()
    sections = marked_inventory(json_schema()).sections
    (directory / "inventory.yaml").write_text(yaml.safe_dump(sections, allow_unicode=True, sort_keys=False), "utf-8")
    return directory


@pytest.fixture(scope="module", params=["reference", "full", "marked"])
def documents(request, marked_dir):
    where = {"reference": ROOT / "inventory", "full": ROOT / "tests" / "fixtures" / "full", "marked": marked_dir}[request.param]
    return renders(where)


@pytest.mark.parametrize("extract", [numbers, articles, markers], ids=["numbers", "article references", "declared fields"])
def test_both_languages_state_the_same_facts(documents, extract):
    assert documents["en"].keys() == documents["ko"].keys()
    for name in documents["en"]:
        en, ko = extract(documents["en"][name], "en"), extract(documents["ko"][name], "ko")
        assert en == ko, f"{name}: only in English {sorted(set(en) - set(ko))}, only in Korean {sorted(set(ko) - set(en))}"


def test_both_languages_state_the_same_neutral_values(documents):
    for name in documents["en"]:
        en, ko = set(NEUTRAL.findall(documents["en"][name])), set(NEUTRAL.findall(documents["ko"][name]))
        assert en == ko, f"{name}: only in English {sorted(en - ko)}, only in Korean {sorted(ko - en)}"


def test_the_english_policy_names_the_act_it_cites():
    text = renders(ROOT / "inventory")["en"]["policy"]
    assert 'the Personal Information\nProtection Act ("PIPA")' in text
    assert text.index('("PIPA")') < text.index("PIPA Article")
