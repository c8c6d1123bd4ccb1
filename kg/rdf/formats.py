"""The RDF file formats kg reads and writes, in one table: what --formats calls each, its file
suffix, its names in rdflib and in pyoxigraph, whether it keeps the named graphs (the article
and sentence each fact was read from), and whether kg build exports it. Every suffix lookup,
loader and export is derived from here."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Format:
    name: str  # as --formats names it: ttl, trig, nq
    suffix: str  # .ttl
    rdflib: str  # rdflib's parser / serializer name
    oxigraph: str  # the pyoxigraph.RdfFormat member (a name: pyoxigraph is imported when used)
    named_graphs: bool  # holds the named graphs; else the default graph only
    exported: bool  # kg build can write it (--formats)
    prefixed: bool  # written with the prefixes of kg.rdf.vocab (the line formats have none)

    @property
    def file(self) -> str:
        """What kg build calls the export: graph.ttl."""
        return "graph" + self.suffix

    @property
    def ox(self):
        """The pyoxigraph.RdfFormat."""
        import pyoxigraph

        return getattr(pyoxigraph.RdfFormat, self.oxigraph)


FORMATS = (
    Format("ttl", ".ttl", "turtle", "TURTLE", named_graphs=False, exported=True, prefixed=True),
    Format("trig", ".trig", "trig", "TRIG", named_graphs=True, exported=True, prefixed=True),
    Format("nq", ".nq", "nquads", "N_QUADS", named_graphs=True, exported=True, prefixed=False),
    Format("nt", ".nt", "nt", "N_TRIPLES", named_graphs=False, exported=False, prefixed=False),
    Format("jsonld", ".jsonld", "json-ld", "JSON_LD", named_graphs=False, exported=False, prefixed=False),
)
BY_NAME = {f.name: f for f in FORMATS}
SUFFIXES = tuple(f.suffix for f in FORMATS)  # what a graph file's name ends with
EXPORTED = tuple(f.name for f in FORMATS if f.exported)  # what --formats accepts
DEFAULT_EXPORTS = ("ttl", "trig")  # what a build exports unless told: N-Quads holds what TriG holds, in 3.6 times the bytes


def of_path(path: Path | str) -> Format | None:
    """The format a file's suffix names (any case), or None."""
    suffix = Path(path).suffix.lower()
    return next((f for f in FORMATS if f.suffix == suffix), None)


def is_store(path: Path) -> bool:
    """Whether path is an Oxigraph store folder (RocksDB's CURRENT file is there)."""
    return (path / "CURRENT").exists()


def keeps_named_graphs(path: Path) -> bool:
    """Whether the graph at path has its named graphs (the article and sentence each fact was
    read from): a store, TriG, N-Quads; not graph.ttl, which holds the default graph only."""
    f = of_path(path)
    return path.is_dir() or (f is not None and f.named_graphs)
