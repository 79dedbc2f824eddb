"""Records of processing: read back with csv and openpyxl, deterministic, formula-safe, in Korean."""

from __future__ import annotations

import csv
import io
import shutil

import pytest
from openpyxl import load_workbook

from conftest import FIXTURES, REFERENCE, write
from datamap.exports.ropa import COLUMNS


def _csv(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_reference_csv_has_one_row_per_purpose_with_the_declared_facts(run):
    result = run("export", "ropa", REFERENCE, "--format", "csv")
    assert result.code == 0, result.err
    rows = _csv(result.out)
    assert [r["Processing activity (purpose)"] for r in rows][:2] == ["Provision of the Service", "Membership management"]
    assert len(rows) == 6
    first = rows[0]
    assert first["Controller: name and contact details"] == "AIMMO Co., Ltd.\nprivacy@aimmo.co.kr"
    assert first["Lawful basis (GDPR Art 6)"] == "Art 6(1)(b) contract"
    assert first["Categories of personal data"].split("\n") == ["Name of a person in charge", "Email", "Password"]
    assert first["Recipients: processors"].startswith("Microsoft Korea (Ltd.) (KR): Storage")
    assert "Records of payment and supply of goods: 5 years from the transaction (Act on the Consumer Protection" in first["Time limits for erasure"]
    assert "Account information: until withdrawal" in first["Time limits for erasure"]
    assert first["Technical and organisational security measures"].startswith("administrative: establishing")
    # facts the inventory cannot hold yet are left empty, never filled with a default
    assert first["Joint controllers and their arrangement"] == first["Representative"] == first["Data protection officer"] == first["Legitimate interests"] == ""
    assert list(rows[0]) == [c.title for c in COLUMNS["en"]]


def test_full_fixture_transfers_third_parties_and_special_categories(run):
    rows = _csv(run("export", "ropa", FIXTURES / "full").out)
    service = next(r for r in rows if r["Processing activity (purpose)"] == "Providing the health coaching service")
    transfers = service["Transfers to third countries (country, recipient)"].split("\n")
    assert transfers == ["United States, Amplitude, Inc.", "Japan, Sakura Wellness K.K."]
    # Japan is covered by an adequacy decision; Amplitude declares no safeguard, so none is printed
    assert service["Safeguards for the transfers"].startswith("Sakura Wellness K.K.: adequacy decision (")
    assert "Amplitude" not in service["Safeguards for the transfers"]
    assert service["Special categories of personal data"] == "Health information"
    assert "Hanbit Insurance Co., Ltd. (KR): Name, Mobile phone number" in service["Recipients: third parties"]
    assert service["Categories of data subjects"].split("\n") == ["customers", "guardian"]


def test_gdpr_facts_fill_representative_dpo_interests_and_safeguards(run):
    rows = {r["Processing activity (purpose)"]: r for r in _csv(run("export", "ropa", FIXTURES / "gdpr_full").out)}
    app = rows["Providing the app"]
    assert app["Representative"].startswith("UK: Wolkenwerk UK Representative Ltd, 1 King Street")
    assert app["Data protection officer"].split("\n")[0] == "Dr. Anna Weber"
    # within the EEA is no transfer: Mixpanel in NL is a recipient, not a transfer
    assert app["Transfers to third countries (country, recipient)"].split("\n") == ["United States, Amazon Web Services EMEA SARL",
                                                                                     "India, Helpdesk Services Pvt Ltd"]
    assert "Amazon Web Services EMEA SARL: standard contractual clauses; copy: https://aws.amazon.com/compliance/gdpr-center/" in app["Safeguards for the transfers"]
    assert "Helpdesk Services Pvt Ltd: derogation (Art 49): contract" in app["Safeguards for the transfers"]
    assert rows["Preventing fraud"]["Legitimate interests"] == "keeping stolen cards off our service"
    assert rows["Product analytics"]["Transfers to third countries (country, recipient)"] == ""


def test_xlsx_is_read_back_frozen_wrapped_and_byte_identical(run, tmp_path):
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert run("export", "ropa", REFERENCE, "--format", "xlsx", "-o", first).code == 0
    assert run("export", "ropa", REFERENCE, "--format", "xlsx", "-o", second).code == 0
    assert first.read_bytes() == second.read_bytes()
    sheet = load_workbook(first).active
    assert sheet.freeze_panes == "A2"
    assert [c.value for c in sheet[1]] == [c.title for c in COLUMNS["en"]]
    assert sheet["A2"].value == "Provision of the Service"
    assert sheet["A2"].alignment.wrap_text
    assert sheet.column_dimensions["G"].width == 50  # the description
    assert sheet.max_row == 7


def test_markdown_table(run):
    out = run("export", "ropa", REFERENCE, "--format", "md").out
    assert out.startswith("# Record of processing activities (GDPR Art 30(1)): AIMMO Co., Ltd.\n")
    table = [line for line in out.splitlines() if line.startswith("|")]
    assert len(table) == 2 + 6
    assert all(line.count(" | ") == len(COLUMNS["en"]) - 1 for line in table if not line.startswith("|---"))


def test_korean_pipa_file_items_one_row_per_system(run):
    result = run("export", "ropa", REFERENCE, "--lang", "ko")
    assert result.code == 0, result.err
    rows = _csv(result.out)
    assert [r["개인정보파일의 명칭"] for r in rows] == ["회원 데이터베이스", "고객 정보 관리 시스템", "이메일 발송 시스템", "서비스 로그"]
    account = rows[0]
    assert account["기록되는 개인정보의 항목"].split("\n") == ["아이디(이메일)", "비밀번호", "이름"]
    assert account["처리 위탁(수탁자)"] == "한국마이크로소프트(유)"
    assert "대금결제 및 재화 등의 공급에 관한 기록: 거래일부터 5년 (전자상거래 등에서의 소비자보호에 관한 법률)" in account["보유 기간"]
    assert account["운영 근거"] == "계약의 체결·이행"
    assert account["처리 방법"] == account["정보주체의 수"] == ""


def test_korean_record_needs_korean_texts(run, tmp_path):
    inv = tmp_path / "inv"
    shutil.copytree(REFERENCE, inv)
    path = inv / "purposes.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('{en: "Provision of the Service", ko: "서비스 제공"}', '{en: "Provision of the Service"}'),
                    encoding="utf-8")
    result = run("export", "ropa", inv, "--lang", "ko")
    assert result.code == 1
    assert "E401 no 'ko' text for purposes[0].title" in result.err
    assert run("export", "ropa", inv, "--lang", "en").code == 0


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_cells_that_look_like_formulas_are_neutralized(run, tmp_path, fmt):
    inv = tmp_path / "inv"
    shutil.copytree(REFERENCE, inv)
    path = inv / "purposes.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('{en: "Provision of the Service", ko: "서비스 제공"}',
                                                              '{en: "=HYPERLINK(\\"http://x\\")", ko: "서비스 제공"}'), encoding="utf-8")
    out = tmp_path / f"r.{fmt}"
    assert run("export", "ropa", inv, "--format", fmt, "-o", out).code == 0
    if fmt == "csv":
        cell = _csv(out.read_text(encoding="utf-8"))[0]["Processing activity (purpose)"]
    else:
        sheet = load_workbook(out).active
        cell = sheet["A2"].value
        assert sheet["A2"].data_type == "s"
    assert cell == "'=HYPERLINK(\"http://x\")"


def test_bad_inventory_gives_findings_not_a_traceback(run, tmp_path):
    inv = tmp_path / "inv"
    inv.mkdir()
    write(inv, "a.yaml", "items: [{id: x}]\n")
    result = run("export", "ropa", inv)
    assert result.code == 1
    assert "E202" in result.err and "Traceback" not in result.err


def test_format_and_lang_are_for_ropa_only(run):
    result = run("export", "apple", REFERENCE, "--format", "xlsx")
    assert result.code == 2 and "ropa only" in result.err


def test_site_downloads_offer_the_record_in_each_language(tmp_path):
    from datamap.inventory.validate import check_inventory
    from datamap.lineage.graph import build_graph
    from datamap.publish.downloads import downloads

    inventory, _ = check_inventory(str(REFERENCE))
    offered = {d.path: d for d in downloads(inventory, build_graph(inventory), REFERENCE.parent) if "ropa" in d.path}
    assert sorted(offered) == ["downloads/ropa.en.csv", "downloads/ropa.en.xlsx", "downloads/ropa.ko.csv", "downloads/ropa.ko.xlsx"]
    path = tmp_path / "ropa.ko.xlsx"
    path.write_bytes(offered["downloads/ropa.ko.xlsx"].build())
    sheet = load_workbook(path).active
    assert sheet["A1"].value == "개인정보파일의 명칭" and sheet["A2"].value == "회원 데이터베이스"
    assert _csv(offered["downloads/ropa.en.csv"].build())[0]["Processing activity (purpose)"] == "Provision of the Service"
