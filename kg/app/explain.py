"""kg explain NAME: an entity's types, names and relations, each with the sentence it came from.

Answered by Oxigraph from the store (or a graph file loaded into an in-memory store), in a few
queries per entity found: its names and types; every fact in and out and every post, with the
graphs that state them; the other ends' labels; the sources of those graphs (one query each,
for all the facts at once)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.model import RELATION_TYPES
from rdflib.namespace import DCTERMS, PROV

from kg.rdf.lookup import local, names_of, objects, open_graph, rows, text
from kg.rdf.vocab import OA
from kg.io.normalize import fold_width, to_simplified

_ANY = "{{ {{ {0} }} UNION {{ GRAPH ?g {{ {0} }} }} }}"


def _anywhere(pattern: str) -> str:
    """pattern in the default graph (graph.ttl has nothing else; ?g unbound) or in a named graph
    (graph.trig, graph.nq and the store: the article or sentence it was read from)."""
    return _ANY.format(pattern)


_REL = f"FILTER(?p IN ({', '.join('cy:' + r for r in RELATION_TYPES)}))"
Q_FIND = "SELECT DISTINCT ?e ?name WHERE { #values " + _anywhere("?e rdfs:label|skos:altLabel ?name") + " }"
Q_ABOUT = ("SELECT DISTINCT ?e ?p ?o WHERE { VALUES ?p { <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> rdfs:label skos:altLabel cy:title cy:divisionCode "
           "cy:adminLevel } " + _anywhere("?e ?p ?o") + " }")
# ?e is bound (a substitution, which Oxigraph wants projected): every pattern is a look-up from it
Q_FACTS = ("SELECT DISTINCT ?e ?d ?p ?other ?g WHERE { "
           "{ " + _anywhere("?e ?p ?other " + _REL) + ' BIND("out" AS ?d) } UNION '
           "{ " + _anywhere("?other ?p ?e " + _REL) + ' BIND("in" AS ?d) } UNION '
           "{ " + _anywhere("?x org:member ?e ; org:organization ?other ; cy:role ?p") + ' BIND("post" AS ?d) } }')
Q_LABELS = "SELECT DISTINCT ?x ?l WHERE { #values " + _anywhere("?x rdfs:label ?l") + " }"
Q_QUOTES = "SELECT ?g ?exact WHERE { #values LATERAL { ?g oa:hasSelector ?sel . ?sel oa:exact ?exact } }"
_ATTRS = {"title": "title", "divisionCode": "division code", "adminLevel": "level"}
WHOLE = "(from the article as a whole: its place, the gazetteer)"


@dataclass
class Fact:
    text: str
    sources: list[tuple[str, str, str]] = field(default_factory=list)  # (sentence, title, date)


def load(path: Path) -> ox.Store:
    return open_graph(path)


def has_sentences(store: ox.Store) -> bool:
    """Whether the graph keeps where each fact was read (named graphs): graph.ttl does not.
    The store's list of graphs, not an ASK: Oxigraph answered ASK { GRAPH ?g {...} } by reading
    the default graph first (3.8 s on a 100k-article store, against 1 ms)."""
    return next(iter(store.named_graphs()), None) is not None


def find(store: ox.Store, name: str) -> list[ox.NamedNode]:
    """The entities with this name (or its simplified form) as label or alias, by IRI."""
    # a name from the command line may hold bytes that are not UTF-8 (surrogates): they match nothing
    name = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    wanted = [lit for w in dict.fromkeys((name, to_simplified(fold_width(name)))) for lit in names_of(w)]
    found = {r["e"] for r in rows(store, Q_FIND, "name", wanted)}
    return sorted(found, key=lambda e: (str(type(e)), e.value))


def labels(store: ox.Store, nodes) -> dict:
    """Each node's label (the least, should a graph give several); nodes without one are left out."""
    out: dict = {}
    for r in rows(store, Q_LABELS, "x", nodes):
        x, label = r["x"], r["l"].value
        if x not in out or label < out[x]:
            out[x] = label
    return out


def _sources(store: ox.Store, graphs: list) -> dict:
    """graph -> its (sentence, article title, date): a sentence's graph is the sentence its facts
    were read from (oa:hasSource, the quote of its selector); an article's graph, the article as a
    whole (prov:wasDerivedFrom). Three look-ups, each for all the graphs at once."""
    of = objects(store, graphs, (OA.hasSource, PROV.wasDerivedFrom))
    quotes: dict = {}
    for r in rows(store, Q_QUOTES, "g", graphs):  # the selectors are blank nodes: reached from the graph
        quotes.setdefault(r["g"], []).append(r["exact"])
    found: dict = {}
    for g in graphs:
        arts = of.get((g, str(OA.hasSource)))
        if arts:
            found[g] = [(q, a) for a in arts for q in quotes.get(g) or [None]]
        else:
            found[g] = [(None, a) for a in of.get((g, str(PROV.wasDerivedFrom)), ())]
    meta = objects(store, {a for pairs in found.values() for _, a in pairs}, (DCTERMS.title, DCTERMS.date))
    out: dict = {}
    for g, pairs in found.items():
        for q, a in pairs:
            for title in meta.get((a, str(DCTERMS.title))) or [None]:
                for date in meta.get((a, str(DCTERMS.date))) or [None]:
                    out.setdefault(g, set()).add((text(q) or WHOLE, text(title) or a.value, text(date)))
    return out


def explain(store: ox.Store, node) -> str:
    lines = []
    types, names, alts, attrs = set(), set(), set(), set()
    for r in rows(store, Q_ABOUT, bind={"e": node}):
        p, o = local(r["p"].value), text(r["o"])
        if p == "type":
            types.add(local(o))
        elif p == "label":
            names.add(o)
        elif p == "altLabel":
            alts.add(o)
        else:
            attrs.add(f"{_ATTRS[p]}: {o}")
    lines.append(f"{' / '.join(sorted(names)) or node.value}  [{', '.join(sorted(types))}]")
    lines.append(f"  IRI: {node.value}")
    if alts - names:
        lines.append("  also named: " + "、".join(sorted(alts - names)))
    for a in sorted(attrs):
        lines.append(f"  {a}")
    found = rows(store, Q_FACTS, bind={"e": node})
    label = labels(store, [r["other"] for r in found])
    graphs = [r["g"] for r in found if r["g"] is not None]  # the default graph: the fact, no source
    sources = _sources(store, graphs)
    facts: dict[str, Fact] = {}
    for r in found:
        direction, p, other = r["d"].value, r["p"].value, r["other"]
        o = label.get(other, other.value)
        if direction == "post":
            fact_text = f"holds post {p} in {o}"
        elif direction == "out":
            fact_text = f"{local(p)} -> {o}"
        else:
            fact_text = f"{o} {local(p)} -> (this)"
        fact = facts.setdefault(fact_text, Fact(fact_text))
        for src in sources.get(r["g"], ()):
            if src not in fact.sources:
                fact.sources.append(src)
    order = {r: i for i, r in enumerate(("holds", *RELATION_TYPES))}
    for t in sorted(facts, key=lambda t: (order.get(t.split()[0], 99), t)):
        lines.append(f"  {t}")
        for sentence, title, date in sorted(facts[t].sources, key=lambda s: (s[2], s[1], s[0])):  # any store, one order
            lines.append(f"      「{sentence}」")
            lines.append(f"        — {title}{'  ' + date if date else ''}")
    return "\n".join(lines)
