"""kg export / --formats graphml,gexf,csv,jsonld: each loaded back by the tool an analyst would
use (networkx, csv, rdflib), a hostile name surviving each, the same bytes from the same graph;
and the language tags (zh-Hans / zh-Hant by script)."""
from __future__ import annotations

import csv
import json
import subprocess
import sys

import networkx as nx
import pyoxigraph as ox
import pytest
from conftest import FIXTURES, ROOT, article
from rdflib import Graph, Literal
from rdflib.namespace import RDFS

from kg.corpus.merge import merge
from kg.extract.article import extract
from kg.rdf.export import _NOT_XML, export, read_network
from kg.rdf.graph import add_entity, build_dataset, build_graph, entity_iri
from kg.rdf.store import Sink
from kg.rdf.vocab import zh_lang

# quotes, markup, an ampersand, a tab and newline (kept), and controls XML 1.0 forbids (dropped there)
HOSTILE = '恶意"公司<b>&amp;\'\t\n\x01\x0b\x1f</b>'
HOSTILE_XML = '恶意"公司<b>&amp;\'\t\n</b>'
# own sentences, in traditional characters
TRAD = "標題:長興縣調研\n長興縣縣長王國華到長興經濟開發區調研。浙江華宇電子有限公司位於長興經濟開發區。\n"


@pytest.fixture(scope="module")
def store():
    results = [extract(article((FIXTURES / n).read_text(encoding="utf-8"), path=n))
               for n in ("city_bureau.txt", "banner_interview.txt", "park_report_a.txt")]
    results.append(extract(article(TRAD, path="trad.txt")))
    m = merge(results)
    st = ox.Store()
    sink = Sink(st)
    build_graph(m, sink, articles=False)
    build_dataset(m, sink, figures=True)
    # a name no article gives, with every character a writer must take care of, and a relation
    region = next(k for k, e in m.entities.items() if e.type == "Region")
    add_entity(sink, "Company:hostile", "Company", HOSTILE, {HOSTILE + "别名"}, ())
    sink.add((f"<{entity_iri('Company:hostile')}>", "<https://w3id.org/chanye/ontology#locatedIn>", f"<{entity_iri(region)}>"))
    sink.finish()
    return st


@pytest.fixture(scope="module")
def exported(store, tmp_path_factory):
    out = tmp_path_factory.mktemp("export")
    export(store, ("graphml", "gexf", "csv", "jsonld"), out)
    return out


def test_graphml_and_gexf_load_in_networkx_with_the_stores_nodes_edges_and_labels(store, exported):
    net = read_network(store)
    hostile = str(entity_iri("Company:hostile"))
    assert len(net.nodes) > 5 and len(net.edges) > 3
    for g in (nx.read_graphml(exported / "graph.graphml"), nx.read_gexf(exported / "graph.gexf")):
        assert g.number_of_nodes() == len(net.nodes)
        assert g.number_of_edges() == len(net.edges)
        assert {n: d["label"] for n, d in g.nodes(data=True)} == {n.id: _NOT_XML.sub("", n.label) for n in net.nodes.values()}
        assert g.nodes[hostile]["label"] == HOSTILE_XML
        assert g.nodes[hostile]["type_zh"] == "企业"
        rels = {d.get("relation") for *_, d in g.edges(data=True)}
        assert "locatedIn" in rels and {d.get("relation_zh") for *_, d in g.edges(data=True)} >= {"位于"}
    ml = nx.read_graphml(exported / "graph.graphml")
    assert all(isinstance(d["evidence"], int) for *_, d in ml.edges(data=True))
    assert sum(d["evidence"] for *_, d in ml.edges(data=True)) == sum(len(e.sentences) for e in net.edges) > 0


def test_csv_tables_read_back_with_the_csv_module(store, exported):
    net = read_network(store)
    with open(exported / "nodes.csv", encoding="utf-8", newline="") as fh:
        nodes = list(csv.DictReader(fh))
    with open(exported / "edges.csv", encoding="utf-8", newline="") as fh:
        edges = list(csv.DictReader(fh))
    with open(exported / "evidence.csv", encoding="utf-8", newline="") as fh:
        evidence = list(csv.DictReader(fh))
    assert [r["id"] for r in nodes] == list(net.nodes)  # sorted by IRI
    hostile = next(r for r in nodes if r["id"] == str(entity_iri("Company:hostile")))
    assert hostile["label"] == HOSTILE  # the table keeps the text as it is
    assert hostile["names"].split("|") == sorted({HOSTILE, HOSTILE + "别名"})
    assert len(edges) == len(net.edges)
    assert len(evidence) == sum(int(r["evidence"]) for r in edges)
    with_sentence = [r for r in edges if int(r["evidence"])]
    assert with_sentence and all(r["sentence"] and r["article_title"] for r in with_sentence)
    # every first sentence names both ends of its edge, in some form
    assert all(r["sentence"] in {e["sentence"] for e in evidence} for r in with_sentence)
    if net.posts:
        with open(exported / "posts.csv", encoding="utf-8", newline="") as fh:
            posts = list(csv.DictReader(fh))
        assert len(posts) == len(net.posts) and all(p["official"] and p["agency"] and p["role"] for p in posts)


def test_csv_tables_read_in_pandas(exported):
    pd = pytest.importorskip("pandas")  # not a dependency of kg: where an analyst has it
    nodes = pd.read_csv(exported / "nodes.csv", keep_default_na=False)
    assert str(entity_iri("Company:hostile")) in set(nodes["id"])
    assert HOSTILE in set(nodes["label"])


def test_jsonld_parses_back_to_the_default_graph(store, exported):
    doc = json.loads((exported / "graph.jsonld").read_text(encoding="utf-8"))
    assert doc["@context"]["cy"] == "https://w3id.org/chanye/ontology#"
    assert any("cy:memberOf" in n or "cy:locatedIn" in n for n in doc["@graph"])  # compacted keys
    g = Graph().parse(exported / "graph.jsonld", format="json-ld")
    nt = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()).decode("utf-8")
    default = Graph().parse(data=nt, format="nt")
    assert len(g) == len(default)
    assert set(g) == set(default)
    assert Literal(HOSTILE, lang="zh-Hans") in set(g.objects(entity_iri("Company:hostile"), RDFS.label))


def test_the_same_graph_gives_the_same_bytes(store, exported, tmp_path):
    export(store, ("graphml", "gexf", "csv", "jsonld"), tmp_path)
    for f in exported.iterdir():
        assert (tmp_path / f.name).read_bytes() == f.read_bytes(), f.name
    assert not list(tmp_path.glob(".*.tmp"))


def test_literals_are_tagged_by_script(store):
    assert zh_lang("长兴县") == "zh-Hans" and zh_lang("長興縣") == "zh-Hant" and zh_lang("湖州") == "zh-Hans"
    langs = {r["l"].value for r in store.query('SELECT DISTINCT (LANG(?o) AS ?l) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(isLiteral(?o)) }')}
    assert "zh-hant" in langs and "zh-hans" in langs and "zh" not in langs  # Oxigraph writes tags in lower case
    sentences = {r["x"].value: r["l"].value for r in store.query(
        'SELECT ?x (LANG(?x) AS ?l) WHERE { ?q <http://www.w3.org/ns/oa#exact> ?x }')}
    assert any("長興" in x and lang == "zh-hant" for x, lang in sentences.items())
    assert any("湖州" in x and lang == "zh-hans" for x, lang in sentences.items())


def test_kg_export_command_writes_into_the_folder_asked(store, tmp_path):
    nq = tmp_path / "g.nq"
    nq.write_bytes(store.dump(format=ox.RdfFormat.N_QUADS))
    out = tmp_path / "out"
    r = subprocess.run([sys.executable, "-m", "kg.app.cli", "export", str(nq), "--format", "graphml,csv", "-o", str(out)],
                       cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 0, r.stderr
    assert {p.name for p in out.iterdir()} >= {"graph.graphml", "nodes.csv", "edges.csv"}
    bad = subprocess.run([sys.executable, "-m", "kg.app.cli", "export", str(nq), "--format", "ttl"],
                         cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
    assert bad.returncode == 2 and "choose from jsonld, graphml, gexf, csv" in bad.stderr
