"""kg serve while the store it serves is rebuilt or removed: it answers from the new build, or
says the store is gone, never from a deleted one without a word."""
from __future__ import annotations

import json
import shutil
import time
import urllib.error
import urllib.parse
import urllib.request

from conftest import ROOT, start_serve

from kg.app.cli import main

SAMPLES = ROOT / "samples"


def _count(url: str) -> tuple[int, str]:
    q = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"})
    try:
        with urllib.request.urlopen(f"{url}?{q}", timeout=10) as r:
            return int(json.loads(r.read())["results"]["bindings"][0]["n"]["value"]), ""
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def test_a_rebuild_is_served_and_a_removed_store_is_said(tmp_path):
    out = tmp_path / "out"
    one = sorted(SAMPLES.glob("*.txt"))[0]
    assert main(["build", str(one), "-o", str(out), "-q", "--no-html", "-j", "1"]) == 0
    p, url = start_serve(out / "store")
    try:
        small, _ = _count(url)
        assert small > 0
        assert main(["build", str(SAMPLES), "-o", str(out), "-q", "--no-html", "-j", "1"]) == 0
        deadline = time.monotonic() + 10
        while (n := _count(url)[0]) == small and time.monotonic() < deadline:
            time.sleep(0.2)
        assert n > small  # the new build's facts, not the old one's
        shutil.rmtree(out)
        time.sleep(1.2)  # the store is looked at once a second at most
        status, text = _count(url)
        assert status == 503 and "gone" in text
    finally:
        p.terminate()
        p.wait(timeout=10)


def test_a_graph_file_is_loaded_into_a_temporary_store_that_goes_with_the_server(tmp_path):
    import os
    import signal

    out = tmp_path / "out"
    assert main(["build", str(sorted(SAMPLES.glob("*.txt"))[0]), "-o", str(out), "-q", "--no-html", "-j", "1"]) == 0
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    p, url = start_serve(out / "graph.ttl", env={**os.environ, "TMPDIR": str(tmp)})
    try:
        assert "Loading" in p.stdout.readline().decode()
        assert _count(url)[0] > 0
        assert [d.name[:9] for d in tmp.iterdir()] == ["kg-serve-"]
    finally:
        p.send_signal(signal.SIGTERM)
        p.wait(timeout=10)
    assert list(tmp.iterdir()) == []  # deleted on SIGTERM too
