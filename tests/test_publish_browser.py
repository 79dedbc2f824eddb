"""The policy's HTML page in a real browser: headless Chromium through selenium."""

import shutil

import pytest

from conftest import REFERENCE
from datamap.cli import main

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync")


@pytest.fixture
def browser(tmp_path):
    if not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)):
        pytest.fail("Chromium and chromedriver are needed: bash scripts/setup.sh --dev installs them")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path / 'profile'}")
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    yield driver
    driver.quit()


@pytest.mark.parametrize("lang,title,contents", [("en", "Privacy Policy", "Contents"), ("ko", "개인정보 처리방침", "목차")])
def test_policy_page_works_in_a_browser(browser, tmp_path, lang, title, contents):
    page = tmp_path / f"policy.{lang}.html"
    assert main(["render", "policy", str(REFERENCE), "--lang", lang, "--format", "html", "-o", str(page)]) == 0
    browser.get(page.as_uri())
    assert browser.title == title
    assert browser.execute_script("return document.documentElement.lang") == lang
    assert browser.execute_script("return document.querySelector('nav.toc h2').textContent") == contents
    links = browser.execute_script("return [...document.querySelectorAll('nav.toc a')].map(a => a.hash)")
    assert len(links) == 13
    # every entry leads to a heading of the page, and following it moves there
    for link in links:
        assert browser.execute_script("return document.getElementById(decodeURIComponent(arguments[0].slice(1))).tagName", link) == "H2"
    browser.execute_script("document.querySelectorAll('nav.toc a')[8].click()")
    assert browser.execute_script("return decodeURIComponent(location.hash)") == browser.execute_script("return decodeURIComponent(arguments[0])", links[8])
    assert browser.execute_script("return window.scrollY") > 0
    # tables with header rows, and nothing fetched besides the page itself
    assert browser.execute_script("return document.querySelectorAll('main table thead th').length") >= 3
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
