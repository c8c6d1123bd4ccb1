"""Per-article results -> one set of entities and relations: the only step that sees the corpus.

Entities with the same key are one node: names and evidence are pooled. The result does not
depend on the order of the articles.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .model import ArticleResult, Entity, Post, Relation


@dataclass
class Merged:
    entities: dict[str, Entity] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    articles: list[ArticleResult] = field(default_factory=list)
    sources: dict[str, set[str]] = field(default_factory=dict)  # entity key -> article ids
    posts: list[Post] = field(default_factory=list)


def merge(results: list[ArticleResult]) -> Merged:
    out = Merged(articles=sorted(results, key=lambda r: r.article.id))
    rels: dict[tuple[str, str, str], set] = {}
    posts: dict[tuple[str, str, str], set] = {}
    for res in out.articles:
        for e in res.entities:
            cur = out.entities.get(e.key)
            if cur is None:
                out.entities[e.key] = e
            else:
                names = cur.aliases | e.aliases | {cur.name, e.name}
                # canonical name: the longest, then the smallest (order-independent)
                name = max(names, key=lambda s: (len(s), [-ord(c) for c in s])) if e.type == "Company" else cur.name
                attrs = dict(cur.attrs)
                for k, v in e.attrs:
                    if k == "title" and k in attrs and v not in attrs[k].split("、"):
                        attrs[k] = attrs[k] + "、" + v
                    else:
                        attrs.setdefault(k, v)
                out.entities[e.key] = Entity(
                    e.key, e.type, name, frozenset(names - {name}), tuple(sorted(attrs.items())),
                    tuple(sorted(set(cur.evidence) | set(e.evidence), key=lambda v: (v.article, v.start))),
                )
            out.sources.setdefault(e.key, set()).add(res.article.id)
        for r in res.relations:
            rels.setdefault((r.head, r.rel, r.tail), set()).update(r.evidence)
        for p in res.posts:
            posts.setdefault((p.official, p.agency, p.title), set()).update(p.evidence)
    out.relations = [
        Relation(h, r, t, tuple(sorted(evs, key=lambda v: (v.article, v.start)))) for (h, r, t), evs in sorted(rels.items())
    ]
    out.posts = [
        Post(o, a, t, tuple(sorted(evs, key=lambda v: (v.article, v.start)))) for (o, a, t), evs in sorted(posts.items())
    ]
    return out
