"""Scale: parallel equals serial, --update equals a full rebuild, Dask equals local, the store."""
from __future__ import annotations

import shutil

import pytest
from conftest import FIXTURES, ROOT

from kg.app.cli import main

INPUTS = [str(ROOT / "samples"), *map(str, sorted(FIXTURES.glob("*.txt")))]


def quads(out) -> list[str]:
    import pyoxigraph as ox

    store = ox.Store.read_only(str(out / "store"))
    return sorted(store.dump(format=ox.RdfFormat.N_QUADS).decode("utf-8").splitlines())


def test_parallel_output_equals_serial(tmp_path):
    assert main(["build", *INPUTS, "-o", str(tmp_path / "serial"), "-j", "1", "-q", "--no-html"]) == 0
    assert main(["build", *INPUTS, "-o", str(tmp_path / "par"), "-j", "2", "-q", "--no-html"]) == 0
    assert quads(tmp_path / "serial") == quads(tmp_path / "par")
    assert (tmp_path / "serial" / "graph.ttl").read_bytes() == (tmp_path / "par" / "graph.ttl").read_bytes()


def test_update_equals_full_rebuild_and_twice_changes_nothing(tmp_path, capsys):
    first, later = INPUTS[:4], INPUTS[4:]
    up = tmp_path / "up"
    assert main(["build", *first, "-o", str(up), "-q", "--no-html"]) == 0
    assert main(["build", *later, "-o", str(up), "--update", "--no-html"]) == 0
    out = capsys.readouterr().out
    assert f"0 unchanged article(s) taken from the cache, {len(list(FIXTURES.glob('*.txt'))) - 3} extracted" in out
    assert main(["build", *INPUTS, "-o", str(tmp_path / "full"), "-q", "--no-html"]) == 0
    assert quads(up) == quads(tmp_path / "full")
    before = quads(up)
    assert main(["build", *INPUTS, "-o", str(up), "--update", "--no-html"]) == 0
    assert "0 extracted" in capsys.readouterr().out  # nothing read again
    assert quads(up) == before


def test_update_takes_a_changed_article_again(tmp_path, capsys):
    art = tmp_path / "a.txt"
    art.write_text("旗工信局局长赵永胜表示,乌拉特前旗工业园区加快建设。", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(art), "-o", str(out), "-q", "--no-html"]) == 0
    art.write_text("旗工信局局长李永胜表示,乌拉特前旗工业园区加快建设。", encoding="utf-8")
    assert main(["build", str(art), "-o", str(out), "--update", "--no-html"]) == 0
    assert "1 extracted" in capsys.readouterr().out
    ttl = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "李永胜" in ttl and "赵永胜" not in ttl


def test_dask_local_cluster_equals_local(tmp_path):
    pytest.importorskip("dask.distributed", reason="the distributed extra is not installed")
    assert main(["build", *INPUTS, "-o", str(tmp_path / "local"), "-q", "--no-html"]) == 0
    assert main(["build", *INPUTS, "-o", str(tmp_path / "dask"), "--engine", "dask", "-j", "2", "-q", "--no-html"]) == 0
    assert quads(tmp_path / "local") == quads(tmp_path / "dask")


def test_store_answers_queries_like_the_files(tmp_path, capsys):
    assert main(["build", *INPUTS, "-o", str(tmp_path), "-q", "--no-html"]) == 0
    assert main(["query", str(tmp_path / "store"), "officials", "--format", "csv"]) == 0
    from_store = capsys.readouterr().out
    assert main(["query", str(tmp_path / "graph.ttl"), "officials", "--format", "csv"]) == 0
    assert from_store == capsys.readouterr().out
    assert "周明远" in from_store
    # a rebuild replaces the store whole
    shutil.rmtree(tmp_path / "graph.ttl", ignore_errors=True)
    assert main(["build", str(ROOT / "samples"), "-o", str(tmp_path), "-q", "--no-html"]) == 0
    assert main(["query", str(tmp_path / "store"), "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/chanye/ontology#Article> }"]) == 0
    assert "\n3\n" in capsys.readouterr().out.replace(" ", "")
