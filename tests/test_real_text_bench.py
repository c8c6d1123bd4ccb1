"""bench/real_text.py's corpus builder: copies reach the size, no two are byte-identical, a
complete folder is reused and one of another size is rebuilt. Nothing here is timed."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def make_corpus():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from real_text import make_corpus
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return make_corpus


@pytest.fixture
def src(tmp_path: Path) -> Path:
    d = tmp_path / "corpus"
    (d / "seeds").mkdir(parents=True)
    (d / "dev").mkdir()
    # the same name in two folders: both must be copied
    (d / "seeds" / "a.txt").write_text("某市新能源产业园项目开工。\n", encoding="utf-8")
    (d / "dev" / "a.txt").write_text("某县签约电池材料项目，总投资十亿元。\n", encoding="utf-8")
    return d


def test_copies_reach_the_size_and_differ(make_corpus, src: Path, tmp_path: Path) -> None:
    out = tmp_path / "real"
    files = make_corpus(src, out, 0.002)
    assert sum(f.stat().st_size for f in files) >= 2000
    data = [f.read_bytes() for f in files]
    assert len(set(data)) == len(data) > 2
    lines = [d.decode("utf-8").splitlines() for d in data]
    assert lines[0] == ["某县签约电池材料项目，总投资十亿元。", "（来源：第1份）"]  # dev/a.txt sorts first
    assert {ls[0] for ls in lines} == {"某市新能源产业园项目开工。", "某县签约电池材料项目，总投资十亿元。"}
    assert lines[-1][-1].startswith("（来源：第") and lines[-1][-1] != "（来源：第1份）"


def test_complete_folder_is_reused_and_other_size_rebuilt(make_corpus, src: Path, tmp_path: Path) -> None:
    out = tmp_path / "real"
    first = make_corpus(src, out, 0.002)
    stamp = first[0].stat().st_mtime_ns
    (src / "seeds" / "a.txt").write_text("改过的文章。\n", encoding="utf-8")
    assert make_corpus(src, out, 0.002) == first
    assert first[0].stat().st_mtime_ns == stamp  # not written again
    bigger = make_corpus(src, out, 0.004)
    assert sum(f.stat().st_size for f in bigger) >= 4000
    assert any("改过的文章。" in f.read_text(encoding="utf-8") for f in bigger)
