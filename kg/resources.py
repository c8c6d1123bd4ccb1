"""The files kg reads at run time, all package data, found in one way (importlib.resources), so
that they are there in a wheel install as in the source tree:

- kg/data: gazetteer, lexicons, grammars (read with words / table, cached: read once)
- kg.ontology: the ontology and the SHACL shapes (ontology/ at the top of the repository,
  installed as the subpackage kg.ontology; see pyproject.toml)
- kg/queries: the shipped SPARQL questions (*.rq)
- kg/web: the query page of kg serve
"""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable


def resource(package: str, name: str) -> Traversable:
    """A file shipped with kg: resource("ontology", "shapes.ttl"), resource("web", "query.html")."""
    return files(f"kg.{package}").joinpath(name)


def folder(package: str) -> Traversable:
    """A folder of shipped files: folder("queries")."""
    return files(f"kg.{package}")


def text(package: str, name: str) -> str:
    return resource(package, name).read_text(encoding="utf-8")


ONTOLOGY = resource("ontology", "chanye.ttl")
SHAPES = resource("ontology", "shapes.ttl")


def _lines(name: str) -> list[str]:
    return [ln.strip() for ln in text("data", name).splitlines() if ln.strip() and not ln.startswith("#")]


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
