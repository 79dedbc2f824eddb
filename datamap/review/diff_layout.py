"""Summary lines for the parts of a policy that real PIPA policies add and that are not compared field by
field elsewhere: the inactive-account rule, custom clauses and the version history. Each step adds to a
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
        text = s.say("inactive_rule", after=language.duration(rule.after, s.lang), action=s.word(rule.action))
        if rule.storage_period:
            text = s.say("inactive_kept", text=text, period=language.duration(rule.storage_period, s.lang))
        if rule.notice_before:
            text = s.say("inactive_notice", text=text, period=language.duration(rule.notice_before, s.lang))
        if rule.notice_channels:
            channels = language.join([s.word(c) for c in rule.notice_channels], s.lang, "or" if s.lang == "en" else "또는")
            text = s.say("inactive_channels", text=text, channels=channels)
        return text

    if old is None:
        s.add("inactive_accounts", s.say("inactive_new", text=describe(new)))
    elif new is None:
        s.add("inactive_accounts", s.say("inactive_removed", text=describe(old)))
    else:
        s.fields("inactive_accounts", "inactive_accounts", "", old, new)


def _clauses(s) -> None:
    old = {c.id: c for c in s.old.inventory.clauses}
    new = {c.id: c for c in s.new.inventory.clauses}

    def where(facts, clause) -> str:
        key = clause_key(clause.id)
        if key in facts.sections:
            return key
        return clause.after if clause.after in facts.sections else list(facts.sections)[-1]

    for cid, clause in new.items():
        if cid not in old:
            s.add(where(s.new, clause), s.say("clause_new", title=s.t(clause.title)))
        elif old[cid] != clause:
            s.add(where(s.new, clause), s.say("clause_changed", title=s.t(clause.title)))
    for cid, clause in old.items():
        if cid not in new:
            s.lines.append((s.old.sections.get(where(s.old, clause), 0), s.say("clause_removed", title=s.t(clause.title))))


def _history(s) -> None:
    old, new = s.old.inventory.policy, s.new.inventory.policy
    section = "changes" if "changes" in s.new.sections else "miscellaneous"
    known = {(v.version, v.effective) for v in old.history}
    for version in new.history:
        if (version.version, version.effective) not in known:
            date = language.date(version.effective, s.lang) if s.lang == "ko" else version.effective.isoformat()
            s.add(section, s.say("history_lists", version=version.version, date=date))


STEPS = (_inactive_accounts, _clauses, _history)
