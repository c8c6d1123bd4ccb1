"""China's administrative divisions (kg/data/gazetteer.tsv): names, short forms, parents; and the
level words their names end in (kg/data/levels.tsv, kg/data/deixis.txt), for every reader."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kg.resources import table, words

ETHNIC = "族"  # 民和回族土族自治县 -> 民和: drop ethnic names before an autonomy suffix
# the gazetteer's groupings of the counties a province governs itself (湖北's 省直辖行政区划 over
# 天门市, 仙桃市): no division, never named; their counties are the province's own
GROUPING = "行政区划"
# the gazetteer's levels (its column level), most specific first: where two places are named as
# often, the more specific one is what an article is about (resolve, relations)
LEVELS = ("township", "county", "prefecture", "province")


def level_rank(level: str) -> int:
    """0 for a township ... 3 for a province; 9 for a level the gazetteer does not have."""
    return LEVELS.index(level) if level in LEVELS else 9


@dataclass(frozen=True)
class LevelWord:
    """A row of kg/data/levels.tsv: a level word (市, 自治县, 镇) and what it does."""

    word: str
    stem: bool  # cut off for the short form: 宁德市 -> 宁德
    autonomous: bool  # the ethnic names before it go too: 民和回族土族自治县 -> 民和
    short_keeps: bool  # stem + its level character is a short form too: 民和县
    deixis: bool  # 我市, 全县: the article's own region
    qualifier: bool  # before a body, the body's level: 市工信局
    township: bool  # a township's ending: 陕坝镇


@lru_cache(maxsize=1)
def level_words() -> tuple[LevelWord, ...]:
    """levels.tsv, longest word first (the order every reader matches them in)."""
    rows = [
        LevelWord(r["word"], *(r[c] == "yes" for c in ("stem", "autonomous", "short_keeps", "deixis", "qualifier", "township")))
        for r in table("levels.tsv")
    ]
    return tuple(sorted(rows, key=lambda w: -len(w.word)))


def _having(flag: str) -> tuple[str, ...]:
    """The level words with a yes in column flag, longest first."""
    return tuple(w.word for w in level_words() if getattr(w, flag))


@lru_cache(maxsize=1)
def level_suffixes() -> tuple[str, ...]:
    """Name endings that mark a division's level; the stem before them is its common short form."""
    return _having("stem")


@lru_cache(maxsize=1)
def town_suffixes() -> tuple[str, ...]:
    """The endings of the townships' names looked for in a text (镇, 乡, 街道, 苏木)."""
    return _having("township")


@lru_cache(maxsize=1)
def deixis_words() -> tuple[str, ...]:
    """The level words that, after a deixis prefix, are the article's own region (我市, 全县)."""
    return _having("deixis")


@lru_cache(maxsize=1)
def qualifiers() -> tuple[str, ...]:
    """The level words that, before a body, say its level (市工信局, 旗委, 自治县政府)."""
    return _having("qualifier")


@lru_cache(maxsize=1)
def _autonomous() -> frozenset[str]:
    return frozenset(_having("autonomous"))


@lru_cache(maxsize=1)
def _short_keeps() -> tuple[str, ...]:
    return _having("short_keeps")


@lru_cache(maxsize=1)
def deixis_prefixes() -> str:
    """我, 本, 全, 该 (kg/data/deixis.txt): before a level word, the article's own region."""
    return "".join(words("deixis.txt"))


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    level: str  # province | prefecture | county | township
    parent: str  # code, "" for provinces
    short: str


def _autonomous_name(name: str) -> bool:
    """A name ending in an autonomy word after ethnic names (西双版纳傣族自治州)."""
    return any(name.endswith(w) and ETHNIC in name[: -len(w)] for w in _autonomous())


def stem(name: str) -> str:
    for suf in level_suffixes():
        if name.endswith(suf) and len(name) > len(suf):
            s = name[: -len(suf)]
            if suf in _autonomous():
                # drop the ethnic names before an autonomy suffix: 民和回族土族 -> 民和;
                # an ethnic name is one or two characters before 族, the place name is first
                i = s.find(ETHNIC)
                if i >= 0:
                    s = s[: max(2, i - 2)] if i - 2 >= 2 else s[: max(2, i - 1)]
            return s
    return name


class Gazetteer:
    def __init__(self, rows):
        self.by_code: dict[str, Division] = {}
        self.children: dict[str, list[str]] = {}
        rows = list(rows)
        groupings = {r["code"]: r["parent"] for r in rows if r["name"].endswith(GROUPING)}
        for r in rows:
            if r["code"] in groupings:
                continue
            parent = groupings.get(r["parent"], r["parent"])
            d = Division(r["code"], r["name"], r["level"], parent, r.get("short") or "")
            self.by_code[d.code] = d
            self.children.setdefault(d.parent, []).append(d.code)
        self._within: dict[tuple[str, str], bool] = {}
        # surface form -> codes, split by how strong the form is
        self.full: dict[str, list[str]] = {}
        self.short: dict[str, list[str]] = {}
        for d in self.by_code.values():
            if d.level == "township":
                continue
            self.full.setdefault(d.name, []).append(d.code)
            for s in self._short_forms(d):
                if s != d.name:
                    self.short.setdefault(s, []).append(d.code)

    @staticmethod
    def _short_forms(d: Division) -> set[str]:
        forms = set()
        st = stem(d.name)
        # the short column: one form, or several as 克州/克孜勒苏
        shorts = [x for x in d.short.split("/") if len(x) >= 2]
        for short in shorts:
            forms.add(short)
            sst = stem(short) if short != d.name else st
            if len(sst) >= 2:
                forms.add(sst)
        bases = [st]
        if _autonomous_name(d.name):
            # the ethnic names are cut by a rule of thumb; the short column's stem is what is
            # written (喀左县 of 喀喇沁左翼蒙古族自治县), and where it goes on past the rule's
            # cut, the rule cut into the place's name (西双版 of 西双版纳傣族自治州)
            col = [x for x in map(stem, shorts) if len(x) >= 2]
            bases = [b for b in bases if not any(len(c) > len(b) and c.startswith(b) for c in col)] + col
        for base in bases:
            if len(base) >= 2:
                forms.add(base)
                if d.name.endswith(_short_keeps()):
                    forms.add(base + d.name[-1])  # 民和县, 恩施州
        return forms

    def has_level(self, form: str) -> bool:
        """A short form that keeps its division's level character (民和县, 恩施州): no everyday
        word, whatever a dictionary says of it."""
        return any(self.by_code[c].name.endswith(_short_keeps()) and form[-1] == self.by_code[c].name[-1] for c in self.short.get(form, ()))

    def leading(self, name: str, longest: int = 10) -> tuple[str, int] | None:
        """The one division a name starts with (海南省东宇商贸 -> 460000, 3), longest first; None
        when no prefix names exactly one division."""
        for n in range(min(longest, len(name) - 2), 1, -1):
            codes = self.full.get(name[:n]) or self.short.get(name[:n]) or []
            if len(codes) == 1:
                return codes[0], n
        return None

    def get(self, code: str) -> Division | None:
        return self.by_code.get(code)

    def ancestors(self, code: str) -> list[Division]:
        out = []
        d = self.by_code.get(code)
        while d and d.parent and d.parent in self.by_code and d.parent != d.code:
            d = self.by_code[d.parent]
            out.append(d)
        return out

    def is_within(self, code: str, ancestor: str) -> bool:
        if code == ancestor:
            return True
        key = (code, ancestor)
        hit = self._within.get(key)
        if hit is None:
            hit = self._within[key] = any(a.code == ancestor for a in self.ancestors(code))
        return hit

    def chain(self, code: str) -> list[Division]:
        d = self.by_code.get(code)
        return ([d] if d else []) + self.ancestors(code)

    def depth_below(self, code: str, places: set[str]) -> int:
        """How many steps up from code the nearest of places is (1: its parent); 0 when none is
        above it."""
        for n, a in enumerate(self.ancestors(code), 1):
            if a.code in places:
                return n
        return 0


def fits_level(level: str, d: Division | None) -> bool:
    """A level word as an article writes it alone (市 of 我市 or 市委, 州 of 州长, 地区 of 地委)
    fits division d: 区 a district, not an autonomous region; 州 a prefecture."""
    if d is None or not level:
        return False
    if level == "区":
        return d.name.endswith("区") and not d.name.endswith("自治区") and d.level == "county"
    if level == "州":
        return d.name.endswith("州") and d.level == "prefecture"
    return d.name.endswith(level)


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    return Gazetteer(table("gazetteer.tsv"))
