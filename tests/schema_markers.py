"""An inventory generated from `datamap schema`: every leaf field holds a unique marker value.

Free text gets a marker per language ({en: "Zq0012en", ko: "Zq0012ko"}), plain strings one marker
("Zq0013"); values the schema constrains (ids, references, countries, durations, dates, enums, flags)
come from :data:`STEERING`, which says for each why it is no marker and what it is set to, or from
:data:`RENDERED`, whose values are checked in the words each language renders them as.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field

from datamap import language

#: leaf path ("*" for list elements) -> (value, why the field holds no marker)
STEERING: dict[str, tuple[object, str]] = {
    "organization.country": ("KR", "the home country: decides what is a transfer abroad"),
    "policy.regimes.*": ("pipa", "selects the regimes, so the documents (the test renders each regime)"),
    "policy.languages.*": ("en", "selects the languages published (the test renders each)"),
    "organization.role": ("joint_controller", "GDPR enum selecting wording"),
    "organization.dpo_required": (True, "GDPR flag selecting wording"),
    "policy.no_special_categories": (True, "flag: a declared absence, stated by the GDPR documents"),
    "policy.no_automated_decisions": (False, "flag: a declared absence (the fixture lists decisions); stated as tested in test_declared_absences"),
    "policy.no_third_parties": (False, "flag: a declared absence (the fixture lists third parties); stated as tested in test_declared_absences"),
    "children.age_of_consent": (16, "GDPR Art 8 age, printed by the GDPR documents"),
    "collection_points.*.publicly_accessible": (True, "GDPR flag selecting wording"),
    "purposes.*.legal_basis.gdpr_special": ("9(2)(a)", "GDPR Art 9(2) condition, printed by the GDPR documents"),
    "purposes.*.requirement": ("statutory", "GDPR enum selecting wording"),
    "processors.*.safeguards.*.mechanism": ("scc", "GDPR enum selecting wording"),
    "processors.*.safeguards.*.regime": ("gdpr", "a reference to a regime"),
    "processors.*.safeguards.*.derogation": ("contract", "GDPR enum selecting wording"),
    "third_parties.*.safeguards.*.mechanism": ("scc", "GDPR enum selecting wording"),
    "third_parties.*.safeguards.*.regime": ("gdpr", "a reference to a regime"),
    "third_parties.*.safeguards.*.derogation": ("contract", "GDPR enum selecting wording"),
    "web_storage.*.consent_category": ("statistics", "GDPR enum selecting wording"),
    "policy.subject_term": ("member", "enum selecting wording"),
    "policy.preamble": ("pipc", "enum selecting wording"),
    "inactive_accounts.action": ("separate_storage", "enum selecting wording"),
    "inactive_accounts.notice_channels.*": ("sms", "enum selecting wording"),
    "items.*.fides_category": ("user.contact.email", "a Fides taxonomy key: export fides only"),
    "items.*.app_label.apple": ("EMAIL_ADDRESS", "an app-store data type: the store label exports only"),
    "items.*.app_label.google": ("PSL_EMAIL", "an app-store data type: the store label exports only"),
    "items.*.app_label.linked": (True, "an app-store flag: the store label exports only"),
    "items.*.app_label.tracking": (False, "an app-store flag: the store label exports only"),
    "collection_points.*.in_app": (False, "selects the items of the app-store label exports"),
    "purposes.*.fides_use": ("essential.service", "a Fides taxonomy key: export fides only"),
    "purposes.*.store_purpose": ("app_functionality", "an app-store purpose: the store label exports only"),
    "third_parties.*.store_purpose": ("app_functionality", "an app-store purpose: the store label exports only"),
    "retention.*.at_most": (True, "flag selecting 'at most' wording"),
    "processors.*.retention.until": ("contract_end", "enum selecting wording"),
    "clauses.*.id": ("clauses1", "an id"),
    "clauses.*.placement": ("article", "enum selecting where the clause goes"),
    "clauses.*.after": ("items", "a reference to a policy section: where the clause goes"),
    "policy.sections.*": ("purposes", "a reference to a policy section: the order of the articles"),
    "organization.services.*.id": ("svc1", "an id"),
    "organization.customer_center.channels.*": ("telephone", "enum selecting wording (tested in test_enum_wording)"),
    "destruction.separate_storage": (True, "flag selecting a paragraph of the destruction article"),
    "destruction.immediate_on_withdrawal": (True, "flag selecting a paragraph of the destruction article"),
    "destruction.methods.*.medium": ("paper", "enum selecting wording"),
    "children.collects_under_14": (True, "flag: whether the children article applies (its declared false is tested apart)"),
    "children.representative_items.*": ("items1", "a reference to an item"),
    "data_subjects.*.id": ("data_subjects1", "an id"),
    "items.*.id": ("items1", "an id"),
    "items.*.sensitivity": ("sensitive", "enum selecting wording"),
    "items.*.subjects.*": ("data_subjects1", "a reference to a data subject"),
    "items.*.required": (False, "flag selecting '(required)'/'(optional)' wording"),
    "collection_points.*.id": ("collection_points1", "an id"),
    "collection_points.*.method": ("form", "enum selecting wording"),
    "collection_points.*.items.*": ("items1", "a reference to an item"),
    "purposes.*.id": ("purposes1", "an id"),
    "purposes.*.legal_basis.pipa": ("consent", "enum selecting wording"),
    "purposes.*.legal_basis.gdpr": ("6(1)(a)", "the GDPR basis: printed as it is on the site purpose page; PIPA documents do not use it"),
    "purposes.*.marketing": (True, "flag selecting the advertising paragraphs"),
    "laws.*.id": ("laws1", "an id"),
    "retention.*.id": ("retention1", "an id"),
    "retention.*.items.*": ("items1", "a reference to an item"),
    "retention.*.trigger": ("withdrawal", "enum selecting wording"),
    "retention.*.law": ("laws1", "a reference to a law"),
    "systems.*.id": ("systems1", "an id"),
    "systems.*.operator": ("processors1", "a reference to a processor"),
    "systems.*.fields.*.item": ("items1", "a reference to an item"),
    "systems.*.purposes.*": ("purposes1", "a reference to a purpose"),
    "systems.*.transfer.legal_ground": ("contract", "enum selecting wording"),
    "processors.*.id": ("processors1", "an id"),
    "processors.*.items.*": ("items1", "a reference to an item"),
    "processors.*.transfer.legal_ground": ("statute", "enum selecting wording"),
    "third_parties.*.id": ("third_parties1", "an id"),
    "third_parties.*.items.*": ("items1", "a reference to an item"),
    "third_parties.*.legal_ground": ("statute", "enum selecting wording"),
    "third_parties.*.law": ("laws1", "a reference to a law"),
    "third_parties.*.transfer.legal_ground": ("consent", "enum selecting wording"),
    "web_storage.*.id": ("web_storage1", "an id"),
    "web_storage.*.kind": ("cookie", "enum selecting wording"),
    "web_storage.*.party": ("third", "enum selecting wording"),
    "security_measures.*.category": ("technical", "enum selecting wording"),
    "rights_procedures.*.id": ("rights_procedures1", "an id"),
    "rights_procedures.*.rights.*": ("portability", "enum selecting wording"),
    "automated_decisions.*.id": ("automated_decisions1", "an id"),
    "automated_decisions.*.items.*": ("items1", "a reference to an item"),
    "ccpa.categories.*.category": ("identifiers", "CCPA category, printed in the statute's words by the CCPA documents"),
    "ccpa.categories.*.items.*": ("items1", "a reference to an item"),
    "ccpa.categories.*.purposes.*": ("purposes1", "a reference to a purpose"),
    "ccpa.sensitive.*.kind": ("health", "CCPA kind of sensitive data, printed in the statute's words by the CCPA documents"),
    "ccpa.sensitive.*.items.*": ("items1", "a reference to an item"),
    "ccpa.recipients.*.recipient": ("third_parties1", "a reference to a third party"),
    "ccpa.recipients.*.role": ("third_party", "CCPA role, printed beside the recipient by the CCPA documents"),
    "ccpa.recipients.*.disclosed.*": ("identifiers", "CCPA category, printed in the statute's words"),
    "ccpa.recipients.*.sold.*": ("identifiers", "CCPA category, printed in the statute's words"),
    "ccpa.recipients.*.shared.*": ("identifiers", "CCPA category, printed in the statute's words"),
    "ccpa.recipients.*.web_storage.*": ("web_storage1", "a reference to web storage"),
    "ccpa.no_sale": (False, "flag: a declared absence, stated by the CCPA documents (false: the recipients' sales are listed)"),
    "ccpa.no_sharing": (False, "flag: a declared absence, stated by the CCPA documents (false: the recipients' sharing is listed)"),
    "ccpa.minors_under_16": (False, "flag: a declared statement of the CCPA documents"),
    "ccpa.sensitive_beyond_limits": (True, "flag: the notice of the right to limit applies"),
    "ccpa.financial_incentives.*.categories.*": ("identifiers", "CCPA category, printed in the statute's words"),
    "ccpa.request_methods.*.channel": ("toll_free", "CCPA channel, printed beside its address"),
    "ccpa.online_only": (True, "flag: a declared statement of the CCPA documents"),
    "ccpa.opt_out_preference_signals": (True, "flag: a declared statement of the CCPA documents"),
    "items.*.fides_category": ("user.contact.email", "a Fides taxonomy key: printed by export fides (tests/test_fides.py), in no document"),
    "purposes.*.fides_use": ("essential.service", "a Fides taxonomy key: printed by export fides (tests/test_fides.py), in no document"),
    "items.*.app_label.apple": ("EMAIL_ADDRESS", "an App Store identifier: printed by export apple (tests/test_app_labels.py)"),
    "items.*.app_label.google": ("PSL_EMAIL", "a Google Play identifier: printed by export google (tests/test_app_labels.py)"),
    "items.*.app_label.linked": (True, "flag of the app-store labels (export apple)"),
    "items.*.app_label.tracking": (True, "flag of the app-store labels (export apple)"),
    "collection_points.*.in_app": (True, "flag selecting the items of the app-store labels (export apple, google)"),
    "purposes.*.store_purpose": ("app_functionality", "enum of the app-store labels (export apple, google)"),
    "third_parties.*.store_purpose": ("app_functionality", "enum of the Google Play sharing purposes (export google)"),
    "organization.controllers_served.*.id": ("controllers_served1", "an id"),
    "organization.controllers_served.*.purposes.*": ("purposes1", "a reference to a purpose"),
    "organization.controllers_served.*.systems.*": ("systems1", "a reference to a system"),
    "organization.controllers_served.*.processors.*": ("processors1", "a reference to a processor"),
    "systems.*.subject_count": (4321, "a number: printed as 4,321명 by the PIPA personal data file record (export ropa --lang ko, tests/test_ropa.py)"),
    "systems.*.processing_methods.*": ("paper", "enum printed by the PIPA personal data file record (export ropa --lang ko, tests/test_ropa.py)"),
}

#: leaf path -> value whose rendering is checked in each language's words (country names, durations, dates)
RENDERED: dict[str, object] = {
    "systems.*.country": "JP",
    "processors.*.country": "SG",
    "processors.*.sub_processors.*.country": "CH",
    "third_parties.*.country": "NZ",
    "retention.*.period": "P11Y",
    "web_storage.*.duration": "P13D",
    "policy.version": "7.7.1",
    "policy.history.*.version": "5.3.2",
    "inactive_accounts.after": "P17M",
    "inactive_accounts.storage_period": "P19D",
    "inactive_accounts.notice_before": "P23D",
    "retention.*.then.period": "P29D",
    "processors.*.retention.period": "P31D",
    "policy.effective": dt.date(2031, 3, 17),
    "policy.history.*.effective": dt.date(2029, 5, 19),
}


def rendered(path: str, value, lang: str) -> str:
    if path.endswith("version"):
        return value
    if path.endswith("country"):
        return language.country(value, lang)
    if isinstance(value, dt.date):
        return language.date(value, lang)
    return language.duration(value, lang)


@dataclass
class Marked:
    """The generated inventory sections and, per language, what each marked leaf must print as."""

    sections: dict = field(default_factory=dict)
    expected: dict[str, dict[str, str]] = field(default_factory=lambda: {"en": {}, "ko": {}})
    leaves: set[str] = field(default_factory=set)


def _is_text(schema: dict) -> bool:
    options = schema.get("anyOf", [])
    return any(o.get("type") == "string" for o in options) and any(
        o.get("type") == "object" and (set(o.get("properties", {})) == {"en", "ko"} or "patternProperties" in o) for o in options
    )


class _Generator:
    def __init__(self, root: dict) -> None:
        self.defs = root["$defs"]
        self.counter = itertools.count(1)
        self.marked = Marked()
        self.unknown: list[str] = []

    def resolve(self, schema: dict) -> dict:
        while "$ref" in schema:
            schema = self.defs[schema["$ref"].rpartition("/")[2]]
        options = [o for o in schema.get("anyOf", []) if o.get("type") != "null"]
        if len(options) == 1 and not _is_text(schema):
            return self.resolve({**options[0], **{k: v for k, v in schema.items() if k != "anyOf"}})
        return schema

    def value(self, schema: dict, path: str):
        schema = self.resolve(schema)
        if _is_text(schema):
            self.marked.leaves.add(path)
            if path in STEERING:
                return STEERING[path][0]
            n = next(self.counter)
            for lang in ("en", "ko"):
                self.marked.expected[lang][path] = f"Zq{n:04d}{lang}"
            return {lang: f"Zq{n:04d}{lang}" for lang in ("en", "ko")}
        kind = schema.get("type")
        if kind == "object":
            return {name: self.value(sub, f"{path}.{name}" if path else name) for name, sub in schema["properties"].items()}
        if kind == "array":
            return [self.value(schema["items"], f"{path}.*")]
        self.marked.leaves.add(path)
        if path in STEERING:
            return STEERING[path][0]
        if path in RENDERED:
            value = RENDERED[path]
            for lang in ("en", "ko"):
                self.marked.expected[lang][path] = rendered(path, value, lang)
            return value.isoformat() if isinstance(value, dt.date) else value
        if kind == "string" and (schema.get("description") == "email address" or path.endswith(".email")):
            marker = f"Zq{next(self.counter):04d}"
            for lang in ("en", "ko"):
                self.marked.expected[lang][path] = marker
            return f"{marker}@example.com"
        marker_fits = "pattern" not in schema or path.endswith(".version")  # a version is letters and digits, as markers are
        if kind == "string" and "enum" not in schema and marker_fits and schema.get("format") is None:
            marker = f"Zq{next(self.counter):04d}"
            for lang in ("en", "ko"):
                self.marked.expected[lang][path] = marker
            return marker
        self.unknown.append(path)
        return None


def marked_inventory(schema: dict) -> Marked:
    generator = _Generator(schema)
    for name, sub in schema["properties"].items():
        generator.marked.sections[name] = generator.value(sub, name)
    assert not generator.unknown, f"constrained fields need a value in STEERING or RENDERED: {generator.unknown}"
    return generator.marked
