"""Completeness under the GDPR family: each rule, with the article it serves; `check --strict` fails on them."""

import re
import shutil

import pytest

from conftest import FIXTURES

FULL = FIXTURES / "gdpr_full"


@pytest.fixture
def inv(tmp_path):
    """A copy of the complete GDPR inventory, which check passes clean."""
    shutil.copytree(FULL, tmp_path / "inv")
    return tmp_path / "inv"


def edit(inv, name, old, new):
    path = inv / name
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def codes(result) -> list[str]:
    return re.findall(r": ([EW]\d{3}) ", result.out)


def test_the_complete_inventory_is_clean(run, inv):
    result = run("check", inv, "--no-stale", "--strict")
    assert result.code == 0, result.out


@pytest.mark.parametrize("name, old, new, code, message", [
    ("data.yaml", "    legal_basis: {gdpr: 6(1)(c)}\n", "", "W801",
     "purpose 'billing' has no legal basis under GDPR Art 6(1): add 'legal_basis: {gdpr: 6(1)(b)}' (or a, c, d, e, f) (Art 13(1)(c))"),
    ("data.yaml", "    legitimate_interest: keeping stolen cards off our service\n", "", "W802",
     "purpose 'security' relies on legitimate interests (Art 6(1)(f)) but states none: add 'legitimate_interest' (Art 13(1)(d))"),
    ("flows.yaml", "    safeguards:\n      - {mechanism: bcr, copy_from: \"https://postmarkapp.com/eu-privacy\"}\n", "", "W803",
     "'postmark' receives data in US, outside the EEA, with no safeguard"),
    ("data.yaml", "    requirement: statutory\n", "", "W806",
     "purpose 'billing' does not say whether providing the data is a statutory or contractual requirement"),
    ("flows.yaml", "      - {mechanism: dpf}", "      - {mechanism: adequacy}", "W807", "'stripe' relies on an adequacy decision for US, but GDPR has none for it (Art 45)"),
    ("flows.yaml", "      - {mechanism: derogation, derogation: contract}", "      - {mechanism: derogation}", "W808",
     "'helpdesk' relies on a derogation but does not say which: add 'derogation' (Art 49(1))"),
    ("data.yaml", "purpose: counting visits, duration: P2Y, consent_category: statistics,", "purpose: counting visits, duration: P2Y,", "W810",
     "web storage 'ga' has no 'consent_category'"),
])
def test_each_rule(run, inv, name, old, new, code, message):
    edit(inv, name, old, new)
    result = run("check", inv, "--no-stale")
    assert set(codes(result)) == {code}, result.out  # once per regime where both the EU and the UK rule apply
    assert message in result.out
    assert result.code == 0
    assert run("check", inv, "--no-stale", "--strict").code == 1


def _drop(inv, name, block):
    edit(inv, name, block, "")


def test_dpo_required_with_no_dpo(run, inv):
    _drop(inv, "organization.yaml", "  dpo:\n    name: Dr. Anna Weber\n    title: Data protection officer\n    email: dpo@wolkenwerk.example\n    phone: \"+49 30 1234500\"\n")
    result = run("check", inv, "--no-stale")
    assert codes(result) == ["W804"]
    assert "a data protection officer is required ('dpo_required: true') but 'organization.dpo' gives no contact (Art 13(1)(b), 37(7))" in result.out


def test_no_supervisory_authority(run, inv):
    _drop(inv, "organization.yaml", "  supervisory_authority:\n    name: Berliner Beauftragte für Datenschutz und Informationsfreiheit\n"
          "    address: Alt-Moabit 59-61, 10555 Berlin\n    website: https://www.datenschutz-berlin.de\n"
          "    email: mailbox@datenschutz-berlin.de\n    phone: \"+49 30 13889-0\"\n")
    result = run("check", inv, "--no-stale")
    assert codes(result) == ["W805"]
    assert "(Art 13(2)(d), 77)" in result.out


def test_automated_decisions_neither_listed_nor_denied(run, inv):
    text = (inv / "organization.yaml").read_text()
    (inv / "organization.yaml").write_text(text[: text.index("automated_decisions:")])
    result = run("check", inv, "--no-stale")
    assert codes(result) == ["W809"]
    assert "(Art 13(2)(f))" in result.out


def test_representatives_outside_the_eea_and_the_uk(run, inv):
    edit(inv, "organization.yaml", "  country: DE\n", "  country: CH\n")
    _drop(inv, "organization.yaml", "  uk_representative:\n    name: Wolkenwerk UK Representative Ltd\n"
          "    address: 1 King Street, London EC2V 8AU, United Kingdom\n    email: uk-rep@wolkenwerk.example\n")
    result = run("check", inv, "--no-stale")
    assert "W811" in codes(result) and "W812" in codes(result)
    assert "based in CH, outside the EEA: name its representative in the Union under 'eu_representative' (Art 27, 13(1)(a))" in result.out


def test_uk_transfers_are_checked_for_the_uk(run, inv):
    """AWS's UK addendum covers transfers from the UK; without it, the UK rule fires, not the EU one."""
    edit(inv, "flows.yaml", "      - {mechanism: uk_addendum, regime: uk_gdpr, copy_from: \"on request to privacy@wolkenwerk.example\"}\n", "")
    result = run("check", inv, "--no-stale")
    assert codes(result) == ["W803"]
    assert "'aws' receives data in US, outside the UK, with no safeguard" in result.out


def test_pipa_rules_do_not_apply_to_a_gdpr_project(run, inv):
    """No domestic agent, no Korean remedies, no transfer details in PIPA's terms are asked of a Berlin company."""
    result = run("check", inv, "--no-stale")
    assert not {"W501", "W503", "W504", "E302", "W305"} & set(codes(result))
