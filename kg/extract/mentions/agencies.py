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
from kg.refs import Ambiguous, Deixis, Inherited, ParkBody, Place
from kg.resources import table
from kg.extract.gazetteer import deixis_prefixes, qualifiers
from kg.extract.segment import word_info
from kg.extract.mentions.names import left_edge, region_starts, strip_region_qualifiers, suffixes
from kg.extract.mentions.regions import Spans



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
def _body_rx() -> re.Pattern:
    """All body forms in one alternation, longest first, so the regex engine does the scan."""
    forms, _ = _bodies()
    return re.compile("|".join(re.escape(f) for f, _ in forms))


def body_kind(body: str) -> str:
    return _bodies()[1].get(body, "dept")


def find_agencies(text: Text, regions: list[Mention]) -> list[Mention]:
    norm = text.norm
    forms = dict(_bodies()[0])
    rx = _body_rx()
    region_end = {m.end: m for m in regions if not isinstance(m.place, Ambiguous)}  # deixis too
    region_spans = Spans((m.start, m.end) for m in regions)
    region_at = region_starts(regions)  # for the park before a committee, built once
    out: list[Mention] = []
    i = 0
    n = len(norm)
    while i < n:
        hit = rx.search(norm, i)
        if not hit:
            break
        i, f = hit.start(), hit.group()
        bodies = forms[f]
        end = i + len(f)
        if region_spans.overlaps(i, i):  # inside a place name (e.g. 区 of 城区)
            i += 1
            continue
        if bodies == ("委员会",) and f == "委" and end < n and norm[end] in _party_not_after():
            i += 1
            continue
        start, region = _qualifier(norm, i, region_end)
        if body_kind(bodies[0]) in ("admin", "partywork"):
            # a park's committee (江都高新区管委会): the mention is the body alone, so that the
            # park stays a park mention of its own; the park's name rides in its place
            park = _park_before(norm, i, regions, at=region_at)
            if park:
                out.append(Mention("Agency", park + f, i, end, place=ParkBody(park), body=bodies[0]))
            i = end
            continue
        if region is None:
            prev = out[-1] if out else None
            if prev and norm[prev.end : i] in ("、", "和", "及", "与") and f not in ("委", "政府", "人大"):
                start, region = i, Inherited()
            else:
                i += 1
                continue
        if f == "委" and isinstance(region, Deixis) and region.level in ("镇", "乡"):
            i += 1  # 镇委/乡委 are party committees too, but 乡镇 prose is too ambiguous here
            continue
        # a party committee written with 中共 in front
        if bodies[0] == "委员会" and norm[max(0, start - 2) : start] == "中共":
            start -= 2
        parts = _parts().get(f, {})
        for b in bodies:
            # 旗委政府 -> "旗委" and "旗政府": each body under the name it has alone
            surface = norm[start:i] + parts[b] if b in parts else norm[start:end]
            out.append(Mention("Agency", surface, start, end, place=region, body=b))
        i = end
    return out


def _park_before(norm: str, i: int, regions: list[Mention], reach: int = 40, at: dict | None = None) -> str:
    """The park a committee belongs to: named right before it (江都高新区管委会), or, in a chain of
    posts (开发区党工委书记、管委会主任), the park named last before it in the sentence.
    at: region_starts(regions), when the caller asks for many committees of one text."""
    lo = max(0, i - reach)
    for j in range(i, lo, -1):
        if j < i and norm[j] in "。;；!?！？\n":
            break
        for suf, typ, _ in suffixes():
            if typ == "IndustrialPark" and norm.endswith(suf, 0, j):
                start = strip_region_qualifiers(norm, left_edge(norm, j - len(suf)), j - len(suf), regions, at=at)
                if j - len(suf) - start >= 2:
                    return norm[start:j]
    return ""


def _qualifier(norm: str, i: int, region_end: dict[int, Mention]) -> tuple[int, Place | None]:
    """What stands before a body at i: a region mention, a level character, or nothing."""
    if i in region_end:
        m = region_end[i]
        return m.start, m.place
    deixis = deixis_prefixes()  # 我市工信局, 本区政府 ...
    everyday = _everyday().get("qualifier", frozenset())
    for tok in qualifiers():
        s = i - len(tok)
        if s >= 0 and norm[s:i] == tok:
            before = norm[s - 1] if s > 0 else ""
            if before and "\u4e00" <= before <= "\u9fff" and before not in deixis:
                # 城市政府, 社区委, 园区管委会: the level character ends an everyday word
                if word_info(before + tok)[0] >= 5 or before + tok in everyday:
                    return i, None
            start = s - 1 if before in deixis and before else s
            return start, Deixis(tok)
    return i, None
