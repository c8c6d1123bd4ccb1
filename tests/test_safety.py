"""Random names always give valid Turtle; kg validate; kg query --timeout; a build killed midway
leaves the previous outputs as they were."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pyoxigraph as ox
import pytest
from conftest import ROOT
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal
from rdflib.namespace import RDFS, SKOS

from kg.rdf.graph import add_entity, add_post, entity_iri
from kg.rdf.vocab import CY, zh_lang
from kg.corpus.merge import Merged
from kg.model import Entity
from kg.rdf.store import Sink
from kg.app.view import from_merged, panel_data

SAMPLES = ROOT / "samples"
# any Unicode scalar value: quotes, backslashes, newlines, <>, {}, controls, emoji, RTL marks
NAME = st.text(min_size=1, max_size=200)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(name=NAME, alias=NAME, title=NAME, long=st.text(min_size=1, max_size=20).map(lambda s: s * 300))
def test_random_names_give_turtle_that_parses_back_to_the_same_graph(tmp_path_factory, name, alias, title, long):
    store = ox.Store()
    out = tmp_path_factory.mktemp("ttl")
    sink = Sink(store, ("ttl",), out)
    key = f"Company:{name}@330500"
    add_entity(sink, key, "Company", name, {alias, long}, ())
    add_entity(sink, "Official:x@330500", "Official", title, set(), (("title", title),))
    add_post(sink, "Official:x@330500", key, title)
    sink.finish()
    g = Graph().parse(out / "graph.ttl", format="turtle")
    assert len(g) == len(store)
    s = entity_iri(key)
    assert set(g.objects(s, RDFS.label)) == {Literal(name, lang=zh_lang(name))}
    assert set(g.objects(s, SKOS.altLabel)) == {Literal(a, lang=zh_lang(a)) for a in {alias, long} - {name}}
    assert Literal(title, lang=zh_lang(title)) in set(g.objects(None, CY.role))
    # and the same graph as Oxigraph's own N-Triples of it
    nt = Graph().parse(data=store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()).decode("utf-8"), format="nt")
    assert set(g) == set(nt)


@given(name=NAME)
@example(name="华恒\u2028</script>\u2029<!--公司")  # Hypothesis alone had never drawn the separators
@settings(max_examples=100, deadline=None)
def test_random_names_reach_the_page_only_as_escaped_json(name):
    from kg.app.web import script_json

    m = Merged(entities={f"Company:{name}": Entity(f"Company:{name}", "Company", name)})
    data = script_json(panel_data(from_merged(m)))
    assert json.loads(data)  # still the same JSON
    assert "</" not in data and "<!--" not in data  # nothing can close the script or open a comment
    assert "\u2028" not in data and "\u2029" not in data


# ---------------------------------------------------------------- kg validate

def kg(*args, **kw):
    return subprocess.run([sys.executable, "-m", "kg.app.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, **kw)


@pytest.fixture(scope="module")
def samples_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("samples")
    assert kg("build", SAMPLES, "-o", out, "-q").returncode == 0
    return out


def test_validate_passes_on_the_builds_own_output(samples_build):
    for target in ("graph.ttl", "graph.trig", "store"):
        p = kg("validate", samples_build / target)
        assert p.returncode == 0, p.stdout + p.stderr
        assert "conforms to the shapes" in p.stdout


def test_validate_passes_on_the_seeds(shared, tmp_path):
    assert kg("build", shared / "corpus" / "seeds", "-o", tmp_path, "-q", "--no-html").returncode == 0
    p = kg("validate", tmp_path / "graph.ttl")
    assert p.returncode == 0 and "conforms" in p.stdout


def test_validate_names_the_shape_a_broken_node_breaks(samples_build, tmp_path):
    broken = tmp_path / "broken.ttl"
    broken.write_text((samples_build / "graph.ttl").read_text(encoding="utf-8") + """
<https://w3id.org/chanye/id/post/broken> a cy:Post ; cy:role "局长"@zh .
<https://w3id.org/chanye/id/region/x> a cy:Region ; rdfs:label "某地"@zh ; cy:divisionCode "12AB" ;
    prov:wasDerivedFrom <https://w3id.org/chanye/id/article/none> .
""", encoding="utf-8")
    p = kg("validate", broken)
    assert p.returncode == 1
    lines = p.stdout.splitlines()
    assert any("cys:PostShape" in ln and "/post/broken" in ln and "org:member" in ln for ln in lines)
    assert any("cys:RegionShape" in ln and "cy:divisionCode" in ln for ln in lines)
    assert any("cys:EntityShape" in ln and "prov:wasDerivedFrom" in ln for ln in lines)  # not an Article
    assert "violation(s) of the shapes" in p.stderr


# ---------------------------------------------------------------- kg query --timeout

def test_a_query_that_runs_too_long_is_stopped(samples_build):
    endless = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    t = time.perf_counter()
    p = kg("query", samples_build / "store", endless, "--timeout", "1")
    assert time.perf_counter() - t < 20
    assert p.returncode == 3
    assert "query stopped: the query ran longer than 1 s" in p.stderr
    quick = kg("query", samples_build / "graph.ttl", "officials", "--timeout", "30")
    assert quick.returncode == 0 and "official" in quick.stdout


# ---------------------------------------------------------------- killed builds

def _snapshot(out):
    store = ox.Store.read_only(str(out / "store"))
    quads = sorted(store.dump(format=ox.RdfFormat.N_QUADS).decode("utf-8").splitlines())
    return {f: (out / f).read_bytes() for f in ("graph.ttl", "graph.trig", "graph.html")}, quads


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("gen")
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), str(d / "c"), "--articles", "600",
                    "--format", "jsonl"], check=True, capture_output=True)
    return d / "c"


@pytest.mark.parametrize("sig, when", [
    (signal.SIGKILL, "graph.ttl.tmp"),  # while the exports are being written
    (signal.SIGKILL, "store"),  # while the new store is being filled
    (signal.SIGTERM, "store"),  # stopped politely: cleans up after itself
])
def test_a_build_killed_midway_leaves_the_previous_outputs_intact(samples_build, big_corpus, tmp_path, sig, when):
    import shutil

    out = tmp_path / "out"
    shutil.copytree(samples_build, out, symlinks=True)
    before = _snapshot(out)
    link = os.path.basename(os.readlink(out / "current"))  # the published build's folder, .builds/<id>
    proc = subprocess.Popen([sys.executable, "-m", "kg.app.cli", "build", str(big_corpus), "-o", str(out), "-j", "1"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 120
    seen = False
    while time.time() < deadline and proc.poll() is None:
        names = [p.name for p in out.glob(".builds/*/*") if p.parent.name != link]  # in the new build's folder
        if any(n.startswith(when) for n in names):
            seen = True
            break
        time.sleep(0.005)
    assert seen, f"the build never reached the point to stop it at ({when})"
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode in (-signal.SIGKILL, 130), err
    assert _snapshot(out) == before  # files byte for byte, the store quad for quad
    if sig == signal.SIGTERM:
        assert "interrupted: nothing of this build was published" in err
        assert not list(out.rglob("*.tmp")) and [p.name for p in (out / ".builds").iterdir()] == [link]
    # and the next build runs over whatever the killed one left
    assert kg("build", SAMPLES, "-o", out, "-q").returncode == 0
    assert _snapshot(out)[1] == before[1]
