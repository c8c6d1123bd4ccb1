"""The commands against what users meet: a damaged manifest, each output file the build writes,
options in any order, a folder without output/, a store kg serve has open, the quad count."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, SHARED, start_serve

from kg.app.cli import main

SAMPLES = ROOT / "samples"
OUTPUTS = ("graph.ttl", "graph.trig", "graph.nq", "store")


def kg(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "kg.app.cli", *map(str, args)], capture_output=True, text=True, cwd=cwd)


def no_traceback(p) -> None:
    assert "Traceback" not in p.stderr, p.stderr


@pytest.fixture(scope="module")
def samples_out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("samples") / "output"
    assert main(["build", str(SAMPLES), "-o", str(out), "-q", "--no-html", "-j", "1", "--formats", "ttl,trig,nq"]) == 0
    return out


# 1. a corrupt manifest.json


def _build_samples(out: Path, *extra):
    return kg("build", SAMPLES, "-o", out, "--no-html", "-j", "1", *extra)


def _manifests() -> list[str]:
    from kg.corpus.cache import THIS

    this = dict(THIS)  # the head of a manifest this version reads
    return ["{not json", "[1, 2]", '"a string"', "", "\x00\xff",
            json.dumps({**this, "articles": []}), json.dumps({**this, "articles": {"a.txt": "b"}})]


@pytest.mark.parametrize("update", [False, True])
def test_a_corrupt_manifest_is_no_manifest(tmp_path, update, capsys):
    out = tmp_path / "out"
    build = ["build", str(SAMPLES), "-o", str(out), "--no-html", "-j", "1"]
    assert main(build + ["-q"]) == 0
    for text in _manifests():
        (out / "manifest.json").write_text(text, encoding="utf-8")
        assert main(build + (["--update"] if update else [])) == 0, text
        cap = capsys.readouterr()
        lines = cap.err.strip().splitlines()
        assert len(lines) == 1 and str(out / "manifest.json") in lines[0] and "warning" in lines[0], (text, cap.err)
        assert "Read 3 article(s)" in cap.out
        if update:  # nothing was taken from the unreadable cache
            assert "0 unchanged article(s) taken from the cache, 3 extracted" in cap.out
        # the build wrote a good manifest again: the next update takes everything from it, silently
        assert main(build + ["--update"]) == 0
        cap = capsys.readouterr()
        assert cap.err == "" and "3 unchanged article(s) taken from the cache, 0 extracted" in cap.out


def test_a_corrupt_manifest_is_no_traceback_in_a_subprocess(tmp_path):
    out = tmp_path / "out"
    assert _build_samples(out, "-q").returncode == 0
    (out / "manifest.json").write_text("{not json", encoding="utf-8")
    p = _build_samples(out)
    no_traceback(p)
    assert p.returncode == 0 and len(p.stderr.strip().splitlines()) == 1 and "manifest.json" in p.stderr


def test_a_manifest_of_this_version_with_bad_entries_is_no_manifest(tmp_path, capsys):
    from kg.corpus.cache import Cache

    out = tmp_path / "out"
    assert _build_samples(out, "-q").returncode == 0
    good = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    first = next(iter(good["articles"]))
    assert len(Cache(out).entries) == 3 and capsys.readouterr().err == ""
    for bad in ({"hash": 1}, [], {**good["articles"][first], "file": "../../etc/passwd"},
                {**good["articles"][first], "offset": "0"}, {k: v for k, v in good["articles"][first].items() if k != "title"}):
        data = {**good, "articles": {**good["articles"], first: bad}}
        (out / "manifest.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        assert Cache(out).entries == {}
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and str(out / "manifest.json") in err[0]
        assert main(["build", str(SAMPLES), "-o", str(out), "--no-html", "-j", "1", "--update"]) == 0
        cap = capsys.readouterr()
        assert len(cap.err.strip().splitlines()) == 1 and "0 unchanged article(s) taken from the cache, 3 extracted" in cap.out
    # a cache file shorter than its manifest entry says: that article is extracted again
    good = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    e = good["articles"][first]
    blob = out / "cache" / e["file"]
    blob.write_bytes(blob.read_bytes()[: e["offset"] + e["size"] - 1])
    assert main(["build", str(SAMPLES), "-o", str(out), "--no-html", "-j", "1", "--update"]) == 0
    cap = capsys.readouterr()
    assert cap.err == "" and re.search(r"[0-2] unchanged article\(s\) taken from the cache, [1-3] extracted", cap.out)


# 2. every command on every output


@pytest.mark.parametrize("output", OUTPUTS)
@pytest.mark.parametrize("name", ["周明远", "陈国强", "陳國強"])  # 陈国强 is read from a traditional article
def test_explain_finds_a_name_in_every_output(samples_out, output, name, capsys):
    assert main(["explain", name, "--graph", str(samples_out / output)]) == 0
    cap = capsys.readouterr()
    assert cap.out.startswith(name if name != "陳國強" else "陈国强")
    assert "[Official]" in cap.out and "holds post" in cap.out
    if output == "graph.ttl":  # the facts without their sentences, and a line saying where those are
        assert "「" not in cap.out
        err = cap.err.strip().splitlines()
        assert len(err) == 1 and str(samples_out / "graph.trig") in err[0] and "sentence" in err[0]
    else:
        assert "「" in cap.out and cap.err == ""


def test_explain_on_graph_ttl_lists_the_same_facts(samples_out, capsys):
    facts = {}
    for output in OUTPUTS:
        assert main(["explain", "周明远", "--graph", str(samples_out / output)]) == 0
        out = capsys.readouterr().out
        facts[output] = [ln for ln in out.splitlines() if not ln.startswith("      ")]  # without the sentences
    assert facts["graph.ttl"] == facts["graph.trig"] == facts["graph.nq"] == facts["store"]
    assert "  holds post 局长 in 来安县经济和信息化局" in facts["graph.ttl"]


def test_evidence_on_graph_ttl_says_which_file_to_use(samples_out, capsys):
    assert main(["query", str(samples_out / "graph.ttl"), "evidence"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith("kg: evidence needs the sentence graphs") and str(samples_out / "graph.trig") in err[0]
    assert "ConjunctiveGraph" not in err[0]
    # SPARQL of one's own with a GRAPH pattern: the same, whatever the timeout
    q = "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1"
    for timeout in ("0", "30"):
        assert main(["query", str(samples_out / "graph.ttl"), q, "--timeout", timeout]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "graph.trig" in err[0] and "ConjunctiveGraph" not in err[0]
    # and on the outputs that keep the sentences, the same rows from each
    rows = {}
    for output in OUTPUTS[1:]:
        assert main(["query", str(samples_out / output), "evidence", "--format", "json"]) == 0
        rows[output] = sorted(json.dumps(r, ensure_ascii=False) for r in json.loads(capsys.readouterr().out))
    assert rows["graph.trig"] == rows["graph.nq"] == rows["store"]
    assert any("周明远" in r and "来安县经济和信息化局" in r for r in rows["store"])


def test_graph_keyword_detection():
    from kg.rdf.query import uses_named_graphs

    assert uses_named_graphs("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert uses_named_graphs("select * from named <http://x/g> where { graph <http://x/g> { ?s ?p ?o } }")
    assert not uses_named_graphs("# run on graph.trig\nSELECT ?graph WHERE { ?graph ex:graph <http://x/graph> }")
    assert not uses_named_graphs('SELECT * WHERE { ?s ?p "GRAPH" }')


@pytest.mark.parametrize("output", OUTPUTS)
def test_every_other_command_runs_on_every_output(samples_out, output, tmp_path, capsys):
    graph = str(samples_out / output)
    for q in ("officials", "entity"):
        assert main(["query", graph, q, "--format", "csv", *(["--name", "周明远"] if q == "entity" else [])]) == 0
        assert "周明远" in capsys.readouterr().out
    page = tmp_path / "view.html"
    assert main(["viz", graph, "--focus", "周明远", "-o", str(page)]) == 0
    cap = capsys.readouterr()
    assert cap.out.startswith(f"Wrote {page}") and "周明远" in page.read_text(encoding="utf-8")
    assert (cap.err == "") == (output != "graph.ttl")
    assert main(["validate", graph]) == 0
    assert "conforms" in capsys.readouterr().out


SEEDS = SHARED / "corpus" / "seeds"


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"needs the shared evaluation articles at {SEEDS} (absent on this checkout)")
def test_explain_finds_every_official_of_the_shared_seeds(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["build", str(SEEDS), "-o", str(out), "-q", "--no-html", "--formats", "ttl,trig,nq"]) == 0
    assert main(["query", str(out / "graph.ttl"), "officials", "--format", "json"]) == 0
    officials = {r["official"] for r in json.loads(capsys.readouterr().out)}
    assert officials
    for name in sorted(officials):
        for output in OUTPUTS:
            assert main(["explain", name, "--graph", str(out / output)]) == 0, (name, output)
            assert capsys.readouterr().out.startswith(name)
    assert main(["query", str(out / "graph.ttl"), "evidence"]) == 2
    assert "graph.trig" in capsys.readouterr().err


# 3. kg viz in a folder without output/


def test_viz_without_output_folder_is_one_line(tmp_path, samples_out):
    p = kg("viz", "--focus", "周明远", cwd=tmp_path)
    no_traceback(p)
    assert p.returncode == 2
    lines = p.stderr.strip().splitlines()
    assert lines == ["kg: no build in output: run kg build ARTICLES -o output"]
    # a graph given elsewhere: the page goes to output/view.html, the folder made for it
    p = kg("viz", samples_out / "graph.trig", "--focus", "周明远", cwd=tmp_path)
    no_traceback(p)
    assert p.returncode == 0 and p.stderr == ""
    assert "周明远" in (tmp_path / "output" / "view.html").read_text(encoding="utf-8")
    # a page that cannot be written: one line, status 2
    (tmp_path / "blocked").write_text("a file, not a folder", encoding="utf-8")
    p = kg("viz", samples_out / "graph.trig", "-o", tmp_path / "blocked" / "view.html", cwd=tmp_path)
    no_traceback(p)
    assert p.returncode == 2 and len(p.stderr.strip().splitlines()) == 1 and "view.html" in p.stderr


# 4. options and positionals in any order


def test_query_options_anywhere(samples_out):
    ttl = samples_out / "graph.ttl"
    outs = []
    for args in (["--format", "csv", ttl, "officials"], [ttl, "--format", "csv", "officials"],
                 [ttl, "officials", "--format", "csv"], ["--timeout", "20", ttl, "--format", "csv", "officials"],
                 [ttl, "--region", "旌阳", "officials", "--format", "csv"]):
        p = kg("query", *args)
        assert p.returncode == 0, (args, p.stderr)
        outs.append(p.stdout)
    assert outs[0] == outs[1] == outs[2] == outs[3]
    assert outs[0].splitlines()[0] == "official,post,agency,region" and "周明远,局长,来安县经济和信息化局,来安县" in outs[0]
    assert "李建华" in outs[4] and "周明远" not in outs[4]
    # the default graph: the store of output/ under the current folder
    for args in (["officials", "--format", "csv"], ["--format", "csv", "officials"]):
        p = kg("query", *args, cwd=samples_out.parent)
        assert p.returncode == 0 and p.stdout == outs[0], p.stderr
    # still refused: an unknown option, a third positional
    p = kg("query", ttl, "--format", "csv", "officials", "--bogus")
    assert p.returncode == 2 and "unrecognized arguments: --bogus" in p.stderr
    p = kg("query", ttl, "--format", "csv", "officials", "parks")
    assert p.returncode == 2 and "unexpected argument 'parks'" in p.stderr


def test_build_paths_after_an_option(tmp_path):
    p = kg("build", SAMPLES / "laian_interview.txt", "-o", tmp_path, "--no-html", "-j", "1", SAMPLES / "changxing_trad.txt")
    assert p.returncode == 0, p.stderr
    assert "Read 2 article(s)" in p.stdout


# 5. readers beside kg serve


def _count(url: str) -> int:
    q = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"})
    req = urllib.request.Request(f"{url}?{q}", headers={"Accept": "application/sparql-results+json"})
    return int(json.loads(urllib.request.urlopen(req, timeout=10).read())["results"]["bindings"][0]["n"]["value"])


def _readers_work(store: Path, tmp_path: Path) -> None:
    procs = {  # at once, while the server holds the store
        "explain": subprocess.Popen([sys.executable, "-m", "kg.app.cli", "explain", "周明远", "--graph", str(store)],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT),
        "query": subprocess.Popen([sys.executable, "-m", "kg.app.cli", "query", str(store), "officials", "--format", "csv"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT),
        "viz": subprocess.Popen([sys.executable, "-m", "kg.app.cli", "viz", str(store), "--focus", "周明远", "-o", str(tmp_path / "v.html")],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT),
    }
    for name, p in procs.items():
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0 and "lock" not in err.lower(), (name, err)
        assert "周明远" in out or name == "viz", (name, out)
    assert "周明远" in (tmp_path / "v.html").read_text(encoding="utf-8")


def test_readers_beside_kg_serve_on_the_store(samples_out, tmp_path):
    store = samples_out / "store"
    p, url = start_serve(store)
    try:
        assert "read-only" in p.stdout.readline().decode()
        n = _count(url)
        assert n > 100
        _readers_work(store, tmp_path)
        assert _count(url) == n  # the server still answers
    finally:
        p.terminate()
        p.wait(timeout=10)


def test_serve_allow_update_holds_the_store_for_writing_and_readers_still_read(tmp_path):
    import pyoxigraph as ox

    out = tmp_path / "out"
    assert main(["build", str(SAMPLES), "-o", str(out), "-q", "--no-html", "-j", "1"]) == 0
    p, url = start_serve(out / "store", "--allow-update")
    try:
        assert "read-write" in p.stdout.readline().decode()
        with pytest.raises(OSError, match="(?i)lock"):  # the server has it open for writing: no second writer
            ox.Store(str(out / "store"))
        _readers_work(out / "store", tmp_path)
        assert _count(url) > 100
    finally:
        p.terminate()
        p.wait(timeout=10)


# 6. the quads the summary counts


def _summary_quads(stdout: str) -> int:
    m = re.search(r"\(([\d,]+) quads written\)", stdout)
    assert m, stdout
    return int(m.group(1).replace(",", ""))


def test_quads_written_is_what_the_store_holds(tmp_path):
    import pyoxigraph as ox

    out = tmp_path / "out"
    # the fixtures state some quads more than once (the same fact read in several articles)
    first = sorted(p for p in FIXTURES.iterdir() if p.suffix == ".txt")[:6]
    p = kg("build", *first, "-o", out, "--no-html", "--formats", "nq", "-j", "1")
    assert p.returncode == 0, p.stderr
    lines = (out / "graph.nq").read_text(encoding="utf-8").splitlines()
    assert _summary_quads(p.stdout) == len(lines) == len(set(lines)) == len(ox.Store.read_only(str(out / "store")))
    p = kg("build", FIXTURES, "-o", out, "--no-html", "--formats", "nq", "-j", "1", "--update")
    assert p.returncode == 0, p.stderr
    assert "6 unchanged article(s) taken from the cache" in p.stdout
    lines = (out / "graph.nq").read_text(encoding="utf-8").splitlines()
    assert _summary_quads(p.stdout) == len(lines) == len(ox.Store.read_only(str(out / "store")))


# ---------------------------------------------------------------- odd names and hostile graphs

@pytest.mark.parametrize("name", ["\udcff", "\\u0041", '"; DROP', "}", "a\\", "\u2028"])
def test_explain_takes_any_name_without_a_traceback(samples_out, name):
    # a byte that is not UTF-8 reaches argv as a surrogate; a backslash-u is a SPARQL escape
    p = subprocess.run([sys.executable, "-m", "kg.app.cli", "explain", name, "--graph", str(samples_out / "graph.trig")],
                       capture_output=True, cwd=ROOT)
    assert p.returncode == 1, p.stderr
    assert b"Traceback" not in p.stderr and b"no entity named" in p.stderr


def test_explain_binds_the_iri_and_reports_no_other_nodes_facts(tmp_path, capsys):
    # an IRI whose escapes spell out SPARQL: pasted into a query, it made kg explain report the
    # facts of another node
    evil = "\\u003E\\u0020\\u007D\\u0020UNION\\u0020\\u007B\\u0020VALUES\\u0020?e\\u0020\\u007B\\u0020\\u003Chttp://ex/victim"
    (tmp_path / "g.trig").write_text(
        "@prefix cy: <https://w3id.org/chanye/ontology#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        f"<http://ex/a{evil}> a cy:Company ; rdfs:label \"恶意公司\"@zh .\n"
        "<http://ex/victim> a cy:Company ; rdfs:label \"受害公司\"@zh ; cy:locatedIn <http://ex/r> .\n"
        "<http://ex/r> a cy:Region ; rdfs:label \"某地\"@zh .\n", encoding="utf-8")
    assert main(["explain", "恶意公司", "--graph", str(tmp_path / "g.trig")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("恶意公司  [Company]") and "某地" not in out and "locatedIn" not in out
    assert main(["explain", "受害公司", "--graph", str(tmp_path / "g.trig")]) == 0
    assert "locatedIn -> 某地" in capsys.readouterr().out


def test_query_table_shows_control_characters_escaped(tmp_path, capsys):
    (tmp_path / "g.ttl").write_text(
        "@prefix dcterms: <http://purl.org/dc/terms/> .\n"
        '<http://ex/a> dcterms:title "红\\u001B[31m色\\u0007标题\\n第二行\\u2028" .\n'
        '<http://ex/b> dcterms:title "宁德\\u3000市" .\n', encoding="utf-8")
    q = "SELECT ?t WHERE { ?a <http://purl.org/dc/terms/title> ?t } ORDER BY ?t"
    assert main(["query", str(tmp_path / "g.ttl"), q]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\u2028" not in out
    assert "红\\x1b[31m色\\x07标题\\n第二行\\u2028" in out
    assert "宁德\u3000市" in out  # an ideographic space is text, not a control
    assert len(out.splitlines()) == 5  # header, rule, two rows, count: no cell broke a line
    assert main(["query", str(tmp_path / "g.ttl"), q, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[1]["t"] == "红\x1b[31m色\x07标题\n第二行\u2028"  # data formats keep it
