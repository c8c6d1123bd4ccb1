"""Merged graph -> an interactive HTML network (pyvis), self-contained so it opens offline."""
from __future__ import annotations

import html
import re
from pathlib import Path

from .merge import Merged

# one colour and one shape per entity type; the legend is drawn from this table
STYLE = {
    "Official": ("#e15759", "dot", "官员 Official"),
    "Agency": ("#4e79a7", "box", "机构 Agency"),
    "Region": ("#59a14f", "triangle", "行政区 Region"),
    "IndustrialPark": ("#f28e2b", "diamond", "园区 Industrial park"),
    "Company": ("#b07aa1", "square", "企业 Company"),
    "Project": ("#edc948", "star", "项目 Project"),
}
CDN_TAG = re.compile(r"<(?:link|script)\b[^>]*(?:https?:)?//cdn[^>]*>\s*(?:</script>)?", re.S)
REL_LABEL = {
    "memberOf": "任职", "jurisdiction": "辖区", "partOf": "隶属", "locatedIn": "位于",
    "developedBy": "建设方", "subsidiaryOf": "子公司",
}


def tooltip(m: Merged, key: str) -> str:
    """Plain text: vis-network 9 shows a string title as text, so names need no markup here."""
    e = m.entities[key]
    lines = [f"{e.name}", f"类型 type: {e.type}"]
    if e.aliases:
        lines.append("别名 names: " + "、".join(sorted(e.aliases)))
    for k, v in e.attrs:
        lines.append(f"{k}: {v}")
    titles = {r.article.id: (r.title or Path(r.article.path).name, r.date) for r in m.articles}
    for art in sorted(m.sources.get(key, ())):
        t, d = titles.get(art, (art, ""))
        lines.append(f"来源 source: {t} {d}".rstrip())
    return "\n".join(lines)


def legend_html() -> str:
    items = "".join(
        f'<span style="margin-right:14px"><span style="display:inline-block;width:12px;height:12px;'
        f'background:{c};margin-right:4px"></span>{html.escape(label)} ({html.escape(shape)})</span>'
        for c, shape, label in STYLE.values()
    )
    return (
        '<div id="kg-legend" style="font:14px sans-serif;padding:6px 10px;border-bottom:1px solid #ddd">'
        f"<b>Chanye KG</b> &nbsp; {items}</div>"
    )


def write_html(m: Merged, path: Path) -> None:
    from pyvis.network import Network

    net = Network(height="850px", width="100%", directed=True, cdn_resources="in_line", notebook=False)
    for key, e in sorted(m.entities.items()):
        color, shape, _ = STYLE.get(e.type, ("#999999", "dot", e.type))
        extra = {"font": {"color": "#ffffff"}} if shape == "box" else {}  # text sits inside a box
        net.add_node(key, label=e.name, title=tooltip(m, key), color=color, shape=shape, size=14, **extra)
    for r in m.relations:
        if r.head in m.entities and r.tail in m.entities:
            net.add_edge(r.head, r.tail, label=REL_LABEL.get(r.rel, r.rel), title=r.rel, arrows="to")
    net.set_options(
        '{"physics": {"stabilization": {"iterations": 300}}, "nodes": {"font": {"size": 16}},'
        ' "edges": {"font": {"size": 11, "align": "middle"}, "color": {"inherit": false}}}'
    )
    page = net.generate_html(notebook=False)
    # pyvis links bootstrap from a CDN even with in_line resources; the page does not use it
    page = CDN_TAG.sub("", page)
    page = page.replace("<body>", "<body>\n" + legend_html(), 1)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(path)
