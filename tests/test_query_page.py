"""The offline query page of kg serve (GET /), as query_page() returns it: nothing from the network,
no data written as markup, and its JavaScript run in node, the pure functions one by one and the
whole page on a small stand-in for the DOM (tests/fixtures/query_page_dom.js)."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import FIXTURES

from kg.app.serve import query_page
from kg.rdf.query import question_list, question_text

NODE = shutil.which("node")
needs_node = pytest.mark.skipif(NODE is None, reason="needs node on PATH to run the page's JavaScript")

PAGE = query_page()
HOSTILE = '<img src=x onerror=alert(1)>"</script>&amp;'


def scripts(page: str) -> dict[str, str]:
    """The page's script blocks by id ("" for the one without)."""
    return {m.group(1) or "": m.group(2) for m in
            re.finditer(r'<script(?: id="([\w-]+)")?[^>]*>(.*?)</script>', page, re.S)}


def js(expr: str, tmp_path) -> object:
    """The value of a JavaScript expression evaluated after the page's pure functions, in node."""
    f = tmp_path / "pure.js"
    f.write_text(scripts(PAGE)["kg-pure"] + f"\nconsole.log(JSON.stringify({expr}));\n", encoding="utf-8")
    p = subprocess.run([NODE, str(f)], capture_output=True, text=True, timeout=30)
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)


def test_nothing_loads_from_the_network():
    attrs = re.findall(r'\b(?:src|href|action|poster|data)\s*=\s*["\']?([^"\'\s>]*)', PAGE, re.I)
    assert [a for a in attrs if re.match(r"(https?:)?//", a, re.I)] == []
    styles = "".join(re.findall(r"<style>(.*?)</style>", PAGE, re.S))
    assert styles and not re.search(r"@import|url\(", styles, re.I)  # no stylesheet or font to fetch
    assert not re.search(r"<link\b", PAGE, re.I)
    assert "default-src 'self'" in PAGE and "connect-src 'self'" in PAGE  # and the browser is told so
    # and the filled page still has its pieces: the test is not passing on an empty string
    assert set(scripts(PAGE)) == {"kg-config", "kg-pure", ""} and "__CONFIG__" not in PAGE


def test_data_is_never_written_as_markup():
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in PAGE


def test_the_page_carries_the_questions_and_prefixes():
    config = json.loads(scripts(PAGE)["kg-config"])
    assert config["questions"] == question_list() and config["endpoint"] == "/sparql"
    assert config["prefixes"]["cy"] == "https://w3id.org/chanye/ontology#"
    assert config["prefixes"]["schema"] == "https://schema.org/"
    assert {"rdfs", "org", "prov", "rdf", "xsd", "cyid"} <= set(config["prefixes"])


def test_a_hostile_question_title_cannot_end_the_script_block():
    page = query_page({"x": f"# {HOSTILE}\n# params: region\nASK {{}}"})
    block = scripts(page)["kg-config"]
    assert "</script" not in block and "<img" not in block
    assert json.loads(block)["questions"][0]["title"] == HOSTILE


@needs_node
def test_select_results_as_display_strings(tmp_path):
    data = {"head": {"vars": ["s", "type", "label", "missing", "n", "b", "other"]},
            "results": {"bindings": [{
                "s": {"type": "uri", "value": "https://w3id.org/chanye/id/company/ab12"},
                "type": {"type": "uri", "value": "https://w3id.org/chanye/ontology#Company"},
                "label": {"type": "literal", "value": HOSTILE, "xml:lang": "zh"},
                "n": {"type": "literal", "value": "42", "datatype": "http://www.w3.org/2001/XMLSchema#integer"},
                "b": {"type": "bnode", "value": "b0"},
                "other": {"type": "uri", "value": "http://example.org/a b"},
            }, {}]}}
    q = "PREFIX w3id: <https://w3id.org/> PREFIX co: <https://w3id.org/chanye/id/company/>\\nSELECT * {}"
    out = js(f'resultRows({json.dumps(data)}, prefixesOf("{q}", JSON.parse({json.dumps(json.dumps(_prefixes()))})))',
             tmp_path)
    assert out["vars"] == data["head"]["vars"]
    # the query's own co: is the longest namespace that matches (w3id: matches too); the hostile label is the same string;
    # an unbound variable is empty; an IRI no prefix fits (or not fit to shorten) stays in <>
    assert out["rows"] == [["co:ab12", "cy:Company", HOSTILE, "", "42", "_:b0", "<http://example.org/a b>"],
                           ["", "", "", "", "", "", ""]]
    assert out["tips"][0][:5] == ["https://w3id.org/chanye/id/company/ab12", "https://w3id.org/chanye/ontology#Company",
                                  "@zh", "unbound", "xsd:integer"]
    assert out["kinds"][0] == ["uri", "uri", "literal", "unbound", "literal", "bnode", "uri"]
    # without the query's co:, the graph's own cyid: shortens the same IRI
    assert js(f'shortIri("https://w3id.org/chanye/id/company/ab12", prefixesOf("", '
              f'JSON.parse({json.dumps(json.dumps(_prefixes()))})))', tmp_path) == "cyid:company/ab12"


@needs_node
def test_urls_the_page_builds(tmp_path):
    query = 'SELECT * { ?s ?p "宁德 & #1 + 100%" }'
    url = js(f"downloadUrl('/sparql', {json.dumps(query)}, 'csv')", tmp_path)
    parts = urlsplit(url)
    assert parts.path == "/sparql" and parse_qs(parts.query) == {"query": [query], "format": ["csv"]}

    url = js("questionUrl('/questions', 'top regions/x', {region: ' 宁德 ', company: '', name: 'A&B=c'})", tmp_path)
    parts = urlsplit(url)
    assert parts.path == "/questions/top%20regions%2Fx"  # the name is one path segment
    assert parse_qs(parts.query) == {"region": ["宁德"], "name": ["A&B=c"]}  # trimmed, empty left out
    assert js("questionUrl('/questions', 'officials', {region: ''})", tmp_path) == "/questions/officials"


@needs_node
def test_answer_kinds_and_error_lines(tmp_path):
    assert js("['application/sparql-results+json; charset=utf-8', 'text/turtle; charset=utf-8', '', "
              "'text/plain'].map(answerKind)", tmp_path) == ["json", "text", "text", "text"]
    assert js("errorLine(503, 'query timed out after 30 s\\n')", tmp_path) == "HTTP 503: query timed out after 30 s"
    assert js("errorLine(400, '')", tmp_path) == "HTTP 400"
    assert js("[elapsedText(231.6), elapsedText(12345)]", tmp_path) == ["232 ms", "12.35 s"]


def _prefixes() -> dict[str, str]:
    return json.loads(scripts(PAGE)["kg-config"])["prefixes"]


@needs_node
def test_the_whole_page_on_a_stand_in_dom(tmp_path):
    """Choose a question, type a region, run five queries: a table, ASK, Turtle, a timeout, a bad query."""
    s = scripts(PAGE)
    (tmp_path / "page.json").write_text(json.dumps({"config": s["kg-config"], "scripts": [s["kg-pure"], s[""]]}))
    select = {"head": {"vars": ["project", "company", "region"]}, "results": {"bindings": [
        {"project": {"type": "literal", "value": HOSTILE},
         "company": {"type": "uri", "value": "https://w3id.org/chanye/id/company/ab12"}},
        {"project": {"type": "literal", "value": "宁德基地"}, "region": {"type": "literal", "value": "宁德市"}}]}}
    json_type, text = "application/sparql-results+json", "text/plain; charset=utf-8"
    turtle = f'<https://w3id.org/chanye/id/p/1> <http://www.w3.org/2000/01/rdf-schema#label> "{HOSTILE}" .\n'
    answers = {
        "GET /questions/projects": {"status": 200, "type": text, "body": question_text("projects", {})},
        "GET /questions/projects?region=%E5%AE%81%E5%BE%B7":
            {"status": 200, "type": text, "body": question_text("projects", {"region": "宁德"})},
        "POST /sparql #1": {"status": 200, "type": json_type, "body": json.dumps(select)},
        "POST /sparql #2": {"status": 200, "type": json_type, "body": '{"head": {}, "boolean": true}'},
        "POST /sparql #3": {"status": 200, "type": "text/turtle; charset=utf-8", "body": turtle},
        "POST /sparql #4": {"status": 503, "type": text, "body": "query timed out after 30 s"},
        "POST /sparql #5": {"status": 400, "type": text, "body": "bad query: Expected SELECT at line 1"},
    }
    (tmp_path / "answers.json").write_text(json.dumps(answers))
    p = subprocess.run([NODE, str(FIXTURES / "query_page_dom.js"), str(tmp_path / "page.json"),
                        str(tmp_path / "answers.json")], capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    seen = json.loads(p.stdout)

    assert seen["ready"] and seen["endpoint"] == "http://127.0.0.1:8000/sparql"
    assert seen["options"] == [q["name"] for q in question_list()]  # after the page's own "(free query)"
    assert seen["inputs"] == ["region", "company"]
    assert seen["filled"] == question_text("projects", {})
    assert seen["filledWithRegion"] == question_text("projects", {"region": "宁德"})
    gets = [r["key"] for r in seen["requests"] if r["method"] == "GET"]
    assert gets == list(answers)[:2]  # the region typed in two keystrokes asked the server once
    assert parse_qs(urlsplit(seen["csv"]).query) == {"query": [question_text("projects", {"region": "宁德"})],
                                                     "format": ["csv"]}
    assert seen["csvName"] == "projects.csv"

    posts = [r for r in seen["requests"] if r["method"] == "POST"]
    assert len(posts) == 5
    assert posts[0]["headers"]["Accept"] == "application/sparql-results+json, text/turtle;q=0.9"
    assert parse_qs(posts[0]["body"]) == {"query": [question_text("projects", {"region": "宁德"})]}

    table, ask, ttl, timeout, bad = seen["results"]
    assert table["table"] == [["project", "company", "region"], [HOSTILE, "cyid:company/ab12", ""],
                              ["宁德基地", "", "宁德市"]]
    assert table["status"].startswith("2 rows · ") and table["errorHidden"]
    assert ask["shown"] == "true" and ask["status"].startswith("ASK · ")
    assert ttl["pre"] == 1 and ttl["shown"] == turtle and ttl["table"] == []
    assert timeout["error"] == "HTTP 503: query timed out after 30 s" and not timeout["errorHidden"]
    assert timeout["shown"] == ""  # the previous answer is gone
    assert bad["error"] == "HTTP 400: bad query: Expected SELECT at line 1"
