"""Region mentions: gazetteer names in the text, full names first, short forms where supported."""
from __future__ import annotations

import re
from functools import lru_cache

import ahocorasick

from ..gazetteer import Gazetteer, load
from ..model import Mention, Text
from ..segment import is_common_word

MAX_LEN = 12
TOWN_SUFFIXES = ("镇", "乡", "街道", "苏木")
# 我市, 全县, 本区, 我旗: the article's own region, resolved against its focal region later
DEIXIS = re.compile(r"[我全本该](省|市|区|县|旗|州)(?![场域])")


def _automaton(names) -> "ahocorasick.Automaton":
    """An Aho-Corasick automaton over names (pyahocorasick): one pass over the text finds every
    name, where a Python loop over positions cost a fifth of the extraction time."""
    a = ahocorasick.Automaton()
    for s in names:
        if len(s) <= MAX_LEN:
            a.add_word(s, s)
    a.make_automaton()
    return a


def _scan(text: str, automaton, min_len: int = 2):
    """Leftmost-longest matches, left to right, non-overlapping: (start, end, name)."""
    if len(automaton) == 0:
        return
    for end, s in automaton.iter_long(text):
        if len(s) >= min_len:
            yield end - len(s) + 1, end + 1, s


@lru_cache(maxsize=4)
def _index(gaz: Gazetteer):
    """One index: a surface form is full (names the division) or short (a stem, an abbreviation)."""
    return _automaton(s for s in {**gaz.short, **gaz.full} if len(s) >= 2)


@lru_cache(maxsize=512)
def _town_automaton(gaz: Gazetteer, counties: frozenset[str]):
    """Townships (full names only, 陕坝镇, 城关镇) of the counties an article names; articles of
    the same county share one automaton."""
    index: dict[str, list[str]] = {}
    for c in sorted(counties):
        for t in gaz.children.get(c, []):
            d = gaz.get(t)
            if d.level == "township" and len(d.name) >= 3 and d.name.endswith(TOWN_SUFFIXES):
                index.setdefault(d.name, []).append(t)
    return index, _automaton(index)


def find_regions(text: Text, gaz: Gazetteer | None = None) -> list[Mention]:
    gaz = gaz or load()
    norm = text.norm
    raw = list(_scan(norm, _index(gaz)))
    full_codes = {c for _, _, s in raw if s in gaz.full for c in gaz.full[s]}
    # the places an article certainly names: unambiguous full names and well-known short ones
    strong_codes = {c for _, _, s in raw if len(gaz.full.get(s, [])) == 1 for c in gaz.full[s]}
    for _, _, s in raw:
        codes = gaz.short.get(s, [])
        if s not in gaz.full and len(codes) == 1 and gaz.by_code[codes[0]].level in ("province", "prefecture") and not is_common_word(s):
            strong_codes.add(codes[0])
    present = {a.code for c in strong_codes for a in gaz.chain(c)}

    out: list[Mention] = []
    for start, end, s in raw:
        codes = gaz.full.get(s)
        kind = "full"
        if codes is None:
            codes, kind = gaz.short[s], "short"
        cands = []
        for c in codes:
            d = gaz.by_code[c]
            if kind == "full":
                # two-character full names (城区, 东区, 和县) only right after their parent
                if len(s) <= 2 and not _after_parent(norm, start, d, gaz):
                    continue
                cands.append(c)
            else:
                if c in full_codes:
                    cands.append(c)  # the article also has the full name: 杭后 with 杭锦后旗
                elif is_common_word(s):
                    continue
                elif d.level in ("province", "prefecture"):
                    cands.append(c)
                elif d.parent in present:
                    cands.append(c)  # a county's short form in an article about its city
        if len(cands) > 1 and any(c in full_codes for c in cands):
            cands = [c for c in cands if c in full_codes]  # the article names one in full
        if len(cands) > 1:
            # same name, several divisions: keep those whose parents the article names
            ctx = [c for c in cands if gaz.get(c).parent in present]
            cands = ctx if ctx else cands
            if len(cands) > 1:
                higher = [c for c in cands if gaz.get(c).level == "province"]
                cands = higher if len(higher) == 1 else cands
        if len(cands) == 1:
            out.append(Mention("Region", s, start, end, key=cands[0], region=cands[0]))
        elif cands:
            out.append(Mention("Region", s, start, end, key="?" + "|".join(sorted(cands))))
    # townships: full names only (陕坝镇, 城关镇), and only of a county the article names
    counties = {c for c in present if gaz.get(c) and gaz.get(c).level == "county"}
    for m in out:
        if m.key[:1] not in "?@" and gaz.get(m.key).level == "county":
            counties.add(m.key)
    town_index, towns = _town_automaton(gaz, frozenset(counties))
    if town_index:
        taken = [(m.start, m.end) for m in out]
        for start, end, s in _scan(norm, towns, min_len=3):
            if len(town_index[s]) == 1 and not any(a < end and start < b for a, b in taken):
                out.append(Mention("Region", s, start, end, key=town_index[s][0], region=town_index[s][0]))
    taken = [(m.start, m.end) for m in out]
    for m in DEIXIS.finditer(norm):
        if not any(a < m.end() and m.start() < b for a, b in taken):
            out.append(Mention("Region", m.group(), m.start(), m.end(), key="@" + m.group(1)))
    return sorted(out, key=lambda m: m.start)


def _after_parent(norm: str, start: int, d, gaz: Gazetteer) -> bool:
    p = gaz.get(d.parent)
    if not p:
        return False
    before = norm[max(0, start - len(p.name)) : start]
    return before.endswith(p.name) or (p.short and before.endswith(p.short))
