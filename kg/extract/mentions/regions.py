"""Region mentions: gazetteer names in the text, full names first, short forms where supported."""
from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import lru_cache
from itertools import accumulate

from ahocorasick_rs import AhoCorasick, MatchKind

from kg.extract.gazetteer import (
    Gazetteer,
    as_normalised,
    deixis_prefixes,
    deixis_words,
    fits_level,
    government_of,
    head_titles,
    level_of,
    level_of_name,
    level_rank,
    level_words,
    level_suffixes,
    load,
    town_suffixes,
)
from kg.model import Mention, Text
from kg.refs import Ambiguous, Code, Deixis, code_of
from kg.extract.segment import cut, is_common_word, word_info
from kg.extract.mentions.names import LIST_JOIN
from kg.resources import longest_first, table, words

# the longest division's full name (双江拉祜族佤族布朗族傣族自治县, 15): a longer one cut off
# left the ethnic names in it to be read as another county (东乡族自治县 of 积石山...)
MAX_LEN = 16
_WORD_WINDOW = 8  # characters each side of a name that jieba reads to tell its words


@lru_cache(maxsize=1)
def _deixis_rx() -> re.Pattern:
    """我市, 全县, 本区, 我旗: the article's own region, resolved against its focal region later;
    group 1 is the level word. Not 我市场, 全区域: there the level character starts a word."""
    prefixes = re.escape("".join(sorted(deixis_prefixes())))
    levels = "|".join(re.escape(w) for w in deixis_words())  # longest first
    return re.compile(rf"[{prefixes}]({levels})(?![场域])")


@lru_cache(maxsize=1)
def _own_bodies_rx() -> re.Pattern:
    """县委, 镇党委, 旗政府, 市工信局, 县长, 副旗长: a level's brief before its own party
    committee, government or department, or its head's title, the article's own level as much
    as 我县 is; group 1 (or 2) the brief."""
    briefs = sorted({w.brief for w in level_words() if w.brief and (w.party or w.government)}, key=lambda b: (-len(b), b))
    forms = sorted({w.party for w in level_words() if w.party} | {"政府"} | _department_forms(), key=lambda f: (-len(f), f))
    heads = sorted(head_titles(), key=lambda t: (-len(t), t))
    alt = "|".join(re.escape(b) for b in briefs)
    return re.compile(
        rf"({alt})(?:{'|'.join(map(re.escape, forms))})|(?:{'|'.join(map(re.escape, heads))})"
    )


@lru_cache(maxsize=1)
def _department_forms() -> frozenset[str]:
    """How a region's departments, congress and consultative conference are written after its
    level (市工信局, 县发改局, 县人大): agencies.tsv, the kinds a region has of its own."""
    kinds = ("dept", "media", "tax", "congress", "cppcc")
    return frozenset(f for r in table("agencies.tsv") if r["kind"] in kinds for f in (r["body"], *r["forms"].split("|")) if len(f) >= 2)


def _own_levels(norm: str) -> frozenset[str]:
    """The levels the article's own bodies and heads are written with (县委, 县长: 县)."""
    heads = head_titles()
    return frozenset(m.group(1) or heads[m.group()] for m in _own_bodies_rx().finditer(norm))


class Spans:
    """Spans (start, end), any number, overlapping or not, asked in log time what `any()` over
    all of them would say: a text's mentions grow with its length, and a scan of them all per
    match made extraction quadratic in the article's length."""

    __slots__ = ("_spans", "_starts", "_reach", "_top")

    def __init__(self, spans) -> None:
        self._spans = spans = sorted(spans)
        # the starts and the ends by one zip (in C), not a comprehension each: built a dozen
        # times per article
        starts, ends = zip(*spans) if spans else ((), ())
        self._starts: tuple[int, ...] = starts
        self._reach = list(accumulate(ends, max))  # the furthest end of spans[: k + 1]
        self._top: dict[int, int] | None = None  # _top_at, made when holds() first asks

    @property
    def _top_at(self) -> dict[int, int]:
        """start -> the furthest end of a span starting there (sorted: the last one starting at a)."""
        if self._top is None:
            self._top = dict(self._spans)
        return self._top

    def overlaps(self, s: int, e: int) -> bool:
        """any(a < e and s < b): a span that overlaps [s, e); overlaps(i, i) is any(a < i < b)."""
        k = bisect.bisect_left(self._starts, e)
        return k > 0 and self._reach[k - 1] > s

    def covers(self, s: int, e: int) -> bool:
        """any(a <= s and e <= b): a span that holds [s, e)."""
        k = bisect.bisect_right(self._starts, s)
        return k > 0 and self._reach[k - 1] >= e

    def holds(self, s: int, e: int) -> bool:
        """any(a <= s and e <= b and (a, b) != (s, e)): a longer span that holds [s, e)."""
        k = bisect.bisect_left(self._starts, s)  # the spans starting before s
        return (k > 0 and self._reach[k - 1] >= e) or self._top_at.get(s, e) > e


class _Names:
    """Leftmost-longest, non-overlapping matches of a set of names, in one pass over the text.

    ahocorasick_rs (Rust's aho-corasick): 15 times faster than pyahocorasick's iter_long on the
    same names and text (0.018 s against 0.27 s for 3 MB of news), with the same matches."""

    __slots__ = ("names", "_ac", "_set", "_lengths")

    def __init__(self, names) -> None:
        self.names = sorted({s for s in names if len(s) <= MAX_LEN})
        # the default automaton: a DFA of all these names scans faster alone but slower in the
        # middle of an extraction (its tables leave the processor's caches)
        self._ac = AhoCorasick(self.names, matchkind=MatchKind.LeftmostLongest)
        self._set = frozenset(self.names)
        self._lengths = _lengths_by_prefix(self.names)

    def longest_at(self, text: str, i: int) -> str | None:
        """The longest name starting at i (what scan(text[i : i + MAX_LEN]) finds first, when
        that match starts at 0), else None: a look-up per length its first two characters
        begin names of, where a scan of the window cost a call into the automaton per position."""
        for n in self._lengths.get(text[i : i + 2], ()):
            if (w := text[i : i + n]) in self._set:
                return w
        return None

    def scan(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, name), left to right."""
        names = self.names
        return [(s, e, names[i]) for i, s, e in self._ac.find_matches_as_indexes(text)]


def _lengths_by_prefix(names) -> dict[str, tuple[int, ...]]:
    """The first two characters of names (two or more long) -> the lengths of those names,
    longest first: which slices of a text at a position can be one of them."""
    out: dict[str, set[int]] = {}
    for n in names:
        out.setdefault(n[:2], set()).add(len(n))
    return {k: tuple(sorted(v, reverse=True)) for k, v in out.items()}


@lru_cache(maxsize=4)
def _index(gaz: Gazetteer):
    """One index: a surface form is full (names the division) or short (a stem, an abbreviation)."""
    return _Names(s for s in {**gaz.short, **gaz.full} if len(s) >= 2)


@lru_cache(maxsize=4)
def _towns(gaz: Gazetteer):
    """Every township's full name (陕坝镇, 城关镇) with its codes, those names sorted, each
    county's townships' names, and _lengths_by_prefix of the names; the shipped gazetteer's kept
    in the cache folder (kg.cache_dir)."""
    if gaz.digest:
        from kg import cache_dir

        digest = cache_dir.key([gaz.digest.encode(), *cache_dir.code_of("kg.extract.mentions.regions")])
        return cache_dir.pickled("towns", digest, lambda: _town_names(gaz), tuple)
    return _town_names(gaz)


@lru_cache(maxsize=4)
def _town_automaton(gaz: Gazetteer) -> AhoCorasick:
    """All townships' names in one automaton, for a long text only: built when first asked (it
    cannot be kept in the cache folder, and a short text needs none)."""
    return AhoCorasick(_towns(gaz)[1], matchkind=MatchKind.Standard)


@lru_cache(maxsize=4)
def _town_lengths(gaz: Gazetteer) -> dict[str, tuple[int, ...]]:
    """_lengths_by_prefix of every township's name: most positions begin none."""
    return _towns(gaz)[3]


def _town_names(gaz: Gazetteer):
    index: dict[str, list[str]] = {}
    by_county: dict[str, set[str]] = {}
    for d in gaz.by_code.values():
        if d.level == "township" and 3 <= len(d.name) <= MAX_LEN and d.name.endswith(town_suffixes()):
            for name in {d.name, as_normalised(d.name)}:  # 於潜镇 as the text reads it: 于潜镇
                index.setdefault(name, []).append(d.code)
                by_county.setdefault(d.parent, set()).add(name)
    return index, sorted(index), by_county, _lengths_by_prefix(index)


# A text up to this length is asked with str.find, count and `in` (in C) where building an
# automaton or an index for the one text costs more; a longer one gets the automaton, so that
# the work stays linear in its length however many names it holds.
SHORT_TEXT = 20_000
# township names times characters up to which _town_matches asks str.find
_FIND_TOWNS = 2_000_000


def _town_matches(norm: str, gaz: Gazetteer, counties: set[str]) -> list[tuple[int, int, str, list[str]]]:
    """Townships of the given counties in the text, leftmost-longest: (start, end, name, codes).
    One automaton for all of China, its matches kept by county, where an automaton per set of
    counties had to be built for nearly every article."""
    index, names, by_county, _ = _towns(gaz)
    hits = []
    # the townships of these counties, few: each looked for with str.find (in C) costs less than
    # a pass of the automaton of all China's, unless the text is long
    own = sorted({n for k in counties for n in by_county.get(k, ())})
    if len(norm) <= SHORT_TEXT and len(own) * len(norm) <= _FIND_TOWNS:
        for name in own:
            s = norm.find(name)
            if s < 0:
                continue
            codes = [c for c in index[name] if gaz.by_code[c].parent in counties]
            while s >= 0:
                hits.append((s, -(s + len(name)), name, codes))
                s = norm.find(name, s + 1)
    else:
        for i, s, e in _town_automaton(gaz).find_matches_as_indexes(norm, overlapping=True):
            codes = [c for c in index[names[i]] if gaz.by_code[c].parent in counties]
            if codes:
                hits.append((s, -e, names[i], codes))
    out, pos = [], 0
    for s, neg_end, name, codes in sorted(hits):
        if s >= pos:
            out.append((s, -neg_end, name, codes))
            pos = -neg_end
    return out


def find_regions(text: Text, gaz: Gazetteer | None = None) -> list[Mention]:
    gaz = gaz or load()
    norm = text.norm
    # a short form that a title before it begins (州长|沙马拉哈, 副市长|安排), or that names a
    # river or a landform (右江河谷, 汉江两岸), is no place
    raw = [x for x in _after_function_words(_index(gaz).scan(norm), norm, gaz) if x[2] in gaz.full or not _not_a_place(norm, x[0], x[1])]
    # 香港商报, 宁德日报: a place's name that begins an outlet's is no evidence of the place
    outlet = {start for start, end, _ in raw if norm.startswith(outlet_words(), end)}
    named = [(start, s) for start, _, s in raw if start not in outlet]
    full_codes = {c for _, s in named if s in gaz.full for c in gaz.full[s]}
    # the places an article certainly names: unambiguous full names and well-known short ones
    strong_codes = {c for _, s in named if len(gaz.full.get(s, [])) == 1 for c in gaz.full[s]}
    for _, s in named:
        codes = gaz.short.get(s, [])
        if s not in gaz.full and len(codes) == 1 and gaz.by_code[codes[0]].level in ("province", "prefecture") and not is_common_word(s):
            strong_codes.add(codes[0])
    present = {a.code for c in strong_codes for a in gaz.chain(c)}
    deixes = list(_deixis_rx().finditer(norm))
    evidence = _Evidence(gaz, norm, raw, full_codes, present, frozenset(dm.group(1) for dm in deixes))

    decided: list[tuple[int, int, str, list[str], str]] = []
    own: dict[int, list[str]] = {}  # start -> what a name may be as the article's own region
    for start, end, s in raw:
        cands, weak = _candidates(s, start, norm, gaz, evidence)
        cands, how = evidence.decide(cands, end)
        decided.append((start, end, s, cands, how))
        if start in outlet:
            weak = sorted({*cands, *weak})
        elif cands:
            continue
        if weak and not present and evidence.is_word(start, end):
            own[start] = [c for c in weak if evidence.own_region(c, s, end)]
    elsewhere = {c for start, _, _, cands, _ in decided if start not in outlet and len(cands) == 1 for c in cands}
    # an article that names no place for certain: a name is its own region when the article's
    # words give that division's level (我县, 全市; 县委 after the name) and no other fits
    fits = {c for cs in own.values() for c in cs}
    out: list[Mention] = []
    for start, end, s, cands, how in decided:
        if start in outlet and not (len(cands) == 1 and cands[0] in elsewhere):
            cands = []  # the outlet's name only, unless the article names the place itself too
        if not cands and len(fits) == 1 and own.get(start):
            cands, how = own[start], "its level said"
        if len(cands) == 1:
            out.append(Mention("Region", s, start, end, place=Code(cands[0]), rule=how))
        elif cands:
            out.append(Mention("Region", s, start, end, place=Ambiguous(tuple(sorted(cands)))))
    # townships: full names only (陕坝镇, 城关镇), and only of a county the article names, or of
    # a city that governs townships itself (东莞市长安镇, 儋州市那大镇)
    governs = _towns(gaz)[2]
    counties = {c for c in present if (div := gaz.get(c)) and (div.level == "county" or c in governs)}
    for m in out:
        if (code := code_of(m.place)) and (gaz.by_code[code].level == "county" or code in governs):
            counties.add(code)
    if counties:
        # a town's full name wins over a short form inside it (那坡镇 of 田阳区, not 那坡县 and 镇)
        short = {(m.start, m.end) for m in out if m.surface not in gaz.full}
        taken = Spans((m.start, m.end) for m in out if (m.start, m.end) not in short)
        towns = [t for t in _town_matches(norm, gaz, counties) if len(t[3]) == 1 and not taken.overlaps(t[0], t[1])]
        inside = Spans((t[0], t[1]) for t in towns)
        out = [m for m in out if (m.start, m.end) not in short or not inside.covers(m.start, m.end)]
        taken = Spans((m.start, m.end) for m in out)
        for start, end, s, codes in towns:
            if not taken.overlaps(start, end):
                out.append(Mention("Region", s, start, end, place=Code(codes[0])))
    out = _below_city(out, gaz, norm)
    out = _without_unsupported_words(out, gaz, norm)
    taken = Spans((m.start, m.end) for m in out)
    for dm in deixes:
        if not taken.overlaps(dm.start(), dm.end()):
            out.append(Mention("Region", dm.group(), dm.start(), dm.end(), place=Deixis(dm.group(1))))
    return sorted(out, key=lambda m: m.start)


def _after_function_words(raw, norm: str, gaz: Gazetteer) -> list[tuple[int, int, str]]:
    """The scan's matches, where a full name starts inside a short form and runs past it, and the
    short form begins with a word written before names (和, 与, 在: boundary_words.txt) or
    inside a word of the text (和龙|门县: 和|龙门县; 来自|贡觉县, not 自贡), that full name
    instead: the scan, leftmost first, took the word's characters for the short form."""
    out: list[tuple[int, int, str]] = []
    fw, index = _function_chars(), _index(gaz)
    for x in raw:
        start, end, s = x
        if out and start < out[-1][1]:
            continue  # inside the full name taken instead
        if s not in gaz.full:
            for k in range(1, len(s)):
                y = index.longest_at(norm, start + k)
                if y and y in gaz.full and start + k + len(y) > end:
                    if (k == 1 and norm[start] in fw) or not _begins_word(norm, start):
                        x = (start + k, start + k + len(y), y)
                    break
        out.append(x)
    return out


@lru_cache(maxsize=1)
def _function_chars() -> frozenset[str]:
    """The one-character words of boundary_words.txt (和, 与, 在, 对)."""
    return frozenset(w for w in words("boundary_words.txt") if len(w) == 1)


@lru_cache(maxsize=1)
def _titles() -> tuple[str, ...]:
    """Every title (titles.tsv, and every level's head titles: 县长, 州长), the longest first."""
    ts = {r["title"] for r in table("titles.tsv")} | set(head_titles())
    return tuple(sorted(ts, key=lambda t: (-len(t), t)))


@lru_cache(maxsize=1)
def _title_end_rx() -> re.Pattern:
    """A title of _titles() ending where a match ends."""
    return re.compile("(?:" + "|".join(re.escape(t) for t in _titles()) + ")$")


def _not_a_place(norm: str, start: int, end: int) -> bool:
    """A short form found at [start, end) is a geographic noun's river or landform (右江河谷), or
    its first character closes a title written before it that jieba reads as one word with it
    (州长沙马拉哈: 州长|沙马; 湖南省长沙市 reads 湖南省|长沙市)."""
    if norm.startswith(geo_words(), end):
        return True
    lo = max(0, start + 1 - _longest_title())
    if not _title_end_rx().search(norm, lo, start + 1):
        return False
    at, lo = max(0, start - _WORD_WINDOW), max(0, start - _WORD_WINDOW)
    for w, _ in cut(norm[lo : end + _WORD_WINDOW]):
        if at == start:
            return False
        if at > start:
            break
        at += len(w)
    return True


@lru_cache(maxsize=1)
def _longest_title() -> int:
    return len(_titles()[0])


@lru_cache(maxsize=1)
def geo_words() -> tuple[str, ...]:
    """The nouns of a river's or a landform's parts written after its name (河谷, 流域, 两岸):
    geo_words.txt."""
    return longest_first("geo_words.txt")


def _without_unsupported_words(out: list[Mention], gaz: Gazetteer, norm: str) -> list[Mention]:
    """Without a division written once in full whose stem is an everyday word (会同县 of
    二是会同县能源局、县审批局: 会同 'together with' and the article's own 县能源局), or written
    more often but each time so, its level character starting a body of that level (会同|县发改委),
    when the article names other places and none of them in its province: nothing else says it
    is there."""
    coded = [(m, c) for m in out if (c := code_of(m.place))]
    times = Counter(m.surface for m in out)
    # the surfaces each of whose occurrences ends in a level character that starts a body (县发改委)
    not_body = {m.surface for m in out if not _own_bodies_rx().match(norm, m.end - 1)}
    by_province: dict[str, set[str]] = {}  # province -> the surfaces of the places in it
    for m, c in coded:
        by_province.setdefault(gaz.chain(c)[-1].code, set()).add(m.surface)
    drop = set()
    for m, c in coded:
        d = gaz.by_code[c]
        if m.surface != d.name or (times[m.surface] > 1 and m.surface in not_body) or not any(
            is_common_word(f) for f in d.short.split("/") if f and norm.startswith(f, m.start)
        ):
            continue
        elsewhere = any(ss - {m.surface} for ss in by_province.values())
        if elsewhere and not by_province[gaz.chain(c)[-1].code] - {m.surface}:
            drop.add((m.start, m.end))
    return [m for m in out if (m.start, m.end) not in drop]


def _candidates(s: str, start: int, norm: str, gaz: Gazetteer, ev: "_Evidence") -> tuple[list[str], list[str]]:
    """The divisions a name found at start may be (cands), and the counties it may be that
    nothing in the article supports yet (weak: a county's short form, its city not named)."""
    listed = ev.listed.get(start)
    if listed:
        # an item of a list its count gives the level of (通化、辉南、柳河三县: 通化县, not the city)
        fit = sorted(c for c in {*gaz.full.get(s, ()), *gaz.short.get(s, ())} if fits_level(listed, gaz.by_code[c]))
        if fit:
            return fit, []
    codes = []
    if s in gaz.full:
        # two-character full names (城区, 东区, 和县, 横县) only right after a division above
        # them, or, of a county, as a word of its own in an article that names its parent
        # (市和县两级 is no place; 香港's own repeat of itself below the region is no county), or
        # its province when the name is a county's own (威县, 萧县; not 城区, 东区: many cities
        # have one)
        far = not s.endswith("区") and not is_common_word(s)
        codes = [
            c
            for c in gaz.full[s]
            if len(s) > 2
            or _after_parent(norm, start, gaz.by_code[c], gaz)
            or _level_again(norm, start + len(s), gaz.by_code[c])
            or _own_after(norm, start, start + len(s), gaz.by_code[c], gaz, ev)
            or (
                gaz.by_code[c].level == "county"
                and ev.parent_named(gaz.by_code[c], start, start + len(s), far=far)
                and ev.is_word(start, start + len(s))
            )
        ]
        if codes:
            return codes, []
    cands, weak = [], []
    everyday: bool | None = None  # is s an everyday word (asked once, on the first code that asks)
    for c in gaz.short.get(s, []):  # a short form (or a two-character full name read as one: 香港)
        if c in ev.full_codes:
            cands.append(c)  # the article also has the full name: 杭后 with 杭锦后旗
        elif everyday or (everyday is None and (everyday := is_common_word(s) and not gaz.has_level(s))):
            if gaz.by_code[c].level in ("province", "prefecture") and ev.went_to(start, start + len(s)):
                cands.append(c)  # 赴海口, 落户黄石: a place verb's object
        elif gaz.by_code[c].level in ("province", "prefecture"):
            cands.append(c)
        elif (ev.within(c) in (0, 1) or _after_parent(norm, start, gaz.by_code[c], gaz)) and ev.is_word(start, start + len(s)):
            cands.append(c)  # a county's short form in an article about its city or right after
            # its province (福建古田), not inside a word (卫东 of 张卫东 in an article on 平顶山)
        elif ev.within(c) and ev.times[s] > 1 and ev.is_word(start, start + len(s)):
            cands.append(c)  # or about its province, named more than once, a word of its own
        else:
            weak.append(c)
    return cands, weak


@lru_cache(maxsize=1)
def outlet_words() -> tuple[str, ...]:
    """The endings of a news outlet's name (日报, 商报, 电视台): outlet_words.txt."""
    return longest_first("outlet_words.txt")


@lru_cache(maxsize=1)
def _level_bodies() -> dict[str, str]:
    """Bodies whose name gives their division's level (地委, 行署: of a 地区): level_bodies.tsv."""
    return {r["body"]: r["level"] for r in table("level_bodies.tsv")}


@lru_cache(maxsize=4)
def _prefecture_levels(gaz: Gazetteer) -> frozenset[str]:
    """The level words, written alone, that may be a prefecture's (市, 州, 盟, 地区), not only a
    county's (县, 旗)."""
    ws = {*deixis_words(), *level_suffixes(), *_level_bodies().values()}
    # fits_level(w, d) of some prefecture d: w's brief is the brief of the level word that ends
    # one of the prefectures' names, today's or former (none a township's), asked once per
    # brief, not per word and prefecture
    briefs = {
        b.brief
        for d in gaz.by_code.values() if d.level == "prefecture"
        for n in (d.name, *d.former) if (b := level_of_name(n)) and not b.township
    }
    return frozenset(w for w in ws if (a := level_of(w)) and a.brief and a.brief in briefs)


class _Evidence:
    """What one article says that decides between the divisions a name may be, in order: the
    level word right after the name fits one (和田地委: the 地区); the article names one in full;
    one lies in (or is) a place the article names for certain, the nearest first; the article's
    own level (我县, 全市) fits one; else the higher-level, better-known division."""

    def __init__(
        self, gaz: Gazetteer, norm: str, raw, full_codes: set[str], present: set[str], deixis: frozenset[str],
        bodies: frozenset[str] | None = None,
    ) -> None:
        self.gaz, self.norm, self.full_codes, self.present, self.deixis = gaz, norm, full_codes, present, deixis
        # the levels of the article's bodies and heads written alone (县委, 县长): read from the
        # text when first asked (only an article that names no place for certain asks)
        self._bodies = bodies
        self.times = Counter(s for _, _, s in raw)  # how often each name is written
        self._parents: dict[str, list[tuple[int, int]]] = {}  # parent -> [(latest start, earliest end)]
        self._spans_of: dict[str, list[tuple[int, int]]] = {}  # a name as the gazetteer found it -> its spans
        self.listed = _listed_levels(norm, raw)
        for a, b, name in raw:
            self._spans_of.setdefault(name, []).append((a, b))

    def parent_named(self, d, start: int, end: int, far: bool = False) -> bool:
        """The text names d's parent (far: or a division above it, the province with the city
        left out), in full or by a short form of two characters or more, outside [start, end)
        (香港 of 香港特别行政区 names no district of it). The spans of each division are found
        once per article, not per mention."""
        for p in self.gaz.ancestors(d.code)[: None if far else 1]:
            spans = self._parents.get(p.code)
            if spans is None:
                # the gazetteer's matches of the text, not a search per parent: that grows with
                # the article's length times the places it names
                spans = [sp for f in {p.name, *p.short.split("/")} if len(f) >= 2
                         for sp in self._spans_of.get(f, ())]
                spans = [(max(a for a, _ in spans), min(b for _, b in spans))] if spans else []
                self._parents[p.code] = spans
            # one span before it or one after it: the latest start and the earliest end tell
            if spans and (spans[0][1] <= start or spans[0][0] >= end):
                return True
        return False

    def within(self, code: str) -> int | None:
        """0: the article names the division (or a place in it); n: its nearest named ancestor is
        n steps up; None: neither."""
        if code in self.present:
            return 0
        return self.gaz.depth_below(code, self.present) or None

    def is_word(self, start: int, end: int) -> bool:
        """The text's words (jieba's) begin at start and end at end: a name of its own, not the
        inside of a longer word (资兴 of 投资兴业, 三都 of 三都澳)."""
        lo = max(0, start - _WORD_WINDOW)
        cuts, at = set(), lo
        for w, _ in cut(self.norm[lo : end + _WORD_WINDOW]):
            cuts.add(at)
            at += len(w)
        return start in cuts and end in cuts | {at}

    def went_to(self, start: int, end: int) -> bool:
        """Is [start, end) a word of its own right after a place verb that is one too (赴|海口,
        落户|黄石; not 受到|来宾): place_verbs.txt."""
        verb = next((v for v in longest_first("place_verbs.txt") if self.norm.endswith(v, 0, start)), "")
        return bool(verb) and self.begins_word(start - len(verb)) and self.is_word(start, end)

    def begins_word(self, start: int) -> bool:
        return _begins_word(self.norm, start)

    def after(self, end: int) -> str:
        """The level word written right after a name (州 of 海南州委, 地区 of 和田地委), or ""."""
        tail = self.norm[end : end + 5]
        for body, level in _level_bodies().items():
            if tail.startswith(body):
                return level
        return next((w for w in level_suffixes() if tail.startswith(w)), "")

    def own_region(self, code: str, name: str, end: int) -> bool:
        """The article's words give the division's level (我县, 全市; 县委 after the name or alone,
        县长), and
        they cannot mean a division above it: a county's level no prefecture has (县, 旗), or a
        prefecture's own, or a level shared (全市 of a county-level city, or of a prefecture's
        city) and the name written more than once."""
        d = self.gaz.by_code[code]
        if self._bodies is None:
            self._bodies = _own_levels(self.norm)
        said = {w for w in (self.after(end), *self.deixis, *self._bodies) if fits_level(w, d)}
        if not said:
            return False
        return d.level != "county" or bool(said - _prefecture_levels(self.gaz)) or self.times[name] > 1

    def decide(self, cands: list[str], end: int) -> tuple[list[str], str]:
        """cands narrowed by each kind of evidence in turn, as far as it tells them apart; with
        the kind that left one."""
        if len(cands) < 2:
            return cands, ""
        by_code = self.gaz.by_code
        after = self.after(end)
        towns_after = _town_after(self.norm, end, self.gaz)
        named = {c: n for c in cands if (n := self.within(c)) is not None}
        nearest = min(named.values(), default=None)
        steps = [
            ("the level word after it", lambda c: fits_level(after, by_code[c])),
            ("its township after it", lambda c: c in towns_after),
            ("named in full", lambda c: c in self.full_codes),
            ("within the places named", lambda c: named.get(c, -1) == nearest),
            ("the article's own level", lambda c: any(fits_level(w, by_code[c]) for w in sorted(self.deixis))),
        ]
        for how, keep in steps:
            kept = [c for c in cands if keep(c)]
            if kept:
                cands = kept
                if len(cands) == 1:
                    return cands, how
        top = max(level_rank(by_code[c].level) for c in cands)
        higher = [c for c in cands if level_rank(by_code[c].level) == top]
        return (higher, "the higher level") if len(higher) == 1 else (cands, "")


def _level_again(norm: str, end: int, d) -> bool:
    """Is a county's two-character name followed by its level's brief again and a body or head
    of that level (澧县县委, 房县县人大, 萧县县长): the county itself, written as its own people
    write it (no everyday word repeats the level so)."""
    if d.level != "county":
        return False
    m = _own_bodies_rx().match(norm, end)
    if not m:
        return False
    brief = m.group(1) or head_titles()[m.group()]
    return norm.startswith(brief, end) and fits_level(brief, d)


@lru_cache(maxsize=1)
def _count_rx() -> re.Pattern:
    """A count of divisions of one level closing a list (三县, 两市, 等四个区); group 1 the level
    word (the deixis levels: 省, 市, 县, 区 ...), not the first of several (三县一区)."""
    levels = "|".join(re.escape(w) for w in deixis_words())
    return re.compile(rf"等?[两二三四五六七八九十]+个?({levels})(?![一二三四五六七八九十两])")


def _listed_levels(norm: str, raw) -> dict[int, str]:
    """The starts of the names listed before a count of one level (A、B和C三县) -> that level:
    each name of the list, back from the count over 、, 和, 及, 与 between names."""
    if not any(ch in norm for ch in "两二三四五六七八九十"):
        return {}
    ends = {e: (a, s) for a, e, s in raw}
    out: dict[int, str] = {}
    for m in _count_rx().finditer(norm):
        at, items = m.start(), []
        while at in ends:
            a = ends[at][0]
            items.append(a)
            if a == 0 or norm[a - 1] not in LIST_JOIN:
                break
            at = a - 1
        if len(items) >= 2:  # one name before a count is no list (宁德三县: the city's three)
            out.update((a, m.group(1)) for a in items)
    return out


def _below_city(out: list[Mention], gaz: Gazetteer, norm: str) -> list[Mention]:
    """With a township written right after a city, its county left out (宁德市七都镇): the
    township of one of that city's counties, when only one of them has it; its full name wins
    over a short form inside it (海东市巴州镇, not 巴州 of 巴音郭楞)."""
    taken = Spans((m.start, m.end) for m in out if m.surface in gaz.full)
    index, lengths = _towns(gaz)[0], _town_lengths(gaz)
    added = []
    for m in out:
        code = code_of(m.place)
        if not code or gaz.by_code[code].level != "prefecture":
            continue
        # only the lengths of townships' names that begin so, and that the text still holds
        # after the city: near its end a longer slice is cut short, and the span m.end + k of a
        # name matched so ran past the text (宁德市七都镇 closing it: 七都镇 at (3, 19) of 6)
        rest = len(norm) - m.end
        for k in lengths.get(norm[m.end : m.end + 2], ()):  # the longest township's name there
            if k > rest:
                continue
            ts = [c for c in index.get(norm[m.end : m.end + k], ()) if gaz.by_code[gaz.by_code[c].parent].parent == code]
            if ts:
                if len(ts) == 1 and not taken.overlaps(m.end, m.end + k):
                    added.append(Mention("Region", norm[m.end : m.end + k], m.end, m.end + k, place=Code(ts[0])))
                break
    if not added:
        return out
    inside = Spans((m.start, m.end) for m in added)
    return [m for m in out if m.surface in gaz.full or not inside.overlaps(m.start, m.end)] + added


def _begins_word(norm: str, start: int) -> bool:
    """A word of the text (jieba's) begins at start."""
    lo = max(0, start - _WORD_WINDOW)
    at = lo
    for w, _ in cut(norm[lo : start + _WORD_WINDOW]):
        if at >= start:
            return at == start
        at += len(w)
    return at == start


def _town_after(norm: str, end: int, gaz: Gazetteer) -> set[str]:
    """The counties one of whose townships is written right after end (桥西区|东窑子镇)."""
    index = _towns(gaz)[0]
    ks = _town_lengths(gaz).get(norm[end : end + 2], ())  # the lengths of the names that begin so
    return {gaz.by_code[c].parent for k in ks for c in index.get(norm[end : end + k], ())}


def _own_after(norm: str, start: int, end: int, d, gaz: Gazetteer, ev: "_Evidence") -> bool:
    """Is a county's two-character name (荣县, 随县) followed by a body of its level (its level
    character starting 县发改局, 县委; or its government, 人民政府), by one of its own
    townships (莒县峤山镇) or by a word of native place (蒲县籍, native_words.txt), and begun
    where the text's words begin (not 提高|县政府), or written after a place verb (赴萧县,
    place_verbs.txt): the county, however few words jieba knows of it. Not right after a level word (市和县政府: 市 and 县)."""
    if d.level != "county" or (start and norm[start - 1] in _level_chars()) or d.name[0] in _function_chars():
        return False  # nor a name that begins with a word before names (和县: 局和|县发改局)
    m = _own_bodies_rx().match(norm, end - 1)
    body = bool(m and m.group(1) and fits_level(m.group(1), d)) or norm.startswith(government_of(d.name), end)
    # a name whose first character is an adjective reads as one before the body (新|县委书记:
    # the new county secretary), the county only by other evidence
    body = body and word_info(d.name[0])[1] != "a"
    native = norm.startswith(longest_first("native_words.txt"), end)
    if body or native or d.code in _town_after(norm, end, gaz):
        return ev.begins_word(start)
    # 赴萧县, 落户随县: a place verb's object, its level character no everyday word's first (到新|县城)
    return ev.went_to(start, end) and not is_common_word(norm[end - 1 : end + 1])


@lru_cache(maxsize=1)
def _level_chars() -> frozenset[str]:
    """The last characters of the level words (省, 市, 县, 区, 镇 ...)."""
    return frozenset(w.word[-1] for w in level_words())


def _after_parent(norm: str, start: int, d, gaz: Gazetteer) -> bool:
    """Is d's name written right after one of the divisions above it, in full or by a short
    form (宁德市蕉城区, 河北省威县, 安徽萧县: a province before its county, the city between
    left out)?"""
    for p in gaz.ancestors(d.code):
        forms = [f for f in (p.name, *p.short.split("/")) if len(f) >= 2]
        if norm.endswith(tuple(forms), 0, start):
            return True
    return False
