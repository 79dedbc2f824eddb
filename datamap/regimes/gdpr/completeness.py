"""Completeness under the GDPR family: what Art 13 and 14 ask for that the inventory does not hold.

Warnings (W8xx) reported by ``datamap check``, each naming the article it serves; ``--strict`` fails on them.
"""

from __future__ import annotations

from datamap.findings import Finding
from datamap.inventory.model import Inventory
from datamap.regimes.gdpr import countries
from datamap.regimes.gdpr.facts import inside, recipient_countries


def _at(inventory: Inventory, entity, code: str, message: str, key: str | None = None) -> Finding:
    file, path = inventory.location(entity)
    return Finding(file, code=code, message=message, path=path + ((key,) if key else ()), at_key=key is None)


def _common(inventory: Inventory, regime: str, law: str) -> list[Finding]:
    findings: list[Finding] = []
    org, policy = inventory.organization, inventory.policy
    for purpose in inventory.purposes:
        basis = purpose.legal_basis.gdpr if purpose.legal_basis else None
        if basis is None:
            findings.append(_at(inventory, purpose, "W801", f"purpose '{purpose.id}' has no legal basis under {law} Art 6(1): "
                                "add 'legal_basis: {gdpr: 6(1)(b)}' (or a, c, d, e, f) (Art 13(1)(c))", key="id"))
        elif basis == "6(1)(f)" and purpose.legitimate_interest is None:
            findings.append(_at(inventory, purpose, "W802", f"purpose '{purpose.id}' relies on legitimate interests (Art 6(1)(f)) "
                                "but states none: add 'legitimate_interest' (Art 13(1)(d))", key="legal_basis"))
        if purpose.requirement is None:
            findings.append(_at(inventory, purpose, "W806", f"purpose '{purpose.id}' does not say whether providing the data is a "
                                "statutory or contractual requirement: add 'requirement' and 'consequence' (Art 13(2)(e))", key="id"))
    at_home = inside(inventory, regime)
    recipients = [(p, "processor") for p in inventory.processors] + [(t, "third_party") for t in inventory.third_parties]
    for recipient, kind in recipients:
        for country in recipient_countries(inventory, recipient, kind):
            if country in at_home:
                continue
            declared = [s for s in recipient.safeguards if s.regime in (None, regime)]
            if not declared and country not in countries.adequacy(regime):
                findings.append(_at(inventory, recipient, "W803", f"'{recipient.id}' receives data in {country}, outside "
                                    f"{'the EEA' if regime == 'gdpr' else 'the UK'}, with no safeguard: add 'safeguards' "
                                    "(scc, bcr, dpf, adequacy or a derogation) and where to get a copy (Art 13(1)(f), 46)", key="id"))
            for safeguard in declared:
                if safeguard.mechanism == "adequacy" and country not in countries.adequacy(regime):
                    findings.append(_at(inventory, recipient, "W807", f"'{recipient.id}' relies on an adequacy decision for {country}, "
                                        f"but {law} has none for it (Art 45)", key="safeguards"))
                if safeguard.mechanism == "dpf" and ("dpf", country) not in countries.frameworks(regime):
                    findings.append(_at(inventory, recipient, "W807", f"'{recipient.id}' relies on the Data Privacy Framework in "
                                        f"{country}, which it does not cover (Art 45)", key="safeguards"))
                if safeguard.mechanism == "derogation" and safeguard.derogation is None:
                    findings.append(_at(inventory, recipient, "W808", f"'{recipient.id}' relies on a derogation but does not say "
                                        "which: add 'derogation' (Art 49(1))", key="safeguards"))
    if org.dpo_required and org.dpo is None:
        findings.append(_at(inventory, org, "W804", "a data protection officer is required ('dpo_required: true') but "
                            "'organization.dpo' gives no contact (Art 13(1)(b), 37(7))", key="dpo_required"))
    if not inventory.automated_decisions and not policy.no_automated_decisions:
        findings.append(_at(inventory, policy, "W809", "the inventory does not say whether decisions are made solely by automated "
                            "means: list 'automated_decisions' or set 'policy.no_automated_decisions: true' (Art 13(2)(f))"))
    for storage in inventory.web_storage:
        if storage.consent_category is None:
            findings.append(_at(inventory, storage, "W810", f"web storage '{storage.id}' has no 'consent_category' "
                                "(strictly_necessary, preferences, statistics or marketing)", key="id"))
    return findings


def check_gdpr(inventory: Inventory) -> list[Finding]:
    """The EU GDPR's rules, and a lead supervisory authority and an EU representative where needed."""
    findings = _common(inventory, "gdpr", "GDPR")
    org = inventory.organization
    if org.supervisory_authority is None:
        findings.append(_at(inventory, org, "W805", "no 'supervisory_authority': the notice must name the authority people "
                            "can complain to, the lead supervisory authority (Art 13(2)(d), 77)", key="country"))
    if org.country not in countries.eea() and org.eu_representative is None:
        findings.append(_at(inventory, org, "W811", f"the organization is based in {org.country}, outside the EEA: name its "
                            "representative in the Union under 'eu_representative' (Art 27, 13(1)(a))", key="country"))
    return findings


def check_uk_gdpr(inventory: Inventory) -> list[Finding]:
    """The UK GDPR's rules; the Information Commissioner is fixed text, so no authority is asked for."""
    findings = _common(inventory, "uk_gdpr", "UK GDPR")
    if "gdpr" in inventory.policy.regimes:  # the shared rules are reported once, except for transfers from the UK
        findings = [f for f in findings if f.code in ("W803", "W807")]
    org = inventory.organization
    if org.country != "GB" and org.uk_representative is None:
        findings.append(_at(inventory, org, "W812", f"the organization is based in {org.country}, outside the UK: name its "
                            "representative in the UK under 'uk_representative' (UK GDPR Art 27)", key="country"))
    return findings
