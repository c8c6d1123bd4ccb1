"""The codec of results (kg.corpus.codec), derived from kg.model's dataclasses: every field of
every class goes through its bytes and back; the layout's name changes when a dataclass does;
the cache extracts again what another layout wrote. And the engines extract_all runs."""
from __future__ import annotations

import dataclasses
import json
import marshal
import os
import subprocess
import sys
from dataclasses import field, make_dataclass, replace
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import ROOT, article

from kg.corpus import codec
from kg.corpus.codec import CODEC, LAYOUT, Codec, decode_result, encode_result, kept, pack, unpack, unpacked
from kg.model import (Article, ArticleMeta, ArticleResult, Entity, Evidence, Figure, PackedResult, Post, Quantity,
                      Relation)

SAMPLES = ROOT / "samples"


def ev(i: int) -> Evidence:
    return Evidence("a1", i, 10 * i, 10 * i + 4)


def full_result() -> ArticleResult:
    """A result with a value that is not the default in every field of every class."""
    return ArticleResult(
        article=Article("a1", "in/one.jsonl:3", "青禾县新材料园开工。", "gb18030",
                        (("title", "青禾县新闻"), ("url", "http://example.org/1")), ("a NUL dropped",)),
        chars=11,
        source_hash="0f0f",
        sentences={0: ("青禾县新材料园开工。", 0, 10), 2: ("第三句", 12, 15)},
        meta=ArticleMeta("青禾县新闻", "2023-04-05", "2023-04-05T08:30:00", "青禾日报", "http://example.org/1",
                         (("reporter", "记者", "林一"), ("editor", "编辑", "周二")), "王三", 2, 1,
                         notes=("no day 2023-02-30",)),
        entities=[
            Entity("Region:999001", "Region", "青禾县", frozenset({"青禾"}), (("divisionCode", "999001"),), (ev(0), ev(2))),
            Entity("IndustrialPark:新材料园", "IndustrialPark", "青禾县新材料园"),
        ],
        relations=[Relation("IndustrialPark:新材料园", "locatedIn", "Region:999001", (ev(0),))],
        posts=[Post("Official:王三", "Agency:999001:县政府", "县长", (ev(2),))],
        unresolved=[("青禾", "999001 999002")],
        figures=[
            Figure("IndustrialPark:新材料园", "investment", "完成投资",
                   Quantity(None, Decimal("300000000"), Decimal("500000000.5"), "CNY", "money", "3至5亿元", 3, 8, "year"),
                   "", "2023-01/2023-03", "一季度", ev(0)),
            Figure("IndustrialPark:新材料园", "growth:output", "产值", Quantity(Decimal("-12.50"), None, None, "%", "percent",
                                                                        "下降12.50%", 9, 16)),
            Figure("IndustrialPark:新材料园", "status", "开工", None, status="started"),
        ],
        notes=("figures left out: ValueError: x",),
    )


def instances(value) -> list:
    """Every dataclass instance inside value."""
    out = []
    if dataclasses.is_dataclass(value):
        out.append(value)
        value = [getattr(value, f.name) for f in dataclasses.fields(value)]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, (list, tuple, frozenset)):
        for v in value:
            out += instances(v)
    return out


def default(f: dataclasses.Field):
    if f.default is not dataclasses.MISSING:
        return f.default
    return f.default_factory() if f.default_factory is not dataclasses.MISSING else dataclasses.MISSING


def types_of(value) -> object:
    """value with every leaf replaced by its type, and each container kept as its type."""
    if dataclasses.is_dataclass(value):
        return (type(value), tuple(types_of(getattr(value, f.name)) for f in dataclasses.fields(value)))
    if isinstance(value, dict):
        return (dict, tuple((types_of(k), types_of(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return (type(value), tuple(map(types_of, value)))
    return type(value)


def test_every_field_of_every_class_goes_through_the_bytes_and_back():
    r = full_result()
    seen = instances(r)
    assert {type(x) for x in seen} == set(CODEC.classes)  # every class the codec knows is in r
    for cls in CODEC.classes:
        for f in kept(cls):  # and each of its fields holds something else than its default
            assert any(getattr(x, f.name) != default(f) for x in seen if type(x) is cls), (cls.__name__, f.name)
    back = decode_result(encode_result(r))
    assert back.meta is not None and back.meta.notes == ()  # not kept: the default when read
    assert back == replace(r, meta=replace(r.meta, notes=()))
    assert types_of(back) == types_of(replace(r, meta=replace(r.meta, notes=())))  # lists stay lists, tuples tuples
    q = back.figures[0].quantity
    assert q is not None and (q.value, q.low, q.high) == (None, Decimal("300000000"), Decimal("500000000.5"))
    assert str(back.figures[1].quantity.value) == "-12.50"  # the Decimal as written, its exponent too
    assert back.figures[2].quantity is None and back.figures[2].evidence is None


def test_empty_collections_and_no_metadata_go_through():
    r = ArticleResult(Article("a2", "b.txt", "", "utf-8"))
    back = decode_result(encode_result(r))
    assert back == r and back.meta is None and back.entities == [] and back.sentences == {}
    assert types_of(back) == types_of(r)


def test_packed_results_unpack_from_memory_and_from_a_file(tmp_path):
    r = full_result()
    p = pack(r)
    assert (p.id, p.path, p.title, p.date, p.unresolved, p.notes) == (
        "a1", "in/one.jsonl:3", "青禾县新闻", "2023-04-05", (("青禾", "999001 999002"),), r.notes)
    (tmp_path / "x.bin").write_bytes(b"junk" + p.blob + b"more")
    on_disk = p.on_disk(str(tmp_path / "x.bin"), 4, len(p.blob))
    assert unpack(on_disk) == unpack(p) == unpacked(p) == decode_result(p.blob)
    assert unpacked(r) is r


def test_the_compiled_code_reads_fields_by_name():
    # the encoder is plain attribute access, compiled once: no reflection per value
    assert "v.evidence" in CODEC.source and "getattr" not in CODEC.source and "fields(" not in CODEC.source
    _, body = marshal.loads(encode_result(full_result()))
    assert len(body) == len(dataclasses.fields(ArticleResult))  # the tuple of its fields
    assert len(body[4]) == len(dataclasses.fields(ArticleMeta)) - 1  # but ArticleMeta.notes


def test_another_layout_is_not_read():
    r = full_result()
    blob = encode_result(r)
    layout, body = marshal.loads(blob)
    assert layout == LAYOUT
    with pytest.raises(ValueError, match="layout"):
        decode_result(marshal.dumps(("0" * 12, body)))
    with pytest.raises(ValueError, match="layout"):
        decode_result(marshal.dumps((2, body[0], *body[1:])))  # the hand-written layout of before


# ---------------------------------------------------------------- the layout's name

def family(inner: list, outer: list | None = None) -> type:
    """Two dataclasses, Outer holding Inners, made here: a model to derive a codec of. outer:
    (name, the field's type as a function of Inner)."""
    inner_cls = make_dataclass("Inner", inner, frozen=True)
    outer = outer or [("x", lambda c: c), ("ys", lambda c: tuple[c, ...])]
    return make_dataclass("Outer", [(n, of(inner_cls)) for n, of in outer], frozen=True)


def test_the_layout_changes_with_the_dataclasses():
    base = [("a", str), ("b", int)]
    layouts = {
        "same": Codec(family(base)).layout,
        "again": Codec(family(base)).layout,
        "renamed": Codec(family([("a", str), ("c", int)])).layout,
        "retyped": Codec(family([("a", str), ("b", Decimal)])).layout,
        "retyped, plain": Codec(family([("a", str), ("b", str)])).layout,
        "reordered": Codec(family([("b", int), ("a", str)])).layout,
        "added": Codec(family([*base, ("d", str, field(default=""))])).layout,
        "optional": Codec(family(base, [("x", lambda c: c | None), ("ys", lambda c: tuple[c, ...])])).layout,
        "a list": Codec(family(base, [("x", lambda c: c), ("ys", lambda c: list[c])])).layout,
    }
    assert layouts["same"] == layouts["again"]
    assert len(set(layouts.values())) == len(layouts) - 1
    # a field not kept in the cache is no part of the layout
    skipped = [*base, ("notes", tuple[str, ...], field(default=(), metadata={"cache": False}))]
    assert Codec(family(skipped)).layout == layouts["same"]


def test_a_derived_codec_round_trips_a_model_made_here():
    c = Codec(family([("a", str), ("n", Decimal | None), ("hide", int, field(default=7, metadata={"cache": False})),
                      ("b", frozenset[str], field(default=frozenset()))]))
    outer = c.root
    inner = dataclasses.fields(outer)[0].type
    v = outer(inner("p", Decimal("1.5"), 3, frozenset({"q"})), (inner("r", None), inner("s", Decimal("0"), 9)))
    back = c.decode(c.encode(v))
    assert back == outer(inner("p", Decimal("1.5"), 7, frozenset({"q"})), (inner("r", None), inner("s", Decimal("0"))))
    assert "b=" in c.source  # a field after one not kept is passed by name


def test_what_the_codec_cannot_write_is_said_when_it_is_made():
    with pytest.raises(TypeError, match="no rule"):
        Codec(family([("a", set[Decimal])]))
    with pytest.raises(TypeError, match="no default"):
        Codec(family([("a", str, field(metadata={"cache": False}))]))
    with pytest.raises(TypeError, match="not a dataclass"):
        Codec(int)


def test_the_layout_is_the_same_in_another_process():
    # nothing in it depends on the process (the order of a set, an id, the hash seed)
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    p = subprocess.run([sys.executable, "-c", "from kg.corpus.codec import LAYOUT; print(LAYOUT)"],
                       capture_output=True, text=True, env=env, cwd=ROOT)
    assert p.stdout.strip() == LAYOUT and len(LAYOUT) == 12


# ---------------------------------------------------------------- the cache

def test_a_cache_of_another_layout_is_extracted_again(tmp_path, capsys):
    from kg.app.cli import main
    from kg.corpus.cache import THIS, Cache, rules
    from kg.io import manifest

    out = tmp_path / "out"
    build = ["build", str(SAMPLES), "-o", str(out), "--no-html", "-j", "1", "--formats", "nq"]
    assert main(build + ["-q"]) == 0
    first = (out / "graph.nq").read_bytes()
    path = out / manifest.NAME
    good = json.loads(path.read_text(encoding="utf-8"))
    assert {k: good[k] for k in THIS} == {"version": THIS["version"], "format": f"{LAYOUT}.{rules()}"}
    assert len(Cache(out).entries) == 3
    assert main(build + ["--update"]) == 0
    assert "3 unchanged article(s) taken from the cache, 0 extracted" in capsys.readouterr().out
    # another layout (a dataclass changed), other rules (extraction code or data changed), or a
    # manifest of before the layout was derived
    for head in ({"format": f"0123456789ab.{rules()}"}, {"format": f"{LAYOUT}.0123456789ab"},
                 {"format": 6, "python": "3.11"}):
        data = {**good, **head}
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        assert manifest.is_manifest(path.read_bytes())  # still an output folder, not articles to read
        assert Cache(out).entries == {}
        assert main(build + ["--update"]) == 0
        cap = capsys.readouterr()
        assert "0 unchanged article(s) taken from the cache, 3 extracted" in cap.out and cap.err == ""
        assert (out / "graph.nq").read_bytes() == first


def test_a_manifest_is_known_by_its_head():
    from kg.io import manifest

    assert manifest.head("1.2", "abc") == {"version": "1.2", "format": "abc"}
    assert manifest.is_manifest(json.dumps({**manifest.head("0.1.0", LAYOUT), "articles": {}}, indent=0).encode())
    assert manifest.is_manifest(b'\xef\xbb\xbf{\n"version": "0.0.9",\n"format": 5,\n"python": "3.11",\n"articles": {}}')
    assert not manifest.is_manifest(b'{"name": "app", "version": "1"}')
    assert not manifest.is_manifest(b'{"format": "x", "version": "1"}')


# ---------------------------------------------------------------- the engines

def test_the_engines_are_one_registry_and_extract_all_closes_the_one_it_runs(monkeypatch):
    from kg.corpus import pipeline
    from kg.corpus.distributed import extract_dask

    assert list(pipeline.ENGINES) == ["local", "dask"] and pipeline.ENGINES["dask"].run is extract_dask
    assert all(e.help and "\n" not in e.help for e in pipeline.ENGINES.values())
    arts = [article(t, f"{i}.txt") for i, t in enumerate(["青禾县新材料园开工。", "青禾县召开会议。", "白石镇。"])]
    serial = pipeline.extract_all(arts, jobs=1)
    assert [unpack(r) for r in pipeline.extract_all(arts, jobs=2)] == [unpack(r) for r in serial]
    with pytest.raises(ValueError, match="one of local, dask"):
        pipeline.extract_all(arts, engine="spark")

    ended = []

    def fake(batches, jobs, scheduler, store):
        try:
            for b in batches:
                yield [PackedResult(a.id, a.path, "", 0, "", "", (), b"") for a in b]
        finally:
            ended.append((jobs, scheduler, store))

    monkeypatch.setitem(pipeline.ENGINES, "fake", pipeline.Engine(fake, "for the test"))
    monkeypatch.setattr(pipeline, "BATCH", 1)
    assert [r.path for r in pipeline.extract_all(arts, 3, engine="fake", scheduler="s", store="d")] == ["0.txt", "1.txt", "2.txt"]
    assert ended == [(3, "s", "d")]

    def stop(n):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):  # the build stopped: the engine is closed at once
        pipeline.extract_all(arts, 3, progress=stop, engine="fake")
    assert len(ended) == 2


def test_distributed_and_pipeline_share_the_batch_not_each_other():
    import ast

    for name in ("distributed", "batch"):
        tree = ast.parse((ROOT / "kg" / "corpus" / f"{name}.py").read_text(encoding="utf-8"))
        mods = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        assert "kg.corpus.pipeline" not in mods, name
    assert codec.pack.__module__ == "kg.corpus.codec"


def test_the_rules_hash_follows_the_extraction_code_and_data(tmp_path, monkeypatch):
    # a copy of the package whose lexicon gains a word: another hash, so its cache is not reused
    import shutil

    from kg.corpus import cache

    src = Path(cache.__file__).resolve().parents[1]
    copy = tmp_path / "kg"
    shutil.copytree(src, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "__file__", str(copy / "corpus" / "cache.py"))
    same = cache.rules()
    assert same == cache.rules() and len(same) == 12
    with open(copy / "data" / "generic_words.txt", "a", encoding="utf-8") as f:
        f.write("示例词\n")
    assert cache.rules() != same
    changed = cache.rules()
    (copy / "app" / "cli.py").write_text("")
    (copy / "rdf" / "graph.py").write_text("")
    assert cache.rules() == changed  # the command line and the graph are not among the rules
    (copy / "extract" / "resolve.py").write_text("")
    assert cache.rules() != changed
