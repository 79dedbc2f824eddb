"""Nothing declared is dropped: every field of `datamap schema` reaches a generated document in every language.

The inventory is generated from the schema itself (tests/schema_markers.py): each leaf holds a unique
marker, and every document is rendered in every language -- the policy, each notice, the processor table
(Markdown, CSV, JSON), the lineage reports and the docs-site pages. A field added to the schema gets a
marker of its own, so it fails here until some document prints it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from datamap.exports.ropa import ropa
from datamap.inventory.model import json_schema
from datamap.inventory.validate import check_inventory
from datamap.lineage.facts import policy_facts
from datamap.lineage.graph import build_graph
from datamap.lineage.reports import format_lineage_text, lineage
from datamap.publish.notices import notices, render_notice_markdown
from datamap.publish.render import render_policy_markdown, render_processors
from datamap.site.pages import generate_pages
from schema_markers import RENDERED, STEERING, marked_inventory


#: fields only the GDPR documents print: their templates ship in English only (regime 'gdpr', languages ('en',))
ENGLISH_ONLY = {
    "organization.eu_representative",  # and every field under it
    "organization.uk_representative",
    "organization.dpo",
    "organization.supervisory_authority",
    "processors.*.safeguards",
    "third_parties.*.safeguards",
    "ccpa",  # the California disclosures: regime 'ccpa', languages ('en',)
    "organization.controllers_served",  # the processor's record of processing (GDPR Art 30(2)), in English
    "purposes.*.joint_controllers",  # the controller's record (GDPR Art 30(1)(a), Art 26), in English
}


def _documents(project: Path) -> dict[str, list[str]]:
    """Every document of the inventory, by language: PIPA in every language, and PIPA with GDPR and UK GDPR
    sections in the languages their templates ship in."""
    from datamap.regimes.notices import render_all

    out: dict[str, list[str]] = {"en": [], "ko": []}
    for regimes, languages in ((["pipa"], ("en", "ko")), (["pipa", "gdpr", "uk_gdpr"], ("en",)), (["gdpr"], ("en",)), (["gdpr", "ccpa"], ("en",))):
        inv = project / "-".join(regimes)
        inventory, findings = check_inventory(inv)
        assert inventory is not None and not [f for f in findings if f.code.startswith("E")], [str(f) for f in findings]
        assert inventory.policy.regimes == regimes
        graph = build_graph(inventory)
        facts = policy_facts(inventory, graph)
        for lang in languages:
            docs = out[lang]
            docs.append(render_policy_markdown(facts, lang))
            docs += [text for text in render_all(facts, graph, lang).values() if isinstance(text, str)]
            docs += [render_processors(inventory, graph, fmt, lang) for fmt in ("md", "csv", "json")]
            docs.append(ropa(inventory, graph, "md", lang))  # the records of processing
            for kind, section in (("item", "items"), ("system", "systems"), ("processor", "processors")):
                for entity in getattr(inventory, section):
                    docs.append(format_lineage_text(lineage(inventory, graph, kind, entity.id, lang), lang))
        if regimes == ["pipa"]:
            site = generate_pages(inventory, graph, project)
            for lang in ("en", "ko"):
                out[lang] += [text for path, text in site.items() if path.startswith(f"{lang}/") and path.endswith(".md")]
    return out


def _write(project: Path, sections: dict, regimes: list[str]) -> None:
    inv = project / "-".join(regimes)
    inv.mkdir(parents=True)
    sections = {**sections, "policy": {**sections["policy"], "regimes": regimes, "languages": ["en", "ko"] if regimes == ["pipa"] else ["en"]}}
    (inv / "inventory.yaml").write_text(yaml.safe_dump(sections, allow_unicode=True, sort_keys=False), "utf-8")


@pytest.fixture(scope="module")
def marked(tmp_path_factory):
    schema = json_schema()
    generated = marked_inventory(schema)
    project = tmp_path_factory.mktemp("coverage")
    for regimes in (["pipa"], ["pipa", "gdpr", "uk_gdpr"], ["gdpr"], ["gdpr", "ccpa"]):
        _write(project, generated.sections, regimes)
    return generated, _documents(project)


def test_every_leaf_is_marked_or_listed_as_steering(marked):
    generated, _ = marked
    listed = set(STEERING) | set(RENDERED)
    assert listed - generated.leaves == set(), "STEERING or RENDERED names fields the schema no longer has"
    unaccounted = generated.leaves - listed - set(generated.expected["en"])
    assert unaccounted == set()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_marked_field_reaches_a_document(marked, lang):
    generated, documents = marked
    everything = "\n".join(documents[lang])
    exempt = ENGLISH_ONLY if lang != "en" else set()
    missing = sorted(
        path for path, marker in generated.expected[lang].items()
        if marker not in everything and not any(path == e or path.startswith(e + ".") for e in exempt)
    )
    assert not missing, f"declared but printed in no {lang} document: {missing}"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_no_marker_of_the_other_language_leaks(marked, lang):
    _, documents = marked
    other = "ko" if lang == "en" else "en"
    leaks = sorted(text[:80] for text in documents[lang] if re.search(rf"Zq\d{{4}}{other}", text))
    assert leaks == []


def test_the_coverage_fixture_is_deterministic():
    first, second = marked_inventory(json_schema()), marked_inventory(json_schema())
    assert json.dumps(first.sections, default=str) == json.dumps(second.sections, default=str)


def _enum_paths(schema: dict) -> dict[str, list]:
    """Leaf path -> the values of every enum in the schema that STEERING says selects wording."""
    from schema_markers import _Generator

    generator = _Generator(schema)
    found: dict[str, list] = {}

    def walk(sub: dict, path: str) -> None:
        sub = generator.resolve(sub)
        if sub.get("type") == "object":
            for name, child in sub["properties"].items():
                walk(child, f"{path}.{name}" if path else name)
        elif sub.get("type") == "array":
            walk(sub["items"], f"{path}.*")
        elif "enum" in sub and "selecting wording" in STEERING.get(path, ("", ""))[1]:
            found[path] = sub["enum"]

    for name, sub in schema["properties"].items():
        walk(sub, name)
    return found


def _set(sections: dict, path: str, value) -> None:
    steps = path.split(".")
    target = sections
    for step in steps[:-1]:
        target = target[0] if step == "*" else target[step]
    if steps[-1] == "*":
        target[:] = [value]
    else:
        target[steps[-1]] = value


def test_every_enum_value_that_selects_wording_shows_its_own_wording(tmp_path):
    """Each value of such an enum gives a different document: its wording reaches the output."""
    from datamap.regimes.notices import render_all

    schema = json_schema()
    enums = _enum_paths(schema)
    assert "retention.*.trigger" in enums and "third_parties.*.legal_ground" in enums
    same = []
    for path, values in enums.items():
        texts = {}
        gdpr = STEERING[path][1].startswith("GDPR")
        languages = ("en",) if gdpr else ("en", "ko")
        for value in values:
            sections = marked_inventory(schema).sections
            _set(sections, path, value)
            sections["policy"].update(regimes=["gdpr"] if gdpr else ["pipa"], languages=list(languages))
            inv = tmp_path / f"{path}-{value}".replace("*", "n")
            inv.mkdir()
            (inv / "inventory.yaml").write_text(yaml.safe_dump(sections, allow_unicode=True, sort_keys=False), "utf-8")
            inventory, findings = check_inventory(inv)
            assert inventory is not None, (path, value, [str(f) for f in findings])
            graph = build_graph(inventory)
            facts = policy_facts(inventory, graph)
            texts[value] = "".join(
                render_policy_markdown(facts, lang) + "".join(str(text) for text in render_all(facts, graph, lang).values())
                for lang in languages
            )
        if len(set(texts.values())) != len(values):
            same.append(path)
    assert same == [], "values of these enums print the same documents"
