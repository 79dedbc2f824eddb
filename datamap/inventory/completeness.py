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
    findings += _facts_the_law_needs(inventory)
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


def _facts_the_law_needs(inventory: Inventory) -> list[Finding]:
    """Facts a disclosure needs that the inventory leaves out: stated as missing, never filled by a default."""
    findings: list[Finding] = []
    home = inventory.organization.country
    abroad = {system.operator for system in inventory.systems if inventory.system_country(system) != home}
    for processor in inventory.processors:
        if processor.country is None:
            findings.append(
                _at(inventory, processor, "W511", f"processor '{processor.id}' has no 'country': the policy cannot say whether the "
                    "data it receives leaves the country (PIPA Art 28-8(2), overseas transfer)", key="id")
            )
        elif (processor.id in abroad or (processor.country != home and processor.items)) and not processor.contact:
            findings.append(
                _at(inventory, processor, "W510", f"processor '{processor.id}' receives data abroad but has no 'contact': the "
                    "overseas-transfer section must give the recipient's contact (PIPA Art 28-8(2))", key="id")
            )
    for party in inventory.third_parties:
        if party.country != home and not party.contact:
            findings.append(
                _at(inventory, party, "W510", f"third party '{party.id}' is abroad but has no 'contact': the "
                    "overseas-transfer section must give the recipient's contact (PIPA Art 28-8(2))", key="id")
            )
    transfers = [(s, s.transfer) for s in inventory.systems if inventory.system_country(s) != home]
    transfers += [(p, p.transfer) for p in inventory.third_parties if p.country != home]
    transfers += [(p, p.transfer) for p in inventory.processors if p.transfer is not None]
    for entity, transfer in transfers:
        if transfer is not None and transfer.refusal is None:
            file, path = inventory.location(entity)
            findings.append(Finding(file, code="W513", message=f"the transfer abroad of '{entity.id}' does not say how to refuse it "
                                    "and what refusing means ('transfer.refusal', PIPA Art 28-8(2))", path=path + ("transfer",), at_key=True))
    asked = {i for point in inventory.collection_points if point.method != "automatic" for i in point.items}
    for item in inventory.items:
        if item.id in asked and item.required is None:
            findings.append(
                _at(inventory, item, "W512", f"item '{item.id}' does not say whether it is required ('required: true' or "
                    "'false'): consent notices must set optional items apart (PIPA Art 16(2), 22(1))", key="id")
            )
    return findings
