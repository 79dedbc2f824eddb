"""Completeness: the sections the law asks for when they apply, whose facts the inventory does not hold.

These are warnings reported by ``datamap check``, not by ``validate``: an inventory can be consistent and
still leave out a disclosure (the rows marked "when applicable" and "recommended" in REGULATIONS.md).
Each finding names the disclosure and how to supply it.
"""

from __future__ import annotations

from datamap.findings import Finding
from datamap.inventory.model import Inventory

#: the country whose law (PIPA) the generated policy follows
POLICY_COUNTRY = "KR"


def _at(inventory: Inventory, entity, code: str, message: str, key: str | None = None) -> Finding:
    file, path = inventory.location(entity)
    return Finding(file, code=code, message=message, path=path + ((key,) if key else ()), at_key=key is None)


def check_completeness(inventory: Inventory) -> list[Finding]:
    """Warnings (W5xx) for disclosures that apply to this inventory but have no facts behind them."""
    findings: list[Finding] = []
    org, policy = inventory.organization, inventory.policy

    if not inventory.remedies:
        findings.append(
            _at(inventory, policy, "W501", "no 'remedies': the policy cannot tell customers where to seek redress "
                "(PIPC dispute mediation, KISA 118, police and prosecutors' cyber units)")
        )
    if not policy.history:
        findings.append(
            _at(inventory, policy, "W502", "no change history: list released versions under 'policy.history' "
                "(datamap release --effective YYYY-MM-DD records them)")
        )
    if org.country != POLICY_COUNTRY and org.domestic_agent is None:
        findings.append(
            _at(inventory, org, "W503", f"the organization is based in {org.country}: PIPA Art 31-2 asks for a domestic agent "
                "in Korea; add 'organization.domestic_agent' (name, address, phone, email)", key="country")
        )
    children = inventory.children
    if children is None:
        findings.append(
            _at(inventory, policy, "W504", "the inventory does not say whether it collects data of children under 14: "
                "add 'children: {collects_under_14: false}' or describe the legal representative's consent")
        )
    elif children.collects_under_14 and (children.consent_method is None or not children.representative_items):
        findings.append(
            _at(inventory, children, "W505", "children under 14 are collected but 'consent_method' or 'representative_items' "
                "is missing: the policy must say how the legal representative consents and which of their data is used",
                key="collects_under_14")
        )
    for storage in inventory.web_storage:
        if storage.how_to_refuse is None:
            findings.append(
                _at(inventory, storage, "W506", f"web storage '{storage.id}' does not say how to refuse it (PIPA Art 30(1)7)", key="id")
            )
        if storage.party == "third" and storage.provider is None:
            findings.append(
                _at(inventory, storage, "W507", f"third-party web storage '{storage.id}' has no 'provider': "
                    "say which company collects behavioural data through it", key="id")
            )
    return findings
