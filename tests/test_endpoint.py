"""kg serve as a SPARQL 1.1 Protocol endpoint (issue #17), black box: only HTTP, signals and the
exit status. A runaway query is stopped and does not block others; nothing leaves the machine
and no local file is read unless asked; CORS without credentials and no cross-site writes;
every result format; dataset parameters; a true service description; the shipped questions
answer as `kg query` does."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from xml.etree import ElementTree

import pytest
from conftest import ROOT, children, free_port, start_serve

from kg.app.cli import main
from kg.rdf.query import _text, load_graph, named_queries, params_of, run, sparql_string, with_params

SAMPLES = ROOT / "samples"
PREFIXES = ("PREFIX cy: <https://w3id.org/chanye/ontology#> "
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ")
OFFICIALS = PREFIXES + "SELECT ?n WHERE { ?o a cy:Official ; rdfs:label ?n } ORDER BY ?n"
OFFICIAL_LABELS = PREFIXES + "CONSTRUCT { ?o rdfs:label ?n } WHERE { ?o a cy:Official ; rdfs:label ?n }"
KNOWN = "周明远"  # an official of samples/laian_interview.txt
OFFICIAL_NAMES = {"周明远", "李建华", "王海燕", "陈国强"}  # every official of the samples
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # 716^3 rows on the samples
EVIL = "https://evil.example"
JSON_RESULTS = "application/sparql-results+json"


# ---------------------------------------------------------------- helpers

class Answer:
    def __init__(self, status: int, headers, body: bytes):
        self.status, self.headers, self.body = status, headers, body

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    @property
    def type(self) -> str:
        """The media type, without parameters."""
        return (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()

    def json(self):
        return json.loads(self.body)


def http(url: str, method: str = "GET", data: bytes | None = None, headers: dict[str, str] | None = None,
         timeout: float = 10) -> Answer:
    """One request; an error status is an answer, not an exception."""
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return Answer(r.status, r.headers, r.read())
    except urllib.error.HTTPError as e:
        return Answer(e.code, e.headers, e.read())
    except (TimeoutError, socket.timeout) as e:  # status 0: no answer in time
        return Answer(0, {}, f"no answer in {timeout:g} s: {e}".encode())
    except urllib.error.URLError as e:
        if isinstance(e.reason, (TimeoutError, socket.timeout)):
            return Answer(0, {}, f"no answer in {timeout:g} s: {e}".encode())
        raise


def get(url: str, accept: str = JSON_RESULTS, timeout: float = 10, **params: str | list[str]) -> Answer:
    q = urllib.parse.urlencode(params, doseq=True)
    return http(f"{url}?{q}" if q else url, headers={"Accept": accept} if accept else {}, timeout=timeout)


def post_form(url: str, fields: dict[str, str | list[str]], headers: dict[str, str] | None = None,
              timeout: float = 10) -> Answer:
    body = urllib.parse.urlencode(fields, doseq=True).encode()
    h = {"Content-Type": "application/x-www-form-urlencoded", "Accept": JSON_RESULTS, **(headers or {})}
    return http(url, "POST", body, h, timeout)


def update(url: str, sparql: str, headers: dict[str, str] | None = None) -> Answer:
    """A SPARQL Update as curl sends it: the update as the body, no Origin."""
    return http(url, "POST", sparql.encode(), {"Content-Type": "application/sparql-update", **(headers or {})})


def ask(url: str, sparql: str) -> bool:
    a = get(url, query=sparql)
    assert a.status == 200, a.text
    return a.json()["boolean"]


def count(url: str, sparql: str, **params) -> int:
    a = get(url, query=sparql, **params)
    assert a.status == 200, a.text
    return int(a.json()["results"]["bindings"][0]["n"]["value"])


def in_thread(fn, *args, **kwargs) -> tuple[threading.Thread, dict]:
    """fn running in a daemon thread; its answer (or exception) and time land in the dict."""
    out: dict = {}

    def go() -> None:
        t0 = time.monotonic()
        try:
            out["answer"] = fn(*args, **kwargs)
        except Exception as e:
            out["error"] = e
        out["seconds"] = time.monotonic() - t0

    t = threading.Thread(target=go, daemon=True)
    t.start()
    return t, out


def stop(p: subprocess.Popen) -> None:
    if p.poll() is None:
        p.terminate()
        try:
            p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait(timeout=10)


def listener() -> tuple[socket.socket, int]:
    """A loopback socket nobody should connect to."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(5)
    return s, s.getsockname()[1]


def connected(s: socket.socket, seconds: float) -> bool:
    s.settimeout(seconds)
    try:
        c, _ = s.accept()
    except (socket.timeout, TimeoutError):
        return False
    c.close()
    return True



# ---------------------------------------------------------------- fixtures

@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("endpoint")
    assert main(["build", str(SAMPLES), "-o", str(out), "-q", "--no-html"]) == 0
    return out


@pytest.fixture(scope="module")
def pristine(built, tmp_path_factory) -> Path:
    """A copy of the store made before any server opened it, to copy again for writers."""
    d = tmp_path_factory.mktemp("pristine") / "store"
    shutil.copytree(built / "store", d)
    return d


@pytest.fixture(scope="module")
def served(built, pristine):
    """The store, read-only, with every default option."""
    p, url = start_serve(built / "store")
    yield url
    stop(p)


@pytest.fixture(scope="module")
def served_trig(built):
    p, url = start_serve(built / "graph.trig")
    yield url
    stop(p)


@pytest.fixture(scope="module")
def quick(built, pristine):
    """The store with a 2 s query limit and two workers."""
    p, url = start_serve(built / "store", "--timeout", "2", "--workers", "2")
    yield p, url
    stop(p)


# ---------------------------------------------------------------- 1. timeout, concurrency, signals

def test_the_ready_line_names_mode_workers_timeout_and_the_real_address(quick):
    import select

    p, url = quick
    ready, _, _ = select.select([p.stdout], [], [], 5)
    assert ready, "nothing on stdout"
    line = p.stdout.readline().decode()
    assert re.fullmatch(rf"Serving \S+ \(read-only, 2 workers, query timeout 2(\.0)? s\) at {re.escape(url)}\s*", line), line


def test_a_runaway_query_times_out_and_does_not_block_a_small_one(quick):
    _, url = quick
    t, out = in_thread(get, url, query=CARTESIAN, timeout=30)
    time.sleep(0.5)  # the runaway has started
    t0 = time.monotonic()
    small = get(url, query="ASK {}", timeout=5)
    assert time.monotonic() - t0 < 2, "a small query waited for the runaway"
    assert small.status == 200 and small.json()["boolean"] is True
    t.join(20)
    assert "error" not in out, out.get("error")
    big: Answer = out["answer"]
    assert big.status == 503, big.text
    assert "timed out" in big.text and "2" in big.text
    assert out["seconds"] < 6, f"stopped after {out['seconds']:.1f} s for a 2 s limit"
    assert ask(url, "ASK { ?s ?p ?o }") is True  # the server still answers
    # and the killed worker was replaced: two runaways in a row each time out again
    assert get(url, query=CARTESIAN, timeout=15).status == 503
    assert get(url, query="ASK {}", timeout=5).status == 200


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_sigterm_during_a_runaway_query_stops_the_server_and_its_workers(built):
    p, url = start_serve(built / "store")  # the default limit (30 s) is far off
    workers: set[int] = set()
    try:
        t, _ = in_thread(get, url, query=CARTESIAN, timeout=30)
        time.sleep(1)
        workers = children(p.pid) if Path("/proc/self/stat").exists() else set()  # one runs the query
        p.send_signal(signal.SIGTERM)
        try:
            p.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pytest.fail("kg serve still runs 5 s after SIGTERM during a query")
        deadline = time.monotonic() + 3
        while any(map(_alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.1)
        left = {w for w in workers if _alive(w)}
        assert not left, f"worker processes {left} outlived the server"
    finally:
        if p.poll() is None:
            p.kill()
            p.wait(timeout=10)
        for w in workers:  # a failing server's orphans would spin on the cartesian query
            if _alive(w):
                os.kill(w, signal.SIGKILL)


# ---------------------------------------------------------------- 2. nothing leaves, no local file read

def _service(iri: str, keyword: str = "SERVICE") -> str:
    return f"SELECT * WHERE {{ {keyword} <{iri}> {{ ?s ?p ?o }} }}"


def test_service_is_refused_and_makes_no_connection(served):
    sock, port = listener()
    try:
        messages = {}
        for name, q in {
            "http": _service(f"http://127.0.0.1:{port}/"),
            "lower case": _service(f"http://127.0.0.1:{port}/", "service"),
            "file": _service("file:///etc/passwd"),
            "missing file": _service("file:///nonexistent#x"),
        }.items():
            a = get(served, query=q, timeout=5)
            assert a.status == 400, (name, a.status, a.text)
            messages[name] = a.text.strip()
        assert not connected(sock, 1), "the server connected to the SERVICE address"
        assert len(set(messages.values())) == 1, messages  # nothing tells whether a file exists
        assert "<" not in messages["http"] and "passwd" not in messages["file"]
        # \u0053 is S: the same query written with a codepoint escape
        a = get(served, query=_service(f"http://127.0.0.1:{port}/", "\\u0053ERVICE"), timeout=5)
        assert a.status == 400, (a.status, a.text)
        assert not connected(sock, 1), "a SERVICE written \\u0053ERVICE connected"
    finally:
        sock.close()


def test_from_reads_no_local_file_and_fetches_no_url(served, tmp_path):
    secret = tmp_path / "secret.ttl"
    secret.write_text('<http://example.org/secret> <http://example.org/p> "kg-secret-marker-4711" .\n', encoding="utf-8")
    a = get(served, query=f"SELECT ?o FROM <{secret.as_uri()}> WHERE {{ ?s ?p ?o }}", timeout=5)
    assert "kg-secret-marker-4711" not in a.text, "FROM read a local file"
    assert a.status in (200, 400), (a.status, a.text)
    a = get(served, query=f"SELECT ?o FROM NAMED <{secret.as_uri()}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}", timeout=5)
    assert "kg-secret-marker-4711" not in a.text, "FROM NAMED read a local file"
    sock, port = listener()
    try:
        get(served, query=f"SELECT ?o FROM <http://127.0.0.1:{port}/g> WHERE {{ ?s ?p ?o }}", timeout=5)
        assert not connected(sock, 1), "FROM fetched a URL"
    finally:
        sock.close()


def test_allow_federation_lets_service_reach_out(built, pristine):
    p, url = start_serve(built / "store", "--allow-federation")
    sock, port = listener()
    try:
        t, _ = in_thread(get, url, query=_service(f"http://127.0.0.1:{port}/"), timeout=15)
        assert connected(sock, 8), "--allow-federation: SERVICE made no request"
        t.join(15)
    finally:
        sock.close()
        stop(p)


# ---------------------------------------------------------------- 3. CORS and updates

def test_cors_allows_any_origin_without_credentials(served):
    a = http(f"{served}?{urllib.parse.urlencode({'query': 'ASK {}'})}",
             headers={"Origin": EVIL, "Accept": JSON_RESULTS})
    assert a.status == 200
    assert a.headers.get("Access-Control-Allow-Origin") == "*"
    assert a.headers.get("Access-Control-Allow-Credentials") is None


def test_update_refused_when_not_allowed(served):
    triple = "<http://example.org/a> <http://example.org/b> 'refused'"
    assert update(served, f"INSERT DATA {{ {triple} }}").status == 403
    assert post_form(served, {"update": f"INSERT DATA {{ {triple} }}"}).status == 403
    assert ask(served, f"ASK {{ {triple} }}") is False


def test_update_from_curl_is_kept_and_cross_site_forms_write_nothing(pristine, tmp_path):
    store = tmp_path / "out" / "store"
    shutil.copytree(pristine, store)
    secret = tmp_path / "secret.ttl"
    secret.write_text('<http://example.org/secret> <http://example.org/p> "kg-secret-marker-4711" .\n', encoding="utf-8")
    curl = "<http://example.org/a> <http://example.org/b> 'curl'"
    evil = "<http://example.org/a> <http://example.org/b> 'evil'"
    own = "<http://example.org/a> <http://example.org/b> 'own page'"
    p, url = start_serve(store, "--allow-update")
    try:
        a = update(url, f"INSERT DATA {{ {curl} }}")
        assert 200 <= a.status < 300, (a.status, a.text)
        assert ask(url, f"ASK {{ {curl} }}") is True
        a = post_form(url, {"update": f"INSERT DATA {{ {evil} }}"}, {"Origin": EVIL})
        assert a.status == 403, (a.status, a.text)
        assert update(url, f"INSERT DATA {{ {evil} }}", {"Origin": EVIL}).status == 403
        assert ask(url, f"ASK {{ {evil} }}") is False
        # the query page posts with the server's own origin
        origin = url.removesuffix("/sparql")
        a = post_form(url, {"update": f"INSERT DATA {{ {own} }}"}, {"Origin": origin})
        assert 200 <= a.status < 300, (a.status, a.text)
        # LOAD is federation: refused by default, whatever the IRI
        a = update(url, f"LOAD <{secret.as_uri()}>")
        assert a.status == 400, (a.status, a.text)
        assert ask(url, 'ASK { ?s ?p "kg-secret-marker-4711" }') is False
    finally:
        stop(p)
    p, url = start_serve(store)  # again, read-only: the update was written to the store
    try:
        assert ask(url, f"ASK {{ {curl} }}") is True
        assert ask(url, f"ASK {{ {own} }}") is True
        assert ask(url, f"ASK {{ {evil} }}") is False
    finally:
        stop(p)


def test_allow_update_on_a_turtle_file_exits_2(built):
    p = subprocess.Popen([sys.executable, "-m", "kg.app.cli", "serve", str(built / "graph.ttl"), "--allow-update",
                          "--host", "127.0.0.1", "--port", str(free_port())],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    try:
        out, err = p.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        p.kill()
        p.communicate()
        pytest.fail("kg serve graph.ttl --allow-update started serving (updates would change memory only)")
    assert p.returncode == 2, (p.returncode, err)
    err_text = err.decode()
    assert "update" in err_text.lower() and "Traceback" not in err_text, err_text


# ---------------------------------------------------------------- 4. result formats

def _wrapper(url: str, query: str, fmt: str):
    from SPARQLWrapper import SPARQLWrapper

    sw = SPARQLWrapper(url)
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    sw.setTimeout(10)
    return sw.query()


@pytest.mark.parametrize("fmt, media", [
    ("json", "application/sparql-results+json"),
    ("xml", "application/sparql-results+xml"),
    ("csv", "text/csv"),
    ("tsv", "text/tab-separated-values"),
])
def test_select_in_every_results_format(served, fmt, media):
    res = _wrapper(served, OFFICIALS, fmt)
    assert res.response.headers.get("Content-Type", "").split(";")[0].strip() == media
    body = res.response.read().decode("utf-8")
    if fmt == "json":
        names = [b["n"]["value"] for b in json.loads(body)["results"]["bindings"]]
    elif fmt == "xml":
        ns = "{http://www.w3.org/2005/sparql-results#}"
        names = [e.text for e in ElementTree.fromstring(body).iter(ns + "literal")]
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(body)))
        assert rows[0] == ["n"]
        names = [r[0] for r in rows[1:]]
    else:
        lines = body.splitlines()
        assert lines[0] == "?n"
        names = [ln.split("\t")[0] for ln in lines[1:]]
        names = [n[1:n.index('"', 1)] if n.startswith('"') else n for n in names]  # "周明远"@zh-hans
    assert sorted(names) == sorted(OFFICIAL_NAMES)


@pytest.mark.parametrize("fmt, media", [
    ("json", "application/sparql-results+json"),
    ("xml", "application/sparql-results+xml"),
])
def test_ask_in_json_and_xml(served, fmt, media):
    for q, expected in ((PREFIXES + f'ASK {{ ?o a cy:Official ; rdfs:label "{KNOWN}"@zh-Hans }}', True),
                        (PREFIXES + 'ASK { ?o a cy:Official ; rdfs:label "nobody"@zh-Hans }', False)):
        res = _wrapper(served, q, fmt)
        assert res.response.headers.get("Content-Type", "").split(";")[0].strip() == media
        body = res.response.read().decode()
        if fmt == "json":
            assert json.loads(body)["boolean"] is expected
        else:
            b = ElementTree.fromstring(body).find("{http://www.w3.org/2005/sparql-results#}boolean")
            assert b is not None and b.text == str(expected).lower()


def _labels(data: bytes, rdflib_format: str) -> set[str]:
    from rdflib import RDFS, Graph

    g = Graph()
    g.parse(data=data, format=rdflib_format)
    return {str(o) for o in g.objects(None, RDFS.label)}


@pytest.mark.parametrize("accept, media, rdflib_format", [
    ("text/turtle", "text/turtle", "turtle"),
    ("application/n-triples", "application/n-triples", "nt"),
    ("application/rdf+xml", "application/rdf+xml", "xml"),
    ("application/ld+json", "application/ld+json", "json-ld"),
])
def test_construct_in_every_rdf_format(served, accept, media, rdflib_format):
    a = get(served, accept=accept, query=OFFICIAL_LABELS)
    assert a.status == 200 and a.type == media, (a.status, a.type, a.text[:200])
    labels = _labels(a.body, rdflib_format)
    assert labels == OFFICIAL_NAMES


@pytest.mark.parametrize("fmt, media, rdflib_format", [
    ("turtle", "text/turtle", "turtle"),
    ("rdf+xml", "application/rdf+xml", "xml"),
    ("json-ld", "application/ld+json", "json-ld"),
])
def test_construct_through_sparqlwrapper(served, fmt, media, rdflib_format):
    res = _wrapper(served, OFFICIAL_LABELS, fmt)
    assert res.response.headers.get("Content-Type", "").split(";")[0].strip() == media
    assert _labels(res.response.read(), rdflib_format) == OFFICIAL_NAMES


def test_describe_answers_rdf_not_results(served):
    iri = get(served, query=PREFIXES + f'SELECT ?o WHERE {{ ?o rdfs:label "{KNOWN}"@zh-Hans }}').json()
    iri = iri["results"]["bindings"][0]["o"]["value"]
    res = _wrapper(served, f"DESCRIBE <{iri}>", "rdf+xml")
    media = res.response.headers.get("Content-Type", "").split(";")[0].strip()
    assert media == "application/rdf+xml"
    assert KNOWN in _labels(res.response.read(), "xml")
    a = get(served, accept="", query=f"DESCRIBE <{iri}>")  # no Accept: Turtle
    assert a.status == 200 and a.type == "text/turtle", (a.status, a.type)
    assert KNOWN in _labels(a.body, "turtle")


def test_accept_decides_and_format_parameter_too(served):
    a = get(served, accept="text/tab-separated-values", query=OFFICIALS)
    assert a.type == "text/tab-separated-values" and a.text.splitlines()[0] == "?n", (a.type, a.text[:100])
    a = get(served, accept="", query=OFFICIALS)  # no Accept: JSON
    assert a.type == "application/sparql-results+json" and len(a.json()["results"]["bindings"]) == len(OFFICIAL_NAMES)
    a = get(served, accept="", query=OFFICIALS, format="csv")
    assert a.type == "text/csv" and KNOWN in a.text


def test_nothing_acceptable_is_406(served):
    assert get(served, accept="image/png", query=OFFICIALS).status == 406
    assert get(served, accept="image/png, application/pdf", query=OFFICIAL_LABELS).status == 406


def test_protocol_errors(served):
    a = get(served, update="INSERT DATA { <http://example.org/a> <http://example.org/b> 'get' }")
    assert a.status == 405, (a.status, a.text)
    a = http(served, "POST", b"ASK {}", {"Content-Type": "image/png"})
    assert a.status == 415, (a.status, a.text)
    a = get(served, query="SELECT WHERE {")
    assert a.status == 400 and a.type == "text/plain" and len(a.text.strip().splitlines()) == 1, (a.status, a.text)
    a = http(served, "POST", b"ASK { ?s ?p ?o }", {"Content-Type": "application/sparql-query", "Accept": JSON_RESULTS})
    assert a.status == 200 and a.json()["boolean"] is True


# ---------------------------------------------------------------- 5. dataset parameters

GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"
TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def test_default_graph_uri_restricts_the_default_graph(served_trig):
    a = get(served_trig, query="SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1")
    g = a.json()["results"]["bindings"][0]["g"]["value"]
    everything = count(served_trig, TRIPLES)
    one = count(served_trig, TRIPLES, **{"default-graph-uri": g})
    assert 0 < one < everything, (one, everything)
    assert one == count(served_trig, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}")


def test_named_graph_uri_restricts_graph_patterns(served_trig):
    every = [b["g"]["value"] for b in get(served_trig, query=GRAPHS).json()["results"]["bindings"]]
    assert len(every) >= 3
    chosen = every[:2]
    a = post_form(served_trig, {"query": GRAPHS, "named-graph-uri": chosen})
    assert a.status == 200, a.text
    assert [b["g"]["value"] for b in a.json()["results"]["bindings"]] == sorted(chosen)
    a = get(served_trig, query=GRAPHS, **{"named-graph-uri": every[2]})
    assert [b["g"]["value"] for b in a.json()["results"]["bindings"]] == [every[2]]


# ---------------------------------------------------------------- 6. service description

def test_service_description_names_this_server(served):
    from rdflib import Graph, Namespace, URIRef

    a = get(served, accept="text/turtle")
    assert a.status == 200 and a.type == "text/turtle", (a.status, a.type)
    assert len(a.body) < 20_000
    sd = Namespace("http://www.w3.org/ns/sparql-service-description#")
    g = Graph().parse(data=a.body, format="turtle")
    assert set(g.objects(None, sd.endpoint)) == {URIRef(served)}
    page = get(served, accept="text/html,application/xhtml+xml,*/*;q=0.8")
    assert page.status == 200 and page.type == "text/html"


# ---------------------------------------------------------------- 7. pages and questions

def test_no_framework_pages(served):
    base = served.removesuffix("/sparql")
    for path in ("/docs", "/redoc", "/openapi.json"):
        assert http(base + path).status == 404, path


def test_query_page_loads_nothing_from_the_network(served):
    a = http(served.removesuffix("/sparql") + "/")
    assert a.status == 200 and a.type == "text/html"
    tags = re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", a.text, re.IGNORECASE)
    remote = [t for t in tags if re.search(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", t, re.IGNORECASE)]
    assert not remote, remote
    assert "@import" not in a.text


def test_questions_lists_the_shipped_questions(served):
    a = http(served.removesuffix("/sparql") + "/questions")
    assert a.status == 200 and a.type == "application/json"
    listed = {q["name"]: q for q in a.json()}
    shipped = named_queries()
    assert set(listed) == set(shipped)
    for name, sparql in shipped.items():
        assert listed[name]["params"] == params_of(sparql), name
        first = sparql.splitlines()[0].lstrip("#").strip()
        assert listed[name]["title"].lstrip("#").strip() == first, name


def test_a_question_with_parameters(served):
    base = served.removesuffix("/sparql") + "/questions/"
    region = '旌阳") } DELETE WHERE { ?s ?p ?o } #'
    a = http(base + "officials?" + urllib.parse.urlencode({"region": region}))
    assert a.status == 200 and a.type == "text/plain"
    assert sparql_string(region) in a.text
    assert a.text.strip() == with_params(named_queries()["officials"], {"region": region}).strip()
    assert http(base + "officials?company=x").status == 400
    assert http(base + "no-such-question").status == 404


# ---------------------------------------------------------------- 8. same answers as kg query

def _cell(binding: dict | None) -> str:
    """A JSON result term as kg.rdf.query.run prints it."""
    from rdflib import XSD, Literal

    if binding is None:
        return ""
    if binding.get("datatype") == str(XSD.decimal):
        return _text(Literal(binding["value"], datatype=XSD.decimal))
    return binding["value"]


def test_every_shipped_question_answers_as_kg_query(served, built):
    store = load_graph(built / "store")
    needs = {"entity": {"name": KNOWN}}
    answered = set()
    for name, sparql in sorted(named_queries().items()):
        q = with_params(sparql, needs.get(name, {}))
        cols, rows = run(store, q)
        a = get(served, query=q)
        assert a.status == 200, (name, a.text)
        res = a.json()
        assert res["head"]["vars"] == cols, name
        got = [[_cell(b.get(c)) for c in cols] for b in res["results"]["bindings"]]
        assert got == rows, name
        if rows:
            answered.add(name)
    assert {"entity", "officials", "projects", "evidence"} <= answered
