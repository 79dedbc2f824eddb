"""Regimes as data: the registry, PIPA unchanged by default, a PIPA policy with a GDPR section, the order
of regimes, the languages a project publishes and the templates each regime needs."""

import re
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, REFERENCE, ROOT
from datamap.inventory.validate import check_inventory
from datamap.regimes import REGIMES
from datamap.regimes.checks import missing_templates

REAL = FIXTURES / "cloud_pve"


def test_every_regime_ships_its_templates_and_data():
    inventory, _ = check_inventory(FIXTURES / "gdpr_full")
    for key, regime in REGIMES.items():
        assert regime.key == key and regime.skeleton.is_dir()
        for lang in regime.languages:
            inventory.policy.regimes = [key]
            assert missing_templates(inventory, lang, None) == {}, (key, lang)
    for path in ("pipa/data/adequacy.yaml", "gdpr/data/eea.yaml", "gdpr/data/adequacy.yaml", "uk_gdpr/data/adequacy.yaml"):
        text = (ROOT / "datamap" / "regimes" / path).read_text()
        assert "Source" in text, path  # every dated data file names where it comes from


def test_eea_and_adequacy_data():
    from datamap.regimes.gdpr import countries

    assert len(countries.eea() - {"EU"}) == 30 and {"NO", "IS", "LI", "DE", "FR"} <= countries.eea()
    assert "GB" not in countries.eea() and "CH" not in countries.eea()
    assert countries.adequacy("gdpr")["JP"].reference == "Commission Implementing Decision (EU) 2019/419"
    assert countries.adequacy("gdpr")["KR"].decided.isoformat() == "2021-12-17"
    assert "US" not in countries.adequacy("gdpr") and ("dpf", "US") in countries.frameworks("gdpr")
    assert "DE" in countries.adequacy("uk_gdpr") and countries.adequacy("uk_gdpr")["KR"].decided.isoformat() == "2022-12-19"


def test_pipa_is_the_default_and_its_projects_stay_valid():
    for inventory_dir in (REFERENCE, FIXTURES / "full", FIXTURES / "minimal"):
        inventory, findings = check_inventory(inventory_dir)
        assert inventory.policy.regimes == ["pipa"] and inventory.policy.languages == ["en", "ko"]
        assert not [f for f in findings if f.code.startswith("E")]


def test_pipa_still_requires_destruction(minimal, run):
    text = (minimal / "inventory.yaml").read_text()
    start = text.index("destruction:")
    (minimal / "inventory.yaml").write_text(text[:start] + text[text.index("items:"):])
    result = run("validate", minimal)
    assert "E202 missing required section 'destruction'" in result.out and result.code == 1


def test_a_pipa_policy_with_a_gdpr_section(run):
    combined = run("render", "policy", FIXTURES / "pipa_gdpr").out
    alone = run("render", "policy", FIXTURES / "full").out
    start = combined.index("## Information for people in the EU/EEA")
    end = combined.index("## Addendum")
    assert start < end
    # the PIPA policy is the same policy, with the section inserted before its addendum
    assert combined[:start] + combined[end:] == alone
    section = combined[start:end]
    assert re.findall(r"^### (.*)$", section, flags=re.MULTILINE) == [
        "Who is responsible for your data", "Why we use your data and on what legal basis", "Who receives your data",
        "Transfers outside the EEA", "How long we keep your data", "Your rights", "Automated decisions", "Children",
        "Cookies and similar technologies",
    ]
    assert "Our representative in the European Union: Hanbit Europe Representative B.V." in section
    assert "Our legitimate interest: keeping stolen cards away from our payments" in section
    assert "Our lead supervisory authority is Autoriteit Persoonsgegevens" in section
    transfers = section[section.index("### Transfers"):section.index("### How long")]
    # the Korean controller's own country is home: only Amplitude (US) and the Japanese partner are transfers
    assert "Amplitude" in transfers and "Sakura Wellness K.K." in transfers and "Stibee" not in transfers
    assert "an adequacy decision (Commission Implementing Decision (EU) 2019/419, January 23, 2019)" in transfers
    for word in ("entrust", "domestic agent"):
        assert word not in section
    assert not re.search(r"^#+ Article", section, flags=re.MULTILINE)


def test_pipa_rules_still_apply_with_a_gdpr_section(run):
    codes = set(re.findall(r": ([EW]\d{3}) ", run("check", FIXTURES / "pipa_gdpr", "--no-stale").out))
    assert "W506" in codes and "W803" in codes and "W806" in codes


def _project(tmp_path, source, replace=()):
    inv = tmp_path / "inv"
    shutil.copytree(source, inv)
    for name, old, new in replace:
        path = inv / name
        assert old in path.read_text()
        path.write_text(path.read_text().replace(old, new))
    return inv


def test_unknown_regime_and_language(tmp_path, run):
    inv = _project(tmp_path, REAL, [("inventory.yaml", "regimes: [gdpr]", "regimes: [gdpr, lgpd]"),
                                    ("inventory.yaml", "languages: [en]", "languages: [en, english]")])
    out = run("validate", inv).out
    assert "unknown regime 'lgpd': use one of pipa, gdpr, uk_gdpr, ccpa" in out
    assert "'english' is not a language code such as en, de or ko" in out


def test_a_language_without_templates_is_one_error_naming_them(tmp_path, run):
    inv = _project(tmp_path, REAL, [("inventory.yaml", "languages: [en]", "languages: [en, de]"),
                                    ("inventory.yaml", "  short_name: LenoIT", "  short_name: {en: LenoIT, de: LenoIT}")])
    result = run("check", inv, "--no-stale")
    errors = [line for line in result.out.splitlines() if " E8" in line]
    assert len(errors) == 1
    assert ("E801 no 'de' templates for EU GDPR: add templates/gdpr/de/policy.md.j2, templates/gdpr/de/section.md.j2, "
            "templates/gdpr/de/words.j2, templates/gdpr/de/policy/controller.md.j2 and 15 more to the project's templates") in errors[0]
    assert run("render", "policy", inv, "--lang", "de").code == 1
    # a project provides them as overrides: here, the English ones under the German name
    shutil.copytree(ROOT / "templates" / "gdpr" / "en", tmp_path / "templates" / "gdpr" / "de")
    assert not [line for line in run("check", inv, "--no-stale").out.splitlines() if " E8" in line]
    rendered = run("render", "policy", inv, "--lang", "de")
    # the templates are found now; the inventory's prose is English, so a German document asks for German prose
    assert " E8" not in rendered.err and " E401 " in rendered.err and "is prose, and a plain string is text in one language" in rendered.err


def test_documents_only_in_the_languages_published(tmp_path, run):
    result = run("render", "policy", REAL, "--lang", "ko")
    assert result.code == 1
    assert "E803 'ko' is not one of the languages the project publishes (policy.languages: en)" in result.err


def test_text_in_any_language(tmp_path, run):
    inv = _project(tmp_path, REAL, [("inventory.yaml", "{id: name, label: Name}", "{id: name, label: {en: Name, de: Name, pt-BR: Nome}}")])
    result = run("validate", inv)
    assert result.code == 0 and " E" not in result.out
    bad = _project(tmp_path / "bad", REAL, [("inventory.yaml", "{id: name, label: Name}", "{id: name, label: {EN_x: Name}}")])
    assert "'EN_x' is not a language code" in run("validate", bad).out


def test_site_and_downloads_only_in_the_published_languages(tmp_path, run, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run("init", "acme", "--regime", "gdpr", "--effective", "2026-01-01").code == 0
    site = tmp_path / "acme" / "site"
    assert sorted(p.name for p in site.iterdir()) == ["assets", "en", "index.md"]
    processors = (site / "en" / "processors.md").read_text()
    assert "entrust" not in processors.lower() and "# Processors" in processors
    downloads = (site / "en" / "downloads.md").read_text()
    assert "Notice at collection" in downloads and ".ko." not in downloads


def test_schema_lists_the_regimes(run):
    import json

    schema = json.loads(run("schema").out)
    assert schema["$defs"]["Policy"]["properties"]["regimes"]["items"]["enum"] == list(REGIMES)


def test_diff_summary_in_the_terms_of_the_first_regime(tmp_path, run):
    new = _project(tmp_path, FIXTURES / "gdpr_full", [
        ("flows.yaml", "    operator: helpdesk\n", "    operator: zendesk\n"),
        ("flows.yaml", "third_parties:", "  - {id: zendesk, name: Zendesk Inc., country: US, tasks: [support tickets], safeguards: [{mechanism: dpf}]}\n\nthird_parties:"),
    ])
    result = run("diff", FIXTURES / "gdpr_full", new, "--summary-only")
    assert result.code == 1  # the notice changes
    assert "- Who receives your data: new processor: Zendesk Inc. (United States) receiving Email address" in result.out
    assert "Article" not in result.out and "entrustee" not in result.out


def test_pipa_templates_live_in_their_regime_folder():
    assert REGIMES["pipa"].template("ko", "policy.md.j2") == "pipa/ko/policy.md.j2"
    for lang in ("en", "ko"):
        assert (ROOT / "templates" / "pipa" / lang / "policy" / "officer.md.j2").is_file()
        assert not (ROOT / "templates" / lang / "policy").exists() and not (ROOT / "templates" / lang / "policy.md.j2").exists()
        # what every regime shares stays under templates/<lang>/: the page layout and the site's wording
        assert (ROOT / "templates" / lang / "document.html.j2").is_file() and (ROOT / "templates" / lang / "site" / "words.j2").is_file()


def test_template_names():
    from datamap.regimes import template_names

    assert template_names("pipa/en/policy/officer.md.j2") == ("pipa/en/policy/officer.md.j2", "en/policy/officer.md.j2")
    assert template_names("ko/notices/consent.md.j2") == ("ko/notices/consent.md.j2", "pipa/ko/notices/consent.md.j2")
    for own in ("gdpr/en/policy.md.j2", "ccpa/en/words.j2", "site/item.md.j2", "document.css"):
        assert template_names(own) == (own,)


@pytest.mark.parametrize("folder", ["en", "pipa/en"])
def test_a_project_overrides_pipa_templates_under_either_name(run, minimal, folder):
    """A project's templates/en/... (the documented path before regimes) and templates/pipa/en/... both win
    over the shipped templates/pipa/en/...: the article, the document around it, the notices, the list."""
    templates = minimal.parent / "templates" / folder
    (templates / "policy").mkdir(parents=True)
    (templates / "notices").mkdir()
    (templates / "policy" / "officer.md.j2").write_text("## Article {{ n }} Whom to ask\n\nOVERRIDDEN-ARTICLE\n")
    policy = run("render", "policy", "inv")
    assert policy.code == 0 and "OVERRIDDEN-ARTICLE" in policy.out and "Privacy officer:" not in policy.out
    shipped = (ROOT / "templates" / "pipa" / "en" / "policy.md.j2").read_text()
    (templates / "policy.md.j2").write_text("OVERRIDDEN-DOCUMENT\n" + shipped)
    (templates / "notices" / "consent.md.j2").write_text("# OVERRIDDEN-NOTICE {{ point.id }}\n")
    (templates / "processors.md.j2").write_text("OVERRIDDEN-LIST {{ rows|length }}\n")
    policy = run("render", "policy", "inv")
    assert policy.out.startswith("OVERRIDDEN-DOCUMENT") and "OVERRIDDEN-ARTICLE" in policy.out
    assert run("render", "processors", "inv").out == "OVERRIDDEN-LIST 0\n"  # the minimal inventory entrusts nothing
    assert run("render", "notices", "inv", "--format", "html", "-o", "out").code == 0
    notices = sorted((minimal.parent / "out").glob("consent-*.en.html"))
    assert notices and all("OVERRIDDEN-NOTICE" in page.read_text() for page in notices)
    # the Korean documents are untouched: the override is English only
    assert "OVERRIDDEN" not in run("render", "policy", "inv", "--lang", "ko").out


def test_a_project_override_that_includes_by_the_old_names(run, minimal):
    """A policy.md.j2 copied before the move includes its articles as "en/policy/<key>.md.j2": still found."""
    templates = minimal.parent / "templates" / "en"
    templates.mkdir(parents=True)
    old = (ROOT / "templates" / "pipa" / "en" / "policy.md.j2").read_text().replace('"pipa/en/', '"en/')
    assert '"en/policy/' in old
    (templates / "policy.md.j2").write_text("OLD-NAMES\n" + old)
    (minimal.parent / "none").mkdir()
    shipped = run("render", "policy", "inv", "--templates", minimal.parent / "none")
    assert shipped.code == 0 and run("render", "policy", "inv").out == "OLD-NAMES" + shipped.out


def test_a_project_adds_a_pipa_language_under_either_name(tmp_path, minimal):
    inventory, _ = check_inventory(minimal)
    assert missing_templates(inventory, "ja", None) == {"PIPA": ["pipa/ja/policy.md.j2", "pipa/ja/section.md.j2"]}
    for folder in ("ja", "pipa/ja"):
        templates = tmp_path / folder.replace("/", "-") / "templates"
        (templates / folder).mkdir(parents=True)
        (templates / folder / "policy.md.j2").write_text("x\n")
        (templates / folder / "section.md.j2").write_text("x\n")
        assert missing_templates(inventory, "ja", templates) == {}
