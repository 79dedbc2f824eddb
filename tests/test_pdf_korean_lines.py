"""Korean PDFs break lines only between words, and their text still extracts as plain words.

The positions of the PDF's text are read back with ``pdftotext -bbox-layout``: every line of a Korean
PDF must begin and end with a whole word of the document. The same check on a PDF made without word
joiners finds words cut in two, so the check can see the fault it guards against.
"""

import html
import re
import subprocess
from pathlib import Path

import pytest

from conftest import FIXTURES
from datamap.cli import main
from datamap.publish.hangul import WORD_JOINER, join_words

HANGUL = re.compile(r"[\uac00-\ud7a3]")
SOMETREND = FIXTURES / "sometrend"


def lines(pdf: Path) -> list[list[str]]:
    """The words of every line of the PDF, as poppler lays them out."""
    out = subprocess.run(["pdftotext", "-bbox-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [
        [html.unescape(w) for w in re.findall(r"<word [^>]*>([^<]*)</word>", line)]
        for line in re.findall(r"<line[^>]*>(.*?)</line>", out, flags=re.DOTALL)
    ]


def words_of(page: str) -> set[str]:
    """Every whitespace-separated word of the text of an HTML page."""
    body = page[page.find("<body"):]
    text = html.unescape(re.sub(r"<[^>]+>", " ", body))
    return set(text.split())


def cut_words(pdf: Path, words: set[str]) -> list[str]:
    """Line ends that split a Korean word: the last word of a line, or the first of the next, that is no word."""
    cut = []
    for line in lines(pdf):
        if not line:
            continue
        # a break beside a Hangul syllable inside a word cuts it; one between punctuation marks ("(a.kr)(이하") does not
        for word, edge in ((line[0], line[0][:1]), (line[-1], line[-1][-1:])):
            if HANGUL.match(edge) and word not in words:
                cut.append(word)
    return cut


@pytest.fixture(scope="module")
def korean(tmp_path_factory):
    out = tmp_path_factory.mktemp("ko")
    assert main(["render", "policy", str(SOMETREND), "--lang", "ko", "--format", "html", "-o", str(out / "policy.ko.html")]) == 0
    assert main(["render", "policy", str(SOMETREND), "--lang", "ko", "--format", "pdf", "-o", str(out / "policy.ko.pdf")]) == 0
    return out


def test_lines_end_only_between_words(korean):
    page = (korean / "policy.ko.html").read_text(encoding="utf-8")
    pdf = korean / "policy.ko.pdf"
    assert len(lines(pdf)) > 100
    assert cut_words(pdf, words_of(page)) == []


def test_without_word_joiners_words_are_cut(korean):
    """The control: weasyprint alone breaks lines inside words, and the check above sees it."""
    from datamap.publish.pdf import render_pdf

    page = (korean / "policy.ko.html").read_text(encoding="utf-8")
    data, _ = render_pdf(page, str(korean), [])
    plain = korean / "plain.pdf"
    plain.write_bytes(data)
    assert len(cut_words(plain, words_of(page))) >= 3


def test_text_extraction_gives_the_plain_words(korean):
    page = (korean / "policy.ko.html").read_text(encoding="utf-8")
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(korean / "policy.ko.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert WORD_JOINER not in text
    for phrase in ("개인정보 보호책임자 및 고충처리 부서", "1년 동안 서비스를 이용하지 않은 이용자의 개인정보를", "썸트렌드 운영팀"):
        assert phrase in " ".join(text.split())
    # the joiners exist only on the way to weasyprint: the HTML document and the Markdown have none
    assert WORD_JOINER not in page


def test_joiners_stay_out_of_tags_metadata_and_spaces():
    page = '<html><head><title>개인정보 처리방침</title></head><body class="정책"><p>개인정보 2024년 Google을 &amp;회사</p></body></html>'
    joined = join_words(page)
    assert joined.startswith("<html><head><title>개인정보 처리방침</title></head><body class=\"정책\"><p>")
    j = WORD_JOINER
    assert f"개{j}인{j}정{j}보 2024{j}년 Google{j}을 &amp;회{j}사</p>" in joined
    assert joined.replace(j, "") == page
