"""Findings under the CCPA: references of the ``ccpa:`` section that name nothing (errors, E85x), and
disclosures the law asks for that the inventory does not hold (warnings, W85x), each naming the section it
serves; ``--strict`` fails on the warnings.
"""

from __future__ import annotations

import datetime as dt

from datamap.findings import Finding
from datamap.inventory.model import Inventory
from datamap.regimes.ccpa.facts import advertising_storage


def _at(inventory: Inventory, code: str, message: str, *path, entity=None, at_key: bool = False) -> Finding:
    file, base = inventory.location(entity if entity is not None else inventory.ccpa)
    return Finding(file, code=code, message=message, path=base + tuple(path), at_key=at_key)


def check_references(inventory: Inventory) -> list[Finding]:
    """E850: an item, purpose, recipient or cookie the section names that the inventory lacks.
    E851: a declaration of no sale or no sharing that a recipient contradicts."""
    ccpa = inventory.ccpa
    if ccpa is None:
        return []
    findings: list[Finding] = []
    known = {name: set(inventory.by_id(name)) for name in ("items", "purposes", "web_storage")}
    recipients = set(inventory.by_id("processors")) | set(inventory.by_id("third_parties"))

    def refs(section: str, entries, field: str, pool: set, what: str) -> None:
        for index, entry in enumerate(entries):
            for position, ref in enumerate(getattr(entry, field)):
                if ref not in pool:
                    findings.append(_at(inventory, "E850", f"unknown {what} '{ref}'", section, index, field, position))

    refs("categories", ccpa.categories, "items", known["items"], "item")
    refs("categories", ccpa.categories, "purposes", known["purposes"], "purpose")
    refs("sensitive", ccpa.sensitive, "items", known["items"], "item")
    refs("recipients", ccpa.recipients, "web_storage", known["web_storage"], "web storage")
    for index, entry in enumerate(ccpa.recipients):
        if entry.recipient not in recipients:
            findings.append(_at(inventory, "E850", f"unknown recipient '{entry.recipient}': name a processor or third party", "recipients", index, "recipient"))
        if ccpa.no_sale and entry.sold:
            findings.append(_at(inventory, "E851", f"'no_sale' is declared but '{entry.recipient}' is sold {', '.join(entry.sold)}", "recipients", index, "sold"))
        if ccpa.no_sharing and entry.shared:
            findings.append(_at(inventory, "E851", f"'no_sharing' is declared but '{entry.recipient}' is shared {', '.join(entry.shared)}", "recipients", index, "shared"))
    if ccpa.no_sharing and advertising_storage(inventory):
        findings.append(_at(inventory, "E851", "'no_sharing' is declared but third-party marketing cookies or SDKs share data for advertising "
                            "(web_storage with party: third, consent_category: marketing)", "no_sharing", at_key=True))
    return findings


def check_ccpa(inventory: Inventory, today: dt.date | None = None) -> list[Finding]:
    ccpa = inventory.ccpa
    if ccpa is None:
        return []  # the missing section is reported as E202
    findings: list[Finding] = []
    mapped = {i for c in ccpa.categories for i in c.items}
    for item in inventory.items:
        if item.id not in mapped:
            findings.append(_at(inventory, "W850", f"item '{item.id}' has no CCPA category: list it under a category in 'ccpa.categories' "
                                "(Civ. Code 1798.140(v)(1); 11 CCR §7011(e)(1)(A))", "id", entity=item))
    answered = {r.recipient: r for r in ccpa.recipients}
    for party in inventory.third_parties:
        entry = answered.get(party.id)
        if entry is None or entry.sold is None or entry.shared is None:
            findings.append(_at(inventory, "W851", f"third party '{party.id}' has no answer whether it is sold or shared personal information: add it "
                                "to 'ccpa.recipients' with 'sold' and 'shared' ([] for none) (11 CCR §7011(e)(1)(F), (G))", "id", entity=party))
    for index, entry in enumerate(ccpa.recipients):
        if entry.role == "third_party" and (entry.sold is None or entry.shared is None) and entry.recipient not in inventory.by_id("third_parties"):
            findings.append(_at(inventory, "W851", f"third party '{entry.recipient}' has no answer whether it is sold or shared personal information: "
                                "add 'sold' and 'shared' ([] for none) (11 CCR §7011(e)(1)(F), (G))", "recipients", index, "recipient"))
    shares = any(r.shared for r in ccpa.recipients) or bool(advertising_storage(inventory))
    sells = any(r.sold for r in ccpa.recipients)
    if (sells or shares) and not ccpa.opt_out_link:
        what = "shares personal information for advertising" if shares else "sells personal information"
        findings.append(_at(inventory, "W852", f"the business {what} but gives no 'ccpa.opt_out_link' to a 'Do Not Sell or Share My Personal "
                            "Information' page (Civ. Code 1798.135(a)(1); 11 CCR §7013)", at_key=True))
    storage_named = {w for r in ccpa.recipients if r.shared for w in r.web_storage}
    for cookie in advertising_storage(inventory):
        if cookie.id not in storage_named:
            findings.append(_at(inventory, "W854", f"third-party marketing cookie or SDK '{cookie.id}' shares data for advertising: name the recipient "
                                "in 'ccpa.recipients' with the categories 'shared' and this id under 'web_storage' (Civ. Code 1798.140(ah))", "id", entity=cookie))
    if not sells and not ccpa.no_sale and not ccpa.recipients:
        findings.append(_at(inventory, "W857", "the inventory does not say whether personal information is sold or shared: declare "
                            "'no_sale' and 'no_sharing', or the recipients' 'sold' and 'shared' (11 CCR §7011(e)(1)(F))", at_key=True))
    if ccpa.sensitive_beyond_limits and not ccpa.limit_link:
        findings.append(_at(inventory, "W855", "sensitive personal information is used beyond 11 CCR §7027(m) but no 'ccpa.limit_link' is given "
                            "(Civ. Code 1798.135(a)(2); 11 CCR §7014)", "sensitive_beyond_limits", at_key=True))
    channels = [m.channel for m in ccpa.request_methods]
    if len(channels) < 2 or ("toll_free" not in channels and not ccpa.online_only):
        findings.append(_at(inventory, "W856", "give at least two 'ccpa.request_methods', one a toll-free number unless the business is "
                            "'online_only' (Civ. Code 1798.130(a)(1); 11 CCR §7020)", at_key=True))
    for index, entry in enumerate(ccpa.categories):
        covered = entry.retention or any(set(entry.items) & set(r.items) for r in inventory.retention)
        if not covered:
            findings.append(_at(inventory, "W858", f"category '{entry.category}' has no retention: add 'retention' or a retention rule for its items "
                                "(Civ. Code 1798.100(a)(3); 11 CCR §7011(e)(1)(D))", "categories", index, "category"))
    today = today or dt.date.today()
    if (today - inventory.policy.effective).days > 365:
        findings.append(_at(inventory, "W853", f"the policy was last updated on {inventory.policy.effective.isoformat()}, more than 12 months ago: "
                            "review and update it (Civ. Code 1798.130(a)(5))", "effective", entity=inventory.policy))
    return findings
