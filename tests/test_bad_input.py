"""Bad input and hostile text: every bad file gets its one-line report, the rest is built, and no
name breaks the Turtle, the IRIs or the page."""
from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import zipfile

import pytest
from conftest import ROOT
from rdflib import Graph

GOOD = "浙江省湖州市经济和信息化局局长王明表示,湖州南太湖新区将加快项目建设。"
TEXT = "湖州市经济和信息化局局长{name}表示,全市工业增长。"


def kg(*args, **kw):
    return subprocess.run([sys.executable, "-m", "kg.app.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, **kw)


def reports(stderr: str) -> dict[str, str]:
    """file name -> its report line."""
    out = {}
    for line in stderr.splitlines():
        m = re.match(r"kg: (skipped|failed|note) (.+?)(?::\d+)?: (.*)", line)
        if m:
            out[os.path.basename(m.group(2))] = f"{m.group(1)}: {m.group(3)}"
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("bad")
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_bytes(" \r\n\t \n\u3000".encode("utf-8"))
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    (d / "photo.png").write_bytes(png)  # not an article type
    (d / "photo.txt").write_bytes(png)  # an image under an article's name
    z = io.BytesIO()
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("a.txt", GOOD * 20)
    (d / "archive.txt").write_bytes(z.getvalue())
    (d / "nul.txt").write_bytes(TEXT.format(name="钱海涛").encode() + b"\x00")
    filler = "全市工业经济运行稳中向好,规模以上工业增加值同比增长。" * 3
    (d / "broken_utf8.txt").write_bytes((TEXT.format(name="赵刚") + filler).encode() + b"\xff\xfe\x80")
    # mixed encodings in one folder
    (d / "gbk.txt").write_bytes(TEXT.format(name="孙伟").encode("gb18030"))
    (d / "big5.txt").write_bytes("寧德市工業和信息化局局長陳建國表示,全市工業增長。".encode("big5"))
    (d / "utf16.txt").write_bytes(TEXT.format(name="周平").encode("utf-16"))
    # a 50 MB single line, as a text file and inside a JSONL file between two good records
    line = b"x" * (50 * 2**20)
    (d / "huge.txt").write_bytes(line)
    rec = '{"title": "湖州动态", "text": "%s"}\n'
    (d / "feed.jsonl").write_bytes((rec % TEXT.format(name="吴敏")).encode() + b'{"text": "' + line + b'"}\n'
                                   + (rec % TEXT.format(name="郑华")).encode())
    deep = "<html><body>" + "<div>" * 50_000 + f"<p>{GOOD}</p>" + "</div>" * 50_000 + "</body></html>"
    (d / "deep.html").write_text(deep, encoding="utf-8")
    (d / "loop").mkdir()
    os.symlink("..", d / "loop" / "up")  # a folder that contains itself
    os.symlink("self.txt", d / "self.txt")  # a link to itself
    return d


@pytest.fixture(scope="module")
def built(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    p = kg("build", corpus, "-o", out, "--strict")
    return p, out


def test_each_bad_file_has_its_one_line_report(built):
    p, _ = built
    r = reports(p.stderr)
    assert r["empty.txt"] == "skipped: empty file"
    assert r["blank.txt"] == "skipped: only whitespace"
    assert r["photo.png"].startswith("skipped: not an article file (.png")
    assert r["photo.txt"].startswith("failed: binary file")
    assert r["archive.txt"].startswith("failed: binary file")
    assert r["nul.txt"] == "note: 1 NUL byte(s) dropped"
    assert r["broken_utf8.txt"] == "note: 3 invalid UTF-8 sequence(s) replaced by U+FFFD"
    assert r["huge.txt"] == "skipped: 50.0 MB, above the limit of 20 MB (--max-size); not read"
    assert r["feed.jsonl"].startswith("skipped: line of 50.0 MB, above the limit")
    assert r["deep.html"].startswith("failed: web page without article text")
    assert r["up"] == "skipped: symbolic link to a folder already read; not followed"
    assert r["self.txt"] == "skipped: symbolic link loop; not followed"
    for line in p.stderr.splitlines():
        assert len(line) < 300  # one line each, short enough to read


def test_the_rest_is_built_and_strict_says_so(built):
    p, out = built
    assert p.returncode == 3 and "--strict: 10 input(s) could not be read" in p.stderr
    assert "Read 8 article(s)" in p.stdout and "7 file(s) read, 7 input(s) skipped, 3 failed" in p.stdout
    ttl = (out / "graph.ttl").read_text(encoding="utf-8")
    # every readable file, whatever its encoding or damage, gave its official
    for name in ("王明", "钱海涛", "赵刚", "孙伟", "陈建国", "周平", "吴敏", "郑华"):
        assert f'"{name}"@zh' in ttl, name
    assert Graph().parse(data=ttl, format="turtle")


def test_without_strict_the_exit_is_zero(corpus, tmp_path):
    p = kg("build", corpus / "good.txt", corpus / "empty.txt", "-o", tmp_path, "--no-html")
    assert p.returncode == 0 and "skipped" in p.stderr


HOSTILE_TITLE = '"><script>alert(1)</script>\\ {x} \u202e\u0007 🏭 ' + "长" * 3000


def test_hostile_file_name_title_and_url_give_valid_turtle_and_escaped_html(tmp_path):
    import json

    src = tmp_path / "in"
    src.mkdir()
    name = 'we"ird\\ <name>\n{1}\u202e.jsonl'
    url = 'http://x.cn/a b"><img src=x onerror=alert(2)>'
    rec = {"title": HOSTILE_TITLE, "text": GOOD, "url": url}
    (src / name).write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    p = kg("build", src, "-o", out, "--formats", "ttl,trig,nq")
    assert p.returncode == 0, p.stderr
    for f, fmt in (("graph.ttl", "turtle"), ("graph.nq", "nquads")):
        g = Graph().parse(out / f, format=fmt) if fmt == "turtle" else __import__("rdflib").Dataset().parse(out / f, format=fmt)
        values = {str(o) for o in g.objects(None, None)}
        assert HOSTILE_TITLE in values, f  # the title survives exactly, long as it is
        assert url in values and name + ":1" in values, f  # so do the URL and the file name
        for s, _, _ in g.triples((None, None, None)):
            assert not re.search(r'[\s<>"{}\\]', str(s)), s  # IRIs stay IRIs
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page and "<img src=x" not in page
