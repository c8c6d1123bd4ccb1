"""Merged entities and relations -> RDF in the Chanye ontology.

Two shapes of the same content:
- build_graph: one graph of all facts (graph.ttl): entities, relations, posts, articles, people.
- build_dataset: the same facts split by where they were read (graph.trig, graph.nq). Each
  article has a named graph of the entities it names; each sentence that states a relation or a
  post has a named graph of those statements, described in the default graph as a Web Annotation
  target (oa:TextQuoteSelector + oa:TextPositionSelector on the original text). So the evidence
  of a fact is one GRAPH pattern away, in any quad store, without reifying each triple.

IRIs are stable: a region's is its division code, every other entity's a hash of its identity
key, an article's its content hash (or its URL's). The same input always gives the same IRIs.
"""
from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from rdflib import RDF, RDFS, SKOS, XSD, BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV

from .merge import Merged
from .model import ArticleResult

class CachedNamespace(Namespace):
    """rdflib's Namespace makes (and validates) a new URIRef on every CY.memberOf; a build asks
    for the same few terms millions of times."""

    def term(self, name: str) -> URIRef:
        cache = _TERMS.setdefault(str(self), {})
        t = cache.get(name)
        if t is None:
            t = cache[name] = super().term(name)
        return t


_TERMS: dict[str, dict[str, URIRef]] = {}
CY = CachedNamespace("https://w3id.org/chanye/ontology#")
ID = Namespace("https://w3id.org/chanye/id/")
ORG = CachedNamespace("http://www.w3.org/ns/org#")
SCHEMA = CachedNamespace("https://schema.org/")
OA = CachedNamespace("http://www.w3.org/ns/oa#")
ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology" / "chanye.ttl"
ZH = "zh"

PREFIXES = {
    "cy": CY, "cyid": ID, "rdfs": RDFS, "skos": SKOS, "xsd": XSD, "prov": PROV,
    "dcterms": DCTERMS, "org": ORG, "schema": SCHEMA, "owl": OWL, "oa": OA,
}
PEOPLE_PROP = {"reporter": CY.reporter, "editor": CY.editor, "contributor": CY.contributor}


def _h(key: str) -> str:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def entity_iri(key: str) -> URIRef:
    typ, rest = key.split(":", 1)
    if typ == "Region" and rest.isdigit():
        return ID[f"region/{rest}"]
    return ID[f"{typ.lower()}/{_h(key)}"]


def article_iri(article_id: str) -> URIRef:
    return ID[f"article/{article_id}"]


def article_graph_iri(article_id: str) -> URIRef:
    return ID[f"graph/{article_id}"]


def sentence_iri(article_id: str, sentence: int) -> URIRef:
    return ID[f"graph/{article_id}/s{sentence}"]


def post_iri(official: str, agency: str, title: str) -> URIRef:
    return entity_iri(f"Post:{official}|{agency}|{title}")


def person_iri(name: str, outlet: str, article_id: str) -> URIRef:
    # a reporter is known by name within an outlet; without an outlet, within the article
    return ID[f"person/{_h(name + '@' + (outlet or article_id))}"]


def _bind(g) -> None:
    for p, ns in PREFIXES.items():
        g.bind(p, ns, override=True)


def new_graph() -> Graph:
    g = Graph()
    _bind(g)
    return g


# ---------------------------------------------------------------- articles and their people

def add_article(g: Graph, res: ArticleResult) -> None:
    a = article_iri(res.article.id)
    meta = res.meta
    g.add((a, RDF.type, CY.Article))
    g.add((a, CY.sourceFile, Literal(res.article.path.rsplit("/", 1)[-1])))
    g.add((a, CY.encoding, Literal(res.article.encoding)))
    if meta is None:
        return
    if meta.title:
        g.add((a, DCTERMS.title, Literal(meta.title, lang=ZH)))
        g.add((a, RDFS.label, Literal(meta.title, lang=ZH)))
    if meta.date:
        g.add((a, DCTERMS.date, Literal(meta.date, datatype=XSD.date)))
    if meta.datetime:
        g.add((a, DCTERMS.issued, Literal(meta.datetime, datatype=XSD.dateTime)))
    if meta.outlet:
        g.add((a, CY.outlet, Literal(meta.outlet, lang=ZH)))
    if meta.url:
        g.add((a, SCHEMA.url, Literal(meta.url, datatype=XSD.anyURI)))
    if meta.mojibake_repaired:
        g.add((a, CY.mojibakeRepaired, Literal(meta.mojibake_repaired)))
    if meta.mojibake_left:
        g.add((a, CY.mojibakeLeft, Literal(meta.mojibake_left)))
    for kind, role, name in meta.people:
        p = person_iri(name, meta.outlet, res.article.id)
        g.add((p, RDF.type, CY.Person))
        g.add((p, RDFS.label, Literal(name, lang=ZH)))
        g.add((a, PEOPLE_PROP[kind], p))
        g.add((p, CY.role, Literal(role, lang=ZH)))
    if meta.interviewee:
        g.add((a, CY.intervieweeName, Literal(meta.interviewee, lang=ZH)))
    for name, _codes in res.unresolved:  # a place name several divisions share; nothing decided
        g.add((a, CY.unresolvedPlace, Literal(name, lang=ZH)))


def _interviewee(m: Merged, res: ArticleResult) -> URIRef | None:
    if not res.meta or not res.meta.interviewee:
        return None
    for e in res.entities:
        if e.type == "Official" and e.name == res.meta.interviewee:
            return entity_iri(m.same_as.get(e.key, e.key))
    return None


# ---------------------------------------------------------------- entities, relations, posts

def add_entity(g: Graph, key: str, typ: str, name: str, aliases, attrs) -> URIRef:
    s = entity_iri(key)
    g.add((s, RDF.type, CY[typ]))
    g.add((s, RDFS.label, Literal(name, lang=ZH)))
    for alias in sorted(aliases):
        if alias != name:
            g.add((s, SKOS.altLabel, Literal(alias, lang=ZH)))
    for k, v in attrs:
        if k == "divisionCode":
            g.add((s, CY.divisionCode, Literal(v)))
        elif k == "level":
            g.add((s, CY.adminLevel, Literal(v)))
        elif k == "title":
            for t in v.split("、"):
                g.add((s, CY.title, Literal(t, lang=ZH)))
    return s


def add_post(g: Graph, official: str, agency: str, title: str) -> URIRef:
    node = post_iri(official, agency, title)
    g.add((node, RDF.type, CY.Post))
    g.add((node, ORG.member, entity_iri(official)))
    g.add((node, ORG.organization, entity_iri(agency)))
    g.add((node, ORG.role, Literal(title, lang=ZH)))
    g.add((node, CY.role, Literal(title, lang=ZH)))
    g.add((entity_iri(official), CY.holdsPost, node))
    return node


def figure_iri(f) -> URIRef:
    ev = f.evidence
    return ID[f"figure/{_h(f'{ev.article}|{ev.start}|{f.subject}|{f.metric}|{f.status}')}"]


def add_figure(g: Graph, f, article_date: str) -> URIRef:
    """A figure as a node: what it measures, its value in a canonical unit, its period."""
    node = figure_iri(f)
    subj = entity_iri(f.subject)
    g.add((node, RDF.type, CY.Figure))
    g.add((subj, CY.hasFigure, node))
    g.add((node, CY.metric, Literal(f.metric)))
    g.add((node, RDFS.label, Literal(f.label, lang=ZH)))
    q = f.quantity
    if q is not None:
        if q.value is not None:
            g.add((node, SCHEMA.value, Literal(q.value, datatype=XSD.decimal)))
        else:
            g.add((node, SCHEMA.minValue, Literal(q.low, datatype=XSD.decimal)))
            g.add((node, SCHEMA.maxValue, Literal(q.high, datatype=XSD.decimal)))
        g.add((node, SCHEMA.unitText, Literal(q.unit)))
        if q.per:
            g.add((node, CY.per, Literal(q.per)))
        g.add((node, CY.quote, Literal(q.surface, lang=ZH)))
    if f.status:
        g.add((node, CY.status, Literal(f.status)))
    if f.period:
        g.add((node, CY.period, Literal(f.period)))
    if f.period_label:
        g.add((node, CY.periodLabel, Literal(f.period_label, lang=ZH)))
    if article_date:
        g.add((node, CY.asOf, Literal(article_date, datatype=XSD.date)))
    g.add((node, PROV.wasDerivedFrom, article_iri(f.evidence.article)))
    return node


def add_project_summary(g: Graph, m: Merged, dates: dict[str, str]) -> None:
    """Per project, the figures a query wants first: investment in yuan, capacity, latest status,
    phase. The Figure nodes keep every value with its period and source."""
    from .mentions.orgs import PHASE

    latest: dict[str, tuple[str, str, str]] = {}
    for f in m.figures:
        e = m.entities.get(f.subject)
        if e is None or e.type != "Project":
            continue
        s = entity_iri(f.subject)
        q = f.quantity
        if f.metric in ("investment", "total_investment", "planned_investment") and q is not None and q.unit == "CNY":
            g.add((s, CY.investment, Literal(q.value if q.value is not None else q.high, datatype=XSD.decimal)))
        elif f.metric == "capacity" and q is not None:
            per = {"year": "/year", "day": "/day"}.get(q.per, "")
            g.add((s, CY.capacity, Literal(f"{q.value} {q.unit}{per}")))
        elif f.metric == "status":
            when = dates.get(f.evidence.article, "")
            if f.subject not in latest or when > latest[f.subject][0]:
                latest[f.subject] = (when, f.status, f.label)
    for key, (_, status, label) in latest.items():
        g.add((entity_iri(key), CY.status, Literal(status)))
        g.add((entity_iri(key), CY.statusLabel, Literal(label, lang=ZH)))
    for key, e in m.entities.items():
        if e.type == "Project":
            ph = PHASE.search(e.name)
            if ph:
                from .facts import parse_number

                try:
                    g.add((entity_iri(key), CY.phase, Literal(int(parse_number(ph.group().split("期")[0])))))
                except ValueError:
                    pass


def build_graph(m: Merged, g=None):
    """Every fact in one graph: what graph.ttl holds. g: an rdflib Graph (new by default) or a
    store.Sink."""
    g = new_graph() if g is None else g
    for res in m.articles:
        add_article(g, res)
        who = _interviewee(m, res)
        if who is not None:
            g.add((article_iri(res.article.id), CY.interviewee, who))
    for key, e in m.entities.items():
        s = add_entity(g, key, e.type, e.name, e.aliases, e.attrs)
        for art in sorted(m.sources.get(key, ())):
            g.add((s, PROV.wasDerivedFrom, article_iri(art)))
    for r in m.relations:
        g.add((entity_iri(r.head), CY[r.rel], entity_iri(r.tail)))
    dates = {r.article.id: r.date for r in m.articles}
    for p in m.posts:
        node = add_post(g, p.official, p.agency, p.title)
        for art in sorted({ev.article for ev in p.evidence}):
            g.add((node, PROV.wasDerivedFrom, article_iri(art)))
            if dates.get(art):  # the date of an article that attests the post
                g.add((node, CY.attestedOn, Literal(dates[art], datatype=XSD.date)))
    for f in m.figures:
        add_figure(g, f, dates.get(f.evidence.article, ""))
    add_project_summary(g, m, dates)
    return g


def _sentence(g, res: ArticleResult, idx: int, described: set) -> URIRef:
    """Describe sentence idx of an article as an annotation target (once); return its graph IRI."""
    aid = res.article.id
    node = sentence_iri(aid, idx)
    if node in described:
        return node
    described.add(node)
    exact, o_start, o_end = res.sentences[idx]
    g.add((node, RDF.type, CY.Sentence))
    g.add((node, RDF.type, OA.SpecificResource))
    g.add((node, OA.hasSource, article_iri(aid)))
    g.add((node, DCTERMS.isPartOf, article_graph_iri(aid)))
    g.add((node, PROV.wasDerivedFrom, article_iri(aid)))
    q, pos = BNode(f"q{_h(str(node))}"), BNode(f"p{_h(str(node))}")
    g.add((node, OA.hasSelector, q))
    g.add((q, RDF.type, OA.TextQuoteSelector))
    g.add((q, OA.exact, Literal(exact)))
    g.add((node, OA.hasSelector, pos))
    g.add((pos, RDF.type, OA.TextPositionSelector))
    g.add((pos, OA.start, Literal(o_start)))
    g.add((pos, OA.end, Literal(o_end)))
    return node


def build_dataset(m: Merged, ds=None):
    """The facts by article and by sentence, with sentence selectors: graph.trig / graph.nq.
    ds: an rdflib Dataset (new by default) or a store.Sink."""
    if ds is None:
        ds = Dataset()
        _bind(ds)
    meta = ds.default_graph
    described: set = set()
    rep = m.same_as  # an article's own key -> the merged entity's key
    canon = {k: e.name for k, e in m.entities.items()}
    attrs = {k: e.attrs for k, e in m.entities.items()}

    def key(k: str) -> str:
        return rep.get(k, k)

    for res in m.articles:
        aid = res.article.id
        add_article(meta, res)
        ag_iri = article_graph_iri(aid)
        meta.add((ag_iri, PROV.wasDerivedFrom, article_iri(aid)))
        ag = ds.graph(ag_iri)
        who = _interviewee(m, res)
        if who is not None:
            ag.add((article_iri(aid), CY.interviewee, who))
        for e in res.entities:
            k = key(e.key)
            s = add_entity(ag, k, e.type, canon.get(k, e.name), e.aliases | {e.name}, attrs.get(k, e.attrs))
            ag.add((s, PROV.wasDerivedFrom, article_iri(aid)))
            for ev in e.evidence:
                meta.add((_sentence(meta, res, ev.sentence, described), CY.mentions, s))
        for r in res.relations:
            triple = (entity_iri(key(r.head)), CY[r.rel], entity_iri(key(r.tail)))
            sentences = sorted({ev.sentence for ev in r.evidence})
            if not sentences:  # gazetteer knowledge, the article's context: no single sentence
                ag.add(triple)
            for idx in sentences:
                ds.graph(_sentence(meta, res, idx, described)).add(triple)
        for p in res.posts:
            for idx in sorted({ev.sentence for ev in p.evidence}) or [None]:
                target = ag if idx is None else ds.graph(_sentence(meta, res, idx, described))
                node = add_post(target, key(p.official), key(p.agency), p.title)
                if res.date:
                    target.add((node, CY.attestedOn, Literal(res.date, datatype=XSD.date)))
        for f in res.figures:
            if key(f.subject) in m.entities:
                # the figure itself is in the default graph (build_graph); here only where it was read
                node = figure_iri(replace(f, subject=key(f.subject)))
                meta.add((node, CY.statedIn, _sentence(meta, res, f.evidence.sentence, described)))
    return ds


def write(g: Graph | Dataset, path: Path, fmt: str) -> None:
    """Serialise atomically: a reader never sees half a file."""
    tmp = path.with_name(path.name + ".tmp")
    g.serialize(destination=str(tmp), format=fmt, encoding="utf-8")
    tmp.replace(path)


def write_turtle(g: Graph, path: Path) -> None:
    write(g, path, "turtle")
