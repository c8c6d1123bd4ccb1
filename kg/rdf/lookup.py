"""Look-ups in a built graph by Oxigraph: a store opened read-only, or a graph file loaded into an
in-memory store, read by the same queries (kg explain, kg viz).

Names and IRIs come from scraped text and never reach a query's text unescaped: one value is a
substitution (Oxigraph binds it after parsing); a batch of values is a VALUES block of terms in
N-Triples syntax, which SPARQL reads as written (Oxigraph escapes a literal's quotes, backslashes
and line breaks). An IRI a lenient parse let in with characters an IRI may not hold ('>', '}',
spaces) cannot be written there: such a value is looked up alone, by substitution.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import pyoxigraph as ox

from kg.formats import of_path
from kg.rdf.vocab import PREFIXES

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
PFX = "".join(f"PREFIX {name}: <{ns}>\n" for name, ns in PREFIXES.items())
BATCH = 2000  # values per VALUES block
_PLAIN_IRI = re.compile(r'[^\x00-\x20<>"{}|^`\\]*')  # what SPARQL's IRIREF takes as written


def open_graph(path: Path) -> ox.Store:
    """The one way every command opens a graph: a build folder's store or a store folder, read-only
    and in place; a graph file (graph.trig, graph.nq, graph.ttl) loaded into an in-memory store.
    Lenient, as rdflib was: IRIs are not checked (a graph read from scraped text may hold odd
    ones; they are bound, never pasted)."""
    from kg.formats import graph_in, is_store
    from kg.rdf.store import open_read_only

    path = graph_in(path)
    if path.is_dir():
        if not is_store(path):
            raise FileNotFoundError(f"{path}: no store here (kg build writes OUT/store)")
        return open_read_only(path)
    f = of_path(path)
    store = ox.Store()
    store.bulk_load(path=str(path), format=f.ox if f else ox.RdfFormat.TRIG, lenient=True)
    return store


def _writable(t) -> bool:
    if isinstance(t, ox.NamedNode):
        return _PLAIN_IRI.fullmatch(t.value) is not None
    return isinstance(t, ox.Literal)


def rows(store: ox.Store, sparql: str, var: str | None = None, values: Iterable = (),
         bind: dict[str, Term] | None = None) -> list[ox.QuerySolution]:
    """The solutions of a SELECT. sparql has '#values' where the VALUES block of var goes; the
    values are written there in batches (a value that cannot be written is run alone, bound by
    substitution). bind: more variables bound by substitution."""
    subs = {ox.Variable(k): v for k, v in (bind or {}).items()}
    if var is None:
        return list(store.query(PFX + sparql, substitutions=subs or None))  # type: ignore[arg-type]
    vals = list(dict.fromkeys(values))
    plain = [v for v in vals if _writable(v)]
    out: list[ox.QuerySolution] = []
    for i in range(0, len(plain), BATCH):
        block = f"VALUES ?{var} {{ {' '.join(str(v) for v in plain[i:i + BATCH])} }}"
        out += store.query(PFX + sparql.replace("#values", block), substitutions=subs or None)  # type: ignore[arg-type]
    for v in vals:
        if not _writable(v):
            out += store.query(PFX + sparql.replace("#values", ""),  # type: ignore[arg-type]
                               substitutions={**subs, ox.Variable(var): v})
    return out


def local(iri: str) -> str:
    """An ontology term's name: cy:memberOf -> memberOf."""
    return iri.split("#")[-1]


def text(t) -> str:
    """A term's value (an IRI, a literal's text), '' for None."""
    return "" if t is None else str(t.value)


def names_of(name: str) -> Sequence[ox.Literal]:
    """The literals a name on the command line matches: tagged by its script as kg writes them
    (kg.rdf.vocab.zh_lang), @zh as builds before the script tags wrote them, or plain."""
    from kg.rdf.vocab import zh_lang

    return [ox.Literal(name, language=lang) for lang in dict.fromkeys((zh_lang(name), "zh"))] + [ox.Literal(name)]


# LATERAL: the pattern is looked up from each subject (two VALUES blocks and a pattern were
# joined by reading the pattern's predicates whole: 0.75 s for 300 subjects of a small store)
_Q_OBJECTS = "SELECT ?s ?p ?o WHERE { #values LATERAL { VALUES ?p { %s } ?s ?p ?o } }"


def objects(store: ox.Store, subjects: Iterable, predicates: Iterable[str]) -> dict[tuple, list]:
    """(subject, predicate IRI) -> the objects, in the default graph, for many subjects at once:
    look-ups from each subject, whatever else the store holds."""
    q = _Q_OBJECTS % " ".join(f"<{p}>" for p in predicates)
    out: dict[tuple, list] = {}
    for r in rows(store, q, "s", subjects):
        out.setdefault((r["s"], r["p"].value), []).append(r["o"])
    return out


def iri_term(iri: str) -> ox.NamedNode:
    """The NamedNode of an IRI read back from the graph as text, even one a lenient parse let in
    with characters an IRI may not hold: those are written as \\u escapes and parsed leniently."""
    try:
        return ox.NamedNode(iri)
    except ValueError:
        esc = "".join(c if _PLAIN_IRI.fullmatch(c) else f"\\U{ord(c):08X}" for c in iri)
        line = f"<{esc}> <urn:p> <urn:o> .".encode("utf-8", "replace")
        return next(iter(ox.parse(line, format=ox.RdfFormat.N_TRIPLES, lenient=True))).subject
