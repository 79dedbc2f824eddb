"""Summary lines for the parts of a policy that real PIPA policies add: inactive-account rules, departments,
remedy bodies' details, entrustees' retention, custom clauses, the version history and the policy's layout
(order of sections, preamble, the word for the people it serves). Each step adds to a
:class:`datamap.review.diff.Summary`.
"""

from __future__ import annotations

from datamap import language
from datamap.lineage.sections import clause_key


def _inactive_accounts(s) -> None:
    old, new = s.old.inventory.inactive_accounts, s.new.inventory.inactive_accounts
    if old == new:
        return

    def describe(rule) -> str:
        action = "stored separately" if rule.action == "separate_storage" else "destroyed"
        text = f"data of people inactive for {language.duration(rule.after, s.lang)} is {action}"
        if rule.storage_period:
            text += f" for {language.duration(rule.storage_period, s.lang)}"
        if rule.notice_before:
            text += f", notice {language.duration(rule.notice_before, s.lang)} before"
        if rule.notice_channels:
            text += " by " + language.join([c.replace("_", " ") for c in rule.notice_channels], s.lang, "or")
        return text

    if old is None:
        s.add("inactive_accounts", f"new inactive-account rule: {describe(new)}")
    elif new is None:
        s.add("inactive_accounts", f"removed inactive-account rule: {describe(old)}")
    elif describe(old) != describe(new):
        s.add("inactive_accounts", f"inactive-account rule now: {describe(new)} (was: {describe(old)})")
    elif old.reactivation != new.reactivation or old.notice_items != new.notice_items:
        s.add("inactive_accounts", "the notice or the way to reactivate an inactive account changes")


def _departments(s) -> None:
    old, new = s.old.inventory.organization, s.new.inventory.organization
    for attr, section, what in (
        ("privacy_department", "officer", "department in charge of privacy"),
        ("access_department", "access_department", "department receiving access requests"),
    ):
        a, b = getattr(old, attr), getattr(new, attr)
        if a == b:
            continue
        if a is None:
            s.add(section, f"new {what}: {s.t(b.name)}")
        elif b is None:
            s.add(section, f"removed {what}: {s.t(a.name)}")
        else:
            s.add(section, f"the {what} ({s.t(b.name)}) changes its details")


def _remedy_details(s) -> None:
    old = {s.t(r.name): r for r in s.old.inventory.remedies}
    for remedy in s.new.inventory.remedies:
        before = old.get(s.t(remedy.name))
        if before is not None and before != remedy:
            s.add("remedies", f"remedy body {s.t(remedy.name)} changes its details")


def _processor_retention(s) -> None:
    old = {p.id: p for p in s.old.inventory.processors}
    for processor in s.new.inventory.processors:
        before = old.get(processor.id)
        if before is not None and before.retention != processor.retention:
            s.add("processors", f"entrustee {s.t(processor.name)} keeps the data for a different period")


def _clauses(s) -> None:
    old = {c.id: c for c in s.old.inventory.clauses}
    new = {c.id: c for c in s.new.inventory.clauses}

    def where(facts, clause) -> str:
        key = clause_key(clause.id)
        return key if key in facts.sections else (clause.after if clause.after in facts.sections else list(facts.sections)[-1])

    for cid, clause in new.items():
        if cid not in old:
            s.add(where(s.new, clause), f"new clause: {s.t(clause.title)}")
        elif old[cid] != clause:
            s.add(where(s.new, clause), f"clause {s.t(clause.title)} changes")
    for cid, clause in old.items():
        if cid not in new:
            s.lines.append((s.old.sections.get(where(s.old, clause), 0), f"removed clause: {s.t(clause.title)}"))


def _history(s) -> None:
    old, new = s.old.inventory.policy, s.new.inventory.policy
    section = "changes" if "changes" in s.new.sections else "miscellaneous"
    if section not in s.new.sections:
        return
    known = {(v.version, v.effective) for v in old.history}
    for version in new.history:
        if (version.version, version.effective) not in known:
            s.add(section, f"version history now lists version {version.version} (effective {version.effective})")
    if old.earlier_versions_url != new.earlier_versions_url:
        s.add(section, f"earlier versions are now at {new.earlier_versions_url}" if new.earlier_versions_url else "no longer says where earlier versions are")


def _layout(s) -> None:
    old, new = s.old.inventory.policy, s.new.inventory.policy
    if old.subject_term != new.subject_term:
        s.lines.append((0, f"The policy now calls the people it serves '{new.subject_term.replace('_', ' ')}' instead of '{old.subject_term.replace('_', ' ')}'"))
    if old.preamble != new.preamble:
        s.lines.append((0, f"The preamble now follows the {'PIPC guideline' if new.preamble == 'pipc' else 'general wording'}"))
    if (old.sections is None) != (new.sections is None):
        s.lines.append((0, "The policy now follows " + ("its own order of sections" if new.sections else "the PIPC guideline's order of sections")))


STEPS = (_inactive_accounts, _departments, _remedy_details, _processor_retention, _clauses, _history, _layout)
