from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "corpus" / "seeds").is_dir() or not (SHARED / "eval" / "score.py").is_file():
        pytest.skip(f"needs the shared corpus and scorer at {SHARED} (absent on this checkout)")
    return SHARED


def article(text: str, path: str = "t.txt"):
    """An Article from a string, as read.py would make it."""
    from kg.model import Article
    from kg.read import article_id

    return Article(id=article_id(text.encode("utf-8")), path=path, text=text, encoding="utf-8")


def extract_text(text: str):
    from kg.extract import extract

    return extract(article(text))


def names(result, typ: str) -> set[str]:
    return {e.name for e in result.entities if e.type == typ}


def rels(result, rel: str) -> set[tuple[str, str]]:
    by_key = {e.key: e.name for e in result.entities}
    return {(by_key[r.head], by_key[r.tail]) for r in result.relations if r.rel == rel}
