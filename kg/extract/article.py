"""One article, start to end: normalise, find mentions, resolve, relate. A pure function of the
article, so any worker process can run it; merging across articles is merge.py's job."""
from __future__ import annotations

import hashlib
from dataclasses import replace
from operator import attrgetter

from kg import keys
from kg.extract.facts import find_figures
from kg.extract.mentions.agencies import find_agencies
from kg.extract.mentions.officials import find_officials
from kg.extract.mentions.orgs import find_orgs
from kg.extract.mentions.regions import find_regions
from kg.extract.notes import attempt
from kg.io.metadata import INTERVIEW, article_title, read_meta
from kg.model import Article, ArticleMeta, ArticleResult, Entity, Evidence, Post, Relation
from kg.io.normalize import GLOSS, fold_width, normalize
from kg.extract.relations import find_relations
from kg.extract.resolve import ArticleContext, Link, evidence, identity_keys, resolve_article
from kg.refs import Deixis, Inherited


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def sentence_selector(text, idx: int) -> tuple[str, int, int]:
    """Sentence idx as published: its exact text and its span in the original, spaces trimmed."""
    s, e = text.sentences[idx]
    o_start, o_end = text.orig_span(s, e)
    exact = text.orig[o_start:o_end]
    lead = len(exact) - len(exact.lstrip())
    exact = exact.strip()
    return exact, o_start + lead, o_start + lead + len(exact)


def _original_forms(text, mentions) -> set[str]:
    """The names as published (traditional characters kept, pinyin glosses dropped)."""
    out = set()
    norm, orig = text.norm, text.orig
    for m in mentions:
        if m.surface != norm[m.start : m.end]:
            continue  # a name built from the text (旗委 out of 旗委政府), not written there
        if isinstance(m.place, (Deixis, Inherited)):
            continue  # 我市, 省委, 市工信局: a pointer read against the article, not a name
        s, e = text.orig_span(m.start, m.end)
        form = orig[s:e]
        if form != m.surface or "(" in form:  # else published as it reads: nothing to strip
            form = GLOSS.sub("", fold_width(form))
        if form and "\n" not in form:
            out.add(form)
    return out


def _aliases(forms: set[str], name: str) -> frozenset[str]:
    """An entity's other names: its forms but its name (a set of its own, changed in place)."""
    forms.discard(name)
    return frozenset(forms)


_START = attrgetter("start")


def _stage(notes: list[str], what: str, fallback, fn, *args):
    """fn(*args), or fallback with a note when it raises: a case no rule foresaw costs that
    stage's output for this article, never the article."""
    with attempt(notes, what):
        return fn(*args)
    return fallback


def _relate(ctx: ArticleContext) -> list[Link]:
    # the title as the normalised text writes it (meta.title is the container's as given, not
    # normalised: 標題 would not be found in the text)
    ctx.title = article_title(ctx.text.norm)
    return find_relations(ctx)


def extract(article: Article) -> ArticleResult:
    notes: list[str] = []
    text = normalize(article.text)
    regions = _stage(notes, "places", [], find_regions, text)
    agencies = _stage(notes, "agencies", [], find_agencies, text, regions)
    officials = _stage(notes, "officials", [], find_officials, text, regions, agencies)
    orgs = _stage(notes, "parks, companies and projects", [], find_orgs, text, regions, agencies,
                  [o.mention for o in officials])
    ctx = _stage(notes, "resolution", None, resolve_article, text, article.id, regions, agencies, officials, orgs)
    if ctx is None:  # nothing resolved: the article is kept with its metadata only
        ctx = ArticleContext(text, article.id, "")
    notes += ctx.notes
    links = _stage(notes, "relations", [], _relate, ctx)
    ids = _stage(notes, "identity keys", None, identity_keys, ctx, links)
    if ids is None:  # no keys, no entities: the article is kept with its metadata and places left open
        ctx, links, ids = ArticleContext(text, article.id, "", unresolved=ctx.unresolved), [], {}
    relations = [Relation(ids[r.head], r.rel, ids[r.tail], r.evidence) for r in links]
    meta = _stage(notes, "metadata read from the text", None, read_meta, text.norm, dict(article.meta), text.repaired,
                  text.suspicious) or ArticleMeta(title=article.get("title"), url=article.get("url"))
    notes += meta.notes  # what reading the metadata left out (a date that is no day of the calendar)
    mentions = sorted(
        ((m, ids[h], r.type) for h, r in ctx.entities.items() for m in r.mentions), key=lambda x: x[0].start
    )

    def evidence_at(start: int, end: int) -> Evidence:
        s, e = text.orig_span(start, end)
        return Evidence(article.id, text.sentence_of(start), s, e)

    focal = keys.region_key(ctx.focal) if ctx.focal else ""
    figures = [
        f for f in _stage(notes, "figures", [], find_figures, text.norm, text.sentences, mentions, focal, meta.date,
                          evidence_at) if f.subject
    ]
    if not meta.interviewee and meta.title and INTERVIEW.search(meta.title):
        # 访市工信局党组书记韦芝富: the official named in an interview's title is its interviewee
        in_title = [o.mention.surface for o in officials if o.mention.surface in meta.title]
        if in_title:
            meta = replace(meta, interviewee=in_title[0])
    entities = [
        Entity(
            key=ids[h],
            type=r.type,
            name=r.name,
            aliases=_aliases(r.aliases | _original_forms(text, r.mentions), r.name),
            attrs=tuple(sorted((k, v) for k, v in r.attrs.items() if v)),
            evidence=tuple([evidence(text, article.id, m) for m in sorted(r.mentions, key=_START)]),
        )
        for h, r in ctx.entities.items()
    ]
    posts: dict[tuple[str, str, str], list] = {}
    for off, ag, title, m in ctx.memberships:
        posts.setdefault((ids[off], ids[ag], title), []).append(evidence(text, article.id, m))
    cited = {ev.sentence for e in entities for ev in e.evidence}
    cited |= {ev.sentence for r in relations for ev in r.evidence}
    cited |= {f.evidence.sentence for f in figures if f.evidence}
    return ArticleResult(
        article=replace(article, text=""),
        chars=len(article.text),
        source_hash=text_hash(article.text),
        sentences={i: sentence_selector(text, i) for i in sorted(cited)},
        meta=meta,
        entities=entities,
        relations=relations,
        posts=[Post(o, a, t, tuple(dict.fromkeys(evs))) for (o, a, t), evs in posts.items()],
        unresolved=sorted(set(ctx.unresolved)),
        figures=figures,
        notes=tuple(notes),
    )
