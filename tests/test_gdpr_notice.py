"""The GDPR notice (Art 13 and 14) from the inventory: a real public notice encoded as a fixture
(tests/fixtures/cloud_pve, from Cloud-PVE's privacy policy) and a complete GDPR and UK GDPR inventory
(tests/fixtures/gdpr_full), as Markdown, HTML and PDF."""

import re
import shutil

import pytest
import yaml

import pdfread
from conftest import FIXTURES
from datamap.cli import main

REAL = FIXTURES / "cloud_pve"
FULL = FIXTURES / "gdpr_full"
#: words a GDPR document never uses: PIPA's vocabulary, Korean bodies, Korean remedies
PIPA_WORDS = ("entrust", "PIPA", "Personal Information Protection", "domestic agent", "destruction", "(Advertising)",
              "KISA", "PIPC", "Dispute Mediation", "[Required]", "legal representative", "overseas")
HANGUL = re.compile(r"[\uac00-\ud7a3]")


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    return _policy(REAL)


@pytest.fixture(scope="module")
def full(tmp_path_factory):
    return _policy(FULL)


def _policy(inventory) -> str:
    import io
    from contextlib import redirect_stdout

    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["render", "policy", str(inventory)]) == 0
    return out.getvalue()


def flat(text: str) -> str:
    return " ".join(text.replace("\\", "").split())


def assert_no_foreign_statement(text: str) -> None:
    for word in PIPA_WORDS:
        assert word.lower() not in text.lower(), word
    assert not HANGUL.search(text)
    assert not re.search(r"^#+ .*Article", text, flags=re.MULTILINE)  # plain headings


def test_the_real_notice_comes_out_with_every_fact(real):
    text = flat(real)
    source = yaml.safe_load((REAL / "inventory.yaml").read_text())
    # controller and contact
    assert "LenoIT SARL is the controller" in text and "Email: contact@cloud-pve.com" in text
    assert "when you use Cloud-PVE" in text
    # data categories, by how they are collected
    for point in source["collection_points"]:
        labels = [next(i["label"] for i in source["items"] if i["id"] == ref) for ref in point["items"]]
        assert f"{point['label']}: {', '.join(labels[:-1])} and {labels[-1]}" in text
    assert "We do not process special categories of personal data." in text
    # purposes, each with the basis the notice gives it and no other
    for purpose in source["purposes"]:
        assert f"**{purpose['title']}**" in text
    assert text.count("(Article 6(1)(b) GDPR)") == 2 and text.count("(Article 6(1)(f) GDPR)") == 1 and text.count("(Article 6(1)(c) GDPR)") == 1
    assert "Our legitimate interest: security monitoring, fraud prevention, and platform integrity" in text
    # recipients, and the one transfer: Stripe, Inc. in the United States; nothing between EU countries
    assert "| Stripe, Inc. | secure payment processing | | United States |" in text
    assert "| EU-based data center operators | hosting the Cloud-PVE platform | | the European Union |" in text
    transfers = text[text.index("## Transfers outside the EEA"):text.index("## How long")]
    assert "Stripe, Inc." in transfers and "European Union" not in transfers
    # retention
    assert "Account data (Name, Email address and Company name): 3 years from the end of the contract." in text
    assert "Server and access logs (IP addresses and Server logs): 12 months." in text
    assert "Billing and invoice records (Billing information): 10 years, as French accounting law requires." in text


def test_the_real_notice_makes_no_statement_it_does_not_make(real):
    assert_no_foreign_statement(real)
    text = flat(real)
    # what Cloud-PVE's notice does not say is not said: no DPO, no representative, no authority, no cookies,
    # no automated decisions, no consent (nothing rests on it), no children, no safeguard for Stripe
    for absent in ("data protection officer:", "representative", "supervisory authority", "Cookies", "Automated decisions",
                   "withdraw", "Children", "standard contractual clauses", "adequacy", "Data Privacy Framework"):
        assert absent not in text, absent
    headings = re.findall(r"^## (.*)$", real, flags=re.MULTILINE)
    assert headings == ["Who is responsible for your data", "What data we collect and where it comes from",
                        "Why we use your data and on what legal basis", "Who receives your data", "Transfers outside the EEA",
                        "How long we keep your data", "Your rights"]


def test_check_reports_what_the_real_notice_lacks(run):
    result = run("check", REAL, "--no-stale")
    codes = re.findall(r" ([EW]\d{3}) ", result.out)
    assert {"W801", "W803", "W805", "W806", "W809"} <= set(codes)
    assert codes.count("W801") == 3  # support, invoicing and service updates: the notice gives them no basis
    assert "'stripe' receives data in US, outside the EEA, with no safeguard" in result.out
    assert not any(code.startswith("E") for code in codes)
    assert run("check", REAL, "--no-stale", "--strict").code == 1


def test_complete_notice_states_every_declared_fact(full):
    text = flat(full)
    assert_no_foreign_statement(full)
    for fact in (
        "Wolkenwerk GmbH is the controller. We trade as Wolkenwerk. We are part of the group of Nordlicht Holding AG.",
        "Address: Torstraße 1, 10119 Berlin, Germany", "Phone: +49 30 1234567", "Website: https://wolkenwerk.example",
        "Complaints: Customer care, email care@wolkenwerk.example",
        "Our data protection officer: Dr. Anna Weber, Data protection officer, email dpo@wolkenwerk.example, phone +49 30 1234500.",
        "Our representative in the United Kingdom: Wolkenwerk UK Representative Ltd, 1 King Street, London EC2V 8AU",
        "It does not cover: - websites of our partners that our pages link to",
        "Company size and industry: from a business-data provider (Clearbit), which is not publicly accessible.",
        "Optional data, which you may choose not to give: Company name and Accessibility needs.",
        "Providing this data is a requirement of our contract with you. If you do not provide it: we cannot open an account for you.",
        "Providing this data is necessary to enter into a contract with us. If you do not provide it: we cannot accept your subscription.",
        "Providing this data is required by law.", "You are not obliged to provide this data.",
        "Our legitimate interest: keeping stolen cards off our service",
        "for special categories of data, your explicit consent (Article 9(2)(a))",
        "Amazon Web Services EMEA SARL uses: Amazon Web Services, Inc. (United States), backup storage.",
        "| Finanzamt Berlin | tax audits | Payment card details | Germany | as the tax laws require |",
        "the standard contractual clauses adopted by the European Commission. A copy: https://aws.amazon.com/compliance/gdpr-center/",
        "EU-US Data Privacy Framework (Commission Implementing Decision (EU) 2023/1795",
        "UK Extension to the EU-US Data Privacy Framework", "binding corporate rules. A copy: https://postmarkapp.com/eu-privacy",
        "the International Data Transfer Addendum", "a derogation for specific situations: the transfer being necessary for the performance of a contract with you",
        "until you close your account. How the period is set: we delete the account 30 days after you close it, unless you reopen it.",
        "10 years from the transaction, as the German Commercial Code (section 257) requires.",
        "14 months; the longest period the analytics reports cover.",
        "You may object at any time to the use of your data for direct marketing (Newsletter about new features)",
        "Withdrawing consent does not affect the lawfulness of processing based on consent before its withdrawal.",
        "Access, data portability and erasure: in the app, under Settings → Privacy",
        "Our lead supervisory authority is Berliner Beauftragte für Datenschutz und Informationsfreiheit, Alt-Moabit 59-61, 10555 Berlin",
        "complaint with the Information Commissioner's Office",
        "What it means for you: a subscription with a high score is not activated",
        "from the age of 16", "| ww_session | Cookie | Strictly necessary | Wolkenwerk GmbH | keeping you signed in | until the browser session ends |",
        "| _ga | Cookie, third party | Statistics | Google Ireland Limited | counting visits | 2 years |",
        "data encrypted in transit and at rest", "Version 1.0, effective May 1, 2025: first version",
    ):
        assert fact in text, fact
    # no transfer between EEA countries: Mixpanel (Netherlands) and the German tax office are no transfers
    transfers = text[text.index("## Transfers outside"):text.index("## How long")]
    assert "Mixpanel" not in transfers and "Finanzamt" not in transfers and "Germany" not in transfers
    assert "India" in transfers


def test_no_automated_decisions_is_a_statement(tmp_path, run):
    shutil.copytree(REAL, tmp_path / "inv")
    path = tmp_path / "inv" / "inventory.yaml"
    path.write_text(path.read_text().replace("  no_special_categories: true", "  no_special_categories: true\n  no_automated_decisions: true"))
    text = flat(run("render", "policy", tmp_path / "inv").out)
    assert "## Automated decisions We make no decision based solely on automated processing" in text
    assert "W809" not in run("check", tmp_path / "inv", "--no-stale").out


def test_pdf_and_html_of_the_gdpr_notice(tmp_path, run):
    assert run("render", "policy", FULL, "--format", "html", "-o", tmp_path / "notice.html").code == 0
    page = (tmp_path / "notice.html").read_text()
    assert '<html lang="en"' in page and "<h2" in page and "Who is responsible for your data" in page
    assert run("render", "policy", FULL, "--format", "pdf", "-o", tmp_path / "notice.pdf").code == 0
    text = pdfread.flat(pdfread.text(tmp_path / "notice.pdf"))
    assert "How long we keep your data" in text and "Information Commissioner's Office" in text
    assert "Berliner Beauftragte für Datenschutz und Informationsfreiheit" in text
    pdfread.save_first_page(tmp_path / "notice.pdf", "gdpr.notice.en")
    again = tmp_path / "again.pdf"
    assert run("render", "policy", FULL, "--format", "pdf", "-o", again).code == 0
    assert again.read_bytes() == (tmp_path / "notice.pdf").read_bytes()


def test_processor_list_in_gdpr_terms(run):
    text = run("render", "processors", FULL).out
    assert text.startswith("# Processors of Wolkenwerk GmbH")
    assert "| Helpdesk Services Pvt Ltd (India) | Email address | answering support requests |  |" in text
    assert "ntrust" not in text


def test_declared_absences_and_a_controller_outside_the_eea(tmp_path, run):
    """`dpo_required: false` is a statement; a Swiss controller names its EU representative, and data it keeps
    at home in Switzerland is no transfer (it collects it directly: GDPR Art 3(2), EDPB Guidelines 05/2021)."""
    shutil.copytree(FULL, tmp_path / "inv")
    path = tmp_path / "inv" / "organization.yaml"
    text = path.read_text()
    start, end = text.index("  dpo:\n"), text.index("  uk_representative:")
    text = text[:start] + "  dpo_required: false\n" + text[end:]
    text = text.replace("  country: DE\n", "  country: CH\n").replace(
        "  supervisory_authority:\n",
        "  eu_representative:\n    name: Wolkenwerk EU Rep GmbH\n    address: Torstraße 1, 10119 Berlin\n    phone: \"+49 30 1\"\n  supervisory_authority:\n")
    path.write_text(text)
    flows = tmp_path / "inv" / "flows.yaml"
    flows.write_text(flows.read_text().replace("    country: NL\n    purposes: [analytics]", "    country: CH\n    purposes: [analytics]"))
    result = run("check", tmp_path / "inv", "--no-stale")
    assert "W811" not in result.out and "W804" not in result.out
    notice = flat(run("render", "policy", tmp_path / "inv").out)
    assert "We have not appointed a data protection officer: the law does not require us to." in notice
    assert "Our representative in the European Union: Wolkenwerk EU Rep GmbH, Torstraße 1, 10119 Berlin · phone +49 30 1." in notice
    transfers = notice[notice.index("## Transfers outside"):notice.index("## How long")]
    # a Swiss controller's own country is home: its Swiss analytics system is no transfer
    assert "Mixpanel" not in transfers


def test_compound_and_upper_limit_retention_periods(tmp_path, run):
    """A period kept after the trigger ("until you close your account, then for 6 months more") and a period that
    is an upper limit are stated as declared; a rule without items prints no empty brackets."""
    shutil.copytree(FULL, tmp_path / "inv")
    data = tmp_path / "inv" / "data.yaml"
    text = data.read_text()
    old = "trigger: withdrawal, criteria: \"we delete the account 30 days after you close it, unless you reopen it\"}"
    assert old in text
    text = text.replace(old, "trigger: withdrawal, then: {period: P6M, reason: to answer claims about the account}}")
    text = text.replace("period: P14M, reason:", "period: P14M, at_most: true, reason:")
    data.write_text(text)
    result = run("render", "policy", tmp_path / "inv")
    assert result.code == 0
    notice = flat(result.out)
    assert ": until you close your account, then for 6 months more (to answer claims about the account)." in notice
    assert "Usage events (Usage events): at most 14 months; the longest period the analytics reports cover." in notice
    assert "()" not in notice
