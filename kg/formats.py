"""The file formats kg reads and writes, in one table: what --formats (and kg export --format)
calls each, its file suffix, its names in rdflib and in pyoxigraph, whether it keeps the named
graphs (the article and sentence each fact was read from), whether kg build exports it, and how.
Two kinds: RDF formats (read back as graphs: every suffix lookup and loader is derived from
those) and graph exports for network tools and tables (GraphML, GEXF, CSV: written only, by
kg.rdf.export). An export is either streamed (written from the batches the store is loaded with,
kg.rdf.store.Sink) or written from the loaded store once it is complete (kg.rdf.export)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Format:
    name: str  # as --formats names it: ttl, trig, nq
    suffix: str  # .ttl
    rdflib: str = ""  # rdflib's parser / serializer name; "" for a graph export (not RDF)
    oxigraph: str = ""  # the pyoxigraph.RdfFormat member (a name: pyoxigraph is imported when used)
    named_graphs: bool = False  # holds the named graphs; else the default graph only
    exported: bool = False  # kg build can write it (--formats), kg export too
    prefixed: bool = False  # written with the prefixes of kg.rdf.vocab (the line formats have none)
    streamed: bool = True  # written batch by batch as the store is loaded; else from the whole store
    names: tuple[str, ...] = ()  # the files it writes, when not one graph.SUFFIX (the CSV tables)

    @property
    def rdf(self) -> bool:
        """An RDF format (read back as a graph), not a graph export for network tools or tables."""
        return bool(self.rdflib)

    @property
    def file(self) -> str:
        """What kg build calls the export: graph.ttl (the CSV tables: the first of them)."""
        return self.files[0]

    @property
    def files(self) -> tuple[str, ...]:
        """Every file the export writes: (graph.ttl,), (nodes.csv, edges.csv, ...)."""
        return self.names or ("graph" + self.suffix,)

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
    # JSON-LD is one document (an array of nodes under a @context): written from the whole store
    Format("jsonld", ".jsonld", "json-ld", "JSON_LD", named_graphs=False, exported=True, prefixed=True, streamed=False),
    # graph exports: entities as nodes, relations as edges (posts and evidence in the tables)
    Format("graphml", ".graphml", exported=True, streamed=False),
    Format("gexf", ".gexf", exported=True, streamed=False),
    Format("csv", ".csv", exported=True, streamed=False, names=("nodes.csv", "edges.csv", "evidence.csv", "posts.csv")),
)
BY_NAME = {f.name: f for f in FORMATS}
RDF_FORMATS = tuple(f for f in FORMATS if f.rdf)
SUFFIXES = tuple(f.suffix for f in RDF_FORMATS)  # what a graph file's name ends with
EXPORTED = tuple(f.name for f in FORMATS if f.exported)  # what --formats accepts
STREAMED = tuple(f.name for f in FORMATS if f.exported and f.streamed)  # written by store.Sink
FROM_STORE = tuple(f.name for f in FORMATS if f.exported and not f.streamed)  # written by kg.rdf.export
EXPORT_FILES = tuple(n for f in FORMATS if f.exported for n in f.files)  # every file an export can write
DEFAULT_EXPORTS = ("ttl", "trig")  # what a build exports unless told: N-Quads holds what TriG holds, in 3.6 times the bytes


def of_path(path: Path | str) -> Format | None:
    """The format a file's suffix names (any case), or None."""
    suffix = Path(path).suffix.lower()
    return next((f for f in RDF_FORMATS if f.suffix == suffix), None)


def is_store(path: Path) -> bool:
    """Whether path is an Oxigraph store folder (RocksDB's CURRENT file is there)."""
    return (path / "CURRENT").exists()


def graph_in(path: Path) -> Path:
    """The graph a path names for a reader: a build folder (kg build -o OUT) names its store,
    anything else (a store folder, a graph file, a path that is not there) itself."""
    return path / "store" if not is_store(path) and is_store(path / "store") else path


def keeps_named_graphs(path: Path) -> bool:
    """Whether the graph at path has its named graphs (the article and sentence each fact was
    read from): a store, TriG, N-Quads; not graph.ttl, which holds the default graph only."""
    f = of_path(path)
    return path.is_dir() or (f is not None and f.named_graphs)
