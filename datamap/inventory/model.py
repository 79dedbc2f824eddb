"""Stage 2, model: the typed inventory schema.

Every inventory file is an :class:`InventoryFile`: any subset of the sections below. Files are merged
into one :class:`Inventory` by :mod:`datamap.inventory.validate`. Human-readable text is a :data:`Text`: either a
plain string, the same in every language (names, addresses), or a mapping of language to string.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from datamap.inventory.values import (  # noqa: F401  (re-exported: the model is where types are looked up)
    ANY_LANGUAGE, LANGUAGES, MAX_STRING, Country, Duration, Email, Label, StorageDuration, Text,
)

Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$", description="lower-case identifier, unique in its section")]


class Schema(BaseModel):
    """Base of every inventory mapping: unknown keys are errors, not silently ignored."""

    model_config = ConfigDict(extra="forbid", populate_by_name=False, str_max_length=MAX_STRING)


class Entity(Schema):
    id: Id


# --- organization ------------------------------------------------------------------------------


class Service(Entity):
    name: Label
    url: Optional[str] = None


class Person(Schema):
    """A named contact: the privacy officer, a complaints department."""

    name: Optional[Label] = None
    title: Optional[Label] = None
    department: Optional[Label] = None
    email: Optional[Email] = None
    phone: Optional[str] = None


class CustomerCenter(Schema):
    channels: list[Literal["writing", "telephone", "email", "web"]] = ["email"]
    email: Optional[Email] = None
    phone: Optional[str] = None
    url: Optional[str] = None


class DomesticAgent(Schema):
    """Korean domestic agent of a foreign business (PIPA Art 31-2)."""

    name: Label
    address: Text
    phone: str
    email: Email


class Organization(Schema):
    name: Label
    short_name: Label = Field(description="how the policy refers to the organization, e.g. 'the Company'")
    country: Country
    address: Optional[Text] = None
    email: Optional[Email] = None
    phone: Optional[str] = None
    website: Optional[str] = None
    terms_of_use: Optional[Label] = Field(None, description="name of the terms the policy's definitions follow")
    services: list[Service] = Field(min_length=1)
    privacy_officer: Person
    complaints_department: Optional[Person] = None
    customer_center: Optional[CustomerCenter] = None
    domestic_agent: Optional[DomesticAgent] = None


class PolicyVersion(Schema):
    version: str
    effective: dt.date
    summary: Optional[Text] = None


class Policy(Schema):
    version: str
    effective: dt.date
    title: Optional[Label] = None
    scope_exclusions: list[Text] = Field(default_factory=list, description="what the policy does not cover")
    history: list[PolicyVersion] = Field(default_factory=list, description="earlier versions, newest first")


# --- what is collected, where it is kept, who receives it --------------------------------------


class Item(Entity):
    """A category of personal data as the policy names it ("Email")."""

    label: Label
    description: Optional[Text] = None
    sensitivity: Literal["ordinary", "sensitive", "unique_identifier"] = "ordinary"
    subjects: list[Id] = Field(default_factory=lambda: ["customer"])
    required: bool = True


class CollectionPoint(Entity):
    """How items enter: a form, a social login, automatic collection while the service is used."""

    method: Literal["form", "social_login", "automatic", "offline", "from_third_party"]
    label: Optional[Label] = None
    provider: Optional[str] = Field(None, description="the social-login or source company")
    items: list[Id] = Field(min_length=1)


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


class SubProcessor(Schema):
    name: Label
    country: Country
    task: Text


class Processor(Entity):
    """An entrustee: processes personal data on the organization's behalf."""

    name: Label
    country: Country
    tasks: list[Text] = Field(default_factory=list)
    contact: Optional[str] = None
    contract: Optional[str] = None
    sub_processors: list[SubProcessor] = Field(default_factory=list)


class ThirdParty(Entity):
    """A recipient that uses the data for its own purposes."""

    name: Label
    country: Country
    purpose: Text
    items: list[Id] = Field(min_length=1)
    retention: Text
    legal_ground: Literal["consent", "statute", "contract"] = "consent"
    law: Optional[Id] = None
    contact: Optional[str] = None
    transfer: Optional[OverseasTransfer] = None


class LegalBasis(Schema):
    pipa: Optional[Literal["consent", "contract", "statute", "vital_interest", "legitimate_interest", "public_task"]] = None
    gdpr: Optional[Literal["6(1)(a)", "6(1)(b)", "6(1)(c)", "6(1)(d)", "6(1)(e)", "6(1)(f)"]] = None


class Purpose(Entity):
    title: Label
    details: list[Text] = Field(default_factory=list)
    legal_basis: Optional[LegalBasis] = None
    marketing: bool = False


class Law(Entity):
    name: Label
    article: Optional[Label] = None


class RetentionRule(Entity):
    records: Label = Field(description="the records this rule keeps, e.g. 'Records of payment'")
    items: list[Id] = Field(min_length=1)
    period: Optional[Duration] = Field(None, description="how long; absent means until the trigger event")
    trigger: Literal["collection", "withdrawal", "purpose_achieved", "contract_end", "transaction"] = "collection"
    law: Optional[Id] = Field(None, description="the statute that requires the period")
    reason: Optional[Text] = None


class WebStorage(Entity):
    kind: Literal["cookie", "local_storage", "session_storage", "cache_storage"]
    name: Optional[str] = None
    party: Literal["first", "third"] = "first"
    provider: Optional[Text] = None
    purpose: Text
    duration: Optional[StorageDuration] = None
    how_to_refuse: Optional[Text] = None


class SecurityMeasure(Schema):
    category: Literal["administrative", "technical", "physical"]
    measure: Text


Right = Literal["access", "correction", "deletion", "suspension", "withdrawal_of_consent", "portability", "objection", "automated_decision"]


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


class AutomatedDecision(Entity):
    name: Label
    criteria: Text
    items: list[Id] = Field(min_length=1)
    how_to_object: Text


class Remedy(Schema):
    name: Label
    phone: Optional[str] = None
    website: Optional[str] = None


#: sections that are lists of entities, in the order the policy uses them
LIST_SECTIONS = {
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
}
#: sections held once in the whole inventory
SINGLE_SECTIONS = {
    "organization": Organization,
    "policy": Policy,
    "destruction": Destruction,
    "children": Children,
}
REQUIRED_SECTIONS = ("organization", "policy", "destruction")


class InventoryFile(Schema):
    """One inventory file: any subset of the sections. Entities may be split across files freely."""

    model_config = ConfigDict(extra="forbid", title="datamap inventory file")

    organization: Optional[Organization] = None
    policy: Optional[Policy] = None
    destruction: Optional[Destruction] = None
    children: Optional[Children] = None
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


class Inventory(InventoryFile):
    """The whole inventory, merged from its files. Built by :func:`datamap.inventory.validate.build_inventory`."""

    model_config = ConfigDict(title="datamap inventory")

    organization: Organization
    policy: Policy
    destruction: Destruction
    #: where each entity was written: id(entity) -> (file, path)
    _locations: dict = PrivateAttr(default_factory=dict)

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
