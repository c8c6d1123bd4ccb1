"""view.py: names from scraped text go into the page as data, never as markup."""
from __future__ import annotations

from kg.merge import Merged
from kg.metadata import ArticleMeta
from kg.model import Article, ArticleResult, Entity, Relation
from kg.normalize import normalize
from kg.view import STYLE, tooltip, write_html

HOSTILE = '</script><script>alert("x")</script><img src=x onerror=alert(1)>'


def merged_with(name: str) -> Merged:
    art = Article("a1", "/tmp/a.txt", "x", "utf-8")
    res = ArticleResult(art, normalize("x"), meta=ArticleMeta(title="标题<b>", date="2024-01-01"))
    e1 = Entity("Company:" + name, "Company", name, frozenset({name + "集团"}))
    e2 = Entity("Region:150826", "Region", "杭锦后旗")
    m = Merged(entities={e1.key: e1, e2.key: e2}, relations=[Relation(e1.key, "locatedIn", e2.key)], articles=[res])
    m.sources = {e1.key: {"a1"}, e2.key: {"a1"}}
    return m


def test_hostile_names_cannot_break_out_of_the_page(tmp_path):
    write_html(merged_with(HOSTILE), tmp_path / "g.html")
    page = (tmp_path / "g.html").read_text(encoding="utf-8")
    assert HOSTILE not in page
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "\\u003c/script\\u003e" in page  # the name is there, JSON-escaped, shown as text


def test_tooltip_has_type_names_and_source():
    m = merged_with("华恒生物")
    t = tooltip(m, "Company:华恒生物")
    assert "华恒生物" in t and "Company" in t and "华恒生物集团" in t
    assert "标题<b> 2024-01-01" in t  # plain text: vis-network shows title strings as text


def test_every_type_has_its_own_colour_and_shape():
    colours = [c for c, _, _ in STYLE.values()]
    shapes = [s for _, s, _ in STYLE.values()]
    assert len(set(colours)) == len(STYLE) == 6
    assert len(set(shapes)) == 6
