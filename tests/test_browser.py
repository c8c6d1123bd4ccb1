"""The network page and kg serve's query page in a real headless Chromium: they load offline
without console errors; the network draws, finds a node by name and filters by type; the query
page fills a shipped question's parameters, runs it into a table, shows CONSTRUCT as Turtle and
errors as a line; both show a hostile name as text. The network page's panel groups evidence by
article with "N more" and closes; its neighbourhood control draws from the whole graph and goes back."""
from __future__ import annotations

import shutil
import time

import pytest
from conftest import ROOT, start_serve

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


def _until(browser, script: str, seconds: float = 10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = browser.execute_script(script)
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"never true: {script}")


def _run(browser, query: str) -> None:
    browser.execute_script("const e = document.getElementById('editor'); e.value = arguments[0];"
                           "e.dispatchEvent(new Event('input'));", query)
    browser.execute_script("document.getElementById('out').replaceChildren()")
    browser.find_element("id", "run").click()
    _until(browser, "return document.getElementById('out').children.length > 0 || !document.getElementById('error').hidden")


def test_query_page_runs_questions_tables_turtle_and_errors(browser, tmp_path):
    from selenium.webdriver.support.ui import Select

    assert main(["build", str(ROOT / "samples"), "-o", str(tmp_path / "out"), "-q", "--no-html"]) == 0
    p, url = start_serve(tmp_path / "out" / "store")
    try:
        browser.get(url.replace("/sparql", "/"))
        _until(browser, "return window.kgReady === true")
        Select(browser.find_element("id", "question")).select_by_value("officials")
        _until(browser, "return document.getElementById('editor').value.includes('?official')")
        browser.find_element("css selector", "#params input[name=region]").send_keys("旌阳")
        _until(browser, "return document.getElementById('editor').value.includes('旌阳')")
        browser.find_element("id", "run").click()
        table = _until(browser, "return document.querySelector('#out table') && document.querySelector('#out table').innerText")
        assert "李建华" in table and "周明远" not in table  # the region's official only
        from kg.rdf.query import load_graph, named_queries, run, with_params

        expected = run(load_graph(tmp_path / "out" / "graph.ttl"), with_params(named_queries()["officials"], {"region": "旌阳"}))[1]
        assert browser.find_element("id", "status").text.startswith(f"{len(expected)} rows")
        assert browser.execute_script("return document.querySelectorAll('#out tbody tr').length") == len(expected)
        assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
        browser.save_screenshot(str(tmp_path / "query-page.png"))

        _run(browser, "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX cy: <https://w3id.org/chanye/ontology#> "
                      "CONSTRUCT { ?o rdfs:label ?n } WHERE { ?o a cy:Official ; rdfs:label ?n }")
        turtle = browser.execute_script("return document.querySelector('#out pre').textContent")
        assert "周明远" in turtle and "@prefix" in turtle

        bad = '<img src=x onerror="window.__pwned=1">'
        _run(browser, 'SELECT ?x WHERE { BIND("%s" AS ?x) }' % bad.replace('"', '\\"'))
        assert browser.execute_script("return document.querySelector('#out td').textContent") == bad
        assert browser.execute_script("return document.querySelector('#out img') === null && window.__pwned === undefined")

        _run(browser, "SELECT * WHERE { ?s ?p }")
        error = browser.find_element("id", "error").text
        assert "400" in error and "syntax" in error
    finally:
        p.terminate()
        p.wait(timeout=10)


def _panel_graph() -> ViewData:
    """A hand-made page: an official with five articles behind one relation (one of them with three
    sentences), an address that is not http(s), a hostile company name, and a whole graph with a
    company the overview leaves out."""
    off, ag, reg, city, co, far = "o", "g", "r", "c", "x", "f"
    bad = '<script>window.__pwned=1</script>"引号" & 公司'
    arts = {f"a{i}": (f"示例新闻{i}", f"2024-0{i}-01", f"https://example.org/a{i}") for i in range(1, 6)}
    arts["a6"] = ('<img src=x onerror="window.__pwned=5">标题', "2024-06-01", "javascript:window.__pwned=4")
    nodes = {
        off: Node(off, "Official", "王建平", ["王建平", "王建平同志"], ["a1", "a2"]),
        ag: Node(ag, "Agency", "示例县工业和信息化局", ["示例县工业和信息化局"], ["a1"]),
        reg: Node(reg, "Region", "示例县", ["示例县"], ["a1"]),
        city: Node(city, "Region", "示例市", ["示例市"], ["a2"]),
        co: Node(co, "Company", bad, [bad], ["a6"]),
    }
    edges = [(off, "memberOf", ag), (ag, "jurisdiction", reg), (reg, "partOf", city), (co, "locatedIn", reg)]
    evidence = {
        (off, "memberOf", ag): [("a1", "王建平任示例县工业和信息化局局长。"), ("a1", "王建平局长主持会议。"),
                                ("a1", "王建平介绍了全县工业情况。"), ("a2", "示例县工业和信息化局局长王建平出席。"),
                                ("a3", "王建平调研企业。"), ("a4", "王建平听取汇报。"), ("a5", "王建平参加签约。")],
        (co, "locatedIn", reg): [("a6", "该公司位于示例县。")],
    }
    whole = ViewData(nodes={**nodes, far: Node(far, "Company", "远方科技", ["远方科技"], [], 1)},
                     edges=sorted(edges + [(far, "locatedIn", reg)]))
    return ViewData(nodes=nodes, edges=sorted(edges), evidence=evidence, articles=arts, whole=whole)


def test_panel_groups_evidence_and_neighbourhood_goes_back(browser, tmp_path):
    write_html(_panel_graph(), tmp_path / "p.html")
    load(browser, tmp_path / "p.html")
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
    box = browser.find_element("id", "kg-search")
    box.send_keys("王建平同志\n")  # an alias
    panel = browser.find_element("id", "kg-panel")
    text = panel.text
    assert "王建平" in text and "官员 Official" in text
    assert "任职 memberOf → 示例县工业和信息化局 (机构 Agency)" in text
    # by article: three shown with title and date, a link, the rest counted; two sentences of a1
    assert browser.execute_script("return document.querySelectorAll('#kg-panel .kg-group').length") == 3
    assert "示例新闻1 2024-01-01" in text and "示例新闻4" not in text
    assert "… 2 more articles" in text and "… 1 more sentences" in text
    assert text.count("示例新闻1") == 2  # once in its group, once among the sources
    assert browser.execute_script("return document.querySelector('#kg-panel a[href=\"https://example.org/a1\"]') !== null")
    browser.find_element("id", "kg-close").click()
    assert not panel.is_displayed()

    # the region's neighbourhood, from the whole graph: the company the overview left out comes in
    assert browser.execute_script("return nodes.length") == 5
    box.clear()
    box.send_keys("示例县")
    browser.find_element("id", "kg-hood").click()
    assert browser.execute_script("return window.kgView") == "neighbourhood:示例县"
    drawn = browser.execute_script("return nodes.get().map(function (n) { return n.label; }).sort()")
    assert "远方科技" in drawn and "示例市" in drawn and "示例县工业和信息化局" in drawn and "王建平" in drawn
    assert len(drawn) == 6
    assert "邻域 neighbourhood of 示例县: 6 nodes" in browser.find_element("id", "kg-view").text
    browser.find_element("id", "kg-back").click()
    assert browser.execute_script("return window.kgView") == "overview"
    assert browser.execute_script("return nodes.length") == 5
    assert browser.find_element("id", "mynetwork").is_displayed()
    assert not browser.find_element("id", "kg-hoodnet").is_displayed()
    assert browser.find_element("id", "kg-back").get_attribute("disabled") is not None

    # a hostile name and title show as text; an address that is not http(s) is never a link
    bad = '<script>window.__pwned=1</script>"引号" & 公司'
    box.clear()
    box.send_keys("引号\n")  # found by part of its name
    text = browser.find_element("id", "kg-panel").text
    assert bad in text and "位于 locatedIn → 示例县" in text
    assert '<img src=x onerror="window.__pwned=5">标题' in text  # a hostile title, as text
    assert "javascript:window.__pwned=4" in text  # the address shown, not linked
    assert browser.execute_script("return document.querySelectorAll('#kg-panel a[href^=\"javascript\"]').length") == 0
    assert browser.execute_script("return document.querySelector('#kg-panel img') === null")
    assert browser.execute_script("return document.querySelectorAll('#kg-panel .kg-article a').length") == 0
    assert browser.execute_script("return window.__pwned === undefined")
