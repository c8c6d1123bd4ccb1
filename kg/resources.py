"""The files kg reads at run time, all package data, found in one way (importlib.resources), so
that they are there in a wheel install as in the source tree:

- data: gazetteer, lexicons, grammars (kg/data; read with words / table, cached: read once)
- ontology: the ontology and the SHACL shapes (ontology/ at the top of the repository,
  installed as the subpackage kg.rdf.ontology; see pyproject.toml)
- queries: the shipped SPARQL questions (kg/rdf/queries/*.rq)
- web: the query page of kg serve (kg/app/web)
"""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable


# each kind of shipped file by the package that holds it: the one place that knows where they are
PACKAGES = {"data": "kg.data", "ontology": "kg.rdf.ontology", "queries": "kg.rdf.queries", "web": "kg.app.web"}


def resource(package: str, name: str) -> Traversable:
    """A file shipped with kg: resource("ontology", "shapes.ttl"), resource("web", "query.html")."""
    return files(PACKAGES[package]).joinpath(name)


def folder(package: str) -> Traversable:
    """A folder of shipped files: folder("queries")."""
    return files(PACKAGES[package])


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
def longest_first(name: str) -> tuple[str, ...]:
    """A one-word-a-line list, longest word first: the order a reader tries them in."""
    return tuple(sorted(words(name), key=len, reverse=True))


@lru_cache(maxsize=None)
def table(name: str) -> tuple[dict[str, str], ...]:
    """A tab-separated table with a header row."""
    return tuple(_table(name))
