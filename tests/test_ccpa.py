"""The CCPA regime: a real US notice encoded as a fixture (tests/fixtures/sweepstakes_advisor, from Sweepstakes
Advisor's privacy notice), the California section beside the GDPR notice (gdpr_full + ccpa_addition), its
notices as HTML and PDF, its completeness findings and the diff's words for its facts."""

import io
import re
import shutil
from contextlib import redirect_stdout

import pytest

import pdfread
from conftest import FIXTURES
from datamap.cli import main

REAL = FIXTURES / "sweepstakes_advisor"


def _render(*argv) -> str:
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["render", *argv]) == 0
    return out.getvalue()


def flat(text: str) -> str:
    return " ".join(text.replace("\\", "").split())


@pytest.fixture
def combined(tmp_path):
    """gdpr_full with policy.regimes [gdpr, ccpa] and the California additions."""
    target = tmp_path / "inventory"
    shutil.copytree(FIXTURES / "gdpr_full", target)
    shutil.copy(FIXTURES / "ccpa_addition" / "ccpa.yaml", target / "ccpa.yaml")
    org = target / "organization.yaml"
    org.write_text(org.read_text().replace("regimes: [gdpr, uk_gdpr]", "regimes: [gdpr, ccpa]"))
    return target


def test_the_real_notice_comes_out_with_every_fact_and_nothing_else():
    text = flat(_render("policy", str(REAL)))
    assert "# Privacy Notice for Our Consumers, Including California Residents" in text
    assert "**Sweepstakes Advisor** · Version 1.0 · Last updated January 1, 2025" in text
    assert "**A. Identifiers**: Name and Address" in text
    assert "**D. Commercial information**: Purchase history" in text
    assert "Sources: Directly from you, for example from order forms or from your online or off-line CCPA requests; From third parties, " \
           "for example from mailing lists or third parties that interact with us in connection with the services we perform" in text
    assert text.count("Business or commercial purposes: To fulfill or meet the reason you provided the information") == 2
    # the categories it does not name, in the statute's order
    for letter in "BCEFGHIJK":
        assert f"**{letter}." not in text
    # what the notice does not say, the policy does not say either
    for absent in ("sold", "have not shared", "Global Privacy Control", "16 years", "Retention:", "Financial incentives",
                   "disclosed for a business purpose", "How to exercise", "Sensitive personal information ("):
        assert absent not in text, absent
    # the rights are the statute's fixed text
    for right in ("to know", "to delete", "to correct", "to opt out of the sale or sharing", "to limit the use", "discriminatory treatment"):
        assert right in text


def test_the_real_notice_gaps_are_the_findings(run):
    result = run("check", str(REAL))
    codes = set(re.findall(r" ([EW]\d{3}) ", result.out + result.err))
    assert {"W853", "W856", "W857", "W858"} <= codes
    assert not any(c.startswith("E") for c in codes)
    assert "W850" not in codes and "W851" not in codes  # every item has a category; no third party


def test_gdpr_notice_with_a_california_section(combined):
    text = _render("policy", str(combined))
    assert text.startswith("# ")
    gdpr_part, _, california = text.partition("## Your California privacy rights")
    assert california, "no California section"
    assert "Art" in gdpr_part or "GDPR" in gdpr_part
    assert "## Changes to this notice" in california  # the closing section stays last
    body = flat(california.split("## Changes to this notice")[0])
    assert "### Personal information we collect" in california
    assert "**B. Personal information categories listed in the California Customer Records statute" in body
    assert "Retention: ten years from the transaction, as commercial law requires" in body
    assert "Sensitive personal information (information concerning health): Accessibility needs" in body
    assert "We have not sold personal information in the last 12 months." in body
    assert "With Example Ad Network Inc. (third party): Identifiers; Internet or other electronic network activity information, " \
           "for cross-context behavioral advertising of our app, through _adn" in body
    assert "“Do Not Sell or Share My Personal Information” at https://wolkenwerk.example/do-not-sell-or-share" in body
    assert "Global Privacy Control" in body and "less than 16 years of age" in body
    assert "To Stripe, Inc. (service provider): Identifiers;" in body
    assert "**Referral credit**: a month of the app free for each colleague you refer" in body
    assert "Toll-free number: 1-800-555-0199" in body and "Online form: https://wolkenwerk.example/privacy/requests" in body
    assert "You may limit that use at https://wolkenwerk.example/limit-sensitive" in body


def test_pipa_document_with_a_california_section(tmp_path):
    target = tmp_path / "inventory"
    shutil.copytree(FIXTURES / "minimal", target)
    inv = target / "inventory.yaml"
    inv.write_text(re.sub(r"regimes: \[pipa\]", "regimes: [pipa, ccpa]", inv.read_text()) if "regimes:" in inv.read_text()
                   else inv.read_text().replace("policy:\n", "policy:\n  regimes: [pipa, ccpa]\n", 1))
    (target / "ccpa.yaml").write_text("ccpa:\n  categories:\n    - {category: identifiers, items: [email]}\n  no_sale: true\n  no_sharing: true\n")
    text = _render("policy", str(target), "--lang", "en")
    assert "## Your California privacy rights" in text
    assert "**A. Identifiers**" in text and "We have not sold personal information in the last 12 months." in text


def test_notices_as_html_and_pdf(combined, tmp_path):
    out = tmp_path / "notices"
    assert main(["render", "notices", str(combined), "-o", str(out)]) == 0
    names = sorted(p.name for p in out.iterdir())
    for name in ("ccpa-collection-signup", "ccpa-collection-checkout", "ccpa-do-not-sell", "ccpa-limit"):
        assert f"{name}.en.html" in names and f"{name}.en.pdf" in names
    assert "ccpa-collection-app_usage.en.html" not in names  # automatic collection: the policy informs
    collection = flat(pdfread.text(out / "ccpa-collection-signup.en.pdf"))
    assert "Notice at collection: sign-up" in collection
    assert "Identifiers" in collection and "Characteristics of protected classifications" in collection
    assert "sensitive: information concerning health" in collection
    assert "We sell or share Identifiers" in collection
    do_not_sell = flat(pdfread.text(out / "ccpa-do-not-sell.en.pdf"))
    assert "Do Not Sell or Share My Personal Information" in do_not_sell
    assert "Identifiers; Internet or other electronic network activity information, with Example Ad Network Inc." in do_not_sell
    assert "Toll-free number: 1-800-555-0199" in do_not_sell
    limit = flat(pdfread.text(out / "ccpa-limit.en.pdf"))
    assert "Limit the Use of My Sensitive Personal Information" in limit and "Payment card details" in limit


def test_no_sale_notice_without_sale_or_sharing(tmp_path):
    out = tmp_path / "notices"
    assert main(["render", "notices", str(REAL), "-o", str(out), "--format", "html"]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == ["collection-ccpa_requests.en.html", "collection-order_forms.en.html"]


def test_completeness_findings(combined, run):
    (combined / "more.yaml").write_text("""
items:
  - {id: device_id, label: Device ID}
third_parties:
  - {id: broker, name: Data Broker LLC, country: US, purpose: resale, items: [email], retention: unknown, legal_ground: consent}
web_storage:
  - {id: fbpixel, kind: cookie, name: _fbp, party: third, provider: Meta, purpose: ads, consent_category: marketing}
""")
    ccpa = combined / "ccpa.yaml"
    ccpa.write_text(ccpa.read_text().replace('  opt_out_link: "https://wolkenwerk.example/do-not-sell-or-share"\n', "")
                    .replace("    - {channel: toll_free, address: \"1-800-555-0199\"}\n", ""))
    result = run("check", str(combined))
    out = result.out + result.err
    assert re.search(r"W850 item 'device_id' has no CCPA category", out)
    assert re.search(r"W851 third party 'broker' has no answer", out)
    assert re.search(r"W852 the business shares personal information for advertising but gives no 'ccpa.opt_out_link'", out)
    assert re.search(r"W854 third-party marketing cookie or SDK 'fbpixel'", out)
    assert "W856" in out
    assert "W853" not in out


def test_references_and_contradictions_are_errors(combined, run):
    ccpa = combined / "ccpa.yaml"
    ccpa.write_text(ccpa.read_text().replace("items: [email, name]}", "items: [email, nmae]}")
                    .replace("sold: [], shared: [identifiers, network_activity]", "sold: [identifiers], shared: [identifiers, network_activity]"))
    result = run("check", str(combined))
    assert result.code != 0
    out = result.out + result.err
    assert re.search(r"ccpa\.yaml:\d+:\d+: E850 unknown item 'nmae'", out)
    assert re.search(r"E851 'no_sale' is declared but 'adnet' is sold identifiers", out)


def test_the_ccpa_skeleton_passes_check(tmp_path, run):
    assert main(["init", str(tmp_path / "p"), "--regime", "ccpa"]) == 0
    result = run("check", str(tmp_path / "p" / "inventory"), "--strict")
    assert result.code == 0, result.out + result.err


def test_diff_names_changes_of_the_california_facts(combined, tmp_path, run):
    old = tmp_path / "old"
    shutil.copytree(combined, old)
    ccpa = old / "ccpa.yaml"
    ccpa.write_text(ccpa.read_text().replace("sold: [], shared: [identifiers, network_activity]", "sold: [], shared: [network_activity]")
                    .replace("    - {kind: health, items: [health_note]}\n", "")
                    .replace("    - {category: network_activity, items: [usage]}\n", "")
                    .replace("  opt_out_preference_signals: true\n", "  opt_out_preference_signals: false\n"))
    result = run("diff", str(old), str(combined), "--summary-only")
    lines = [line for line in result.out.splitlines() if line.startswith("- ")]
    assert "- Your California privacy rights: now shares Identifiers with Example Ad Network Inc. for cross-context behavioural advertising" in lines
    assert "- Your California privacy rights: now collects Internet or other electronic network activity information: Usage events" in lines
    assert "- Your California privacy rights: Accessibility needs now counted as sensitive personal information (health)" in lines
    assert any("Global Privacy Control" in line and "from no to yes" in line for line in lines)
    back = run("diff", str(combined), str(old), "--summary-only")
    assert "no longer shares Identifiers with Example Ad Network Inc." in back.out


MARKED = """
ccpa:
  categories:
    - {category: identifiers, items: [email, name], sources: [Mk01], purposes: [service], retention: Mk02}
    - {category: network_activity, items: [usage]}
  sensitive:
    - {kind: health, items: [health_note]}
  recipients:
    - {recipient: adnet, role: third_party, disclosed: [identifiers], sold: [identifiers], shared: [network_activity],
       sale_purpose: Mk03, web_storage: [adpixel]}
  no_sale: false
  no_sharing: false
  minors_under_16: true
  sensitive_beyond_limits: true
  financial_incentives:
    - {name: Mk04, terms: Mk05, categories: [identifiers], value: Mk06, how_to_opt_in: Mk07, how_to_withdraw: Mk08}
  request_methods:
    - {channel: toll_free, address: Mk09}
    - {channel: mail, address: Mk10}
  online_only: true
  verification: Mk11
  authorized_agents: Mk12
  opt_out_preference_signals: true
  opt_out_link: Mk13
  limit_link: Mk14
"""


def _leaves(model, prefix=""):
    """Every field of the ccpa section's models, as dotted paths."""
    import typing

    from pydantic import BaseModel

    out = []
    for name, info in model.model_fields.items():
        nested = [a for a in [info.annotation, *[x for arg in typing.get_args(info.annotation) for x in (arg, *typing.get_args(arg))]]
                  if isinstance(a, type) and issubclass(a, BaseModel)]
        out += _leaves(nested[0], f"{prefix}{name}.") if nested else [prefix + name]
    return out


def test_every_ccpa_field_prints(combined, tmp_path):
    """Each field of the section, set, changes what the documents say: its marker, or its statement."""
    import yaml

    from datamap.inventory.ccpa_parts import Ccpa

    ccpa = combined / "ccpa.yaml"
    data = yaml.safe_load(ccpa.read_text())
    data["ccpa"] = yaml.safe_load(MARKED)["ccpa"]
    ccpa.write_text(yaml.safe_dump(data, sort_keys=False))
    declared = {path.replace(".", " ") for path in _leaves(Ccpa)}
    written = set()

    def walk(value, prefix):
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, f"{prefix}{k} ")
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            walk(value[0], prefix)
        else:
            written.add(prefix.strip())

    walk(data["ccpa"], "")
    assert declared == written, "MARKED must set every field of the ccpa section"
    text = _render("policy", str(combined))
    out = tmp_path / "notices"
    assert main(["render", "notices", str(combined), "-o", str(out), "--format", "html"]) == 0
    everything = flat(text + "".join(p.read_text() for p in out.iterdir()))
    for n in range(1, 15):
        assert f"Mk{n:02d}" in everything, f"Mk{n:02d}"
    for statement in ("(third party)", "sold the following categories", "shared the following categories", "through _adn",
                      "disclosed the following categories", "under 16 years of age", "information concerning health",
                      "beyond those permitted by 11 CCR § 7027(m)", "exclusively online", "Global Privacy Control", "Toll-free number: Mk09",
                      "Mail: Mk10", "**A. Identifiers**", "**F. Internet or other electronic network activity information**"):
        assert statement in everything, statement
