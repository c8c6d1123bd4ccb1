"""The network page in a real headless Chromium: loads offline without console errors, draws the
nodes, finds a node by name, filters by type, and shows a hostile name as text."""
from __future__ import annotations

import shutil
import time

import pytest
from conftest import ROOT

from kg.app.cli import main
from kg.app.view import Node, ViewData, write_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER),
    reason="needs a headless Chromium and its driver (Debian: apt-get install chromium chromium-driver)",
)


@pytest.fixture
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
              "--disable-background-networking", "--disable-component-update", "--disable-sync",
              "--window-size=1300,900"):
        opts.add_argument(a)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    d = webdriver.Chrome(service=Service(DRIVER), options=opts)
    yield d
    d.quit()


def load(browser, path):
    browser.get(path.as_uri())
    for _ in range(100):
        if browser.execute_script("return window.kgReady === true"):
            return
        time.sleep(0.1)
    raise AssertionError("page script never ran")


def test_page_loads_draws_searches_and_filters(browser, tmp_path):
    assert main(["build", str(ROOT / "samples"), "-o", str(tmp_path), "-q"]) == 0
    load(browser, tmp_path / "graph.html")
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []
    n = browser.execute_script("return nodes.length")
    assert n > 20
    assert browser.execute_script("return document.querySelector('#mynetwork canvas') !== null")
    box = browser.find_element("id", "kg-search")
    box.send_keys("周明远\n")
    panel = browser.find_element("id", "kg-panel").text
    assert "周明远" in panel and "Official" in panel and "来安县经济和信息化局" in panel
    selected = browser.execute_script("return network.getSelectedNodes()")
    assert len(selected) == 1
    # an alias finds its node too (the traditional form as published)
    box.clear()
    box.send_keys("陳國強\n")
    assert "陈国强" in browser.find_element("id", "kg-panel").text
    # hide officials
    browser.execute_script("document.querySelector('.kg-type[value=Official]').click()")
    hidden = browser.execute_script(
        "return nodes.get().filter(function (x) { return x.hidden; }).length"
    )
    assert hidden == 4


def test_hostile_name_shows_as_text(browser, tmp_path):
    bad = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
    v = ViewData(nodes={
        "a": Node("a", "Company", bad, [bad, "坏名字"], ['</script><script>window.__pwned=3</script>']),
        "b": Node("b", "Region", "杭锦后旗", ["杭锦后旗"]),
    }, edges=[("a", "locatedIn", "b")])
    write_html(v, tmp_path / "bad.html")
    load(browser, tmp_path / "bad.html")
    assert browser.execute_script("return window.__pwned === undefined")
    box = browser.find_element("id", "kg-search")
    box.send_keys("坏名字\n")
    panel = browser.find_element("id", "kg-panel").text
    assert "<script>window.__pwned=1</script>" in panel
    assert browser.execute_script("return window.__pwned === undefined")
