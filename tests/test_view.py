"""view.py: what is drawn, and names from scraped text kept as data."""
from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT

from kg.app.cli import main
from kg.rdf.query import load_graph
from kg.app.view import STYLE, Node, ViewData, panel_data, read, select, tooltip, write_html

HOSTILE = '</script><script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture(scope="module")
def samples_view(tmp_path_factory):
    out = tmp_path_factory.mktemp("view")
    assert main(["build", str(ROOT / "samples"), "-o", str(out), "-q", "--no-html"]) == 0
    return read(load_graph(out / "graph.trig"))


def test_read_takes_entities_relations_and_sentences(samples_view):
    v = samples_view
    names = {n.label: n for n in v.nodes.values()}
    assert names["周明远"].type == "Official"
    assert any("来安县经济和信息化局局长周明远" in s for e, ss in v.evidence.items() for _a, s in ss)
    assert "陳國強" in names["陈国强"].names


def test_focus_depth_type_region_and_budget(samples_view):
    v = samples_view
    one = select(v, focus="周明远", depth=1)
    assert {n.label for n in one.nodes.values()} == {"周明远", "来安县经济和信息化局"}
    two = select(v, focus="周明远", depth=2)
    assert "来安县" in {n.label for n in two.nodes.values()}
    only = select(v, types=["Official"])
    assert {n.type for n in only.nodes.values()} == {"Official"} and only.edges == []
    region = select(v, region="长兴县")
    labels = {n.label for n in region.nodes.values()}
    assert {"长兴县", "长兴县人民政府", "陈国强", "长兴经济技术开发区"} <= labels
    assert "周明远" not in labels
    small = select(v, budget=5)
    assert 0 < len(small.nodes) <= 5 and "left out" in small.left_out
    with pytest.raises(ValueError, match="no entity named"):
        select(v, focus="不存在")


def test_hostile_names_stay_data(tmp_path):
    v = ViewData(nodes={"a": Node("a", "Company", HOSTILE, [HOSTILE]), "b": Node("b", "Region", "杭锦后旗", ["杭锦后旗"])},
                 edges=[("a", "locatedIn", "b")])
    write_html(v, tmp_path / "g.html")
    page = (tmp_path / "g.html").read_text(encoding="utf-8")
    assert HOSTILE not in page
    assert "<script>alert" not in page and "<img src=x" not in page
    # names are in the whole graph's index block (parsed by the page when first needed)
    blob = re.search(r'<script id="kg-index" type="application/json">(.*?)</script>', page, re.S).group(1)
    assert HOSTILE in json.loads(blob)["label"]  # the name is there, as JSON, shown with textContent


def test_page_is_offline_with_legend_and_search(tmp_path, samples_view):
    write_html(samples_view, tmp_path / "g.html")
    page = (tmp_path / "g.html").read_text(encoding="utf-8")
    assert not re.search(r"<(?:script|link)[^>]+(?:src|href)=\"(?:https?:)?//", page)
    assert 'id="kg-search"' in page and 'id="kg-legend"' in page and "class=\"kg-type\"" in page
    for label in ("Official", "Agency", "Region", "Industrial park", "Company", "Project"):
        assert label in page


def test_big_graphs_get_positions_and_no_physics(tmp_path):
    nodes = {f"n{i}": Node(f"n{i}", "Company", f"企业{i}", [f"企业{i}"]) for i in range(400)}
    edges = [(f"n{i}", "locatedIn", f"n{(i * 7) % 400}") for i in range(400) if i != (i * 7) % 400]
    write_html(ViewData(nodes=nodes, edges=edges), tmp_path / "big.html")
    page = (tmp_path / "big.html").read_text(encoding="utf-8")
    assert re.search(r'"physics": \{\s*"enabled": false', page)
    assert re.search(r'"x": -?\d', page)


def test_tooltip_and_panel():
    n = Node("a", "Company", "华恒生物", ["华恒生物", "华恒"], ["某标题 2022-12-05"])
    t = tooltip(n)
    assert "华恒生物" in t and "Company" in t and "华恒" in t and "某标题 2022-12-05" in t
    v = ViewData(nodes={"a": n, "b": Node("b", "Region", "杭锦后旗", ["杭锦后旗"])}, edges=[("a", "locatedIn", "b")],
                 evidence={("a", "locatedIn", "b"): ["「句子」"]})
    p = panel_data(v)
    a, b = p["id"].index("a"), p["id"].index("b")
    assert p["edge"] == [a, p["rels"].index("locatedIn"), b] and p["ev"] == {"0": [[-1, "「句子」"]]}
    assert p["relLabel"][p["rels"].index("locatedIn")] == "位于 locatedIn"


def test_every_type_has_its_own_colour_and_shape():
    assert len({c for c, _, _ in STYLE.values()}) == len({s for _, s, _ in STYLE.values()}) == len(STYLE) == 6


def test_overview_keeps_every_type_drops_the_unconnected_and_regions_are_context():
    from kg.app.view import overview

    types, edges = {}, []
    for i in range(40):  # many companies, each in one of 20 regions
        types[f"c{i:02}"] = "Company"
        edges.append((f"c{i:02}", f"r{i % 20:02}"))
    for i in range(20):
        types[f"r{i:02}"] = "Region"
    types["p0"] = "Project"  # one project, of one company
    edges.append(("p0", "c39"))
    for i in range(10):  # officials of two agencies
        types[f"o{i}"] = "Official"
        edges.append((f"o{i}", f"a{i % 2}"))
    types["a0"] = types["a1"] = "Agency"
    types["lonely"] = "Company"  # no relation at all
    weight = {k: (0 if k == "lonely" else 1, k) for k in types}  # the lonely one has the most evidence
    kept, note = overview(types, weight, edges, budget=20)
    kinds = [types[k] for k in kept]
    assert len(kept) <= 20 and set(kinds) == {"Company", "Region", "Project", "Official", "Agency"}
    assert "lonely" not in kept and kinds.count("Region") <= 4
    linked = {k for e in edges for k in e if set(e) <= set(kept)}
    assert set(kept) == linked  # nothing drawn alone
    assert "left out" in note and "with no relation" in note
    assert overview(types, weight, list(reversed(edges)), budget=20)[0] == kept  # one order
