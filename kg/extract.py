"""One article, start to end: normalise, find mentions, resolve, relate. A pure function of the
article, so any worker process can run it; merging across articles is merge.py's job."""
from __future__ import annotations

import re

from .mentions.agencies import find_agencies
from .mentions.officials import find_officials
from .mentions.orgs import find_orgs
from .mentions.regions import find_regions
from .model import Article, ArticleResult, Entity
from .normalize import normalize
from .relations import find_relations
from .resolve import evidence, resolve_article

DATE = re.compile(r"(20\d\d|19\d\d)\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
TITLE_LINE = re.compile(r"^\s*(?:标题|題目|题目)\s*[:：]\s*(.+)$", re.M)


def article_title(norm: str) -> str:
    m = TITLE_LINE.search(norm[:2000])
    if m:
        return m.group(1).strip()
    for line in norm.splitlines()[:8]:
        line = line.strip(" |>\t")
        han = sum("\u4e00" <= ch <= "\u9fff" for ch in line)
        if han >= 8 and ">" not in line and not line.startswith(("来源", "作者", "当前位置")):
            return line[:120]
    return ""


def article_date(norm: str) -> str:
    m = DATE.search(norm[:1500])
    if not m:
        return ""
    y, mo, d = (int(x) for x in m.groups())
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return ""
    return f"{y:04d}-{mo:02d}-{d:02d}"


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
    return ArticleResult(
        article=article,
        text=text,
        title=article_title(text.norm),
        date=article_date(text.norm),
        entities=entities,
        relations=relations,
    )
