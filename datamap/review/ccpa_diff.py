"""Summary lines for the California disclosures: categories collected, what each recipient is sold, shared or
disclosed, cookies and SDKs that share for advertising, sensitive personal information and the section's other
declarations, in plain words ("now shares Identifiers with Example Ad Network Inc. for cross-context behavioural
advertising"). A step of :func:`datamap.review.diff.summarize`.
"""

from __future__ import annotations

from datamap import language
from datamap.regimes.ccpa.facts import advertising_storage

SECTION = "ccpa"
#: the recipient's lists, with the phrases that say a category was added to or dropped from them
LISTS = (("sold", "ccpa_sells", "ccpa_stops_selling"), ("shared", "ccpa_shares", "ccpa_stops_sharing"),
         ("disclosed", "ccpa_discloses", "ccpa_stops_disclosing"))


def _categories(s, keys) -> str:
    return language.join([s.word(k) for k in keys], s.lang)


def _name(s, recipient_id: str) -> str:
    for inventory in (s.new.inventory, s.old.inventory):
        entity = {**inventory.by_id("processors"), **inventory.by_id("third_parties")}.get(recipient_id)
        if entity is not None:
            return s.t(entity.name)
    return recipient_id


def _collected(s, old, new) -> None:
    before = {c.category: c for c in old.categories}
    after = {c.category: c for c in new.categories}
    for key, entry in after.items():
        if key not in before:
            s.add(SECTION, s.say("ccpa_collects", category=s.word(key), labels=s.item_labels(entry.items)))
        else:
            gained = [i for i in entry.items if i not in before[key].items]
            lost = [i for i in before[key].items if i not in entry.items]
            if gained:
                s.add(SECTION, s.say("gained", name=s.word(key), verb=s.say("ccpa_covers"), labels=s.item_labels(gained)))
            if lost:
                s.add(SECTION, s.say("lost", name=s.word(key), verb=s.say("ccpa_covers"), labels=s.item_labels(lost)))
            s.fields(SECTION, "ccpa", s.word(key), before[key], entry, skip={"category", "items"})
    for key in before:
        if key not in after:
            s.add(SECTION, s.say("ccpa_stops_collecting", category=s.word(key)))


def _recipients(s, old, new) -> None:
    before = {r.recipient: r for r in old.recipients}
    after = {r.recipient: r for r in new.recipients}
    for rid in dict.fromkeys([*after, *before]):
        a, b = before.get(rid), after.get(rid)
        name = _name(s, rid)
        for field, gained_key, lost_key in LISTS:
            was = (getattr(a, field) or []) if a else []
            now = (getattr(b, field) or []) if b else []
            gained = [k for k in now if k not in was]
            lost = [k for k in was if k not in now]
            if gained:
                s.add(SECTION, s.say(gained_key, categories=_categories(s, gained), name=name))
            if lost:
                s.add(SECTION, s.say(lost_key, categories=_categories(s, lost), name=name))
        if a and b and a.role != b.role:
            s.add(SECTION, s.say("ccpa_role", name=name, old=s.word(a.role), new=s.word(b.role)))
        if a and b:
            s.fields(SECTION, "ccpa", name, a, b, skip={"recipient", "role", "sold", "shared", "disclosed"})


def _sensitive(s, old, new) -> None:
    before = {(e.kind, i) for e in old.sensitive for i in e.items}
    after = {(e.kind, i) for e in new.sensitive for i in e.items}
    for kind in dict.fromkeys(k for k, _ in sorted(after | before)):
        gained = [i for k, i in sorted(after - before) if k == kind]
        lost = [i for k, i in sorted(before - after) if k == kind]
        if gained:
            s.add(SECTION, s.say("ccpa_sensitive", labels=s.item_labels(gained), kind=s.word(kind)))
        if lost:
            s.add(SECTION, s.say("ccpa_not_sensitive", labels=s.item_labels(lost), kind=s.word(kind)))


def _advertising(s) -> None:
    before = {w.id: w for w in advertising_storage(s.old.inventory)}
    after = {w.id: w for w in advertising_storage(s.new.inventory)}
    for wid, cookie in after.items():
        if wid not in before:
            s.add(SECTION, s.say("ccpa_ad_storage", name=cookie.name or wid, provider=s.t(cookie.provider) if cookie.provider else s.word("third")))
    for wid, cookie in before.items():
        if wid not in after:
            s.add(SECTION, s.say("ccpa_ad_storage_removed", name=cookie.name or wid))


def ccpa_changes(s) -> None:
    old, new = s.old.inventory.ccpa, s.new.inventory.ccpa
    if old is None and new is None:
        return
    from datamap.inventory.ccpa_parts import Ccpa

    old, new = old or Ccpa(), new or Ccpa()
    _collected(s, old, new)
    _recipients(s, old, new)
    _sensitive(s, old, new)
    _advertising(s)
    s.fields(SECTION, "ccpa", "", old, new, skip={"categories", "recipients", "sensitive"})
