"""kg viz from the store: only the part to draw is read, by Oxigraph, into kg.app.view.ViewData.

read_part(store, focus, depth, region) reads the entities within depth hops of the entities
named focus, or the region's contents (the region, the regions and places inside it, who governs
or works there: view._within's rule), or every entity when neither is given, with the relations
among them; select() then chooses from it as from the whole graph, and add_evidence() reads the
sentences of the relations drawn. The facts and names are read from the default graph, which in
every output of kg build holds every fact (kg.rdf.store); the sentences from the named graphs.

A part is what select() keeps of the whole graph: the entities within depth hops keep their
distances (a shortest path runs through nearer entities only), and a region's contents are
closed under the relations _within follows. Only a part larger than the node budget differs:
its best-connected entities are ranked by their relations within the part.
"""
from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import RDF, RDFS, SKOS
from rdflib.namespace import DCTERMS, PROV

from kg.app.view import Node, ViewData, _graph_order
from kg.model import ENTITY_TYPES, RELATION_TYPES
from kg.rdf.lookup import iri_term, names_of, objects, rows, text
from kg.rdf.vocab import CY, OA, SCHEMA

_TYPES = {str(CY[t]): t for t in ENTITY_TYPES}
_RANK = {t: i for i, t in enumerate(ENTITY_TYPES)}
_RELS = {str(CY[r]): r for r in RELATION_TYPES}
_REL_FILTER = f"FILTER(?p IN ({', '.join(f'<{p}>' for p in _RELS)}))"
Q_NAMED = ("SELECT ?e ?name WHERE { #values LATERAL { { ?e rdfs:label ?name } UNION { ?e skos:altLabel ?name } } }")
Q_OUT = "SELECT ?x ?p ?y WHERE { #values LATERAL { ?x ?p ?y " + _REL_FILTER + " } }"
Q_IN = "SELECT ?x ?p ?y WHERE { #values LATERAL { ?y ?p ?x " + _REL_FILTER + " } }"
Q_TYPED = "SELECT ?x ?t WHERE { VALUES ?t { " + " ".join(f"<{t}>" for t in _TYPES) + " } ?x a ?t }"
# VALUES, not FILTER: each relation's predicate index is read, not the whole default graph (2.4x)
Q_EDGES = "SELECT ?x ?p ?y WHERE { VALUES ?p { " + " ".join(f"<{p}>" for p in _RELS) + " } ?x ?p ?y }"
Q_STATED = "SELECT ?x ?p ?y ?g WHERE { #values LATERAL { GRAPH ?g { ?x ?p ?y } " + _REL_FILTER + " } }"
Q_QUOTE = ("SELECT ?g ?exact ?src WHERE { #values LATERAL { ?g oa:hasSelector ?sel . ?sel oa:exact ?exact "
           "OPTIONAL { ?g oa:hasSource ?src } } }")
_INSIDE = ("partOf", "locatedIn", "jurisdiction")  # what lies inside a region (view._within)


class Part:
    """What is read of a store: entity -> type, and the relations (head, rel, tail) among them."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.types: dict[ox.NamedNode, str] = {}
        self.edges: set[tuple[ox.NamedNode, str, ox.NamedNode]] = set()

    def typed(self, nodes: Iterable) -> set:
        """The entities among nodes (their types read once)."""
        new = [n for n in set(nodes) if n not in self.types and isinstance(n, ox.NamedNode)]
        for (n, _), ts in objects(self.store, new, (str(RDF.type),)).items():
            found = [_TYPES[t.value] for t in ts if t.value in _TYPES]
            if found:
                self.types[n] = min(found, key=_RANK.__getitem__)
        return {n for n in nodes if n in self.types}

    def around(self, nodes: set, rels: Iterable[str] = tuple(RELATION_TYPES), inward: bool = True,
               outward: bool = True, among: set | None = None) -> list[tuple]:
        """The relations (of rels) from and to nodes whose other end is an entity (of among)."""
        found = []
        if outward:
            found += [(r["x"], _RELS[r["p"].value], r["y"]) for r in rows(self.store, Q_OUT, "x", nodes)]
        if inward:
            found += [(r["y"], _RELS[r["p"].value], r["x"]) for r in rows(self.store, Q_IN, "x", nodes)]
        found = [e for e in found if e[1] in rels and (among is None or (e[0] in among and e[2] in among))]
        ends = self.typed({h for h, _, _ in found} | {t for _, _, t in found})
        return [e for e in found if e[0] in ends and e[2] in ends]


def named(store: ox.Store, name: str, part: Part) -> set:
    """The entities with name as label or alias."""
    return part.typed({r["e"] for r in rows(store, Q_NAMED, "name", names_of(name))})


def neighbourhood(part: Part, seeds: set, depth: int) -> set:
    """seeds and the entities within depth hops of them."""
    keep, frontier = set(seeds), set(seeds)
    for _ in range(max(depth, 0)):
        if not frontier:
            break
        frontier = {x for h, _, t in part.around(frontier) for x in (h, t)} - keep
        keep |= frontier
    return keep


def region_contents(part: Part, roots: set) -> set:
    """A region, what lies inside it (transitively), the officials of the agencies there and the
    developers of the projects there: view._within, on the store."""
    inside, frontier = set(roots), set(roots)
    while frontier:
        frontier = {h for h, _, _ in part.around(frontier, _INSIDE, outward=False)} - inside
        inside |= frontier
    officials = {h for h, _, _ in part.around(inside, ("memberOf",), outward=False)}
    developers = {t for _, _, t in part.around(inside, ("developedBy",), inward=False)}
    return inside | officials | developers


def read_part(store: ox.Store, focus: str = "", depth: int = 1, region: str = "") -> ViewData:
    """The entities and relations select(view, focus, depth, region=region) draws from: a focus's
    neighbourhood, a region's contents (both when both are given), or the whole graph. Raises
    ValueError when a focus or region names nothing, as select() does."""
    part = Part(store)
    if not focus and not region:
        for r in rows(store, Q_TYPED):
            t = _TYPES[r["t"].value]
            x = r["x"]
            if x not in part.types or _RANK[t] < _RANK[part.types[x]]:
                part.types[x] = t
        part.edges = {(r["x"], _RELS[r["p"].value], r["y"]) for r in rows(store, Q_EDGES)}
        keep = set(part.types)
    else:
        keep = set()
        if focus:
            seeds = named(store, focus, part)
            if not seeds:
                raise ValueError(f"no entity named {focus!r}")
            keep |= neighbourhood(part, seeds, depth)
        if region:
            roots = {n for n in named(store, region, part) if part.types[n] == "Region"}
            if not roots:
                raise ValueError(f"no region named {region!r}")
            keep |= region_contents(part, roots)
        part.edges = set(part.around(keep, inward=False, among=keep))
    return _view(store, part, keep, whole=not focus and not region)


def _articles(store: ox.Store, arts: set) -> dict[str, tuple[str, str, str]]:
    """article -> (title, date, url), as view.read lists ViewData.articles (the articles typed so).
    Looked up one by one: on a compacted store about 50 us an article, against a second or more
    for a pass over the store's titles and dates."""
    props = (str(DCTERMS.title), str(CY.sourceFile), str(DCTERMS.date), str(SCHEMA.url), str(RDF.type))
    of = objects(store, arts, props)
    out = {}
    for a in arts:
        if not any(t.value == str(CY.Article) for t in of.get((a, props[4]), ())):
            continue
        title = (of.get((a, props[0])) or of.get((a, props[1])) or [a])[0]
        date, url = (text((of.get((a, p)) or [None])[0]) for p in props[2:4])
        out[a.value] = (text(title), date, url)
    return out


def _view(store: ox.Store, part: Part, keep: set, whole: bool = False) -> ViewData:
    """The nodes of keep with their names and sources (article keys, in key order: add_evidence
    puts the drawn ones in date order), and the relations among them. The whole graph is read by
    one pass over each property; a part by look-ups from its entities (45 us an entity on a
    compacted store: a province of 4,000 entities in 0.2 s, where the passes took 5 s)."""
    wanted = (str(RDFS.label), str(SKOS.altLabel), str(PROV.wasDerivedFrom))
    if whole:
        of: dict = {}
        for p in wanted:
            for r in rows(store, f"SELECT ?s ?o WHERE {{ ?s <{p}> ?o }}"):
                if r["s"] in keep:
                    of.setdefault((r["s"], p), []).append(r["o"])
    else:
        of = objects(store, keep, wanted)
    v = ViewData()
    for n in sorted(keep, key=lambda x: x.value):
        label = min((x.value for x in of.get((n, wanted[0]), ())), default=n.value)
        alts = sorted({x.value for x in of.get((n, wanted[1]), ())} - {label})
        srcs = sorted({a.value for a in of.get((n, wanted[2]), ())})
        v.nodes[n.value] = Node(n.value, part.types[n], label, [label, *alts], srcs, len(srcs))
    v.edges = sorted({(h.value, r, t.value) for h, r, t in part.edges if h in keep and t in keep})
    return v


def add_evidence(store: ox.Store, v: ViewData) -> None:
    """What the panel shows of the drawn part: the sentences each relation drawn was read from,
    in the order of their articles and sentences (as view.read gives them: (article, sentence)),
    the drawn nodes' sources in date order, and those articles' titles, dates and links in
    v.articles. Only the drawn part is read: the nodes left out keep their counts."""
    heads = {iri_term(h) for h, _, _ in v.edges}
    drawn = set(v.edges)
    stated: dict[tuple, list] = {}
    for r in rows(store, Q_STATED, "x", heads):
        key = (r["x"].value, _RELS[r["p"].value], r["y"].value)
        if key in drawn:
            stated.setdefault(key, []).append(r["g"])
    graphs = {g for gs in stated.values() for g in gs}
    quote: dict = {}
    for r in rows(store, Q_QUOTE, "g", graphs):
        quote.setdefault(r["g"], (text(r["src"]), text(r["exact"])))  # as view.read: (article, sentence)
    # the articles of the sources and of the sentences, looked up in one go
    arts = {a for n in v.nodes.values() for a in n.sources} | {src for src, _ in quote.values() if src}
    v.articles.update(_articles(store, {iri_term(a) for a in arts if a not in v.articles}))
    for n in v.nodes.values():
        n.sources.sort(key=lambda a: (v.articles.get(a, ("", "", ""))[1], a))
    for key, gs in stated.items():
        sents: list[tuple[str, str]] = []
        for g in sorted(gs, key=lambda g: _graph_order(_Named(g.value))):
            if g in quote and quote[g] not in sents:
                sents.append(quote[g])
        if sents:
            v.evidence[key] = sents


class _Named:
    """What view._graph_order reads of a graph: its identifier."""

    def __init__(self, iri: str) -> None:
        self.identifier = iri
