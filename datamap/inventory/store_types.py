"""The app stores' vocabularies: the data types and purposes of Apple's App Privacy details and of
Google Play's Data safety form.

Apple's identifiers are those of the App Store Connect API (``appDataUsageCategories``,
``appDataUsagePurposes``) as fastlane's ``app_privacy_details.json`` uses them; Google's are the
machine-readable ids of the Data safety CSV the Play Console exports and imports. An inventory names
an item's store data types with these identifiers (``items[].app_label``) and a purpose's store
purpose with :data:`STORE_PURPOSES`, a neutral list mapped to each store below.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

#: Apple App Privacy data types (App Store Connect API appDataUsageCategories)
APPLE_DATA_TYPES = (
    "NAME", "EMAIL_ADDRESS", "PHONE_NUMBER", "PHYSICAL_ADDRESS", "OTHER_CONTACT_INFO",
    "HEALTH", "FITNESS",
    "PAYMENT_INFORMATION", "CREDIT_AND_FRAUD", "OTHER_FINANCIAL_INFO",
    "PRECISE_LOCATION", "COARSE_LOCATION",
    "SENSITIVE_INFO",
    "CONTACTS",
    "EMAILS_OR_TEXT_MESSAGES", "PHOTOS_OR_VIDEOS", "AUDIO", "GAMEPLAY_CONTENT", "CUSTOMER_SUPPORT", "OTHER_USER_CONTENT",
    "BROWSING_HISTORY", "SEARCH_HISTORY",
    "USER_ID", "DEVICE_ID",
    "PURCHASE_HISTORY",
    "PRODUCT_INTERACTION", "ADVERTISING_DATA", "OTHER_USAGE_DATA",
    "CRASH_DATA", "PERFORMANCE_DATA", "OTHER_DIAGNOSTIC_DATA",
    "OTHER_DATA",
)

#: Google Play Data safety data types, by the question (data type group) that lists them
GOOGLE_DATA_TYPES = {
    "PSL_DATA_TYPES_PERSONAL": ("PSL_NAME", "PSL_EMAIL", "PSL_USER_ACCOUNT", "PSL_ADDRESS", "PSL_PHONE", "PSL_RACE_ETHNICITY",
                                "PSL_POLITICAL_RELIGIOUS", "PSL_SEXUAL_ORIENTATION_GENDER_IDENTITY", "PSL_OTHER_PERSONAL"),
    "PSL_DATA_TYPES_FINANCIAL": ("PSL_CREDIT_DEBIT_BANK_ACCOUNT_NUMBER", "PSL_PURCHASE_HISTORY", "PSL_CREDIT_SCORE", "PSL_OTHER"),
    "PSL_DATA_TYPES_LOCATION": ("PSL_APPROX_LOCATION", "PSL_PRECISE_LOCATION"),
    "PSL_DATA_TYPES_SEARCH_AND_BROWSING": ("PSL_WEB_BROWSING_HISTORY",),
    "PSL_DATA_TYPES_EMAIL_AND_TEXT": ("PSL_EMAILS", "PSL_SMS_CALL_LOG", "PSL_OTHER_MESSAGES"),
    "PSL_DATA_TYPES_PHOTOS_AND_VIDEOS": ("PSL_PHOTOS", "PSL_VIDEOS"),
    "PSL_DATA_TYPES_AUDIO": ("PSL_AUDIO", "PSL_MUSIC", "PSL_OTHER_AUDIO"),
    "PSL_DATA_TYPES_HEALTH_AND_FITNESS": ("PSL_HEALTH", "PSL_FITNESS"),
    "PSL_DATA_TYPES_CONTACTS": ("PSL_CONTACTS",),
    "PSL_DATA_TYPES_CALENDAR": ("PSL_CALENDAR",),
    "PSL_DATA_TYPES_APP_PERFORMANCE": ("PSL_CRASH_LOGS", "PSL_PERFORMANCE_DIAGNOSTICS", "PSL_OTHER_PERFORMANCE"),
    "PSL_DATA_TYPES_FILES_AND_DOCS": ("PSL_FILES_AND_DOCS",),
    "PSL_DATA_TYPES_APP_ACTIVITY": ("PSL_USER_INTERACTION", "PSL_IN_APP_SEARCH_HISTORY", "PSL_APPS_ON_DEVICE",
                                    "PSL_USER_GENERATED_CONTENT", "PSL_OTHER_APP_ACTIVITY"),
    "PSL_DATA_TYPES_IDENTIFIERS": ("PSL_DEVICE_ID",),
}
GOOGLE_GROUP = {data_type: group for group, types in GOOGLE_DATA_TYPES.items() for data_type in types}

#: why an app uses data, in terms both stores can answer: -> (Apple purpose, Google purpose)
STORE_PURPOSES = {
    "app_functionality": ("APP_FUNCTIONALITY", "PSL_APP_FUNCTIONALITY"),
    "analytics": ("ANALYTICS", "PSL_ANALYTICS"),
    "personalization": ("PRODUCT_PERSONALIZATION", "PSL_PERSONALIZATION"),
    "developer_advertising": ("DEVELOPERS_ADVERTISING", "PSL_ADVERTISING"),
    "third_party_advertising": ("THIRD_PARTY_ADVERTISING", "PSL_ADVERTISING"),
    "developer_communications": ("OTHER_PURPOSES", "PSL_DEVELOPER_COMMUNICATIONS"),
    "account_management": ("APP_FUNCTIONALITY", "PSL_ACCOUNT_MANAGEMENT"),
    "fraud_prevention": ("APP_FUNCTIONALITY", "PSL_FRAUD_PREVENTION_SECURITY_COMPLIANCE"),
}



def _one_of(values: tuple[str, ...], store: str):
    """A validator: one of the store's identifiers (kept as identifiers, not words: they are the store's codes)."""

    def check(value: str) -> str:
        if value not in values:
            raise PydanticCustomError("store_type", "'{value}' is not a data type of {store}, such as {example}",
                                      {"value": value, "store": store, "example": values[1]})
        return value

    return check


AppleDataType = Annotated[str, AfterValidator(_one_of(APPLE_DATA_TYPES, "Apple App Privacy")), WithJsonSchema({"enum": list(APPLE_DATA_TYPES)})]
GoogleDataType = Annotated[str, AfterValidator(_one_of(tuple(GOOGLE_GROUP), "Google Play Data safety")), WithJsonSchema({"enum": list(GOOGLE_GROUP)})]
StorePurpose = Literal[tuple(STORE_PURPOSES)]  # type: ignore[valid-type]
