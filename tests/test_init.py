"""datamap init: a new project that passes datamap check at once."""

import importlib.util
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import yaml
from conftest import ROOT
from repos import commit_all
from workflow import run_steps


def test_new_project_passes_check(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("init", "acme", "--name", 'Acme: "Korea" Ltd.', "--effective", "2025-03-01")
    assert result.code == 0, result.err
    created = {p.relative_to(tmp_path / "acme").as_posix() for p in (tmp_path / "acme").rglob("*") if p.is_file()}
    skeleton = {
        ".github/workflows/datamap.yml", ".gitignore", ".pre-commit-config.yaml", "inventory/data.yaml",
        "inventory/organization.yaml", "inventory/safeguards.yaml", "mkdocs.yml", "site/index.md", "site/en/index.md",
        "site/ko/index.md", "site/assets/datamap.css", "overrides/partials/alternate.html", "overrides/partials/language.html",
    }
    assert skeleton <= created
    assert all(path.startswith("site/") for path in created - skeleton)  # the generated pages
    check = run("check", "acme/inventory")
    assert check.code == 0
    assert check.out.splitlines() == [
        "acme/inventory/organization.yaml:19:1: W502 no change history: list released versions under 'policy.history' "
        "(datamap release --effective YYYY-MM-DD records them)",
        "0 error(s), 1 warning(s)",
    ]
    policy = run("render", "policy", "acme/inventory").out
    assert '**Acme: "Korea" Ltd.** · Version 0.1 · Effective March 1, 2025' in policy
    assert yaml.safe_load((tmp_path / "acme/mkdocs.yml").read_text())["site_name"] == 'Acme: "Korea" Ltd. privacy documentation'
    workflow = yaml.safe_load((tmp_path / "acme/.github/workflows/datamap.yml").read_text())
    steps = [step.get("run", "") for step in workflow["jobs"]["datamap"]["steps"]]
    assert 'datamap check inventory --format github ${BASE:+--record-from "$BASE"}' in steps
    assert run("build", "acme/inventory", "--quiet").code == 0  # the downloads the pages link to
    mkdocs = subprocess.run([Path(sys.executable).parent / "mkdocs", "build", "--strict", "-q"], cwd=tmp_path / "acme", capture_output=True, text=True)
    assert mkdocs.returncode == 0, mkdocs.stderr
    assert (tmp_path / "acme/build/site/index.html").is_file()


def test_released_project_is_clean_even_under_strict(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run("init", "acme", "--effective", "2025-03-01").code == 0
    assert run("release", "acme/inventory", "--effective", "2025-03-01").code == 0
    if importlib.util.find_spec("datamap.site.pages"):  # the release adds a version page and changes the list of versions
        assert run("build", "acme/inventory").code == 0
    assert run("check", "acme/inventory", "--strict").code == 0


def test_init_never_overwrites(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "acme").mkdir()
    (tmp_path / "acme/mkdocs.yml").write_text("site_name: mine\n")
    result = run("init", "acme")
    assert result.code == 2
    assert result.err == "acme already has acme/mkdocs.yml: datamap init only creates new files\n"
    assert (tmp_path / "acme/mkdocs.yml").read_text() == "site_name: mine\n"
    assert not (tmp_path / "acme/inventory").exists()


def test_init_rejects_bad_values(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run("init", "x", "--country", "Korea").err == "--country: 'Korea' is not an ISO 3166-1 two-letter country code such as KR\n"
    assert run("init", "x", "--effective", "soon").code == 2
    assert not (tmp_path / "x").exists()


def test_installed_wheel_scaffolds_a_project(tmp_path):
    """The skeleton ships inside the wheel, dot-files included."""
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path / "dist")], check=True)
    with zipfile.ZipFile(next((tmp_path / "dist").glob("datamap-*.whl"))) as archive:
        archive.extractall(tmp_path / "installed")
    env = {"PYTHONPATH": str(tmp_path / "installed"), "PATH": "/usr/bin:/bin"}
    # a wheel from an index leaves no record of where it came from: init asks rather than guess
    unknown = subprocess.run([sys.executable, "-m", "datamap", "init", "acme"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert unknown.returncode == 2 and " E604 " in unknown.stderr and "--install-from SPEC" in unknown.stderr
    assert not (tmp_path / "acme").exists()
    for argv in (["init", "acme", "--effective", "2025-03-01", "--install-from", "datamap==0.1.0"], ["check", "acme/inventory"]):
        result = subprocess.run([sys.executable, "-m", "datamap", *argv], cwd=tmp_path, env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
    assert (tmp_path / "acme/.github/workflows/datamap.yml").is_file()
    assert (tmp_path / "acme/.pre-commit-config.yaml").is_file()
    # the reference site's overrides and assets, shipped once in the wheel (datamap/site-kit/), copied as they are
    for path in ("overrides/partials/alternate.html", "overrides/partials/language.html", "site/assets/datamap.css"):
        assert (tmp_path / "acme" / path).read_bytes() == (ROOT / path).read_bytes()
    assert yaml.safe_load((tmp_path / "acme/mkdocs.yml").read_text())["theme"] == yaml.safe_load((ROOT / "mkdocs.yml").read_text())["theme"]


def test_scaffolded_workflow_runs_on_a_pull_request(run, tmp_path, monkeypatch):
    """The workflow's own steps, run by bash in the new project as the runner would on a pull request."""
    monkeypatch.chdir(tmp_path)
    assert run("init", "acme", "--effective", "2025-03-01").code == 0
    project = tmp_path / "acme"
    base = commit_all(project, "new project")
    data = project / "inventory/data.yaml"
    data.write_text(data.read_text().replace("items: [email, name]\n\npurposes", "items: [email, name]\n    label: {en: sign-up, ko: 가입}\n\npurposes", 1)
                    .replace("    label: {en: \"sign-up form\", ko: \"회원가입 양식\"}\n", ""))
    if importlib.util.find_spec("datamap.site.pages"):  # the pull request regenerates the site pages it changes
        assert run("build", "acme/inventory").code == 0
    commit_all(project, "rename the sign-up form")

    summary = tmp_path / "summary.md"
    ran = run_steps(project, base, Path(sys.executable).parent, summary, install=False)
    assert 'datamap check inventory --format github ${BASE:+--record-from "$BASE"}' in ran
    report = summary.read_text()
    assert report.startswith(f"# Privacy policy changes: {base}")
    assert "- Article 4 (Collection): collection by sign-up form is now called sign-up\n" in report


def test_scaffolded_mkdocs_keeps_nothing_of_the_reference_company():
    from datamap.scaffold import scaffold_mkdocs

    reference = ("# the reference site\n# of AIMMO\nsite_name: AIMMO Privacy\nsite_url: https://privacy.aimmo.example/\n"
                 "copyright: >\n  AIMMO Co., Ltd.\n  all rights reserved\nsite_description: AIMMO's\ndocs_dir: site\ntheme:\n  name: material\n")
    made = scaffold_mkdocs(reference, {"site_name": '"Acme privacy documentation"', "site_description": '"Acme\'s"'})
    assert "AIMMO" not in made and "aimmo" not in made
    assert yaml.safe_load(made) == {"site_name": "Acme privacy documentation", "site_description": "Acme's", "docs_dir": "site",
                                    "theme": {"name": "material"}}
