"""kg serve: a standard SPARQL endpoint, read-only unless asked; every shipped question runs."""
from __future__ import annotations

import urllib.error
import urllib.request

import pytest
from conftest import ROOT, start_serve

from kg.app.cli import main
from kg.rdf.query import load_graph, named_queries, run, with_params

SAMPLES = ROOT / "samples"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("served")
    assert main(["build", str(SAMPLES), "-o", str(out), "-q", "--no-html"]) == 0
    return out


def start(graph, *extra):
    return start_serve(graph, *extra, seconds=10)


def test_select_over_http_with_a_standard_client(built):
    from SPARQLWrapper import JSON, SPARQLWrapper

    p, url = start(built / "graph.ttl")
    try:
        sw = SPARQLWrapper(url)
        sw.setReturnFormat(JSON)
        sw.setQuery(
            "PREFIX cy: <https://w3id.org/chanye/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
            "SELECT ?n WHERE { ?o a cy:Official ; rdfs:label ?n } ORDER BY ?n"
        )
        names = [b["n"]["value"] for b in sw.queryAndConvert()["results"]["bindings"]]
        assert "周明远" in names and "陈国强" in names
        page = urllib.request.urlopen(url.replace("/sparql", "/"), timeout=5).read().decode()
        assert "Chanye KG" in page and "officials" in page  # the query page lists the shipped questions
    finally:
        p.terminate()
        p.wait(timeout=10)


def test_update_refused_unless_allowed(built):
    from SPARQLWrapper import POST, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    update = "INSERT DATA { <http://example.org/a> <http://example.org/b> 'c' }"
    p, url = start(built / "graph.ttl")
    try:
        sw = SPARQLWrapper(url, updateEndpoint=url)
        sw.setMethod(POST)
        sw.setQuery(update)
        with pytest.raises((SPARQLWrapperException, urllib.error.HTTPError)) as e:
            sw.query()
        assert "403" in str(e.value) or "not allowed" in str(e.value)
    finally:
        p.terminate()
        p.wait(timeout=10)
    p, url = start(built / "store", "--allow-update")
    try:
        sw = SPARQLWrapper(url, updateEndpoint=url)
        sw.setMethod(POST)
        sw.setQuery(update)
        sw.query()  # accepted
    finally:
        p.terminate()
        p.wait(timeout=10)


def test_question_parameters_filter(built, capsys):
    assert main(["query", str(built / "graph.ttl"), "officials", "--region", "旌阳"]) == 0
    out = capsys.readouterr().out
    assert "李建华" in out and "周明远" not in out
    assert main(["query", str(built / "graph.ttl"), "projects", "--company", "金禾光电", "--format", "csv"]) == 0
    rows = capsys.readouterr().out.strip().splitlines()
    assert rows[0].startswith("project,") and len(rows) == 2 and rows[1].startswith("金禾光电二期")
    assert main(["query", str(built / "graph.ttl"), "officials", "--company", "x"]) == 2
    assert "takes --region" in capsys.readouterr().err


def test_a_hostile_parameter_stays_a_string(built, capsys):
    assert main(["query", str(built / "graph.ttl"), "officials", "--region", '") } DELETE WHERE { ?s ?p ?o } #']) == 0
    assert "(0 rows)" in capsys.readouterr().out


def test_the_endpoint_answers_the_seeds_questions_as_rdflib_does(shared, tmp_path):
    """Oxigraph behind kg serve, against rdflib's own evaluator on the exported files (the engine
    the endpoint used before): the same rows for every shipped question on the seeds' graph.
    Rows are compared as sets where the question's ORDER BY leaves ties."""
    import json
    import urllib.parse

    from kg.rdf.query import _text

    assert main(["build", str(shared / "corpus" / "seeds"), "-o", str(tmp_path), "-q", "--no-html"]) == 0
    ttl, trig = load_graph(tmp_path / "graph.ttl"), load_graph(tmp_path / "graph.trig")
    needs = {"entity": {"name": "华恒生物"}, "officials": {"region": "宁德"}}
    p, url = start(tmp_path / "store")
    try:
        for name, sparql in sorted(named_queries().items()):
            for given in ({}, needs.get(name, {})):
                q = with_params(sparql, given)
                cols, rows = run(trig if name == "evidence" else ttl, q)
                req = urllib.request.Request(url + "?" + urllib.parse.urlencode({"query": q}),
                                             headers={"Accept": "application/sparql-results+json"})
                res = json.loads(urllib.request.urlopen(req, timeout=30).read())
                got = [[_text(_term(b.get(c))) for c in cols] for b in res["results"]["bindings"]]
                assert res["head"]["vars"] == cols, name
                assert sorted(got) == sorted(rows) and len(got) == len(rows), (name, given)
                assert rows or name == "figures", (name, given)  # every question finds something in the seeds
    finally:
        p.terminate()
        p.wait(timeout=10)


def _term(b):
    from rdflib import Literal, URIRef

    if b is None:
        return None
    if b["type"] == "uri":
        return URIRef(b["value"])
    return Literal(b["value"], datatype=b.get("datatype"), lang=b.get("xml:lang"))
