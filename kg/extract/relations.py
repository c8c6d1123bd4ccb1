"""Entities of one article + its sentences -> relations (Links between handles, keyed later),
each with the sentence it was read from."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from kg.extract.gazetteer import Gazetteer, level_rank, load
from kg.model import Evidence, Mention
from kg.extract.resolve import ArticleContext, Handle, Link, Resolved, evidence
from kg.resources import table

LIST_NEXT = "、,和及与"


@lru_cache(maxsize=None)
def _cue(cue: str) -> re.Pattern:
    """The verbs of relation_cues.tsv for one cue (trip, located, hosts), longest first."""
    ws = sorted((r["word"] for r in table("relation_cues.tsv") if r["cue"] == cue), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in ws))


def find_relations(ctx: ArticleContext, gaz: Gazetteer | None = None) -> list[Link]:
    gaz = gaz or load()
    out: dict[tuple[Handle, str, Handle], list[Evidence]] = {}
    seen: dict[tuple[Handle, str, Handle], set[Evidence]] = {}  # out's evidence as sets: `in` a list was quadratic
    text = ctx.text

    def rel(h: Handle, r: str, t: Handle | None, ev: Evidence | None) -> None:
        if t is None or h == t or h not in ctx.entities or t not in ctx.entities:
            return
        evs = out.setdefault((h, r, t), [])
        if ev:
            have = seen.setdefault((h, r, t), set())
            if ev not in have:
                have.add(ev)
                evs.append(ev)

    def ev(m: Mention | None) -> Evidence | None:
        return evidence(text, ctx.article_id, m) if m else None

    def first(e: Resolved) -> Mention | None:
        return min(e.mentions, key=lambda m: m.start) if e.mentions else None

    ents = ctx.entities
    for official, agency, _title, mm in ctx.memberships:
        rel(official, "memberOf", agency, ev(mm))
    for agency, region in ctx.agency_region.items():
        rel(agency, "jurisdiction", region, ev(first(ents[agency])))

    # partOf: direct parent, both in the article. The gazetteer says so, not a sentence: no
    # evidence, so the fact sits in the article's graph, not in the graph of a sentence
    for e in list(ents.values()):
        if e.type == "Region":
            d = gaz.get(e.region)
            if d and d.parent and (parent := ctx.region(d.parent)) is not None:
                rel(e.handle, "partOf", parent, None)

    focal = ctx.region(ctx.focal) if ctx.focal else None
    by_sentence = _mentions_by_sentence(ctx)

    title_park = _title_park(ctx)
    places = _Places(ctx)
    for e in [x for x in ents.values() if x.type == "IndustrialPark"]:
        m = first(e)
        place = _explicit_place(ctx, e, gaz, places) or _zone_of(ctx, e, places) or (title_park if e.handle != title_park else None) or focal
        rel(e.handle, "locatedIn", place, ev(m))

    for e in [x for x in ents.values() if x.type == "Company"]:
        m = first(e)
        place = _company_place(ctx, e, by_sentence, gaz) or title_park or focal
        rel(e.handle, "locatedIn", place, ev(m))

    for e in [x for x in ents.values() if x.type == "Project"]:
        m = first(e)
        rel(e.handle, "locatedIn", focal, ev(m))
        park = _host_park(ctx, m, by_sentence) or _landing_park(ctx, m, by_sentence) or title_park
        if park:
            rel(e.handle, "locatedIn", park, ev(m))
        owner = _project_owner(ctx, e, m, by_sentence, places)
        if owner:
            rel(e.handle, "developedBy", owner, ev(m))

    return [Link(h, r, t, tuple(evs)) for (h, r, t), evs in out.items()]


def _mentions_by_sentence(ctx: ArticleContext) -> dict[int, list[tuple[Mention, Handle]]]:
    res: dict[int, list[tuple[Mention, Handle]]] = {}
    for e in ctx.entities.values():
        for m in e.mentions:
            res.setdefault(ctx.text.sentence_of(m.start), []).append((m, e.handle))
    for v in res.values():
        v.sort(key=lambda x: x[0].start)
    return res


class _Places:
    """What find_relations asks of all of an article's entities, indexed once (each on first
    use): a pass over every region mention per park, every park mention per zone and every
    company per project made a long article's relations quadratic in its length."""

    def __init__(self, ctx: ArticleContext) -> None:
        self._ctx = ctx
        self._regions: tuple[list[int], list[tuple[int, tuple[Mention, Handle]]]] | None = None
        self._parks: tuple[list[int], list[tuple[int, Handle]]] | None = None
        self._owners: dict[str, Handle] | None = None

    def regions_within(self, lo: int, hi: int) -> list[tuple[Mention, Handle]]:
        """Region mentions starting in [lo, hi], in the order of a walk over ctx.entities."""
        if self._regions is None:
            regions = [(m, e.handle) for e in self._ctx.entities.values() if e.type == "Region" for m in e.mentions]
            order = sorted(range(len(regions)), key=lambda n: regions[n][0].start)
            self._regions = ([regions[n][0].start for n in order], [(n, regions[n]) for n in order])
        starts, items = self._regions
        hits = items[bisect.bisect_left(starts, lo) : bisect.bisect_right(starts, hi)]
        return [x for _, x in sorted(hits, key=lambda h: h[0])]

    def park_mentions_within(self, lo: int, hi: int) -> list[tuple[int, Handle]]:
        """(start, entity) of the mentions of parks not named 片区 that start in [lo, hi)."""
        if self._parks is None:
            parks = sorted(
                (pm.start, e.handle)
                for e in self._ctx.entities.values()
                if e.type == "IndustrialPark" and not e.name.endswith("片区")
                for pm in e.mentions
            )
            self._parks = ([s for s, _ in parks], parks)
        starts, items = self._parks
        return items[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]

    def owner_by_prefix(self, name: str) -> Handle | None:
        """The company with the longest alias (or name, two characters or more) that name starts
        with; of two with that alias, the first. None when none."""
        if self._owners is None:
            owners: dict[str, Handle] = {}
            for c in self._ctx.entities.values():
                if c.type == "Company":
                    for a in c.aliases | {c.name}:
                        if len(a) >= 2:
                            owners.setdefault(a, c.handle)
            self._owners = owners
        for n in range(len(name), 1, -1):
            key = self._owners.get(name[:n])
            if key is not None:
                return key
        return None


def _explicit_place(ctx: ArticleContext, park: Resolved, gaz: Gazetteer, places: _Places | None = None) -> Handle | None:
    """位于阳东区的X; 珠海(阳江)产业转移园 -> 阳江; 峄城化工产业园区 -> 峄城区."""
    norm = ctx.text.norm
    places = places or _Places(ctx)
    for m in park.mentions:
        before = norm[max(0, m.start - 16) : m.start]
        lm = _cue("located").search(before)
        if lm:
            for rm, key in places.regions_within(m.start - 16 + lm.end(), m.start):
                if m.start - 16 + lm.end() <= rm.start and rm.end <= m.start:
                    return key
    for m in park.mentions:
        inside = [(rm, key) for rm, key in places.regions_within(m.start, m.end) if m.start <= rm.start and rm.end <= m.end]
        paren = [(rm, key) for rm, key in inside if rm.start > 0 and norm[rm.start - 1] == "("]
        if paren:
            return paren[0][1]
        if inside and inside[0][0].start == m.start:
            # 三亚崖州湾科技城: of the places its name holds, the most specific
            return min(inside, key=lambda x: level_rank(gaz.by_code[ctx.entities[x[1]].region].level))[1]
    return None


def _title_park(ctx: ArticleContext) -> Handle | None:
    """A park named in the title line: the article is about it (a visit, a report on it)."""
    norm = ctx.text.norm
    title = ctx.title
    at = norm.find(title) if title else -1
    if at < 0:
        return None
    parks = [
        (m.start, e.handle)
        for e in ctx.entities.values()
        if e.type == "IndustrialPark"
        for m in e.mentions
        if at <= m.start and m.end <= at + len(title)
    ]
    keys = {k for _, k in parks}
    return parks[0][1] if len(keys) == 1 else None


def _zone_of(ctx: ArticleContext, park: Resolved, places: _Places | None = None) -> Handle | None:
    """A 片区 (zone) belongs to the park named last before it."""
    if not park.name.endswith("片区"):
        return None
    m = min(park.mentions, key=lambda x: x.start)
    before = (places or _Places(ctx)).park_mentions_within(m.start - 299, m.start)  # within 300 before it
    return max(before)[1] if before else None


def _company_place(ctx, company: Resolved, by_sentence, gaz: Gazetteer) -> Handle | None:
    norm = ctx.text.norm
    focal = ctx.focal
    for m in company.mentions:
        sent = ctx.text.sentence_of(m.start)
        items = by_sentence.get(sent, [])
        # a park that 引进 (brought in) the company, earlier in the sentence
        hosts = [
            (pm, key)
            for pm, key in items
            if ctx.entities[key].type == "IndustrialPark" and pm.end <= m.start and norm[pm.end : pm.end + 1] not in LIST_NEXT
        ]
        if hosts:
            pm, key = hosts[-1]
            if _cue("hosts").search(norm[pm.end : m.start]):
                return key
        # a trip: companies visited in another region are located there
        s0, s1 = ctx.text.sentences[sent]
        if _cue("trip").search(norm[s0:s1]):
            away = [
                (rm, key)
                for rm, key in items
                if ctx.entities[key].type == "Region"
                and focal
                and not gaz.is_within(focal, ctx.entities[key].region)
                and not gaz.is_within(ctx.entities[key].region, focal)
            ]
            if away:
                inside = [x for x in away if m.start <= x[0].start < m.end]
                if inside:
                    return _most_specific_under(inside[0][1], away, ctx, gaz)
                return away[-1][1] if len({k for _, k in away}) == 1 else None
    # a company named after a region outside the article's own: located there
    for m in company.mentions:
        for rm, key in by_sentence.get(ctx.text.sentence_of(m.start), []):
            if ctx.entities[key].type == "Region" and rm.start == m.start:
                code = ctx.entities[key].region
                if focal and (gaz.is_within(focal, code) or gaz.is_within(code, focal)):
                    return None  # the article's own region: the default place decides
                return key
    return None


def _most_specific_under(key: Handle, away, ctx, gaz: Gazetteer) -> Handle:
    code = ctx.entities[key].region
    for _, k in away:
        c = ctx.entities[k].region
        if c != code and gaz.is_within(c, code):
            return k
    return key


def _host_park(ctx, m: Mention | None, by_sentence) -> Handle | None:
    """A project in a sentence whose subject is a park: 王老吉大健康产业园...年产3.5万吨...生产线."""
    if m is None:
        return None
    items = by_sentence.get(ctx.text.sentence_of(m.start), [])
    if items and ctx.entities[items[0][1]].type == "IndustrialPark" and items[0][0].end <= m.start:
        pm = items[0][0]
        if ctx.text.norm[pm.end : pm.end + 1] not in LIST_NEXT:  # a subject, not a list item
            return items[0][1]
    return None


def _landing_park(ctx, m: Mention | None, by_sentence) -> Handle | None:
    """...项目投资120亿元,...均落户泰州医药高新区: projects before 落户/位于 + a park."""
    if m is None:
        return None
    norm = ctx.text.norm
    for pm, key in by_sentence.get(ctx.text.sentence_of(m.start), []):
        if ctx.entities[key].type == "IndustrialPark" and pm.start >= m.end:
            if _cue("located").search(norm[max(m.end, pm.start - 6) : pm.start]):
                return key
    return None


def _project_owner(ctx, project: Resolved, m: Mention | None, by_sentence, places: _Places | None = None) -> Handle | None:
    """The company a project's name starts with, or the only company of its sentence."""
    owner = (places or _Places(ctx)).owner_by_prefix(project.name)
    if owner:
        return owner
    if m is None:
        return None
    items = by_sentence.get(ctx.text.sentence_of(m.start), [])
    projects = [pm for pm, k in items if ctx.entities[k].type == "Project"]
    comps = {
        k
        for cm, k in items
        if ctx.entities[k].type == "Company" and not any(pm.start <= cm.start and cm.end <= pm.end for pm in projects)
    }
    return comps.pop() if len(comps) == 1 else None
