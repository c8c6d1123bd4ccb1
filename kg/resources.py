"""Loading of the data files in kg/data (gazetteer, lexicons, grammars). Cached: read once."""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib.resources import files


def _lines(name: str) -> list[str]:
    text = files("kg.data").joinpath(name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _table(name: str) -> list[dict[str, str]]:
    rows = _lines(name)
    return list(csv.DictReader(rows, delimiter="\t"))


@lru_cache(maxsize=None)
def words(name: str) -> tuple[str, ...]:
    """A one-word-a-line list."""
    return tuple(_lines(name))


@lru_cache(maxsize=None)
def table(name: str) -> tuple[dict[str, str], ...]:
    """A tab-separated table with a header row."""
    return tuple(_table(name))
