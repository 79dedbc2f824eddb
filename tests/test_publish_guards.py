"""What publishing guards against: markup in inventory text, URLs outside the project, a missing Korean
font, tables split badly across pages, and dates taken from the clock."""

import json
import shutil
import socket
import struct
import subprocess
import sys
import zlib
from html.parser import HTMLParser

import pytest
import yaml

import pdfread
from conftest import REFERENCE
from datamap.publish.pdf import local_fetcher

HOSTILE = '<script>alert(1)</script> & **AIMMO** [x](javascript:alert(1)) <img src="http://127.0.0.1:9/x.png"> {#evil onclick=alert(1)}'


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project directory holding a copy of the reference inventory in inv/."""
    shutil.copytree(REFERENCE, tmp_path / "inv")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


class Tags(HTMLParser):
    def __init__(self, source):
        super().__init__()
        self.tags, self.attrs = [], []
        self.feed(source)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [name for name, _ in attrs]


def test_inventory_text_is_only_text_in_html_and_pdf(project, run):
    quoted = json.dumps(HOSTILE)  # a JSON string is a YAML string
    edit(project / "inv" / "organization.yaml", 'name: {en: "AIMMO Co., Ltd.", ko: "주식회사 에이모"}', f"name: {quoted}")
    edit(project / "inv" / "items.yaml", 'label: {en: "Password", ko: "비밀번호"}', f"label: {quoted}")
    assert run("render", "policy", "inv", "--format", "html", "-o", "policy.html").code == 0
    page = (project / "policy.html").read_text(encoding="utf-8")
    tags = Tags(page)
    assert "script" not in tags.tags and "img" not in tags.tags and "onclick" not in tags.attrs
    assert 'href="javascript' not in page
    assert '<meta name="author" content="&lt;script&gt;alert(1)&lt;/script&gt; &amp; **AIMMO**' in page
    assert run("render", "policy", "inv", "--format", "pdf", "-o", "policy.pdf").code == 0
    text = pdfread.flat(pdfread.text(project / "policy.pdf"))
    assert text.count(HOSTILE) >= 3  # preamble, Article 1 and the processors' items
    assert pdfread.reader(project / "policy.pdf").metadata.author == HOSTILE


def _png() -> bytes:
    """A one-pixel PNG."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\x00\x00\x00")) + chunk(b"IEND", b"")


def test_pdf_fetches_nothing_outside_the_project(project, run):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.setblocking(False)
    port = listener.getsockname()[1]
    (project / "logo.png").write_bytes(_png())
    layout = project / "templates" / "en" / "document.html.j2"
    layout.parent.mkdir(parents=True)
    layout.write_text(
        '{% extends "document.html.j2" %}{% block contents %}'
        f'<img src="http://127.0.0.1:{port}/x.png" alt=""><img src="file:///etc/hostname" alt=""><img src="logo.png" alt="">'
        "Contents{% endblock %}",
        encoding="utf-8",
    )
    result = run("render", "policy", "inv", "--format", "pdf", "-o", "policy.pdf")
    assert result.code == 0
    assert f"did not fetch http://127.0.0.1:{port}/x.png" in result.err and "did not fetch file:///etc/hostname" in result.err
    assert "logo.png" not in result.err
    with pytest.raises(BlockingIOError):
        listener.accept()  # nobody connected
    listener.close()
    images = subprocess.run(["pdfimages", "-list", str(project / "policy.pdf")], capture_output=True, text=True, check=True).stdout
    assert len(images.splitlines()) == 2 + 1  # the header, and the project's own image only


def test_local_fetcher_reads_only_under_its_roots(tmp_path):
    inside = tmp_path / "inside.css"
    inside.write_text("p { color: red }", encoding="utf-8")
    fetcher = local_fetcher([tmp_path])
    assert fetcher.fetch(inside.as_uri()).read() == b"p { color: red }"
    assert fetcher.fetch("data:text/plain,hello").read() == b"hello"
    for url in ("https://example.com/a.css", (tmp_path / ".." / "x.css").resolve().as_uri(), "file:///etc/passwd", "ftp://example.com/x"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert len(fetcher.refused) == 4


def test_missing_korean_font_is_a_clear_error(tmp_path):
    config = tmp_path / "fonts.conf"
    config.write_text(f"<?xml version='1.0'?><fontconfig><dir>{tmp_path / 'no-fonts'}</dir><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>", encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "FONTCONFIG_FILE": str(config), "HOME": str(tmp_path)}
    command = [sys.executable, "-m", "datamap", "render", "notices", str(REFERENCE), "--lang", "ko", "-o", str(tmp_path / "out")]
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 1
    assert "no Korean font installed" in result.stderr and "fonts-nanum" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "out").exists()


def test_long_tables_break_between_rows_and_repeat_their_header(project, run):
    processors = [{"id": f"p{n:02d}", "name": f"Entrustee {n:02d}", "country": "KR", "tasks": [f"Task number {n:02d} of the entrusted work"]} for n in range(70)]
    systems = [
        {"id": f"s{n:02d}", "name": f"System {n:02d}", "operator": f"p{n:02d}", "purposes": ["service"], "fields": [{"name": "email", "item": "email"}]}
        for n in range(70)
    ]
    (project / "inv" / "many.yaml").write_text(yaml.safe_dump({"processors": processors, "systems": systems}), encoding="utf-8")
    result = run("render", "policy", "inv", "--format", "pdf", "-o", "policy.pdf")
    assert result.code == 0, result.err
    pages = [pdfread.flat(t) for t in pdfread.page_texts(project / "policy.pdf")]
    table_pages = [t for t in pages if "Entrustee 3" in t or "Entrustee 6" in t or "Entrustee 0" in t]
    assert len(table_pages) >= 2
    for text in table_pages:
        assert "Entrustee Items of personal information entrusted Entrusted work" in text
    for n in range(70):  # every row whole on one page: the name and its task together
        assert sum(f"Entrustee {n:02d} " in t and f"Task number {n:02d} " in t for t in pages) == 1


def test_pdf_dates_come_from_the_effective_date(project, run):
    edit(project / "inv" / "organization.yaml", "effective: 2024-07-26", "effective: 2025-03-01")
    result = run("render", "policy", "inv", "--format", "pdf", "-o", "policy.pdf")
    assert result.code == 0, result.err
    info = pdfread.reader(project / "policy.pdf").metadata
    assert info["/CreationDate"].startswith("D:20250301") and info["/ModDate"].startswith("D:20250301")


def test_publishing_usage_errors(run, tmp_path):
    assert run("render", "notices", REFERENCE, "--format", "csv").code == 2
    (tmp_path / "file").write_text("", encoding="utf-8")
    result = run("render", "notices", REFERENCE, "-o", tmp_path / "file")
    assert result.code == 2 and "must be a directory" in result.err
    assert run("render", "policy", REFERENCE, "--format", "docx").code == 2
