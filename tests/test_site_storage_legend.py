"""The cookies and web storage page, and the legend every lineage diagram carries."""

import pytest

from conftest import FIXTURES, REFERENCE
from datamap.inventory.validate import check_inventory
from datamap.lineage.graph import build_graph
from datamap.site import diagram
from datamap.site.pages import generate_pages


@pytest.fixture(scope="module")
def full_pages(tmp_path_factory):
    inventory, _ = check_inventory(FIXTURES / "full")
    return generate_pages(inventory, build_graph(inventory), tmp_path_factory.mktemp("full"))


def test_storage_page_has_one_row_per_entry(full_pages):
    page = full_pages["en/storage.md"]
    assert "| Name | Kind | Provider | Party | Purpose | Duration | How to refuse |" in page
    assert ("| \\_ga | cookie | Google LLC | third party | measuring visits to the website | 2 years | Install the Google Analytics "
            "opt-out add-on or block third-party cookies in the browser. |") in page
    assert "| hh\\_session | cookie |  |  | keeping customers logged in | 1 day |" in page  # no party declared: none stated
    assert page.count("\n| ") == 1 + 3  # the header and three entries
    assert "| \\_ga | 쿠키 | 구글(Google LLC) | 제3자 |" in full_pages["ko/storage.md"]


def test_storage_page_without_entries_says_so(tmp_path):
    inventory, _ = check_inventory(FIXTURES / "minimal")
    assert not inventory.web_storage
    page = generate_pages(inventory, build_graph(inventory), tmp_path)["en/storage.md"]
    assert "The inventory lists no cookies or web storage." in page and "| Name |" not in page


def test_every_diagram_has_a_legend_of_what_it_shows(full_pages):
    svgs = {path: text for path, text in full_pages.items() if path.endswith(".svg")}
    assert len(svgs) > 10
    assert all(("Legend" if path.startswith("en/") else "범례") in svg for path, svg in svgs.items())
    abroad = svgs["en/system/analytics.svg"]  # a system in the United States, run by a processor
    assert "outside the country (red dashed border)" in abroad and "system run by a processor" in abroad
    home = next(svg for path, svg in svgs.items() if path.startswith("en/system/") and "United States" not in svg and "· " not in svg)
    assert "outside the country" not in home


def test_diagram_labels_are_large_enough_and_the_legend_is_escaped():
    inventory, _ = check_inventory(REFERENCE)
    graph = build_graph(inventory)
    source = diagram.system_dot(inventory, graph, "en", "mailer", legend={"system": "s", "processor_system": "a <b>&", "processor": "q",
                                                                           "item": "i", "collection_point": "c", "purpose": "u", "title": "Legend"})
    assert f"fontsize={diagram.NODE_FONT}" in source and diagram.NODE_FONT >= 11 and diagram.EDGE_FONT >= 10
    assert "a &lt;b&gt;&amp;" in source and "<b>&" not in source
    assert "abroad" not in source  # no place abroad: no entry for the border
