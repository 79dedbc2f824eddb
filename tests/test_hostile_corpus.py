"""The hostile-input corpus: every case in tests/hostile/manifest.yaml, run through the command line in a
temporary project. Whatever the input, datamap gives findings or a usage error, never a traceback; the
exit code and the finding codes are the ones the manifest expects, for `validate` and `check` alike; an
inventory with errors makes `render` and `build` refuse before writing anything; no payload is live in
any output; nothing is written outside the project.

A case is a YAML file added to a copy of the minimal inventory (``<case>.yaml``), a directory of files
added to it (``<case>/``; for ``templates/`` cases, the project's English templates), edits of the minimal
inventory, or only command-line arguments. See tests/hostile/README.md.
"""

from __future__ import annotations

import html
import os
import re
import shutil
from pathlib import Path

import markdown
from mkdocs.utils.meta import get_data
import pytest
import yaml
from conftest import FIXTURES

from datamap.cli import main

HOSTILE = Path(__file__).resolve().parent / "hostile"
MANIFEST = yaml.safe_load((HOSTILE / "manifest.yaml").read_text(encoding="utf-8"))
CODE = re.compile(r"(?:^|: )([EW]\d{3}) ", re.M)
#: the commands every injection case goes through, each of which must succeed: the standalone HTML policy,
#: and the build, which writes every site page (both languages), the diagrams and the downloads
RENDERS = [
    ["render", "policy", "inv", "--format", "html", "-o", "out/policy.en.html"],
    ["render", "policy", "inv", "--lang", "ko", "--format", "html", "-o", "out/policy.ko.html"],
    ["build", "inv"],
]
MARKDOWN_EXTENSIONS = ["admonition", "attr_list", "tables", "toc"]


def prepare(entry: dict, project: Path) -> None:
    inv = project / "inv"
    shutil.copytree(FIXTURES / "minimal", inv)
    (project / "empty").mkdir()
    for old, new in entry.get("edit", []):
        path = inv / "inventory.yaml"
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{entry['case']}: edit does not apply: {old!r}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    source = HOSTILE / entry["case"]
    if source.with_suffix(".yaml").is_file():
        shutil.copyfile(source.with_suffix(".yaml"), inv / (source.name + ".yaml"))
    elif source.is_dir():
        target = project / "templates" / "en" if entry["case"].startswith("templates/") else inv
        target.mkdir(parents=True, exist_ok=True)
        for path in source.iterdir():
            shutil.copyfile(path, target / path.name)


def run(capsys, args: list[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def snapshot(root: Path, skip: Path) -> dict[str, int]:
    files = {}
    for directory, _, names in os.walk(root):
        if Path(directory).is_relative_to(skip):
            continue
        for name in names:
            path = Path(directory) / name
            files[str(path)] = path.stat().st_mtime_ns
    return files


def published_html(project: Path) -> dict[str, str]:
    """Every HTML a reader gets: HTML and SVG files as written, and Markdown as mkdocs' Markdown makes it
    (with the site's extensions; the front matter is data that the theme escapes)."""
    pages = {}
    for path in sorted(project.rglob("*")):
        if path.is_relative_to(project / "inv") or path.is_relative_to(project / "templates") or not path.is_file():
            continue
        if path.suffix in (".html", ".svg"):
            pages[str(path)] = path.read_text(encoding="utf-8")
        elif path.suffix == ".md":
            source, meta = get_data(path.read_text(encoding="utf-8"))  # mkdocs reads the front matter as data
            pages[str(path)] = markdown.markdown(source, extensions=MARKDOWN_EXTENSIONS) + html.escape(str(meta))
    return pages


@pytest.mark.parametrize("entry", MANIFEST, ids=[entry["case"] for entry in MANIFEST])
def test_hostile_case(entry, tmp_path, monkeypatch, capsys):
    project = tmp_path / "project"
    project.mkdir()
    prepare(entry, project)
    monkeypatch.chdir(project)
    before = snapshot(tmp_path, project)

    code, output = run(capsys, entry.get("args", ["validate", "inv"]))
    assert "Traceback" not in output and "internal error" not in output, output
    assert code == entry["exit"], output
    assert sorted(set(CODE.findall(output))) == sorted(entry.get("codes", [])), output
    for line in entry.get("lines", []):
        assert line in output.splitlines(), output

    if "args" not in entry:
        code, output = run(capsys, ["check", "inv"])
        assert "Traceback" not in output and "internal error" not in output, output
        assert code == entry["exit"], output
        if entry["exit"]:  # an inventory with errors publishes nothing: every writer refuses before writing
            for args in (["render", "policy", "inv", "-o", "out/policy.md"], ["render", "processors", "inv", "--format", "csv", "-o", "out/p.csv"], ["build", "inv"]):
                code, output = run(capsys, args)
                assert code == 1 and "Traceback" not in output and "internal error" not in output, (args, output)
            assert not (project / "out").exists() and not (project / "site").exists()

    if entry.get("live"):
        for args in RENDERS:
            code, output = run(capsys, args)
            assert code == 0 and "Traceback" not in output, (args, output)
        pages = published_html(project)
        assert len(pages) > 20
        for name, page in pages.items():
            for live in entry["live"]:
                assert live not in page, f"{live!r} is live in {name}"

    assert snapshot(tmp_path, project) == before
    assert not Path("/tmp/datamap-pwned").exists()


def test_the_corpus_covers_every_category():
    categories = {}
    for entry in MANIFEST:
        categories.setdefault(entry["case"].split("/")[0], []).append(entry)
    assert len(MANIFEST) >= 100
    assert set(categories) == {"yaml", "schema", "ids", "values", "injection", "templates", "args"}
    names = [entry["case"] for entry in MANIFEST]
    assert len(names) == len(set(names))
    files = {p.relative_to(HOSTILE).with_suffix("").as_posix() for p in HOSTILE.glob("*/*.yaml")}
    dirs = {p.relative_to(HOSTILE).as_posix() for p in HOSTILE.glob("*/*") if p.is_dir()}
    assert files | dirs <= set(names), "a case file that the manifest does not list"
