"""Odd corpora: an output folder inside (or equal to) the input, one URL for two texts,
impossible dates, paths longer than PATH_MAX, file names that are not UTF-8, folders thousands
of levels deep, UTF-16 JSON Lines and a JSON array saved as .jsonl. Every input here is written
by the test itself."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, Namespace
from rdflib.namespace import RDF, XSD

from kg.io.read import ReadError, ReadOptions, article_id, read_all, read_file

CY = Namespace("https://w3id.org/chanye/ontology#")
DC = Namespace("http://purl.org/dc/terms/")

A = "某县经济和信息化局局长李华表示,全县将加快园区项目建设,推动工业经济稳步增长。"
B = "某市发展和改革委员会主任王伟说,新区重点项目本月全部开工。"
C = "某区工业和信息化局局长赵明指出,产业园今年新签约企业十二家。"
D = "某镇镇长孙丽介绍,镇里的食品加工项目已经完成投资三亿元。"
E = "某州商务局局长周强表示,开发区外贸企业出口增长明显。"


def kg(*args, cwd: Path):
    """The kg command, run where the test says (never in the repository: nothing of a build
    lands there), from the same kg package as the test imports."""
    import kg as package

    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(Path(package.__file__).resolve().parent.parent), os.environ.get("PYTHONPATH", "")]))
    return subprocess.run([sys.executable, "-m", "kg.app.cli", *map(os.fsdecode, args)], capture_output=True,
                          text=True, errors="backslashreplace", cwd=cwd, env=env)


def read_count(stdout: str) -> int:
    m = re.search(r"Read (\d+) article\(s\)", stdout)
    assert m, stdout
    return int(m.group(1))


def report_lines(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if re.match(r"kg: (skipped|failed) ", ln)]


def split(items):
    items = list(items)
    arts = [i for i in items if not isinstance(i, ReadError)]
    errs = [i for i in items if isinstance(i, ReadError)]
    return arts, errs


def corpus(d: Path) -> Path:
    d.mkdir(parents=True, exist_ok=True)
    (d / "a.txt").write_text(A, encoding="utf-8")
    (d / "b.txt").write_text(B, encoding="utf-8")
    sub = d / "sub"
    sub.mkdir(exist_ok=True)
    (sub / "c.txt").write_text(C, encoding="utf-8")
    recs = [{"title": "某州动态", "text": D}, {"title": "某州外贸", "text": E}]
    (d / "feed.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    return d


# ---------------------------------------------------------------- 1. output folders are not input

def test_building_into_the_input_folder_twice_reads_only_the_articles(tmp_path):
    src = corpus(tmp_path / "in")
    first = kg("build", src, "-o", src, "-j", "1", "--strict", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert read_count(first.stdout) == 5
    again = kg("build", src, "-o", src, "-j", "1", "--strict", cwd=tmp_path)
    # before: graph.html and the store's LOG, OPTIONS-*, CURRENT, IDENTITY were read as articles (10)
    assert read_count(again.stdout) == 5
    assert again.returncode == 0, again.stderr
    assert "0 input(s) skipped, 0 failed" in again.stdout
    assert report_lines(again.stderr) == []
    assert (src / "graph.html").exists() and (src / "manifest.json").exists()


def test_another_output_folder_inside_the_input_is_passed_over_once(tmp_path):
    src = corpus(tmp_path / "corpus")
    old = kg("build", src, "-o", src / "old_build", "-j", "1", cwd=tmp_path)  # its own output: not read
    assert old.returncode == 0, old.stderr
    assert read_count(old.stdout) == 5
    p = kg("build", src, "-o", tmp_path / "out", "-j", "1", "--no-html", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert read_count(p.stdout) == 5  # the other build's page and store were read too before
    lines = report_lines(p.stderr)
    assert lines == [f"kg: skipped {src / 'old_build'}: a Chanye KG output folder: its graph files, page, "
                     "store and cache are not read as articles"]


def _fake_output(d: Path) -> None:
    """An output folder as kg build leaves it (manifest, page, graph files, a store)."""
    d.mkdir(parents=True)
    (d / "manifest.json").write_text('{\n"version": "0.0.9",\n"format": 5,\n"python": "3.11",\n"articles": {}}',
                                     encoding="utf-8")
    (d / "graph.html").write_text(f"<html><body><p>{A}</p></body></html>", encoding="utf-8")
    (d / "graph.ttl").write_text("", encoding="utf-8")
    store = d / "store.20240101T000000-1-0"
    store.mkdir()
    for name in ("CURRENT", "IDENTITY", "LOG", "OPTIONS-000007"):
        (store / name).write_text(B, encoding="utf-8")  # text, as these files are
    os.symlink(store.name, d / "store")
    (d / "cache").mkdir()
    (d / "cache" / "x.bin").write_bytes(b"\x00")


def test_output_folders_are_recognised_by_manifest_or_store(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(A, encoding="utf-8")
    _fake_output(src / "out1")
    (src / "out1" / "mine.txt").write_text(C, encoding="utf-8")  # a user's file beside the outputs: an article
    _fake_output(tmp_path / "tmpl")
    os.rename(tmp_path / "tmpl" / "store.20240101T000000-1-0", src / "a_store_alone")  # a store folder on its own
    arts, errs = split(read_all([src]))
    assert sorted(a.text for a in arts) == sorted([A, C])
    assert sorted((e.path.rsplit("/", 1)[-1], e.kind) for e in errs) == [("a_store_alone", "skipped"), ("out1", "skipped")]
    # the build's own output folder, given as the input (kg build in -o in): silently without its outputs
    arts, errs = split(read_all([src / "out1"], ReadOptions(exclude=(os.path.realpath(src / "out1"),))))
    assert [a.text for a in arts] == [C] and errs == []
    # given by name (kg build in/* -o elsewhere): each output is reported, not read
    arts, errs = split(read_all([src / "out1" / "graph.html", src / "out1" / "store"]))
    assert arts == [] and [e.reason for e in errs] == ["an output of a Chanye KG build, not an article; not read"] * 2
    # a folder that only looks like one is read as any other
    (src / "plain").mkdir()
    (src / "plain" / "manifest.json").write_text('{"name": "app", "version": "1"}', encoding="utf-8")
    (src / "plain" / "graph.html").write_text(f"<html><body><article><p>{D}</p><p>{E}</p></article></body></html>",
                                              encoding="utf-8")
    arts, errs = split(read_all([src / "plain"]))
    assert len(arts) == 1 and D in arts[0].text
    assert [(e.path.rsplit("/", 1)[-1], e.reason[:20]) for e in errs] == [("manifest.json", "not an article file ")]


# ---------------------------------------------------------------- 2. one URL, two texts

def test_same_url_other_text_is_another_article_same_text_the_same(tmp_path):
    url = "https://news.example.cn/2024/0301.html"
    recs = [{"url": url, "text": A}, {"url": url, "text": B}, {"url": url, "text": A},
            {"url": "https://news.example.cn/other.html", "text": C}]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "feed.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs),
                                                encoding="utf-8")
    arts, errs = split(read_all([tmp_path / "in"]))
    assert errs == [] and len(arts) == 4
    first, other, same, unique = arts
    assert first.id == same.id != other.id  # the same article read twice stays one
    assert first.id == article_id(url.encode()) and unique.id == article_id(b"https://news.example.cn/other.html")
    assert any("same URL with other text" in n for n in other.notes)
    assert [a.id for a in split(read_all([tmp_path / "in"]))[0]] == [a.id for a in arts]  # stable on a rebuild
    # HTML pages of one canonical link
    page = ('<html><head><title>{t}</title><link rel="canonical" href="{u}"></head><body><article>'
            "<h1>{t}</h1><p>{p}</p></article></body></html>")
    html = tmp_path / "html"
    html.mkdir()
    (html / "1.html").write_text(page.format(t="园区建设", u=url, p=A), encoding="utf-8")
    (html / "2.html").write_text(page.format(t="项目开工", u=url, p=B), encoding="utf-8")
    (html / "3.html").write_text(page.format(t="园区建设", u=url, p=A) + "\n<!-- saved again -->", encoding="utf-8")
    pages, _ = split(read_all([html]))
    assert [a.get("url") for a in pages] == [url] * 3
    assert pages[0].id == pages[2].id != pages[1].id
    # end to end: two articles in the graph, each with its own sentences
    p = kg("build", tmp_path / "in", "-o", tmp_path / "out", "-j", "1", "--no-html", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    ds = Dataset()
    ds.parse(tmp_path / "out" / "graph.trig", format="trig")
    articles = set(ds.subjects(RDF.type, CY.Article))
    assert len(articles) == 3, articles


# ---------------------------------------------------------------- 3. impossible dates

def test_impossible_dates_are_dropped_with_a_note():
    from kg.io.metadata import article_date, calendar_date, first_date, impossible_date, read_meta

    assert calendar_date(2024, 2, 29) == "2024-02-29" and calendar_date(2023, 2, 29) == ""
    assert calendar_date(2022, 2, 31) == "" and calendar_date(2021, 13, 1) == ""
    assert first_date("2022年2月31日 10:00 来源:某网") == ("", "", "2022年2月31日 10:00")
    assert article_date("2022年2月31日 来源:某网\n" + A) == ("", "")
    assert article_date("2021-13-01\n" + A) == ("", "")
    assert impossible_date("2021-13-01") == "2021-13-01" and impossible_date("2021-12-01") == ""
    m = read_meta("2022年2月31日 来源:某网\n" + A)
    assert m.date == "" and m.datetime == ""
    assert m.notes == ("date '2022年2月31日' in the article's header is not a day of the calendar; the article has no date",)
    m = read_meta("2022年3月1日\n" + A, {"date": "2021-13-01"})  # the record's date is impossible: the text's
    assert m.date == "2022-03-01" and "'2021-13-01' (given with the article)" in m.notes[0]
    assert read_meta("2022年3月1日\n" + A).notes == ()


def test_impossible_dates_of_records_and_pages_are_left_out_at_reading(tmp_path, monkeypatch):
    p = tmp_path / "feed.jsonl"
    p.write_text(json.dumps({"text": A, "date": "2021-13-01"}) + "\n"
                 + json.dumps({"text": B, "published": "2022-02-31 08:00"}) + "\n"
                 + json.dumps({"text": C, "date": "2024-02-29"}) + "\n", encoding="utf-8")
    bad1, bad2, good = read_all([p])
    assert bad1.get("date") == "" and bad1.notes == ("date '2021-13-01' (the record's date field) is not a day of the calendar; left out",)
    assert bad2.get("date") == "" and "'2022-02-31 08:00'" in bad2.notes[0]
    assert good.get("date") == "2024-02-29" and good.notes == ()
    # a page's metadata: trafilatura mends some dates itself; what it hands over is checked the same way
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction",
                        lambda *a, **k: {"text": A, "title": "园区建设", "date": "2022-02-31"})
    page = tmp_path / "p.html"
    page.write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    a = read_file(page)
    assert a.get("date") == "" and a.get("title") == "园区建设"
    assert a.notes == ("date '2022-02-31' (in the page's metadata) is not a day of the calendar; left out",)


def test_impossible_dates_give_no_invalid_literal(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("2022年2月31日 来源:某县融媒体中心\n" + A, encoding="utf-8")
    (src / "b.jsonl").write_text(json.dumps({"text": B, "date": "2021-13-01"}, ensure_ascii=False) + "\n", encoding="utf-8")
    (src / "c.txt").write_text("2022年3月1日 来源:某市日报\n" + C, encoding="utf-8")
    p = kg("build", src, "-o", tmp_path / "out", "-j", "1", "--no-html", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert "kg: note " + str(src / "b.jsonl") + ":1: date '2021-13-01' (the record's date field)" in p.stderr
    g = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    dates = [o for o in g.objects(None, None) if isinstance(o, Literal) and o.datatype == XSD.date]
    assert dates and all(not o.ill_typed for o in dates), dates  # before: "2022-02-31"^^xsd:date
    assert {str(o) for o in g.objects(None, DC.date)} == {"2022-03-01"}


# ---------------------------------------------------------------- deep trees (4, 6)

def _chain(root: Path, names: list[str], files: dict[int, tuple[str, str]]) -> None:
    """Folders root/names[0]/names[1]/..., made through folder descriptors (the paths may be
    longer than the system takes); files[i] = (name, text) is written in the i-th folder."""
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for i, n in enumerate(names, 1):
            os.mkdir(n, dir_fd=fd)
            nxt = os.open(n, os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
            os.close(fd)
            fd = nxt
            if i in files:
                name, text = files[i]
                f = os.open(name, os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
                os.write(f, text.encode("utf-8"))
                os.close(f)
    finally:
        os.close(fd)


def _unchain(root: Path, names: list[str]) -> None:
    """Removes what _chain made, deepest first, without recursion (shutil.rmtree recurses) and
    with one folder open at a time."""
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    depth = 0
    for n in names:  # down to the deepest folder there is
        try:
            nxt = os.open(n, os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
        except FileNotFoundError:
            break
        os.close(fd)
        fd, depth = nxt, depth + 1
    while depth:
        for entry in os.listdir(fd):  # only files are left in the deepest folder
            os.unlink(entry, dir_fd=fd)
        up = os.open("..", os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
        os.close(fd)
        fd, depth = up, depth - 1
        os.rmdir(names[depth], dir_fd=fd)
    os.close(fd)


def test_paths_longer_than_path_max_are_reported_not_passed_over(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(A, encoding="utf-8")
    names = [f"{i:02d}" + "层" * 60 for i in range(30)]  # 182 bytes a level: PATH_MAX is passed at about 22
    _chain(src, names, {24: ("b.txt", B), 29: ("c.txt", C)})
    try:
        arts, errs = split(read_all([src]))
        assert [a.text for a in arts] == [A]
        assert len(errs) == 1 and errs[0].kind == "failed"
        assert "longer than the system allows" in errs[0].reason and "below" in errs[0].reason
        assert len(str(errs[0])) < 500  # a report line, not 4 KB of path
        p = kg("build", src, "-o", tmp_path / "out", "-j", "1", "--no-html", "--strict", cwd=tmp_path)
        assert p.returncode == 3, (p.stdout, p.stderr)  # before: 0, with 1 of 3 articles read
        assert read_count(p.stdout) == 1 and len(report_lines(p.stderr)) == 1
    finally:
        _unchain(src, names)


def test_a_folder_5000_levels_deep_is_walked_without_recursion(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(A, encoding="utf-8")
    names = ["d"] * 5000
    _chain(src, names, {3: ("b.txt", B), 4999: ("c.txt", C)})
    try:
        arts, errs = split(read_all([src]))  # before: RecursionError in os.walk, nothing read
        assert sorted(a.text for a in arts) == sorted([A, B])
        assert len(errs) == 1 and "longer than the system allows" in errs[0].reason  # once, for the first folder too deep
        p = kg("build", src, "-o", tmp_path / "out", "-j", "1", "--no-html", cwd=tmp_path)
        assert p.returncode == 0, p.stderr
        assert read_count(p.stdout) == 2 and len(report_lines(p.stderr)) == 1
    finally:
        _unchain(src, names)


# ---------------------------------------------------------------- 5. file names that are not UTF-8

def test_a_file_name_that_is_not_utf8_is_read_and_built_end_to_end(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    raw_name = b"gbk\xba\xfe.txt"  # a GBK name: not UTF-8
    with open(os.path.join(os.fsencode(src), raw_name), "wb") as f:
        f.write(A.encode("utf-8"))
    (src / "b.txt").write_text(B, encoding="utf-8")
    arts, errs = split(read_all([src]))
    assert errs == []
    shown = str(src) + "/gbk\\xba\\xfe.txt"
    assert [a.path for a in arts] == [str(src / "b.txt"), shown]
    arts[1].path.encode("utf-8")  # printable and encodable: no lone surrogates
    from kg.io.read import label

    assert label(os.path.join(os.fsencode(src), raw_name)) == shown
    out = tmp_path / "out"
    p = kg("build", src, "-o", out, "-j", "1", cwd=tmp_path)
    assert p.returncode == 0, p.stderr  # before: UnicodeEncodeError in write_html
    assert read_count(p.stdout) == 2
    assert json.dumps("gbk\\xba\\xfe.txt") in (out / "graph.html").read_text(encoding="utf-8")  # in the page's data
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert shown in manifest["articles"]
    g = Graph().parse(out / "graph.ttl", format="turtle")
    assert Literal("gbk\\xba\\xfe.txt") in set(g.objects(None, CY.sourceFile))
    assert not [f for f in os.listdir(out) if f.endswith(".tmp")]
    again = kg("build", src, "-o", out, "-j", "1", "--update", "--no-html", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "2 unchanged article(s) taken from the cache, 0 extracted" in again.stdout


# ---------------------------------------------------------------- 7. UTF-16 JSONL, a JSON array as .jsonl

@pytest.mark.parametrize("enc", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_json_lines_are_read(tmp_path, enc):
    recs = [{"title": "某县动态", "text": A, "date": "2024-03-01"}, {"text": B}]
    body = "".join(json.dumps(r, ensure_ascii=False) + "\r\n" for r in recs) + "\n"
    p = tmp_path / "feed.jsonl"
    p.write_bytes(body.encode(enc))  # "utf-16" writes a byte order mark; the other two do not
    arts, errs = split(read_all([p]))
    assert errs == []  # before: "binary file" for every line
    assert [a.text for a in arts] == ["某县动态\n" + A, B]
    assert [a.path.rsplit(":", 1)[1] for a in arts] == ["1", "2"]
    assert arts[0].get("date") == "2024-03-01" and arts[0].encoding == enc


def test_a_json_array_saved_as_jsonl_is_read_as_an_array(tmp_path):
    recs = [{"title": "某县动态", "text": A}, {"text": B}, {"summary": "没有正文"}, {"text": C}]
    p = tmp_path / "export.jsonl"
    p.write_text(json.dumps(recs, ensure_ascii=False, indent=2), encoding="utf-8")
    items = list(read_all([p]))
    arts, errs = split(items)
    assert [a.text for a in arts] == ["某县动态\n" + A, B, C]  # before: one "invalid JSON" per line
    assert [a.path.rsplit(":", 1)[1] for a in arts] == ["1", "2", "4"]
    assert "one JSON array, not JSON Lines" in arts[0].notes[0] and arts[1].notes == ()
    assert [(e.path.rsplit(":", 1)[1], e.kind) for e in errs] == [("3", "skipped")]
    # in UTF-16, and a record bigger than the buffer the array is read into
    big = [{"text": A * 30_000}, {"text": D}]
    q = tmp_path / "big.jsonl"
    q.write_bytes(("\n" + json.dumps(big, ensure_ascii=False, indent=1) + "\n").encode("utf-16"))
    assert [len(a.text) for a in read_all([q])] == [len(A) * 30_000, len(D)]
    # an array cut short: one report, with what came before it read
    r = tmp_path / "cut.jsonl"
    r.write_text(json.dumps(recs[:2], ensure_ascii=False, indent=2)[:-40], encoding="utf-8")
    arts, errs = split(read_all([r]))
    assert [a.text for a in arts] == ["某县动态\n" + A] and len(errs) == 1 and "invalid JSON" in errs[0].reason
    # JSON Lines of arrays: the first line's records, then one report for the rest; a trailing comma is taken
    s = tmp_path / "arrays.jsonl"
    s.write_text(json.dumps([{"text": A}, {"text": B}], ensure_ascii=False) + "\n"
                 + json.dumps([{"text": C}], ensure_ascii=False) + "\n", encoding="utf-8")
    arts, errs = split(read_all([s]))
    assert [a.text for a in arts] == [A, B] and [e.path.rsplit(":", 1)[1] for e in errs] == ["3"]
    assert "more after the end of the JSON array" in errs[0].reason
    t = tmp_path / "comma.jsonl"
    t.write_text(f'[{{"text": "{A}"}},\n]\n', encoding="utf-8")
    assert [a.text for a in read_all([t])] == [A]
    (tmp_path / "blank.jsonl").write_text("\n \n", encoding="utf-8")
    (err,) = read_all([tmp_path / "blank.jsonl"])
    assert err.reason == "only whitespace" and err.kind == "skipped"
