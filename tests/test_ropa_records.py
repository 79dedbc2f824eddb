"""The processor's record (GDPR Art 30(2)), the joint controllers of Art 26 and the PIPA file's method and
number of data subjects: declared, validated, exported and read back with csv and openpyxl."""

from __future__ import annotations

import csv
import io
import shutil

import pytest
from openpyxl import load_workbook

from conftest import FIXTURES, REFERENCE
from datamap.exports.ropa import COLUMNS
from datamap.exports.ropa_processor import COLUMNS as PROCESSOR_COLUMNS

SERVED = """  controllers_served:
    - id: acme
      name: Acme Retail GmbH
      address: Hauptstraße 5, 80331 München, Germany
      email: privacy@acme.example
      representative: {name: Acme UK Rep Ltd, email: rep@acme.example}
      dpo: {name: Jan Roth, email: dpo@acme.example}
      processing: [hosting of Acme's customer accounts in the Wolkenwerk app]
      purposes: [service]
      systems: [app_db, support]
      processors: [postmark]
      contract: Data processing agreement of 2025-01-15
    - id: bakery
      name: Bäckerei Schmidt
      processing: [sending order confirmations]
"""
JOINT = """    joint_controllers:
      - name: Nordlicht Holding AG
        email: privacy@nordlicht.example
        arrangement: Nordlicht answers all requests from data subjects about fraud checks
"""


def _csv(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def served(tmp_path):
    """gdpr_full, processing for two controllers and sharing its fraud checks with its parent."""
    inv = tmp_path / "inv"
    shutil.copytree(FIXTURES / "gdpr_full", inv)
    org = inv / "organization.yaml"
    org.write_text(org.read_text(encoding="utf-8").replace("  supervisory_authority:", SERVED + "  supervisory_authority:"), encoding="utf-8")
    data = inv / "data.yaml"
    text = data.read_text(encoding="utf-8")
    anchor = "    legitimate_interest: keeping stolen cards off our service\n"
    data.write_text(text.replace(anchor, anchor + JOINT), encoding="utf-8")
    return inv


def test_processor_record_one_row_per_controller_with_derived_facts(run, served):
    result = run("export", "ropa", served, "--record", "processor")
    assert result.code == 0, result.err
    rows = _csv(result.out)
    assert list(rows[0]) == [c.title for c in PROCESSOR_COLUMNS]
    acme, bakery = rows
    assert acme["Controller: name and contact details"].split("\n") == ["Acme Retail GmbH", "Hauptstraße 5, 80331 München, Germany", "privacy@acme.example"]
    assert acme["Controller's representative"] == "Acme UK Rep Ltd\nrep@acme.example"
    assert acme["Controller's data protection officer"] == "Jan Roth\ndpo@acme.example"
    assert acme["Processor: name and contact details"].startswith("Wolkenwerk GmbH\nTorstraße 1")
    assert acme["Processor's data protection officer"].startswith("Dr. Anna Weber")
    assert acme["Processor's representative"].startswith("UK: Wolkenwerk UK Representative Ltd")
    # the declared processing, then the titles of the purposes it refers to
    assert acme["Categories of processing carried out on behalf of the controller"].split("\n") == [
        "hosting of Acme's customer accounts in the Wolkenwerk app", "Providing the app"]
    # the operators of its systems and the sub-processor it names, with the transfers to them outside the EEA
    assert acme["Sub-processors (country): tasks"].split("\n") == [
        "Amazon Web Services EMEA SARL (LU): hosting", "Helpdesk Services Pvt Ltd (IN): answering support requests",
        "ActiveCampaign, LLC (Postmark) (US): sending email"]
    assert acme["Transfers to third countries (country, recipient)"].split("\n") == [
        "United States, Amazon Web Services EMEA SARL", "United States, ActiveCampaign, LLC (Postmark)", "India, Helpdesk Services Pvt Ltd"]
    assert "Helpdesk Services Pvt Ltd: derogation (Art 49): contract" in acme["Safeguards for the transfers"]
    assert "ActiveCampaign, LLC (Postmark): binding corporate rules; copy: https://postmarkapp.com/eu-privacy" in acme["Safeguards for the transfers"]
    assert acme["Location of personal data (systems)"] == "App database (DE)\nSupport inbox (IN)"
    assert acme["Contract with the controller"] == "Data processing agreement of 2025-01-15"
    assert acme["General description of technical and organisational security measures"] != ""
    # what the second controller does not declare stays empty
    assert bakery["Controller: name and contact details"] == "Bäckerei Schmidt"
    assert bakery["Categories of processing carried out on behalf of the controller"] == "sending order confirmations"
    for column in ("Controller's representative", "Controller's data protection officer", "Sub-processors (country): tasks",
                   "Transfers to third countries (country, recipient)", "Location of personal data (systems)", "Contract with the controller"):
        assert bakery[column] == "", column


def test_joint_controller_column_names_them_with_their_arrangement(run, served):
    rows = {r["Processing activity (purpose)"]: r for r in _csv(run("export", "ropa", served, "--record", "controller").out)}
    assert rows["Preventing fraud"]["Joint controllers and their arrangement"] == (
        "Nordlicht Holding AG\nprivacy@nordlicht.example\nArrangement: Nordlicht answers all requests from data subjects about fraud checks")
    assert rows["Billing"]["Joint controllers and their arrangement"] == ""


def test_xlsx_has_a_sheet_per_record_and_markdown_a_table_per_record(run, served, tmp_path):
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    for path in (first, second):
        assert run("export", "ropa", served, "--format", "xlsx", "-o", path).code == 0
    assert first.read_bytes() == second.read_bytes()
    book = load_workbook(first)
    assert book.sheetnames == ["Art 30(1) record", "Art 30(2) record"]
    sheet = book["Art 30(2) record"]
    assert sheet.freeze_panes == "A2" and sheet["A2"].alignment.wrap_text
    assert [c.value for c in sheet[1]] == [c.title for c in PROCESSOR_COLUMNS]
    assert [row[0].value.split("\n")[0] for row in sheet.iter_rows(min_row=2)] == ["Acme Retail GmbH", "Bäckerei Schmidt"]
    assert book["Art 30(1) record"].max_row == 7
    out = run("export", "ropa", served, "--format", "md").out
    headings = [line for line in out.splitlines() if line.startswith("# ")]
    assert headings == ["# Record of processing activities (GDPR Art 30(1)): Wolkenwerk GmbH",
                        "# Record of processing activities carried out on behalf of controllers (GDPR Art 30(2)): Wolkenwerk GmbH"]


def test_choosing_the_record(run, served):
    both = run("export", "ropa", served)
    assert both.code == 2 and "--record controller or --record processor" in both.err
    assert run("export", "ropa", FIXTURES / "gdpr_full", "--record", "processor").code == 2
    korean = run("export", "ropa", served, "--lang", "ko", "--record", "processor")
    assert korean.code == 2 and "in English" in korean.err
    assert run("export", "ropa", served, "--record", "controller").code == 0
    assert run("export", "fides", served, "--record", "controller", "-o", "x").code == 2


def test_references_and_missing_facts_are_located_findings(run, served):
    org = served / "organization.yaml"
    text = org.read_text(encoding="utf-8")
    text = text.replace("      purposes: [service]\n      systems: [app_db, support]", "      purposes: [servce]\n      systems: [app_db, nowhere]")
    text = text.replace("      processing: [sending order confirmations]\n", "")
    org.write_text(text.replace("  role: controller", "  role: joint_controller"), encoding="utf-8")
    data = served / "data.yaml"
    data.write_text(data.read_text(encoding="utf-8").replace(
        "        arrangement: Nordlicht answers all requests from data subjects about fraud checks\n", ""), encoding="utf-8")
    result = run("check", served)
    assert result.code == 1
    lines = result.out.splitlines()
    assert any("organization.yaml:" in l and "E205 unknown purpose 'servce' (did you mean 'service'?)" in l for l in lines)
    assert any("E205 unknown system 'nowhere'" in l for l in lines)
    assert any("E922 controller served 'bakery'" in l for l in lines)
    assert any("data.yaml:" in l and "W923 joint controller of purpose 'security'" in l for l in lines)
    assert "Traceback" not in result.err


def test_a_processor_naming_no_controller_and_a_joint_controller_naming_none_are_warned(run, tmp_path):
    for role, code in (("processor", "W922"), ("joint_controller", "W924")):
        inv = tmp_path / role
        shutil.copytree(FIXTURES / "gdpr_full", inv)
        org = inv / "organization.yaml"
        org.write_text(org.read_text(encoding="utf-8").replace("  role: controller", f"  role: {role}"), encoding="utf-8")
        result = run("check", inv)
        assert f"organization.yaml:7:9: {code} " in result.out, result.out


def test_korean_file_states_the_declared_method_and_number_of_subjects(run, tmp_path):
    inv = tmp_path / "inv"
    shutil.copytree(REFERENCE, inv)
    path = inv / "systems.yaml"
    text = path.read_text(encoding="utf-8")
    first_system = text.index("  - id:")
    head, rest = text[:first_system], text[first_system:]
    second = rest.index("  - id:", 1)
    rest = rest[:second].rstrip("\n") + "\n    subject_count: 12000\n    processing_methods: [electronic, paper]\n" + rest[second:]
    path.write_text(head + rest, encoding="utf-8")
    result = run("export", "ropa", inv, "--lang", "ko")
    assert result.code == 0, result.err
    rows = _csv(result.out)
    assert rows[0]["정보주체의 수"] == "12,000명"
    assert rows[0]["처리 방법"] == "전자적 파일, 종이 문서"
    # the other files declare neither: their columns stay empty
    assert rows[1]["정보주체의 수"] == rows[1]["처리 방법"] == ""
    assert [c.title for c in COLUMNS["ko"]] == list(rows[0])


def test_site_downloads_offer_the_processor_record(served, tmp_path):
    from datamap.inventory.validate import check_inventory
    from datamap.lineage.graph import build_graph
    from datamap.publish.downloads import downloads

    inventory, _ = check_inventory(str(served))
    offered = {d.path: d for d in downloads(inventory, build_graph(inventory), served) if "ropa" in d.path}
    assert sorted(offered) == ["downloads/ropa-processor.en.csv", "downloads/ropa.en.csv", "downloads/ropa.en.xlsx"]
    assert _csv(offered["downloads/ropa-processor.en.csv"].build())[1]["Controller: name and contact details"] == "Bäckerei Schmidt"
    assert _csv(offered["downloads/ropa.en.csv"].build())[0]["Processing activity (purpose)"] == "Providing the app"
    path = tmp_path / "ropa.xlsx"
    path.write_bytes(offered["downloads/ropa.en.xlsx"].build())
    assert load_workbook(path).sheetnames == ["Art 30(1) record", "Art 30(2) record"]


def test_gdpr_policy_states_the_joint_controller_and_the_arrangement(run, served):
    result = run("render", "policy", served, "--lang", "en")
    assert result.code == 0, result.err
    assert ("- We decide this processing jointly with Nordlicht Holding AG (email privacy@nordlicht.example), as joint controllers "
            "(Article 26). The essence of our arrangement: Nordlicht answers all requests from data subjects about fraud checks") in result.out
    assert result.out.count("jointly with") == 1


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_processor_record_cells_that_look_like_formulas_are_neutralized(run, served, tmp_path, fmt):
    org = served / "organization.yaml"
    org.write_text(org.read_text(encoding="utf-8").replace("name: Acme Retail GmbH", 'name: "=HYPERLINK(\\"http://x\\")"'), encoding="utf-8")
    out = tmp_path / f"r.{fmt}"
    assert run("export", "ropa", served, "--record", "processor", "--format", fmt, "-o", out).code == 0
    if fmt == "csv":
        cell = _csv(out.read_text(encoding="utf-8"))[0]["Controller: name and contact details"]
    else:
        sheet = load_workbook(out)["Art 30(2) record"]
        cell = sheet["A2"].value
        assert sheet["A2"].data_type == "s"
    assert cell.split("\n")[0] == "'=HYPERLINK(\"http://x\")"
