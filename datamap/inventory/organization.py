"""The organization that publishes the documents: its names, contacts, officers, departments and
representatives. Part of the inventory model (:mod:`datamap.inventory.model` re-exports every class)."""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import Field

from datamap.inventory.base import Entity, Schema
from datamap.inventory.policy_parts import Department
from datamap.inventory.values import Country, Email, Label, Text


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
    channels: list[Literal["writing", "telephone", "email", "web"]] = Field(min_length=1, description="how customers reach the center")
    email: Optional[Email] = None
    phone: Optional[str] = None
    url: Optional[str] = None


class DomesticAgent(Schema):
    """Korean domestic agent of a foreign business (PIPA Art 31-2)."""

    name: Label
    address: Text
    phone: str
    email: Email


class Representative(Schema):
    """A representative in the EU or the UK of an organization established outside it (GDPR Art 27)."""

    name: Label
    address: Optional[Text] = None
    email: Optional[Email] = None
    phone: Optional[str] = None


class Authority(Schema):
    """The supervisory authority a person may complain to (GDPR Art 77): the lead authority."""

    name: Label
    address: Optional[Text] = None
    email: Optional[Email] = None
    phone: Optional[str] = None
    website: Optional[str] = None


class Organization(Schema):
    name: Label
    trade_name: Optional[Label] = Field(None, description="the name the organization trades under, when not its legal name")
    parent: Optional[Label] = Field(None, description="the parent company, when the organization belongs to a group")
    role: Optional[Literal["controller", "processor", "joint_controller"]] = Field(
        None, description="whether the organization decides the purposes of the processing (controller) or acts on another's behalf"
    )
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
    privacy_department: Optional[Department] = Field(None, description="the department that assists the privacy officer")
    access_department: Optional[Department] = Field(
        None, description="the department that receives and handles requests to access personal information (PIPA Art 35)"
    )
    customer_center: Optional[CustomerCenter] = None
    domestic_agent: Optional[DomesticAgent] = None
    dpo: Optional[Person] = Field(None, description="data protection officer (GDPR Art 37-39)")
    dpo_required: Optional[bool] = Field(None, description="whether the law requires the organization to appoint a DPO")
    eu_representative: Optional[Representative] = None
    uk_representative: Optional[Representative] = None
    supervisory_authority: Optional[Authority] = Field(None, description="the lead supervisory authority (GDPR Art 56, 77)")
    controllers_served: list["ControllerServed"] = Field(
        default_factory=list, description="the controllers the organization processes personal data for, as a processor (GDPR Art 30(2))"
    )


from datamap.inventory.controllers import ControllerServed  # noqa: E402  (it builds on Person and Representative above)

Organization.model_rebuild()
