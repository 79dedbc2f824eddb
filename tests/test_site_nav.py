"""Every navigation title of the site is in the language of the pages it leads to, taken from that language's words."""

from __future__ import annotations

import re

import pytest
import yaml

from datamap.cli import main
from site_nav import heading, nav, site_words
from site_project import ROOT, copy_project, mkdocs_build

#: the listing pages of every language's section, by the key of their title in the site words
LISTINGS = {"policy/history/": "history", "processors/": "processors", "systems/": "systems", "items/": "items",
            "purposes/": "purposes", "fields/": "fields", "lineage/": "lineage", "storage/": "storage", "downloads/": "downloads"}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("nav"))
    assert main(["build", str(project / "inventory"), "--quiet"]) == 0
    done = mkdocs_build(project)
    assert done.returncode == 0, done.stderr
    return project / "build/site"


def test_configured_navigation_names_no_page():
    """mkdocs.yml lists pages without titles, so each is named by its own title; sections by the switcher's names."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text())
    switcher = {entry["lang"]: entry["name"] for entry in config["extra"]["alternate"]}

    def titled(entries):
        for entry in entries:
            if isinstance(entry, dict):
                (title, value), = entry.items()
                if isinstance(value, str):
                    yield title
                else:
                    yield from titled(value)

    assert list(titled(config["nav"])) == []
    sections = [entry for entry in config["nav"] if isinstance(entry, dict)]
    assert [next(iter(section)) for section in sections] == [switcher["en"], switcher["ko"]]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_each_language_has_its_own_navigation_titles(built, lang):
    words = site_words(lang)
    for page in (f"{lang}/", f"{lang}/processors/", "en/"):
        titles = nav(built, page)
        mine = {path: title for path, title in titles.items() if path.startswith(f"{lang}/")}
        assert {path[3:]: title for path, title in mine.items() if path[3:] in LISTINGS} == {
            path: words[key] for path, key in LISTINGS.items()}
        for path, title in mine.items():  # every page, the policy and the hand-written index too, by its own title
            assert title == heading(built, path) or path == f"{lang}/"
        if lang == "ko":
            assert all(re.search("[가-힣]", title) for title in mine.values()), mine
    korean, english = nav(built, "ko/"), site_words("en")
    assert not {korean[f"ko/{path}"] for path in LISTINGS} & {english[key] for key in LISTINGS.values()}
    assert nav(built, "ko/")[""] == heading(built, "")  # the home page, by its own title (no fixed "Home")
