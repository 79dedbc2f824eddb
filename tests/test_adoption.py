"""A new project from ``datamap init`` to a published site and a green pull-request check, as a user does it.

datamap is installed from this checkout into a fresh virtual environment by the scaffolded workflow's own
install step (``init --install-from`` stands in for the git URL a real project is pinned to); every other
step of the workflow runs as written, then the pre-commit hook as CI would run it, and the built site is
opened page by page in headless Chromium.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from selenium.webdriver.common.by import By

from conftest import ROOT, TEST_SOURCE
from datamap.scaffold import SYSTEM_PACKAGES, skeleton_dir
from repos import commit_all, git
from site_nav import heading, nav, site_words
from workflow import apt_packages, run_steps
from test_site_browser import ARTIFACTS, _open, _pages, _status, browser, diagram_text_px, serve  # noqa: F401 - fixtures

#: a German company's small inventory, replacing the example the scaffold writes
DATA = """\
items:
  - id: email
    label: {en: Email address, ko: 이메일 주소}
    required: true
  - id: name
    label: {en: Name, ko: 이름}
    required: true

collection_points:
  - id: shop_signup
    method: form
    label: {en: shop account, ko: 쇼핑몰 계정}
    items: [email, name]

purposes:
  - id: orders
    title: {en: Processing orders, ko: 주문 처리}
    legal_basis: {pipa: contract, gdpr: "6(1)(b)"}

systems:
  - id: shop_db
    name: {en: Shop database, ko: 쇼핑몰 데이터베이스}
    operator: self
    country: DE
    purposes: [orders]
    fields:
      - {name: email, item: email}
      - {name: full_name, item: name}

retention:
  - id: accounts
    records: {en: Customer accounts, ko: 고객 계정}
    items: [email, name]
    trigger: withdrawal
"""


def _fresh_venv(where: Path) -> Path:
    subprocess.run([sys.executable, "-m", "venv", str(where)], check=True)
    return where / "bin"


@pytest.fixture(scope="module")
def adopted(tmp_path_factory):
    """A project made by init, with a new inventory, pushed through a pull request's workflow and pre-commit."""
    root = tmp_path_factory.mktemp("adoption")
    bin_dir = _fresh_venv(root / "venv")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    init = subprocess.run([sys.executable, "-m", "datamap", "init", "muster", "--name", "Muster GmbH", "--country", "DE",
                           "--effective", "2025-03-01", "--install-from", str(ROOT)], cwd=root, env=env, capture_output=True, text=True)
    assert init.returncode == 0, init.stderr
    project = root / "muster"
    base = commit_all(project, "datamap init")
    data = project / "inventory" / "data.yaml"
    data.write_text(DATA, "utf-8")
    return {"root": root, "project": project, "base": base, "bin": bin_dir, "data": data}


def test_workflow_installs_datamap_pinned_and_its_system_packages():
    workflow = (skeleton_dir() / "dot-github/workflows/datamap.yml").read_text()
    assert "DATAMAP_PACKAGE: ${datamap_package}" in workflow
    steps = yaml.safe_load(workflow)["jobs"]["datamap"]["steps"]
    apt = next(step["run"] for step in steps if "apt-get install" in step.get("run", ""))
    assert set(apt_packages(apt.replace("${system_packages}", " ".join(SYSTEM_PACKAGES)))) == set(SYSTEM_PACKAGES)
    setup = (ROOT / "scripts/setup.sh").read_text()
    assert set(SYSTEM_PACKAGES) == set(setup.split("system_packages=(", 1)[1].split(")", 1)[0].split())
    action = (ROOT / "scripts/github-action.sh").read_text()  # the Action installs the same when they are missing
    assert action.split("for pkg in ", 1)[1].split(";", 1)[0].split() == list(SYSTEM_PACKAGES)


def test_init_pins_where_datamap_came_from(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run("init", "acme", "--effective", "2025-03-01").code == 0
    env = yaml.safe_load((tmp_path / "acme/.github/workflows/datamap.yml").read_text())["env"]
    assert env["DATAMAP_PACKAGE"] == TEST_SOURCE  # the derived source (tests/test_install_source.py), pinned to a commit
    assert "site/downloads/" in (tmp_path / "acme/.gitignore").read_text().splitlines()
    hook = yaml.safe_load((tmp_path / "acme/.pre-commit-config.yaml").read_text())["repos"][0]["hooks"][0]
    import re

    assert all(re.search(hook["files"], path) for path in ("versions/1.0/policy.en.md", "inventory/a.yaml", "site/en/policy.md", "mkdocs.yml"))


def test_scaffolded_site_is_the_reference_site(run, tmp_path, monkeypatch):
    """The same theme, switcher, search languages, navigation and overrides as this repository's site, from its one copy."""
    monkeypatch.chdir(tmp_path)
    assert run("init", "acme", "--name", "Acme $x ${name}", "--effective", "2025-03-01").code == 0
    ours = yaml.safe_load((ROOT / "mkdocs.yml").read_text())
    scaffolded = yaml.safe_load((tmp_path / "acme/mkdocs.yml").read_text())
    assert scaffolded.pop("site_name") == "Acme $x ${name} privacy documentation"
    assert scaffolded.pop("site_description").startswith("Privacy policy, processors and data map of Acme $x ${name},")
    for key in ("site_name", "site_description"):
        ours.pop(key)
    assert scaffolded == ours
    shipped = [path for folder in ("overrides", "site/assets") for path in sorted((ROOT / folder).rglob("*")) if path.is_file()]
    assert len(shipped) >= 3
    for path in shipped:
        assert (tmp_path / "acme" / path.relative_to(ROOT)).read_bytes() == path.read_bytes()
    # shipped once: the skeleton holds none of them (the wheel takes them from the top level, tests/test_init.py)
    assert not [path for path in ("mkdocs.yml", "overrides", "site/assets") if (skeleton_dir() / path).exists()]


def test_pull_request_workflow_and_pre_commit_pass(adopted):
    project, bin_dir = adopted["project"], adopted["bin"]
    # the pull request: a new inventory, its regenerated pages (datamap of the fresh environment, not ours)
    assert not (bin_dir / "datamap").exists()
    summary = adopted["root"] / "summary.md"
    subprocess.run([sys.executable, "-m", "pip", "--version"], check=True, capture_output=True)
    install = subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "-q", str(ROOT)], capture_output=True, text=True, timeout=900)
    assert install.returncode == 0, install.stderr[-3000:]
    build = subprocess.run([str(bin_dir / "datamap"), "build", "inventory"], cwd=project, capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    head = commit_all(project, "our inventory")
    assert head != adopted["base"]
    ran = run_steps(project, adopted["base"], bin_dir, summary)  # the install step runs again, as written: pip finds it installed
    assert any("pip install" in script for script in ran) and any("mkdocs build --strict" in script for script in ran)
    report = summary.read_text()
    assert report.startswith(f"# Privacy policy changes: {adopted['base']}")
    assert "Email address" in report
    assert (project / "build/site/en/storage/index.html").is_file()
    assert "site/downloads" not in git(project, "status", "--porcelain", "--untracked-files=all")  # ignored, never committed

    pre_commit = subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files", "--show-diff-on-failure"], cwd=project,
                                env={**os.environ, "PATH": f"{bin_dir}{os.pathsep}/usr/bin:/bin", "PRE_COMMIT_HOME": str(adopted["root"] / "pre-commit")},
                                capture_output=True, text=True, timeout=600)
    assert pre_commit.returncode == 0, pre_commit.stdout + pre_commit.stderr
    assert "datamap check" in pre_commit.stdout and "Passed" in pre_commit.stdout

    # an inventory change without regenerated pages: the hook fails, naming the command that fixes it
    adopted["data"].write_text(DATA.replace("Processing orders", "Processing and shipping orders"), "utf-8")
    stale = subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files"], cwd=project,
                           env={**os.environ, "PATH": f"{bin_dir}{os.pathsep}/usr/bin:/bin", "PRE_COMMIT_HOME": str(adopted["root"] / "pre-commit")},
                           capture_output=True, text=True, timeout=600)
    assert stale.returncode == 1 and "datamap build" in stale.stdout
    git(project, "checkout", "--", "inventory")


def test_published_site_in_the_browser(adopted, serve, browser):
    built = adopted["project"] / "build" / "site"
    assert (built / "index.html").is_file(), "the workflow's site step did not run"
    base = serve(built)
    pages = _pages(built, base)
    assert len(pages) > 20
    browser.get_log("browser")
    problems = []
    for url in pages:
        if _status(url) != 200:
            problems.append(f"{url}: HTTP {_status(url)}")
            continue
        _open(browser, url)
        problems += [f"{url}: console: {e['message']}" for e in browser.get_log("browser") if e["level"] == "SEVERE"]
        problems += [f"{url}: broken image {src}" for src in browser.execute_script(
            "return Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src)")]
        for image in browser.find_elements(By.CSS_SELECTOR, "article img[src$='.svg']"):
            if diagram_text_px(browser, image) < 12:
                problems.append(f"{url}: diagram text {diagram_text_px(browser, image):.1f} px")
    assert problems == []
    ARTIFACTS.mkdir(exist_ok=True)
    for name, path in (("home", ""), ("storage", "en/storage/"), ("system", "en/system/shop_db/"), ("ko-lineage", "ko/lineage/")):
        _open(browser, base + path)
        browser.save_screenshot(str(ARTIFACTS / f"adoption-{name}.png"))
    _open(browser, base + "en/")
    assert browser.find_element(By.CSS_SELECTOR, ".md-header__option .md-select")  # the language switcher
    assert browser.execute_script("return getComputedStyle(document.querySelector('.md-header')).backgroundColor") != "rgba(0, 0, 0, 0)"


def test_site_of_a_project_publishing_one_language(run, tmp_path, monkeypatch):
    """A GDPR project publishes English only: its site neither lists nor links Korean pages, and builds strictly."""
    monkeypatch.chdir(tmp_path)
    assert run("init", "gmbh", "--regime", "gdpr", "--effective", "2025-03-01").code == 0
    project = tmp_path / "gmbh"
    config = yaml.safe_load((project / "mkdocs.yml").read_text())
    assert [alt["lang"] for alt in config["extra"]["alternate"]] == ["en"]
    assert [list(entry)[0] if isinstance(entry, dict) else entry for entry in config["nav"]] == ["index.md", "English"]
    assert not (project / "site/ko").exists() and "ko/" not in (project / "site/index.md").read_text()
    assert run("build", "gmbh/inventory", "--quiet").code == 0
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"], cwd=project, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert done.returncode == 0, done.stderr
    assert run("check", "gmbh/inventory").code == 0
    # the navigation speaks the GDPR's words, as the pages do: a privacy notice and processors, not entrustees
    titles, words = nav(project / "build/site", "en/"), site_words("gdpr/en", "en")
    assert titles["en/policy/history/"] == words["history"] == "Past versions of the privacy notice"
    assert titles["en/processors/"] == words["processors"] == "Processors"
    assert titles[""] == heading(project / "build/site", "") == "Example Co., Ltd.: privacy documentation"
