"""One article, start to end: normalise, find mentions, resolve, relate. A pure function of the
article, so any worker process can run it; merging across articles is merge.py's job."""
from __future__ import annotations

from .metadata import article_date, article_title
from .mentions.agencies import find_agencies
from .mentions.officials import find_officials
from .mentions.orgs import find_orgs
from .mentions.regions import find_regions
from .model import Article, ArticleResult, Entity, Post
from .normalize import normalize
from .relations import find_relations
from .resolve import evidence, resolve_article

def extract(article: Article) -> ArticleResult:
    text = normalize(article.text)
    regions = find_regions(text)
    agencies = find_agencies(text, regions)
    officials = find_officials(text, regions, agencies)
    orgs = find_orgs(text, regions, agencies, [o.mention for o in officials])
    ctx = resolve_article(text, article.id, regions, agencies, officials, orgs)
    relations = find_relations(ctx)
    entities = [
        Entity(
            key=r.key,
            type=r.type,
            name=r.name,
            aliases=frozenset(a for a in r.aliases if a != r.name),
            attrs=tuple(sorted((k, v) for k, v in r.attrs.items() if v)),
            evidence=tuple(evidence(text, article.id, m) for m in sorted(r.mentions, key=lambda m: m.start)),
        )
        for r in ctx.entities.values()
    ]
    posts: dict[tuple[str, str, str], list] = {}
    for off, ag, title, m in ctx.memberships:
        posts.setdefault((off, ag, title), []).append(evidence(text, article.id, m))
    return ArticleResult(
        article=article,
        text=text,
        title=article_title(text.norm),
        date=article_date(text.norm),
        entities=entities,
        relations=relations,
        posts=[Post(o, a, t, tuple(dict.fromkeys(evs))) for (o, a, t), evs in posts.items()],
    )
