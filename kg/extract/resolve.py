"""Mentions of one article -> entities with canonical names and aliases; once relations are
known, their identity keys (identity_keys).

Context decides what a bare or deictic mention means: the article's focal region (the region it
is about) resolves 市工信局, 旗委, 区长; a list passes its region on (区政府办、工信局).

Within an article an entity is known by a handle (an int): its key depends on where it sits,
which only relations say, so keys are made once, after them.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ahocorasick_rs import AhoCorasick, MatchKind

from kg import keys
from kg.extract.facts import parse_number
from kg.extract.gazetteer import OWN_PREFIXES, Gazetteer, deixis_prefixes, fits_level, government_of, head_titles, level_rank, load, same_level
from kg.extract.mentions.agencies import body_kind, park_generics, written_form
from kg.extract.mentions.names import PHASE, suffix_ends, suffixes
from kg.extract.mentions.orgs import after_firm, defined_forms
from kg.extract.mentions.officials import OfficialMention
from kg.extract.mentions.regions import SHORT_TEXT, Spans
from kg.extract.notes import attempt
from kg.extract.segment import is_common_word
from kg.model import Evidence, Mention, Text
from kg.refs import Ambiguous, Code, Deixis, Inherited, ParkBody, code_of
from kg.resources import table


@lru_cache(maxsize=None)
def _legal_forms(*kinds: str) -> tuple[str, ...]:
    """The company suffixes of org_suffixes.tsv whose legal_form is one of kinds, longest first."""
    rows = [r["suffix"] for r in table("org_suffixes.tsv") if r["legal_form"] in kinds]
    return tuple(sorted(rows, key=len, reverse=True))


def legal_forms() -> tuple[str, ...]:
    """What is cut off a company's name for its core name (有限公司, 集团, 公司), longest first."""
    return _legal_forms("registered", "form")


def registered_forms() -> tuple[str, ...]:
    """The endings of a registered company name (有限公司, 有限责任公司 ...)."""
    return _legal_forms("registered")


Handle = int  # an entity within its article; never 0, so that `a or b` takes a found one


@dataclass
class Resolved:
    """An entity of one article while it is being resolved (mutable; frozen into Entity later)."""

    handle: Handle
    type: str
    name: str
    aliases: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    attrs: dict[str, str] = field(default_factory=dict)
    region: str = ""  # division code this entity belongs to, if any
    core: str = ""  # a company's core name (东宇商贸 of 海南省东宇商贸有限公司): its identity


def focal_region(text: Text, regions: list[Mention], agencies: list[Mention], gaz: Gazetteer,
                 orgs: list[Mention] | None = None) -> str:
    """The region an article is about: most named, the title and lead counting triple. A place
    only named inside companies' names (江苏X股份有限公司, 北京X公司) is where those firms come
    from: in an article that says 我区, 我县 (its own region left unnamed), it is not the article's."""
    lead_end = _lead_end(text.norm)
    score: Counter[str] = Counter()
    guests = _guests(text, regions, gaz)
    firms = Spans((o.start, o.end) for o in orgs or () if o.type == "Company")
    outside = False  # a division named outside a company's name
    for m in regions:
        if (code := code_of(m.place)) and code not in guests:
            score[code] += 3 if m.start < lead_end else 1
            outside = outside or not firms.covers(m.start, m.end)
    for m in agencies:
        if gaz.get(code := code_of(m.place)) and code not in guests:  # a division; not a deixis, the body before, or a park
            score[code] += 1
            outside = True
    if not score or not outside and any(isinstance(m.place, Deixis) for m in regions):
        return ""
    best = max(score.values())
    parent = {c: (d.parent if (d := gaz.get(c)) else "") for c in score}

    def toured(c: str) -> bool:
        # one of several divisions of a parent the article names, a sibling named at least half
        # as often: a tour of a county's towns (or a prefecture's counties) is about the county
        p = parent[c]
        return p in score and any(o != c and parent[o] == p and 2 * score[o] >= score[c] for o in score)

    top = list(dict.fromkeys(parent[c] if toured(c) else c for c, v in score.items() if v >= best * 0.6))
    # among the strongest, the most specific (a district inside the city named as often)
    top.sort(key=lambda c: (level_rank(gaz.by_code[c].level), -score[c]))  # ties: first named first
    for c in top:
        if all(gaz.is_within(c, o) or gaz.is_within(o, c) for o in top):
            return c
    return max(score, key=score.__getitem__)


# written right before 我县, 本市: a visit to the article's own region (来我县, 莅临我市)
TO_OWN = ("莅临", "来到", "走进", "来", "到", "赴")


def _guests(text: Text, regions: list[Mention], gaz: Gazetteer) -> set[str]:
    """The divisions whose people visit the article's own region: named in the clause before
    来我县 (莅临我市), of the level of that 我县 (衡山县代表团来我县: 衡山县 is not 我县)."""
    norm = text.norm
    out: set[str] = set()
    regions = sorted(regions, key=lambda r: r.start)
    starts = [r.start for r in regions]
    for m in regions:
        if not isinstance(m.place, Deixis) or not norm.endswith(TO_OWN, 0, m.start) or m.surface[0] not in OWN_PREFIXES:
            continue
        sent = text.sentences[text.sentence_of(m.start)][0]
        sent = max([sent, *(norm.rfind(mark, sent, m.start) + 1 for mark in ",，;；")])  # its clause
        for g in regions[bisect.bisect_left(starts, sent) : bisect.bisect_left(starts, m.start)]:
            if (c := code_of(g.place)) and (d := gaz.get(c)):
                if fits_level(m.place.level, d):  # by a former name too: 邵东市 (邵东县) to 我县
                    out.add(c)
    return out


def _lead_end(norm: str) -> int:
    """End of the title and first lines (roughly 200 characters)."""
    return min(len(norm), 200)


def resolve_deixis(level: str, focal: str, present: set[str], gaz: Gazetteer) -> str:
    """Deixis('市') -> the city in the focal region's chain (or the only one named in the article).
    A division is of the level written when its name ends in a level word of the same brief
    (levels.tsv): 区 is 涪陵区, not 内蒙古自治区 or 阿里地区; 州 is any 自治州; 地 is a 地区."""
    def fits(d) -> bool:
        return fits_level(level, d)

    for d in gaz.chain(focal) if focal else []:
        if fits(d):
            return d.code
    named = sorted(c for c in present if fits(gaz.get(c)))
    return named[0] if len(named) == 1 else ""


NATION = "中华人民共和国"  # the canonical name of a national body starts so: 中华人民共和国国务院


def agency_name(body: str, region_name: str) -> str:
    kind = body_kind(body)
    if kind == "party":
        return f"中共{region_name}委员会"
    if kind == "partydept":  # 中共宜宾市委宣传部: a department of the region's party committee
        return f"中共{region_name}{body}"
    if kind == "tax":  # 国家税务总局罗山县税务局: a bureau of the national administration
        return f"国家税务总局{region_name}{body}"
    if kind == "partywork":  # a 街道's party working committee, as a park's
        return f"中共{region_name}工作委员会"
    if kind == "dept" and body.endswith("工作委员会"):  # a region's zone's (县产业集聚区党工委)
        return f"中共{region_name}{body}"
    if kind == "cppcc":
        return f"中国人民政治协商会议{region_name}委员会"
    if kind == "national":
        return NATION + body
    return region_name + body


def _zone_body(body: str) -> tuple[str, str] | None:
    """A zone's committee (产业集聚区管理委员会): (the zone's words, the committee's body)."""
    for b in ("管理委员会", "工作委员会"):
        if body.endswith(b) and len(body) > len(b) and body_kind(b) in ("admin", "partywork"):
            return body[: -len(b)], b
    return None


def government_name(region_name: str) -> str:
    """The government of a division: 宁德市人民政府, 锡林郭勒盟行政公署 (levels.tsv government)."""
    return agency_name(government_of(region_name), region_name)


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
    for suf in legal_forms():
        if core.endswith(suf) and len(core) - len(suf) >= 2:
            core = core[: -len(suf)]
            break
    return core


# the text last asked about and its evidence by (article, span): the stages ask again for the
# mentions of each entity and relation (a pair, read and replaced whole: safe across threads)
_EVIDENCE: tuple[Text | None, dict[tuple[str, int, int], Evidence]] = (None, {})


def evidence(text: Text, article_id: str, m: Mention) -> Evidence:
    global _EVIDENCE
    memo = _EVIDENCE
    if memo[0] is not text:
        memo = _EVIDENCE = (text, {})
    key = (article_id, m.start, m.end)
    ev = memo[1].get(key)
    if ev is None:
        s, e = text.orig_span(m.start, m.end)
        ev = memo[1][key] = Evidence(article_id, text.sentence_of(m.start), s, e)
    return ev


def is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


@dataclass
class ArticleContext:
    """What resolution knows about one article, handed on to relation finding."""

    text: Text
    article_id: str
    focal: str
    title: str = ""  # the article's title line, as the normalised text writes it
    entities: dict[Handle, Resolved] = field(default_factory=dict)
    by_mention: dict[tuple[int, int, str], Handle] = field(default_factory=dict)  # span+type -> entity
    memberships: list[tuple[Handle, Handle, str, Mention]] = field(default_factory=list)  # official, agency, title
    agency_region: dict[Handle, Handle] = field(default_factory=dict)  # agency -> its region
    unresolved: list[tuple[str, str]] = field(default_factory=list)  # (surface, candidate codes)
    notes: list[str] = field(default_factory=list)  # mentions left out by a case no rule foresaw
    # (type, what tells it apart within the article: a region's code, a company's core, else
    # its name) -> its handle
    by_identity: dict[tuple[str, str], Handle] = field(default_factory=dict)

    def region(self, code: str) -> Handle | None:
        """The region entity of a division code, if the article has it."""
        return self.by_identity.get(("Region", code))


def _add(ctx: ArticleContext, typ: str, ident: str, name: str, m: Mention | None, region: str = "") -> Resolved:
    """The entity of type typ told apart by ident (made on first use), with m as a mention of it."""
    h = ctx.by_identity.get((typ, ident))
    if h is None:
        h = ctx.by_identity[(typ, ident)] = len(ctx.entities) + 1
        r = ctx.entities[h] = Resolved(h, typ, name, region=region)
    else:
        r = ctx.entities[h]
    if m is not None:
        r.mentions.append(m)
        if not isinstance(m.place, (Deixis, Inherited)):  # 省委, 市工信局 name no body outside the article
            r.aliases.add(m.surface)
        ctx.by_mention[(m.start, m.end, typ)] = h
    return r


def _left_out(ctx: ArticleContext, what: str, m: Mention) -> AbstractContextManager[None]:
    """A mention that trips an unforeseen case is left out with a note; the article goes on."""
    return attempt(ctx.notes, lambda: f"{what} {m.surface!r} (at {m.start})")


def ctx_codes(ctx: "ArticleContext") -> set[str]:
    return {e.region for e in ctx.entities.values() if e.type == "Region"}


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
    # a place's name inside a person's (杜延安, 陈广西 after a title) names no place
    names = Spans((o.mention.start, o.mention.end) for o in officials)
    regions = [m for m in regions if not names.covers(m.start, m.end)]
    focal = focal_region(text, regions, agencies, gaz, orgs)
    ctx = ArticleContext(text, article_id, focal)
    present = {c for m in regions if (c := code_of(m.place))}

    heads = head_titles()

    @lru_cache(maxsize=None)
    def deixis(level: str) -> str:  # one answer per level: focal and present are the article's
        return resolve_deixis(level, focal, present, gaz)

    def add_region(code: str, m: Mention | None = None) -> Handle:
        d = gaz.by_code[code]
        r = _add(ctx, "Region", code, d.name, m, region=code)
        r.attrs.update(divisionCode=code if code.isdigit() else "", level=d.level)
        return r.handle

    # a county's short form seen only as the start of a park or company name (乐都工业园区) is
    # part of that name, weak evidence that the article is about the county itself
    org_spans = Spans((o.start, o.end) for o in orgs)
    weak = {
        code
        for m in regions
        if (code := code_of(m.place)) and m.surface != gaz.by_code[code].name and gaz.by_code[code].level == "county"
    }
    for m in regions:
        if code_of(m.place) in weak and not org_spans.covers(m.start, m.end):
            weak.discard(code_of(m.place))
    for m in regions:
        with _left_out(ctx, "region", m):
            match m.place:
                case Code(code) if code not in weak:
                    h = add_region(code, m)
                    if m.rule:  # a name several divisions share: what decided it, kept
                        ctx.entities[h].attrs.setdefault("placeDecidedBy", f"{m.surface}: {m.rule}")
                case Deixis(level):  # 我市, 全县: more evidence for the article's own region
                    if code := deixis(level):
                        r = ctx.entities[add_region(code)]
                        r.mentions.append(m)
                        ctx.by_mention[(m.start, m.end, "Region")] = r.handle
                case Ambiguous(codes):
                    ctx.unresolved.append((m.surface, "|".join(codes)))
    # every region's parents, up to the province, so that a query by province finds them all
    named = ctx_codes(ctx)
    done: set[str] = set()  # a division already added here: adding it again changes nothing
    for code in [focal, *(c for m in regions if (c := code_of(m.place)) in named)]:
        if not code or code in done:
            continue
        for d in gaz.chain(code):
            if d.code not in done:
                done.add(d.code)
                add_region(d.code)

    # agencies: qualify each body with its region
    prev_region = ""
    resolved_agencies: dict[tuple[int, int, str], Handle] = {}  # (start, end, body) -> its agency
    first_at_span: dict[tuple[int, int], tuple[int, int, str]] = {}  # (start, end) -> its first body there
    park_regions = _ParkRegions(regions)
    articles_park = lru_cache(maxsize=None)(lambda generic: _articles_park(generic, orgs))  # once per word
    for m in sorted(agencies, key=lambda a: a.start):
        with _left_out(ctx, "agency", m):
            q = m.place
            if isinstance(q, ParkBody):  # 高新区管委会: the committee of a park, named after it
                park = q.park if q.park not in park_generics() else articles_park(q.park)
                if not park:  # 园区管委会 where the article names no park, or several as often
                    continue
                # of the region the park's name starts with (江都高新区, 泗阳县临河高新区), no
                # province (安徽X经开区: a county's park); a park named after no region (深汕特别
                # 合作区) serves none the text says: not the article's region by default
                code = (park_regions(q.park, m) if park == q.park else "") or _park_lead(park, gaz)
                if body_kind(m.body) in ("admin", "partywork"):
                    name = (f"中共{park}工作委员会" if body_kind(m.body) == "partywork" else park + "管理委员会") + m.unit
                else:  # 高新区投资服务局: a bureau written after the park alone, named so
                    name = park + m.body
                r = _add(ctx, "Agency", name, name, m, region=code)
                if park != q.park:  # 高新区管委会 names no body outside the article, as 市工信局: the
                    r.aliases.discard(m.surface)  # park as the article names it + the body as written
                    r.aliases.add(park + m.surface[len(q.park) :])
                if m.unit and not m.surface.startswith(park):  # 新区管委会经济发展局: park + as written
                    r.aliases.add(park + m.surface)
                if code and gaz.get(code):
                    ctx.agency_region[r.handle] = add_region(code)
                resolved_agencies[(m.start, m.end, m.body)] = r.handle
                first_at_span.setdefault((m.start, m.end), (m.start, m.end, m.body))
                continue
            if q is None and body_kind(m.body) == "national":  # 国务院, 国家科技部, 科技部高新技术司
                name = agency_name(m.body, "") + m.unit
                r = _add(ctx, "Agency", name, name, m)
                resolved_agencies[(m.start, m.end, m.body)] = r.handle
                first_at_span.setdefault((m.start, m.end), (m.start, m.end, m.body))
                continue
            if isinstance(q, Deixis):
                code = deixis(q.level)
            elif isinstance(q, Inherited):
                code = prev_region
            else:
                code = code_of(q)
            div = gaz.get(code) if code else None
            if not div and isinstance(q, Deixis) and (zone := _zone_body(m.body)):
                # 县产业集聚区管委会 where the article settles no county: the zone as written
                name = agency_name(zone[1], q.level + zone[0]) if body_kind(zone[1]) == "partywork" else q.level + m.body
                r = _add(ctx, "Agency", name, name, m)
                r.aliases.add(m.surface)  # as a park's committee: named by what is written
                resolved_agencies[(m.start, m.end, m.body)] = r.handle
                first_at_span.setdefault((m.start, m.end), (m.start, m.end, m.body))
                continue
            if not div:
                continue
            prev_region = code
            if m.unit and body_kind(m.body) == "party":  # 市委 + 网信办: 中共宜宾市委网信办
                name = f"中共{div.name}委{m.unit}"
            else:
                name = agency_name(m.body, div.name) + m.unit  # 陕西省工业和信息化厅 + 原材料工业处
            r = _add(ctx, "Agency", name, name, m, region=code)
            if body_kind(m.body) == "partydept" or (m.unit and body_kind(m.body) == "party"):
                # 县委统战部, 统战部 after 县委常委: 罗山县委统战部, 中共罗山县委统战部 as further names
                short = "委" + m.unit if m.unit else ("委" if m.body.startswith("委") else "") + written_form(m).removeprefix("委")
                r.aliases.update((div.name + short, f"中共{div.name}{short}"))
                if m.unit:  # 县委督查室: of the committee named in full too (中共罗山县委员会督查室)
                    r.aliases.add(f"{agency_name(m.body, div.name)}{m.unit}")
            elif body_kind(m.body) == "tax":  # 罗山县税务局, as written without the administration
                r.aliases.add(div.name + m.body)
            elif isinstance(q, Deixis):  # 市工信局 -> 宁德市工信局 as a further name
                r.aliases.add(div.name + m.surface.lstrip(deixis_prefixes())[len(q.level) :])
            elif isinstance(q, Inherited):
                r.aliases.add(div.name + m.surface)
            ctx.agency_region[r.handle] = add_region(code)
            resolved_agencies[(m.start, m.end, m.body)] = r.handle
            first_at_span.setdefault((m.start, m.end), (m.start, m.end, m.body))

    # officials: name + posts; a post names its body, or inherits the one before it in the chain.
    # A title written after the name (李刚市长) comes last: where the article gives the person
    # a post before the name anywhere, that post is the one meant
    posted: set[str] = set()
    for om in sorted(officials, key=lambda o: any(p.after for p in o.posts)):  # stable
        with _left_out(ctx, "official", om.mention):
            agency_posts: list[tuple[Handle, str]] = []  # (agency, title)
            if any(p.after for p in om.posts) and om.mention.surface in posted:
                om = OfficialMention(om.mention, ())
            last_agency: Handle | None = None
            last_region = ""
            for p in om.posts:
                agency: Handle | None = None
                reg = ""
                org = p.org
                if p.kind == "body":
                    agency = _add(ctx, "Agency", p.body, p.body, None).handle
                elif p.kind == "head":
                    lvl = heads.get(p.title, "")  # 县长 -> 县, 副盟长 -> 盟, 专员 -> 地
                    if org is not None and org.type == "Region" and isinstance(org.place, Code):
                        reg = org.place.code
                    elif org is not None and org.type == "Region" and isinstance(org.place, Deixis):
                        reg = deixis(org.place.level)
                    elif org is not None and org.type == "Agency" and fits_level(
                        lvl, gaz.get(at := _region_of_agency_mention(org, resolved_agencies, ctx))
                    ):
                        reg = at  # 县政府县长; 邵东市委书记王刚、市长李明: the body's region, of the head's level
                    elif last_region and lvl and fits_level(lvl, gaz.get(last_region)):
                        reg = last_region
                    else:
                        reg = deixis(lvl) if lvl else ""
                    if reg and (rd := gaz.get(reg)):
                        nm = government_name(rd.name)  # a 县长 of the 县人民政府, a 盟长 of the 盟行政公署
                        agency = _add(ctx, "Agency", nm, nm, None, region=reg).handle
                        ctx.agency_region[agency] = add_region(reg)
                elif p.kind in ("attach", "party"):
                    if p.government and (rd := gaz.get(last_region)):
                        # 街道党工委书记、办事处主任: the government of the region of the post before
                        nm = government_name(rd.name)
                        agency = _add(ctx, "Agency", nm, nm, None, region=last_region).handle
                        ctx.agency_region[agency] = add_region(last_region)
                    elif org is not None and org.type == "Agency":
                        agency = resolved_agencies.get((org.start, org.end, org.body))
                        if agency is None:  # 旗委政府书记: the mention was split into two bodies
                            first = first_at_span.get((org.start, org.end))
                            agency = resolved_agencies[first] if first else None
                    elif org is None and p.after and p.kind == "party" and (fd := gaz.get(focal)):
                        # 王建国书记强调: the party committee of the region the article is about
                        nm = agency_name("委员会", fd.name)
                        agency = _add(ctx, "Agency", nm, nm, None, region=focal).handle
                        ctx.agency_region[agency] = add_region(focal)
                    elif org is None:
                        agency = last_agency
                    elif (
                        p.title in heads
                        and org.type == "Region"
                        and (reg := _region_code(org, deixis))
                        and (rd := gaz.get(reg))
                        and fits_level(heads[p.title], rd)
                    ):
                        # 广西壮族自治区副主席: a title titles.tsv attaches (主席 of a 政协) is the
                        # head's title of the division written right before it
                        nm = government_name(rd.name)
                        agency = _add(ctx, "Agency", nm, nm, None, region=reg).handle
                        ctx.agency_region[agency] = add_region(reg)
                    elif p.kind == "party" and org.type == "Region" and (reg := _region_code(org, deixis)) and (rd := gaz.get(reg)):
                        # 海丰县副书记: a party post right after a region is in its party committee
                        nm = agency_name("委员会", rd.name)
                        agency = _add(ctx, "Agency", nm, nm, None, region=reg).handle
                        ctx.agency_region[agency] = add_region(reg)
                if agency is not None:
                    agency_posts.append((agency, p.title))
                    last_agency = agency
                    last_region = ctx.entities[agency].region or last_region
            # one person per name within an article: later mentions join the first
            r = _add(ctx, "Official", om.mention.surface, om.mention.surface, om.mention)
            titles = [p.title for p in om.posts]
            old = r.attrs.get("title", "")
            r.attrs["title"] = "、".join(dict.fromkeys([*(old.split("、") if old else []), *titles]))
            for agency, title in agency_posts:
                ctx.memberships.append((r.handle, agency, title, om.mention))
            if agency_posts:
                posted.add(om.mention.surface)

    _former_names(ctx, gaz)
    _resolve_orgs(ctx, orgs, regions, gaz, deixis)
    _park_bodies_named_as_parks(ctx)
    return ctx


def _park_lead(park: str, gaz: Gazetteer) -> str:
    """The division below a province that a park's name starts with, or ""."""
    lead = gaz.leading(park)
    d = gaz.get(lead[0]) if lead else None
    return d.code if d is not None and d.level != "province" else ""


def _articles_park(generic: str, orgs: list[Mention]) -> str:
    """The park a body written after a word for a park alone belongs to (高新区管委会, 园区管委会):
    of the article's parks of that word (any park for 园区), the one written most often, its
    forms counted as one (X高新区 and X高新技术产业开发区; Y开发区 and 泗洪县Y开发区); "" for none
    or a tie."""
    full = dict(_park_short_suffixes())
    ends = tuple(e for e in (generic, full.get(generic, "")) if e) if generic in suffix_ends("IndustrialPark") else ("",)
    parks = {m.surface for m in orgs if m.type == "IndustrialPark" and not isinstance(m.place, Deixis)}
    in_full = {w: next((w[: -len(sh)] + fu for sh, fu in full.items() if w.endswith(sh)), w) for w in parks}
    written = {w for w in parks if in_full[w].endswith(ends) and w not in ends}  # 开发区: X经开区 too
    times = Counter(m.surface for m in orgs if m.type == "IndustrialPark")
    count: dict[str, int] = {}  # a park's form (its suffix in full) -> how often its forms are written
    shown: dict[str, str] = {}  # that form -> the longest of its forms written
    for w in sorted(written, key=lambda w: (-len(in_full[w]), -len(w), w)):  # a form ending a longer one is that park
        f = next((g for g in count if g.endswith(in_full[w])), in_full[w])
        count[f] = count.get(f, 0) + times[w]
        shown.setdefault(f, w)
    ranked = sorted(count.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return ""
    return shown[ranked[0][0]]


def _park_bodies_named_as_parks(ctx: ArticleContext) -> None:
    """A park's committee is named after the park as the article names it in full (青禾经济开发区
    管委会 of 泗洪县青禾经济开发区: 泗洪县青禾经济开发区管理委员会), the name as written kept as a
    further one. Two committees so of one park are one node (the graph keys an agency by name)."""
    full: dict[str, str] = {}  # a park's name as written -> the park's name
    for e in ctx.entities.values():
        if e.type == "IndustrialPark":
            for m in e.mentions:
                full.setdefault(m.surface, e.name)
    for e in ctx.entities.values():
        if e.type != "Agency":
            continue
        park = next((m.place.park for m in e.mentions if isinstance(m.place, ParkBody)), "")
        named = full.get(park, park)
        if not park or named == park or park not in e.name:
            continue
        old, e.name = e.name, e.name.replace(park, named, 1)
        e.aliases.add(old)
        ctx.by_identity.setdefault(("Agency", e.name), e.handle)


def _former_names(ctx: ArticleContext, gaz: Gazetteer) -> None:
    """A division the text writes by a former name (祁阳县 of 祁阳市 today): its bodies are named
    as today and, as the text knows them, with that name too (祁阳县人民政府)."""
    written: dict[str, list[str]] = {}  # region code -> its former names the text writes
    for e in ctx.entities.values():
        if e.type == "Region" and (d := gaz.get(e.region)) and d.former:
            if fs := [f for f in d.former if f in e.aliases and d.name in e.name]:
                written[e.region] = fs
    if not written:
        return
    for e in ctx.entities.values():
        if e.type == "Agency" and e.region in written:
            today = gaz.by_code[e.region].name
            e.aliases.update(e.name.replace(today, f) for f in written[e.region] if today in e.name)


class _ParkRegions:
    """The region a park's name starts with (江都高新区 -> 江都区), if any: the one nearest the park.
    By bisection over the places sorted by start: a pass over all places per park committee was
    quadratic in the article's length."""

    def __init__(self, regions: list[Mention]) -> None:
        self._named = sorted((r for r in regions if isinstance(r.place, Code)), key=lambda r: r.start)  # stable
        self._starts = [r.start for r in self._named]

    def __call__(self, park: str, m: Mention) -> str:
        lo = bisect.bisect_left(self._starts, m.start - len(park))
        hi = bisect.bisect_right(self._starts, m.start)
        inside = [r for r in self._named[lo:hi] if r.end <= m.start]
        return code_of(max(inside, key=lambda r: r.start).place) if inside else ""


def _region_code(m: Mention, deixis) -> str:
    """The division a region mention names: its code, or its deixis resolved."""
    if isinstance(m.place, Code):
        return m.place.code
    if isinstance(m.place, Deixis):
        return deixis(m.place.level)
    return ""


def _region_of_agency_mention(m: Mention, resolved: dict[tuple[int, int, str], Handle], ctx: ArticleContext) -> str:
    h = resolved.get((m.start, m.end, m.body))
    return ctx.entities[h].region if h is not None else ""


# up to these sizes (short forms x characters, stems x names) `in` answers faster than an
# automaton built for the one article; past them the automaton keeps a long text linear
_ASK_THE_TEXT = 200_000
_PAIRS = 400


def _resolve_orgs(ctx: ArticleContext, orgs: list[Mention], regions: list[Mention], gaz: Gazetteer, deixis) -> None:
    norm = ctx.text.norm
    region_forms = set()
    for m in regions:
        region_forms.add(m.surface)
    for code in {c for m in regions if (c := code_of(m.place))}:
        d = gaz.by_code[code]
        region_forms |= {d.name, d.short} - {""}

    # companies: one per core name (东宇商贸公司 = 海南省东宇商贸有限公司); a core that ends exactly
    # one longer core of the article is that company named shorter (第三建设集团 = X第三建设集团)
    groups: dict[str, list[Mention]] = {}
    core_of: dict[str, str] = {}  # a name written again has the same core
    for m in orgs:
        if m.type == "Company":
            if (core := core_of.get(m.surface)) is None:
                core = core_of[m.surface] = company_core(m.surface, region_forms)
            groups.setdefault(core, []).append(m)
    ending: dict[str, list[str]] = {}  # a tail of a core -> the cores ending so
    for core in sorted(groups):
        for k in range(1, len(core) - 1):
            ending.setdefault(core[k:], []).append(core)
    for core in sorted(groups, key=lambda c: (len(c), c)):
        longer = ending.get(core, [])
        if len(core) >= 2 and len(longer) == 1:
            groups[longer[0]] = groups.pop(core) + groups[longer[0]]
    # X科技 and X科技(安徽): the company named with the place of its registration in brackets
    bracketed: dict[str, list[str]] = {}
    for core in sorted(groups):
        if (k := core.find("(")) >= 2:
            bracketed.setdefault(core[:k], []).append(core)
    for pre, longer in sorted(bracketed.items()):
        if pre in groups and len(longer) == 1:
            groups[longer[0]] = groups.pop(pre) + groups[longer[0]]
    # a group named by its brand alone (鲁丰集团) is the one group of the article whose core is
    # that brand and industry words (山东鲁丰控股集团有限公司: 鲁丰|控股); a company so, the one company
    by_brand: dict[str, list[str]] = {}
    for core in sorted(groups):
        if (b := _brand_of(core)) != core:
            by_brand.setdefault(b, []).append(core)
    for core in sorted(groups, key=lambda c: (len(c), c)):
        if core not in groups or core not in by_brand:
            continue
        group = any("集团" in m.surface for m in groups[core])
        longer = [c for c in by_brand[core] if c in groups and any("集团" in m.surface for m in groups[c]) == group]
        if len(longer) == 1:
            groups[longer[0]] = groups.pop(core) + groups[longer[0]]
    # X公司(以下简称“Y”): Y is that company, whatever its core
    defined = {(full.type, short): full.surface for full, short, _, _ in defined_forms(norm, orgs)}
    for (typ, short), named in sorted(defined.items()):
        if typ != "Company":
            continue
        of_full = next((c for c in sorted(groups) if any(m.surface == named for m in groups[c])), None)
        of_short = next((c for c in sorted(groups) if any(m.surface == short for m in groups[c])), None)
        if of_full is not None and of_short is not None and of_full != of_short:
            groups[of_full] = groups.pop(of_short) + groups[of_full]
    # which short forms the text holds, in one pass (`short in norm` was a pass per company)
    shorts = sorted({s for core in groups for s in [core, *_company_short_forms(core)] if s})
    found: set[str] = set()
    if shorts and len(norm) <= SHORT_TEXT and len(shorts) * len(norm) <= _ASK_THE_TEXT:
        found = {s for s in shorts if s in norm}  # a short text: `in` (in C) beats an automaton
    elif shorts:
        ac = AhoCorasick(shorts, matchkind=MatchKind.Standard)
        found = {shorts[i] for i, _, _ in ac.find_matches_as_indexes(norm, overlapping=True)}

    def in_text(s: str) -> bool:
        return s in found or not s  # as `s in norm`: "" is in every text
    company_forms: dict[str, int] = {}  # every form of a company's name -> which company (by order)
    for n, (core, ms) in enumerate(sorted(groups.items())):
        for f in {core, *(m.surface for m in ms)}:
            if len(f) >= 2:
                company_forms.setdefault(f, n)
    for core, ms in groups.items():
        name = max((m.surface for m in ms), key=lambda s: (len(s), s))
        for m in ms:  # ms is never empty: a group is made with its first mention
            r = _add(ctx, "Company", core, name, m)
        r.name, r.core = name, core
        for short in [core, *_company_short_forms(core)]:
            if in_text(short) and short not in r.aliases:
                r.aliases.add(short)

    # a park named after a company of the article (X控股 named, X高速装备产业园): the company's
    # project, as a park whose name starts with a company's full name (orgs._settle)
    brands = {
        b for core in groups for f in (core, *_company_short_forms(core)) if len(b := _brand_of(f)) >= 2 and not is_common_word(b)
    } - region_forms
    if brands:
        place_at = {r.start for r in regions}  # a park named after a place (梅河口X产业园) is no firm's
        longest = max(map(len, brands))
        orgs = [
            replace(m, type="Project", rule="company-park")
            if m.type == "IndustrialPark" and not isinstance(m.place, Deixis) and m.start not in place_at
            and any(m.surface[:k] in brands for k in range(2, min(longest, len(m.surface) - 4) + 1))
            else m
            for m in orgs
        ]
    # parks: a shorter name that the longer one contains (or keeps in order) is the same park
    # longest first; names of one length in text order (a set's order would follow the hash seed)
    # 县经济开发区 (a level word alone before a park's suffix): the park of the article's region of
    # that level, named with it (宁远县经济开发区); none when no region of the level is the article's
    full_of: dict[int, str] = {}
    park_code: dict[str, str] = {}
    for m in orgs:
        if m.type == "IndustrialPark" and isinstance(m.place, Deixis):
            lvl = m.place.level
            if code := deixis(lvl):
                full_of[id(m)] = gaz.by_code[code].name + m.surface[m.surface.index(lvl) + len(lvl) :]
                park_code[full_of[id(m)]] = code
    orgs = [m for m in orgs if not (m.type == "IndustrialPark" and isinstance(m.place, Deixis) and id(m) not in full_of)]

    def park_name(m: Mention) -> str:
        return full_of.get(id(m), m.surface)

    parks = sorted(dict.fromkeys(park_name(m) for m in orgs if m.type == "IndustrialPark"), key=len, reverse=True)
    canon: dict[str, str] = {}
    # the only q that can pass the test below: those ending with p, and those with p's first two
    # and last three characters (a loop over every pair was quadratic in the number of parks)
    by_suffix: dict[str, list[int]] = {}
    by_ends: dict[tuple[str, str], list[int]] = {}
    for n, q in enumerate(parks):
        for k in range(len(q) + 1):
            by_suffix.setdefault(q[k:], []).append(n)
        by_ends.setdefault((q[:2], q[-3:]), []).append(n)
    present = set(parks)
    for p in parks:
        # X高新区 and X高新技术产业开发区: a short form of the suffix (park_short_forms.tsv)
        full = next((p[: -len(sh)] + fu for sh, fu in _park_short_suffixes() if p.endswith(sh) and len(p) > len(sh)), None)
        if full in present and full not in canon:
            canon[p] = full
            continue
        if full is not None:  # ... or of it qualified by a place (长沙市宁乡经济技术开发区, 宁乡经开区)
            longer = sorted(parks[n] for n in by_suffix.get(full, ()) if parks[n] not in canon)
            if longer:
                canon[p] = longer[0]
                continue
        for q in (parks[n] for n in sorted(set(by_suffix.get(p, ())) | set(by_ends.get((p[:2], p[-3:]), ())))):
            if len(q) > len(p) and q not in canon and (q.endswith(p) or (q[:2] == p[:2] and is_subsequence(p, q) and _same_suffix(p, q))):
                canon[p] = q
                break
    for (typ, short), named in sorted(defined.items()):  # X经济技术开发区(以下简称“X经开区”)
        if typ == "IndustrialPark" and short != canon.get(named, named):
            canon[short] = canon.get(named, named)
            canon.update((p, canon[short]) for p in sorted(canon) if canon[p] == short)
    for m in orgs:
        if m.type == "IndustrialPark":
            name = canon.get(park_name(m), park_name(m))
            _add(ctx, "IndustrialPark", name, name, m, region=park_code.get(name, ""))

    pnames = sorted({m.surface for m in orgs if m.type == "Project"})
    pcanon = _project_short_forms(pnames)
    for short, full in _same_company_projects(pnames, company_forms).items():
        pcanon.setdefault(short, pcanon.get(full, full))
    for (typ, short), named in sorted(defined.items()):  # X项目(以下简称“Y项目”)
        if typ == "Project" and short != pcanon.get(named, named):
            pcanon[short] = pcanon.get(named, named)
            pcanon.update((p, pcanon[short]) for p in sorted(pcanon) if pcanon[p] == short)
    firm_less = after_firm(orgs)
    for m in orgs:
        if m.type == "Project":
            name = pcanon.get(m.surface, m.surface)
            r = _add(ctx, "Project", name, name, m)
            if (rest := firm_less.get((m.start, m.end))) and rest != name:
                r.aliases.add(rest)  # X有限公司|Y项目: Y项目 names it too
            if phase := project_phase(name):
                r.attrs["phase"] = phase


def _same_company_projects(names: list[str], company_forms: dict[str, int]) -> dict[str, str]:
    """X科技年产N吨Y项目 and X科技(安徽)有限公司年产N吨Y项目: one project written after two forms of
    its company's name (a title's short one, the body's full one), the same words after them.
    Each name that starts with a company's form maps to the longest name of its (company, rest)."""
    by_rest: dict[tuple[int, str], list[str]] = {}
    for n in names:
        for k in range(min(len(n) - 2, 24), 1, -1):  # the longest form of a company it starts with
            c = company_forms.get(n[:k])
            if c is not None:
                rest = n[k:]
                if rest.endswith(_PHASE_HEADS) and (ph := PHASE.search(rest[:-2])) and ph.end() == len(rest) - 2:
                    rest = rest[:-2]  # 二期项目 and 二期: one phase (as _project_short_forms)
                by_rest.setdefault((c, rest), []).append(n)
                break
    out: dict[str, str] = {}
    for key in sorted(by_rest):
        group = by_rest[key]
        if len(group) > 1:
            full = max(group, key=lambda s: (len(s), s))
            out.update((g, full) for g in group if g != full)
    return out


def _project_short_forms(names: list[str]) -> dict[str, str]:
    """A project named again by less of its name (X集团Y开发利用项目 -> Y开发利用项目, Y项目; 欧菲光Z
    产业园项目 -> 欧菲光项目): a name whose stem (the name less its suffix) is in exactly one longer
    project name of the article, ending with the same suffix, is that project. In one pass of the
    stems over the names (a loop over pairs was quadratic in the projects of a long text)."""
    if len(names) < 2:
        return {}
    canon: dict[str, str] = {}
    have = set(names)
    for n in names:  # X二期 and X二期项目: one phase, written with its head word or without
        ph = PHASE.search(n)
        if ph and ph.end() == len(n) and not ph.group().endswith(_PHASE_HEADS):
            full = next((n + h for h in _PHASE_HEADS if n + h in have), "")
            if full:
                canon[n] = full
    ends = suffix_ends("Project")
    stems: dict[str, list[str]] = {}  # stem -> the names with that stem
    suffix_of: dict[str, str] = {}
    for n in names:
        suf = next((x for x in ends if n.endswith(x)), "")
        if suf and len(n) - len(suf) >= 2:
            stems.setdefault(n[: -len(suf)], []).append(n)
            suffix_of[n] = suf
    if not stems:
        return canon
    keys = sorted(stems)
    longer: dict[str, set[str]] = {}  # short name -> the longer names holding its stem
    if len(keys) * len(names) <= _PAIRS:  # few projects: `in` for each pair beats an automaton
        held = ((q, key) for q in names for key in keys if key in q)
    else:
        ac = AhoCorasick(keys, matchkind=MatchKind.Standard)
        held = ((q, keys[k]) for q in names for k, _, _ in ac.find_matches_as_indexes(q, overlapping=True))
    for q, key in held:
        for p in stems[key]:
            if len(q) > len(p) and q.endswith(suffix_of[p]):
                longer.setdefault(p, set()).add(q)
    for p in sorted(longer, key=lambda n: (-len(n), n)):  # the longer names are settled first
        if p in canon:
            continue
        targets = {canon.get(q, q) for q in longer[p]}
        if len(targets) == 1:
            canon[p] = targets.pop()
    for n in sorted(canon):  # a phase's fuller form may be a short form itself: the longest one
        while canon[n] in canon and canon[canon[n]] != canon[n]:
            canon[n] = canon[canon[n]]
    return canon


_PHASE_HEADS = ("项目", "工程")  # the head words a phase is written with or without (二期, 二期项目)


@lru_cache(maxsize=65536)
def project_phase(name: str) -> str:
    """The phase a project's name gives (华恒生物二期 -> "2"), or ""."""
    ph = PHASE.search(name)
    if not ph:
        return ""
    try:
        return str(int(parse_number(ph.group().split("期")[0])))
    except ValueError:
        return ""


@lru_cache(maxsize=1)
def _park_short_suffixes() -> tuple[tuple[str, str], ...]:
    """park_short_forms.tsv: (short suffix, full suffix), longest short first."""
    return tuple(sorted(((r["short"], r["full"]) for r in table("park_short_forms.tsv")), key=lambda r: (-len(r[0]), r)))


def _same_suffix(a: str, b: str) -> bool:
    return a[-3:] == b[-3:]


@lru_cache(maxsize=1)
def _industry_suffixes() -> tuple[str, ...]:
    """The industry words that end a company's core (生物, 酒业), longest first as suffixes()."""
    return tuple(suf for suf, typ, strength in suffixes() if typ == "Company" and strength == "industry")


@lru_cache(maxsize=65536)
def _brand_of(core: str) -> str:
    """A company's core less the industry words it ends in (鲁丰控股 -> 鲁丰, 华恒生物科技 -> 华恒),
    two characters at least."""
    words = _industry_suffixes()
    while True:
        suf = next((w for w in words if core.endswith(w) and len(core) - len(w) >= 2), "")
        if not suf:
            return core
        core = core[: -len(suf)]


@lru_cache(maxsize=65536)
def _company_short_forms(core: str) -> tuple[str, ...]:
    """华恒生物 -> 华恒; 河套酒业 -> 河套, 河酒: how articles shorten a company once named
    (cached: asked twice for each company, and a region's news names the same ones again)."""
    out = []
    k = core.find("(")
    if k >= 2:  # 天顺风能(苏州), 台玻(福建)光伏玻璃: the brand before the place in brackets
        core = core[:k]
        out.append(core)
    for suf in _industry_suffixes():
        if core.endswith(suf) and len(core) - len(suf) >= 2:
            stem = core[: -len(suf)]
            out += [stem, stem[0] + suf[0]]
            break
    return tuple(s for s in out if len(s) >= 2 and not re.fullmatch(r"[\W\d]+", s))


# ---------------------------------------------------------------- identity across articles

@dataclass(frozen=True, slots=True)
class Link:
    """A relation between two entities of one article, by handle: a Relation once keys are made."""

    head: Handle
    rel: str
    tail: Handle
    evidence: tuple[Evidence, ...] = ()


def _place_code(ctx: ArticleContext, h: Handle, located: dict[Handle, list[Handle]], seen: set[Handle] | None = None) -> str:
    """The division an entity sits in: its locatedIn region, or its host park's region."""
    seen = seen or set()
    for t in located.get(h, []):
        e = ctx.entities.get(t)
        if e is None or t in seen:
            continue
        if e.type == "Region":
            return e.region
        if e.type == "IndustrialPark":
            code = _place_code(ctx, t, located, seen | {h})
            if code:
                return code
    return ctx.focal


def identity_keys(ctx: ArticleContext, links: list[Link], gaz: Gazetteer | None = None) -> dict[Handle, str]:
    """Every entity's identity key (kg.keys), once places are known. Same key in two articles,
    same node:
    - a region: its division code; an agency: its full name (with its region's name);
    - an official: name + the region of the body of the first post (same name elsewhere is
      another person);
    - a company with a legal name: its core name + the province its name starts with; a short
      name: core + the region it sits in (华恒生物 of one county is not another county's);
    - a park or project: name + the region it sits in."""
    gaz = gaz or load()
    located: dict[Handle, list[Handle]] = {}
    for r in links:
        if r.rel == "locatedIn":
            located.setdefault(r.head, []).append(r.tail)
    for k in located:  # a region before a park: the most specific administrative place first
        located[k].sort(key=lambda t: (ctx.entities[t].type != "Region", -len(ctx.entities[t].region)))
    members: dict[Handle, list[Handle]] = {}
    for off, ag, _t, _m in ctx.memberships:
        members.setdefault(off, []).append(ag)
    out: dict[Handle, str] = {}
    for h, e in ctx.entities.items():
        if e.type == "Region":
            out[h] = keys.region_key(e.region)
        elif e.type == "Agency":
            out[h] = keys.make("Agency", e.name)
        elif e.type == "Official":
            regions = [ctx.entities[a].region for a in members.get(h, []) if ctx.entities[a].region]
            out[h] = keys.make("Official", e.name, place=regions[0] if regions else ctx.focal)
        elif e.type == "Company":
            if e.name.endswith(registered_forms()):  # 有限公司: a registered name
                out[h] = keys.make("Company", e.core, province=_prefix_province(e.name, gaz))
            else:
                out[h] = keys.make("Company", e.core, place=_place_code(ctx, h, located))
        else:  # a park or a project
            out[h] = keys.make(e.type, e.name, place=_place_code(ctx, h, located))
    return out


def _prefix_province(name: str, gaz: Gazetteer) -> str:
    """The province a company's name starts with (海南省东宇商贸有限公司 -> 460000), or ''."""
    hit = gaz.leading(name)
    chain = gaz.chain(hit[0]) if hit else []
    return chain[-1].code if chain else ""
