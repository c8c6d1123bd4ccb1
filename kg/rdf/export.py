"""Exports for network tools, tables and JSON-LD, written from a loaded store (kg export, and
kg build --formats graphml,gexf,csv,jsonld after the store is loaded).

- GraphML (graph.graphml) and GEXF 1.2 (graph.gexf): one node per entity (its IRI as id, label,
  type and the type's Chinese name, every name, division code and level, source articles) and
  one edge per relation (its name and Chinese label from the ontology, evidence sentences,
  articles). Gephi, Cytoscape, yEd and networkx read both.
- CSV tables (UTF-8, a header line): nodes.csv, edges.csv (with the first evidence sentence and
  its article), evidence.csv (every sentence of every edge, for GraphRAG), posts.csv (who holds
  which post in which agency; written when the graph has posts).
- JSON-LD (graph.jsonld): the default graph (what graph.ttl holds) under a @context of the
  project's prefixes.

The data is read with pattern lookups on the store's indexes, a few per predicate, never by
loading the graph into rdflib; the XML is written by a streaming writer (measured against
networkx's writers on 13k articles: see README). Every file is written to a temporary name and
renamed, and the rows are sorted: the same build gives byte-identical files.
"""
from __future__ import annotations

import csv
import json
import os
import re
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, cast

import pyoxigraph as ox

from kg.model import ENTITY_TYPES, RELATION_TYPES
from kg.formats import BY_NAME, FROM_STORE
from kg.rdf.vocab import CY, OA, ORG, PREFIXES

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_PROV = "http://www.w3.org/ns/prov#"
_DC = "http://purl.org/dc/terms/"
_SCHEMA = "https://schema.org/"
NAMES_SEP = "|"  # between the names of the names column (no extracted name holds it)


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _v(term) -> str:
    """A term's text (every term kg writes is an IRI, a blank node or a literal: none is a triple)."""
    return term.value


TYPE, LABEL, ALT = _n(_RDF + "type"), _n(_RDFS + "label"), _n(_SKOS + "altLabel")
DERIVED, TITLE, DATE, URL = _n(_PROV + "wasDerivedFrom"), _n(_DC + "title"), _n(_DC + "date"), _n(_SCHEMA + "url")
SOURCE, SELECTOR, EXACT = _n(str(OA.hasSource)), _n(str(OA.hasSelector)), _n(str(OA.exact))
SENTENCE, POST = _n(str(CY.Sentence)), _n(str(CY.Post))
MEMBER, ORGANIZATION, ROLE = _n(str(ORG.member)), _n(str(ORG.organization)), _n(str(ORG.role))
ATTESTED, JURISDICTION = _n(str(CY.attestedOn)), _n(str(CY.jurisdiction))
ATTRS = {"divisionCode": "division_code", "adminLevel": "admin_level", "title": "titles"}
DEFAULT = ox.DefaultGraph()


@dataclass
class Node:
    id: str
    type: str
    label: str = ""
    names: set[str] = field(default_factory=set)
    attrs: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    sources: int = 0


@dataclass
class Edge:
    head: str
    rel: str
    tail: str
    sentences: list[str] = field(default_factory=list)  # sentence graph IRIs, first first
    articles: set[str] = field(default_factory=set)


@dataclass
class Article:
    title: str = ""
    date: str = ""
    url: str = ""


@dataclass
class Network:
    """What the graph exports hold, read from a store."""
    nodes: dict[str, Node]
    edges: list[Edge]
    articles: dict[str, Article]
    exact: dict[str, str]  # sentence IRI -> its text
    source: dict[str, str]  # sentence IRI -> article IRI
    type_zh: dict[str, str]  # Official -> 官员 (the ontology's labels)
    rel_zh: dict[str, str]  # memberOf -> 任职于
    posts: list[dict[str, str]]


# ---------------------------------------------------------------- reading the store

def _ontology_labels() -> dict[str, str]:
    """local name -> the ontology's Chinese label (Official -> 官员, memberOf -> 任职于)."""
    from kg.resources import ONTOLOGY

    labels: dict[str, str] = {}
    for t in ox.parse(ONTOLOGY.read_bytes(), format=ox.RdfFormat.TURTLE):
        o = t.object
        if t.predicate == LABEL and isinstance(o, ox.Literal) and (o.language or "").startswith("zh") \
                and t.subject.value.startswith(str(CY)):
            labels[t.subject.value[len(str(CY)):]] = o.value
    return labels


def _sentence_order(s: str) -> tuple[str, int]:
    """graph/<article>/s<n>: by article, then by number (s2 before s10)."""
    head, _, n = s.rpartition("/s")
    return (head, int(n) if n.isdigit() else -1)


def _scan(store: ox.Store, p, keep=None) -> dict[str, list[str]]:
    """subject -> the values of its p in the default graph (of the subjects in keep), by one scan
    of the predicate's index: a lookup per subject costs about as much per call as a scan per quad."""
    out: dict[str, list[str]] = defaultdict(list)
    for q in store.quads_for_pattern(None, p, None, DEFAULT):
        s = _v(q.subject)
        if keep is None or s in keep:
            out[s].append(_v(q.object))
    return out


def _first(values: dict[str, list[str]], s: str) -> str:
    """The smallest value: one whatever the store's order."""
    v = values.get(s)
    return min(v) if v else ""


def read_network(store: ox.Store) -> Network:
    onto = _ontology_labels()
    nodes: dict[str, Node] = {}
    for t in ENTITY_TYPES:
        for q in store.quads_for_pattern(None, TYPE, _n(str(CY[t])), DEFAULT):
            iri = _v(q.subject)
            if iri not in nodes:  # a node of two types keeps the first in ENTITY_TYPES' order
                nodes[iri] = Node(iri, t)
    labels, alts = _scan(store, LABEL, nodes), _scan(store, ALT, nodes)
    attrs = {col: _scan(store, _n(str(CY[local])), nodes) for local, col in ATTRS.items()}
    derived = _scan(store, DERIVED)  # entities', posts' and graphs' articles
    for n in nodes.values():
        n.label = _first(labels, n.id)
        n.names = set(alts.get(n.id, ())) | ({n.label} if n.label else set())
        for col, values in attrs.items():
            n.attrs[col] = set(values.get(n.id, ()))
        n.sources = len(derived.get(n.id, ()))
    sentences = {_v(q.subject) for q in store.quads_for_pattern(None, TYPE, SENTENCE, DEFAULT)}
    has_source = _scan(store, SOURCE)

    def article_of(g: str) -> str:
        """The article a named graph was read from (a sentence's source, an article graph's)."""
        return _first(has_source if g in sentences else derived, g)

    edges: dict[tuple[str, str, str], Edge] = {}
    named: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for rel in RELATION_TYPES:
        for q in store.quads_for_pattern(None, _n(str(CY[rel])), None, None):
            h, t = _v(q.subject), _v(q.object)
            if h not in nodes or t not in nodes:
                continue
            key = (h, rel, t)
            if isinstance(q.graph_name, ox.DefaultGraph):
                edges[key] = Edge(h, rel, t)
            else:
                named[key].append(_v(q.graph_name))
    articles: dict[str, Article] = {}
    for key, e in edges.items():
        for g in named.get(key, ()):
            a = article_of(g)
            if a:
                e.articles.add(a)
                articles.setdefault(a, Article())
            if g in sentences:
                e.sentences.append(g)
    for pred, attr in ((TITLE, "title"), (DATE, "date"), (URL, "url")):
        values = _scan(store, pred, articles)
        for a, art in articles.items():
            setattr(art, attr, _first(values, a))
    evidence = {s for e in edges.values() for s in e.sentences}
    selectors = _scan(store, SELECTOR, evidence)
    quotes = _scan(store, EXACT, {q for qs in selectors.values() for q in qs})
    exact = {s: min((x for q in selectors.get(s, ()) for x in quotes.get(q, ())), default="") for s in evidence}
    for e in edges.values():
        # the earliest article first, then the article's order: the first sentence is the one a
        # reader would meet first in the corpus
        e.sentences.sort(key=lambda s: (articles[article_of(s)].date or "9999", _sentence_order(s)))
    posts = []
    post_nodes = sorted(_v(q.subject) for q in store.quads_for_pattern(None, TYPE, POST, DEFAULT))
    if post_nodes:
        keep = set(post_nodes)
        member, org, role, attested = (_scan(store, pred, keep) for pred in (MEMBER, ORGANIZATION, ROLE, ATTESTED))
        jurisdiction = _scan(store, JURISDICTION, nodes)
    for p in post_nodes:
        official, agency = _first(member, p), _first(org, p)
        dates = sorted(attested.get(p, ()))
        regions = sorted(nodes[j].label for j in jurisdiction.get(agency, ()) if j in nodes)
        posts.append({
            "post": p, "official_id": official, "official": nodes[official].label if official in nodes else "",
            "role": _first(role, p), "agency_id": agency, "agency": nodes[agency].label if agency in nodes else "",
            "region": NAMES_SEP.join(regions), "articles": str(len(derived.get(p, ()))),
            "first_attested": dates[0] if dates else "", "last_attested": dates[-1] if dates else "",
        })
    posts.sort(key=lambda r: (r["official"], r["agency"], r["role"], r["post"]))
    return Network(nodes=dict(sorted(nodes.items())), edges=[edges[k] for k in sorted(edges)], articles=articles,
                   exact=exact, source={s: article_of(s) for s in exact},
                   type_zh={t: onto.get(t, "") for t in ENTITY_TYPES}, rel_zh={r: onto.get(r, "") for r in RELATION_TYPES},
                   posts=posts)


# ---------------------------------------------------------------- rows shared by every format

NODE_COLUMNS = ("id", "label", "type", "type_zh", "names", "division_code", "admin_level", "titles", "sources")
EDGE_COLUMNS = ("source", "target", "relation", "relation_zh", "evidence", "articles")


def node_row(net: Network, n: Node) -> dict[str, str | int]:
    return {"id": n.id, "label": n.label, "type": n.type, "type_zh": net.type_zh[n.type],
            "names": NAMES_SEP.join(sorted(n.names)),
            **{col: NAMES_SEP.join(sorted(n.attrs.get(col, ()))) for col in ATTRS.values()},
            "sources": n.sources}


def edge_row(net: Network, e: Edge) -> dict[str, str | int]:
    return {"source": e.head, "target": e.tail, "relation": e.rel, "relation_zh": net.rel_zh[e.rel],
            "evidence": len(e.sentences), "articles": len(e.articles)}


# ---------------------------------------------------------------- XML

# XML 1.0 allows no control characters but tab, newline and carriage return, no lone surrogates
# and not U+FFFE/U+FFFF: a name scraped with one would make the whole file unreadable, so they
# are dropped (the CSV tables and JSON-LD keep the text as it is)
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ATTR = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;"})
_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})


def _attr(value) -> str:
    return _NOT_XML.sub("", str(value)).translate(_ATTR)


def _text(value) -> str:
    return _NOT_XML.sub("", str(value)).translate(_TEXT)


_INT = {"sources", "evidence", "articles"}


def write_graphml(net: Network, fh: IO[str]) -> None:
    w = fh.write
    w('<?xml version="1.0" encoding="UTF-8"?>\n'
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
    for kind, cols in (("node", NODE_COLUMNS[1:]), ("edge", EDGE_COLUMNS[2:])):
        for c in cols:
            w(f'  <key id="{kind[0]}_{c}" for="{kind}" attr.name="{c}" attr.type="{"int" if c in _INT else "string"}"/>\n')
    w('  <graph id="chanye" edgedefault="directed">\n')
    for n in net.nodes.values():
        row = node_row(net, n)
        w(f'    <node id="{_attr(n.id)}">')
        w("".join(f'<data key="n_{c}">{_text(row[c])}</data>' for c in NODE_COLUMNS[1:] if row[c] != ""))
        w("</node>\n")
    for i, e in enumerate(net.edges):
        row = edge_row(net, e)
        w(f'    <edge id="e{i}" source="{_attr(e.head)}" target="{_attr(e.tail)}">')
        w("".join(f'<data key="e_{c}">{_text(row[c])}</data>' for c in EDGE_COLUMNS[2:]))
        w("</edge>\n")
    w("  </graph>\n</graphml>\n")


def write_gexf(net: Network, fh: IO[str]) -> None:
    w = fh.write
    w('<?xml version="1.0" encoding="UTF-8"?>\n'
      '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
      ' xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n'
      '  <meta><creator>kg (Chanye KG)</creator><description>entities and their relations</description></meta>\n'
      '  <graph defaultedgetype="directed" mode="static">\n')
    node_cols, edge_cols = NODE_COLUMNS[2:], EDGE_COLUMNS[2:]  # the label is the node's own attribute
    for kind, cols in (("node", node_cols), ("edge", edge_cols)):
        w(f'    <attributes class="{kind}">\n')
        for c in cols:
            w(f'      <attribute id="{c}" title="{c}" type="{"integer" if c in _INT else "string"}"/>\n')
        w("    </attributes>\n")
    w("    <nodes>\n")
    for n in net.nodes.values():
        row = node_row(net, n)
        vals = "".join(f'<attvalue for="{c}" value="{_attr(row[c])}"/>' for c in node_cols if row[c] != "")
        w(f'      <node id="{_attr(n.id)}" label="{_attr(n.label)}"><attvalues>{vals}</attvalues></node>\n')
    w("    </nodes>\n    <edges>\n")
    for i, e in enumerate(net.edges):
        row = edge_row(net, e)
        vals = "".join(f'<attvalue for="{c}" value="{_attr(row[c])}"/>' for c in edge_cols)
        # weight: the articles that state it (at least 1: an edge of the gazetteer's context has none)
        w(f'      <edge id="{i}" source="{_attr(e.head)}" target="{_attr(e.tail)}" label="{_attr(e.rel)}"'
          f' weight="{max(1, len(e.articles))}"><attvalues>{vals}</attvalues></edge>\n')
    w("    </edges>\n  </graph>\n</gexf>\n")


# ---------------------------------------------------------------- CSV

EDGE_CSV = ("source", "source_label", "relation", "relation_zh", "target", "target_label", "evidence", "articles",
            "sentence", "article_title", "article_date", "article_url")
EVIDENCE_CSV = ("source", "source_label", "relation", "target", "target_label", "sentence", "article",
                "article_title", "article_date", "article_url")
POST_CSV = ("post", "official_id", "official", "role", "agency_id", "agency", "region", "articles",
            "first_attested", "last_attested")


def _writer(fh: IO[str]):
    return csv.writer(fh, lineterminator="\n")


def _sentence_cols(net: Network, s: str) -> list[str]:
    a = net.source.get(s, "")
    art = net.articles.get(a, Article())
    return [net.exact.get(s, ""), a, art.title, art.date, art.url]


def write_nodes_csv(net: Network, fh: IO[str]) -> None:
    w = _writer(fh)
    w.writerow(NODE_COLUMNS)
    for n in net.nodes.values():
        row = node_row(net, n)
        w.writerow([row[c] for c in NODE_COLUMNS])


def write_edges_csv(net: Network, fh: IO[str]) -> None:
    w = _writer(fh)
    w.writerow(EDGE_CSV)
    for e in net.edges:
        first = _sentence_cols(net, e.sentences[0]) if e.sentences else [""] * 5
        w.writerow([e.head, net.nodes[e.head].label, e.rel, net.rel_zh[e.rel], e.tail, net.nodes[e.tail].label,
                    len(e.sentences), len(e.articles), first[0], *first[2:]])


def write_evidence_csv(net: Network, fh: IO[str]) -> None:
    w = _writer(fh)
    w.writerow(EVIDENCE_CSV)
    for e in net.edges:
        for s in e.sentences:
            w.writerow([e.head, net.nodes[e.head].label, e.rel, e.tail, net.nodes[e.tail].label, *_sentence_cols(net, s)])


def write_posts_csv(net: Network, fh: IO[str]) -> None:
    w = _writer(fh)
    w.writerow(POST_CSV)
    for p in net.posts:
        w.writerow([p[c] for c in POST_CSV])


# ---------------------------------------------------------------- JSON-LD

_KEY_OR_ID = None


def _compactor():
    """A substitution of the namespaces' IRIs by prefixed names in the JSON Oxigraph writes: in
    property keys ("https://w3id.org/chanye/ontology#memberOf":[) and in @id / @type values. The
    patterns hold an unescaped quote on each side, which a JSON string value cannot, and no '}'
    (the chunks are cut after one)."""
    global _KEY_OR_ID
    if _KEY_OR_ID is None:
        ns = sorted(((str(v), k) for k, v in PREFIXES.items()), key=lambda x: -len(x[0]))
        alt = b"|".join(re.escape(n.encode()) for n, _ in ns)
        names = {n.encode(): k.encode() for n, k in ns}
        pat = re.compile(rb'("(?:@id|@type)":"|(?<=[{,])")(' + alt + rb')([^"\\}]+)"')

        def sub(m: re.Match) -> bytes:
            return m.group(1) + names[m.group(2)] + b":" + m.group(3) + b'"'

        _KEY_OR_ID = (pat, sub)
    return _KEY_OR_ID


class _Compacting:
    """A file Oxigraph's JSON-LD writer writes into: each chunk, up to its last '}', is compacted
    and written on; the rest waits for the next."""

    def __init__(self, out: IO[bytes]):
        self.out, self.rest = out, b""
        self.pat, self.sub = _compactor()

    def write(self, data: bytes) -> int:
        buf = self.rest + bytes(data)
        cut = buf.rfind(b"}") + 1
        self.rest = buf[cut:]
        if cut:
            self.out.write(self.pat.sub(self.sub, buf[:cut]))
        return len(data)

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self.out.write(self.pat.sub(self.sub, self.rest))
        self.rest = b""


def write_jsonld(store: ox.Store, fh: IO[bytes]) -> None:
    """The default graph as JSON-LD: Oxigraph's expanded node objects, their IRIs compacted by the
    project's prefixes, under {"@context": the prefixes, "@graph": [...]}."""
    context = {k: str(v) for k, v in sorted(PREFIXES.items())}
    fh.write(b'{"@context":' + json.dumps(context, ensure_ascii=False, sort_keys=True).encode() + b',\n"@graph":')
    c = _Compacting(fh)
    store.dump(cast(IO[bytes], c), format=ox.RdfFormat.JSON_LD, from_graph=DEFAULT)  # it needs write() only
    c.close()
    fh.write(b"}\n")


# ---------------------------------------------------------------- files

@contextmanager
def _atomic(path: Path, binary: bool = False):
    """A file written as .NAME.PID.tmp beside path and renamed over it when complete (the name a
    next build's tidy removes if this one stops half way)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with (open(tmp, "wb") if binary else open(tmp, "w", encoding="utf-8", newline="")) as fh:
            yield fh
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def export(store: ox.Store, formats, folder: Path) -> list[Path]:
    """Write the exports of formats (names of kg.formats written from the store: graphml,
    gexf, csv, jsonld) into folder; returns the files written."""
    names = [n for n in FROM_STORE if n in set(formats)]
    written: list[Path] = []
    net = read_network(store) if any(n != "jsonld" for n in names) else None
    for name in names:
        if name == "jsonld":
            path = folder / BY_NAME[name].file
            with _atomic(path, binary=True) as fh:
                write_jsonld(store, fh)
            written.append(path)
            continue
        assert net is not None
        writers = {"graphml": {"graph.graphml": write_graphml}, "gexf": {"graph.gexf": write_gexf},
                   "csv": {"nodes.csv": write_nodes_csv, "edges.csv": write_edges_csv,
                           "evidence.csv": write_evidence_csv, "posts.csv": write_posts_csv}}[name]
        for file, write in writers.items():
            path = folder / file
            if file == "posts.csv" and not net.posts:
                path.unlink(missing_ok=True)  # no posts in this graph: no table of them (nor an old one)
                continue
            with _atomic(path) as fh:
                write(net, fh)
            written.append(path)
    return written
