"""Incremental builds and digest checks: a site built step by step equals one built from nothing, and
every generated file edited by hand is reported."""

from __future__ import annotations

import copy
import random
import shutil
from pathlib import Path

import pytest
import yaml

from datamap.findings import has_errors
from datamap.inventory.validate import check_inventory
from datamap.site import pages as site_pages
from datamap.site import record as rec
from datamap.site import statcache
from datamap.site.build import build_site
from datamap.site.stale import stale_site
from site_project import ROOT, copy_project

SECTIONS_WITH_TEXT = {
    "items": "label", "collection_points": "label", "systems": "name", "processors": "name", "purposes": "title",
    "laws": "name", "retention": "records",
}


@pytest.fixture
def no_pdfs(monkeypatch):
    """Leave the PDF downloads out of both builds: they are slow to make and built whole on any change."""
    real = site_pages.downloads
    monkeypatch.setattr(site_pages, "downloads", lambda *a, **k: [d for d in real(*a, **k) if not d.path.endswith(".pdf")])


def _build(project: Path):
    inventory, findings = check_inventory(project / "inventory")
    assert inventory is not None and not has_errors(findings), findings
    return inventory, build_site(inventory, project / "inventory", project, project / "site")


def _stale(project: Path, full: bool = False) -> list[str]:
    inventory, _ = check_inventory(project / "inventory")
    return [str(f) for f in stale_site(inventory, project / "inventory", project, None, "datamap build", full).findings]


def _tree(site: Path) -> dict[str, bytes]:
    """Every file under ``site`` but the local stat cache, which is no output (it holds inodes and times)."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file() and p.name != statcache.NAME}


class Editor:
    """Random edits to an inventory that keep it valid."""

    def __init__(self, inventory_dir: Path, rng: random.Random) -> None:
        self.dir, self.rng = inventory_dir, rng
        self.files = {p.name: yaml.safe_load(p.read_text("utf-8")) for p in sorted(inventory_dir.glob("*.yaml"))}
        self.count = 0

    def section(self, name: str) -> list:
        return next(data[name] for data in self.files.values() if name in data)

    def save(self) -> None:
        for name, data in self.files.items():
            (self.dir / name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")

    def edit(self) -> str:
        """Apply one random edit that leaves the inventory without errors; returns what it did."""
        for _ in range(50):
            before = copy.deepcopy(self.files)
            what = self._random_edit()
            self.save()
            inventory, findings = check_inventory(self.dir)
            if what and inventory is not None and not has_errors(findings):
                return what
            self.files = before
            self.save()
        raise AssertionError("no valid edit found")

    def _random_edit(self) -> str | None:
        rng = self.rng
        self.count += 1
        kind = rng.choice(["text", "text", "reorder", "point_items", "operator", "field", "purposes", "new_point", "drop", "policy", "org"])
        if kind == "text":
            section = rng.choice(sorted(SECTIONS_WITH_TEXT))
            entity = rng.choice(self.section(section))
            entity[SECTIONS_WITH_TEXT[section]] = {"en": f"Edited {self.count}", "ko": f"수정 {self.count}"}
            return f"text of {section}/{entity['id']}"
        if kind == "reorder":
            section = rng.choice(["items", "collection_points", "systems", "processors", "purposes", "retention"])
            rng.shuffle(self.section(section))
            return f"reorder {section}"
        items = [i["id"] for i in self.section("items")]
        if kind == "point_items":
            point = rng.choice(self.section("collection_points"))
            point["items"] = sorted(set(point["items"]) ^ {rng.choice(items)}) or [rng.choice(items)]
            return f"items of point {point['id']}"
        systems = self.section("systems")
        system = rng.choice(systems)
        if kind == "operator":
            system["operator"] = rng.choice(["self"] + [p["id"] for p in self.section("processors")])
            return f"operator of {system['id']}"
        if kind == "field":
            if system["fields"] and rng.random() < 0.5:
                system["fields"].pop(rng.randrange(len(system["fields"])))
            else:
                system["fields"].append({"name": f"added_{self.count}", "item": rng.choice(items)})
            return f"fields of {system['id']}"
        if kind == "purposes":
            purposes = [p["id"] for p in self.section("purposes")]
            system["purposes"] = sorted(set(system["purposes"]) ^ {rng.choice(purposes)}) or [rng.choice(purposes)]
            return f"purposes of {system['id']}"
        if kind == "new_point":
            self.section("collection_points").append({"id": f"point_{self.count}", "method": "form", "items": [rng.choice(items)]})
            return "new collection point"
        if kind == "drop":
            section = rng.choice(["collection_points", "systems", "retention"])
            entities = self.section(section)
            if len(entities) > 1:
                entities.pop(rng.randrange(len(entities)))
                return f"drop from {section}"
            return None
        if kind == "policy":
            policy = next(data["policy"] for data in self.files.values() if "policy" in data)
            policy["version"] = f"1.{self.count}"
            return "policy version"
        organization = next(data["organization"] for data in self.files.values() if "organization" in data)
        organization["name"] = {"en": f"Company {self.count}", "ko": f"회사 {self.count}"}
        return "organization name"


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_incremental_build_equals_a_clean_build_after_random_edits(tmp_path, no_pdfs, seed):
    rng = random.Random(seed)
    project = copy_project(tmp_path / "incremental")
    _build(project)
    editor = Editor(project / "inventory", rng)
    for step in range(4):
        done = [editor.edit() for _ in range(rng.randint(1, 3))]
        _, changes = _build(project)
        clean = copy_project(tmp_path / f"clean-{step}")
        shutil.rmtree(clean / "inventory")
        shutil.copytree(project / "inventory", clean / "inventory")
        _build(clean)
        assert _tree(project / "site") == _tree(clean / "site"), done
        assert _stale(project) == [] and _stale(project, full=True) == [], done


def test_only_the_pages_an_edit_touches_are_made(tmp_path, no_pdfs, monkeypatch):
    project = copy_project(tmp_path)
    _build(project)
    made: list[str] = []
    real = site_pages.make_pages

    def counting(pages, *args):
        pages = list(pages)
        made.extend(p.path for p in pages)
        return real(pages, *args)

    monkeypatch.setattr(site_pages, "make_pages", counting)
    _, changes = _build(project)  # nothing changed: no page is made, no graph is built
    assert made == [] and changes.written == []
    systems = project / "inventory" / "systems.yaml"
    systems.write_text(systems.read_text("utf-8").replace('"Service logs"', '"Service log store"'), "utf-8")
    assert _stale(project)
    _, changes = _build(project)
    assert "en/system/service_logs.md" in made and "en/system/service_logs.svg" in made
    assert "en/system/account_db.md" not in made and "en/item/password.md" not in made
    assert "en/system/service_logs.md" in changes.written and "ko/system/service_logs.md" not in changes.written
    made.clear()
    assert _stale(project) == [] and made == []


def test_every_edited_generated_file_is_reported(tmp_path, no_pdfs):
    project = copy_project(tmp_path)
    _build(project)
    record, _ = rec.read(project / "site")
    assert len(record.files) == len([p for p in (project / "site").rglob("*") if p.suffix in (".md", ".svg", ".xml") and site_pages.is_generated(p)])
    for path in sorted(record.files):
        target = project / "site" / path
        original = target.read_bytes()
        target.write_bytes(original.replace(b"<", b"&lt;", 1) if path.endswith(".svg") else original + b"\n")
        [finding] = _stale(project)
        assert finding.split(" ")[0].endswith(f"/site/{path}:1:1:") and " E701 generated file was edited after the last build" in finding, path
        target.unlink()
        assert [f.split(" ")[1] for f in _stale(project)] == ["E702"], path
        target.write_bytes(original)
    assert _stale(project) == []


def test_the_record_is_deterministic_and_sorted(tmp_path, no_pdfs):
    one, two = copy_project(tmp_path / "one"), copy_project(tmp_path / "two")
    _build(one)
    _build(two)
    text = (one / "site" / rec.NAME).read_text("utf-8")
    assert text == (two / "site" / rec.NAME).read_text("utf-8")
    paths = [line.split(" ")[0] for line in text.splitlines()[4:]]
    assert paths == sorted(paths) and "en/system/mailer.svg" in paths and not [p for p in paths if p.startswith("downloads/")]
    assert (one / "site" / "downloads" / rec.NAME).is_file()  # downloads are not committed, nor is their record


def test_a_broken_or_missing_record_falls_back_to_comparing_pages(tmp_path, no_pdfs):
    project = copy_project(tmp_path)
    _build(project)
    record = project / "site" / rec.NAME
    record.write_text("<<<<<<< HEAD\n" + record.read_text("utf-8"), "utf-8")  # a merge conflict left in it
    assert _stale(project) == []
    page = project / "site" / "en" / "items.md"
    page.write_text(page.read_text("utf-8").replace("# ", "# Stale ", 1), "utf-8")
    [finding] = _stale(project)
    assert "E701" in finding and "build record .datamap-build cannot be used" in finding
    _build(project)
    assert _stale(project) == [] and rec.read(project / "site")[0] is not None
    record.unlink()
    assert _stale(project) == []


def test_a_page_no_longer_made_is_reported_and_removed(tmp_path, no_pdfs):
    project = copy_project(tmp_path)
    _build(project)
    systems = project / "inventory" / "systems.yaml"
    data = yaml.safe_load(systems.read_text("utf-8"))
    data["systems"] = [s for s in data["systems"] if s["id"] != "service_logs"]
    systems.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    found = [f.partition("/site/")[2] for f in _stale(project)]
    assert "en/system/service_logs.md:1:1: E603 generated file is no longer made from the inventory: run `datamap build` to remove it" in found
    _, changes = _build(project)
    assert "en/system/service_logs.svg" in changes.removed and not (project / "site" / "en" / "system" / "service_logs.md").exists()


def test_a_template_change_is_named_in_the_finding(tmp_path, no_pdfs):
    project = copy_project(tmp_path)
    _build(project)
    words = project / "templates" / "en" / "site" / "words.j2"
    words.parent.mkdir(parents=True)
    words.write_text((ROOT / "templates" / "en" / "site" / "words.j2").read_text("utf-8").replace('"Data map"', '"Where data goes"'), "utf-8")
    found = _stale(project)
    assert found and all("the templates changed since the last build" in f for f in found)
    assert any("/site/en/lineage.md:2:1: E701" in f for f in found)


def test_a_pdf_is_made_again_only_when_its_html_changes(tmp_path):
    project = copy_project(tmp_path)
    _, first = _build(project)
    pdfs = sorted(p.relative_to(project / "site").as_posix() for p in (project / "site" / "downloads").rglob("*.pdf"))
    others = [p for p in (project / "site" / "downloads").rglob("*.*") if p.suffix != ".pdf" and p.name != rec.NAME]
    assert first.downloads_built == len(pdfs) + len(others) and "downloads/policy.ko.pdf" in pdfs
    systems = project / "inventory" / "systems.yaml"
    systems.write_text(systems.read_text("utf-8").replace('"Service logs"', '"Service log store"'), "utf-8")
    _, changes = _build(project)  # system names are not in the policy or the notices
    assert changes.downloads_built == len(others)  # the processor lists and records of processing are cheap: made on every change
    processors = project / "inventory" / "processors.yaml"
    processors.write_text(processors.read_text("utf-8").replace('"Naver Cloud"', '"Naver Cloud Corp."'), "utf-8")
    _, changes = _build(project)
    assert changes.downloads_built > len(others)
    (project / "site" / "downloads" / "policy.en.pdf").write_bytes(b"%PDF-1.7 edited")
    _, changes = _build(project)
    assert changes.downloads_built == 1
    (project / "site" / "downloads" / "notices" / "stray.en.pdf").write_bytes(b"%PDF-1.7")
    _, changes = _build(project)
    assert changes.removed == ["downloads/notices/stray.en.pdf"] and changes.downloads_built == 0


def test_the_committed_record_lists_every_committed_page_with_its_content():
    record, why = rec.read(ROOT / "site")
    assert record is not None, why
    committed = {p.relative_to(ROOT / "site").as_posix() for p in (ROOT / "site").rglob("*") if p.is_file() and rec.is_generated(p)}
    assert set(record.files) == committed, "run datamap build"
    for path, entry in record.files.items():
        assert rec.file_digest(ROOT / "site" / path) == entry.content, f"site/{path}: run datamap build"


def test_a_project_page_template_may_show_anything(tmp_path, no_pdfs):
    """With an override of a site page template, every page depends on the whole inventory."""
    project = copy_project(tmp_path / "incremental")
    template = project / "templates" / "site" / "item.md.j2"
    template.parent.mkdir(parents=True)
    template.write_text((ROOT / "templates" / "site" / "item.md.j2").read_text("utf-8") + "\n{{ inv.systems|length }} systems in all\n", "utf-8")
    _build(project)
    assert "4 systems in all" in (project / "site" / "en" / "item" / "password.md").read_text("utf-8")
    systems = project / "inventory" / "systems.yaml"
    systems.write_text(systems.read_text("utf-8") + "  - {id: extra, name: Extra, operator: self, purposes: [service], fields: [{name: ip, item: ip_address}]}\n", "utf-8")
    _build(project)
    assert "5 systems in all" in (project / "site" / "en" / "item" / "password.md").read_text("utf-8")
    assert _stale(project, full=True) == []
