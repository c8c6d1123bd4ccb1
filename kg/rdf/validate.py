"""kg validate: a graph against the SHACL shapes in ontology/shapes.ttl (pySHACL).

The shapes describe the default graph, what graph.ttl holds: every entity has one Chinese label
and a source article, a post has one official and one agency, a figure has a metric and a value.
A store folder or a TriG / N-Quads file is checked on its default graph too.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from kg.rdf.formats import of_path
from kg.resources import ONTOLOGY, SHAPES

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable


@dataclass(frozen=True)
class Violation:
    shape: str  # the node shape broken, as a prefixed name (cys:PostShape)
    focus: str  # the node that breaks it
    path: str  # the property concerned, if any
    message: str
    severity: str


@dataclass(frozen=True)
class Report:
    conforms: bool
    nodes: int  # nodes checked against at least one shape
    violations: tuple[Violation, ...]


def default_graph(path: Path) -> Graph:
    """The default graph of a Turtle file, a TriG / N-Quads file or a store folder."""
    import pyoxigraph as ox

    f = of_path(path)
    if path.is_dir():
        from kg.rdf.store import open_read_only

        store = open_read_only(path)
    elif f is not None and f.named_graphs:
        store = ox.Store()
        store.load(path=str(path), format=f.ox)
    else:
        return Graph().parse(str(path), format=f.rdflib if f else "turtle")
    # without an output, dump returns the bytes (pyoxigraph's stub says bytes | None for both)
    data = cast(bytes, store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()))
    return Graph().parse(data=data.decode("utf-8"), format="nt")


def validate(data: Graph, shapes: Path | Traversable = SHAPES) -> Report:
    from pyshacl import validate as shacl

    # read as text: a packaged file need not be a path on disk
    sg = Graph().parse(data=shapes.read_text(encoding="utf-8"), format="turtle")
    og = Graph().parse(data=ONTOLOGY.read_text(encoding="utf-8"), format="turtle")
    conforms, results, _ = shacl(data, shacl_graph=sg, ont_graph=og, inference="none", allow_warnings=True)
    # a property shape is a blank node: name the node shape that holds it
    owner = {prop: node for node, prop in sg.subject_objects(SH.property)}
    nm = sg.namespace_manager
    out = []
    for r in results.subjects(RDF.type, SH.ValidationResult):
        src = results.value(r, SH.sourceShape)
        shape = owner.get(src, src)
        path = results.value(r, SH.resultPath)
        out.append(Violation(
            shape=shape.n3(nm) if isinstance(shape, URIRef) else str(shape),
            focus=str(results.value(r, SH.focusNode)),
            path=path.n3(nm) if isinstance(path, URIRef) else "",
            message=str(results.value(r, SH.resultMessage) or ""),
            severity=str(results.value(r, SH.resultSeverity)).rsplit("#", 1)[-1],
        ))
    out.sort(key=lambda v: (v.shape, v.focus, v.path, v.message))
    targets = {s for s in data.subjects(RDF.type, None)}
    return Report(conforms=bool(conforms), nodes=len(targets), violations=tuple(out))
