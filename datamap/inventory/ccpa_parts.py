"""The ``ccpa:`` section: what the California Consumer Privacy Act (as amended by the CPRA) and its
regulations (11 CCR §7000 ff.) ask a business to disclose that the rest of the inventory does not hold.

Items are mapped to the statute's categories of Civ. Code 1798.140(v)(1)(A)-(K) and to the kinds of sensitive
personal information of 1798.140(ae); each recipient (a processor or third party of the inventory, by id) is
named a service provider, contractor or third party, with the categories it receives for a business purpose,
buys (sale) or receives for cross-context behavioural advertising (sharing). :mod:`datamap.inventory.model`
puts the section beside the others; :mod:`datamap.regimes.ccpa` turns it into the policy section and notices.
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import Field

from datamap.inventory.base import Schema
from datamap.inventory.values import Id, Label, Text

#: Civ. Code 1798.140(v)(1)(A)-(K), in the statute's order
CcpaCategoryKey = Literal[
    "identifiers", "customer_records", "protected_characteristics", "commercial_information", "biometric_information",
    "network_activity", "geolocation", "sensory_information", "professional_information", "education_information", "inferences",
]
#: Civ. Code 1798.140(ae)
SensitiveKind = Literal[
    "government_id", "account_credentials", "financial_account", "precise_geolocation", "racial_or_ethnic_origin",
    "citizenship_or_immigration_status", "religious_or_philosophical_beliefs", "union_membership", "communications_content",
    "genetic_data", "biometric_identification", "health", "sex_life_or_orientation",
]


class CcpaCategory(Schema):
    """One statutory category collected in the last 12 months, and the inventory items that fall into it."""

    category: CcpaCategoryKey
    items: list[Id] = Field(min_length=1)
    sources: list[Text] = Field(default_factory=list, description="the categories of sources it comes from; absent: derived from the collection points")
    purposes: list[Id] = Field(default_factory=list, description="the business or commercial purposes (purpose ids); absent: derived from the lineage")
    retention: Optional[Text] = Field(None, description="how long it is kept, or the criteria that set the period; absent: the retention rules of its items")


class CcpaSensitive(Schema):
    """Items that are sensitive personal information, and of which kind."""

    kind: SensitiveKind
    items: list[Id] = Field(min_length=1)


class CcpaRecipient(Schema):
    """What one processor or third party of the inventory is under the CCPA, and what it receives."""

    recipient: Id = Field(description="the id of a processor or third party of the inventory")
    role: Literal["service_provider", "contractor", "third_party"]
    disclosed: list[CcpaCategoryKey] = Field(default_factory=list, description="categories disclosed to it for a business purpose")
    sold: Optional[list[CcpaCategoryKey]] = Field(None, description="categories sold to it; [] for none; absent: not answered")
    shared: Optional[list[CcpaCategoryKey]] = Field(None, description="categories shared with it for cross-context behavioural advertising; [] for none")
    sale_purpose: Optional[Text] = Field(None, description="why it is sold or shared")
    web_storage: list[Id] = Field(default_factory=list, description="the cookies and SDKs (web_storage ids) through which it receives the data")


class RequestMethod(Schema):
    """A way to submit a request to know, delete, correct, opt out or limit (1798.130(a)(1))."""

    channel: Literal["toll_free", "web_form", "email", "mail", "in_person", "app"]
    address: str = Field(description="the number, web address, email or postal address")


class FinancialIncentive(Schema):
    """A financial incentive or price or service difference offered for personal information (11 CCR §7016)."""

    name: Label
    terms: Text
    categories: list[CcpaCategoryKey] = Field(min_length=1)
    value: Text = Field(description="a good-faith estimate of the value of the data and how it is calculated")
    how_to_opt_in: Text
    how_to_withdraw: Text


class Ccpa(Schema):
    """The California disclosures (Civ. Code 1798.100 ff., 11 CCR §7011-7016)."""

    categories: list[CcpaCategory] = Field(default_factory=list)
    sensitive: list[CcpaSensitive] = Field(default_factory=list)
    recipients: list[CcpaRecipient] = Field(default_factory=list)
    no_sale: bool = Field(False, description="the business declares it has not sold personal information in the last 12 months")
    no_sharing: bool = Field(False, description="the business declares it has not shared personal information for cross-context behavioural advertising")
    minors_under_16: Optional[bool] = Field(None, description="whether it sells or shares personal information of consumers under 16 with actual knowledge")
    sensitive_beyond_limits: Optional[bool] = Field(
        None, description="whether it uses or discloses sensitive personal information beyond the purposes of 11 CCR §7027(m)")
    financial_incentives: list[FinancialIncentive] = Field(default_factory=list)
    request_methods: list[RequestMethod] = Field(default_factory=list)
    online_only: bool = Field(False, description="the business operates exclusively online and has a direct relationship with consumers (no toll-free number needed)")
    verification: Optional[Text] = Field(None, description="how requests are verified")
    authorized_agents: Optional[Text] = Field(None, description="how an authorized agent submits a request")
    opt_out_preference_signals: Optional[bool] = Field(None, description="whether opt-out preference signals such as Global Privacy Control are honoured")
    opt_out_link: Optional[str] = Field(None, description="the address of the 'Do Not Sell or Share My Personal Information' page")
    limit_link: Optional[str] = Field(None, description="the address of the 'Limit the Use of My Sensitive Personal Information' page")
