"""What a change to the inventory does to the published policy, in plain words for legal review.

The summary is computed from the two sides' facts (entities compared by id, items each processor really
receives, sections the policy now needs), not from the text, so it names causes ("new entrustee X
receives Email") rather than lines. The redline of the text itself is :mod:`datamap.review.redline`.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable, Iterable

from datamap import language
from datamap.lineage.facts import PolicyFacts
from datamap.lineage.sections import CLAUSE_PREFIX
from datamap.review.changes import field_changes
from datamap.review.wording import PHRASES, phrase, section_title, value_word, what


class Summary:
    """Summary lines, each tied to the policy section it changes, in one language."""

    def __init__(self, old: PolicyFacts, new: PolicyFacts, lang: str):
        self.old, self.new, self.lang = old, new, lang
        self.lines: list[tuple[int, str]] = []
        self._items = {**old.inventory.by_id("items"), **new.inventory.by_id("items")}
        #: the regime that shapes the new document: PIPA numbers its articles, the GDPR notice has plain headings
        self.regime = new.inventory.policy.regimes[0]

    def what(self, kind: str) -> str:
        return what(kind, self.lang, self.regime)

    def t(self, value) -> str:
        return language.text(value, self.lang)

    def say(self, key: str, **fields) -> str:
        if self.regime != "pipa" and f"gdpr_{key}" in PHRASES:  # the GDPR notice's words: processor, not entrustee
            key = f"gdpr_{key}"
        return phrase(key, self.lang, **fields)

    def word(self, value: str) -> str:
        return value_word(value, self.lang)

    def labels(self, items: Iterable) -> str:
        return language.join([self.t(i.label) for i in items], self.lang) or self.say("no_items")

    def item_labels(self, ids: Iterable[str]) -> str:
        return self.labels(self._items[i] for i in ids if i in self._items)

    def country(self, code: str) -> str:
        return language.country(code, self.lang)

    def add(self, section: str, text: str) -> None:
        number = (self.new.sections.get(section) or self.old.sections.get(section)) if self.regime == "pipa" else None
        title = self._clause_title(section) or section_title(section, self.lang, self.regime)
        if number:
            self.lines.append((number, self.say("article", number=number, title=title, text=text)))
        else:
            self.lines.append((0, self.say("unnumbered", title=title, text=text)))

    def _clause_title(self, section: str) -> str | None:
        """A custom clause of its own is named by its title."""
        clause = self.new.clause_articles.get(section) or self.old.clause_articles.get(section)
        return self.t(clause.title) if clause is not None else None

    def fields(self, section: str, kind: str, name: str, old, new, skip=frozenset()) -> None:
        """A line for every other field of the entity that changes (see :mod:`datamap.review.changes`)."""
        subject = f"{self.what(kind)} {name}".strip()
        for text in field_changes(self, subject, old, new, skip):
            self.add(section, text)


def _by_id(pairs) -> dict:
    """(entity, facts about it) pairs keyed by the entity's id."""
    return {entity.id: (entity, extra) for entity, extra in pairs}


def _plain(entities, key: Callable = lambda e: e.id) -> dict:
    """Entities with no extra facts, keyed by ``key``."""
    return {key(entity): (entity, None) for entity in entities}


def _compare(s: Summary, section: str, old: dict, new: dict, kind: str, describe: Callable, changes: Callable | None = None) -> None:
    """Report entities added to, removed from and changed in one section, compared by key."""
    for key, (entity, extra) in new.items():
        if key not in old:
            s.add(section, s.say("new", what=s.what(kind), text=describe(entity, extra)))
    for key, (entity, extra) in old.items():
        if key not in new:
            s.add(section, s.say("removed", what=s.what(kind), text=describe(entity, extra)))
    for key in [k for k in new if k in old and changes]:
        for text in changes(old[key], new[key]):
            s.add(section, text)


def _item_changes(s: Summary, name: str, old_items, new_items, verb: str = "receives") -> list[str]:
    verb = {"receives": ("receives", "제공 항목"), "collects": ("collects", "수집 항목"), "uses": ("uses", "이용 항목"),
            "covers": ("covers", "대상 항목"), "carries": ("carries", "이전 항목")}[verb][s.lang == "ko"]
    old_ids, new_ids = {i.id for i in old_items}, {i.id for i in new_items}
    gained = [i for i in new_items if i.id not in old_ids]
    lost = [i for i in old_items if i.id not in new_ids]
    out = []
    if gained:
        out.append(s.say("gained", name=name, verb=verb, labels=s.labels(gained)))
    if lost:
        out.append(s.say("lost", name=name, verb=verb, labels=s.labels(lost)))
    return out


def _sections(s: Summary) -> None:
    if s.regime != "pipa":
        return  # the numbered articles are PIPA's; other regimes' documents have plain headings
    old, new = s.old.sections, s.new.sections
    keys = list(dict.fromkeys([*new, *old]))
    for key in keys:
        if key.startswith(CLAUSE_PREFIX):
            continue  # custom clauses are summarized with their text
        if key in new and key not in old:
            title = section_title(key, s.lang)
            s.add(key, s.say("section_added", title=title, title_lower=title.lower()))
        elif key in old and key not in new:
            s.add(key, s.say("section_removed"))
    moved = [s.say("move", old=old[k], new=new[k], title=section_title(k, s.lang)) for k in keys if k in old and k in new and old[k] != new[k]]
    if moved:
        s.lines.append((0, s.say("renumbered", moves=", ".join(moved))))


def _items(s: Summary) -> None:
    def describe(item, _):
        flags = [s.word("optional")] if item.required is False else []
        if item.sensitivity != "ordinary":
            flags.append(s.word(item.sensitivity))
        return s.say("item_described", label=s.t(item.label), flags=s.say("flags", flags=", ".join(flags)) if flags else "")

    def changes(a, b):
        (old, _), (new, _) = a, b
        out = []
        if s.t(old.label) != s.t(new.label):
            out.append(s.say("renamed", what=s.what("items"), old=s.t(old.label), new=s.t(new.label)))
        if old.required != new.required:
            out.append(s.say("item_now", label=s.t(new.label), state=s.word("mandatory" if new.required else "optional")))
        if old.sensitivity != new.sensitivity:
            out.append(s.say("item_now", label=s.t(new.label), state=s.word(new.sensitivity)))
        s.fields("items", "items", s.t(new.label), old, new, skip={"label", "required", "sensitivity"})
        return out

    _compare(s, "items", _plain(s.old.inventory.items), _plain(s.new.inventory.items), "items", describe, changes)


def _collection(s: Summary) -> None:
    def name(point):
        if point.label:
            return s.t(point.label)
        return s.word(point.method) + (f" ({point.provider})" if point.provider else "")

    def changes(a, b):
        by = s.say("collection_by", name=name(b[0]))
        out = [s.say("collection_renamed", old=name(a[0]), new=name(b[0]))] if name(a[0]) != name(b[0]) else []
        s.fields("collection", "collection_points", name(b[0]), a[0], b[0], skip={"label", "items", "method", "provider"})
        return out + _item_changes(s, by, a[1], b[1], "collects")

    _compare(s, "collection", _by_id(s.old.collection_points), _by_id(s.new.collection_points), "collection_points",
             lambda p, items: s.say("point", name=name(p), labels=s.labels(items)), changes)


def _purposes(s: Summary) -> None:
    def changes(a, b):
        out = _item_changes(s, s.say("purpose_named", title=s.t(b[0].title)), a[1], b[1], "uses")
        if s.t(a[0].title) != s.t(b[0].title):
            out.insert(0, s.say("purpose_renamed", old=s.t(a[0].title), new=s.t(b[0].title)))
        if a[0].marketing != b[0].marketing:
            out.append(s.say("purpose_marketing" if b[0].marketing else "purpose_not_marketing", title=s.t(b[0].title)))
        s.fields("purposes", "purposes", s.t(b[0].title), a[0], b[0], skip={"title", "marketing"})
        return out

    _compare(s, "purposes", _by_id(s.old.purposes), _by_id(s.new.purposes), "purposes",
             lambda p, items: s.say("purpose_described", title=s.t(p.title), labels=s.labels(items)), changes)


def _retention(s: Summary) -> None:
    def rules(facts):
        rows = facts.retention_general + facts.retention_internal + [(r, items) for r, items, _ in facts.retention_statutory]
        return _by_id(rows)

    def period(rule):
        if rule.criteria and not rule.period:
            return s.say("by_criteria", criteria=s.t(rule.criteria))
        if rule.period:
            text = language.duration(rule.period, s.lang)
        else:
            text = s.say("until", trigger=s.word(rule.trigger)) if rule.trigger else s.say("none")
        text = s.say("at_most", period=text) if rule.at_most else text
        return s.say("then_more", first=text, period=language.duration(rule.then.period, s.lang)) if rule.then else text

    def law(facts, law_id):
        found = facts.inventory.by_id("laws").get(law_id) if law_id else None
        return s.t(found.name) if found else (law_id or s.say("none"))

    def changes(a, b):
        (old, old_items), (new, new_items) = a, b
        out = _item_changes(s, s.say("retention_of", records=s.t(new.records)), old_items, new_items, "covers")
        if (old.period, old.trigger) != (new.period, new.trigger):
            out.insert(0, s.say("retention_period", records=s.t(new.records), new=period(new), old=period(old)))
        if old.law != new.law:
            out.append(s.say("retention_law", records=s.t(new.records), old=law(s.old, old.law), new=law(s.new, new.law)))
        s.fields("retention", "retention", s.t(new.records), old, new, skip={"items", "period", "trigger", "law"})
        return out

    _compare(s, "retention", rules(s.old), rules(s.new), "retention",
             lambda r, items: s.say("retention_described", records=s.t(r.records), labels=s.labels(items), period=period(r)), changes)
    old_laws, new_laws = s.old.inventory.by_id("laws"), s.new.inventory.by_id("laws")
    for law_id in [k for k in new_laws if k in old_laws]:
        s.fields("retention", "laws", s.t(old_laws[law_id].name), old_laws[law_id], new_laws[law_id])


def _recipients(s: Summary) -> None:
    def processor(row, _):
        p = row.processor
        return s.say("recipient_described", name=s.t(p.name), country=s.country(p.country), labels=s.labels(row.items))

    def processor_changes(a, b):
        (old, _), (new, _) = a, b
        name = s.say("entrustee_named", name=s.t(new.processor.name))
        out = _item_changes(s, name, old.items, new.items)
        if old.processor.country != new.processor.country:
            out.append(s.say("moves", name=name, old=s.country(old.processor.country), new=s.country(new.processor.country)))
        if [s.t(t) for t in old.processor.tasks] != [s.t(t) for t in new.processor.tasks]:
            out.append(s.say("entrusted_with", name=name, tasks="; ".join(s.t(t) for t in new.processor.tasks)))
        old_subs = {(s.t(x.name), s.t(x.task), x.country) for x in old.processor.sub_processors or ()}
        new_subs = {(s.t(x.name), s.t(x.task), x.country) for x in new.processor.sub_processors or ()}
        for sub in new.processor.sub_processors or ():
            if (s.t(sub.name), s.t(sub.task), sub.country) not in old_subs:
                out.append(s.say("re_entrusts", name=name, task=s.t(sub.task), sub=s.t(sub.name), country=s.country(sub.country)))
        for sub in old.processor.sub_processors or ():
            if (s.t(sub.name), s.t(sub.task), sub.country) not in new_subs:
                out.append(s.say("stops_re_entrusting", name=name, task=s.t(sub.task), sub=s.t(sub.name), country=s.country(sub.country)))
        s.fields("processors", "processors", s.t(old.processor.name), old.processor, new.processor, skip={"country", "tasks", "sub_processors"})
        return out

    def rows(facts):
        return _plain(facts.processors, key=lambda row: row.processor.id)

    _compare(s, "processors", rows(s.old), rows(s.new), "processors", processor, processor_changes)

    def party_changes(a, b):
        s.fields("third_parties", "third_parties", s.t(a[0].name), a[0], b[0], skip={"items", "transfer"})
        return _item_changes(s, s.say("recipient_named", name=s.t(b[0].name)), a[1], b[1])

    _compare(
        s, "third_parties", _by_id(s.old.third_parties), _by_id(s.new.third_parties), "third_parties",
        lambda p, items: s.say("third_party_described", name=s.t(p.name), country=s.country(p.country), labels=s.labels(items), purpose=s.t(p.purpose)),
        party_changes,
    )

    def transfers(facts):
        if s.regime != "pipa":  # transfers outside the EEA (or the UK), not outside the organization's country
            from datamap.regimes.gdpr.facts import gdpr_facts

            found = gdpr_facts(facts, [k for k in facts.inventory.policy.regimes if k != "pipa"]).transfers
            return {(t.regime, t.kind, t.recipient.id, t.country): (t, None) for t in found}
        return {(t.kind, getattr(t.recipient, "id", "self"), t.country): (t, None) for t in facts.transfers}

    def transfer_changes(a, b):
        name = s.say("transfer_named", name=s.t(b[0].recipient.name), country=s.country(b[0].country))
        old_details, new_details = getattr(a[0].recipient, "transfer", None), getattr(b[0].recipient, "transfer", None)
        out = _item_changes(s, name, a[0].items, b[0].items, "carries")
        if old_details is not None and new_details is not None:
            s.fields("overseas", "transfers", f"{s.t(b[0].recipient.name)} ({s.country(b[0].country)})", old_details, new_details)
        return out

    _compare(
        s, "overseas", transfers(s.old), transfers(s.new), "transfers",
        lambda t, _: s.say("transfer_described", labels=s.labels(t.items), name=s.t(t.recipient.name), country=s.country(t.country)),
        transfer_changes,
    )
    old_systems, new_systems = s.old.inventory.by_id("systems"), s.new.inventory.by_id("systems")
    for system_id in [k for k in new_systems if k in old_systems]:
        old_system, new_system = old_systems[system_id], new_systems[system_id]
        if old_system.transfer is not None and new_system.transfer is not None:
            s.fields("overseas", "systems", s.t(new_system.name), old_system.transfer, new_system.transfer)
        s.fields("overseas", "systems", s.t(new_system.name), old_system, new_system, skip={"name", "description", "operator", "fields", "purposes", "transfer"})


def _simple_lists(s: Summary) -> None:
    """Sections whose entries are compared by id, or by their text when they have none."""
    old, new = s.old.inventory, s.new.inventory

    def compare_fields(section, kind, name):
        return lambda a, b: s.fields(section, kind, name(b[0]), a[0], b[0]) or []

    storage_name = lambda w: w.name or w.id  # noqa: E731
    _compare(s, "web_storage", _plain(old.web_storage), _plain(new.web_storage), "web_storage",
             lambda w, _: s.say("storage_described", name=storage_name(w), kind=s.word(w.kind), purpose=s.t(w.purpose)),
             compare_fields("web_storage", "web_storage", lambda w: w.name or s.word(w.kind)))
    _compare(s, "automated_decisions", _by_id(s.old.automated_decisions), _by_id(s.new.automated_decisions), "automated_decisions",
             lambda d, items: s.say("decision_described", name=s.t(d.name), labels=s.labels(items)),
             lambda a, b: s.fields("automated_decisions", "automated_decisions", s.t(b[0].name), a[0], b[0], skip={"items"})
             or _item_changes(s, s.t(b[0].name), a[1], b[1], "uses"))
    _compare(s, "rights", _plain(old.rights_procedures), _plain(new.rights_procedures), "rights_procedures",
             lambda r, _: "; ".join(s.word(x) for x in r.rights) + f": {s.t(r.how)}",
             compare_fields("rights", "rights_procedures", lambda r: r.id))
    remedy, measure = (lambda r: s.t(r.name)), (lambda m: s.t(m.measure))
    _compare(s, "remedies", _plain(old.remedies, remedy), _plain(new.remedies, remedy), "remedies", lambda r, _: remedy(r),
             compare_fields("remedies", "remedies", remedy))
    _compare(s, "security", _plain(old.security_measures, measure), _plain(new.security_measures, measure), "security_measures",
             lambda m, _: s.say("measure_described", category=s.word(m.category), measure=measure(m)),
             compare_fields("security", "security_measures", measure))

    org_old, org_new = old.organization, new.organization
    officer = {"privacy_officer", "complaints_department", "customer_center", "privacy_department"}
    s.fields("officer", "organization", "", org_old, org_new, skip=set(type(org_new).model_fields) - officer)
    s.fields("access_department", "organization", "", org_old, org_new, skip=set(type(org_new).model_fields) - {"access_department"})
    if org_old.domestic_agent and org_new.domestic_agent:
        s.fields("domestic_agent", "organization", "", org_old, org_new, skip=set(type(org_new).model_fields) - {"domestic_agent"})
    s.fields("organization", "organization", "", org_old, org_new, skip=officer | {"domestic_agent", "access_department"})
    if old.destruction is not None and new.destruction is not None:  # a GDPR inventory has none
        s.fields("destruction", "destruction", "", old.destruction, new.destruction)
    if old.children is not None and new.children is not None:
        s.fields("children", "children", "", old.children, new.children)
    changes = "changes" if "changes" in s.new.sections else "miscellaneous"
    s.fields(changes, "policy", "", old.policy, new.policy, skip={"version", "effective", "history"})
    if (old.policy.version, old.policy.effective) != (new.policy.version, new.policy.effective):
        day = (lambda d: language.date(d, s.lang)) if s.lang == "ko" else dt.date.isoformat
        s.add(changes, s.say("version", old=old.policy.version, old_date=day(old.policy.effective),
                                     new=new.policy.version, new_date=day(new.policy.effective)))


def summarize(old: PolicyFacts, new: PolicyFacts, lang: str = "en") -> list[str]:
    """Plain-language lines saying what changes in the published policy, in the order of its articles."""
    s = Summary(old, new, lang)
    _sections(s)
    from datamap.review import diff_layout

    for step in (_items, _collection, _purposes, _retention, _recipients, _simple_lists, *diff_layout.STEPS):
        step(s)
    return list(dict.fromkeys(text for _, text in sorted(s.lines, key=lambda line: line[0])))


def report(lines: list[str], redline: str | None, old_label: str, new_label: str, changed: bool, lang: str = "en") -> str:
    """The diff report in Markdown: the summary, then (unless ``redline`` is None) the redline, headings demoted."""
    from datamap.publish.render import md_escape

    out = [f"# {phrase('report_title', lang, old=md_escape(old_label), new=md_escape(new_label))}", "", f"## {phrase('summary', lang)}", ""]
    if not changed:
        out.append(phrase("unchanged", lang))
    elif lines:
        out += [f"- {md_escape(line)}" for line in lines]
    else:
        out.append(phrase("wording_only", lang))
    if redline is not None and changed:
        out += ["", f"## {phrase('redline', lang)}", "", phrase("redline_key", lang), ""]
        out += ["#" + line if line.startswith("#") else line for line in redline.splitlines()]
    return "\n".join(out) + "\n"
