"""kg validate: a graph against the SHACL shapes in ontology/shapes.ttl.

The shapes describe the default graph, what graph.ttl holds: every entity has one Chinese label
and a source article, a post has one official and one agency, a figure has a metric and a value.
A store folder or a TriG / N-Quads file is checked on its default graph too.

Two validators give the same report. check() compiles the shapes into SPARQL queries, one per
constraint, that Oxigraph runs where the graph is (a store is read in place, a file is loaded
into an in-memory store): 13k articles in seconds. It knows the SHACL Core components the shapes
file uses and a few more (COMPILED); a shapes file with others raises Unsupported, and validate()
(pySHACL over an rdflib graph, slow and memory-hungry on a large graph: 2,000 articles took
206 s and 1.47 GB) checks it instead. The ontology is given to both as pySHACL takes it (its
ont_graph, mixed into the data): its rdfs:subClassOf statements count for sh:targetClass and
sh:class.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, cast

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD

from kg.formats import of_path
from kg.resources import ONTOLOGY, SHAPES

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    import pyoxigraph as ox


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
    triples: int = 0  # in the graph checked (check(); validate() leaves it to the caller: len(data))


class Unsupported(Exception):
    """The shapes use SHACL features check() does not compile to SPARQL (what: their names)."""

    def __init__(self, what: Iterable[str]):
        self.what = tuple(sorted(set(what)))
        super().__init__(f"the shapes use {', '.join(self.what)}, which kg validate does not compile to SPARQL")


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
    """pySHACL's report on an rdflib graph: any SHACL shapes file (check() is the fast one)."""
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


# ---------------------------------------------------------------- SHACL compiled to SPARQL

TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
# the constraint components check() compiles, by their parameter
COMPILED = (SH.minCount, SH.maxCount, SH["class"], SH.datatype, SH.languageIn, SH.minLength, SH.maxLength,
            SH.pattern, SH.nodeKind, SH["in"], SH.hasValue)
# what a shape may say besides: no constraint in it (sh:flags goes with sh:pattern)
_INERT = {RDF.type, SH.name, SH.description, SH.order, SH.group, SH.defaultValue, SH.message, SH.severity,
          SH.deactivated, SH.flags}
# what the shapes graph may say outside the shapes
_ELSEWHERE = {SH.declare, SH.prefix, SH.namespace, SH.prefixes, SH.PrefixDeclaration, SH.Violation, SH.Warning,
              SH.Info, SH.NodeShape, SH.PropertyShape}
_NODE_OK = _INERT | set(TARGETS) | {SH.property}
_PROP_OK = _INERT | set(COMPILED) | {SH.path}
# sh:datatype values whose special cases in pySHACL (every literal, or every typed one) are not compiled
_SPECIAL_DATATYPES = {RDFS.Literal, RDFS.Datatype}
_NODE_KINDS = {  # the value nodes a sh:nodeKind refuses, as a SPARQL condition on ?v
    SH.IRI: "!isIRI(?v)", SH.BlankNode: "!isBlank(?v)", SH.Literal: "!isLiteral(?v)",
    SH.BlankNodeOrIRI: "isLiteral(?v)", SH.BlankNodeOrLiteral: "isIRI(?v)", SH.IRIOrLiteral: "isBlank(?v)",
}


@dataclass(frozen=True)
class _Check:
    """One constraint of one property shape, as a SPARQL query over the data graph. kind:
    "focus": the query gives the focus nodes that break it (?f); "value": the focus nodes and
    value nodes (?f ?v); "values": the distinct value nodes (?v), judged in Python by bad, then
    the focus nodes holding a bad one are looked up."""

    shape: str
    path: str
    message: str
    severity: str
    kind: str
    query: str
    bad: Callable[[ox.Literal | ox.NamedNode | ox.BlankNode], bool] | None = None
    target: str = ""  # the focus pattern, for the "values" lookup
    predicate: str = ""


def _sparql(node) -> str:
    """An rdflib term as SPARQL (a literal's n3 is valid SPARQL)."""
    return node.n3()


def _ox_sparql(node) -> str:
    """A pyoxigraph term as SPARQL."""
    return str(node)


def _closure(edges: Iterable[tuple], top) -> set:
    """top and every class below it along rdfs:subClassOf (edges: (sub, super))."""
    below: dict = {}
    for sub, sup in edges:
        below.setdefault(sup, set()).add(sub)
    seen, todo = {top}, [top]
    while todo:
        for s in below.get(todo.pop(), ()):
            if s not in seen:
                seen.add(s)
                todo.append(s)
    return seen


def _pyshacl_datatype_ok(lexical: str, lang: str | None, datatype: URIRef) -> bool:
    """A literal whose datatype is the one asked for: well-formed as pySHACL (rdflib) judges it."""
    import datetime
    from decimal import Decimal

    logger = logging.getLogger("rdflib.term")
    level = logger.level
    logger.setLevel(logging.CRITICAL)  # rdflib logs every ill-formed lexical form it meets
    try:
        v = Literal(lexical, lang=lang) if lang else Literal(lexical, datatype=datatype)
    finally:
        logger.setLevel(level)
    if getattr(v, "ill_typed", None) is True:
        return False
    value = v.value if datatype not in (XSD.string, RDF.langString) else str(v)
    types: dict = {XSD.string: (str, bytes), RDF.langString: (str, bytes), XSD.integer: int, XSD.float: float,
             XSD.decimal: Decimal, XSD.boolean: bool, XSD.date: datetime.date, XSD.time: datetime.time,
             XSD.dateTime: datetime.datetime}
    want = types.get(datatype)
    return want is None or isinstance(value, want)


def _value_text(v) -> str:
    """A value node as pySHACL's string constraints see it (a literal's lexical form, an IRI)."""
    return v.value


def compile_shapes(shapes: Graph, ontology: Graph, data_subclasses: Iterable[tuple] = ()) -> list[_Check]:
    """The SPARQL checks of every active property shape of shapes; Unsupported if they use a
    SHACL feature that is not compiled (the caller can take pySHACL instead)."""
    nm = shapes.namespace_manager
    node_shapes = {s for s in shapes.subjects(RDF.type, SH.NodeShape)}
    node_shapes |= {s for t in TARGETS for s in shapes.subjects(t, None)}
    prop_shapes = set(shapes.objects(None, SH.property)) | set(shapes.subjects(RDF.type, SH.PropertyShape))
    unknown: set[str] = set()
    sh = str(SH)
    for s, p, o in shapes:
        ok = _NODE_OK if s in node_shapes else _PROP_OK if s in prop_shapes else None
        if ok is None:  # not a shape: a declaration, a list, or a feature of SHACL's not compiled
            if str(p).startswith(sh) and p not in _ELSEWHERE:
                unknown.add(p.n3(nm))
            if p == RDF.type and str(o).startswith(sh) and o not in _ELSEWHERE:
                unknown.add(o.n3(nm))
        elif p == RDF.type and o in (RDFS.Class, OWL.Class):
            unknown.add(f"{s.n3(nm)}: a shape that is a class (an implicit class target)")
        elif str(p).startswith(sh) and p not in ok:
            unknown.add(p.n3(nm))
    for s in node_shapes & prop_shapes:
        unknown.add(f"{s.n3(nm)}: a shape that is both a target and a property shape")
    for s in prop_shapes:
        path = shapes.value(s, SH.path)
        if not isinstance(path, URIRef):
            unknown.add("sh:path other than one property")
        for c in (SH.languageIn, SH["in"]):
            for lst in shapes.objects(s, c):
                if not isinstance(lst, BNode) and lst != RDF.nil:
                    unknown.add(f"{c.n3(nm)} not given a list")
        for flags in shapes.objects(s, SH.flags):
            if set(str(flags)) - {"i", "m"}:
                unknown.add(f"sh:flags {str(flags)!r}")
        for dt in shapes.objects(s, SH.datatype):
            if dt in _SPECIAL_DATATYPES:
                unknown.add(f"sh:datatype {dt.n3(nm)}")
        for k in shapes.objects(s, SH.nodeKind):
            if k not in _NODE_KINDS:
                unknown.add(f"sh:nodeKind {k.n3(nm)}")
    edges = [*ontology.subject_objects(RDFS.subClassOf), *data_subclasses]
    # the ontology is mixed into the data as pySHACL does it: here only its class tree is taken,
    # so it must hold no node the shapes would check
    for shape in node_shapes:
        for cls in shapes.objects(shape, SH.targetClass):
            if any((None, RDF.type, k) in ontology for k in _closure(edges, cls)):
                unknown.add(f"an ontology holding instances of {cls.n3(nm)}")
        for n in shapes.objects(shape, SH.targetNode):
            if (n, None, None) in ontology:
                unknown.add(f"sh:targetNode {n.n3(nm)}, described in the ontology")
        for t in (SH.targetSubjectsOf, SH.targetObjectsOf):
            for q in shapes.objects(shape, t):
                if (None, q, None) in ontology:
                    unknown.add(f"{t.n3(nm)} {q.n3(nm)}, used in the ontology")
    if unknown:
        raise Unsupported(unknown)

    def types(c) -> str:
        return " ".join(sorted(_sparql(k) for k in _closure(edges, c)))

    checks: list[_Check] = []
    owner = {prop: node for node, prop in shapes.subject_objects(SH.property)}
    for shape in sorted(node_shapes, key=str):
        if _true(shapes.value(shape, SH.deactivated)):
            continue
        parts = []
        classes = list(shapes.objects(shape, SH.targetClass))
        if classes:
            parts.append("{ ?f a ?_t VALUES ?_t { %s } }" % " ".join(types(c) for c in sorted(classes, key=str)))
        nodes = list(shapes.objects(shape, SH.targetNode))
        if nodes:
            parts.append("{ VALUES ?f { %s } }" % " ".join(_sparql(n) for n in sorted(nodes, key=str)))
        parts += ["{ ?f %s ?_o }" % _sparql(p) for p in sorted(shapes.objects(shape, SH.targetSubjectsOf), key=str)]
        parts += ["{ ?_s %s ?f }" % _sparql(p) for p in sorted(shapes.objects(shape, SH.targetObjectsOf), key=str)]
        if not parts:
            continue
        target = " UNION ".join(parts)
        name = shape.n3(nm) if isinstance(shape, URIRef) else str(shape)
        for prop in sorted(shapes.objects(shape, SH.property), key=lambda p: _order(shapes, p)):
            if owner.get(prop) != shape or _true(shapes.value(prop, SH.deactivated)):
                continue
            checks += _property_checks(shapes, prop, name, target, types)
    return checks


def _order(shapes: Graph, prop) -> tuple:
    """Property shapes in a stable order: by path, then by what they say."""
    said = sorted((str(p), str(o)) for p, o in shapes.predicate_objects(prop) if not isinstance(o, BNode))
    return str(shapes.value(prop, SH.path)), said


def _true(x) -> bool:
    return isinstance(x, Literal) and x.value is True


def _property_checks(shapes: Graph, prop, name: str, target: str, types: Callable) -> list[_Check]:
    """The checks of one property shape: one per constraint it states."""
    nm = shapes.namespace_manager
    path = cast(URIRef, shapes.value(prop, SH.path))
    p, pname = _sparql(path), path.n3(nm)
    given = shapes.value(prop, SH.message)
    sev = shapes.value(prop, SH.severity)
    severity = str(sev).rsplit("#", 1)[-1] if sev is not None else "Violation"
    out: list[_Check] = []

    def add(kind: str, message: str, query: str, **kw) -> None:
        out.append(_Check(name, pname, str(given) if given is not None else message, severity, kind, query, **kw))

    def values(condition: str) -> str:
        return f"SELECT DISTINCT ?f ?v WHERE {{ {target} ?f {p} ?v FILTER ({condition}) }}"

    for n in shapes.objects(prop, SH.minCount):
        m = int(str(n))
        if m == 1:
            add("focus", f"Less than 1 values on {{focus}}->{pname}",
                f"SELECT DISTINCT ?f WHERE {{ {target} FILTER NOT EXISTS {{ ?f {p} ?v }} }}")
        elif m > 1:
            add("focus", f"Less than {m} values on {{focus}}->{pname}",
                f"SELECT ?f WHERE {{ {target} OPTIONAL {{ ?f {p} ?v }} }} GROUP BY ?f HAVING (COUNT(DISTINCT ?v) < {m})")
    for n in shapes.objects(prop, SH.maxCount):
        m = int(str(n))
        add("focus", f"More than {m} values on {{focus}}->{pname}",
            f"SELECT ?f WHERE {{ {target} ?f {p} ?v }} GROUP BY ?f HAVING (COUNT(DISTINCT ?v) > {m})")
    for v in shapes.objects(prop, SH.hasValue):
        add("focus", f"Missing expected value {v.n3(nm)}",
            f"SELECT DISTINCT ?f WHERE {{ {target} FILTER NOT EXISTS {{ ?f {p} {_sparql(v)} }} }}")
    for c in shapes.objects(prop, SH["class"]):
        add("value", f"Value does not have class {c.n3(nm)}",
            f"SELECT DISTINCT ?f ?v WHERE {{ {target} ?f {p} ?v FILTER NOT EXISTS {{ ?v a ?_c VALUES ?_c {{ {types(c)} }} }} }}")
    for dt in shapes.objects(prop, SH.datatype):
        msg = f"Value is not Literal with datatype {dt.n3(nm)}"
        d = _sparql(dt)
        add("value", msg, values(f"!isLiteral(?v) || datatype(?v) != {d}"))
        # well-formed as rdflib reads it: judged in Python on each distinct value
        add("values", msg, f"SELECT DISTINCT ?v WHERE {{ {target} ?f {p} ?v FILTER (isLiteral(?v) && datatype(?v) = {d}) }}",
            bad=lambda v, dt=dt: not _pyshacl_datatype_ok(v.value, v.language, dt), target=target, predicate=p)
    for lst in shapes.objects(prop, SH.languageIn):
        langs = [str(x) for x in Collection(shapes, lst)]
        test = " || ".join(f"langMatches(lang(?v), {_sparql(Literal(x))})" for x in langs) or "false"
        add("value", f"String language is not in {lst.n3(nm) if not isinstance(lst, BNode) else '(' + ' '.join(langs) + ')'}",
            values(f"!isLiteral(?v) || !({test})"))
    for n in shapes.objects(prop, SH.minLength):
        if int(str(n)) > 0:
            add("value", f"String length not >= {int(str(n))}", values(f"isBlank(?v) || STRLEN(STR(?v)) < {int(str(n))}"))
    for n in shapes.objects(prop, SH.maxLength):
        add("value", f"String length not <= {int(str(n))}", values(f"isBlank(?v) || STRLEN(STR(?v)) > {int(str(n))}"))
    flags = str(shapes.value(prop, SH.flags) or "")
    for pat in shapes.objects(prop, SH.pattern):
        rx = re.compile(str(pat), (re.I if "i" in flags else 0) | (re.M if "m" in flags else 0))
        # Python's re, as pySHACL matches: the same dialect whatever the SPARQL engine's is
        add("values", f"Value does not match pattern '{pat}'",
            f"SELECT DISTINCT ?v WHERE {{ {target} ?f {p} ?v }}",
            bad=lambda v, rx=rx: isinstance_blank(v) or rx.search(_value_text(v)) is None,
            target=target, predicate=p)
    for k in shapes.objects(prop, SH.nodeKind):
        add("value", f"Value is not of Node Kind {k.n3(nm)}", values(_NODE_KINDS[cast(URIRef, k)]))
    for lst in shapes.objects(prop, SH["in"]):
        allowed = [_sparql(x) for x in Collection(shapes, lst)]
        test = " || ".join(f"sameTerm(?v, {x})" for x in allowed) or "false"
        add("value", f"Value is not in {'(' + ' '.join(allowed) + ')'}", values(f"!({test})"))
    return out


def isinstance_blank(v) -> bool:
    import pyoxigraph as ox

    return isinstance(v, ox.BlankNode)


def _focus(node) -> str:
    """A focus node as validate() names it: an IRI, or a blank node's label."""
    return node.value


def check(store: ox.Store, shapes: Path | Traversable = SHAPES,
          progress: Callable[[int, int], None] | None = None) -> Report:
    """The store's default graph against the shapes, each constraint one SPARQL query run by
    Oxigraph: the report validate() (pySHACL) gives on the same graph. progress: called with
    (checks done, checks in all) as they go. Raises Unsupported for shapes that use a SHACL
    feature not compiled (COMPILED lists the constraints)."""
    sg = Graph().parse(data=shapes.read_text(encoding="utf-8"), format="turtle")
    og = Graph().parse(data=ONTOLOGY.read_text(encoding="utf-8"), format="turtle")
    sub = [(URIRef(r["a"].value), URIRef(r["b"].value)) for r in _rows(store, f"SELECT ?a ?b WHERE {{ ?a {_sparql(RDFS.subClassOf)} ?b FILTER (isIRI(?a) && isIRI(?b)) }}")]
    checks = compile_shapes(sg, og, sub)
    total = len(checks) + 1
    out: list[Violation] = []
    for i, c in enumerate(checks):
        out += _run(store, c)
        if progress is not None:
            progress(i + 1, total)
    out.sort(key=lambda v: (v.shape, v.focus, v.path, v.message))
    nodes = int(next(iter(_rows(store, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?t }")))["n"].value)
    triples = int(next(iter(_rows(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value)
    if progress is not None:
        progress(total, total)
    # allow_warnings, as validate() asks pySHACL: a warning or an info does not break conformance
    conforms = all(v.severity in ("Warning", "Info") for v in out)
    return Report(conforms=conforms, nodes=nodes, violations=tuple(out), triples=triples)


def _rows(store: ox.Store, query: str):
    return cast("ox.QuerySolutions", store.query(query))


def _run(store: ox.Store, c: _Check) -> list[Violation]:
    def one(focus) -> Violation:
        f = _focus(focus)
        return Violation(c.shape, f, c.path, c.message.replace("{focus}", f"<{f}>" if isinstance_iri(focus) else f),
                         c.severity)

    if c.kind == "focus":
        return [one(r["f"]) for r in _rows(store, c.query)]
    if c.kind == "value":
        return [one(r["f"]) for r in _rows(store, c.query)]
    assert c.bad is not None
    bad = [r["v"] for r in _rows(store, c.query) if c.bad(r["v"])]
    found: list[Violation] = []
    for i in range(0, len(bad), 500):  # the focus nodes holding them, a batch of values at a time
        vals = " ".join(_ox_sparql(v) for v in bad[i:i + 500] if not isinstance_blank(v))
        q = f"SELECT DISTINCT ?f ?v WHERE {{ {c.target} ?f {c.predicate} ?v VALUES ?v {{ {vals} }} }}"
        found += [one(r["f"]) for r in _rows(store, q)]
    if any(isinstance_blank(v) for v in bad):  # a blank node cannot be named in VALUES
        q = f"SELECT DISTINCT ?f ?v WHERE {{ {c.target} ?f {c.predicate} ?v FILTER isBlank(?v) }}"
        found += [one(r["f"]) for r in _rows(store, q)]
    return found


def isinstance_iri(v) -> bool:
    import pyoxigraph as ox

    return isinstance(v, ox.NamedNode)
