"""Test inputs are sentences written for the tests, not excerpts of the evaluation articles.

The evaluation articles (the shared corpus's seeds/ and dev/) score the extractor; a test that
copies their sentences tunes the rules to them. Every test module, every file in tests/fixtures/,
tests/owngold*/ (our own evaluation sets) and every sample in samples/ is
scanned for a run of 12 characters or more, at least 8 of them CJK, that also stands in one of
those articles.

Not scanned: tests/test_seeds.py, which tests the real seed articles' outputs and so has to quote
them.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
PARTS = ("seeds", "dev")
K = 12  # window length
MIN_CJK = 8  # a shared run counts when it holds this many CJK characters
EXEMPT = {"test_seeds.py"}  # tests the real seed articles' outputs: it quotes them on purpose
CJK = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")

pytestmark = pytest.mark.skipif(
    not all((CORPUS / p).is_dir() for p in PARTS),
    reason=f"needs the evaluation articles in {CORPUS}/seeds and /dev (absent on this checkout)",
)


def _decode(data: bytes) -> str | None:
    """UTF-8, or one of the legacy encodings the samples are published in; None if neither."""
    for enc in ("utf-8", "gb18030", "big5"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return None


@pytest.fixture(scope="module")
def corpus() -> tuple[str, frozenset[str]]:
    """The articles' text, and every K-character window of it (one set, built once)."""
    text = "\n".join(
        p.read_text(encoding="utf-8", errors="ignore") for part in PARTS for p in sorted((CORPUS / part).glob("*.txt"))
    )
    assert len(text) > 10_000, f"the evaluation articles in {CORPUS} look empty"
    return text, frozenset(text[i : i + K] for i in range(len(text) - K + 1))


def shared_runs(text: str, windows: frozenset[str]) -> list[tuple[int, str]]:
    """(line, run) for each maximal run of text made of K-windows the corpus has, when the run
    holds at least MIN_CJK CJK characters."""
    out = []
    i, n = 0, len(text)
    while i <= n - K:
        if text[i : i + K] not in windows:
            i += 1
            continue
        j = i + K  # extend while the next window is shared too
        while j < n and text[j - K + 1 : j + 1] in windows:
            j += 1
        run = text[i:j]
        if len(CJK.findall(run)) >= MIN_CJK:
            out.append((text.count("\n", 0, i) + 1, run))
        i = j
    return out


def scanned_files() -> list[Path]:
    files = [p for p in sorted(HERE.glob("*.py")) if p.name not in EXEMPT]
    for folder in (HERE / "fixtures", *sorted(HERE.glob("owngold*")), ROOT / "samples"):
        if folder.is_dir():
            files += sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return files


def test_the_scanner_finds_a_run_taken_from_an_article(corpus):
    text, windows = corpus
    # a line of an article with a long CJK stretch, set inside sentences of our own
    line = max(text.splitlines(), key=lambda s: len(CJK.findall(s)))
    cjk_run = max(re.findall(r"[\u4e00-\u9fff\u3400-\u4dbf,、,。]{20,}", line), key=len)
    piece = cjk_run[:16]
    planted = f"第一行是我们自己写的。\n前面的话{piece}后面的话\n"
    found = shared_runs(planted, windows)
    assert found and found[0][0] == 2 and piece in found[0][1], found
    # and sentences written for the tests are not flagged
    assert shared_runs("青松大健康产业园、云岭风味食品产业园与瑞康生物三期同步推进。", windows) == []


def test_test_inputs_are_not_excerpts_of_the_evaluation_articles(corpus):
    _, windows = corpus
    hits = []
    for path in scanned_files():
        text = _decode(path.read_bytes())
        if text is None:
            continue  # neither UTF-8 nor a legacy Chinese encoding: no text to compare
        for line, run in shared_runs(text, windows):
            hits.append(f"{path.relative_to(ROOT).as_posix()}:{line}: {run}")
    assert not hits, (
        "these runs are copied from the evaluation articles (seeds/, dev/); write a sentence of "
        "your own that exercises the same behaviour:\n" + "\n".join(hits)
    )
