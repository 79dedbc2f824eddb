"""The other controllers the organization deals with: those it processes personal data for, as a
processor (GDPR Art 30(2)), and those that decide a processing together with it (GDPR Art 26).

Part of the inventory model (:mod:`datamap.inventory.model` re-exports every class). An entry refers to
the inventory's purposes, systems and processors instead of restating them: the record of processing
derives the location, the sub-processors and the transfers (with their safeguards) from them.
"""

from __future__ import annotations

from typing import Optional

from pydantic import Field

from datamap.inventory.base import Entity, Schema
from datamap.inventory.organization import Person, Representative
from datamap.inventory.values import Email, Id, Label, Text


class ControllerServed(Entity):
    """A controller on whose behalf the organization processes personal data (GDPR Art 30(2)(a)-(d))."""

    name: Label
    address: Optional[Text] = Field(None, description="the controller's postal address")
    email: Optional[Email] = None
    phone: Optional[str] = None
    representative: Optional[Representative] = Field(None, description="the controller's representative in the EU or the UK (GDPR Art 27), where it has one")
    dpo: Optional[Person] = Field(None, description="the controller's data protection officer, where it has one")
    processing: list[Text] = Field(
        default_factory=list, description="categories of processing carried out on its behalf, e.g. 'hosting of its helpdesk tickets' (GDPR Art 30(2)(b))"
    )
    purposes: list[Id] = Field(
        default_factory=list, description="purposes of the inventory that are processing carried out on its behalf: their titles are categories of processing"
    )
    systems: list[Id] = Field(
        default_factory=list, description="systems that hold its data: where the data is, and the transfers to the processors that operate them"
    )
    processors: list[Id] = Field(
        default_factory=list, description="sub-processors engaged for its data besides the operators of those systems: the transfers to them"
    )
    contract: Optional[str] = Field(None, description="the processing contract with the controller, e.g. 'Data processing agreement of 2024-03-01'")


class JointController(Schema):
    """Another controller that decides the purposes and means of a processing together with the organization (GDPR Art 26)."""

    name: Label
    address: Optional[Text] = Field(None, description="the joint controller's postal address")
    email: Optional[Email] = None
    phone: Optional[str] = None
    arrangement: Optional[Text] = Field(
        None, description="the essence of the arrangement: who does what towards the data subjects (GDPR Art 26(1), (2))"
    )
