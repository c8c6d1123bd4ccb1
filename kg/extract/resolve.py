"""Mentions of one article -> entities with canonical names, aliases and identity keys.

Context decides what a bare or deictic mention means: the article's focal region (the region it
is about) resolves 市工信局, 旗委, 区长; a list passes its region on (区政府办、工信局).
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache

from ahocorasick_rs import AhoCorasick, MatchKind

from kg.extract.gazetteer import Gazetteer, load
from kg.extract.mentions.agencies import body_kind
from kg.extract.mentions.officials import OfficialMention
from kg.extract.mentions.regions import Spans
from kg.model import Evidence, Mention, Text

LEGAL = ("股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "集团公司", "集团", "公司")
REGISTERED = ("股份有限公司", "有限责任公司", "集团有限公司", "有限公司")


@dataclass
class Resolved:
    """An entity of one article while it is being resolved (mutable; frozen into Entity later)."""

    key: str
    type: str
    name: str
    aliases: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    attrs: dict[str, str] = field(default_factory=dict)
    region: str = ""  # division code this entity belongs to, if any


def focal_region(text: Text, regions: list[Mention], agencies: list[Mention], gaz: Gazetteer) -> str:
    """The region an article is about: most named, the title and lead counting triple."""
    lead_end = _lead_end(text.norm)
    score: Counter[str] = Counter()
    for m in regions:
        if m.key[:1] in "?@":
            continue
        score[m.key] += 3 if m.start < lead_end else 1
    for m in agencies:
        if gaz.get(m.region):  # a division; not a deixis, the body before, or a park (=X)
            score[m.region] += 1
    if not score:
        return ""
    best = max(score.values())
    top = [c for c, v in score.items() if v >= best * 0.6]
    # among the strongest, the most specific (a district inside the city named as often)
    order = {"township": 0, "county": 1, "prefecture": 2, "province": 3}
    top.sort(key=lambda c: (order.get(gaz.by_code[c].level, 9), -score[c]))  # ties: first named first
    for c in top:
        if all(gaz.is_within(c, o) or gaz.is_within(o, c) for o in top):
            return c
    return max(score, key=score.__getitem__)


def _lead_end(norm: str) -> int:
    """End of the title and first lines (roughly 200 characters)."""
    return min(len(norm), 200)


def resolve_deixis(level: str, focal: str, present: set[str], gaz: Gazetteer) -> str:
    """'@市' -> the city in the focal region's chain (or the only one named in the article)."""
    def fits(d) -> bool:
        if level == "区":
            return d.name.endswith("区") and not d.name.endswith("自治区") and d.level == "county"
        if level == "州":
            return d.name.endswith("州") and d.level == "prefecture"
        return d.name.endswith(level)

    for d in gaz.chain(focal) if focal else []:
        if fits(d):
            return d.code
    named = [c for c in present if fits(gaz.get(c))]
    return named[0] if len(named) == 1 else ""


def agency_name(body: str, region_name: str) -> str:
    kind = body_kind(body)
    if kind == "party":
        return f"中共{region_name}委员会"
    if kind == "cppcc":
        return f"中国人民政治协商会议{region_name}委员会"
    return region_name + body


def company_core(name: str, region_forms: set[str] | None = None, gaz: Gazetteer | None = None) -> str:
    """The part of a company name that identifies it: no region in front, no legal form behind.
    A region is one of region_forms, or (with gaz) any division's name or short name."""
    core = name
    while True:
        cut = 0
        for n in range(min(12, len(core) - 2), 1, -1):  # longest leading place first
            head = core[:n]
            if (region_forms and head in region_forms) or (gaz and (head in gaz.full or head in gaz.short)):
                cut = n
                break
        if not cut:
            break
        core = core[cut:]
    for suf in LEGAL:
        if core.endswith(suf) and len(core) - len(suf) >= 2:
            core = core[: -len(suf)]
            break
    return core


def evidence(text: Text, article_id: str, m: Mention) -> Evidence:
    s, e = text.orig_span(m.start, m.end)
    return Evidence(article_id, text.sentence_of(m.start), s, e)


def is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


@dataclass
class ArticleContext:
    """What resolution knows about one article, handed on to relation finding."""

    text: Text
    article_id: str
    focal: str
    entities: dict[str, Resolved] = field(default_factory=dict)  # by key
    by_mention: dict[tuple[int, int, str], str] = field(default_factory=dict)  # span+type -> key
    memberships: list[tuple[str, str, str, Mention]] = field(default_factory=list)  # official, agency, title
    agency_region: dict[str, str] = field(default_factory=dict)  # agency key -> region key
    unresolved: list[tuple[str, str]] = field(default_factory=list)  # (surface, candidate codes)
    notes: list[str] = field(default_factory=list)  # mentions left out by a case no rule foresaw


@contextmanager
def _degrade(ctx: ArticleContext, what: str, m: Mention) -> Iterator[None]:
    """A mention that trips an unforeseen case is left out with a note; the article goes on."""
    try:
        yield
    except Exception as e:  # noqa: BLE001 - one odd mention must not cost the article
        ctx.notes.append(f"{what} {m.surface!r} (at {m.start}) left out: {type(e).__name__}: {e}")


def _add(ctx: ArticleContext, key: str, typ: str, name: str, m: Mention | None, region: str = "") -> Resolved:
    r = ctx.entities.get(key)
    if r is None:
        r = ctx.entities[key] = Resolved(key, typ, name, region=region)
    if m is not None:
        r.mentions.append(m)
        r.aliases.add(m.surface)
        ctx.by_mention[(m.start, m.end, typ)] = key
    return r


def ctx_codes(ctx: "ArticleContext") -> set[str]:
    return {e.region for e in ctx.entities.values() if e.type == "Region"}


def region_key(code: str) -> str:
    return f"Region:{code}"


def resolve_article(
    text: Text,
    article_id: str,
    regions: list[Mention],
    agencies: list[Mention],
    officials: list[OfficialMention],
    orgs: list[Mention],
    gaz: Gazetteer | None = None,
) -> ArticleContext:
    gaz = gaz or load()
    focal = focal_region(text, regions, agencies, gaz)
    ctx = ArticleContext(text, article_id, focal)
    present = {m.key for m in regions if m.key[:1] not in "?@"}

    @lru_cache(maxsize=None)
    def deixis(level: str) -> str:  # one answer per level: focal and present are the article's
        return resolve_deixis(level, focal, present, gaz)

    def add_region(code: str, m: Mention | None = None) -> str:
        d = gaz.by_code[code]
        r = _add(ctx, region_key(code), "Region", d.name, m, region=code)
        r.attrs.update(divisionCode=code if code.isdigit() else "", level=d.level)
        return r.key

    # a county's short form seen only as the start of a park or company name (乐都工业园区) is
    # part of that name, weak evidence that the article is about the county itself
    org_spans = Spans((o.start, o.end) for o in orgs)
    weak = {
        m.key
        for m in regions
        if m.key[:1] not in "?@" and m.surface != gaz.by_code[m.key].name and gaz.by_code[m.key].level == "county"
    }
    for m in regions:
        if m.key in weak and not org_spans.covers(m.start, m.end):
            weak.discard(m.key)
    for m in regions:
        with _degrade(ctx, "region", m):
            if m.key[:1] not in "?@" and m.key not in weak:
                add_region(m.key, m)
            elif m.key.startswith("@"):  # 我市, 全县: more evidence for the article's own region
                code = deixis(m.key[1:])
                if code:
                    r = ctx.entities.get(region_key(code)) or ctx.entities[add_region(code)]
                    r.mentions.append(m)
                    ctx.by_mention[(m.start, m.end, "Region")] = r.key
            elif m.key.startswith("?"):
                ctx.unresolved.append((m.surface, m.key[1:]))
    # every region's parents, up to the province, so that a query by province finds them all
    named = ctx_codes(ctx)
    for code in [focal, *(m.key for m in regions if m.key in named)]:
        for d in gaz.chain(code) if code else []:
            add_region(d.code)

    # agencies: qualify each body with its region
    prev_region = ""
    resolved_agencies: dict[tuple[int, int, str], str] = {}
    first_at_span: dict[tuple[int, int], tuple[int, int, str]] = {}  # (start, end) -> its first key there
    park_regions = _ParkRegions(regions)
    for m in sorted(agencies, key=lambda a: a.start):
        with _degrade(ctx, "agency", m):
            q = m.region
            if q.startswith("="):  # 高新区管委会: the committee of a park, named after it
                park = q[1:]
                code = park_regions(park, m) or focal
                name = f"中共{park}工作委员会" if body_kind(m.key) == "partywork" else park + "管理委员会"
                r = _add(ctx, f"Agency:{name}", "Agency", name, m, region=code)
                if code and gaz.get(code):
                    ctx.agency_region[r.key] = add_region(code)
                resolved_agencies[(m.start, m.end, m.key)] = r.key
                first_at_span.setdefault((m.start, m.end), (m.start, m.end, m.key))
                continue
            if q.startswith("@"):
                code = deixis(q[1:])
            elif q == "^":
                code = prev_region
            else:
                code = q
            div = gaz.get(code) if code else None
            if not div:
                continue
            prev_region = code
            name = agency_name(m.key, div.name)
            r = _add(ctx, f"Agency:{name}", "Agency", name, m, region=code)
            if q.startswith("@"):  # 市工信局 -> 宁德市工信局 as a further name
                r.aliases.add(div.name + m.surface.lstrip("我本全该")[len(q) - 1 :])
            elif q == "^":
                r.aliases.add(div.name + m.surface)
            ctx.agency_region[r.key] = add_region(code)
            resolved_agencies[(m.start, m.end, m.key)] = r.key
            first_at_span.setdefault((m.start, m.end), (m.start, m.end, m.key))

    # officials: name + posts; a post names its body, or inherits the one before it in the chain
    first_official: dict[str, str] = {}  # name -> the key of the first official of that name
    for om in officials:
        with _degrade(ctx, "official", om.mention):
            agency_keys: list[tuple[str, str]] = []  # (agency key, title)
            last_key, last_region = "", ""
            for p in om.posts:
                key, reg = "", ""
                if p.kind.startswith("body:"):
                    name = p.kind[5:]
                    key = _add(ctx, f"Agency:{name}", "Agency", name, None).key
                elif p.kind == "head":
                    lvl = p.title[-2] if p.title.endswith("长") else ""
                    if p.org is not None and p.org.type == "Region" and p.org.key[:1] not in "?@":
                        reg = p.org.key
                    elif p.org is not None and p.org.type == "Region" and p.org.key.startswith("@"):
                        reg = deixis(p.org.key[1:])
                    elif p.org is not None and p.org.type == "Agency":
                        reg = _region_of_agency_mention(p.org, resolved_agencies, ctx)
                    elif last_region and (last := gaz.get(last_region)) and last.name.endswith(lvl):
                        reg = last_region
                    else:
                        reg = deixis(lvl) if lvl else ""
                    if reg and (rd := gaz.get(reg)):
                        nm = agency_name("人民政府", rd.name)
                        key = _add(ctx, f"Agency:{nm}", "Agency", nm, None, region=reg).key
                        ctx.agency_region[key] = add_region(reg)
                elif p.kind == "attach":
                    if p.org is not None and p.org.type == "Agency":
                        key = resolved_agencies.get((p.org.start, p.org.end, p.org.key), "")
                        if not key:  # 旗委政府书记: the mention was split into two bodies
                            first = first_at_span.get((p.org.start, p.org.end))
                            key = resolved_agencies[first] if first else ""
                    elif p.org is None:
                        key = last_key
                if key:
                    agency_keys.append((key, p.title))
                    last_key = key
                    last_region = ctx.entities[key].region or last_region
            anchor = agency_keys[0][0] if agency_keys else region_key(focal)
            okey = f"Official:{om.mention.surface}@{anchor.split(':', 1)[1]}"
            # one person per name within an article: later mentions join the first
            okey = first_official.get(om.mention.surface, okey)
            r = _add(ctx, okey, "Official", om.mention.surface, om.mention)
            first_official.setdefault(om.mention.surface, okey)
            titles = [p.title for p in om.posts]
            old = r.attrs.get("title", "")
            r.attrs["title"] = "、".join(dict.fromkeys([*(old.split("、") if old else []), *titles]))
            for k, title in agency_keys:
                ctx.memberships.append((r.key, k, title, om.mention))

    _resolve_orgs(ctx, orgs, regions, gaz)
    return ctx


class _ParkRegions:
    """The region a park's name starts with (江都高新区 -> 江都区), if any: the one nearest the park.
    By bisection over the places sorted by start: a pass over all places per park committee was
    quadratic in the article's length."""

    def __init__(self, regions: list[Mention]) -> None:
        self._named = sorted((r for r in regions if r.key[:1] not in "?@"), key=lambda r: r.start)  # stable
        self._starts = [r.start for r in self._named]

    def __call__(self, park: str, m: Mention) -> str:
        lo = bisect.bisect_left(self._starts, m.start - len(park))
        hi = bisect.bisect_right(self._starts, m.start)
        inside = [r for r in self._named[lo:hi] if r.end <= m.start]
        return max(inside, key=lambda r: r.start).key if inside else ""


def _region_of_agency_mention(m: Mention, resolved: dict, ctx: ArticleContext) -> str:
    key = resolved.get((m.start, m.end, m.key))
    return ctx.entities[key].region if key else ""


def _resolve_orgs(ctx: ArticleContext, orgs: list[Mention], regions: list[Mention], gaz: Gazetteer) -> None:
    norm = ctx.text.norm
    region_forms = set()
    for m in regions:
        region_forms.add(m.surface)
    for code in {m.key for m in regions if m.key[:1] not in "?@"}:
        d = gaz.by_code[code]
        region_forms |= {d.name, d.short} - {""}

    # companies: one per core name (东宇商贸公司 = 海南省东宇商贸有限公司)
    groups: dict[str, list[Mention]] = {}
    for m in orgs:
        if m.type == "Company":
            groups.setdefault(company_core(m.surface, region_forms), []).append(m)
    # which short forms the text holds, in one pass (`short in norm` was a pass per company)
    shorts = sorted({s for core in groups for s in [core, *_company_short_forms(core)] if s})
    found: set[str] = set()
    if shorts:
        ac = AhoCorasick(shorts, matchkind=MatchKind.Standard)
        found = {shorts[i] for i, _, _ in ac.find_matches_as_indexes(norm, overlapping=True)}

    def in_text(s: str) -> bool:
        return s in found or not s  # as `s in norm`: "" is in every text
    for core, ms in groups.items():
        name = max((m.surface for m in ms), key=lambda s: (len(s), s))
        for m in ms:  # ms is never empty: a group is made with its first mention
            r = _add(ctx, f"Company:{core}", "Company", name, m)
        r.name = name
        for short in [core, *_company_short_forms(core)]:
            if in_text(short) and short not in r.aliases:
                r.aliases.add(short)

    # parks: a shorter name that the longer one contains (or keeps in order) is the same park
    # longest first; names of one length in text order (a set's order would follow the hash seed)
    parks = sorted(dict.fromkeys(m.surface for m in orgs if m.type == "IndustrialPark"), key=len, reverse=True)
    canon: dict[str, str] = {}
    # the only q that can pass the test below: those ending with p, and those with p's first two
    # and last three characters (a loop over every pair was quadratic in the number of parks)
    by_suffix: dict[str, list[int]] = {}
    by_ends: dict[tuple[str, str], list[int]] = {}
    for n, q in enumerate(parks):
        for k in range(len(q) + 1):
            by_suffix.setdefault(q[k:], []).append(n)
        by_ends.setdefault((q[:2], q[-3:]), []).append(n)
    for p in parks:
        for q in (parks[n] for n in sorted(set(by_suffix.get(p, ())) | set(by_ends.get((p[:2], p[-3:]), ())))):
            if len(q) > len(p) and q not in canon and (q.endswith(p) or (q[:2] == p[:2] and is_subsequence(p, q) and _same_suffix(p, q))):
                canon[p] = q
                break
    for m in orgs:
        if m.type == "IndustrialPark":
            name = canon.get(m.surface, m.surface)
            _add(ctx, f"IndustrialPark:{name}", "IndustrialPark", name, m)

    for m in orgs:
        if m.type == "Project":
            _add(ctx, f"Project:{m.surface}", "Project", m.surface, m)


def _same_suffix(a: str, b: str) -> bool:
    return a[-3:] == b[-3:]


def _company_short_forms(core: str) -> list[str]:
    """华恒生物 -> 华恒; 河套酒业 -> 河套, 河酒: how articles shorten a company once named."""
    from kg.extract.mentions.orgs import _suffixes

    out = []
    for suf, typ, strength in _suffixes():
        if typ == "Company" and strength == "industry" and core.endswith(suf) and len(core) - len(suf) >= 2:
            stem = core[: -len(suf)]
            out += [stem, stem[0] + suf[0]]
            break
    return [s for s in out if len(s) >= 2 and not re.fullmatch(r"[\W\d]+", s)]


# ---------------------------------------------------------------- identity across articles

def _place_code(ctx: ArticleContext, key: str, located: dict[str, list[str]], seen: set[str] | None = None) -> str:
    """The division an entity sits in: its locatedIn region, or its host park's region."""
    seen = seen or set()
    for t in located.get(key, []):
        e = ctx.entities.get(t)
        if e is None or t in seen:
            continue
        if e.type == "Region":
            return e.region
        if e.type == "IndustrialPark":
            code = _place_code(ctx, t, located, seen | {key})
            if code:
                return code
    return ctx.focal


def identity_keys(ctx: ArticleContext, relations, gaz: Gazetteer | None = None) -> dict[str, str]:
    """Final identity keys, once places are known. Same key in two articles, same node:
    - an official: name + the region of the body of the first post (same name elsewhere is
      another person);
    - a company with a legal name: its core name + the province its name starts with; a short
      name: core + the region it sits in (华恒生物 of one county is not another county's);
    - a park or project: name + the region it sits in.
    Regions (by code) and agencies (by full name with region) keep their keys."""
    gaz = gaz or load()
    located: dict[str, list[str]] = {}
    for r in relations:
        if r.rel == "locatedIn":
            located.setdefault(r.head, []).append(r.tail)
    for k in located:  # a region before a park: the most specific administrative place first
        located[k].sort(key=lambda t: (ctx.entities[t].type != "Region", -len(ctx.entities[t].region)))
    members: dict[str, list[str]] = {}
    for off, ag, _t, _m in ctx.memberships:
        members.setdefault(off, []).append(ag)
    out: dict[str, str] = {}
    for key, e in ctx.entities.items():
        if e.type == "Official":
            regions = [ctx.entities[a].region for a in members.get(key, []) if ctx.entities[a].region]
            out[key] = f"Official:{e.name}@{regions[0] if regions else ctx.focal}"
        elif e.type == "Company":
            core = key.split(":", 1)[1]
            if e.name.endswith(REGISTERED):  # 有限公司: a registered name
                out[key] = f"Company:{core}#{_prefix_province(e.name, gaz)}"
            else:
                out[key] = f"Company:{core}@{_place_code(ctx, key, located)}"
        elif e.type in ("IndustrialPark", "Project"):
            out[key] = f"{e.type}:{e.name}@{_place_code(ctx, key, located)}"
    return out


def _prefix_province(name: str, gaz: Gazetteer) -> str:
    """The province a company's name starts with (海南省东宇商贸有限公司 -> 460000), or ''."""
    hit = gaz.leading(name)
    chain = gaz.chain(hit[0]) if hit else []
    return chain[-1].code if chain else ""
