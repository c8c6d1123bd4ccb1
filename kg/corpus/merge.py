"""Per-article results -> one set of entities and relations: the only step that sees the corpus.

Entities with the same identity key are one node. Beyond that, a park, company or project whose
name is another one's name or alias, in a compatible place, is the same thing (王老吉大健康产业园
in one article, 王老吉石榴大健康产业园 in another, both in 峄城区). Names are
pooled. The result does not depend on the order of the articles.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from kg import keys
from kg.corpus.codec import unpacked
from kg.extract.gazetteer import Gazetteer, load
from kg.model import ArticleResult, Entity, PackedResult, Post, Relation

UNIFIED = ("IndustrialPark", "Company", "Project")
# a merged relation keeps its first few sentences (by article id, then position), what the page
# shows; every sentence stays in the provenance graphs, read from the articles themselves
KEEP_EVIDENCE = 6


@dataclass
class Merged:
    entities: dict[str, Entity] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    # sorted by id; PackedResult as the workers return them (each_article unpacks one at a time)
    articles: list[ArticleResult | PackedResult] = field(default_factory=list)
    dates: dict[str, str] = field(default_factory=dict)  # article id -> date
    titles: dict[str, str] = field(default_factory=dict)  # article id -> title, or file name
    sources: dict[str, tuple[str, ...]] = field(default_factory=dict)  # entity key -> article ids, sorted
    posts: list[Post] = field(default_factory=list)
    same_as: dict[str, str] = field(default_factory=dict)  # per-article key -> merged key
    # relations some article states that the merge left out (an agency's second jurisdiction):
    # the provenance graphs leave them out too, so that they hold the same facts as the default graph
    dropped: set[tuple[str, str, str]] = field(default_factory=set)

    def each_article(self) -> Iterator[ArticleResult]:
        for r in self.articles:
            yield unpacked(r)


def _place(key: str) -> str:
    """The division a located entity sits in, or the province of a registered company name."""
    return keys.parse(key).place


def _compatible(a: Entity, b: Entity, gaz: Gazetteer) -> bool:
    ca, cb = _place(a.key), _place(b.key)
    if not ca or not cb:  # no place known on one side: only the very same name will do
        return a.name == b.name
    return gaz.is_within(ca, cb) or gaz.is_within(cb, ca)


def _canonical(e: Entity) -> tuple:
    return (-len(e.name), e.name, e.key)


def _forms(name: str, typ: str, cores: set[str], gaz: Gazetteer) -> set[str]:
    """Ways to write the same name: as is; with a leading place written as its division code
    (长兴经济技术开发区 = 长兴县经济技术开发区); a company as its core name; a project with the
    company in front as that company's core (浙江昌能电池集团有限公司年产... = 昌能电池集团年产...)."""
    from kg.extract.resolve import company_core, legal_forms

    out = {name}
    hit = gaz.leading(name)
    if hit:
        out.add(f"<{hit[0]}>{name[hit[1]:]}")
    if typ == "Company":
        out.add("core:" + company_core(name, gaz=gaz))
    if typ == "Project":
        hit = _leading_core(name, cores)
        if hit:
            core, i = hit
            rest = name[i + len(core) :]
            for suf in legal_forms():
                if rest.startswith(suf):
                    rest = rest[len(suf) :]
                    break
            out.add(f"<{core}>{rest}")
    return out


def _leading_core(name: str, cores: set[str]) -> tuple[str, int] | None:
    """The longest company core a project's name starts with, after at most a province name."""
    for i in range(0, 5):
        for n in range(min(16, len(name) - i), 1, -1):
            if name[i : i + n] in cores:
                return name[i : i + n], i
    return None


def unify(entities: dict[str, Entity], gaz: Gazetteer | None = None) -> dict[str, str]:
    """key -> representative key, for entities that name the same park, company or project."""
    gaz = gaz or load()
    parent = {k: k for k in entities}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    cores = {keys.parse(k).name for k, e in entities.items() if e.type == "Company"}
    # candidates are looked up by name form within a province: two places can only be
    # compatible (one inside the other) inside the same province
    province: dict[str, str] = {}
    for k in entities:
        code = _place(k)
        if code not in province:
            chain = gaz.chain(code) if code else []
            province[code] = chain[-1].code if chain else ""
    by_name: dict[tuple[str, str, str], list[str]] = {}
    for k, e in entities.items():
        if e.type in UNIFIED:
            prov = province[_place(k)]
            for n in {e.name} | set(e.aliases):
                for f in _forms(n, e.type, cores, gaz):
                    by_name.setdefault((e.type, f, prov), []).append(k)
    for k in sorted(entities):
        e = entities[k]
        if e.type not in UNIFIED:
            continue
        prov = province[_place(k)]
        buckets = [prov] if prov else sorted({p for p in province.values()})
        cands = sorted(
            {c for f in _forms(e.name, e.type, cores, gaz) for b in buckets for c in by_name.get((e.type, f, b), [])
             if c != k and _compatible(e, entities[c], gaz)}
        )
        # one candidate place for the name, or it is ambiguous and stays apart
        if cands and len({find(c) for c in cands}) == 1:
            a, b = find(k), find(cands[0])
            if a != b:
                keep, drop = sorted((a, b), key=lambda x: _canonical(entities[x]))
                parent[drop] = keep
    groups: dict[str, list[str]] = {}
    for k in entities:
        groups.setdefault(find(k), []).append(k)
    out = {}
    for members in groups.values():
        rep = min(members, key=lambda x: _canonical(entities[x]))
        for m in members:
            out[m] = rep
    return out


def _pooled_entity(key: str, p: dict) -> Entity:
    first: Entity = p["first"]
    names = p["names"]
    if first.type in UNIFIED:  # the fullest canonical name: longest, then smallest (order-independent)
        name = min(p["canon"], key=lambda s: (-len(s), s))
    else:
        name = first.name
    attrs: dict[str, str] = {}
    for a in p["attrs"]:
        for k, v in a:
            if k == "title" and k in attrs:
                for t in v.split("、"):
                    if t not in attrs[k].split("、"):
                        attrs[k] += "、" + t
            else:
                attrs.setdefault(k, v)
    return Entity(key, first.type, name, frozenset(names - {name}), tuple(sorted(attrs.items())))


def merge(results: Iterable[ArticleResult | PackedResult],
          progress: Callable[[int, int], None] | None = None) -> Merged:
    """One pass over the articles (each unpacked, used and let go): entities pooled by key,
    relations and posts kept under their per-article keys until unify has decided. progress:
    called with (articles done, articles) about a hundred times, (n, n) once all is merged."""
    out = Merged(articles=sorted(results, key=lambda r: (article_id_of(r), _path(r))))
    total = len(out.articles)
    step = max(1, total // 100)  # a call every 1%: the loop itself stays as fast
    # pool names and attributes per key first, build each Entity once: combining pairwise
    # re-sorts a hub (a province named in thousands of articles) every time. Evidence stays with
    # the articles (the provenance graphs read it there), not copied into the merged entities.
    pooled: dict[str, dict] = {}
    sources: dict[str, set[str]] = {}
    raw_rels: dict[tuple[str, str, str], tuple] = {}
    raw_posts: dict[tuple[str, str, str], set] = {}
    for i, res in enumerate(out.each_article()):
        if progress is not None and i % step == 0:
            progress(i, total)
        aid = res.article.id
        out.dates[aid] = res.date
        out.titles[aid] = res.title or res.article.path.rsplit("/", 1)[-1]
        for e in sorted(res.entities, key=lambda x: x.key):
            p = pooled.get(e.key)
            if p is None:
                p = pooled[e.key] = {"first": e, "names": set(), "canon": set(), "attrs": []}
            p["names"] |= e.aliases | {e.name}
            p["canon"].add(e.name)
            if e.attrs not in p["attrs"]:
                p["attrs"].append(e.attrs)
            sources.setdefault(e.key, set()).add(aid)
        for rl in res.relations:
            rk = (rl.head, rl.rel, rl.tail)
            old = raw_rels.get(rk)
            # a short sorted tuple, not a set: a million relations at 100k articles
            raw_rels[rk] = _first_evidence(old + rl.evidence if old else rl.evidence)
        for po in res.posts:
            raw_posts.setdefault((po.official, po.agency, po.title), set()).update(po.evidence)
    by_key = {k: _pooled_entity(k, p) for k, p in pooled.items()}
    del pooled
    rep = unify(by_key)
    out.same_as = rep
    groups: dict[str, list[str]] = {}
    for k in sorted(by_key):
        groups.setdefault(rep[k], []).append(k)
    for r, members in groups.items():
        if len(members) == 1:
            out.entities[r] = by_key[r]
        else:
            p = {"first": by_key[r], "names": set(), "canon": set(), "attrs": []}
            for k in members:
                e = by_key[k]
                p["names"] |= e.aliases | {e.name}
                p["canon"].add(e.name)
                p["attrs"].append(e.attrs)
            out.entities[r] = _pooled_entity(r, p)
        # a sorted tuple takes a quarter of a set's memory: 1.5M entity-article pairs at 100k
        out.sources[r] = tuple(sorted(set().union(*(sources[k] for k in members))))
    rels: dict[tuple[str, str, str], tuple] = {}
    for (h, rel, t), evs in raw_rels.items():
        h, t = rep.get(h, h), rep.get(t, t)
        if h != t:
            old = rels.get((h, rel, t))
            rels[(h, rel, t)] = _first_evidence(old + evs if old else evs)
    del raw_rels
    out.dropped = _one_jurisdiction(rels, out.entities)
    for dk in out.dropped:
        del rels[dk]
    posts: dict[tuple[str, str, str], set] = {}
    for (o, a, title), post_evs in raw_posts.items():
        posts.setdefault((rep.get(o, o), rep.get(a, a), title), set()).update(post_evs)
    out.relations = [Relation(h, r, t, evs) for (h, r, t), evs in sorted(rels.items())]
    out.posts = [
        Post(o, a, t, tuple(sorted(evs, key=_ev_order))) for (o, a, t), evs in sorted(posts.items())
    ]
    if progress is not None:
        progress(total, total)
    return out


def _one_jurisdiction(rels: dict[tuple[str, str, str], tuple], entities: dict[str, Entity],
                      gaz: Gazetteer | None = None) -> set[tuple[str, str, str]]:
    """An agency governs one region (ontology/shapes.ttl). Where articles disagree (a zone's
    committee named without its city, in an article about another county), the region kept is
    the one the agency's name places it in, then the one stated by the most articles, then the
    most sentences, then the smallest code: decided by the corpus, never by the order of articles.
    Returns the jurisdictions left out."""
    gaz = gaz or load()
    tails: dict[str, list[str]] = {}
    for h, rel, t in rels:
        if rel == "jurisdiction":
            tails.setdefault(h, []).append(t)
    dropped = set()
    for h, ts in tails.items():
        if len(ts) < 2:
            continue
        e = entities.get(h)
        hit = gaz.leading(e.name) if e else None

        def rank(t: str) -> tuple:
            code = keys.parse(t).name  # a region's key names its division code
            named = hit is not None and (gaz.is_within(code, hit[0]) or gaz.is_within(hit[0], code))
            evs = rels[(h, "jurisdiction", t)]
            return (not named, -len({v.article for v in evs}), -len(evs), code)

        keep = min(ts, key=rank)
        dropped |= {(h, "jurisdiction", t) for t in ts if t != keep}
    return dropped


def _ev_order(v) -> tuple:
    return (v.article, v.start, v.end, v.sentence)


def _first_evidence(evs) -> tuple:
    """The first KEEP_EVIDENCE distinct sentences' evidence, in a fixed order (so the same
    whatever the order of the articles)."""
    return tuple(sorted(set(evs), key=_ev_order)[:KEEP_EVIDENCE])


def article_id_of(r) -> str:
    return r.id if isinstance(r, PackedResult) else r.article.id


def _path(r) -> str:
    return r.path if isinstance(r, PackedResult) else r.article.path
