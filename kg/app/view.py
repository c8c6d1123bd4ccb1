"""A graph -> an interactive HTML network (pyvis / vis-network) that works offline.

The page has one colour and shape per type with a legend, a search box that finds a node by any
of its names, type filters, and a panel with the selected node's names, type, relations and the
sentences they were read from. Names come from scraped text: they reach the page only as JSON
(escaped for a <script> block) and are shown with textContent, never as markup.

Large graphs stay usable: the first view is an overview (the entities with the most evidence,
every type in proportion, regions as context, no unconnected nodes), the page can draw any
entity's or region's neighbourhood from the whole graph's edges embedded in it, a part can be
chosen (focus + depth, type, region), the page says what it left out, and big pages get
precomputed positions instead of a physics simulation.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, SKOS, Dataset, Graph
from rdflib.namespace import DCTERMS, PROV

from kg.model import ENTITY_TYPES, RELATION_TYPES, ArticleResult
from kg.rdf.vocab import CY, OA, SCHEMA
from kg.app.web import script_json

# one colour and one shape per entity type; the legend is drawn from this table
STYLE = {
    "Official": ("#e15759", "dot", "官员 Official"),
    "Agency": ("#4e79a7", "box", "机构 Agency"),
    "Region": ("#59a14f", "triangle", "行政区 Region"),
    "IndustrialPark": ("#f28e2b", "diamond", "园区 Industrial park"),
    "Company": ("#b07aa1", "square", "企业 Company"),
    "Project": ("#edc948", "star", "项目 Project"),
}
# a relation's one name, in Chinese and English: the edges, the legend and the panel all use it
REL_LABEL = {
    "memberOf": "任职 memberOf", "jurisdiction": "辖区 jurisdiction", "partOf": "隶属 partOf",
    "locatedIn": "位于 locatedIn", "developedBy": "建设方 developedBy", "subsidiaryOf": "子公司 subsidiaryOf",
}
DEFAULT_BUDGET = 1500
LAYOUT_ABOVE = 300  # nodes: above this, positions are computed here and physics is off
REGION_SHARE = 0.2  # of the overview's budget at most: regions are there as context
TYPE_FLOOR = 0.02  # of the budget at least, per type present: a small type is never absent
SOURCES_SHOWN = 10  # articles listed per node in the panel (the page says how many more)
CDN_TAG = re.compile(r"<(?:link|script)\b[^>]*(?:https?:)?//cdn[^>]*>\s*(?:</script>)?", re.S)


@dataclass
class Node:
    iri: str
    type: str
    label: str
    names: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # article keys of ViewData.articles (else shown as is)
    articles: int = 0  # how many articles name it (sources may hold the first few only); 0: len(sources)

    @property
    def weight(self) -> int:
        return self.articles or len(self.sources)


@dataclass
class ViewData:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[tuple[str, str, str]] = field(default_factory=list)  # (head, rel, tail)
    # edge -> (article key, sentence); a plain string is a sentence of no known article
    evidence: dict[tuple[str, str, str], list] = field(default_factory=dict)
    articles: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # key -> (title, date, url)
    left_out: str = ""  # what the selection or the budget dropped, said on the page
    # the whole graph's connected nodes and edges, for the page's neighbourhood control (None: these)
    whole: "ViewData | None" = None


def read(g: Graph | Dataset) -> ViewData:
    """Entities, relations, sources and (from a Dataset) evidence sentences of a graph."""
    # graphs in a fixed order (rdflib keeps them in a set): the default graph, then by article
    # and sentence number, the order the build's own page gives evidence in
    graphs = sorted(g.graphs(), key=_graph_order) if isinstance(g, Dataset) else [g]
    v = ViewData()
    for gr in graphs:
        for a in gr.subjects(RDF.type, CY.Article):
            title = gr.value(a, DCTERMS.title) or gr.value(a, CY.sourceFile) or a
            v.articles[str(a)] = (str(title), str(gr.value(a, DCTERMS.date) or ""), str(gr.value(a, SCHEMA.url) or ""))
    for gr in graphs:
        for t in ENTITY_TYPES:
            for s in gr.subjects(RDF.type, CY[t]):
                n = v.nodes.get(str(s))
                if n is None:
                    label = str(gr.value(s, RDFS.label) or s)
                    n = v.nodes[str(s)] = Node(str(s), t, label, [label])
                for alt in gr.objects(s, SKOS.altLabel):
                    if str(alt) not in n.names:
                        n.names.append(str(alt))
                for art in gr.objects(s, PROV.wasDerivedFrom):
                    if str(art) not in n.sources:
                        n.sources.append(str(art))
    sentence_text: dict[str, tuple[str, str]] = {}
    for gr in graphs:
        for sent, sel in gr.subject_objects(OA.hasSelector):
            exact = gr.value(sel, OA.exact)
            if exact is not None:
                sentence_text[str(sent)] = (str(gr.value(sent, OA.hasSource) or ""), str(exact))
    seen = set()
    for gr in graphs:
        gid = str(gr.identifier)
        for rel in RELATION_TYPES:
            for h, tail in gr.subject_objects(CY[rel]):
                key = (str(h), rel, str(tail))
                if key[0] in v.nodes and key[2] in v.nodes and key not in seen:
                    seen.add(key)
                    v.edges.append(key)
                if gid in sentence_text:
                    v.evidence.setdefault(key, [])
                    if sentence_text[gid] not in v.evidence[key]:
                        v.evidence[key].append(sentence_text[gid])
    v.edges.sort()
    for n in v.nodes.values():
        n.names[1:] = sorted(set(n.names[1:]) - {n.label})
        n.sources.sort(key=lambda a: (v.articles.get(a, ("", "", ""))[1], a))
        n.articles = len(n.sources)
    return v


def _graph_order(gr) -> tuple:
    gid = str(gr.identifier)
    if "/graph/" not in gid:
        return (0, gid, -1)
    path = gid.split("/graph/", 1)[1]
    art, _, sent = path.partition("/s")
    return (1, art, int(sent) if sent.isdigit() else -1)


# ---------------------------------------------------------------- the overview

def overview(types: dict[str, str], weight: dict[str, tuple], edges, budget: int) -> tuple[list[str], str]:
    """The nodes a first look shows, and what it left out (said on the page).

    types: node -> type; weight: node -> how much evidence it has, most first (a sort key, the
    node's IRI last so that ties have one order); edges: (head, tail) pairs. Officials, agencies,
    parks, companies and projects are chosen by evidence, each type its share of the graph's
    non-region nodes (at least TYPE_FLOOR of the budget, when it has that many); regions only as
    context: those the chosen nodes are in, govern or belong to, at most REGION_SHARE of the
    budget; a node with no edge among the drawn ones is left out."""
    adj: dict[str, set[str]] = {}
    for h, t in edges:
        if h != t and h in types and t in types:
            adj.setdefault(h, set()).add(t)
            adj.setdefault(t, set()).add(h)
    rank = weight.__getitem__
    pools: dict[str, list[str]] = {}
    for k in sorted(adj, key=rank):
        pools.setdefault(types[k], []).append(k)
    regions = pools.pop("Region", [])
    chosen: set[str] = set()
    if len(adj) <= budget:
        chosen = set(adj)
    else:
        share = Counter(t for t in types.values() if t != "Region")
        total = sum(share[t] for t in pools) or 1
        region_cap = max(1, int(budget * REGION_SHARE)) if regions else 0
        room = budget - region_cap
        floor = max(1, int(budget * TYPE_FLOOR))
        quota = {t: max(room * share[t] / total, floor) for t in pools}
        # one order for all types: each type's i-th node at i / its quota, so any prefix of the
        # order holds the types in proportion (and a small type's first few come early)
        order = sorted(((i + 1) / quota[t], rank(k), k) for t, p in pools.items() for i, k in enumerate(p))
        n_regions = 0

        def take(k: str) -> None:
            nonlocal n_regions
            chosen.add(k)
            n_regions += types[k] == "Region"

        def fill(limit: int) -> None:
            for _pos, _w, k in order:
                if len(chosen) - n_regions >= limit or len(chosen) >= budget:
                    return
                if k in chosen:
                    continue
                if adj[k] & chosen:
                    take(k)
                    continue
                # not connected yet: drawn with its best neighbour (an official with its agency,
                # a company with its place), so that nothing drawn stands alone
                near = sorted(adj[k], key=rank)
                other = [j for j in near if types[j] != "Region"]
                place = [j for j in near if types[j] == "Region"]
                if len(chosen) + 2 > budget:
                    continue
                if other:
                    take(k)
                    take(other[0])
                elif place and n_regions < region_cap:
                    take(k)
                    take(place[0])

        fill(room)
        # regions as context: the ones the drawn nodes are in, govern or belong to, most used first
        near = Counter(r for k in chosen for r in adj[k] if types[r] == "Region")
        for r in sorted(near, key=lambda r: (-near[r], rank(r))):
            if n_regions >= region_cap or len(chosen) >= budget:
                break
            if r not in chosen:
                take(r)
        fill(budget)  # room the regions did not take
    out = sorted(chosen, key=lambda k: (rank(k), k))
    return out, _left_out_note(types, set(adj), chosen)


def _left_out_note(types: dict[str, str], connected: set[str], chosen: set[str]) -> str:
    gone = Counter(types[k] for k in types if k not in chosen)
    if not gone:
        return ""
    lonely = sum(1 for k in types if k not in connected)
    by_type = ", ".join(f"{STYLE[t][2] if t in STYLE else t} {gone[t]:,}" for t in STYLE if gone[t])
    return (f"{len(chosen):,} of {len(types):,} nodes drawn (regions as context only); left out: {by_type}"
            + (f" ({lonely:,} of them with no relation)" if lonely else "")
            + "; draw a part with the neighbourhood box, kg viz --focus or --region, or raise --max-nodes")


def _weights(v: ViewData) -> dict[str, tuple]:
    deg: Counter[str] = Counter()
    sents: Counter[str] = Counter()
    for e in v.edges:
        n = len(v.evidence.get(e, ()))
        for k in (e[0], e[2]):
            deg[k] += 1
            sents[k] += n
    return {k: (-n.weight, -deg[k], -sents[k], k) for k, n in v.nodes.items()}


class MergedView:
    """from_merged in steps, for a build that goes over the articles anyway (kg.app.build): made
    from the merge, it picks the overview's nodes (see overview), their edges and the sentences
    those show; take(res) keeps those sentences and the articles' links as each article goes by;
    view() is the ViewData. So the page needs no pass over the articles of its own."""

    def __init__(self, m, budget: int = DEFAULT_BUDGET) -> None:
        from kg.rdf.graph import entity_iri

        self.m = m
        self.iri = {k: str(entity_iri(k)) for k in m.entities}
        deg: Counter[str] = Counter()
        sents: Counter[str] = Counter()
        for r in m.relations:
            for k in (r.head, r.tail):
                deg[k] += 1
                sents[k] += len(r.evidence)
        types = {k: e.type for k, e in m.entities.items()}
        weight = {k: (-len(m.sources.get(k, ())), -deg[k], -sents[k], self.iri[k]) for k in m.entities}
        if len(m.entities) and not m.relations:  # nothing connects: the nodes are all there is to see
            self.keys, self.note = sorted(m.entities, key=weight.__getitem__)[:budget], ""
        else:
            self.keys, self.note = overview(types, weight, ((r.head, r.tail) for r in m.relations), budget)
        kept = set(self.keys)
        self.edges = [r for r in m.relations if r.head in kept and r.tail in kept]
        # the sentences shown come from the few articles behind the drawn edges; the links of
        # the articles the panel lists are taken from the same articles as they go by
        self.wanted: dict[str, set[int]] = {}
        for r in self.edges:
            for ev in r.evidence:
                self.wanted.setdefault(ev.article, set()).add(ev.sentence)
        for k in self.keys:
            for a in m.sources.get(k, ())[:SOURCES_SHOWN]:
                self.wanted.setdefault(a, set())
        self.texts: dict[tuple[str, int], str] = {}  # only the sentences shown, not the articles
        self.urls: dict[str, str] = {}

    def needs(self, article_id: str) -> bool:
        return article_id in self.wanted

    def take(self, res: ArticleResult) -> None:
        """Keep the sentences of this article that the page shows, and its link."""
        rid = res.article.id
        if rid in self.wanted:
            if res.meta is not None and res.meta.url:
                self.urls[rid] = res.meta.url
            sentences = res.sentences
            for i in self.wanted[rid]:
                if i in sentences:
                    self.texts[(rid, i)] = sentences[i][0]

    def view(self) -> ViewData:
        m, texts, iri = self.m, self.texts, self.iri
        v = ViewData(left_out=self.note)
        for a in sorted(self.wanted):
            if a in m.titles:
                v.articles[a] = (m.titles[a], m.dates.get(a, ""), self.urls.get(a, ""))
        for key in self.keys:
            e = m.entities[key]
            srcs = m.sources.get(key, ())
            v.nodes[iri[key]] = Node(iri[key], e.type, e.name, [e.name, *sorted(e.aliases)],
                                     list(srcs[:SOURCES_SHOWN]), len(srcs))
        for r in self.edges:
            edge = (iri[r.head], r.rel, iri[r.tail])
            v.edges.append(edge)
            sents = []
            for ev in r.evidence:
                text = texts.get((ev.article, ev.sentence))
                if text is not None and (ev.article, text) not in sents:
                    sents.append((ev.article, text))
            if sents:
                v.evidence[edge] = sents
        v.edges.sort()
        whole = ViewData()
        for r in m.relations:
            for k in (r.head, r.tail):
                if iri[k] not in whole.nodes:
                    e = m.entities[k]
                    whole.nodes[iri[k]] = Node(iri[k], e.type, e.name, [e.name, *sorted(e.aliases)], [],
                                               len(m.sources.get(k, ())))
            whole.edges.append((iri[r.head], r.rel, iri[r.tail]))
        whole.edges.sort()
        v.whole = whole
        return v


def from_merged(m, budget: int = DEFAULT_BUDGET) -> ViewData:
    """The same as select(read(graph)) on the built graph, straight from the merge: only the
    overview's nodes are made, so a big corpus costs little here; only the articles behind the
    drawn edges and listed sources are unpacked."""
    from kg.corpus.merge import article_id_of
    from kg.corpus.codec import unpacked

    mv = MergedView(m, budget)
    for r in m.articles:
        if mv.needs(article_id_of(r)):
            mv.take(unpacked(r))
    return mv.view()


def _nx(v: ViewData):
    import networkx as nx

    G = nx.MultiDiGraph()
    G.add_nodes_from(v.nodes)
    for h, r, t in v.edges:
        G.add_edge(h, t, rel=r)
    return G


def select(v: ViewData, focus: str = "", depth: int = 1, types: list[str] | None = None,
           region: str = "", budget: int = DEFAULT_BUDGET) -> ViewData:
    """The part of the graph to draw: without focus, region or types, the overview (see
    overview); else that part, the most evidence first within the budget. Raises ValueError
    when a focus or region names nothing."""
    import networkx as nx

    weight = _weights(v)
    whole = ViewData(nodes=v.nodes, edges=v.edges)
    if not (focus or region or types) and v.edges:
        chosen, note = overview({k: n.type for k, n in v.nodes.items()}, weight,
                                ((h, t) for h, _, t in v.edges), budget)
        keep = set(chosen)
        return ViewData(nodes={k: v.nodes[k] for k in sorted(keep)},
                        edges=[e for e in v.edges if e[0] in keep and e[2] in keep],
                        evidence=v.evidence, articles=v.articles, left_out=note, whole=whole)
    keep = set(v.nodes)
    notes = []
    if focus:
        G = _nx(v)
        seeds = {k for k, n in v.nodes.items() if focus in n.names}
        if not seeds:
            raise ValueError(f"no entity named {focus!r}")
        U = G.to_undirected(as_view=True)
        keep = set()
        for s in seeds:
            keep |= set(nx.single_source_shortest_path_length(U, s, cutoff=depth))
    if region:
        roots = {k for k, n in v.nodes.items() if n.type == "Region" and region in n.names}
        if not roots:
            raise ValueError(f"no region named {region!r}")
        keep &= _within(v, roots)
    if types:
        keep = {k for k in keep if v.nodes[k].type in types}
    if len(keep) > budget:
        ranked = sorted(keep, key=weight.__getitem__)
        gone = Counter(v.nodes[k].type for k in ranked[budget:])
        keep = set(ranked[:budget])
        by_type = ", ".join(f"{STYLE[t][2]} {gone[t]:,}" for t in STYLE if gone[t])
        notes.append(f"{sum(gone.values()):,} of {sum(gone.values()) + budget:,} nodes left out (least evidence "
                     f"first): {by_type}; narrow with --focus, --type or --region, or raise --max-nodes")
    return ViewData(
        nodes={k: v.nodes[k] for k in sorted(keep)},
        edges=[e for e in v.edges if e[0] in keep and e[2] in keep],
        evidence=v.evidence, articles=v.articles, left_out="; ".join(notes), whole=whole,
    )


def _within(v: ViewData, roots: set[str]) -> set[str]:
    """A region, the regions inside it, and what sits in them, governs them or works there."""
    inside = set(roots)
    changed = True
    while changed:  # regions below, then places in those regions, then places in those places
        changed = False
        for h, r, t in v.edges:
            if t in inside and h not in inside and r in ("partOf", "locatedIn", "jurisdiction"):
                inside.add(h)
                changed = True
    for h, r, t in v.edges:  # officials of the agencies kept, companies of the projects kept
        if r == "memberOf" and t in inside:
            inside.add(h)
        if r == "developedBy" and h in inside:
            inside.add(t)
    return inside


def panel_data(v: ViewData) -> dict:
    """What the page script is given (as JSON): the whole graph's connected nodes and edges, by
    number (for search and the neighbourhood control), the drawn ones, and the panel's
    sources and sentences for the drawn nodes, their articles listed once."""
    whole = v.whole if v.whole is not None else v
    nodes = dict(whole.nodes)
    for k, n in v.nodes.items():  # the drawn ones, with their sources (whole's may have none)
        nodes[k] = n
    linked = {k for h, _, t in whole.edges for k in (h, t)} | set(v.nodes)
    ids = sorted(k for k in nodes if k in linked)
    num = {k: i for i, k in enumerate(ids)}
    pre = _common_prefix(ids)
    type_names, rels = list(STYLE), list(REL_LABEL)
    for t in sorted({nodes[k].type for k in ids} - set(type_names)):
        type_names.append(t)
    for r in sorted({r for _, r, _ in whole.edges} - set(rels)):
        rels.append(r)
    flat: list[int] = []
    at: dict[tuple[str, str, str], int] = {}
    for e in whole.edges:
        if e[0] in num and e[2] in num and e not in at:
            at[e] = len(flat) // 3
            flat += [num[e[0]], rels.index(e[1]), num[e[2]]]
    for e in v.edges:  # drawn edges the whole lacks (a ViewData made by hand)
        if e not in at:
            at[e] = len(flat) // 3
            flat += [num[e[0]], rels.index(e[1]) if e[1] in rels else _append(rels, e[1]), num[e[2]]]
    arts: list[list[str]] = []
    art_num: dict[str, int] = {}

    def art(key: str) -> int:
        if key not in art_num:
            title, date, url = v.articles.get(key, (key, "", ""))
            art_num[key] = len(arts)
            arts.append([title, date, url])
        return art_num[key]

    evidence = {}
    for e in v.edges:
        groups = []
        for s in v.evidence.get(e, ()):
            a, text = s if isinstance(s, tuple) else ("", s)
            groups.append([art(a) if a else -1, text])
        if groups:
            evidence[str(at[e])] = groups
    sources = {str(num[k]): [n.weight, *(art(a) for a in n.sources[:SOURCES_SHOWN])] for k, n in v.nodes.items()}
    return {
        "pre": pre, "id": [k[len(pre):] for k in ids], "label": [nodes[k].label for k in ids],
        "type": [type_names.index(nodes[k].type) for k in ids], "w": [nodes[k].weight for k in ids],
        "names": {str(i): nodes[k].names[1:] for i, k in enumerate(ids) if len(nodes[k].names) > 1},
        "edge": flat, "shown": [num[k] for k in v.nodes], "types": type_names,
        "typeLabel": [STYLE[t][2] if t in STYLE else t for t in type_names],
        "style": [list(STYLE.get(t, ("#999999", "dot", t))[:2]) for t in type_names],
        "rels": rels, "relLabel": [REL_LABEL.get(r, r) for r in rels],
        "art": arts, "ev": evidence, "src": sources,
    }


def _append(xs: list, x) -> int:
    xs.append(x)
    return len(xs) - 1


def _common_prefix(ids: list[str]) -> str:
    import os.path

    pre = os.path.commonprefix(ids) if len(ids) > 1 else ""
    return pre[: pre.rfind("/") + 1]  # up to a slash: the ids stay whole words


def tooltip(n: Node, articles: dict[str, tuple[str, str, str]] | None = None) -> str:
    """Plain text: vis-network 9 shows a string title as text, not as markup."""
    lines = [n.label, f"类型 type: {STYLE[n.type][2] if n.type in STYLE else n.type}"]
    if len(n.names) > 1:
        lines.append("别名 names: " + "、".join(x for x in n.names if x != n.label))
    for s in n.sources[:5]:
        title, date, _ = (articles or {}).get(s, (s, "", ""))
        lines.append(f"来源 source: {title} {date}".rstrip())
    if n.weight > 5:
        lines.append(f"… {n.weight} articles in all")
    return "\n".join(lines)


def legend_html(note: str = "") -> str:
    import html

    items = "".join(
        f'<label style="margin-right:12px;white-space:nowrap"><input type="checkbox" class="kg-type" '
        f'value="{t}" checked> <span style="display:inline-block;width:12px;height:12px;'
        f'background:{c};margin-right:3px"></span>{html.escape(label)} ({shape})</label>'
        for t, (c, shape, label) in STYLE.items()
    )
    rels = " · ".join(html.escape(x) for x in REL_LABEL.values())
    left = f'<div id="kg-note" style="color:#a33;margin-top:4px">{html.escape(note)}</div>' if note else ""
    return (
        '<div id="kg-legend" style="font:14px sans-serif;padding:6px 10px;border-bottom:1px solid #ddd">'
        '<b>Chanye KG</b> &nbsp; <input id="kg-search" list="kg-names" placeholder="搜索 search a name" '
        'style="width:220px" autocomplete="off"> <button id="kg-go">Find</button> '
        '<button id="kg-hood" title="draw this entity or region and its neighbours">邻域 Show neighbourhood</button> '
        '<button id="kg-back" disabled>总览 Back to overview</button> <span id="kg-found"></span>'
        '<span id="kg-view" style="margin-left:8px;color:#555"></span><br>'
        f'{items}<br><span style="color:#555">关系 relations: {rels}</span>{left}<datalist id="kg-names"></datalist></div>'
        '<div id="kg-panel" style="position:fixed;right:8px;top:110px;width:360px;max-height:80%;overflow:auto;'
        'font:13px sans-serif;background:#fff;border:1px solid #ccc;padding:8px;display:none;z-index:10">'
        '<button id="kg-close" title="close" style="float:right">× 关闭 close</button><div id="kg-panel-body"></div></div>'
    )


INDEX_KEYS = ("id", "label", "type", "w", "names", "edge")
FIRST_DRAW = ("network = new vis.Network(container, data, options);",
              "network = new vis.Network(container, data, options);\n"
              "network.once('afterDrawing', function () { window.kgFirstDraw = performance.now(); });")

PAGE_SCRIPT = """
<script id="kg-data" type="application/json">__DATA__</script>
<script>
(function () {
  // Everything shown here is set with textContent: the names come from scraped articles; a
  // link's href is set only when the address parses as http(s).
  window.kgTimes = {script: performance.now()};
  var D = JSON.parse(document.getElementById("kg-data").textContent);
  window.kgTimes.parsed = performance.now();
  var N = 0, HOOD_MAX = 300, REL_SHOWN = 25, GROUPS_SHOWN = 3, SENTS_SHOWN = 2, SRC_SHOWN = 10;
  var num = {}, byName = {}, adj = null;
  // the whole graph's names and edges: parsed the first time something needs them, or when the
  // browser is idle after the first drawing (see the end)
  function index() {
    if (adj !== null) return;
    var t = performance.now(), X = JSON.parse(document.getElementById("kg-index").textContent);
    for (var k in X) D[k] = X[k];
    N = D.label.length; adj = [];
    for (var i = 0; i < N; i++) {
      num[D.pre + D.id[i]] = i; adj.push([]);
      [D.label[i]].concat(D.names[i] || []).forEach(function (n) { (byName[n] = byName[n] || []).push(i); });
    }
    for (var e = 0; e < D.edge.length / 3; e++) { adj[D.edge[3 * e]].push(e); adj[D.edge[3 * e + 2]].push(e); }
    window.kgTimes.index = [t, performance.now()];
  }
  var REGION = D.types.indexOf("Region");
  // two networks: the overview as drawn first (never redrawn), and one for neighbourhoods, made
  // on first use; going back only swaps which one is shown
  var ov = {network: network, nodes: nodes, edges: edges, div: document.getElementById("mynetwork")}, hd = null;
  var drawn = "overview";
  window.kgView = drawn;
  function el(tag, text) { var x = document.createElement(tag); if (text !== undefined) x.textContent = text; return x; }
  function more(n, what) { var x = el("div", "… " + n + " more " + what); x.className = "kg-more"; x.style.color = "#888"; x.style.marginLeft = "12px"; return x; }
  function safeUrl(u) {
    try { var x = new URL(u); return (x.protocol === "http:" || x.protocol === "https:") ? x.href : null; } catch (err) { return null; }
  }
  function article(a) {
    var d = el("div"), t = D.art[a] || ["", "", ""], href = safeUrl(t[2]);
    d.className = "kg-article";
    var name = href ? el("a", t[0]) : el("span", t[0]);
    if (href) { name.href = href; name.target = "_blank"; name.rel = "noopener noreferrer"; }
    d.appendChild(name);
    if (t[1]) d.appendChild(el("span", " " + t[1]));
    if (t[2] && !href) d.appendChild(el("span", " " + t[2]));  // an address that is not http(s): text only
    return d;
  }
  function other(i, j) {
    var s = el("a", D.label[j]); s.href = "#"; s.className = "kg-other";
    s.addEventListener("click", function (ev) { ev.preventDefault(); go(j); });
    return s;
  }
  function show(i) {
    index();
    var p = document.getElementById("kg-panel"), b = document.getElementById("kg-panel-body");
    b.replaceChildren(); p.style.display = "block";
    b.appendChild(el("h3", D.label[i]));
    b.appendChild(el("div", "类型 type: " + D.typeLabel[D.type[i]]));
    if (D.names[i]) b.appendChild(el("div", "名称 names: " + [D.label[i]].concat(D.names[i]).join("、")));
    var rs = adj[i].slice().sort(function (x, y) {
      var a = D.edge[3 * x + 1] - D.edge[3 * y + 1];
      if (a) return a;
      var ox = D.edge[3 * x] === i ? D.edge[3 * x + 2] : D.edge[3 * x], oy = D.edge[3 * y] === i ? D.edge[3 * y + 2] : D.edge[3 * y];
      return D.label[ox] < D.label[oy] ? -1 : D.label[ox] > D.label[oy] ? 1 : 0;
    });
    if (rs.length) b.appendChild(el("h4", "关系 relations (" + rs.length + ")"));
    rs.slice(0, REL_SHOWN).forEach(function (x) {
      var h = D.edge[3 * x], t = D.edge[3 * x + 2], out = h === i, j = out ? t : h;
      var div = el("div"); div.className = "kg-rel"; div.style.marginTop = "6px";
      div.appendChild(el("b", D.relLabel[D.edge[3 * x + 1]] + (out ? " → " : " ← ")));
      div.appendChild(other(i, j));
      div.appendChild(el("span", " (" + D.typeLabel[D.type[j]] + ")"));
      b.appendChild(div);
      var groups = [], at = {};
      (D.ev[x] || []).forEach(function (s) {
        if (!(s[0] in at)) { at[s[0]] = groups.length; groups.push([s[0], []]); }
        groups[at[s[0]]][1].push(s[1]);
      });
      groups.slice(0, GROUPS_SHOWN).forEach(function (g) {
        var box = el("div"); box.className = "kg-group"; box.style.marginLeft = "12px";
        if (g[0] >= 0) box.appendChild(article(g[0]));
        g[1].slice(0, SENTS_SHOWN).forEach(function (s) {
          var q = el("div", "「" + s + "」"); q.className = "kg-sentence"; q.style.color = "#555"; q.style.marginLeft = "8px"; box.appendChild(q);
        });
        if (g[1].length > SENTS_SHOWN) box.appendChild(more(g[1].length - SENTS_SHOWN, "sentences"));
        b.appendChild(box);
      });
      if (groups.length > GROUPS_SHOWN) b.appendChild(more(groups.length - GROUPS_SHOWN, "articles"));
    });
    if (rs.length > REL_SHOWN) b.appendChild(more(rs.length - REL_SHOWN, "relations"));
    var src = D.src[i];
    if (src) {
      b.appendChild(el("h4", "来源 sources (" + src[0] + " articles)"));
      src.slice(1).forEach(function (a) { b.appendChild(article(a)); });
      if (src[0] > src.length - 1) b.appendChild(more(src[0] - (src.length - 1), "articles"));
    } else {
      b.appendChild(el("div", "来源 sources: " + D.w[i] + " articles (kg explain NAME lists them)"));
    }
  }
  document.getElementById("kg-close").addEventListener("click", function () {
    document.getElementById("kg-panel").style.display = "none";
  });
  function visNode(i) {
    var st = D.style[D.type[i]], n = {id: D.pre + D.id[i], label: D.label[i], color: st[0], shape: st[1], size: 14,
      title: D.label[i] + "\\n类型 type: " + D.typeLabel[D.type[i]], kind: D.types[D.type[i]]};
    if (st[1] === "box") n.font = {color: "#ffffff"};
    return n;
  }
  // one node and its neighbours; a region also with the officials of the agencies governing it
  function hood(i) {
    var set = {}, ranked = [];
    set[i] = true;
    adj[i].forEach(function (x) { var j = D.edge[3 * x] === i ? D.edge[3 * x + 2] : D.edge[3 * x]; ranked.push(j); });
    if (D.type[i] === REGION) {
      adj[i].forEach(function (x) {
        if (D.rels[D.edge[3 * x + 1]] !== "jurisdiction" || D.edge[3 * x + 2] !== i) return;
        adj[D.edge[3 * x]].forEach(function (y) {
          if (D.rels[D.edge[3 * y + 1]] === "memberOf" && D.edge[3 * y + 2] === D.edge[3 * x]) ranked.push(D.edge[3 * y]);
        });
      });
    }
    ranked = ranked.filter(function (j, k) { return ranked.indexOf(j) === k && j !== i; });
    ranked.sort(function (a, b) { return (D.w[b] - D.w[a]) || (D.id[a] < D.id[b] ? -1 : 1); });
    var left = Math.max(0, ranked.length - (HOOD_MAX - 1));
    ranked.slice(0, HOOD_MAX - 1).forEach(function (j) { set[j] = true; });
    return {set: set, left: left};
  }
  function use(v) {  // the globals network, nodes, edges name the network shown
    ov.div.style.display = v === ov ? "" : "none";
    if (hd) hd.div.style.display = v === hd ? "" : "none";
    network = v.network; nodes = v.nodes; edges = v.edges;
  }
  function hoodNet() {
    if (hd) return hd;
    var div = document.createElement("div");
    div.id = "kg-hoodnet"; div.className = ov.div.className;
    div.style.cssText = "width:100%;height:" + ov.div.clientHeight + "px;position:relative;float:left;border:1px solid lightgray";
    ov.div.parentNode.insertBefore(div, ov.div.nextSibling);
    var ns = new vis.DataSet([]), es = new vis.DataSet([]);
    hd = {nodes: ns, edges: es, div: div, network: new vis.Network(div, {nodes: ns, edges: es}, {
      physics: {enabled: false}, layout: {randomSeed: 7}, nodes: {font: {size: 16}},
      edges: {font: {size: 11, align: "middle"}, color: {inherit: false}, smooth: false}, interaction: {hover: true}})};
    listen(hd.network);
    return hd;
  }
  function draw(i) {
    index();
    var h = hood(i), ns = [], es = [];
    Object.keys(h.set).forEach(function (j) { ns.push(visNode(+j)); });
    Object.keys(h.set).forEach(function (j) {
      adj[+j].forEach(function (x) {
        if (D.edge[3 * x] === +j && h.set[D.edge[3 * x + 2]])
          es.push({id: "e" + x, from: D.pre + D.id[D.edge[3 * x]], to: D.pre + D.id[D.edge[3 * x + 2]],
                   label: D.relLabel[D.edge[3 * x + 1]], arrows: "to"});
      });
    });
    var v = hoodNet();
    use(v);
    v.network.setOptions({physics: {enabled: true, stabilization: {enabled: true, iterations: 150, fit: true}}});
    v.nodes.clear(); v.edges.clear(); v.nodes.add(ns); v.edges.add(es);
    v.network.once("stabilized", function () { v.network.setOptions({physics: false}); v.network.fit(); });
    v.network.stabilize(150);
    drawn = "neighbourhood:" + D.label[i]; window.kgView = drawn; window.kgDrawn = ns.length;
    document.getElementById("kg-view").textContent = "邻域 neighbourhood of " + D.label[i] + ": " + ns.length + " nodes" +
      (h.left ? " (" + h.left + " more neighbours left out, least evidence first)" : "");
    document.getElementById("kg-back").disabled = false;
    applyTypes();
    network.selectNodes([D.pre + D.id[i]]);
    show(i);
  }
  function back() {
    if (network === ov.network) return;
    use(ov);
    network.unselectAll(); network.redraw();
    drawn = "overview"; window.kgView = drawn; window.kgDrawn = nodes.length;
    document.getElementById("kg-view").textContent = "";
    document.getElementById("kg-back").disabled = true;
    applyTypes();
  }
  // a name: selected where it is drawn, else drawn with its neighbours
  function go(i) {
    var id = D.pre + D.id[i];
    if (nodes.get(id)) { network.selectNodes([id]); network.focus(id, {scale: 1.2, animation: false}); show(i); }
    else draw(i);
  }
  function lookup() {
    index();
    var q = document.getElementById("kg-search").value.trim();
    if (!q) return [];
    var ids = byName[q];
    if (ids) return ids;
    var hits = [];
    for (var i = 0; i < N; i++) {
      if ([D.label[i]].concat(D.names[i] || []).some(function (n) { return n.indexOf(q) >= 0; })) hits.push(i);
    }
    return hits.sort(function (a, b) { return D.w[b] - D.w[a] || a - b; });
  }
  function find() {
    var ids = lookup(), out = document.getElementById("kg-found");
    out.textContent = ids.length ? ids.length + " found" : "not found";
    if (ids.length) go(ids[0]);
  }
  function neighbourhood() {
    var ids = lookup(), sel = network.getSelectedNodes();
    if (ids.length) draw(ids[0]); else if (sel.length && sel[0] in num) draw(num[sel[0]]);
    else document.getElementById("kg-found").textContent = "not found";
  }
  var list = document.getElementById("kg-names");
  document.getElementById("kg-search").addEventListener("input", function () {
    index();
    var q = this.value.trim(), opts = [];  // a few suggestions, not every name of a big graph
    if (q) for (var n in byName) { if (n.indexOf(q) >= 0) { opts.push(n); if (opts.length >= 30) break; } }
    list.replaceChildren.apply(list, opts.map(function (n) { var o = document.createElement("option"); o.value = n; return o; }));
  });
  document.getElementById("kg-go").addEventListener("click", find);
  document.getElementById("kg-hood").addEventListener("click", neighbourhood);
  document.getElementById("kg-back").addEventListener("click", back);
  document.getElementById("kg-search").addEventListener("keydown", function (e) { if (e.key === "Enter") find(); });
  function listen(net) {
    net.on("click", function (p) { if (p.nodes.length) { index(); if (p.nodes[0] in num) show(num[p.nodes[0]]); } });
    net.on("doubleClick", function (p) { if (p.nodes.length) { index(); if (p.nodes[0] in num) draw(num[p.nodes[0]]); } });
  }
  listen(ov.network);
  function applyTypes() {  // only the nodes whose state changes: the overview has 1,500
    var on = {}, ch = [];
    document.querySelectorAll(".kg-type").forEach(function (b) { on[b.value] = b.checked; });
    nodes.forEach(function (n) { var h = on[n.kind] === false; if (!!n.hidden !== h) ch.push({id: n.id, hidden: h}); });
    if (ch.length) nodes.update(ch);
  }
  document.querySelectorAll(".kg-type").forEach(function (box) { box.addEventListener("change", applyTypes); });
  // ready: the first drawing with the nodes in place (after the physics has settled, if any)
  var physics = D.physics;
  function later() {  // the whole graph's index, once the browser has a moment
    if (window.requestIdleCallback) requestIdleCallback(index, {timeout: 2000}); else setTimeout(index, 200);
  }
  function drawnAt() {
    window.kgDrawnAt = performance.now(); later();
  }
  if (physics) network.once("stabilizationIterationsDone", function () {
    network.setOptions({physics: false});
    network.once("afterDrawing", drawnAt); network.redraw();
  });
  else if (window.kgFirstDraw !== undefined) drawnAt();  // drawn before this script ran: ready now
  else network.once("afterDrawing", drawnAt);
  window.kgDrawn = D.shown.length;
  window.kgDraw = function (name) { index(); var ids = byName[name]; if (ids) draw(ids[0]); return !!ids; };
  window.kgTimes.ready = performance.now();
  window.kgReady = true;
})();
</script>
"""


def _pyvis_network():
    """pyvis's Network, imported without networkx and IPython: pyvis.network imports them at its
    top for from_nx and notebooks, which no page here uses, and they were 0.3 s of a one-article
    build. Stand-ins are put for them while it is imported and taken away after (networkx, when
    _layout needs it, is the real one)."""
    import sys
    import types

    stubs = {n: types.ModuleType(n) for n in ("networkx", "IPython", "IPython.display") if n not in sys.modules}
    if "IPython.display" in stubs:
        stubs["IPython.display"].IFrame = None  # type: ignore[attr-defined]
    sys.modules.update(stubs)
    try:
        from pyvis.network import Network
    finally:
        for n, m in stubs.items():
            if sys.modules.get(n) is m:
                del sys.modules[n]
    return Network


def _keep_templates(env) -> None:
    """pyvis's page template compiled by jinja2 once, kept in the cache folder (kg.cache_dir):
    compiling it took 0.15 s of every build. jinja2 keys each by the template's name and text."""
    from jinja2 import FileSystemBytecodeCache

    from kg import cache_dir

    where = cache_dir.folder() / "jinja2"
    try:
        where.mkdir(parents=True, exist_ok=True)
    except OSError:  # no folder to keep it in: compiled each time, as before
        return
    env.bytecode_cache = FileSystemBytecodeCache(str(where))


def write_html(v: ViewData, path: Path) -> None:
    Network = _pyvis_network()
    net = Network(height="820px", width="100%", directed=True, cdn_resources="in_line", notebook=False)
    _keep_templates(net.templateEnv)
    big = len(v.nodes) > LAYOUT_ABOVE
    pos = _layout(v) if big else {}
    # filled directly: pyvis's add_node/add_edge scan every node/edge already added (quadratic)
    for k, n in v.nodes.items():
        color, shape, _ = STYLE.get(n.type, ("#999999", "dot", n.type))
        node = {"id": k, "label": n.label, "title": tooltip(n, v.articles), "color": color, "shape": shape, "size": 14,
                "kind": n.type}
        if shape == "box":
            node["font"] = {"color": "#ffffff"}  # text sits inside a box
        if k in pos:
            node["x"], node["y"] = pos[k]
        net.nodes.append(node)
        net.node_ids.append(k)
    for h, r, t in v.edges:
        net.edges.append({"from": h, "to": t, "label": REL_LABEL.get(r, r), "title": r, "arrows": "to"})
    physics = '{"enabled": false}' if big else '{"stabilization": {"iterations": 300}}'
    # a big page has its positions: no layout pass, and edges hidden while dragging (redraws of
    # 1,500 nodes and their edges would lag)
    big_opts = ', "improvedLayout": false' if big else ''
    net.set_options(
        # a fixed seed: the browser's physics starts from the same positions on every rebuild
        '{"physics": ' + physics + ', "layout": {"randomSeed": 7' + big_opts + '}, "nodes": {"font": {"size": 16}},'
        ' "edges": {"font": {"size": 11, "align": "middle"}, "color": {"inherit": false}, "smooth": false},'
        ' "interaction": {"hover": true' + (', "hideEdgesOnDrag": true' if big else '') + '}}'
    )
    page = net.generate_html(notebook=False)
    page = CDN_TAG.sub("", page)  # pyvis links bootstrap from a CDN even in_line; unused here
    page = page.replace("<body>", "<body>\n" + legend_html(v.left_out), 1)
    # the first drawing, timed where it happens (the page's own script may come later)
    page = page.replace(FIRST_DRAW[0], FIRST_DRAW[1], 1)
    data = panel_data(v)
    data["physics"] = not big
    # the whole graph's index (names, types, edges by number) in a block of its own, after the
    # page's script and parsed only when first needed or once the overview is drawn: on a 10k-
    # article build it is most of the page, and parsing it first kept the page blank for seconds
    index = {k: data.pop(k) for k in INDEX_KEYS}
    page = page.replace("</body>", PAGE_SCRIPT.replace("__DATA__", script_json(data))
                        + '<script id="kg-index" type="application/json">' + script_json(index) + "</script>\n"
                        + "</body>", 1)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(path)


def _layout(v: ViewData) -> dict[str, tuple[float, float]]:
    """Positions for a big page, computed once here so the browser need not simulate physics.

    Each connected part is laid out on its own (force-directed when small, spectral when large:
    networkx's force-directed layout takes minutes at 10,000 nodes, spectral under a second), and
    the parts are packed in rows, largest first."""
    import networkx as nx

    G = nx.Graph()
    G.add_nodes_from(v.nodes)
    G.add_edges_from((h, t) for h, _, t in v.edges)
    parts = sorted((sorted(c) for c in nx.connected_components(G)), key=lambda c: (-len(c), c[0]))
    pos: dict[str, tuple[float, float]] = {}
    x = y = row_h = 0.0
    width = 120 * len(v.nodes) ** 0.5
    for comp in parts:
        size = 60 * len(comp) ** 0.5 + 40
        # each part as a graph of its own, nodes and edges sorted: G.subgraph iterates its node
        # set, whose order follows the hash seed, and the layouts depend on the node order
        H = nx.Graph()
        H.add_nodes_from(comp)
        H.add_edges_from(sorted(tuple(sorted(e)) for e in G.subgraph(comp).edges))
        if len(comp) == 1:
            local = {comp[0]: (0.0, 0.0)}
        elif len(comp) <= 300:
            local = nx.spring_layout(H, seed=7, iterations=50, scale=size / 2)
        else:
            local = _spectral(H, scale=size / 2)
        if x + size > width and x > 0:
            x, y, row_h = 0.0, y + row_h, 0.0
        for k, (px, py) in local.items():
            pos[k] = (float(px) + x + size / 2, float(py) + y + size / 2)
        x += size
        row_h = max(row_h, size)
    return pos


def _spectral(H, scale: float) -> dict[str, tuple[float, float]]:
    """networkx's spectral layout, made repeatable: its sparse eigensolver (ARPACK) starts from a
    random vector, so positions changed on every run. Here the start vector is fixed, and so is
    each axis's sign (an eigenvector is one up to its sign)."""
    import networkx as nx
    import numpy as np
    import scipy as sp

    nodes = list(H)
    A = nx.to_scipy_sparse_array(H, nodelist=nodes, weight=None, dtype=float)
    n = A.shape[0]
    L = sp.sparse.dia_array((A.sum(axis=1), 0), shape=(n, n)).tocsr() - A
    start = np.random.RandomState(7).uniform(-1, 1, n)
    w, V = sp.sparse.linalg.eigsh(L, 3, which="SM", ncv=max(7, int(n ** 0.5)), v0=start)
    P = V[:, np.argsort(w)[1:3]]
    P *= np.sign(P[np.abs(P).argmax(axis=0), [0, 1]])
    P = nx.rescale_layout(P, scale=scale)
    return {k: (float(x), float(y)) for k, (x, y) in zip(nodes, P)}
