"""Agency mentions by grammar: [region | level character | 中共+region] + body.

A body's region is recorded on the mention (its place, kg.refs) as one of:
  Code         the name says it (杭锦后旗工信局, 乌翠区委)
  Deixis       a level character, resolved against the article's focal region (市工信局, 旗委)
  Inherited    from the agency before it in a list (区政府办、工信局)
  ParkBody     a park's committee, named after the park (江都高新区管委会)
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.model import Mention, Text
from kg.refs import Ambiguous, Code, Deixis, Inherited, ParkBody, Place
from kg.resources import longest_first, table, words
from kg.extract.gazetteer import deixis_prefixes, everyday_before_body, level_of, level_of_name, level_words, load, party_form, qualifiers
from kg.extract.segment import cut, word_info

HAN_LO, HAN_HI = "\u4e00", "\u9fff"
NATION = ("中华人民共和国", "国家")  # written before a national body: 国家科技部
NATIONAL_OWN = ("国务院", "国家")  # a national body named so is no company's department
# function characters a national body is named after (经国务院批准, 和科技部); else a character
# before it ends a word of which the body is a part (集团商务部: a company's department)
BEFORE_NATIONAL = set("、和与及经由被向对在从")
from kg.extract.mentions.names import LIST_JOIN, left_edge, rank_words, region_starts, strip_region_qualifiers, suffix_ends, suffixes
from kg.extract.mentions.regions import Spans
from kg.extract.literals import Literals
from kg.extract.mentions.officials import title_at, title_hits, title_rx



@lru_cache(maxsize=1)
def _everyday() -> dict[str, frozenset[str]]:
    """agency_everyday.tsv: where -> its words (qualifier: 城市, 社区; party: 委托, 委任)."""
    out: dict[str, set[str]] = {}
    for r in table("agency_everyday.tsv"):
        out.setdefault(r["where"], set()).add(r["word"])
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _party_not_after() -> frozenset[str]:
    """What stands after a 委 that is not 委员会 (委托, 委派, 委任 ...)."""
    return frozenset(w[1:] for w in _everyday().get("party", ()))


@lru_cache(maxsize=1)
def _bodies() -> tuple[list[tuple[str, tuple[str, ...]]], dict[str, str]]:
    """[(surface, (canonical bodies...))] longest first, and canonical body -> kind."""
    forms: dict[str, tuple[str, ...]] = {}
    kinds: dict[str, str] = {}
    for r in table("agencies.tsv"):
        kinds[r["body"]] = r["kind"]
        for f in [r["body"], *r["forms"].split("|")]:
            forms.setdefault(f, (r["body"],))
    for r in table("agency_shorthands.tsv"):
        forms[r["form"]] = tuple(r["bodies"].split("|"))
    return sorted(forms.items(), key=lambda kv: -len(kv[0])), kinds


@lru_cache(maxsize=1)
def _parts() -> dict[str, dict[str, str]]:
    """Shorthand form -> {body: how that body is written alone} (委政府 -> 委员会: 委, 人民政府: 政府)."""
    return {
        r["form"]: dict(zip(r["bodies"].split("|"), r["parts"].split("|")))
        for r in table("agency_shorthands.tsv")
    }


@lru_cache(maxsize=1)
def _body_literals() -> Literals:
    """All body forms; at each position the longest, as an alternation written longest first
    would match, every occurrence found in one pass of an automaton."""
    return Literals(f for f, _ in _bodies()[0])


def body_kind(body: str) -> str:
    return _bodies()[1].get(body, "dept")


def written_form(m: Mention) -> str:
    """The form of its body a mention ends with, the longest (统战部 of 县委常委、统战部部长)."""
    return next((f for f, bodies in _bodies()[0] if m.body in bodies and m.surface.endswith(f)), m.body)


@lru_cache(maxsize=1)
def _body_forms() -> dict[str, tuple[str, ...]]:
    """_bodies()'s forms as a dict, made once (per article it cost 1% of extraction)."""
    return dict(_bodies()[0])


def find_agencies(text: Text, regions: list[Mention]) -> list[Mention]:
    norm = text.norm
    forms = _body_forms()
    found = _body_literals().hits(norm)
    region_end = {m.end: m for m in regions if not isinstance(m.place, Ambiguous)}  # deixis too
    region_spans = Spans((m.start, m.end) for m in regions)
    region_at = region_starts(regions)  # for the park before a committee, built once
    out: list[Mention] = []
    i = 0
    n = len(norm)
    while i < n:
        hit = found.search(i)
        if not hit:
            break
        i, f = hit
        bodies = forms[f]
        end = i + len(f)
        if region_spans.overlaps(i, i):  # inside a place name (e.g. 区 of 城区)
            i += 1
            continue
        if bodies == ("委员会",) and f == "委" and end < n and norm[end] in _party_not_after():
            i += 1
            continue
        start, region = _qualifier(norm, i, region_end)
        kind = body_kind(bodies[0])
        if kind in ("admin", "partywork"):
            # a park's committee (江都高新区管委会): the mention is the body alone, so that the
            # park stays a park mention of its own; the park's name rides in its place
            zone = _region_zone(norm, i, region_end)
            if zone is not None and isinstance(zone[1], Deixis):
                park = ""  # 县产业集聚区管委会: a level's own zone, no park's name
            else:
                park, pstart = _park_before(norm, i, regions, at=region_at)
                if not park and (chained := _chained_park(out, norm, i)):
                    park = chained  # 高新区党工委副书记、管委会主任: the park of the posts before
                if f in CLIPPED_COMMITTEES and pstart < 0 and not _chained_to(out, park, norm, i):
                    # 工委, 管委 right after the park's name (新区工委; not 机关工委), or after
                    # the posts in its other committee (新区工委副书记、管委主任)
                    park = ""
                elif not park and zone is None and (generic := generic_park_before(norm, i)):
                    park, pstart = generic, -1  # 高新区管委会, 园区管委会: resolution names the article's park
            if park:
                surface = norm[pstart:end] if pstart >= 0 else park + f
                out.append(Mention("Agency", surface, i, end, place=ParkBody(park), body=bodies[0]))
                i = end
                continue
            if zone is not None:
                # 县产业集聚区管委会: the committee of a region's own zone, named by a park's
                # generic word after the region
                zstart, zplace, generic = zone
                out.append(Mention("Agency", norm[zstart:end], zstart, end, place=zplace, body=generic + bodies[0]))
                i = end
                continue
            if not (kind == "partywork" and region is not None and _works_committee(region, norm[start:i])):
                i = end  # a 街道党工委 is its region's party committee; a bare 管委会 is nothing
                continue
        if kind in ("dept", "media") and i not in region_end and (bureau := _park_bureau(norm, i, end, f, bodies[0], regions, region_at, region_end)):
            out.append(bureau)  # 扬州经开区招商局, 开发区招商局: a bureau of a park, named after it
            i = end
            continue
        if kind == "national":
            if region is None and (nstart := _national_start(norm, i, end)) >= 0:
                out.append(Mention("Agency", norm[nstart:end], nstart, end, place=None, body=bodies[0]))
                i = end
                continue
            i += 1
            continue
        if region is None and (tiered := _tiers_before(norm, i, region_end)):
            # 南平市、建阳区两级政府: the body of each region of the list, whatever its level
            tparts = _parts().get(f, {})
            out.extend(Mention("Agency", m.surface + tparts.get(b, f), m.start, m.end, place=m.place, body=b) for m in tiered for b in bodies)
            i = end
            continue
        if region is None:
            prev = out[-1] if out else None
            if prev and norm[prev.end : i] in ("、", "和", "及", "与") and f not in ("委", "政府", "人大"):
                start, region = i, Inherited()
            elif (
                bodies[0] in _level_governments() and prev is not None and isinstance(prev.place, (Code, Deixis))
                and not _sentence_ends(norm, prev.end, i) and _government_fits(bodies[0], prev.place)
                and (norm[i - 1] in LIST_JOIN or norm[i - 1] in "，,")
            ):
                # 城东街道党工委书记X、办事处主任Y: the government only some levels have, of the
                # region of the body before it in the sentence, that level's
                start, region = i, prev.place
            elif prev and prev.end == i and kind == "dept" and body_kind(prev.body) == "gov" and prev.place is not None:
                # 靖江市政府招商局, 县政府办: a department written after its government
                start, region = prev.start, prev.place
            elif kind == "partydept" and prev and body_kind(prev.body) == "party" and prev.place is not None and _posts_only(norm, prev.end, i):
                # 县委常委、统战部部长: a department of the committee whose post comes before it
                start, region = i, prev.place
            elif (
                kind == "dept" and len(f) >= 2 and prev and prev.end < i and isinstance(prev.place, (Code, Deixis))
                and _posts_only(norm, prev.end, i)
            ):
                # 县纪委书记、监委主任: a body of the region of the post before it in one chain
                start, region = i, prev.place
            else:
                i += 1
                continue
        if bodies == ("委员会",) and not _party_ok(region, f):
            i += 1  # 镇委/乡委: a town's party committee is written 镇党委; 乡镇 prose is ambiguous
            continue
        # a party committee written with 中共 in front
        if kind in ("party", "partywork", "partydept") and norm[max(0, start - 2) : start] == "中共":
            start -= 2
        elif kind in ("party", "partydept") and norm.endswith(YOUTH_LEAGUE, 0, start):
            i = end  # 共青团罗山县委: the Youth League's committee, no party body
            continue
        if not _government_fits(bodies[0], region):
            i = end  # 驻郑州办事处: a 办事处 is the government of a 街道 only, not of the city
            continue
        parts = _parts().get(f, {})
        for m in _listed_before(norm, start, i, region, region_end):
            # 光山县、罗山县、息县人民政府: the body of each region of one level listed before it
            out.extend(Mention("Agency", m.surface + parts.get(b, f), m.start, m.end, place=m.place, body=b) for b in bodies)
        for b in reversed(bodies):
            # 旗委政府 -> "旗委" and "旗政府": each body under the name it has alone; the first
            # last, the body a title after the pair is a post in (纪委监委书记: of the 纪委)
            surface = norm[start:i] + parts[b] if b in parts else norm[start:end]
            out.append(Mention("Agency", surface, start, end, place=region, body=b))
        i = end
    units = _units(norm, out, region_end)
    return out + units + _listed_units(norm, [*out, *units], region_end)


def _park_bureau(
    norm: str, i: int, end: int, f: str, body: str, regions: list[Mention], at: dict, region_end: dict[int, Mention]
) -> Mention | None:
    """A known body written right after a park's name (扬州经开区招商局), after a word for a park
    alone (开发区招商局), or after a region's zone (县产业集聚区招商局): the park's bureau."""
    zone = _region_zone(norm, i, region_end)
    if zone is None or not isinstance(zone[1], Deixis):  # as a committee's (县产业集聚区: the level's own)
        if found := _park_ending(norm, i, regions, at):
            return Mention("Agency", norm[found[1] : end], i, end, place=ParkBody(found[0]), body=body)
        if generic := generic_park_before(norm, i):
            return Mention("Agency", generic + f, i, end, place=ParkBody(generic), body=body)
    if zone is not None:
        zstart, zplace, words_of = zone
        return Mention("Agency", norm[zstart:end], zstart, end, place=zplace, body=words_of + body)
    return None


# a committee's name clipped further (新区工委, 管委主任): read right after a park's name only
CLIPPED_COMMITTEES = ("工委", "管委")
YOUTH_LEAGUE = ("共青团", "团")  # written before a committee of the Communist Youth League


def _chained_park(out: list[Mention], norm: str, i: int) -> str:
    """The park of the committee whose posts are written right before the body at i (党工委副书记、
    管委会主任), when the body is written alone: its other committee."""
    prev = out[-1] if out else None
    if prev is not None and isinstance(prev.place, ParkBody) and _posts_only(norm, prev.end, i):
        return prev.place.park
    return ""


def _chained_to(out: list[Mention], park: str, norm: str, i: int) -> bool:
    """Is the body at i written after a chain of posts in a committee of this park?"""
    prev = out[-1] if out else None
    return (
        bool(park) and prev is not None and isinstance(prev.place, ParkBody) and prev.place.park == park
        and _posts_only(norm, prev.end, i)
    )


def _posts_only(norm: str, i: int, j: int) -> bool:
    """Is norm[i:j] a chain of posts (常委、, 副书记、): titles, each with a separator after it?"""
    rx = title_rx()
    k = i
    while k < j:
        t = rx.match(norm, k)
        if not t or t.end() >= j or norm[t.end()] not in "、,，":
            return False
        k = t.end() + 1
    return k == j and j > i


UNIT_REACH = 12  # at most this many characters of a unit the lexicons do not name
# what a unit's name holds no word of: particles, prepositions, adverbs, pronouns, time words
NOT_IN_UNIT = {"u", "uj", "ul", "p", "d", "r", "t", "f"}


@lru_cache(maxsize=1)
def _unit_heads() -> tuple[str, ...]:
    return longest_first("unit_heads.txt")


def _units(norm: str, found: list[Mention], region_end: dict[int, Mention]) -> list[Mention]:
    """Bodies the lexicons do not name, found by the post written right after them: a run of
    characters ending in a unit's head (unit_heads.txt) between what places it and a title.
    After a known body, a unit of that body (工业和信息化厅原材料工业处处长, 管委会招商局局长);
    after a region or a level, a body of that region (宜宾市经济合作和新兴产业局局长,
    市投资促进中心主任). One pass over the titles of the text."""
    by_end: dict[int, Mention] = {}
    for m in found:
        by_end.setdefault(m.end, m)
    out: list[Mention] = []
    for e, _ in title_hits(norm):
        if e in by_end or e < 2 or not norm.endswith(_unit_heads(), 0, e):
            continue
        if any(m.start <= e - 1 < m.end for m in out):
            continue
        unit = _unit_at(norm, e, by_end, region_end)
        if unit:
            out.append(unit)
    return out


def _unit_at(norm: str, e: int, by_end: dict[int, Mention], region_end: dict[int, Mention]) -> Mention | None:
    """The unit whose name ends at e (where a title starts, or a list's mark)."""
    lo = max(0, e - UNIT_REACH)
    k = e - 2
    while k >= lo and HAN_LO <= norm[k] <= HAN_HI:
        k -= 1
    k += 1  # the Han run before the title starts at k
    # a known body that the run follows: the nearest one
    for j in range(e - 2, k - 1, -1):
        if (pm := by_end.get(j)) and _unit_words(norm[j:e]):
            return Mention("Agency", norm[pm.start : e], pm.start, e, place=pm.place, body=pm.body, unit=norm[j:e])
    # else a region or a level before it: the farthest one
    for j in range(k, e - 1):
        if j in region_end or (j > k and norm[j - 1] in _level_ends() and not norm.endswith(park_generics(), k, j)):
            start, place = _qualifier(norm, j, region_end)  # (not the 区 of 高新区投资服务局)
            if norm[j] in LIST_JOIN:
                continue  # 红山镇和县商务局: a list's word after the region, no unit's first
            if place is not None and not isinstance(place, Ambiguous) and _unit_words(norm[j:e]):
                return Mention("Agency", norm[start:e], start, e, place=place, body=norm[j:e])
    # else a word for a park alone before it (高新区投资服务局, 集聚区招商局): a bureau of the
    # article's park, named after it as written, with no committee (resolution names the park)
    for j in range(k, e - 2):
        if (j > 0 and HAN_LO <= norm[j - 1] <= HAN_HI and norm[j - 1] not in BEFORE_LISTED) or not (g := _generic_at(norm, j)):
            continue
        if _unit_words(norm[j + len(g) : e]) and not norm.startswith(_committee_forms(), j + len(g)):
            return Mention("Agency", norm[j:e], j, e, place=ParkBody(g), body=norm[j + len(g) : e])
    return None


def _generic_at(norm: str, j: int) -> str:
    return next((g for g in park_generics() if norm.startswith(g, j)), "")


@lru_cache(maxsize=1)
def _committee_forms() -> tuple[str, ...]:
    """How a park's committees are written (管委会, 党工委): a unit after one is the committee's."""
    return tuple(f for f, bodies in _bodies()[0] if body_kind(bodies[0]) in ("admin", "partywork"))


# what stands before a body written in a list, and after it: marks, the words joining a list,
# the words after a list of bodies (等部门, 负责同志, 相关负责人, 党组书记)
BEFORE_LISTED = set("、和及与同由对向在从经")
AFTER_LISTED = set("、，,。;；:：和及与等")
AFTER_LISTED_WORDS = ("负责", "相关", "主要", "党组", "有关")


@lru_cache(maxsize=1)
def _listed_heads() -> tuple[str, ...]:
    return longest_first("listed_unit_heads.txt")


@lru_cache(maxsize=1)
def _listed_head_rx() -> re.Pattern:
    return re.compile("|".join(map(re.escape, _listed_heads())))


def _listed_units(norm: str, found: list[Mention], region_end: dict[int, Mention]) -> list[Mention]:
    """Bodies the lexicons do not name, written in a list or a clause of their own with no post
    after them (县商务和粮食局、县农业农村和科技局等部门负责人): a region or a level written as a
    word of its own, then a run ending in a department's head (listed_unit_heads.txt), a mark
    or the start before it, a mark, a list's word or 负责/相关 after it. One pass over the heads."""
    taken = Spans((m.start, m.end) for m in found)
    by_end: dict[int, Mention] = {}
    for m in found:
        by_end.setdefault(m.end, m)
    out: list[Mention] = []
    n = len(norm)
    for h in _listed_head_rx().finditer(norm):
        e = h.end()
        if taken.overlaps(h.start(), e) or (out and out[-1].end > h.start()):
            continue
        if e < n and norm[e] not in AFTER_LISTED and not norm.startswith(AFTER_LISTED_WORDS, e) and not _verb_at(norm, e):
            continue  # (县产业发展局要, 市数字经济局召开: a clause's subject or object before its verb)
        unit = _unit_at(norm, e, by_end, region_end)
        if unit is not None and unit.unit:
            words_of = cut(unit.unit)
            if not taken.overlaps(e - len(unit.unit), e) and words_of[0][1] != "v" and _ends_in_head(words_of, h.group()):
                out.append(unit)  # 工业和信息化部中小企业局、: a unit of the known body before it
            continue  # but 管委会设立X办公室, 工信局优化产业布局: a verb after the body, no unit
        if unit is None or isinstance(unit.place, Inherited) or taken.overlaps(unit.start, unit.end):
            continue  # 工信局深耕产业布局: a known body inside the run, no unit
        if not _ends_in_head(cut(unit.body), h.group()):
            continue  # 产业布局, 大局: an everyday word ending in the head, no department's name
        s = unit.start
        if s > 0 and HAN_LO <= norm[s - 1] <= HAN_HI and norm[s - 1] not in BEFORE_LISTED and not _verb_before(norm, s):
            continue  # 城市管理局: the level or region ends a word before it; but 会同县数字经济局
        place = unit.place
        if isinstance(place, Deixis) and next(iter(cut(norm[s:e])), ("", ""))[0] != norm[s : s + len(place.level)]:
            continue  # 市场监管局: the level character starts a word (市场), no level
        out.append(unit)
    return out


# parts of speech (jieba's) of the word after a body that ends a clause's subject or object
# with it: a verb, an adverb, a preposition (要, 将, 举办, 对), the particle of a modifier (的)
VERB_POS = {"v", "d", "p", "ad", "uj"}


def _verb_at(norm: str, e: int) -> bool:
    """Does a verb, an adverb, a preposition or 的 start at e (县产业发展局要, 市数字经济局召开)?"""
    words = cut(norm[e : e + 4])
    return bool(words) and words[0][1] in VERB_POS


def _verb_before(norm: str, s: int) -> bool:
    """Does a word that ends the context before a name (boundary_words.txt: 联合, 会同, 支持, 由)
    end at s, a word of its own there (联合|市, not 城|市 of 城市 or 都|市 of 都市)?"""
    k = max(0, s - 4)
    for w, _ in cut(norm[k : s + 2]):
        k += len(w)
        if k >= s:
            return k == s and w in _boundary_words()
    return False


@lru_cache(maxsize=1)
def _boundary_words() -> frozenset[str]:
    return frozenset(words("boundary_words.txt"))


def _everyday_word(w: str) -> bool:
    """Is w a word of the dictionary other than a place's name (城市, 社区; not 和县 of 县委和县政府:
    a place the text names is a region mention, found before this is asked)?"""
    freq, pos = word_info(w)
    return freq >= 5 and pos != "ns"


def _context_word_ends(norm: str, s: int) -> bool:
    """Does a word of two characters or more that ends the context before a name (boundary_words.txt:
    会同, 支持) end at s?"""
    return any(norm.endswith(w, 0, s) for w in _long_boundary_words())


@lru_cache(maxsize=1)
def _long_boundary_words() -> tuple[str, ...]:
    return tuple(sorted(w for w in _boundary_words() if len(w) >= 2))


def _ends_in_head(words_of: tuple[tuple[str, str], ...], head: str) -> bool:
    """Does a unit's last word end in its head as a department's does (招商局, 产业发展|局), not
    as an everyday word that ends so (布局, 大局)?"""
    last = words_of[-1][0]
    return last == head or (len(last) - len(head) >= 2 and bool(word_info(last[: -len(head)])[0]))


@lru_cache(maxsize=1)
def _level_ends() -> frozenset[str]:
    return frozenset(q[-1] for q in qualifiers())


def _unit_words(run: str) -> bool:
    """Is run the name of a unit: two characters or more, its head at the end, no company's
    ending in it, no particle, preposition, adverb or pronoun among its words?"""
    if len(run) < 2 or run in _unit_heads() or any(f in run for f in _company_words()):
        return False
    return all(word_info(tok)[1] not in NOT_IN_UNIT or len(tok) > 2 for tok, _ in cut(run))


@lru_cache(maxsize=1)
def _company_words() -> tuple[str, ...]:
    return tuple(r["suffix"] for r in table("org_suffixes.tsv") if r["type"] == "Company" and r["strength"] == "legal")


ZONE_WORDS = 4  # at most this many characters of description before a park's generic word (产业集聚区)


def _region_zone(norm: str, i: int, region_end: dict[int, Mention]) -> tuple[int, Place, str] | None:
    """A region or level, at most ZONE_WORDS characters, then a park's generic word right before
    the body at i (县产业集聚区, 舞阳县工业园区): (where it starts, the region, the zone's words)."""
    for suf, typ, _ in suffixes():
        if typ != "IndustrialPark" or not norm.endswith(suf, 0, i):
            continue
        for j in range(i - len(suf), max(-1, i - len(suf) - ZONE_WORDS - 1), -1):
            if j < i - len(suf) and not (HAN_LO <= norm[j] <= HAN_HI):
                break
            start, place = _qualifier(norm, j, region_end)
            if place is not None and not isinstance(place, Ambiguous):
                return start, place, norm[j:i]
        return None
    return None


def _listed_before(norm: str, start: int, i: int, region: Place, region_end: dict[int, Mention]) -> list[Mention]:
    """The regions listed right before the region written from start that names the body at i
    (光山县、罗山县 of 光山县、罗山县、息县人民政府), nearest first: each of the same level as it, so
    that a place written before a body of another level (江苏省、南京市政府) is no body's."""
    named = (region_end.get(j) for j in range(start + 1, i + 1))
    if not isinstance(region, Code) or not any(m is not None and m.start == start and m.place == region for m in named):
        return []
    level = _division_level(region.code)
    out: list[Mention] = []
    k = start
    while k > 0 and norm[k - 1] in LIST_JOIN and (m := region_end.get(k - 1)) is not None:
        if not isinstance(m.place, Code) or m.place == region or _division_level(m.place.code) != level:
            break
        out.append(m)
        k = m.start
    return out if level else []


def _tiers_before(norm: str, i: int, region_end: dict[int, Mention]) -> list[Mention]:
    """The regions of a list written before a word of tiers (tiers.txt: 两级) right before i, first
    first; none unless two or more, each named (not a deixis)."""
    tier = next((t for t in _tiers() if norm.endswith(t, 0, i)), "")
    out: list[Mention] = []
    k = i - len(tier)
    while tier and (m := region_end.get(k)) is not None and isinstance(m.place, Code):
        out.append(m)
        if m.start == 0 or norm[m.start - 1] not in LIST_JOIN:
            break
        k = m.start - 1
    return out[::-1] if len(out) >= 2 else []


@lru_cache(maxsize=1)
def _tiers() -> tuple[str, ...]:
    return longest_first("tiers.txt")


@lru_cache(maxsize=4096)
def _division_level(code: str) -> str:
    d = load().get(code)
    return d.level if d else ""


@lru_cache(maxsize=1)
def _level_governments() -> frozenset[str]:
    """The governments that only some levels have (行政公署 of a 盟 or 地区, 办事处 of a 街道)."""
    return frozenset(w.government for w in level_words() if w.government) - {"人民政府"}


def _sentence_ends(norm: str, i: int, j: int) -> bool:
    """Does a sentence end between i and j?"""
    return any(c in "。!?！？;；\n" for c in norm[i:j])


def _government_fits(body: str, region: Place) -> bool:
    """May this body stand after this region? A government of some levels only (levels.tsv
    government) after a region of such a level, or one whose level the text does not say."""
    if body not in _level_governments():
        return True
    if isinstance(region, Deixis):
        w = level_of(region.level)
    elif isinstance(region, Code):
        d = load().get(region.code)
        w = level_of_name(d.name) if d else None
    else:
        return True
    return w is None or w.government == body


def _party_ok(region: Place, f: str) -> bool:
    """May a party committee be written f after this region? 委 after a level only where the
    level writes its committee so (levels.tsv party: 县委, but 镇党委); any form after a name."""
    return not (isinstance(region, Deixis) and f == "委" and party_form(region.level) != "委")


def _works_committee(region: Place, written: str) -> bool:
    """Is a 党工委 after this region the region's own party committee? Where its level's
    committee is a working committee (levels.tsv party: 街道党工委)."""
    if isinstance(region, Deixis):
        return party_form(region.level) == "党工委"
    w = level_of_name(written) if isinstance(region, Code) else None
    return bool(w and w.party == "党工委")


def _national_start(norm: str, i: int, end: int) -> int:
    """Where a national body (国务院, 科技部) is written from: with 国家 or 中华人民共和国 before
    it, or standing on its own (after a function character, a mark or the start); -1 when the
    character before it ends a word it is a part of (集团商务部), or the one after it starts
    one (商务部门)."""
    for pre in NATION:
        if norm.endswith(pre, 0, i):
            return i - len(pre)
    before = norm[i - 1] if i > 0 else ""
    if before and HAN_LO <= before <= HAN_HI and before not in BEFORE_NATIONAL and not norm.startswith(NATIONAL_OWN, i):
        return -1  # but 国务院国资委, 国家能源局: a name of the state's own, after any word
    if end < len(norm) and word_info(norm[end - 1 : end + 1])[0] >= 50 and not title_at(norm, end):
        return -1  # 商务部门; but 科技部副部长: a title after the body
    return i


def _park_before(norm: str, i: int, regions: list[Mention], reach: int = 40, at: dict | None = None) -> tuple[str, int]:
    """The park a committee belongs to, and where it is written (-1 when not right before the
    body): named right before it (江都高新区管委会), also with its other name in brackets after
    it (涪陵高新区(涪陵综合保税区)党工委: the first name), or, in a chain of posts
    (开发区党工委书记、管委会主任), the park named last before it in the sentence.
    at: region_starts(regions), when the caller asks for many committees of one text."""
    lo = max(0, i - reach)
    if i > 0 and norm[i - 1] == ")":
        k = norm.rfind("(", lo, i - 1)
        if k > 0 and (found := _park_ending(norm, k, regions, at)):
            return found
    for j in range(i, lo, -1):
        if j < i and norm[j] in "。;；!?！？\n":
            break
        if found := _park_ending(norm, j, regions, at):
            return found[0], found[1] if j == i else -1
    return "", -1


@lru_cache(maxsize=1)
def park_generics() -> tuple[str, ...]:
    """The words that name a park of the article without its name, longest first: a park's
    suffix alone (高新区, 开发区), a word for the park named before (园区, park_anaphora.txt)."""
    return tuple(sorted({*suffix_ends("IndustrialPark"), *words("park_anaphora.txt")}, key=lambda w: (-len(w), w)))


def generic_park_before(norm: str, i: int) -> str:
    """The word for a park written alone right before the body at i (，园区管委会, 、高新区党工委):
    after a mark, the start or a function character, so that it ends no name."""
    for g in park_generics():
        if norm.endswith(g, 0, i):
            k = i - len(g)
            return g if k == 0 or not (HAN_LO <= norm[k - 1] <= HAN_HI) or norm[k - 1] in BEFORE_LISTED else ""
    return ""


def _park_ending(norm: str, j: int, regions: list[Mention], at: dict | None) -> tuple[str, int] | None:
    """The park whose name ends at j, and where it starts."""
    parks = suffix_ends("IndustrialPark")  # in the order of suffixes(), longest first
    if not norm.endswith(parks, 0, j):  # one test for all of them: most places end none
        return None
    for suf in parks:
        if norm.endswith(suf, 0, j):
            start = strip_region_qualifiers(norm, left_edge(norm, j - len(suf)), j - len(suf), regions, at=at)
            stem = norm[start : j - len(suf)]
            if stem in NATION or stem.startswith(rank_words()):
                return None  # 国家高新区, 省级开发区: a class of parks, no park's name
            if len(stem) >= 2:
                return norm[start:j], start
    return None


@lru_cache(maxsize=4096)
def _brief_of(code: str) -> str:
    """How a division's level is written before a body (和田地区: 地; 红河哈尼族彝族自治州: 州)."""
    d = load().get(code)
    w = level_of_name(d.name) if d else None
    return w.brief if w else ""


def _qualifier(norm: str, i: int, region_end: dict[int, Mention]) -> tuple[int, Place | None]:
    """What stands before a body at i: a region mention, a level character, or nothing."""
    if i in region_end:
        m = region_end[i]
        return m.start, m.place
    deixis = deixis_prefixes()  # 我市工信局, 本区政府 ...
    everyday = everyday_before_body()
    for tok in qualifiers():
        s = i - len(tok)
        if s >= 0 and norm[s:i] == tok:
            if s in region_end and isinstance(place := region_end[s].place, Code) and (
                region_end[s].surface.endswith(tok) or _brief_of(place.code) == tok
            ):
                # 海丰县县委: the region, its level again; 和田地委, 红河州委: its short name, then
                # the brief of its own level
                return region_end[s].start, place
            if s in region_end and isinstance(place := region_end[s].place, Deixis) and place.level == tok:
                return region_end[s].start, place  # 该县县委, 全市市直: the level again after a deixis
            before = norm[s - 1] if s > 0 else ""
            if before and "\u4e00" <= before <= "\u9fff" and before not in deixis:
                # 城市政府, 社区委, 园区管委会: the level character ends an everyday word
                if (_everyday_word(before + tok) or before + tok in everyday) and not _context_word_ends(norm, s):
                    return i, None  # (but 会同|盟能源局: a context word ends there, 同盟 no word)
            start = s - 1 if before in deixis and before else s
            return start, Deixis(tok)
    return i, None
