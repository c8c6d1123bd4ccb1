"""The protocol rules of kg serve without a socket: what a request asks, which format answers,
what is refused (kg/app/sparql_protocol.py, kg/rdf/sparql_text.py)."""
from __future__ import annotations

import pytest

from kg.app.sparql_protocol import (
    FEDERATION_REFUSED, ProtocolError, check, endpoint_url, negotiate, parse_accept, reaches_out,
    read_request, same_origin, service_description,
)
from kg.rdf.query import uses_named_graphs


@pytest.mark.parametrize("accept, kind, media", [
    (None, "solutions", "application/sparql-results+json"),
    (None, "graph", "text/turtle"),
    ("text/tab-separated-values", "solutions", "text/tab-separated-values"),
    ("text/csv;q=0.5, application/sparql-results+xml", "solutions", "application/sparql-results+xml"),
    ("application/xml", "solutions", "application/sparql-results+xml"),
    ("application/xml", "graph", "application/rdf+xml"),
    ("application/json", "graph", "application/ld+json"),
    ("text/html, */*;q=0.1", "graph", "text/turtle"),
    ("text/*", "solutions", "text/csv"),
    ("application/n-triples", "graph", "application/n-triples"),
])
def test_accept_picks_the_format(accept, kind, media):
    assert negotiate(kind, parse_accept(accept), []).media == media


def test_format_parameters_as_sparqlwrapper_sends_them():
    # SPARQLWrapper repeats format/output/results with its own names and a media type
    assert negotiate("solutions", parse_accept("*/*"), ["tsv", "text/tab-separated-values"]).name == "tsv"
    assert negotiate("graph", parse_accept("*/*"), ["rdf+xml"]).name == "rdfxml"
    assert negotiate("graph", parse_accept("*/*"), ["json-ld"]).name == "jsonld"
    assert negotiate("solutions", parse_accept("text/csv"), ["nonsense"]).name == "csv"  # unknown values passed over


def test_nothing_acceptable_is_406_and_q0_is_refusal():
    with pytest.raises(ProtocolError) as e:
        negotiate("solutions", parse_accept("image/png"), [])
    assert e.value.status == 406
    with pytest.raises(ProtocolError):
        negotiate("graph", parse_accept("text/turtle;q=0"), [])


def test_requests_in_every_form():
    r = read_request("GET", "query=ASK%7B%7D&default-graph-uri=http%3A%2F%2Fg%2F1&named-graph-uri=http%3A%2F%2Fg%2F2", None, b"")
    assert (r.query, r.default_graphs, r.named_graphs) == ("ASK{}", ["http://g/1"], ["http://g/2"])
    r = read_request("POST", "named-graph-uri=http%3A%2F%2Fg%2F3", "application/x-www-form-urlencoded; charset=UTF-8",
                     "query=SELECT+*+%7B%7D&named-graph-uri=urn:x:4".encode())
    assert r.query == "SELECT * {}" and r.named_graphs == ["http://g/3", "urn:x:4"]
    r = read_request("POST", "", "application/sparql-update", "INSERT DATA { <a:b> <a:c> '业' }".encode())
    assert r.update is not None and "业" in r.update


@pytest.mark.parametrize("method, query, ctype, body, status", [
    ("GET", "update=CLEAR+ALL", None, b"", 405),
    ("POST", "", "text/plain", b"ASK {}", 415),
    ("POST", "query=ASK%7B%7D", "application/sparql-query", b"ASK {}", 400),  # one in the URL, one in the body
    ("GET", "query=ASK%7B%7D&update=CLEAR+ALL", None, b"", 400),
    ("GET", "query=ASK%7B%7D&query=ASK%7B%7D", None, b"", 400),
    ("GET", "query=ASK%7B%7D&default-graph-uri=not+an+iri", None, b"", 400),
    ("POST", "", "application/sparql-query", b"\xff\xfe", 400),
    ("DELETE", "", None, b"", 405),
])
def test_what_the_protocol_forbids(method, query, ctype, body, status):
    with pytest.raises(ProtocolError) as e:
        read_request(method, query, ctype, body)
    assert e.value.status == status and "\n" not in e.value.message


@pytest.mark.parametrize("sparql", [
    "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "select * { service silent <file:///etc/passwd> { ?s ?p ?o } }",
    "SELECT * { \\u0053ERVICE <http://x/> { ?s ?p ?o } }",
    "SELECT * { SERVICE ?where { ?s ?p ?o } }",
    "LOAD <http://example.org/data.ttl>",
    "LOAD SILENT <file:///tmp/x.ttl> INTO GRAPH <urn:g>",
])
def test_what_reaches_out(sparql):
    assert reaches_out(sparql)


@pytest.mark.parametrize("sparql", [
    'SELECT * { ?s ?p "SERVICE <http://x/>" }',
    "SELECT ?service ?load { ?service ?load ?o }",
    "PREFIX ex: <http://e/> SELECT * { ?s ex:SERVICE ex:load }",
    "SELECT * { ?s ?p ?o } # SERVICE <http://x/> in a comment",
    "SELECT * FROM <file:///tmp/secret.ttl> { ?s ?p ?o }",
    "SELECT * { ?s <http://e/SERVICE> ?o }",
    'SELECT * { ?s ?p """a long string with SERVICE inside""" }',
])
def test_what_does_not(sparql):
    assert not reaches_out(sparql)


def test_refusals_say_one_thing_whatever_the_iri():
    messages = set()
    for iri in ("http://127.0.0.1:9/", "file:///etc/passwd", "file:///nonexistent#x"):
        r = read_request("GET", "query=" + f"SELECT * {{ SERVICE <{iri}> {{ ?s ?p ?o }} }}".replace(" ", "+")
                         .replace("{", "%7B").replace("}", "%7D").replace("#", "%23"), None, b"")
        with pytest.raises(ProtocolError) as e:
            check(r, allow_update=False, allow_federation=False)
        messages.add((e.value.status, e.value.message))
    assert messages == {(400, FEDERATION_REFUSED)}
    check(r, allow_update=False, allow_federation=True)  # allowed when asked


def test_updates_need_the_option():
    r = read_request("POST", "", "application/sparql-update", b"INSERT DATA { <a:b> <a:c> 1 }")
    with pytest.raises(ProtocolError) as e:
        check(r, allow_update=False, allow_federation=False)
    assert e.value.status == 403
    check(r, allow_update=True, allow_federation=False)


def test_same_origin():
    assert same_origin(None, "127.0.0.1:8000")  # curl, SPARQLWrapper
    assert same_origin("http://127.0.0.1:8000", "127.0.0.1:8000")
    assert not same_origin("https://evil.example", "127.0.0.1:8000")
    assert not same_origin("http://127.0.0.1:8001", "127.0.0.1:8000")
    assert not same_origin("null", "127.0.0.1:8000")  # a sandboxed or file:// page


def test_the_service_description_names_the_address_asked_and_nothing_else():
    import rdflib

    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    url = endpoint_url("localhost:9123", "127.0.0.1:8000")
    g = rdflib.Graph().parse(data=service_description(url, allow_update=False, allow_federation=False), format="turtle")
    assert set(g.objects(None, sd.endpoint)) == {rdflib.URIRef("http://localhost:9123/sparql")}
    assert set(g.objects(None, sd.supportedLanguage)) == {sd.SPARQL11Query}
    assert len(set(g.objects(None, sd.resultFormat))) == 8 and not set(g.objects(None, sd.feature))
    # a Host header is the client's text: anything but a host name falls back to the address listened on
    assert endpoint_url("evil> . <x:y", "127.0.0.1:8000") == "http://127.0.0.1:8000/sparql"
    assert endpoint_url("[::1]:8000", "127.0.0.1:8000") == "http://[::1]:8000/sparql"


def test_named_graph_use_is_found_by_the_same_scanner():
    assert uses_named_graphs("SELECT * { GRAPH ?g { ?s ?p ?o } }")
    assert uses_named_graphs("SELECT * FROM  NAMED <urn:g> { ?s ?p ?o }")
    assert not uses_named_graphs("SELECT ?graph { ?graph ?p 'GRAPH' }")
