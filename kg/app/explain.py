"""kg explain NAME: an entity's types, names and relations, each with the sentence it came from."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, cast

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.model import RELATION_TYPES
from kg.rdf.formats import of_path
from kg.rdf.vocab import CY, PREFIXES, zh_lang
from kg.io.normalize import fold_width, to_simplified

if TYPE_CHECKING:
    from collections.abc import Iterable

    from rdflib.query import ResultRow

# every question starts with the graph's prefixes (kg.rdf.vocab), spelled out nowhere else
_PFX = "".join(f"PREFIX {name}: <{ns}>\n" for name, ns in PREFIXES.items())
Q_FIND = _PFX + """
SELECT DISTINCT ?e ?name WHERE {
  { ?e rdfs:label|skos:altLabel ?name } UNION { GRAPH ?g { ?e rdfs:label|skos:altLabel ?name } }
}
"""
_REL = f"FILTER(?p IN ({', '.join('cy:' + r for r in RELATION_TYPES)}))"


def _anywhere(pattern: str) -> str:
    """pattern in the default graph (graph.ttl has nothing else; ?g unbound) or in a named graph
    (graph.trig, graph.nq and the store: the article or sentence it was read from)."""
    return f"{{ {{ {pattern} }} UNION {{ GRAPH ?g {{ {pattern} }} }} }}"


# three questions, one per direction: what it is related to, what is related to it, its posts.
# Names and IRIs come from scraped text: they are bound to variables (initBindings), never pasted
# into the query; a bound variable is projected, as Oxigraph's substitutions require.
Q_FACTS = {
    "out": _PFX + "SELECT ?e ?p ?other ?g WHERE { " + _anywhere("?e ?p ?other " + _REL) + " }",
    "in": _PFX + "SELECT ?e ?p ?other ?g WHERE { " + _anywhere("?other ?p ?e " + _REL) + " }",
    "post": _PFX + "SELECT ?e ?p ?other ?g WHERE { "
    + _anywhere("?x org:member ?e ; org:organization ?other ; cy:role ?p") + " }",
}
Q_SENTENCES = "ASK { GRAPH ?g { ?s ?p ?o } }"
Q_SOURCE = _PFX + """
SELECT ?g ?exact ?title ?date ?art WHERE {
  { ?g oa:hasSource ?art . OPTIONAL { ?g oa:hasSelector [ oa:exact ?exact ] } }
  UNION { ?g prov:wasDerivedFrom ?art FILTER NOT EXISTS { ?g oa:hasSource ?x } }
  OPTIONAL { ?art dcterms:title ?title } OPTIONAL { ?art dcterms:date ?date }
}
"""


@dataclass
class Fact:
    text: str
    sources: list[tuple[str, str, str]] = field(default_factory=list)  # (sentence, title, date)


def load(path: Path) -> Dataset:
    if path.is_dir():  # the store kg build writes: read in place
        from kg.rdf.store import rdflib_dataset

        return rdflib_dataset(path)
    ds = Dataset()
    f = of_path(path)
    ds.parse(str(path), format=f.rdflib if f else "trig")
    return ds


def has_sentences(ds: Dataset) -> bool:
    """Whether the graph keeps where each fact was read (named graphs): graph.ttl does not."""
    return bool(ds.query(Q_SENTENCES).askAnswer)


def _label(ds: Dataset, node) -> str:
    for g in ds.graphs():
        v = g.value(node, RDFS.label)
        if v is not None:
            return str(v)
    return str(node)


def find(ds: Dataset, name: str) -> list[URIRef]:
    # a name from the command line may hold bytes that are not UTF-8 (surrogates): they match nothing
    name = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    wanted = dict.fromkeys((name, to_simplified(fold_width(name))))
    found: list[URIRef] = []
    for w in wanted:
        # a SELECT's rows (rdflib types a Result's items as rows, booleans or triples, whatever the query)
        # the tag the build gives that text (kg.rdf.vocab.zh_lang); plain zh: a graph built before the tags
        for lang in dict.fromkeys((zh_lang(w), "zh")):
            for e, _ in cast("Iterable[tuple[URIRef, Literal]]", ds.query(Q_FIND, initBindings={"name": Literal(w, lang=lang)})):
                if e not in found:
                    found.append(e)
    return found


def explain(ds: Dataset, node: URIRef) -> str:
    lines = []
    types, labels, alts, attrs = set(), set(), set(), set()
    for g in ds.graphs():
        types |= {str(t).split("#")[-1] for t in g.objects(node, RDF.type)}
        labels |= {str(x) for x in g.objects(node, RDFS.label)}
        alts |= {str(x) for x in g.objects(node, SKOS.altLabel)}
        for prop, name in ((CY.title, "title"), (CY.divisionCode, "division code"), (CY.adminLevel, "level")):
            attrs |= {f"{name}: {x}" for x in g.objects(node, prop)}
    lines.append(f"{' / '.join(sorted(labels)) or node}  [{', '.join(sorted(types))}]")
    lines.append(f"  IRI: {node}")
    if alts - labels:
        lines.append("  also named: " + "、".join(sorted(alts - labels)))
    for a in sorted(attrs):
        lines.append(f"  {a}")
    facts: dict[str, Fact] = {}
    rows = [(d, p, o, g) for d, q in Q_FACTS.items()
            for _, p, o, g in cast("Iterable[ResultRow]", ds.query(q, initBindings={"e": node}))]  # SELECT rows
    for direction, p, other, where in rows:
        o = _label(ds, other)
        if direction == "post":
            text = f"holds post {p} in {o}"
        elif direction == "out":
            text = f"{str(p).split('#')[-1]} -> {o}"
        else:
            text = f"{o} {str(p).split('#')[-1]} -> (this)"
        fact = facts.setdefault(text, Fact(text))
        if not isinstance(where, URIRef):  # the default graph: the fact is there, its sources are named graphs
            continue
        for _, exact, art_title, art_date, art in cast("Iterable[ResultRow]", ds.query(Q_SOURCE, initBindings={"g": where})):
            src = (str(exact) if exact else "(from the article as a whole: its place, the gazetteer)", str(art_title or art), str(art_date or ""))
            if src not in fact.sources:
                fact.sources.append(src)
    order = {r: i for i, r in enumerate(("holds", *RELATION_TYPES))}
    for text in sorted(facts, key=lambda t: (order.get(t.split()[0], 99), t)):
        lines.append(f"  {text}")
        for sentence, title, date in sorted(facts[text].sources, key=lambda s: (s[2], s[1], s[0])):  # any store, one order
            lines.append(f"      「{sentence}」")
            lines.append(f"        — {title}{'  ' + date if date else ''}")
    return "\n".join(lines)
