"""Stage 2, model: the typed inventory schema.

Every inventory file is an :class:`InventoryFile`: any subset of the sections below. Files are merged
into one :class:`Inventory` by :mod:`datamap.inventory.validate`. Human-readable text is a :data:`Text`: either a
plain string, the same in every language (names, addresses), or a mapping of language to string.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal, Optional

from pydantic import AfterValidator, ConfigDict, Field, PrivateAttr, WithJsonSchema
from pydantic_core import PydanticCustomError

from datamap.inventory.values import (  # noqa: F401  (re-exported: the model is where types are looked up)
    ANY_LANGUAGE, LANGUAGE_CODE, LANGUAGES, MAX_STRING, MAX_VERSION_LENGTH, VERSION_PATTERN, Country, Duration, Email, Id, Label,
    StorageDuration, Text, Version, is_language,
)
from datamap.inventory.base import Entity, Schema  # noqa: F401  (re-exported)
from datamap.inventory.policy_parts import (  # noqa: F401  (re-exported)
    Clause, Department, InactiveAccounts, NoticeChannel, ProcessorRetention, RetentionEvent, RetentionThen,
)
from datamap.inventory.ccpa_parts import (  # noqa: F401  (re-exported)
    Ccpa, CcpaCategory, CcpaRecipient, CcpaSensitive, FinancialIncentive, RequestMethod,
)
from datamap.inventory.store_types import AppleDataType, GoogleDataType, StorePurpose
from datamap.inventory.organization import (  # noqa: F401  (re-exported)
    Authority, CustomerCenter, DomesticAgent, Organization, Person, Representative, Service,
)
from datamap.inventory.controllers import ControllerServed, JointController  # noqa: F401  (re-exported)
from datamap.regimes import REGIMES

#: the language a plain string in a prose field is taken to be written in
DEFAULT_LANGUAGE = "en"


class PolicyVersion(Schema):
    version: Version
    effective: dt.date
    summary: Optional[Text] = None


#: what the policy calls the people whose data it processes
SubjectTerm = Literal["data_subject", "user", "member", "customer"]


def _check_regime(value: str) -> str:
    if value not in REGIMES:
        raise PydanticCustomError("regime", "unknown regime '{value}': use one of {known}", {"value": value, "known": ", ".join(REGIMES)})
    return value


def _check_language(value: str) -> str:
    if not is_language(value):
        raise PydanticCustomError("language", "'{value}' is not a language code such as en, de or ko", {"value": value})
    return value


RegimeKey = Annotated[
    str, AfterValidator(_check_regime), WithJsonSchema({"type": "string", "enum": list(REGIMES), "description": "a regime the documents follow"})
]
LanguageCode = Annotated[str, AfterValidator(_check_language), Field(description="a language code: en, de, ko, pt-BR")]


class Policy(Schema):
    regimes: list[RegimeKey] = Field(
        default_factory=lambda: ["pipa"], min_length=1,
        description="the laws the documents follow: the first shapes the document, each further one adds its own section",
    )
    languages: list[LanguageCode] = Field(
        default_factory=lambda: list(LANGUAGES), min_length=1, description="the languages documents, notices and site pages are published in"
    )
    no_special_categories: bool = Field(
        False, description="the organization declares it processes no special categories of personal data (GDPR Art 9(1))"
    )
    no_automated_decisions: bool = Field(
        False, description="the organization declares it makes no decision based solely on automated processing"
    )
    no_third_parties: bool = Field(
        False, description="the organization declares it provides personal data to no third party for the third party's own purposes"
    )
    version: Version
    effective: dt.date
    title: Optional[Label] = None
    scope_exclusions: list[Text] = Field(default_factory=list, description="what the policy does not cover")
    history: list[PolicyVersion] = Field(default_factory=list, description="earlier versions, newest first")
    earlier_versions_url: Optional[str] = Field(None, description="where earlier versions of the policy can be read")
    subject_term: SubjectTerm = Field(
        "data_subject", description="what the policy calls the people whose data it processes: 정보주체 (default), 이용자, 회원 or 고객"
    )
    preamble: Literal["pipc", "general"] = Field(
        "pipc", description="'pipc': the PIPC guideline's preamble citing PIPA Article 30; 'general': a preamble citing the privacy laws in general"
    )
    sections: Optional[list[str]] = Field(
        None,
        description="the policy's own order of sections (keys such as purposes, retention, items, clause:<id>); "
        "absent: the PIPC guideline's order. Sections with facts that the list leaves out follow the section before them in that order.",
    )


# --- what is collected, where it is kept, who receives it --------------------------------------


class AppLabel(Schema):
    """How an item collected by the app appears in the app stores' privacy labels."""

    apple: Optional[AppleDataType] = Field(None, description="Apple App Privacy data type, e.g. EMAIL_ADDRESS")
    google: Optional[GoogleDataType] = Field(None, description="Google Play Data safety data type, e.g. PSL_EMAIL")
    linked: bool = Field(description="linked to the user's identity (Apple: Data Linked to You)")
    tracking: bool = Field(description="used to track the user across other companies' apps and websites")


FidesKey = Annotated[str, Field(pattern=r"^[A-Za-z0-9_.<>-]+$", max_length=200, description="a key of the Fides taxonomy, e.g. user.contact.email")]


class Item(Entity):
    """A category of personal data as the policy names it ("Email")."""

    label: Label
    description: Optional[Text] = None
    sensitivity: Literal["ordinary", "sensitive", "unique_identifier"] = "ordinary"
    subjects: list[Id] = Field(default_factory=list, description="ids of the data subjects (under 'data_subjects') it concerns")
    required: Optional[bool] = Field(
        None, description="true: needed to use the service; false: optional. Absent: not stated (a completeness finding)"
    )
    fides_category: Optional[FidesKey] = Field(None, description="the Fides data category the item belongs to (export fides)")
    app_label: Optional[AppLabel] = Field(None, description="store data types, for items a collection point marks in_app")


class DataSubject(Entity):
    """Whose personal data it is: customers, their employees, legal representatives..."""

    name: Text


class CollectionPoint(Entity):
    """How items enter: a form, a social login, automatic collection while the service is used."""

    method: Literal["form", "social_login", "automatic", "offline", "from_third_party"]
    label: Optional[Label] = None
    provider: Optional[str] = Field(None, description="the social-login or source company")
    source: Optional[Text] = Field(None, description="where data not collected from the person comes from (GDPR Art 14(2)(f))")
    publicly_accessible: Optional[bool] = Field(None, description="whether that source is publicly accessible")
    items: list[Id] = Field(min_length=1)
    in_app: bool = Field(False, description="collected by the mobile app: its items go into the app-store privacy labels")


class OverseasTransfer(Schema):
    """What PIPA Art 28-8 asks to disclose about a transfer abroad."""

    timing: Text
    method: Text
    legal_ground: Literal["consent", "contract", "statute", "certification", "adequacy"]
    retention: Optional[Text] = None
    refusal: Optional[Text] = Field(None, description="how to refuse, and what refusing means")


class DataField(Schema):
    """A column or attribute of a system that holds an item."""

    name: str
    item: Id
    label: Optional[Label] = Field(None, description="how the policy names this field, e.g. 'ID (email)'")


class System(Entity):
    name: Label
    description: Optional[Text] = None
    operator: Id = Field("self", description="'self', or the id of the processor that operates it")
    country: Optional[Country] = Field(None, description="where it runs; the organization's country when absent")
    region: Optional[str] = None
    fields: list[DataField] = Field(default_factory=list)
    purposes: list[Id] = Field(default_factory=list)
    transfer: Optional[OverseasTransfer] = None
    subject_count: Optional[int] = Field(
        None, ge=0, description="how many data subjects the personal data file holds (PIPA Decree Art 33: 정보주체의 수)"
    )
    processing_methods: list[Literal["electronic", "paper"]] = Field(
        default_factory=list, description="how the file is processed: electronic files, paper records or both (PIPA Art 32(1): 처리방법)"
    )


class Safeguard(Schema):
    """How a transfer outside the EEA (or the UK) is protected (GDPR Art 44-49)."""

    mechanism: Literal["adequacy", "scc", "bcr", "dpf", "uk_addendum", "idta", "derogation"]
    regime: Optional[Literal["gdpr", "uk_gdpr"]] = Field(None, description="the regime it serves; absent: every regime the document follows")
    derogation: Optional[Literal["explicit_consent", "contract", "pre_contract", "public_interest", "legal_claims", "vital_interests"]] = Field(
        None, description="the Art 49(1) derogation relied on, when the mechanism is 'derogation'"
    )
    copy_from: Optional[Text] = Field(None, description="where to obtain a copy of the safeguard, or where it is made available")


class SubProcessor(Schema):
    name: Label
    country: Country
    task: Text


class Processor(Entity):
    """An entrustee: processes personal data on the organization's behalf."""

    name: Label
    country: Optional[Country] = Field(None, description="where it processes the data; absent is a completeness finding")
    tasks: list[Text] = Field(default_factory=list)
    items: Optional[list[Id]] = Field(
        None, description="items it receives, when its systems are not modelled; checked against the lineage when both exist"
    )
    contact: Optional[str] = None
    contract: Optional[str] = Field(None, description="the entrustment contract, e.g. 'Data processing agreement of 2024-03-01'")
    transfer: Optional[OverseasTransfer] = Field(
        None, description="the transfer abroad of the items it declares under 'items', when it is abroad"
    )
    sub_processors: Optional[list[SubProcessor]] = Field(
        None, description="re-entrustees; an empty list declares that there are none"
    )
    retention: Optional[ProcessorRetention] = Field(None, description="how long the entrustee keeps the data")
    safeguards: list[Safeguard] = Field(default_factory=list, description="how transfers to it outside the EEA or the UK are protected")


class ThirdParty(Entity):
    """A recipient that uses the data for its own purposes."""

    name: Label
    country: Country
    purpose: Text
    items: list[Id] = Field(min_length=1)
    retention: Text
    legal_ground: Literal["consent", "statute", "contract"]
    law: Optional[Id] = None
    contact: Optional[str] = None
    transfer: Optional[OverseasTransfer] = None
    safeguards: list[Safeguard] = Field(default_factory=list, description="how transfers to it outside the EEA or the UK are protected")
    store_purpose: Optional[StorePurpose] = Field(None, description="why it receives app data, in the app stores' terms (Google: sharing purpose)")


class LegalBasis(Schema):
    pipa: Optional[Literal["consent", "contract", "statute", "vital_interest", "legitimate_interest", "public_task"]] = None
    gdpr: Optional[Literal["6(1)(a)", "6(1)(b)", "6(1)(c)", "6(1)(d)", "6(1)(e)", "6(1)(f)"]] = Field(
        None, description="the basis under GDPR Art 6(1), also UK GDPR Art 6(1)"
    )
    gdpr_special: Optional[Literal["9(2)(a)", "9(2)(b)", "9(2)(c)", "9(2)(d)", "9(2)(e)", "9(2)(f)", "9(2)(g)", "9(2)(h)", "9(2)(i)", "9(2)(j)"]] = Field(
        None, description="the condition under GDPR Art 9(2) for special categories of data"
    )


class Purpose(Entity):
    title: Label
    details: list[Text] = Field(default_factory=list)
    legal_basis: Optional[LegalBasis] = None
    marketing: bool = False
    legitimate_interest: Optional[Text] = Field(None, description="the interest pursued, where the basis is GDPR Art 6(1)(f)")
    requirement: Optional[Literal["statutory", "contractual", "contract_prerequisite", "none"]] = Field(
        None, description="whether providing the data is a statutory or contractual requirement (GDPR Art 13(2)(e))"
    )
    consequence: Optional[Text] = Field(None, description="what happens if the person does not provide the data")
    fides_use: Optional[FidesKey] = Field(None, description="the Fides data use the purpose belongs to (export fides)")
    store_purpose: Optional[StorePurpose] = Field(None, description="the purpose in the app stores' terms (app privacy labels)")
    joint_controllers: list[JointController] = Field(
        default_factory=list, description="the controllers that decide this processing together with the organization (GDPR Art 26)"
    )


class Law(Entity):
    name: Label
    article: Optional[Label] = None


class RetentionRule(Entity):
    records: Label = Field(description="the records this rule keeps, e.g. 'Records of payment'")
    items: list[Id] = Field(default_factory=list, description="the items in those records; a statutory row may name only the records")
    period: Optional[Duration] = Field(None, description="how long; absent means until the trigger event")
    at_most: bool = Field(False, description="the period is an upper limit ('at most 1 year'), not a fixed term")
    trigger: Optional[RetentionEvent] = Field(
        None, description="the event the period runs from (or, without a period, until); absent: the period is stated alone"
    )
    then: Optional[RetentionThen] = Field(None, description="compound retention: kept until the trigger event, then this long more")
    law: Optional[Id] = Field(None, description="the statute that requires the period")
    reason: Optional[Text] = None
    criteria: Optional[Text] = Field(None, description="the criteria that set the period, where no fixed period is given (GDPR Art 13(2)(a))")


class WebStorage(Entity):
    kind: Literal["cookie", "local_storage", "session_storage", "cache_storage"]
    name: Optional[str] = None
    party: Optional[Literal["first", "third"]] = Field(None, description="first: set by the organization; third: by another company")
    provider: Optional[Text] = None
    purpose: Text
    duration: Optional[StorageDuration] = None
    how_to_refuse: Optional[Text] = None
    consent_category: Optional[Literal["strictly_necessary", "preferences", "statistics", "marketing"]] = Field(
        None, description="the consent category the cookie banner files it under"
    )


class SecurityMeasure(Schema):
    category: Literal["administrative", "technical", "physical"]
    measure: Text


Right = Literal[
    "access", "correction", "deletion", "suspension", "restriction", "withdrawal_of_consent", "portability", "objection", "automated_decision"
]


class RightsProcedure(Entity):
    rights: list[Right] = Field(min_length=1)
    how: Text


class DestructionMethod(Schema):
    medium: Literal["paper", "electronic"]
    method: Text


class Destruction(Schema):
    separate_storage: bool = Field(False, description="records kept under Article 4 are moved to separate storage first")
    immediate_on_withdrawal: bool = False
    methods: list[DestructionMethod] = Field(min_length=1)


class Children(Schema):
    """Children under 14 (PIPA Art 22-2)."""

    collects_under_14: bool
    consent_method: Optional[Text] = None
    representative_items: list[Id] = Field(default_factory=list)
    age_of_consent: Optional[int] = Field(None, ge=13, le=16, description="the age from which a child's own consent is relied on (GDPR Art 8)")


class AutomatedDecision(Entity):
    name: Label
    criteria: Text
    items: list[Id] = Field(min_length=1)
    how_to_object: Text
    consequences: Optional[Text] = Field(None, description="the significance and envisaged consequences for the person (GDPR Art 13(2)(f))")


class Remedy(Schema):
    name: Label
    phone: Optional[str] = None
    website: Optional[str] = None
    address: Optional[Text] = Field(None, description="postal address")
    handles: Optional[Text] = Field(None, description="what the body handles, e.g. 'dispute mediation'")


#: Text fields that hold prose: a sentence or phrase written in one language (a description, a reason, a
#: method, a task, a purpose). Each needs its own version in every language a document is rendered in; a
#: plain string there is English text (DEFAULT_LANGUAGE) only, reported (E401/W401) for a document in any other
#: language. Every other Text is a name -- of a company,
#: a person, a product, a data category, a law, an address -- which may be one string for every language.
PROSE: dict[str, frozenset[str]] = {
    "Item": frozenset({"description"}),
    "Policy": frozenset({"scope_exclusions"}),
    "OverseasTransfer": frozenset({"timing", "method", "retention", "refusal"}),
    "System": frozenset({"description"}),
    "SubProcessor": frozenset({"task"}),
    "Processor": frozenset({"tasks"}),
    "ThirdParty": frozenset({"purpose", "retention"}),
    "Purpose": frozenset({"title", "details"}),
    "RetentionRule": frozenset({"reason"}),
    "WebStorage": frozenset({"purpose", "how_to_refuse"}),
    "SecurityMeasure": frozenset({"measure"}),
    "RightsProcedure": frozenset({"how"}),
    "DestructionMethod": frozenset({"method"}),
    "Children": frozenset({"consent_method"}),
    "AutomatedDecision": frozenset({"criteria", "how_to_object"}),
}

#: sections that are lists of entities, in the order the policy uses them
LIST_SECTIONS = {
    "data_subjects": DataSubject,
    "items": Item,
    "collection_points": CollectionPoint,
    "purposes": Purpose,
    "laws": Law,
    "retention": RetentionRule,
    "systems": System,
    "processors": Processor,
    "third_parties": ThirdParty,
    "web_storage": WebStorage,
    "security_measures": SecurityMeasure,
    "rights_procedures": RightsProcedure,
    "automated_decisions": AutomatedDecision,
    "remedies": Remedy,
    "clauses": Clause,
}
#: sections held once in the whole inventory
SINGLE_SECTIONS = {
    "organization": Organization,
    "policy": Policy,
    "destruction": Destruction,
    "children": Children,
    "inactive_accounts": InactiveAccounts,
    "ccpa": Ccpa,
}
REQUIRED_SECTIONS = ("organization", "policy")


class InventoryFile(Schema):
    """One inventory file: any subset of the sections. Entities may be split across files freely."""

    model_config = ConfigDict(extra="forbid", title="datamap inventory file")

    organization: Optional[Organization] = None
    policy: Optional[Policy] = None
    destruction: Optional[Destruction] = None
    children: Optional[Children] = None
    inactive_accounts: Optional[InactiveAccounts] = None
    ccpa: Optional[Ccpa] = Field(None, description="the California disclosures (CCPA/CPRA)")
    data_subjects: list[DataSubject] = Field(default_factory=list)
    items: list[Item] = Field(default_factory=list)
    collection_points: list[CollectionPoint] = Field(default_factory=list)
    purposes: list[Purpose] = Field(default_factory=list)
    laws: list[Law] = Field(default_factory=list)
    retention: list[RetentionRule] = Field(default_factory=list)
    systems: list[System] = Field(default_factory=list)
    processors: list[Processor] = Field(default_factory=list)
    third_parties: list[ThirdParty] = Field(default_factory=list)
    web_storage: list[WebStorage] = Field(default_factory=list)
    security_measures: list[SecurityMeasure] = Field(default_factory=list)
    rights_procedures: list[RightsProcedure] = Field(default_factory=list)
    automated_decisions: list[AutomatedDecision] = Field(default_factory=list)
    remedies: list[Remedy] = Field(default_factory=list)
    clauses: list[Clause] = Field(default_factory=list)


class Inventory(InventoryFile):
    """The whole inventory, merged from its files. Built by :func:`datamap.inventory.validate.build_inventory`."""

    model_config = ConfigDict(title="datamap inventory")

    organization: Organization
    policy: Policy
    #: where each entity was written: id(entity) -> (file, path)
    _locations: dict = PrivateAttr(default_factory=dict)
    #: (graph, facts): the documents' facts, computed once per build (datamap.lineage.facts_of)
    _facts: Any = PrivateAttr(default=None)

    def location(self, entity: Any) -> tuple[str, tuple]:
        return self._locations.get(id(entity), ("", ()))

    def by_id(self, section: str) -> dict[str, Any]:
        return {entity.id: entity for entity in getattr(self, section)}

    def system_country(self, system: System) -> str:
        return system.country or self.organization.country


def json_schema() -> dict:
    schema = InventoryFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
