"""The library API: kg.build (what `kg build` does, as a function) and kg.extract (one article),
loaded lazily by the package root."""
from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

import kg
from kg.app.build import STAGES, BuildResult, Event, Incomplete, NoArticles, Skipped
from kg.model import Article, ArticleResult

ROOT = Path(__file__).resolve().parents[1]

# written for these tests: two short reports, one county each
CHANGXING = ("2023年3月5日，浙江省湖州市长兴县县长李建平到长兴经济技术开发区调研。他指出，"
             "天能控股集团有限公司年产10GWh储能电池项目总投资50亿元，要加快建设。")
YIXING = "江苏省宜兴市经济和信息化局局长周海燕表示，宜兴经济技术开发区将引进更多企业。"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "changxing.txt").write_text(CHANGXING, encoding="utf-8")
    (d / "yixing.txt").write_text(YIXING, encoding="utf-8")
    (d / "empty.txt").write_text("", encoding="utf-8")  # skipped by rule, reported
    return d


def test_build_returns_the_counts_and_writes_what_kg_build_writes(corpus, tmp_path):
    events: list[Event] = []
    told: list[tuple[str, int, int]] = []
    r = kg.build([corpus], tmp_path / "lib", jobs=1, on_event=events.append,
                 progress=lambda stage, done, total: told.append((stage, done, total)))
    assert isinstance(r, BuildResult)
    assert (r.articles, r.files, r.extracted, r.reused) == (2, 2, 2, 0)
    assert r.characters == len(CHANGXING) + len(YIXING)
    assert r.entities == {"Official": 2, "Agency": 2, "Region": 6, "IndustrialPark": 2, "Company": 1, "Project": 1}
    # 12: the text places the project of 天能控股集团有限公司 in the county, not the company
    # (a registered name holding no place is located only where the text says)
    assert r.relations["memberOf"] == 2 and r.relations["developedBy"] == 1 and sum(r.relations.values()) == 12
    assert r.skipped == (Skipped(str(corpus / "empty.txt"), "empty file", "skipped"),) and not r.complete
    assert [p.name for p in r.outputs] == ["graph.ttl", "graph.trig", "graph.html", "store"]
    assert all(p.exists() for p in r.outputs) and r.quads > 100
    assert list(r.timings) == ["read+extract", "merge", "graph+store", "html", "export", "publish"]
    assert r.memory == {}  # sampled only when asked
    kinds = [e.kind for e in events]
    assert kinds[0] == "skipped" and kinds[-1] == "published" and "extracted" in kinds
    # every stage, in order, from 0 to its total, never going back; read+extract counts the
    # three input files (the empty one too), the next two the two articles
    assert list(dict.fromkeys(s for s, _, _ in told)) == list(STAGES) == list(r.timings)
    for stage in STAGES:
        seen = [(d, t) for s, d, t in told if s == stage]
        assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1] > 0, (stage, seen)
        assert all(a[0] <= b[0] for a, b in zip(seen, seen[1:])), (stage, seen)
        assert [d for d, t in seen].count(seen[-1][1]) == 1, (stage, seen)  # done == total once, at the end
    assert {s: t for s, d, t in told} == {"read+extract": 3, "merge": 2, "graph+store": 2, "html": 2,
                                          "export": 2, "publish": 3}

    cli = subprocess.run([sys.executable, "-m", "kg.app.cli", "build", str(corpus), "-o", str(tmp_path / "cli"), "-j", "1"],
                         capture_output=True, text=True, cwd=ROOT)
    assert cli.returncode == 0, cli.stderr
    assert f"skipped {corpus / 'empty.txt'}: empty file" in cli.stderr
    # stderr is a pipe here, not a terminal: no progress bar in it
    assert cli.stderr.strip().splitlines() == [f"kg: skipped {corpus / 'empty.txt'}: empty file"], cli.stderr
    for name in ("graph.ttl", "graph.trig", "graph.html"):
        assert (tmp_path / "lib" / name).read_bytes() == (tmp_path / "cli" / name).read_bytes(), name


def _open_under(folder: Path) -> list[str]:
    """The files this process holds open under folder."""
    import os

    held = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith(str(folder)):
            held.append(target)
    return held


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to list open files")
def test_the_store_is_closed_when_build_returns(corpus, tmp_path):
    """Nothing of the build stays open once kg.build returns, without waiting for the garbage
    collector: kg serve --allow-update (which opens the store for writing) and a read-only
    remount work right after it in the same process."""
    import gc

    gc.disable()
    try:
        kg.build([corpus], tmp_path / "out", jobs=1)
        assert _open_under(tmp_path / "out") == []
    finally:
        gc.enable()


def test_build_options_strict_and_nothing_to_read(corpus, tmp_path):
    with pytest.raises(Incomplete) as e:
        kg.build(corpus, tmp_path / "out", jobs=1, html=False, formats=["nq"], strict=True)
    r = e.value.result  # published all the same
    assert [p.name for p in r.outputs] == ["graph.nq", "store"] and (tmp_path / "out" / "graph.nq").is_file()
    assert not (tmp_path / "out" / "graph.ttl").exists() and not (tmp_path / "out" / "graph.html").exists()
    # --update: nothing changed, nothing extracted again
    again = kg.build(corpus, tmp_path / "out", jobs=1, html=False, formats=["nq"], update=True, memory=True)
    assert (again.articles, again.extracted, again.reused) == (2, 0, 2)
    assert set(again.memory) == {"read+extract", "merge", "graph+store", "export"}
    with pytest.raises(NoArticles) as none:
        kg.build(corpus / "empty.txt", tmp_path / "none", jobs=1)
    assert none.value.skipped == (Skipped(str(corpus / "empty.txt"), "empty file", "skipped"),)
    assert not (tmp_path / "none" / "graph.ttl").exists()
    with pytest.raises(ValueError, match="unknown format"):
        kg.build(corpus, tmp_path / "x", formats=["rdf"])


def test_extract_a_text_or_an_article():
    r = kg.extract(YIXING)
    assert isinstance(r, ArticleResult)
    assert {(e.type, e.name) for e in r.entities} == {
        ("Region", "江苏省"), ("Region", "无锡市"), ("Region", "宜兴市"), ("Agency", "宜兴市经济和信息化局"),
        ("Official", "周海燕"), ("IndustrialPark", "宜兴经济技术开发区")}
    assert [(p.title, p.agency) for p in r.posts] == [("局长", "Agency:宜兴市经济和信息化局")]
    # a text is the article a UTF-8 .txt file of it reads as: the same id
    same = kg.extract(Article(id=r.article.id, path="yixing.txt", text=YIXING, encoding="utf-8"))
    assert same.entities == r.entities and same.relations == r.relations
    # the name is the subpackage's too: importing its modules leaves it callable
    importlib.import_module("kg.extract.article")
    assert callable(kg.extract) and kg.extract.article.extract


def test_importing_kg_imports_nothing_else():
    code = ("import sys, kg; loaded = sorted(m for m in sys.modules if m.startswith('kg.') or m == 'rdflib');"
            "print(loaded, kg.__all__, callable(kg.build))")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == "[] ['build', 'extract', '__version__'] True"
    with pytest.raises(AttributeError):
        kg.no_such_thing  # noqa: B018
