"""read.py: encodings, bad files, folders."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.io.read import ReadError, decode, expand, read_all, read_file

TEXT = "峄城区委书记张熙滨表示,工业强区。寧德網消息"


@pytest.mark.parametrize("enc", ["utf-8", "utf-8-sig", "utf-16", "gb18030", "big5"])
def test_encodings_round_trip(tmp_path, enc):
    text = TEXT if enc != "big5" else "寧德網消息,市工信局黨組書記"  # Big5 holds traditional only
    if enc == "gb18030":
        text = "峄城区委书记张熙滨表示,工业强区"
    p = tmp_path / f"a_{enc}.txt"
    p.write_bytes(text.encode(enc))
    a = read_file(p)
    assert not isinstance(a, ReadError), a
    assert a.text == text


def test_gbk_file_reads_as_gb18030(tmp_path):
    p = tmp_path / "gbk.txt"
    p.write_bytes("来安县经济和信息化局局长周明远".encode("gbk"))
    a = read_file(p)
    assert a.text == "来安县经济和信息化局局长周明远"
    assert a.encoding == "gb18030"


def test_empty_and_whitespace_files_are_reported(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\t\r\n")
    for name, reason in (("empty.txt", "empty file"), ("blank.txt", "only whitespace")):
        r = read_file(tmp_path / name)
        assert isinstance(r, ReadError) and r.kind == "skipped"
        assert r.reason == reason
        assert name in str(r)


def test_binary_file_is_reported(tmp_path):
    p = tmp_path / "logo.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    r = read_file(p)
    assert isinstance(r, ReadError) and "binary" in r.reason


def test_undecodable_bytes_are_reported_not_half_read():
    # 0xFF starts no character in UTF-8, GB18030 or Big5
    with pytest.raises(ValueError, match="not decodable"):
        decode("工业".encode("utf-8") + b"\xff\xff")


def test_missing_path_and_folder_walk(tmp_path):
    d = tmp_path / "corpus" / "sub"
    d.mkdir(parents=True)
    (d / "b.txt").write_text("市长雷应敏", encoding="utf-8")
    (tmp_path / "corpus" / "a.txt").write_text("区委书记张熙滨", encoding="utf-8")
    (tmp_path / "corpus" / "notes.pdf").write_bytes(b"%PDF")  # not an article: reported, not read
    (tmp_path / "corpus" / ".DS_Store").write_bytes(b"\x00")  # hidden: passed over
    items = list(read_all([tmp_path / "corpus", tmp_path / "nope.txt"]))
    texts = sorted(i.text for i in items if not isinstance(i, ReadError))
    errors = sorted((i for i in items if isinstance(i, ReadError)), key=lambda e: e.path)
    assert texts == ["区委书记张熙滨", "市长雷应敏"]
    assert [(e.path.rsplit("/", 1)[-1], e.kind) for e in errors] == [("notes.pdf", "skipped"), ("nope.txt", "failed")]
    assert "not an article file (.pdf" in errors[0].reason and "no such file" in errors[1].reason
    assert [p.name for p in expand([tmp_path / "corpus"]) if isinstance(p, Path)] == ["a.txt", "b.txt"]


def test_same_content_same_id(tmp_path):
    (tmp_path / "x.txt").write_text("市长雷应敏", encoding="utf-8")
    (tmp_path / "y.txt").write_text("市长雷应敏", encoding="utf-8")
    assert read_file(tmp_path / "x.txt").id == read_file(tmp_path / "y.txt").id


def test_html_page_reduced_to_article_text_and_title():
    from conftest import FIXTURES

    a = read_file(FIXTURES / "changxing_page.html")
    assert not isinstance(a, ReadError), a
    assert a.text.startswith("长兴县召开重点项目推进会\n")
    assert "县长陈国强在会上表示" in a.text
    assert "不应出现" not in a.text and "color:red" not in a.text  # script and style dropped
    assert "版权所有" not in a.text  # footer dropped
    assert a.get("title") == "长兴县召开重点项目推进会"
    assert a.get("date") == "2022-11-02"


def test_jsonl_articles_with_metadata_and_bad_lines(tmp_path):
    from conftest import FIXTURES

    items = list(read_all([FIXTURES / "feed.jsonl"]))
    arts = [i for i in items if not isinstance(i, ReadError)]
    errs = [i for i in items if isinstance(i, ReadError)]
    assert [a.get("title") for a in arts] == ["来安县召开工业经济会议", "旌阳区推进重点项目"]
    first = arts[0]
    assert first.text.startswith("来安县召开工业经济会议\n县经信局局长周明远")
    assert first.get("url") == "https://example.cn/news/1" and first.get("author") == "孙晓雨"
    assert first.path.endswith("feed.jsonl:1")
    assert arts[1].get("date") == "2024-06-12" and arts[1].path.endswith("feed.jsonl:4")
    assert [e.path.rsplit(":", 1)[-1] for e in errs] == ["2", "3"]
    assert "invalid JSON" in errs[0].reason and "no text" in errs[1].reason
    # an article with a URL keeps its id when its text is corrected
    again = list(read_all([FIXTURES / "feed.jsonl"]))[0]
    assert again.id == first.id


def test_jsonl_fields_by_option(tmp_path):
    from kg.io.read import ReadOptions

    p = tmp_path / "x.jsonl"
    p.write_text('{"正文": "市长雷应敏表示", "标题": "访谈"}\n', encoding="utf-8")
    (a,) = read_all([p], ReadOptions(text_fields=("正文",), title_fields=("标题",)))
    assert a.text == "访谈\n市长雷应敏表示" and a.get("title") == "访谈"
