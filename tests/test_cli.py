"""The commands a user runs: kg build, kg query; bad input; the HTML page."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from conftest import ROOT

from kg.app.cli import main

SAMPLES = ROOT / "samples"


def kg(*args):
    return subprocess.run([sys.executable, "-m", "kg.app.cli", *map(str, args)], capture_output=True, text=True, cwd=ROOT)


def test_build_samples_writes_turtle_html_and_summary(tmp_path):
    p = kg("build", SAMPLES, "-o", tmp_path)
    assert p.returncode == 0, p.stderr
    assert re.search(r"Read 3 article\(s\)", p.stdout)
    assert re.search(r"Entities: +Official \d+, Agency \d+, Region \d+", p.stdout)
    assert "Relations: " in p.stdout and " s." in p.stdout
    assert (tmp_path / "graph.ttl").stat().st_size > 1000
    assert (tmp_path / "graph.html").stat().st_size > 1000


def test_bad_inputs_are_named_and_the_rest_is_built(tmp_path):
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (bad / "good.txt").write_text("旗工信局局长赵永胜表示,乌拉特前旗工业园区加快建设。", encoding="utf-8")
    out = tmp_path / "out"
    p = kg("build", bad, tmp_path / "missing.txt", "-o", out)
    assert p.returncode == 0
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 3
    assert any("empty.txt" in ln and "empty file" in ln for ln in lines)
    assert any("image.txt" in ln and "binary" in ln for ln in lines)
    assert any("missing.txt" in ln and "no such file" in ln for ln in lines)
    assert "Read 1 article(s)" in p.stdout and "1 file(s) read, 1 input(s) skipped, 2 failed" in p.stdout
    assert "赵永胜" in (out / "graph.ttl").read_text(encoding="utf-8")


def test_nothing_readable_is_an_error(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    p = kg("build", tmp_path / "empty.txt", "-o", tmp_path / "out")
    assert p.returncode == 1
    assert "nothing written" in p.stderr
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_query_named_and_inline_in_three_formats(tmp_path, capsys):
    assert main(["build", str(SAMPLES), "-o", str(tmp_path), "-q", "--no-html"]) == 0
    ttl = str(tmp_path / "graph.ttl")
    assert main(["query", ttl, "officials"]) == 0
    table = capsys.readouterr().out
    assert "周明远" in table and "来安县经济和信息化局" in table and "来安县" in table
    assert main(["query", ttl, "officials", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"official": "陈国强", "post": "县长", "agency": "长兴县人民政府", "region": "长兴县"} in rows
    assert main(["query", ttl, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv"]) == 0
    n = capsys.readouterr().out.splitlines()
    assert n[0] == "n" and int(n[1]) > 100
    assert main(["query", "--list"]) == 0
    assert "officials" in capsys.readouterr().out


def test_query_errors_are_one_line(tmp_path, capsys):
    assert main(["query", str(tmp_path / "none.ttl"), "officials"]) == 2
    assert "none.ttl" in capsys.readouterr().err
    (tmp_path / "g.ttl").write_text("@prefix x: <http://x/> . x:a x:b x:c .", encoding="utf-8")
    assert main(["query", str(tmp_path / "g.ttl"), "SELEC nonsense"]) == 2
    assert capsys.readouterr().err.startswith("kg: query failed")


def test_html_works_offline(tmp_path):
    assert main(["build", str(SAMPLES), "-o", str(tmp_path), "-q"]) == 0
    page = (tmp_path / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"<(?:script|link)[^>]+(?:src|href)=\"(?:https?:)?//", page)  # nothing fetched
    assert "vis.Network" in page and 'id="kg-legend"' in page
    for label in ("Official", "Agency", "Region", "Industrial park", "Company", "Project"):
        assert label in page
    for name in ("周明远", "来安县经济和信息化局"):  # node data is JSON
        assert json.dumps(name)[1:-1] in page or name in page


def test_build_is_the_same_whatever_the_order_of_the_files(tmp_path):
    from conftest import FIXTURES

    files = sorted(FIXTURES.glob("*.txt"))
    opts = ["-q", "--no-html", "--formats", "ttl,nq"]
    assert main(["build", *map(str, files), "-o", str(tmp_path / "a"), *opts]) == 0
    assert main(["build", *map(str, reversed(files)), "-o", str(tmp_path / "b"), *opts]) == 0
    for name in ("graph.ttl", "graph.nq"):
        a = sorted((tmp_path / "a" / name).read_text(encoding="utf-8").splitlines())
        b = sorted((tmp_path / "b" / name).read_text(encoding="utf-8").splitlines())
        assert a == b, name


def test_unresolved_places_are_reported(tmp_path):
    from conftest import FIXTURES

    p = kg("build", FIXTURES / "ambiguous_district.txt", "-o", tmp_path)
    assert p.returncode == 0
    assert "Left unresolved" in p.stdout and "鼓楼区" in p.stdout
    assert '"鼓楼区"@zh' in (tmp_path / "graph.ttl").read_text(encoding="utf-8")


def test_formats_choose_the_exported_files(tmp_path, capsys):
    from conftest import FIXTURES

    src = str(FIXTURES / "city_bureau.txt")
    assert main(["build", src, "-o", str(tmp_path), "-q", "--no-html"]) == 0
    assert {p.name for p in tmp_path.glob("graph.*")} == {"graph.ttl", "graph.trig"}
    assert main(["build", src, "-o", str(tmp_path), "-q", "--no-html", "--formats", "nq"]) == 0
    # the files of the earlier build are gone rather than left stale beside the new one
    assert {p.name for p in tmp_path.glob("graph.*")} == {"graph.nq"}
    with pytest.raises(SystemExit):
        main(["build", src, "-o", str(tmp_path), "--formats", "ttl,xml"])
    assert "unknown format xml: choose from ttl, trig, nq" in capsys.readouterr().err
