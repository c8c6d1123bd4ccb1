"""A graph -> an interactive HTML network (pyvis / vis-network) that works offline.

The page has one colour and shape per type with a legend, a search box that finds a node by any
of its names, type filters, and a panel with the selected node's names, type, relations and the
sentences they were read from. Names come from scraped text: they reach the page only as JSON
(escaped for a <script> block) and are shown with textContent, never as markup.

Large graphs stay usable: a part can be chosen (focus + depth, type, region), a node budget keeps
the best-connected nodes and says what it left out, and big pages get precomputed positions
instead of a physics simulation.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, SKOS, Dataset, Graph
from rdflib.namespace import DCTERMS, PROV

from kg.model import ENTITY_TYPES, RELATION_TYPES, ArticleResult
from kg.rdf.vocab import CY, OA
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
REL_LABEL = {
    "memberOf": "任职", "jurisdiction": "辖区", "partOf": "隶属", "locatedIn": "位于",
    "developedBy": "建设方", "subsidiaryOf": "子公司",
}
DEFAULT_BUDGET = 1500
LAYOUT_ABOVE = 300  # nodes: above this, positions are computed here and physics is off
CDN_TAG = re.compile(r"<(?:link|script)\b[^>]*(?:https?:)?//cdn[^>]*>\s*(?:</script>)?", re.S)


@dataclass
class Node:
    iri: str
    type: str
    label: str
    names: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # "title date"


@dataclass
class ViewData:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[tuple[str, str, str]] = field(default_factory=list)  # (head, rel, tail)
    evidence: dict[tuple[str, str, str], list[str]] = field(default_factory=dict)  # edge -> sentences
    left_out: str = ""  # what the selection or the budget dropped, said on the page


def read(g: Graph | Dataset) -> ViewData:
    """Entities, relations, sources and (from a Dataset) evidence sentences of a graph."""
    # graphs in a fixed order (rdflib keeps them in a set): the default graph, then by article
    # and sentence number, the order the build's own page gives evidence in
    graphs = sorted(g.graphs(), key=_graph_order) if isinstance(g, Dataset) else [g]
    v = ViewData()
    titles: dict[str, str] = {}
    for gr in graphs:
        for a in gr.subjects(RDF.type, CY.Article):
            title = gr.value(a, DCTERMS.title) or gr.value(a, CY.sourceFile) or a
            d = gr.value(a, DCTERMS.date)
            titles[str(a)] = f"{title} {d}" if d else str(title)
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
                    src = titles.get(str(art), str(art))
                    if src not in n.sources:
                        n.sources.append(src)
    sentence_text: dict[str, str] = {}
    for gr in graphs:
        for sent, sel in gr.subject_objects(OA.hasSelector):
            exact = gr.value(sel, OA.exact)
            if exact is not None:
                source = gr.value(sent, OA.hasSource)
                sentence_text[str(sent)] = f"「{exact}」 — {titles.get(str(source), '')}".rstrip(" —")
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
        n.sources.sort()
    return v


def _graph_order(gr) -> tuple:
    gid = str(gr.identifier)
    if "/graph/" not in gid:
        return (0, gid, -1)
    path = gid.split("/graph/", 1)[1]
    art, _, sent = path.partition("/s")
    return (1, art, int(sent) if sent.isdigit() else -1)


class MergedView:
    """from_merged in steps, for a build that goes over the articles anyway (kg.app.build): made
    from the merge, it picks the nodes within the budget (best connected first), their edges and
    the sentences those show; take(res) keeps those sentences as each article goes by; view()
    is the ViewData. So the page needs no pass over the articles of its own."""

    def __init__(self, m, budget: int = DEFAULT_BUDGET) -> None:
        from collections import Counter

        self.m = m
        keys = list(m.entities)
        self.note = ""
        if len(keys) > budget:
            deg: Counter[str] = Counter()
            for r in m.relations:
                deg[r.head] += 1
                deg[r.tail] += 1
            keys = sorted(keys, key=lambda k: (-deg[k], m.entities[k].name))[:budget]
            dropped = len(m.entities) - budget
            self.note = (f"{dropped} of {len(m.entities)} nodes left out (fewest connections first); "
                         f"draw a part with kg viz --focus, --type or --region, or raise --max-nodes")
        self.keys = keys
        kept = set(keys)
        self.edges = [r for r in m.relations if r.head in kept and r.tail in kept]
        # the sentences shown come from the few articles behind the drawn edges
        self.wanted: dict[str, set[int]] = {}
        for r in self.edges:
            for ev in r.evidence[:6]:
                self.wanted.setdefault(ev.article, set()).add(ev.sentence)
        self.texts: dict[tuple[str, int], str] = {}  # only the sentences shown, not the articles

    def needs(self, article_id: str) -> bool:
        return article_id in self.wanted

    def take(self, res: ArticleResult) -> None:
        """Keep the sentences of this article that the page shows."""
        rid = res.article.id
        if rid in self.wanted:
            sentences = res.sentences
            for i in self.wanted[rid]:
                if i in sentences:
                    self.texts[(rid, i)] = sentences[i][0]

    def view(self) -> ViewData:
        from kg.rdf.graph import entity_iri

        m, texts = self.m, self.texts
        titles = {k: f"{t} {m.dates.get(k, '')}".strip() for k, t in m.titles.items()}
        v = ViewData(left_out=self.note)
        for key in self.keys:
            e = m.entities[key]
            iri = str(entity_iri(key))
            srcs = sorted(m.sources.get(key, ()))
            v.nodes[iri] = Node(iri, e.type, e.name, [e.name, *sorted(e.aliases)],
                                [titles[a] for a in srcs[:10] if a in titles]
                                + ([f"… and {len(srcs) - 10} more articles"] if len(srcs) > 10 else []))
        for r in self.edges:
            h, t = str(entity_iri(r.head)), str(entity_iri(r.tail))
            if h in v.nodes and t in v.nodes:
                v.edges.append((h, r.rel, t))
                sents = []
                for ev in r.evidence[:6]:
                    text = texts.get((ev.article, ev.sentence))
                    if text is not None:
                        s = f"「{text}」 — {titles[ev.article]}"
                        if s not in sents:
                            sents.append(s)
                    if len(sents) >= 3:  # the panel shows three
                        break
                if sents:
                    v.evidence[(h, r.rel, t)] = sents
        v.edges.sort()
        return v


def from_merged(m, budget: int = DEFAULT_BUDGET) -> ViewData:
    """The same as select(read(graph)) on the built graph, straight from the merge: only the
    nodes within the budget (best connected first) are made, so a big corpus costs little here;
    only the articles behind the drawn edges are unpacked."""
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
    """The part of the graph to draw. Raises ValueError when a focus or region names nothing."""
    import networkx as nx

    G = _nx(v)
    keep = set(v.nodes)
    notes = []
    if focus:
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
        deg = G.degree()
        ranked = sorted(keep, key=lambda k: (-deg[k], v.nodes[k].label, k))
        dropped = len(keep) - budget
        keep = set(ranked[:budget])
        notes.append(f"{dropped} of {dropped + budget} nodes left out (fewest connections first); "
                     f"narrow with --focus, --type or --region, or raise --max-nodes")
    out = ViewData(
        nodes={k: v.nodes[k] for k in sorted(keep)},
        edges=[e for e in v.edges if e[0] in keep and e[2] in keep],
        evidence=v.evidence,
        left_out="; ".join(notes),
    )
    return out


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
    """What the side panel shows for each node, keyed by node id."""
    rel_out: dict[str, list] = {}
    for h, r, t in v.edges:
        ev = v.evidence.get((h, r, t), [])
        rel_out.setdefault(h, []).append([r, "→", v.nodes[t].label, ev[:3]])
        rel_out.setdefault(t, []).append([r, "←", v.nodes[h].label, ev[:3]])
    return {
        k: {"label": n.label, "type": n.type, "names": n.names, "sources": n.sources[:10],
            "relations": sorted(rel_out.get(k, []), key=lambda x: (x[0], x[2]))}
        for k, n in v.nodes.items()
    }


def tooltip(n: Node) -> str:
    """Plain text: vis-network 9 shows a string title as text, not as markup."""
    lines = [n.label, f"类型 type: {n.type}"]
    if len(n.names) > 1:
        lines.append("别名 names: " + "、".join(x for x in n.names if x != n.label))
    for s in n.sources[:5]:
        lines.append(f"来源 source: {s}")
    return "\n".join(lines)


def legend_html(note: str = "") -> str:
    import html

    items = "".join(
        f'<label style="margin-right:12px;white-space:nowrap"><input type="checkbox" class="kg-type" '
        f'value="{t}" checked> <span style="display:inline-block;width:12px;height:12px;'
        f'background:{c};margin-right:3px"></span>{html.escape(label)} ({shape})</label>'
        for t, (c, shape, label) in STYLE.items()
    )
    left = f'<div id="kg-note" style="color:#a33;margin-top:4px">{html.escape(note)}</div>' if note else ""
    return (
        '<div id="kg-legend" style="font:14px sans-serif;padding:6px 10px;border-bottom:1px solid #ddd">'
        '<b>Chanye KG</b> &nbsp; <input id="kg-search" list="kg-names" placeholder="搜索 search a name" '
        'style="width:220px"> <button id="kg-go">Find</button> <span id="kg-found"></span><br>'
        f'{items}{left}<datalist id="kg-names"></datalist></div>'
        '<div id="kg-panel" style="position:fixed;right:8px;top:90px;width:340px;max-height:80%;overflow:auto;'
        'font:13px sans-serif;background:#fff;border:1px solid #ccc;padding:8px;display:none;z-index:10"></div>'
    )


PAGE_SCRIPT = """
<script id="kg-data" type="application/json">__DATA__</script>
<script>
(function () {
  // Everything shown here is set with textContent: the names come from scraped articles.
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var byName = {};
  var list = document.getElementById("kg-names");
  Object.keys(data).forEach(function (id) {
    data[id].names.forEach(function (n) {
      (byName[n] = byName[n] || []).push(id);
      var o = document.createElement("option"); o.value = n; list.appendChild(o);
    });
  });
  function el(tag, text) { var e = document.createElement(tag); if (text !== undefined) e.textContent = text; return e; }
  function show(id) {
    var d = data[id], p = document.getElementById("kg-panel");
    p.replaceChildren(); p.style.display = "block";
    p.appendChild(el("h3", d.label));
    p.appendChild(el("div", "类型 type: " + d.type));
    if (d.names.length > 1) p.appendChild(el("div", "名称 names: " + d.names.join("、")));
    d.relations.forEach(function (r) {
      var div = el("div", r[0] + " " + r[1] + " " + r[2]); div.style.marginTop = "6px"; p.appendChild(div);
      r[3].forEach(function (s) { var q = el("div", s); q.style.color = "#555"; q.style.marginLeft = "12px"; p.appendChild(q); });
    });
    d.sources.forEach(function (s) { var q = el("div", "来源 source: " + s); q.style.marginTop = "6px"; p.appendChild(q); });
  }
  function find() {
    var q = document.getElementById("kg-search").value.trim(), out = document.getElementById("kg-found");
    var ids = byName[q] || Object.keys(data).filter(function (id) {
      return data[id].names.some(function (n) { return q && n.indexOf(q) >= 0; });
    });
    out.textContent = ids.length ? ids.length + " found" : "not found";
    if (!ids.length) return;
    network.selectNodes([ids[0]]); network.focus(ids[0], {scale: 1.2, animation: false}); show(ids[0]);
  }
  document.getElementById("kg-go").addEventListener("click", find);
  document.getElementById("kg-search").addEventListener("keydown", function (e) { if (e.key === "Enter") find(); });
  network.on("click", function (p) { if (p.nodes.length) show(p.nodes[0]); });
  document.querySelectorAll(".kg-type").forEach(function (box) {
    box.addEventListener("change", function () {
      var on = {};
      document.querySelectorAll(".kg-type").forEach(function (b) { on[b.value] = b.checked; });
      nodes.update(Object.keys(data).map(function (id) { return {id: id, hidden: !on[data[id].type]}; }));
    });
  });
  // a physics layout is for settling: stop once settled so the page stays responsive
  network.once("stabilizationIterationsDone", function () { network.setOptions({physics: false}); });
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
        node = {"id": k, "label": n.label, "title": tooltip(n), "color": color, "shape": shape, "size": 14}
        if shape == "box":
            node["font"] = {"color": "#ffffff"}  # text sits inside a box
        if k in pos:
            node["x"], node["y"] = pos[k]
        net.nodes.append(node)
        net.node_ids.append(k)
    for h, r, t in v.edges:
        net.edges.append({"from": h, "to": t, "label": REL_LABEL.get(r, r), "title": r, "arrows": "to"})
    physics = '{"enabled": false}' if big else '{"stabilization": {"iterations": 300}}'
    net.set_options(
        # a fixed seed: the browser's physics starts from the same positions on every rebuild
        '{"physics": ' + physics + ', "layout": {"randomSeed": 7}, "nodes": {"font": {"size": 16}},'
        ' "edges": {"font": {"size": 11, "align": "middle"}, "color": {"inherit": false}, "smooth": false},'
        ' "interaction": {"hover": true}}'
    )
    page = net.generate_html(notebook=False)
    page = CDN_TAG.sub("", page)  # pyvis links bootstrap from a CDN even in_line; unused here
    page = page.replace("<body>", "<body>\n" + legend_html(v.left_out), 1)
    page = page.replace("</body>", PAGE_SCRIPT.replace("__DATA__", script_json(panel_data(v))) + "</body>", 1)
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
