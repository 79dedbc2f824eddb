"""What a change to the inventory does to the published policy, in plain words for legal review.

The summary is computed from the two sides' facts (entities compared by id, items each processor really
receives, sections the policy now needs), not from the text, so it names causes ("new entrustee X
receives Email") rather than lines. The redline of the text itself is :mod:`datamap.review.redline`.
"""

from __future__ import annotations

from typing import Callable, Iterable

from datamap import language
from datamap.lineage.facts import SECTIONS, PolicyFacts

#: plain names of the policy's sections, for the summary
SECTION_TITLES = {
    "items": "Items processed",
    "collection": "Collection",
    "purposes": "Purposes",
    "retention": "Retention",
    "security": "Security measures",
    "rights": "Rights",
    "destruction": "Destruction",
    "third_parties": "Third-party provision",
    "processors": "Outsourcing",
    "overseas": "Overseas transfer",
    "web_storage": "Cookies and web storage",
    "automated_decisions": "Automated decisions",
    "children": "Children under 14",
    "officer": "Privacy officer",
    "domestic_agent": "Domestic agent",
    "remedies": "Remedies",
    "miscellaneous": "Miscellaneous",
}


class Summary:
    """Summary lines, each tied to the policy section it changes."""

    def __init__(self, old: PolicyFacts, new: PolicyFacts, lang: str):
        self.old, self.new, self.lang = old, new, lang
        self.lines: list[tuple[int, str]] = []

    def t(self, value) -> str:
        return language.text(value, self.lang)

    def labels(self, items: Iterable) -> str:
        return language.join([self.t(i.label) for i in items], self.lang) or "no items"

    def country(self, code: str) -> str:
        return language.country(code, self.lang)

    def add(self, section: str, text: str) -> None:
        number = self.new.sections.get(section) or self.old.sections.get(section)
        self.lines.append((number, f"Article {number} ({SECTION_TITLES[section]}): {text}"))


def _by_id(pairs) -> dict:
    """(entity, facts about it) pairs keyed by the entity's id."""
    return {entity.id: (entity, extra) for entity, extra in pairs}


def _plain(entities, key: Callable = lambda e: e.id) -> dict:
    """Entities with no extra facts, keyed by ``key``."""
    return {key(entity): (entity, None) for entity in entities}


def _compare(s: Summary, section: str, old: dict, new: dict, what: str, describe: Callable, changes: Callable | None = None) -> None:
    """Report entities added to, removed from and changed in one section, compared by key."""
    for key, (entity, extra) in new.items():
        if key not in old:
            s.add(section, f"new {what}: {describe(entity, extra)}")
    for key, (entity, extra) in old.items():
        if key not in new:
            s.add(section, f"removed {what}: {describe(entity, extra)}")
    for key in [k for k in new if k in old and changes]:
        for text in changes(old[key], new[key]):
            s.add(section, text)


def _item_changes(s: Summary, name: str, old_items, new_items, verb: str = "receives") -> list[str]:
    old_ids, new_ids = {i.id for i in old_items}, {i.id for i in new_items}
    gained = [i for i in new_items if i.id not in old_ids]
    lost = [i for i in old_items if i.id not in new_ids]
    out = []
    if gained:
        out.append(f"{name} now also {verb} {s.labels(gained)}")
    if lost:
        out.append(f"{name} no longer {verb} {s.labels(lost)}")
    return out


def _sections(s: Summary) -> None:
    old, new = s.old.sections, s.new.sections
    for key, _ in SECTIONS:
        if key in new and key not in old:
            s.add(key, f"the policy now needs a section on {SECTION_TITLES[key].lower()}")
        elif key in old and key not in new:
            s.add(key, "this section no longer applies and is removed")
    moved = [f"{old[k]} → {new[k]} ({SECTION_TITLES[k]})" for k, _ in SECTIONS if k in old and k in new and old[k] != new[k]]
    if moved:
        s.lines.append((0, "Articles renumbered: " + ", ".join(moved)))


def _items(s: Summary) -> None:
    def describe(item, _):
        flags = [] if item.required else ["optional"]
        if item.sensitivity != "ordinary":
            flags.append(item.sensitivity.replace("_", " "))
        return s.t(item.label) + (f" ({', '.join(flags)})" if flags else "")

    def changes(a, b):
        (old, _), (new, _) = a, b
        out = []
        if s.t(old.label) != s.t(new.label):
            out.append(f"item {s.t(old.label)} is now called {s.t(new.label)}")
        if old.required != new.required:
            out.append(f"item {s.t(new.label)} is now {'required' if new.required else 'optional'}")
        if old.sensitivity != new.sensitivity:
            out.append(f"item {s.t(new.label)} is now {new.sensitivity.replace('_', ' ')}")
        return out

    _compare(s, "items", _plain(s.old.inventory.items), _plain(s.new.inventory.items), "item", describe, changes)


def _collection(s: Summary) -> None:
    def name(point):
        return s.t(point.label) if point.label else point.method.replace("_", " ") + (f" ({point.provider})" if point.provider else "")

    _compare(
        s, "collection", _by_id(s.old.collection_points), _by_id(s.new.collection_points), "way of collecting",
        lambda p, items: f"{name(p)}, collecting {s.labels(items)}",
        lambda a, b: ([f"collection by {name(a[0])} is now called {name(b[0])}"] if name(a[0]) != name(b[0]) else [])
        + _item_changes(s, f"collection by {name(b[0])}", a[1], b[1], "collects"),
    )


def _purposes(s: Summary) -> None:
    def changes(a, b):
        out = _item_changes(s, f"purpose {s.t(b[0].title)}", a[1], b[1], "uses")
        if s.t(a[0].title) != s.t(b[0].title):
            out.insert(0, f"purpose {s.t(a[0].title)} is now {s.t(b[0].title)}")
        if a[0].marketing != b[0].marketing:
            out.append(f"purpose {s.t(b[0].title)} is {'now' if b[0].marketing else 'no longer'} marketing")
        return out

    _compare(s, "purposes", _by_id(s.old.purposes), _by_id(s.new.purposes), "purpose",
             lambda p, items: f"{s.t(p.title)} (using {s.labels(items)})", changes)


def _retention(s: Summary) -> None:
    def rules(facts):
        rows = facts.retention_general + facts.retention_internal + [(r, items) for r, items, _ in facts.retention_statutory]
        return _by_id(rows)

    def period(rule):
        trigger = (rule.trigger or "").replace("_", " ")
        if rule.period:
            return language.duration(rule.period, s.lang) + (f" from {trigger}" if trigger else "")
        return f"until {trigger}" if trigger else "for no stated period"

    def changes(a, b):
        (old, old_items), (new, new_items) = a, b
        out = _item_changes(s, f"retention of {s.t(new.records)}", old_items, new_items, "covers")
        if (old.period, old.trigger) != (new.period, new.trigger):
            out.insert(0, f"{s.t(new.records)} kept {period(new)} instead of {period(old)}")
        if old.law != new.law:
            out.append(f"{s.t(new.records)}: the statute requiring retention changes from {old.law or 'none'} to {new.law or 'none'}")
        return out

    _compare(s, "retention", rules(s.old), rules(s.new), "retention rule",
             lambda r, items: f"{s.t(r.records)} ({s.labels(items)}) kept {period(r)}", changes)


def _recipients(s: Summary) -> None:
    def processor(row, _):
        p = row.processor
        return f"{s.t(p.name)} ({s.country(p.country)}) receiving {s.labels(row.items)}"

    def processor_changes(a, b):
        (old, _), (new, _) = a, b
        name = f"entrustee {s.t(new.processor.name)}"
        out = _item_changes(s, name, old.items, new.items)
        if old.processor.country != new.processor.country:
            out.append(f"{name} moves from {s.country(old.processor.country)} to {s.country(new.processor.country)}")
        if [s.t(t) for t in old.processor.tasks] != [s.t(t) for t in new.processor.tasks]:
            out.append(f"{name} is entrusted with: {'; '.join(s.t(t) for t in new.processor.tasks)}")
        old_subs = {s.t(x.name) for x in old.processor.sub_processors or ()}
        for sub in new.processor.sub_processors or ():
            if s.t(sub.name) not in old_subs:
                out.append(f"{name} re-entrusts {s.t(sub.task)} to {s.t(sub.name)} ({s.country(sub.country)})")
        return out

    def rows(facts):
        return _plain(facts.processors, key=lambda row: row.processor.id)

    _compare(s, "processors", rows(s.old), rows(s.new), "entrustee", processor, processor_changes)

    _compare(
        s, "third_parties", _by_id(s.old.third_parties), _by_id(s.new.third_parties), "recipient",
        lambda p, items: f"{s.t(p.name)} ({s.country(p.country)}) receiving {s.labels(items)} for {s.t(p.purpose)}",
        lambda a, b: _item_changes(s, f"recipient {s.t(b[0].name)}", a[1], b[1]),
    )

    def transfers(facts):
        return {(t.kind, getattr(t.recipient, "id", "self"), t.country): (t, None) for t in facts.transfers}

    _compare(
        s, "overseas", transfers(s.old), transfers(s.new), "transfer abroad",
        lambda t, _: f"{s.labels(t.items)} to {s.t(t.recipient.name)} in {s.country(t.country)}",
        lambda a, b: _item_changes(s, f"the transfer to {s.t(b[0].recipient.name)} in {s.country(b[0].country)}", a[0].items, b[0].items, "carries"),
    )


def _simple_lists(s: Summary) -> None:
    """Sections whose entries are compared whole: storage, decisions, remedies, measures, contacts."""
    old, new = s.old.inventory, s.new.inventory
    _compare(s, "web_storage", _plain(old.web_storage), _plain(new.web_storage),
             "web storage", lambda w, _: f"{w.name or w.id} ({w.kind.replace('_', ' ')}) for {s.t(w.purpose)}")
    _compare(s, "automated_decisions", _by_id(s.old.automated_decisions), _by_id(s.new.automated_decisions),
             "automated decision", lambda d, items: f"{s.t(d.name)} using {s.labels(items)}")
    remedy, measure = (lambda r: s.t(r.name)), (lambda m: s.t(m.measure))
    _compare(s, "remedies", _plain(old.remedies, remedy), _plain(new.remedies, remedy), "remedy body", lambda r, _: remedy(r))
    _compare(s, "security", _plain(old.security_measures, measure), _plain(new.security_measures, measure),
             "security measure", lambda m, _: f"({m.category}) {measure(m)}")
    if old.organization.privacy_officer != new.organization.privacy_officer or old.organization.complaints_department != new.organization.complaints_department:
        s.add("officer", "the privacy officer's details change")
    if old.organization.domestic_agent and new.organization.domestic_agent and old.organization.domestic_agent != new.organization.domestic_agent:
        s.add("domestic_agent", "the domestic agent's details change")
    if (old.policy.version, old.policy.effective) != (new.policy.version, new.policy.effective):
        s.add("miscellaneous", f"version {old.policy.version} (effective {old.policy.effective}) becomes "
              f"version {new.policy.version} (effective {new.policy.effective})")


def summarize(old: PolicyFacts, new: PolicyFacts, lang: str = "en") -> list[str]:
    """Plain-language lines saying what changes in the published policy, in the order of its articles."""
    s = Summary(old, new, lang)
    _sections(s)
    for step in (_items, _collection, _purposes, _retention, _recipients, _simple_lists):
        step(s)
    return list(dict.fromkeys(text for _, text in sorted(s.lines, key=lambda line: line[0])))


def report(lines: list[str], redline: str | None, old_label: str, new_label: str, changed: bool) -> str:
    """The diff report in Markdown: the summary, then (unless ``redline`` is None) the redline, headings demoted."""
    from datamap.publish.render import md_escape

    out = [f"# Privacy policy changes: {md_escape(old_label)} → {md_escape(new_label)}", "", "## Summary", ""]
    if not changed:
        out.append("The policy text does not change.")
    elif lines:
        out += [f"- {md_escape(line)}" for line in lines]
    else:
        out.append("The wording changes, though no fact in the inventory does: see the redline.")
    if redline is not None and changed:
        out += ["", "## Redline", "", "Insertions are <ins>underlined</ins>, deletions <del>struck through</del>.", ""]
        out += ["#" + line if line.startswith("#") else line for line in redline.splitlines()]
    return "\n".join(out) + "\n"
