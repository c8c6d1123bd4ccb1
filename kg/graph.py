"""Merged entities and relations -> an rdflib Graph in the Chanye ontology.

IRIs are stable: a region's is its division code, every other entity's a hash of its identity
key, an article's its content hash. The same input always gives the same IRIs.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV

from .merge import Merged

CY = Namespace("https://w3id.org/chanye/ontology#")
ID = Namespace("https://w3id.org/chanye/id/")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology" / "chanye.ttl"

PREFIXES = {
    "cy": CY, "cyid": ID, "rdfs": RDFS, "skos": SKOS, "xsd": XSD, "prov": PROV,
    "dcterms": DCTERMS, "org": ORG, "schema": SCHEMA, "owl": OWL,
}


def entity_iri(key: str) -> URIRef:
    typ, rest = key.split(":", 1)
    if typ == "Region" and rest[:1].isdigit() and rest.isalnum():
        return ID[f"region/{rest}"]
    h = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    return ID[f"{typ.lower()}/{h}"]


def article_iri(article_id: str) -> URIRef:
    return ID[f"article/{article_id}"]


def new_graph() -> Graph:
    g = Graph()
    for p, ns in PREFIXES.items():
        g.bind(p, ns, override=True)
    return g


def build_graph(m: Merged) -> Graph:
    g = new_graph()
    zh = "zh"
    for res in m.articles:
        a = article_iri(res.article.id)
        g.add((a, RDF.type, CY.Article))
        if res.title:
            g.add((a, DCTERMS.title, Literal(res.title, lang=zh)))
            g.add((a, RDFS.label, Literal(res.title, lang=zh)))
        if res.date:
            g.add((a, DCTERMS.date, Literal(res.date, datatype=XSD.date)))
        g.add((a, CY.sourceFile, Literal(Path(res.article.path).name)))
        g.add((a, CY.encoding, Literal(res.article.encoding)))
    for key, e in m.entities.items():
        s = entity_iri(key)
        g.add((s, RDF.type, CY[e.type]))
        g.add((s, RDFS.label, Literal(e.name, lang=zh)))
        for alias in sorted(e.aliases):
            g.add((s, SKOS.altLabel, Literal(alias, lang=zh)))
        for k, v in e.attrs:
            if k == "divisionCode":
                g.add((s, CY.divisionCode, Literal(v)))
            elif k == "level":
                g.add((s, CY.adminLevel, Literal(v)))
            elif k == "title":
                for t in v.split("、"):
                    g.add((s, CY.title, Literal(t, lang=zh)))
        for art in sorted(m.sources.get(key, ())):
            g.add((s, PROV.wasDerivedFrom, article_iri(art)))
    for r in m.relations:
        g.add((entity_iri(r.head), CY[r.rel], entity_iri(r.tail)))
    for p in m.posts:  # who held which post where, as an org:Membership
        node = entity_iri(f"Post:{p.official}|{p.agency}|{p.title}")
        g.add((node, RDF.type, CY.Post))
        g.add((node, ORG.member, entity_iri(p.official)))
        g.add((node, ORG.organization, entity_iri(p.agency)))
        g.add((node, CY.role, Literal(p.title, lang=zh)))
        g.add((entity_iri(p.official), CY.holdsPost, node))
        for art in sorted({ev.article for ev in p.evidence}):
            g.add((node, PROV.wasDerivedFrom, article_iri(art)))
    return g


def write_turtle(g: Graph, path: Path) -> None:
    """Write atomically: a reader never sees half a file."""
    tmp = path.with_name(path.name + ".tmp")
    g.serialize(destination=str(tmp), format="turtle", encoding="utf-8")
    tmp.replace(path)
