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

from datamap.inventory.model import json_schema
from datamap.inventory.validate import check_inventory
from datamap.lineage.facts import policy_facts
from datamap.lineage.graph import build_graph
from datamap.lineage.reports import format_lineage_text, lineage
from datamap.publish.notices import notices, render_notice_markdown
from datamap.publish.render import render_policy_markdown, render_processors
from datamap.site.pages import generate_pages
from schema_markers import RENDERED, STEERING, marked_inventory


def _documents(inv: Path, project: Path) -> dict[str, dict[str, str]]:
    """Every document of the inventory, by language: name -> text."""
    inventory, findings = check_inventory(inv)
    assert inventory is not None and not [f for f in findings if f.code.startswith("E")], [str(f) for f in findings]
    graph = build_graph(inventory)
    facts = policy_facts(inventory, graph)
    site = generate_pages(inventory, graph, project)
    out: dict[str, dict[str, str]] = {}
    for lang in ("en", "ko"):
        docs = {"policy": render_policy_markdown(facts, lang)}
        for notice in notices(facts, graph):
            docs[f"notice {notice.name}"] = render_notice_markdown(notice, facts, lang)
        for fmt in ("md", "csv", "json"):
            docs[f"processors.{fmt}"] = render_processors(inventory, graph, fmt, lang)
        for kind, section in (("item", "items"), ("system", "systems"), ("processor", "processors")):
            for entity in getattr(inventory, section):
                docs[f"graph {kind} {entity.id}"] = format_lineage_text(lineage(inventory, graph, kind, entity.id, lang), lang)
        docs.update({f"site {path}": text for path, text in site.items() if path.startswith(f"{lang}/") and path.endswith(".md")})
        out[lang] = docs
    return out


@pytest.fixture(scope="module")
def marked(tmp_path_factory):
    schema = json_schema()
    generated = marked_inventory(schema)
    project = tmp_path_factory.mktemp("coverage")
    (project / "inventory").mkdir()
    (project / "inventory" / "inventory.yaml").write_text(yaml.safe_dump(generated.sections, allow_unicode=True, sort_keys=False), "utf-8")
    return generated, _documents(project / "inventory", project)


def test_every_leaf_is_marked_or_listed_as_steering(marked):
    generated, _ = marked
    listed = set(STEERING) | set(RENDERED)
    assert listed - generated.leaves == set(), "STEERING or RENDERED names fields the schema no longer has"
    unaccounted = generated.leaves - listed - set(generated.expected["en"])
    assert unaccounted == set()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_marked_field_reaches_a_document(marked, lang):
    generated, documents = marked
    everything = "\n".join(documents[lang].values())
    missing = sorted(path for path, marker in generated.expected[lang].items() if marker not in everything)
    assert not missing, f"declared but printed in no {lang} document: {missing}"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_no_marker_of_the_other_language_leaks(marked, lang):
    _, documents = marked
    other = "ko" if lang == "en" else "en"
    leaks = sorted(name for name, text in documents[lang].items() if re.search(rf"Zq\d{{4}}{other}", text))
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
    schema = json_schema()
    enums = _enum_paths(schema)
    assert "retention.*.trigger" in enums and "third_parties.*.legal_ground" in enums
    same = []
    for path, values in enums.items():
        texts = {}
        for value in values:
            sections = marked_inventory(schema).sections
            _set(sections, path, value)
            inv = tmp_path / f"{path}-{value}".replace("*", "n")
            inv.mkdir()
            (inv / "inventory.yaml").write_text(yaml.safe_dump(sections, allow_unicode=True, sort_keys=False), "utf-8")
            inventory, findings = check_inventory(inv)
            assert inventory is not None, (path, value, [str(f) for f in findings])
            graph = build_graph(inventory)
            facts = policy_facts(inventory, graph)
            texts[value] = "".join(
                render_policy_markdown(facts, lang) + "".join(render_notice_markdown(n, facts, lang) for n in notices(facts, graph))
                for lang in ("en", "ko")
            )
        if len(set(texts.values())) != len(values):
            same.append(path)
    assert same == [], "values of these enums print the same documents"
