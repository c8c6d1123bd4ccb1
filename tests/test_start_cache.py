"""The tables kept between runs (kg.cache_dir): a build with them, without them and with garbage
in their place gives the same graph; and the one-character numerals read without cn2an."""
from __future__ import annotations

import os
import pickle
import subprocess
import sys
from decimal import Decimal

import pytest

from conftest import ROOT

TEXT = ("湖州市经济和信息化局局长王明表示，吴兴区织里镇的二期项目总投资三千万元，"
        "年产新能源电池五万套，预计明年投产。")


def _build(src, out, cache):
    env = {**os.environ, "KG_CACHE_DIR": str(cache)}
    p = subprocess.run([sys.executable, "-m", "kg.app.cli", "build", str(src), "-o", str(out), "-q"],
                       capture_output=True, text=True, cwd=ROOT, env=env)
    assert p.returncode == 0, p.stderr
    import pyoxigraph as ox

    store = ox.Store.read_only(str(out / "store"))
    return sorted(str(q) for q in store), (out / "graph.html").read_text(encoding="utf-8")


def test_a_build_is_the_same_with_a_cold_a_warm_and_a_spoilt_cache(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(TEXT, encoding="utf-8")
    cache = tmp_path / "cache"
    cold, cold_page = _build(src, tmp_path / "o1", cache)
    assert any("王明" in q for q in cold)
    kept = sorted(p.name.split("-")[0] for p in cache.iterdir() if p.is_file())
    assert kept == ["gazetteer", "gbk_mojibake", "lexicon", "towns"]
    assert _build(src, tmp_path / "o2", cache) == (cold, cold_page)
    files = [p for p in cache.rglob("*") if p.is_file()]
    for p in files:
        p.write_bytes(b"\x80garbage, not a pickle nor a database" * 3)
    assert _build(src, tmp_path / "o3", cache) == (cold, cold_page)
    # and made again, whole
    gaz = next(cache.glob("gazetteer-*.pickle"))
    assert type(pickle.loads(gaz.read_bytes())).__name__ == "Gazetteer"


def test_pickled_builds_again_what_it_cannot_read(tmp_path, monkeypatch):
    from kg import cache_dir

    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    calls = []

    def build():
        calls.append(1)
        return {"a": [1, 2]}

    digest = cache_dir.key([b"source"])
    assert cache_dir.pickled("t", digest, build, dict) == {"a": [1, 2]}
    assert cache_dir.pickled("t", digest, build, dict) == {"a": [1, 2]} and len(calls) == 1
    cache_dir.path("t", digest).write_bytes(b"garbage")
    assert cache_dir.pickled("t", digest, build, dict) == {"a": [1, 2]} and len(calls) == 2
    cache_dir.path("t", digest).write_bytes(pickle.dumps(["another", "kind"]))
    assert cache_dir.pickled("t", digest, build, dict) == {"a": [1, 2]} and len(calls) == 3
    assert cache_dir.key([b"source"]) != cache_dir.key([b"sourcf"])


def test_pickled_without_a_folder_to_write_in(tmp_path, monkeypatch):
    from kg import cache_dir

    blocker = tmp_path / "a file"
    blocker.write_text("")
    monkeypatch.setenv("KG_CACHE_DIR", str(blocker / "cache"))
    assert cache_dir.pickled("t", "x", lambda: (1, 2), tuple) == (1, 2)


def test_the_lexicon_table_answers_as_the_dictionary():
    from kg.extract.segment import _lexicon, word_info

    lex = _lexicon()
    for w in ["互助", "保定", "来宾", "碳中和", "发展", "不是一个词的词"]:
        assert word_info(w) == lex.get(w, (0, None))


def test_the_numerals_read_without_cn2an_are_what_cn2an_reads():
    cn2an = pytest.importorskip("cn2an")
    from kg.extract.facts import _numerals, parse_number

    assert _numerals()
    for s, value in _numerals().items():
        if value is None:
            with pytest.raises(ValueError):
                cn2an.cn2an(s, "smart")
            with pytest.raises(ValueError):
                parse_number(s)
        else:
            assert value == Decimal(str(cn2an.cn2an(s, "smart"))) == parse_number(s)


def test_one_batch_is_extracted_here_and_more_by_the_pool(monkeypatch):
    from concurrent.futures import ThreadPoolExecutor

    from conftest import article
    from kg.corpus import pipeline

    pools = []

    def pool(max_workers, initializer, initargs):
        pools.append(max_workers)
        return ThreadPoolExecutor(max_workers)  # the same interface, in threads: no fork here

    monkeypatch.setattr(pipeline, "ProcessPoolExecutor", pool)
    arts = [article(f"第{n}篇：湖州市经济和信息化局局长王明调研。", f"{n}.txt") for n in range(3)]
    alone = pipeline.extract_all(arts, jobs=2)
    assert pools == [] and [r.path for r in alone] == ["0.txt", "1.txt", "2.txt"]
    monkeypatch.setattr(pipeline, "BATCH", 2)  # two batches: a pool
    assert sorted(r.path for r in pipeline.extract_all(arts, jobs=2)) == ["0.txt", "1.txt", "2.txt"]
    assert pools == [2]
