"""kg explain and kg viz read from the store (kg.rdf.lookup, kg.app.neighbourhood): the same
answers as from the exported files and as the whole-graph reader; the build folder as default;
names that spell SPARQL are values, never query text."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.app.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("lookups") / "output"
    assert main(["build", str(SAMPLES), "-o", str(out), "-q", "--no-html", "-j", "1", "--formats", "ttl,trig,nq"]) == 0
    return out


@pytest.mark.parametrize("name", ["周明远", "陳國強", "来安县", "来安县经济和信息化局"])
def test_explain_on_the_store_is_explain_on_the_files(built, name, capsys):
    outs = {}
    for graph in ("store", "graph.trig", "graph.nq", "."):
        assert main(["explain", name, "--graph", str(built / graph)]) == 0
        outs[graph] = capsys.readouterr().out
    assert outs["store"] == outs["graph.trig"] == outs["graph.nq"] == outs["."]
    assert "「" in outs["store"] and "IRI: https://w3id.org/chanye/id/" in outs["store"]


def test_explain_says_when_the_graph_has_no_sentences(built, capsys):
    """graph.ttl holds the facts only: explain answers and says where the sentences are; the
    store and graph.trig have them, and say nothing."""
    for graph, told in (("graph.ttl", True), ("store", False), ("graph.trig", False)):
        assert main(["explain", "周明远", "--graph", str(built / graph)]) == 0
        err = capsys.readouterr().err
        assert ("has no sentence graphs" in err) == told, (graph, err)


def _whole_graph_view(path: Path, **how):
    """What kg viz drew before the store reader: every graph read by rdflib, then select()."""
    from kg.app.view import read, select
    from kg.rdf.query import load_rdflib

    return select(read(load_rdflib(path)), **how)


def _store_view(path: Path, **how):
    from kg.app.neighbourhood import add_evidence, read_part
    from kg.app.view import select
    from kg.rdf.lookup import open_graph

    store = open_graph(path)
    part = read_part(store, focus=how.get("focus", ""), depth=how.get("depth", 1), region=how.get("region", ""))
    v = select(part, **how)
    add_evidence(store, v)
    return v


@pytest.mark.parametrize("how", [{"focus": "周明远"}, {"focus": "周明远", "depth": 2}, {"focus": "来安县", "depth": 0},
                                 {"region": "来安县"}, {"region": "滁州市"}, {"region": "来安县", "focus": "周明远"},
                                 {"focus": "来安县", "types": ["Official"]}, {}])
def test_viz_from_the_store_draws_what_the_whole_graph_gave(built, how):
    old = _whole_graph_view(built / "graph.trig", **how)
    for graph in ("store", "graph.trig"):
        new = _store_view(built / graph, **how)
        assert list(new.nodes) == list(old.nodes) and new.edges == old.edges, (graph, how)
        assert [vars(n) for n in new.nodes.values()] == [vars(n) for n in old.nodes.values()]
        assert {e: new.evidence[e] for e in new.edges if e in new.evidence} == \
               {e: old.evidence[e] for e in old.edges if e in old.evidence}
        listed = {a for n in old.nodes.values() for a in n.sources} | {a for e in old.edges for a, _ in old.evidence.get(e, ())}
        assert {a: new.articles.get(a) for a in listed} == {a: old.articles.get(a) for a in listed}
    if how.get("focus") == "周明远":
        assert any("周明远" in s and a in new.articles for ev in new.evidence.values() for a, s in ev)


def test_viz_names_nothing_is_one_line(built, capsys):
    for opt in ("--focus", "--region"):
        assert main(["viz", str(built), opt, "没有这个名字", "-o", str(built.parent / "v.html")]) == 1
        assert "no entity named" in capsys.readouterr().err or opt == "--region"


def test_the_build_folder_is_the_default(built, monkeypatch, capsys):
    monkeypatch.chdir(built.parent)  # output/ is the build
    assert main(["explain", "周明远"]) == 0
    assert capsys.readouterr().out.startswith("周明远  [Official]")
    assert main(["query", "output", "officials", "--format", "csv"]) == 0
    assert "周明远" in capsys.readouterr().out
    assert main(["query", "officials", "--format", "csv"]) == 0
    assert "周明远" in capsys.readouterr().out
    assert main(["viz", "--focus", "周明远", "-o", "v.html"]) == 0
    assert "周明远" in (built.parent / "v.html").read_text(encoding="utf-8")
    capsys.readouterr()


def test_no_build_says_how_to_make_one(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()
    for argv in (["explain", "周明远"], ["query", "officials"], ["viz"], ["validate"],
                 ["query", "empty", "officials"], ["explain", "周明远", "--graph", "empty"]):
        assert main(argv) == 2, argv
        err = capsys.readouterr().err.strip().splitlines()
        where = "empty" if "empty" in argv else "output"
        assert err == [f"kg: no build in {where}: run kg build ARTICLES -o {where}"], argv


HOSTILE = ['"> } ;', "'} UNION { ?e ?p ?o }", '" . } DROP ALL ; #', "a\\", "\\u0022 }", "}}", "x\ny",
           "<http://ex/victim>", "周明远\" } UNION { ?e a ?t", "\u2028"]


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_name_is_a_value(built, name, capsys):
    assert main(["explain", name, "--graph", str(built / "store")]) == 1
    assert "no entity named" in capsys.readouterr().err
    assert main(["viz", str(built), "--focus", name, "-o", str(built.parent / "h.html")]) == 1
    assert "no entity named" in capsys.readouterr().err


def test_hostile_labels_and_iris_are_found_and_stay_apart(tmp_path, capsys):
    # an IRI whose escapes spell SPARQL (a lenient parse lets it in) and labels that do
    evil = "\\u003E\\u0020\\u007D\\u0020UNION\\u0020\\u007B\\u0020VALUES\\u0020?x\\u0020\\u007B\\u0020\\u003Chttp://ex/victim"
    label = '恶"} ;> 公司'
    (tmp_path / "g.trig").write_text(
        "@prefix cy: <https://w3id.org/chanye/ontology#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        f"<http://ex/a{evil}> a cy:Company ; rdfs:label \"{label.replace(chr(34), chr(92) + chr(34))}\"@zh ;"
        " cy:locatedIn <http://ex/r> .\n"
        "<http://ex/victim> a cy:Company ; rdfs:label \"受害公司\"@zh ; cy:subsidiaryOf <http://ex/p> .\n"
        "<http://ex/p> a cy:Company ; rdfs:label \"母公司\"@zh .\n"
        "<http://ex/r> a cy:Region ; rdfs:label \"某地\"@zh .\n", encoding="utf-8")
    assert main(["explain", label, "--graph", str(tmp_path / "g.trig")]) == 0
    out = capsys.readouterr().out
    assert out.startswith(label + "  [Company]") and "locatedIn -> 某地" in out and "母公司" not in out
    v = _store_view(tmp_path / "g.trig", focus=label)
    assert sorted(n.label for n in v.nodes.values()) == sorted([label, "某地"])
    assert _store_view(tmp_path / "g.trig", region="某地").nodes.keys() == v.nodes.keys()
