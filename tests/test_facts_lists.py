"""Facts computed in linear time keep their meaning: item lists without repeats, transfers merged per recipient."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from datamap.lineage import graph as g
from datamap.lineage.facts import policy_facts
from datamap.lineage.graph import build_graph
from datamap.inventory.validate import check_inventory

REFERENCE = Path(__file__).resolve().parent.parent / "inventory"

EXTRA = """
items:
  - {id: locale, label: {en: Locale, ko: 언어}}
  - {id: partner_score, label: {en: Partner score, ko: 제휴 점수}}
collection_points:
  - {id: browser, method: automatic, items: [email, locale, device_info]}
  - {id: partner_feed, method: from_third_party, provider: Partner, items: [locale, partner_score, email]}
processors:
  - id: us_cloud
    name: US Cloud
    country: US
    contact: privacy@uscloud.example
    tasks: [{en: Hosting, ko: 호스팅}]
systems:
  - id: us_a
    name: US A
    operator: us_cloud
    country: US
    purposes: [service]
    transfer: {timing: {en: on use, ko: 이용 시}, method: {en: network, ko: 네트워크}, legal_ground: contract}
    fields:
      - {name: a1, item: locale}
      - {name: a2, item: email}
  - id: us_b
    name: US B
    operator: us_cloud
    country: US
    purposes: [service]
    transfer: {timing: {en: on use, ko: 이용 시}, method: {en: network, ko: 네트워크}, legal_ground: contract}
    fields:
      - {name: b1, item: partner_score}
      - {name: b2, item: email}
      - {name: b3, item: locale}
retention:
  - {id: extra_rule, records: {en: Extra, ko: 추가}, items: [locale, partner_score], trigger: withdrawal}
"""


@pytest.fixture(scope="module")
def facts(tmp_path_factory):
    inv_dir = tmp_path_factory.mktemp("inv")
    shutil.copytree(REFERENCE, inv_dir, dirs_exist_ok=True)
    (inv_dir / "zz_extra.yaml").write_text(EXTRA, encoding="utf-8")
    inventory, findings = check_inventory(inv_dir)
    assert inventory is not None and not [f for f in findings if f.severity == "error"], findings
    return policy_facts(inventory, build_graph(inventory))


def ids(items):
    return [i.id for i in items]


def test_each_item_is_listed_once_under_the_first_way_it_arrives(facts):
    assert ids(facts.items_entered) == ["company_name", "contact_name", "email", "password"]
    # email is entered, so it is not listed again as generated or received
    assert ids(facts.items_generated) == ["device_info", "usage_records", "ip_address", "access_logs", "web_storage_data", "locale"]
    assert ids(facts.items_received) == ["partner_score"]


def test_systems_abroad_of_one_processor_make_one_transfer_with_all_their_items(facts):
    transfers = [t for t in facts.transfers if t.kind == "processor"]
    assert [(t.recipient.id, t.country) for t in transfers] == [("us_cloud", "US")]
    assert ids(transfers[0].items) == ["locale", "email", "partner_score"]


def test_items_of_purpose_follow_inventory_order(facts):
    service = dict((p.id, items) for p, items in facts.purposes)["service"]
    assert ids(service) == ["contact_name", "email", "password", "locale", "partner_score"]


def test_neighbour_queries_match_the_networkx_edge_views(facts):
    graph = build_graph(facts.inventory)
    for name in graph.nodes:
        for kind in ("collects", "stored_as", "part_of", "serves", "operated_by", "retains", "provided_to"):
            out_view = list(dict.fromkeys(v for _, v, k in graph.out_edges(name, data="kind") if k == kind))
            in_view = list(dict.fromkeys(u for u, _, k in graph.in_edges(name, data="kind") if k == kind))
            assert g._targets(graph, name, kind) == out_view
            assert g._sources(graph, name, kind) == in_view
    assert g._targets(graph, "item:no_such_item", "stored_as") == []



def test_entities_and_touching_serve_every_regime():
    """The item-list building the regimes share: entities by id in order without repeats, and the facts
    entries (purposes, points, rules) whose items include some ids; the CCPA's facts are built from them."""
    from datamap.lineage import facts_of
    from datamap.lineage.facts import entities, touching
    from datamap.regimes.ccpa.facts import ccpa_facts

    inventory, _ = check_inventory(REFERENCE)
    facts = facts_of(inventory, build_graph(inventory))
    items = inventory.by_id("items")
    assert [i.id for i in entities(items, ["password", "nope", "email", "password"])] == ["password", "email"]
    expected = [p.id for p, got in facts.purposes if "email" in {i.id for i in got}]
    assert expected and [p.id for p, _ in touching(facts.purposes, {"email"})] == expected
    assert touching(facts.retention, set()) == []
    assert [r for r, *_ in facts.retention] == list(inventory.retention)
    assert [(r, got) for r, got, law in facts.retention if law] == [(r, got) for r, got, _ in facts.retention_statutory]

    fixture = Path(__file__).resolve().parent / "fixtures" / "sweepstakes_advisor"
    ccpa_inventory, _ = check_inventory(fixture)
    base = facts_of(ccpa_inventory, build_graph(ccpa_inventory))
    declared = {entry.category: entry for entry in ccpa_inventory.ccpa.categories}
    for category in ccpa_facts(base).categories:
        ids, entry = {i.id for i in category.items}, declared[category.key]
        if not entry.sources:
            assert [s.point for s in category.sources] == [p for p, got in base.collection_points if ids & {i.id for i in got}]
        if not entry.purposes:
            assert category.purposes == [p for p, got in base.purposes if ids & {i.id for i in got}]
        if not entry.retention:
            assert category.rules == [r for r in ccpa_inventory.retention if ids & set(r.items)]
