"""Merged entities and relations -> RDF in the Chanye ontology.

Two shapes of the same content:
- build_graph: one graph of all facts (graph.ttl): entities, relations, posts, articles, people.
- build_dataset: the same facts split by where they were read (graph.trig, graph.nq). Each
  article has a named graph of the entities it names; each sentence that states a relation or a
  post has a named graph of those statements, described in the default graph as a Web Annotation
  target (oa:TextQuoteSelector + oa:TextPositionSelector on the original text). So the evidence
  of a fact is one GRAPH pattern away, in any quad store, without reifying each triple.

Quads are made as pyoxigraph terms and go straight into the store (store.Sink): making rdflib
terms first cost most of the build's time at 10k articles. The namespaces (CY, ORG, ...) are
kg.rdf.vocab's; entity_iri stays here for code that reads the graph with rdflib.

IRIs are stable: a region's is its division code, every other entity's a hash of its identity
key, an article's its content hash (or its URL's). The same input always gives the same IRIs.
"""
from __future__ import annotations

import hashlib
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Callable, cast

import pyoxigraph as ox
from rdflib import RDF, RDFS, SKOS, XSD, Dataset, Graph, URIRef
from rdflib.namespace import DCTERMS, PROV

from kg import keys
from kg.corpus.merge import Merged
from kg.model import ArticleResult
from kg.rdf.vocab import CY, ID, OA, ORG, PREFIXES, SCHEMA, zh_lang


# Terms are made as N-Triples text ("<iri>", "\"text\"@zh-Hans") and quads go to the store as
# N-Quads, parsed there by Oxigraph: making a pyoxigraph Quad object per quad cost more than
# anything else on the build path (10k articles: 4.5M quads). An IRI here is always a fixed
# namespace plus a hash, a division code or a fixed name; literals are escaped by _lit.
_ESCAPE = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _iri(text: str) -> str:
    return f"<{text}>"


class _NS:
    """A namespace of IRIs, each made once: _cy.memberOf, _cy["memberOf"]."""

    def __init__(self, base) -> None:
        self._base = str(base)
        self._terms: dict[str, str] = {}

    def __getitem__(self, name: str) -> str:
        t = self._terms.get(name)
        if t is None:
            t = self._terms[name] = _iri(self._base + name)
        return t

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):
            raise AttributeError(name)
        return self[name]


_cy, _org, _schema, _oa = _NS(CY), _NS(ORG), _NS(SCHEMA), _NS(OA)
_rdf, _rdfs, _skos, _xsd, _prov, _dc = _NS(RDF), _NS(RDFS), _NS(SKOS), _NS(XSD), _NS(PROV), _NS(DCTERMS)
_TYPE = _rdf.type
PEOPLE_PROP = {"reporter": _cy.reporter, "editor": _cy.editor, "contributor": _cy.contributor}


def _lit(text: str) -> str:
    return '"' + text.translate(_ESCAPE) + '"'


_TAGGED: dict[str, str] = {}


def _zh(text: str) -> str:
    """A Chinese literal tagged by its script (vocab.zh_lang), made once per text: a name is
    stated by every article that gives it."""
    t = _TAGGED.get(text)
    if t is None:
        if len(_TAGGED) > 500_000:
            _TAGGED.clear()
        t = _TAGGED[text] = _lit(text) + "@" + zh_lang(text)
    return t


def _str(value) -> str:
    return _lit(str(value))


def _typed(value: str, datatype: str) -> str:
    return _lit(value) + "^^" + datatype


def _int(value: int | Decimal) -> str:
    return _typed(str(int(value)), _xsd.integer)


def _dec(value) -> str:
    return _typed(format(Decimal(value), "f"), _xsd.decimal)


def _date(value: str) -> str:
    return _typed(value, _xsd.date)


def _h(key: str) -> str:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _entity_path(key: str) -> str:
    k = keys.parse(key)
    if k.type == "Region" and k.name.isdigit():
        return f"region/{k.name}"
    return f"{k.type.lower()}/{_h(key)}"


def entity_iri(key: str) -> URIRef:
    return ID[_entity_path(key)]


_ENTITIES: dict[str, str] = {}


def _e(key: str) -> str:
    """entity_iri as a term, made once per key."""
    n = _ENTITIES.get(key)
    if n is None:
        if len(_ENTITIES) > 1_000_000:
            _ENTITIES.clear()
        n = _ENTITIES[key] = _iri(str(ID) + _entity_path(key))
    return n


def _id(path: str) -> str:
    return _iri(str(ID) + path)


def _art(article_id: str) -> str:
    return _id(f"article/{article_id}")


def _post(official: str, agency: str, title: str) -> str:
    return _e(keys.post_key(official, agency, title))


def _person(name: str, outlet: str, article_id: str) -> str:
    # a reporter is known by name within an outlet; without an outlet, within the article
    return _id(f"person/{_h(name + '@' + (outlet or article_id))}")


def _bind(g) -> None:
    for p, ns in PREFIXES.items():
        g.bind(p, ns, override=True)


# ---------------------------------------------------------------- articles and their people

def add_article(g, res: ArticleResult) -> None:
    a = _art(res.article.id)
    meta = res.meta
    g.add((a, _TYPE, _cy.Article))
    g.add((a, _cy.sourceFile, _str(res.article.path.rsplit("/", 1)[-1])))
    g.add((a, _cy.encoding, _str(res.article.encoding)))
    if meta is None:
        return
    if meta.title:
        g.add((a, _dc.title, _zh(meta.title)))
        g.add((a, _rdfs.label, _zh(meta.title)))
    if meta.date:
        g.add((a, _dc.date, _date(meta.date)))
    if meta.datetime:
        g.add((a, _dc.issued, _typed(meta.datetime, _xsd.dateTime)))
    if meta.outlet:
        g.add((a, _cy.outlet, _zh(meta.outlet)))
    if meta.url:
        g.add((a, _schema.url, _typed(meta.url, _xsd.anyURI)))
    if meta.mojibake_repaired:
        g.add((a, _cy.mojibakeRepaired, _int(meta.mojibake_repaired)))
    if meta.mojibake_left:
        g.add((a, _cy.mojibakeLeft, _int(meta.mojibake_left)))
    for kind, role, name in meta.people:
        p = _person(name, meta.outlet, res.article.id)
        g.add((p, _TYPE, _cy.Person))
        g.add((p, _rdfs.label, _zh(name)))
        g.add((a, PEOPLE_PROP[kind], p))
        g.add((p, _cy.role, _zh(role)))
    if meta.interviewee:
        g.add((a, _cy.intervieweeName, _zh(meta.interviewee)))
    for name, _codes in res.unresolved:  # a place name several divisions share; nothing decided
        g.add((a, _cy.unresolvedPlace, _zh(name)))


def _interviewee(m: Merged, res: ArticleResult) -> str | None:
    if not res.meta or not res.meta.interviewee:
        return None
    for e in res.entities:
        if e.type == "Official" and e.name == res.meta.interviewee:
            return _e(m.same_as.get(e.key, e.key))
    return None


# ---------------------------------------------------------------- entities, relations, posts

def add_entity(g, key: str, typ: str, name: str, aliases, attrs, codes: bool = True) -> str:
    """codes: with the division code and level (gazetteer facts: in the default graph only)."""
    s = _e(key)
    g.add((s, _TYPE, _cy[typ]))
    g.add((s, _rdfs.label, _zh(name)))
    for alias in sorted(aliases):
        if alias != name:
            g.add((s, _skos.altLabel, _zh(alias)))
    for k, v in attrs:
        if k == "divisionCode" and codes:
            g.add((s, _cy.divisionCode, _str(v)))
        elif k == "level" and codes:
            g.add((s, _cy.adminLevel, _str(v)))
        elif k == "title":
            for t in v.split("、"):
                g.add((s, _cy.title, _zh(t)))
    return s


def add_post(g, official: str, agency: str, title: str) -> str:
    node = _post(official, agency, title)
    role = _zh(title)
    g.add((node, _TYPE, _cy.Post))
    g.add((node, _org.member, _e(official)))
    g.add((node, _org.organization, _e(agency)))
    g.add((node, _org.role, role))
    g.add((node, _cy.role, role))
    g.add((_e(official), _cy.holdsPost, node))
    return node


def figure_iri(f) -> str:
    ev = f.evidence
    return _id(f"figure/{_h(f'{ev.article}|{ev.start}|{f.subject}|{f.metric}|{f.status}')}")


def add_figure(g, f, article_date: str) -> str:
    """A figure as a node: what it measures, its value in a canonical unit, its period."""
    node = figure_iri(f)
    subj = _e(f.subject)
    g.add((node, _TYPE, _cy.Figure))
    g.add((subj, _cy.hasFigure, node))
    g.add((node, _cy.metric, _str(f.metric)))
    g.add((node, _rdfs.label, _zh(f.label)))
    q = f.quantity
    if q is not None:
        if q.value is not None:
            g.add((node, _schema.value, _dec(q.value)))
        else:
            g.add((node, _schema.minValue, _dec(q.low)))
            g.add((node, _schema.maxValue, _dec(q.high)))
        g.add((node, _schema.unitText, _str(q.unit)))
        if q.per:
            g.add((node, _cy.per, _str(q.per)))
        g.add((node, _cy.quote, _zh(q.surface)))
    if f.status:
        g.add((node, _cy.status, _str(f.status)))
    if f.period:
        g.add((node, _cy.period, _str(f.period)))
    if f.period_label:
        g.add((node, _cy.periodLabel, _zh(f.period_label)))
    if article_date:
        g.add((node, _cy.asOf, _date(article_date)))
    g.add((node, _prov.wasDerivedFrom, _art(f.evidence.article)))
    return node


def article_figures(m: Merged, res: ArticleResult):
    """An article's figures whose subject survived the merge, with the subject's merged key."""
    for f in res.figures:
        k = m.same_as.get(f.subject, f.subject)
        if k in m.entities:
            yield replace(f, subject=k) if k != f.subject else f


def add_project_summary(g, m: Merged, figures) -> None:
    """Per project, the figures a query wants first: investment in yuan, capacity, latest status,
    phase. The Figure nodes keep every value with its period and source. figures: with merged
    subjects, in article order."""
    dates = m.dates
    latest: dict[str, tuple[str, str, str]] = {}
    for f in figures:
        e = m.entities.get(f.subject)
        if e is None or e.type != "Project":
            continue
        s = _e(f.subject)
        q = f.quantity
        if f.metric in ("investment", "total_investment", "planned_investment") and q is not None and q.unit == "CNY":
            g.add((s, _cy.investment, _dec(q.value if q.value is not None else q.high)))
        elif f.metric == "capacity" and q is not None:
            per = {"year": "/year", "day": "/day"}.get(q.per, "")
            g.add((s, _cy.capacity, _str(f"{q.value} {q.unit}{per}")))
        elif f.metric == "status":
            when = dates.get(f.evidence.article, "")
            if f.subject not in latest or when > latest[f.subject][0]:
                latest[f.subject] = (when, f.status, f.label)
    for key, (_, status, label) in latest.items():
        g.add((_e(key), _cy.status, _str(status)))
        g.add((_e(key), _cy.statusLabel, _zh(label)))
    for key, e in m.entities.items():
        if e.type == "Project":
            phase = dict(e.attrs).get("phase")  # read from the name by extraction (二期: 2)
            if phase:
                g.add((_e(key), _cy.phase, _int(int(phase))))


def build_graph(m: Merged, g=None, articles: bool = True):
    """Every fact in one graph: what graph.ttl holds. g: a store.Sink; without one, the facts
    come back as an rdflib Graph (for tests and small uses). articles=False leaves out the
    articles' own descriptions, which build_dataset writes into the same default graph: a build
    that writes both goes over the articles once."""
    if g is None:
        return _to_rdflib(lambda sink: build_graph(m, sink), dataset=False)
    projects = []  # figures of projects, for the summary
    for res in m.each_article() if articles else ():
        add_article(g, res)
        who = _interviewee(m, res)
        if who is not None:
            g.add((_art(res.article.id), _cy.interviewee, who))
        for f in article_figures(m, res):
            add_figure(g, f, m.dates.get(f.evidence.article, ""))
            projects.append(f)
    for key, e in m.entities.items():
        s = add_entity(g, key, e.type, e.name, e.aliases, e.attrs)
        for art in sorted(m.sources.get(key, ())):
            g.add((s, _prov.wasDerivedFrom, _art(art)))
    for r in m.relations:
        g.add((_e(r.head), _cy[r.rel], _e(r.tail)))
    dates = m.dates
    for p in m.posts:
        node = add_post(g, p.official, p.agency, p.title)
        for art in sorted({ev.article for ev in p.evidence}):
            g.add((node, _prov.wasDerivedFrom, _art(art)))
            if dates.get(art):  # the date of an article that attests the post
                g.add((node, _cy.attestedOn, _date(dates[art])))
    if articles:
        add_project_summary(g, m, projects)
    return g


def _sentence(g, res: ArticleResult, idx: int, described: dict[str, str]) -> str:
    """Describe sentence idx of an article as an annotation target (once); return its graph IRI."""
    aid = res.article.id
    path = f"graph/{aid}/s{idx}"
    if path in described:
        return described[path]
    node = described[path] = _id(path)
    art = _art(aid)
    exact, o_start, o_end = res.sentences[idx]
    g.add((node, _TYPE, _cy.Sentence))  # an oa:SpecificResource, by the ontology
    g.add((node, _oa.hasSource, art))
    g.add((node, _dc.isPartOf, _id(f"graph/{aid}")))
    g.add((node, _prov.wasDerivedFrom, art))
    # named, not blank: the same selector in every batch and every build
    q, pos = _id(f"selector/{aid}/s{idx}/quote"), _id(f"selector/{aid}/s{idx}/position")
    g.add((node, _oa.hasSelector, q))
    g.add((q, _TYPE, _oa.TextQuoteSelector))
    g.add((q, _oa.exact, _lit(exact) + "@" + zh_lang(exact)))  # once per sentence: not kept in _zh's cache
    g.add((node, _oa.hasSelector, pos))
    g.add((pos, _TYPE, _oa.TextPositionSelector))
    g.add((pos, _oa.start, _int(o_start)))
    g.add((pos, _oa.end, _int(o_end)))
    return node


def build_dataset(m: Merged, ds=None, figures: bool = False,
                  on_article: Callable[[ArticleResult], None] | None = None):
    """The facts by article and by sentence, with sentence selectors: graph.trig / graph.nq.
    ds: a store.Sink; without one, they come back as an rdflib Dataset. figures: also the Figure
    nodes and project summaries of the default graph (what build_graph writes with
    articles=True), so that a build goes over the articles once. on_article: handed each
    article as it is unpacked here, for what else the build reads from the articles (the page's
    sentences), so that they are unpacked once."""
    if ds is None:
        return _to_rdflib(lambda sink: build_dataset(m, sink), dataset=True)
    meta = ds.default_graph
    rep = m.same_as  # an article's own key -> the merged entity's key
    canon = {k: e.name for k, e in m.entities.items()}
    attrs = {k: e.attrs for k, e in m.entities.items()}

    def key(k: str) -> str:
        return rep.get(k, k)

    projects = []
    for res in m.each_article():
        if on_article is not None:
            on_article(res)
        described: dict[str, str] = {}
        aid = res.article.id
        art = _art(aid)
        add_article(meta, res)
        ag_iri = _id(f"graph/{aid}")
        meta.add((ag_iri, _prov.wasDerivedFrom, art))
        ag = ds.graph(ag_iri)
        who = _interviewee(m, res)
        if who is not None:
            ag.add((art, _cy.interviewee, who))
            meta.add((art, _cy.interviewee, who))
        for e in res.entities:
            k = key(e.key)
            # the names this article gives; where they come from is the graph's own wasDerivedFrom
            s = add_entity(ag, k, e.type, canon.get(k, e.name), e.aliases | {e.name}, attrs.get(k, e.attrs), codes=False)
            for ev in e.evidence:
                meta.add((_sentence(meta, res, ev.sentence, described), _cy.mentions, s))
        for r in res.relations:
            if (key(r.head), r.rel, key(r.tail)) in m.dropped:
                continue
            triple = (_e(key(r.head)), _cy[r.rel], _e(key(r.tail)))
            sentences = sorted({ev.sentence for ev in r.evidence})
            if not sentences:  # gazetteer knowledge, the article's context: no single sentence
                ag.add(triple)
            for idx in sentences:
                ds.graph(_sentence(meta, res, idx, described)).add(triple)
        for p in res.posts:
            for pidx in sorted({ev.sentence for ev in p.evidence}) if p.evidence else [None]:
                target = ag if pidx is None else ds.graph(_sentence(meta, res, pidx, described))
                node = add_post(target, key(p.official), key(p.agency), p.title)
                if res.date:
                    target.add((node, _cy.attestedOn, _date(res.date)))
        for f in article_figures(m, res):
            if figures:
                add_figure(meta, f, m.dates.get(aid, ""))
                projects.append(f)
            node = figure_iri(f)
            meta.add((node, _cy.statedIn, _sentence(meta, res, f.evidence.sentence, described)))
    if figures:
        add_project_summary(meta, m, projects)
    return ds


def _to_rdflib(fill, dataset: bool):
    """Run a builder into an in-memory Oxigraph store and hand its quads to rdflib."""
    from kg.rdf.store import Sink

    store = ox.Store()
    sink = Sink(store)
    fill(sink)
    sink.flush()
    # without an output, dump returns the bytes (pyoxigraph's stub says bytes | None for both)
    data = cast(bytes, store.dump(format=ox.RdfFormat.N_QUADS))
    g: Graph
    if dataset:
        g = Dataset()
        g.parse(data=data.decode("utf-8"), format="nquads")
    else:
        g = Graph()
        g.parse(data=data.decode("utf-8"), format="nquads")
    _bind(g)
    return g


def write(g: Graph | Dataset, path: Path, fmt: str) -> None:
    """Serialise atomically: a reader never sees half a file."""
    tmp = path.with_name(path.name + ".tmp")
    g.serialize(destination=str(tmp), format=fmt, encoding="utf-8")
    tmp.replace(path)


def write_turtle(g: Graph, path: Path) -> None:
    write(g, path, "turtle")
