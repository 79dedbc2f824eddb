"""The built docs site in a real browser: Debian's headless Chromium, driven by Selenium, over loopback.

Every page is opened: it must answer 200, log no console error, have no broken link or image, and
show inventory text as text. Screenshots of the home, policy and a system page are saved under
test-artifacts/ to look at.
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urldefrag, urlparse

import pytest

from datamap.cli import main
from site_project import NASTY_ITEM, ROOT, add_releases, copy_project, make_nasty, mkdocs_build

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
ARTIFACTS = ROOT / "test-artifacts"
pytestmark = pytest.mark.skipif(
    not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()), reason="chromium and chromium-driver are not installed (scripts/setup.sh --dev)"
)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def _built_site(root: Path, nasty: bool) -> Path:
    project = copy_project(root)
    add_releases(project)
    if nasty:
        make_nasty(project)
    assert main(["build", str(project / "inventory")]) == 0
    done = mkdocs_build(project)
    assert done.returncode == 0, done.stderr
    return project / "build" / "site"


@pytest.fixture(scope="module")
def serve(tmp_path_factory):
    """Serve a built site on 127.0.0.1; returns the base URL."""
    servers = []

    def start(built: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(built))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--window-size=1280,1000",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def _pages(built: Path, base: str) -> list[str]:
    folders = (p.relative_to(built).parent.as_posix() for p in built.rglob("index.html"))
    return sorted(base if folder == "." else f"{base}{folder}/" for folder in folders)


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as e:
        return e.code


def _open(driver, url: str) -> None:
    driver.get(url)
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")


def _no_alert(driver) -> bool:
    try:
        driver.switch_to.alert
    except NoAlertPresentException:
        return True
    return False


def diagram_svg(image) -> str:
    return urllib.request.urlopen(image.get_attribute("src"), timeout=10).read().decode("utf-8")


def diagram_text_px(driver, image) -> float:
    """The smallest text of a diagram as shown: its smallest font size (pt) times the image's scale, in CSS px."""
    svg = diagram_svg(image)
    smallest = min(float(size) for size in re.findall(r'font-size="([0-9.]+)"', svg))
    natural, shown = driver.execute_script("const i = arguments[0]; return [i.naturalWidth, i.getBoundingClientRect().width]", image)
    return smallest * 4 / 3 * shown / natural


def test_every_page_loads_cleanly(tmp_path_factory, serve, browser):
    built = _built_site(tmp_path_factory.mktemp("reference"), nasty=False)
    base = serve(built)
    pages = _pages(built, base)
    assert len(pages) == len(list((built.parent.parent / "site").rglob("*.md")))
    checked: dict[str, int] = {}
    problems = []
    browser.get_log("browser")
    for url in pages:
        if _status(url) != 200:
            problems.append(f"{url}: HTTP {_status(url)}")
            continue
        _open(browser, url)
        errors = [entry["message"] for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
        problems += [f"{url}: console: {message}" for message in errors]
        broken_images = browser.execute_script(
            "return Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src)"
        )
        problems += [f"{url}: broken image {src}" for src in broken_images]
        for link in browser.execute_script("return Array.from(document.querySelectorAll('a[href]')).map(a => a.href)"):
            target = urldefrag(link)[0]
            if not target.startswith(base):
                assert urlparse(target).scheme in ("http", "https", "mailto"), f"{url}: odd link {link}"
                continue
            if target not in checked:
                checked[target] = _status(target)
            if checked[target] != 200:
                problems.append(f"{url}: broken link {link} (HTTP {checked[target]})")
    assert problems == []
    assert len(checked) > len(pages) // 2


def test_lineage_diagrams_are_visible_and_screenshots(tmp_path_factory, serve, browser):
    built = _built_site(tmp_path_factory.mktemp("shots"), nasty=False)
    base = serve(built)
    ARTIFACTS.mkdir(exist_ok=True)
    for name, path in (("home", ""), ("policy", "en/policy/"), ("system", "en/system/account_db/"), ("lineage", "en/lineage/"), ("ko-item", "ko/item/email/"), ("history", "en/policy/history/"), ("version", "en/policy/v0.9/"),
                       ("storage", "en/storage/"), ("changes", "en/changes/v0.9/"), ("ko-storage", "ko/storage/")):
        _open(browser, base + path)
        browser.save_screenshot(str(ARTIFACTS / f"site-{name}.png"))
    _open(browser, base + "ko/system/mailer/")  # Korean pages speak Korean, the theme's words too
    assert browser.execute_script("return document.documentElement.lang") == "ko"
    assert browser.find_element(By.CSS_SELECTOR, "input.md-search__input").get_attribute("placeholder") == "검색"
    for path in ("en/lineage/", "en/system/account_db/", "en/item/email/", "ko/system/mailer/"):
        _open(browser, base + path)
        diagram = browser.find_element(By.CSS_SELECTOR, "article img[src$='.svg']")
        assert diagram.is_displayed()
        size = browser.execute_script("const i = arguments[0]; return [i.naturalWidth, i.clientWidth, i.clientHeight]", diagram)
        assert size[0] > 100 and size[1] > 100 and size[2] > 50, (path, size)
        assert diagram_text_px(browser, diagram) >= 12, path  # shown at its natural size: readable text
        assert "Legend" in diagram_svg(diagram) or "범례" in diagram_svg(diagram)


def test_search_finds_naver_cloud(tmp_path_factory, serve, browser):
    built = _built_site(tmp_path_factory.mktemp("search"), nasty=False)
    base = serve(built)
    _open(browser, base + "en/")
    box = WebDriverWait(browser, 10).until(expected_conditions.element_to_be_clickable((By.CSS_SELECTOR, "input.md-search__input")))
    box.click()
    box.send_keys("Naver Cloud")
    WebDriverWait(browser, 20).until(
        lambda d: any("Naver Cloud" in r.text for r in d.find_elements(By.CSS_SELECTOR, ".md-search-result__item"))
    )
    browser.save_screenshot(str(ARTIFACTS / "site-search.png"))
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, ".md-search-result__item a")]
    assert any("/processor/naver_cloud/" in link or "/processors/" in link for link in links)

    _open(browser, base + "ko/")  # Korean pages are indexed too
    box = WebDriverWait(browser, 10).until(expected_conditions.element_to_be_clickable((By.CSS_SELECTOR, "input.md-search__input")))
    box.click()
    box.send_keys("네이버클라우드")
    WebDriverWait(browser, 20).until(
        lambda d: any("/ko/" in (a.get_attribute("href") or "") for a in d.find_elements(By.CSS_SELECTOR, ".md-search-result__item a"))
    )


def test_hostile_labels_show_as_text_on_every_page(tmp_path_factory, serve, browser):
    built = _built_site(tmp_path_factory.mktemp("nasty"), nasty=True)
    base = serve(built)
    pages = _pages(built, base)
    shown = 0
    for url in pages:
        _open(browser, url)
        assert _no_alert(browser), url
        assert browser.execute_script("return window.pwned") is None, url
        assert not browser.find_elements(By.CSS_SELECTOR, "article script, article img[src='x'], a[href^='javascript:']"), url
        if NASTY_ITEM in browser.find_element(By.TAG_NAME, "article").text:
            shown += 1
    _open(browser, base + "en/item/email/")
    assert browser.find_element(By.CSS_SELECTOR, "article h1").text.startswith(NASTY_ITEM)
    assert NASTY_ITEM in browser.title
    assert shown > 10
    results = ""
    for query in ("Password", "Customer records", "fees"):  # search results show the hostile text as text too
        _open(browser, base + "en/")
        box = WebDriverWait(browser, 10).until(expected_conditions.element_to_be_clickable((By.CSS_SELECTOR, "input.md-search__input")))
        box.click()
        box.send_keys(query)
        WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".md-search-result__item"))
        assert _no_alert(browser) and browser.execute_script("return window.pwned") is None, query
        assert not browser.find_elements(By.CSS_SELECTOR, ".md-search-result script, .md-search-result img[src='x']"), query
        results += browser.find_element(By.CSS_SELECTOR, ".md-search-result").text
    assert "alert(1)" in results and "javascript:alert(3)" in results
