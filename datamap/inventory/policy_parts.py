"""Parts of the schema that real PIPA policies need beyond the basics: the departments a policy names,
compound and open retention, an entrustee's retention, the inactive-account rule (개인정보 유효기간제) and the
company's own clauses. :mod:`datamap.inventory.model` puts them in their sections.
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import Field

from datamap.inventory.base import Entity, Schema
from datamap.inventory.values import Duration, Email, Label, Text


class Department(Schema):
    """A department the policy names with its contacts: the officer's, the complaints or the access-requests department."""

    name: Label
    contact_person: Optional[Label] = Field(None, description="the person in charge, if the policy names one")
    phone: Optional[str] = None
    email: Optional[Email] = None


RetentionEvent = Literal["collection", "withdrawal", "purpose_achieved", "contract_end", "transaction"]


class RetentionThen(Schema):
    """The second stage of a compound retention: after the trigger event, kept this long more."""

    period: Duration
    reason: Optional[Text] = Field(None, description="why it is kept this long more, e.g. 'to prevent re-registration abuse'")


class ProcessorRetention(Schema):
    """How long an entrustee keeps the data: until an event, for a period, or by criteria."""

    until: Optional[Literal["contract_end", "withdrawal", "purpose_achieved"]] = None
    period: Optional[Duration] = None
    criteria: Optional[Text] = None


NoticeChannel = Literal["email", "sms", "post", "phone", "app_push", "in_service"]


class InactiveAccounts(Schema):
    """Inactive-account rule (개인정보 유효기간제): what happens to the data of people who stop using the service."""

    after: Duration = Field(description="period without use after which the rule applies, e.g. P1Y")
    action: Literal["separate_storage", "destruction"]
    storage_period: Optional[Duration] = Field(None, description="with separate storage: how long it is kept apart before destruction")
    notice_before: Optional[Duration] = Field(None, description="how long in advance the person is told, e.g. P30D")
    notice_channels: list[NoticeChannel] = Field(default_factory=list, description="how the person is told")
    notice_items: list[Text] = Field(default_factory=list, description="what the notice says, when the policy lists it")
    reactivation: Optional[Text] = Field(None, description="how a person reactivates the account")


class Clause(Entity):
    """A section or paragraph the company writes itself (business transfer, notice of changes, limits of rights...)."""

    title: Text
    paragraphs: list[Text] = Field(min_length=1)
    placement: Literal["article", "paragraph"] = Field(
        "article", description="'article': a numbered article of its own; 'paragraph': added at the end of the section named by 'after'"
    )
    after: Optional[str] = Field(None, description="the section it follows (or, for a paragraph, ends); absent: before the addendum")
