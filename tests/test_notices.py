"""Notices: consent per collection point, third-party provision, overseas transfer and processors,
as HTML and PDF in English and Korean, read back from the PDFs."""

import shutil
from pathlib import Path

import pytest

import pdfread
from conftest import FIXTURES, REFERENCE
from datamap.cli import main


def abroad_inventory(directory: Path) -> Path:
    """The reference inventory plus third parties and transfers abroad (tests/fixtures/abroad)."""
    shutil.copytree(REFERENCE, directory)
    shutil.copy(FIXTURES / "abroad" / "abroad.yaml", directory)
    return directory


@pytest.fixture(scope="module")
def notices(tmp_path_factory):
    """Every notice of the reference and of the inventory with transfers abroad, in both languages."""
    root = tmp_path_factory.mktemp("notices")
    inventories = {"reference": REFERENCE, "abroad": abroad_inventory(root / "abroad-inventory")}
    for name, inventory in inventories.items():
        for lang in ("en", "ko"):
            assert main(["render", "notices", str(inventory), "--lang", lang, "-o", str(root / name)]) == 0
    for name in inventories:
        for pdf in sorted((root / name).glob("*.pdf")):
            pdfread.save_first_page(pdf, f"notice.{name}.{pdf.stem}")
    return root


def names(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def test_each_notice_exists_only_when_the_inventory_calls_for_it(notices):
    expected = ["consent-google_login", "consent-signup", "processors"]
    assert names(notices / "reference") == sorted(f"{n}.{lang}.{ext}" for n in expected for lang in ("en", "ko") for ext in ("html", "pdf"))
    expected += ["consent-order_form", "overseas-transfer", "third-parties"]
    assert names(notices / "abroad") == sorted(f"{n}.{lang}.{ext}" for n in expected for lang in ("en", "ko") for ext in ("html", "pdf"))


def test_consent_notice_separates_required_optional_and_marketing(notices):
    text = pdfread.flat(pdfread.text(notices / "abroad" / "consent-order_form.en.pdf"))
    required = text.index("[Required] Collection and use of personal information")
    optional = text.index("[Optional] Collection and use of optional personal information")
    marketing = text.index("[Optional] Use of personal information for marketing and advertising")
    assert required < optional < marketing
    assert "Shipping address" in text[required:optional] and "Mobile phone number" not in text[required:optional]
    assert "Mobile phone number" in text[optional:marketing]
    assert "Order and delivery records: 1 year from the transaction" in text[optional:marketing]
    assert "Provision of marketing and advertising information" in text[marketing:]
    assert "Provision of marketing and advertising information" not in text[:marketing]
    # the right to refuse, and what refusing costs, in every block
    assert text.count("You have the right to refuse this consent") == 4
    # an item that does not say whether it is required gets a block that says neither
    unstated = text.index("Collection and use of personal information", required + 20)
    assert required < unstated < optional and "Name of a person in charge" in text[unstated:optional]
    assert "if you refuse, you cannot use AIMMO SaaS Service" in text[required:optional]
    assert "you can still use AIMMO SaaS Service" in text[optional:]


def test_reference_consent_notice_states_purposes_items_and_retention(notices):
    text = pdfread.flat(pdfread.text(notices / "reference" / "consent-signup.en.pdf"))
    for fact in (
        "application for use of the Service",
        "Membership management",
        "Company name, Name of a person in charge, Email, Password",
        "Account information: until you withdraw from membership",
        "5 years from the transaction (Act on the Consumer Protection in Electronic Commerce, Etc.)",
        "Records of illegal subscription and use: 6 months from collection",
    ):
        assert fact in text
    assert "Device information" not in text  # collected automatically: not part of this consent


def test_third_party_notice_lists_recipient_purpose_items_and_retention(notices):
    text = pdfread.flat(pdfread.text(notices / "abroad" / "third-parties.en.pdf"))
    for fact in ("Hanjin Express", "Delivery of ordered hardware kits", "until delivery is completed", "Kit Partners Inc. (United States)"):
        assert fact in text
    consent, _, without = text.partition("Provision that does not need your consent")
    assert "National Tax Service" in without and "National Tax Service" not in consent
    assert "required by law: Framework Act on National Taxes" in without


def test_overseas_notice_says_what_article_28_8_asks(notices):
    text = pdfread.flat(pdfread.text(notices / "abroad" / "overseas-transfer.en.pdf"))
    aws, _, reseller = text.partition("2. Kit Partners Inc.")
    for fact in (
        "Amazon Web Services, Inc. (entrustee)",
        "aws-privacy@example.com",
        "United States",
        "Mobile phone number, Service usage records",
        "when the Service is used; sent over an encrypted network connection",
        "Analysis of service usage",
        "until membership withdrawal",
        "PIPA Article 28-8(1)3",
        "Ask the privacy officer at privacy@aimmo.co.kr; usage analytics then stop",
    ):
        assert fact in aws, fact
    assert "Kit Partners Inc. (third party)" in reseller and "1 year after installation" in reseller
    assert "Do not tick the installation-support box" in reseller and "PIPA Article 28-8(1)1" in reseller


def test_processor_notice_is_one_page_with_re_entrustees(notices):
    for directory in ("reference", "abroad"):
        for lang in ("en", "ko"):
            assert len(pdfread.reader(notices / directory / f"processors.{lang}.pdf").pages) == 1
    text = pdfread.flat(pdfread.text(notices / "abroad" / "processors.en.pdf"))
    assert "Example Data Centers LLC (United States): Data center operation" in text
    assert "Naver Cloud" in text and "Sending E-mail" in text


def test_korean_notices_are_korean_with_an_embedded_korean_font(notices):
    consent = pdfread.dense(pdfread.text(notices / "abroad" / "consent-order_form.ko.pdf"))
    for fact in ("개인정보 수집·이용 동의서", "[필수] 개인정보 수집·이용 동의", "[선택] 개인정보 수집·이용 동의", "[선택] 마케팅 및 광고 활용 동의",
                 "휴대전화번호", "주문 및 배송 기록: 거래일로부터 1년", "2024년 7월 26일", "동의를 거부할 권리가 있습니다"):
        assert pdfread.dense(fact) in consent, fact
    overseas = pdfread.dense(pdfread.text(notices / "abroad" / "overseas-transfer.ko.pdf"))
    assert "이전되는국가미국" in overseas and "「개인정보보호법」제28조의8" in overseas
    signup = pdfread.dense(pdfread.text(notices / "reference" / "consent-signup.ko.pdf"))
    assert "거래일로부터5년" in signup and "수집일로부터6개월" in signup
    for pdf in (notices / "abroad").glob("*.ko.pdf"):
        fonts = pdfread.fonts(pdf)
        assert all(f["emb"] for f in fonts) and any("Nanum" in f["name"] for f in fonts), pdf.name
        reader = pdfread.reader(pdf)
        assert reader.trailer["/Root"]["/Lang"] == "ko" and reader.metadata.author == "주식회사 에이모"
        assert reader.metadata["/CreationDate"].startswith("D:20240726")


def test_html_notices_are_standalone_and_deterministic(notices, tmp_path):
    assert main(["render", "notices", str(REFERENCE), "--lang", "ko", "--format", "html", "-o", str(tmp_path)]) == 0
    assert names(tmp_path) == [n for n in names(notices / "reference") if n.endswith(".ko.html")]
    for page in tmp_path.iterdir():
        assert page.read_bytes() == (notices / "reference" / page.name).read_bytes()
        assert page.read_text(encoding="utf-8").startswith('<!DOCTYPE html>\n<html lang="ko">')


def test_missing_korean_text_is_a_finding(tmp_path, run):
    inventory = abroad_inventory(tmp_path / "inv")
    source = inventory / "abroad.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace(', ko: "배송지 주소"', ""), encoding="utf-8")
    result = run("render", "notices", inventory, "--lang", "ko", "-o", tmp_path / "out")
    assert result.code == 1 and not (tmp_path / "out").exists()
    assert "abroad.yaml:8:12: E401 no 'ko' text for items[1].label" in result.err


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_notice_of_the_full_inventory_renders(tmp_path, lang):
    """tests/fixtures/full: every kind of collection point, transfers abroad, third parties."""
    assert main(["render", "notices", str(FIXTURES / "full"), "--lang", lang, "--format", "pdf", "-o", str(tmp_path)]) == 0
    stems = sorted(p.name.removesuffix(f".{lang}.pdf") for p in tmp_path.iterdir())
    assert stems == ["consent-counter", "consent-kakao_login", "consent-payment_gateway", "consent-signup", "overseas-transfer", "processors", "third-parties"]
    for pdf in tmp_path.iterdir():
        assert all(f["emb"] for f in pdfread.fonts(pdf)) and pdfread.reader(pdf).trailer["/Root"]["/Lang"] == lang
    if lang == "ko":
        assert "제3자(KCP)로부터" in pdfread.dense(pdfread.text(tmp_path / "consent-payment_gateway.ko.pdf"))


def test_notices_state_the_facts_the_policy_states(tmp_path, monkeypatch):
    """One source of truth: the policy and the PIPA notices are made from one computation of the facts, and
    a consent notice's purposes and retention are the policy's, for the items the point collects."""
    import datamap.lineage.facts as lineage_facts
    from datamap.inventory.validate import check_inventory
    from datamap.lineage import facts_of
    from datamap.lineage.graph import build_graph
    from datamap.publish.notices import consent_blocks
    from datamap.publish.render import render_policy_markdown
    from datamap.regimes.notices import render_all

    inventory, _ = check_inventory(abroad_inventory(tmp_path / "inv"))
    graph = build_graph(inventory)
    computed = []
    real = lineage_facts.policy_facts
    monkeypatch.setattr(lineage_facts, "policy_facts", lambda *a: computed.append(1) or real(*a))
    facts = facts_of(inventory, graph)
    for lang in ("en", "ko"):
        render_policy_markdown(facts, lang)
        assert render_all(facts, graph, lang)
    assert computed == [1]
    point, items = next((p, got) for p, got in facts.collection_points if p.id == "order_form")
    blocks = consent_blocks(facts, items)
    for block in blocks:
        ids = {i.id for i in block.items}
        policy_purposes = [p for p, got in facts.purposes if ids & {i.id for i in got} and p.marketing == (block.kind == "marketing")]
        assert block.purposes == policy_purposes
        if block.kind != "marketing":
            assert [rule for rule, _ in block.retention] == [rule for rule, got, _ in facts.retention if ids & {i.id for i in got}]
    assert {b.kind for b in blocks} == {"required", "unstated", "optional", "marketing"}
