"""`datamap init --regime`: an example of that regime and nothing of another."""

import re

import pytest


@pytest.mark.parametrize("regime, country, authority", [("gdpr", "DE", True), ("uk_gdpr", "GB", False)])
def test_gdpr_family_scaffold_has_nothing_of_pipa(run, tmp_path, monkeypatch, regime, country, authority):
    monkeypatch.chdir(tmp_path)
    result = run("init", "acme", "--regime", regime, "--name", "Acme GmbH", "--effective", "2026-02-01")
    assert result.code == 0, result.err
    inventory = tmp_path / "acme" / "inventory"
    assert sorted(p.name for p in inventory.iterdir()) == ["data.yaml", "organization.yaml"]
    text = "".join(p.read_text() for p in inventory.iterdir())
    for pipa in ("remedies", "KISA", "Dispute Mediation", "domestic_agent", "destruction", "pipa", "ko:"):
        assert pipa not in text, pipa
    assert f"country: {country}" in text and f"regimes: [{regime}]" in text
    check = run("check", "acme/inventory")
    assert check.code == 0
    # what is left to fill in is said, with its article: the lead supervisory authority (EU only)
    assert re.findall(r": (W\d{3}) ", check.out) == (["W805"] if authority else [])
    policy = run("render", "policy", "acme/inventory").out
    assert "# Privacy Notice" in policy and "**Acme GmbH** · Version 0.1 · Effective February 1, 2026" in policy
    assert "Article" not in "".join(re.findall(r"^#.*$", policy, flags=re.MULTILINE))


def test_pipa_scaffold_is_unchanged(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run("init", "acme", "--effective", "2026-02-01").code == 0
    inventory = tmp_path / "acme" / "inventory"
    assert sorted(p.name for p in inventory.iterdir()) == ["data.yaml", "organization.yaml", "safeguards.yaml"]
    assert "country: KR" in (inventory / "organization.yaml").read_text()


def test_country_is_checked(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("init", "acme", "--regime", "gdpr", "--country", "Germany")
    assert result.code == 2 and "--country: 'Germany' is not an ISO 3166-1 two-letter country code" in result.err


@pytest.mark.parametrize("regime, template_dirs", [("pipa", ("en",)), ("gdpr", ("gdpr/en", "en")), ("ccpa", ("en",))])
def test_hand_written_pages_name_the_pages_in_the_regimes_words(run, tmp_path, monkeypatch, regime, template_dirs):
    """The index pages init writes link to the generated pages by the titles those pages have: a GDPR notice, PIPA's entrustees."""
    from site_nav import site_words

    monkeypatch.chdir(tmp_path)
    assert run("init", "acme", "--regime", regime, "--effective", "2026-02-01").code == 0
    site = tmp_path / "acme" / "site"
    words = site_words(*template_dirs)
    index = (site / "en/index.md").read_text()
    for page, key in (("policy.md", "policy"), ("policy/history.md", "history"), ("processors.md", "processors"), ("storage.md", "storage")):
        assert f"[{words[key]}]({page})" in index
    assert f"[{words['policy']}](en/policy.md)" in (site / "index.md").read_text()
    assert "${" not in index + (site / "index.md").read_text()
    if regime == "gdpr":
        assert "entrust" not in index and "Privacy notice" in index
    if regime == "pipa":
        korean = site_words("ko")
        assert f"[{korean['processors']}](processors.md): {korean['processors_intro']}" in (site / "ko/index.md").read_text()
