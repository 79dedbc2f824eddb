"""Notices under the GDPR: consent only for consent-based purposes, one per purpose; every other basis is
explained in a notice at collection that asks for nothing. Read back from the PDFs."""

import re

import pytest

import pdfread
from conftest import FIXTURES
from datamap.cli import main


@pytest.fixture(scope="module")
def notices(tmp_path_factory):
    root = tmp_path_factory.mktemp("gdpr-notices")
    for name in ("gdpr_full", "pipa_gdpr"):
        assert main(["render", "notices", str(FIXTURES / name), "-o", str(root / name)]) == 0
    pdfread.save_first_page(root / "gdpr_full" / "collection-signup.en.pdf", "notice.gdpr.collection-signup")
    pdfread.save_first_page(root / "gdpr_full" / "consent-newsletter.en.pdf", "notice.gdpr.consent-newsletter")
    return root


def text(notices, name) -> str:
    return pdfread.flat(pdfread.text(notices / "gdpr_full" / f"{name}.en.pdf"))


def test_one_consent_notice_per_consent_purpose_and_one_collection_notice_per_point(notices):
    names = sorted({p.name.split(".")[0] for p in (notices / "gdpr_full").iterdir()})
    assert names == ["collection-checkout", "collection-signup", "consent-accessibility", "consent-analytics", "consent-newsletter"]


def test_notice_at_collection_informs_and_asks_for_no_consent(notices):
    signup = text(notices, "collection-signup")
    assert "It is information, not a request for consent." in signup
    assert "I agree" not in signup and "[Required]" not in signup
    assert "Providing the app: Email address, Name, Company name and Accessibility needs" in signup
    assert "the performance of a contract with you" in signup and "If you do not provide it: we cannot open an account for you." in signup
    assert "Our data protection officer: Dr. Anna Weber" in signup
    # consent-based purposes are not presented here: they have their own notices
    assert "Newsletter" not in signup and "Adapting the app" not in signup
    checkout = text(notices, "collection-checkout")
    assert "Our legitimate interest: keeping stolen cards off our service" in checkout
    assert "Stripe, Inc., United States: the recipient's certification under the EU-US Data Privacy Framework" in checkout


def test_consent_notice_is_separate_and_can_be_withdrawn(notices):
    newsletter = text(notices, "consent-newsletter")
    assert "Your consent: Newsletter about new features" in newsletter
    assert "saying no does not affect your use of the service for anything else" in newsletter
    assert "You may withdraw your consent at any time by writing to privacy@wolkenwerk.example" in newsletter
    assert "This is direct marketing: you may also object to it at any time." in newsletter
    assert newsletter.count("I agree") == 1
    assert "Who receives the data: ActiveCampaign, LLC (Postmark)." in newsletter  # the processor serving this purpose only
    assert "Providing the app" not in newsletter  # one purpose per consent


def test_pipa_notices_stay_and_gdpr_notices_are_added(notices):
    names = sorted({p.name.split(".")[0] for p in (notices / "pipa_gdpr").iterdir()})
    assert "consent-signup" in names and "processors" in names  # PIPA's, unchanged
    gdpr = [n for n in names if n.startswith("gdpr-")]
    assert gdpr and all(re.fullmatch(r"gdpr-(collection|consent)-\w+", n) for n in gdpr)
    assert "gdpr-consent-newsletter" in gdpr and "gdpr-consent-membership" in gdpr
