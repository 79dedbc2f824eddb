"""The policy as a standalone HTML page and as a tagged PDF, read back with poppler and pypdf."""

import re
from html.parser import HTMLParser

import pytest

import pdfread
from conftest import REFERENCE
from datamap.cli import main
from test_reference_facts import FACTS


class Page(HTMLParser):
    """Tags, ids, links and text of an HTML page."""

    def __init__(self, source: str):
        super().__init__()
        self.tags, self.ids, self.links, self.text = [], set(), [], []
        self.meta = {}
        self.feed(source)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a":
            self.links.append(attrs.get("href"))
        if tag == "meta" and "name" in attrs:
            self.meta[attrs["name"]] = attrs["content"]

    def handle_data(self, data):
        self.text.append(data)


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    out = tmp_path_factory.mktemp("policy")
    assert main(["render", "policy", str(REFERENCE), "--format", "html", "-o", str(out / "policy.en.html")]) == 0
    assert main(["render", "policy", str(REFERENCE), "--format", "pdf", "-o", str(out / "policy.en.pdf")]) == 0
    pdfread.save_first_page(out / "policy.en.pdf", "policy.en")
    assert main(["render", "policy", str(REFERENCE), "--lang", "ko", "--format", "pdf", "-o", str(out / "policy.ko.pdf")]) == 0
    pdfread.save_first_page(out / "policy.ko.pdf", "policy.ko")
    return out


def test_html_is_one_standalone_semantic_page(published):
    source = (published / "policy.en.html").read_text(encoding="utf-8")
    assert source.startswith("<!DOCTYPE html>\n<html lang=\"en\">")
    page = Page(source)
    assert page.tags.count("h1") == 1 and page.tags.count("h2") == 12 + 1 + 1  # articles, addendum, contents
    assert {"header", "nav", "main", "table", "thead", "tbody", "th", "style"} <= set(page.tags)
    assert not {"script", "link", "img", "iframe"} & set(page.tags), "nothing is loaded from elsewhere"
    assert page.meta["author"] == "AIMMO Co., Ltd." and page.meta["dcterms.created"] == "2024-07-26"
    assert "@media print" in source and "@page" in source
    # the table of contents links every article to its heading
    toc = [link for link in page.links if link.startswith("#")]
    assert len(toc) == 13 and all(link[1:] in page.ids for link in toc)


def test_html_is_byte_identical_for_the_same_inventory(published, tmp_path):
    assert main(["render", "policy", str(REFERENCE), "--format", "html", "-o", str(tmp_path / "again.html")]) == 0
    assert (tmp_path / "again.html").read_bytes() == (published / "policy.en.html").read_bytes()


def test_pdf_states_every_fact_of_the_reference_policy(published):
    text = pdfread.flat(pdfread.text(published / "policy.en.pdf"))
    missing = []
    for article, facts in FACTS.items():
        for fact in facts:
            # table cells and list items are separate boxes in the PDF
            for fragment in re.split(r"\s*\|\s*|\s+- ", fact):
                if fragment.strip() and pdfread.flat(fragment) not in text:
                    missing.append(f"{article}: {fragment}")
    assert missing == []


def test_pdf_front_page_metadata_and_page_numbers(published):
    pdf = published / "policy.en.pdf"
    first = pdfread.flat(pdfread.text(pdf, 1))
    assert first.startswith("Privacy Policy AIMMO Co., Ltd. · Version 1.0 · Effective July 26, 2024")
    reader = pdfread.reader(pdf)
    info = reader.metadata
    assert (info.title, info.author, info.creator) == ("Privacy Policy", "AIMMO Co., Ltd.", "datamap")
    assert info["/CreationDate"].startswith("D:20240726") and info["/ModDate"].startswith("D:20240726")
    assert reader.trailer["/Root"]["/Lang"] == "en"
    pages = pdfread.page_texts(pdf)
    assert len(pages) == len(reader.pages) >= 5
    for number, page_text in enumerate(pages, start=1):
        assert re.search(rf"\b{number}\s*/\s*{len(pages)}\s*$", page_text), f"no page number on page {number}"


def test_pdf_table_of_contents_links_to_the_right_pages(published):
    pdf = published / "policy.en.pdf"
    pages = [pdfread.flat(t) for t in pdfread.page_texts(pdf, raw=False)]
    entries = re.findall(r"(Article \d+ [^.]+?)\s*\.{3,}\s*(\d+)", pages[0])
    assert len(entries) == 12
    for heading, number in entries:
        assert heading in pages[int(number) - 1], f"{heading} is not on page {number}"
    reader = pdfread.reader(pdf)
    links = [a.get_object() for a in reader.pages[0].get("/Annots", [])]
    destinations = {str(a["/Dest"]) for a in links if a["/Subtype"] == "/Link" and "/Dest" in a}
    assert len(destinations) == 13 and "article-9-outsourcing-the-processing-of-personal-information" in destinations
    assert destinations <= set(reader.named_destinations)
    outline = [entry.title for entry in reader.outline if not isinstance(entry, list)]
    assert outline == ["Privacy Policy"]  # the articles are nested under the title


def test_pdf_fonts_are_embedded_and_the_pdf_is_tagged(published):
    pdf = published / "policy.en.pdf"
    fonts = pdfread.fonts(pdf)
    assert fonts and all(f["emb"] for f in fonts)
    root = pdfread.reader(pdf).trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert 'pdfuaid:part="1"' in xmp  # PDF/UA-1


def test_pdf_is_byte_identical_and_dated_by_the_effective_date(published, tmp_path):
    assert main(["render", "policy", str(REFERENCE), "--format", "pdf", "-o", str(tmp_path / "again.pdf")]) == 0
    assert (tmp_path / "again.pdf").read_bytes() == (published / "policy.en.pdf").read_bytes()


def test_korean_pdf_is_korean_with_an_embedded_korean_font(published):
    pdf = published / "policy.ko.pdf"
    text = pdfread.dense(pdfread.text(pdf))
    for fact in ("개인정보 처리방침", "주식회사 에이모", "시행일 2024년 7월 26일", "제12조(기타)", "5년", "3개월", "6개월", "아이디(이메일), 비밀번호, 이름"):
        assert pdfread.dense(fact) in text, fact
    fonts = pdfread.fonts(pdf)
    assert all(f["emb"] for f in fonts) and {f["name"].split("+")[1] for f in fonts} == {"NanumGothic", "NanumGothic-Bold"}
    reader = pdfread.reader(pdf)
    assert reader.trailer["/Root"]["/Lang"] == "ko"
    assert (reader.metadata.title, reader.metadata.author) == ("개인정보 처리방침", "주식회사 에이모")
    pages = [pdfread.flat(t) for t in pdfread.page_texts(pdf, raw=False)]
    entries = re.findall(r"(제\d+조\([^)]+\))\s*\.{3,}\s*(\d+)", pages[0])
    assert len(entries) == 12
    for heading, number in entries:
        assert heading in pages[int(number) - 1], f"{heading} is not on page {number}"
