"""Official mentions: [body] TITLE (、[body] TITLE)* NAME, from a title lexicon and surnames.

Journalists, editors and hosts never match: their roles are not in the title lexicon.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import Mention, Text
from ..resources import table, words
from ..segment import is_common_word

HAN = re.compile(r"[\u4e00-\u9fff]")
# function characters that follow a name and never end one: used to break a 2/3-character tie
AFTER_NAME = set("在的了和与及等为对向是将就从到赴说称一")
NOT_IN_NAME = set("副市区县局委长记省镇乡旗主任书党组")


@dataclass(frozen=True)
class Post:
    title: str
    kind: str  # head | attach | body:NAME | none
    org: Mention | None  # the body or region written right before the title


@dataclass(frozen=True)
class OfficialMention:
    mention: Mention
    posts: tuple[Post, ...]


@lru_cache(maxsize=1)
def _titles() -> list[tuple[str, str]]:
    return sorted(((r["title"], r["kind"]) for r in table("titles.tsv")), key=lambda t: -len(t[0]))


@lru_cache(maxsize=1)
def _surnames() -> tuple[set[str], set[str]]:
    ws = words("surnames.txt")
    return {w for w in ws if len(w) == 1}, {w for w in ws if len(w) == 2}


@lru_cache(maxsize=1)
def _title_rx() -> tuple[re.Pattern, dict[str, str]]:
    titles = _titles()
    return re.compile("|".join(re.escape(t) for t, _ in titles)), dict(titles)


def _title_at(norm: str, i: int) -> tuple[str, str] | None:
    rx, kinds = _title_rx()
    m = rx.match(norm, i)
    return (m.group(), kinds[m.group()]) if m else None


def find_officials(text: Text, regions: list[Mention], agencies: list[Mention]) -> list[OfficialMention]:
    norm = text.norm
    by_end: dict[int, Mention] = {}
    for m in regions:
        by_end.setdefault(m.end, m)
    for m in agencies:  # an agency beats a region ending at the same place
        by_end[m.end] = m
    taken = [(m.start, m.end) for m in agencies]
    out: list[OfficialMention] = []
    i, n = 0, len(norm)
    rx, kinds = _title_rx()
    while i < n:
        m = rx.search(norm, i)
        if not m:
            break
        i = m.start()
        hit = (m.group(), kinds[m.group()])
        if any(s <= i < e for s, e in taken):
            i += 1
            continue
        posts = []
        pos = i
        while hit:
            t, k = hit
            posts.append(Post(t, k, by_end.get(pos)))
            pos += len(t)
            nxt = _next_title(norm, pos, by_end)
            if nxt is None:
                break
            pos, hit = nxt
        name = _name_at(norm, pos)
        if name:
            m = Mention("Official", name, pos, pos + len(name), key="、".join(p.title for p in posts))
            out.append(OfficialMention(m, tuple(posts)))
            i = pos + len(name)
        else:
            i = pos
    return out


def _next_title(norm: str, pos: int, by_end: dict[int, Mention]):
    """After one title: '、' then maybe a body/region, then another title."""
    if pos < len(norm) and norm[pos] in "、,和":
        j = pos + 1
        hit = _title_at(norm, j)
        if hit:
            return j, hit
        # 全国人大代表、来宾市市长: a region or body, then a title
        for k in range(j + 2, min(len(norm), j + 16)):
            if k in by_end and by_end[k].start == j:
                hit = _title_at(norm, k)
                if hit:
                    return k, hit
    return None


def _name_at(norm: str, pos: int) -> str | None:
    singles, doubles = _surnames()
    sur = norm[pos : pos + 2] if norm[pos : pos + 2] in doubles else norm[pos : pos + 1]
    if sur not in singles and sur not in doubles:
        return None
    g = pos + len(sur)
    given = ""
    while len(given) < 2 and g + len(given) < len(norm) and HAN.match(norm[g + len(given)]):
        given += norm[g + len(given)]
    if not given:
        return None
    c2, c3 = sur + given[:1], sur + given
    name = c3 if len(given) == 2 and _prefer_three(norm, c2, c3) else c2
    if any(ch in NOT_IN_NAME for ch in name[len(sur):]) or is_common_word(name):
        return None
    return name


def _prefer_three(norm: str, c2: str, c3: str) -> bool:
    n3, n2 = norm.count(c3), norm.count(c2)
    if n3 >= 2:
        return True
    if n2 > n3:  # the two-character form stands elsewhere with another character after it
        return False
    if c3[-1] in AFTER_NAME:
        return False
    # 刘海带队, 林鹏介绍: the third character starts an everyday word, so the name has two
    at = norm.find(c3)
    nxt = norm[at + 2 : at + 4]
    return not (len(nxt) == 2 and is_common_word(nxt))
