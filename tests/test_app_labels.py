"""App-store privacy labels: Apple's JSON checked against a schema of the fastlane format, Google's CSV read back."""

from __future__ import annotations

import csv
import io
import json
import shutil

import jsonschema
import pytest

from conftest import FIXTURES, REFERENCE
from datamap.inventory.store_types import APPLE_DATA_TYPES, GOOGLE_GROUP, STORE_PURPOSES

FULL = FIXTURES / "full"

#: fastlane's app_privacy_details.json, with the App Store Connect API's identifiers
APPLE_SCHEMA = {
    "type": "array",
    "minItems": 1,
    "items": {
        "type": "object",
        "additionalProperties": False,
        "required": ["category", "purposes", "data_protections"],
        "properties": {
            "category": {"enum": list(APPLE_DATA_TYPES)},
            "purposes": {"type": "array", "minItems": 1, "uniqueItems": True,
                         "items": {"enum": ["THIRD_PARTY_ADVERTISING", "DEVELOPERS_ADVERTISING", "ANALYTICS", "PRODUCT_PERSONALIZATION",
                                            "APP_FUNCTIONALITY", "OTHER_PURPOSES"]}},
            "data_protections": {"type": "array", "minItems": 1, "uniqueItems": True,
                                 "items": {"enum": ["DATA_LINKED_TO_YOU", "DATA_NOT_LINKED_TO_YOU", "DATA_USED_TO_TRACK_YOU"]}},
        },
    },
}


def _copy(tmp_path, source=FULL):
    inv = tmp_path / "inv"
    shutil.copytree(source, inv)
    return inv


def _replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_apple_privacy_details_validate_and_hold_the_declared_facts(run):
    result = run("export", "apple", FULL)
    assert result.code == 0, result.err
    usages = json.loads(result.out)
    jsonschema.validate(usages, APPLE_SCHEMA)
    by_category = {u["category"]: u for u in usages}
    assert sorted(by_category) == ["DEVICE_ID", "EMAIL_ADDRESS", "HEALTH", "NAME", "PHONE_NUMBER"]
    # device_id serves the service and fraud prevention: both are app functionality for Apple
    assert by_category["DEVICE_ID"]["purposes"] == ["APP_FUNCTIONALITY"]
    assert "DEVELOPERS_ADVERTISING" in by_category["EMAIL_ADDRESS"]["purposes"]  # the newsletter
    assert by_category["NAME"]["data_protections"] == ["DATA_LINKED_TO_YOU"]
    # payments come from the payment gateway, not from the app
    assert "PAYMENT_INFORMATION" not in by_category


def test_tracking_and_not_linked(run, tmp_path):
    inv = _copy(tmp_path)
    _replace(inv / "items.yaml", "{apple: DEVICE_ID, google: PSL_DEVICE_ID, linked: true, tracking: false}",
             "{apple: DEVICE_ID, google: PSL_DEVICE_ID, linked: false, tracking: true}")
    usages = {u["category"]: u for u in json.loads(run("export", "apple", inv).out)}
    assert usages["DEVICE_ID"]["data_protections"] == ["DATA_NOT_LINKED_TO_YOU", "DATA_USED_TO_TRACK_YOU"]


def test_google_data_safety_csv_is_read_back(run):
    result = run("export", "google", FULL)
    assert result.code == 0, result.err
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert list(rows[0]) == ["Question ID (machine readable)", "Response ID (machine readable)", "Response value", "Answer requirement",
                             "Human-friendly question label"]
    answers = {(r["Question ID (machine readable)"], r["Response ID (machine readable)"]) for r in rows if r["Response value"] == "TRUE"}
    assert ("PSL_DATA_TYPES_PERSONAL", "PSL_EMAIL") in answers
    assert ("PSL_DATA_TYPES_HEALTH_AND_FITNESS", "PSL_HEALTH") in answers
    # the insurer (a third party) receives name and phone: shared; the processors do not count as sharing
    assert ("PSL_DATA_USAGE_RESPONSES:PSL_PHONE:PSL_DATA_USAGE_COLLECTION_AND_SHARING", "PSL_DATA_USAGE_ONLY_SHARED") in answers
    assert ("PSL_DATA_USAGE_RESPONSES:PSL_DEVICE_ID:PSL_DATA_USAGE_COLLECTION_AND_SHARING", "PSL_DATA_USAGE_ONLY_SHARED") not in answers
    # health is optional in the inventory; email required
    assert ("PSL_DATA_USAGE_RESPONSES:PSL_HEALTH:DATA_USAGE_USER_CONTROL", "PSL_DATA_USAGE_USER_CONTROL_OPTIONAL") in answers
    assert ("PSL_DATA_USAGE_RESPONSES:PSL_EMAIL:DATA_USAGE_USER_CONTROL", "PSL_DATA_USAGE_USER_CONTROL_REQUIRED") in answers
    assert ("PSL_DATA_USAGE_RESPONSES:PSL_DEVICE_ID:DATA_USAGE_COLLECTION_PURPOSE", "PSL_FRAUD_PREVENTION_SECURITY_COMPLIANCE") in answers
    google_ids = set(GOOGLE_GROUP) | {p for _, p in STORE_PURPOSES.values()}
    for question, response in answers:
        if question.startswith("PSL_DATA_TYPES_"):
            assert GOOGLE_GROUP[response] == question
        elif ":" in question:
            assert question.split(":")[1] in google_ids
    # nothing the inventory does not say: no answers on encryption or deletion
    assert not any("ENCRYPTED" in r["Question ID (machine readable)"] or "DELETION" in r["Question ID (machine readable)"] for r in rows)


def test_check_finds_app_items_without_store_data_type(run, tmp_path):
    inv = _copy(tmp_path)
    _replace(inv / "items.yaml", "    app_label: {apple: HEALTH, google: PSL_HEALTH, linked: true, tracking: false}\n", "")
    result = run("check", inv, "--no-stale")
    assert result.code == 1
    assert "E900 item 'health' is collected by the app but has no store data type" in result.out


def test_check_finds_purposes_without_store_purpose_and_stray_labels(run, tmp_path):
    inv = _copy(tmp_path)
    _replace(inv / "purposes.yaml", "    store_purpose: fraud_prevention\n", "")
    _replace(inv / "items.yaml", "    fides_category: user.financial\n", "    fides_category: user.financial\n    app_label: {apple: PAYMENT_INFORMATION, linked: true, tracking: false}\n")
    out = run("check", inv, "--no-stale").out
    assert "E904 purpose 'fraud' uses data the app collects but has no store_purpose" in out
    assert "W900 item 'payments' has an app_label but no in_app collection point collects it" in out


def test_export_for_one_store_needs_that_store_data_type(run, tmp_path):
    inv = _copy(tmp_path)
    _replace(inv / "items.yaml", "{apple: HEALTH, google: PSL_HEALTH, linked: true, tracking: false}", "{apple: HEALTH, linked: true, tracking: false}")
    assert run("export", "apple", inv).code == 0
    result = run("export", "google", inv)
    assert result.code == 1
    assert "E902 item 'health' is collected by the app but has no google data type" in result.err


def test_unknown_store_data_type_is_a_schema_error(run, tmp_path):
    inv = _copy(tmp_path)
    _replace(inv / "items.yaml", "apple: HEALTH,", "apple: HEALTHY,")
    result = run("validate", inv)
    assert result.code == 1 and "E203" in result.out


@pytest.mark.parametrize("store", ["apple", "google"])
def test_an_inventory_without_an_app_says_so(run, store):
    result = run("export", store, REFERENCE)
    assert result.code == 1
    assert "E907 no collection point is marked 'in_app: true'" in result.err
