"""China's administrative divisions (kg/data/gazetteer.tsv): names, short forms, parents; and the
level words their names end in (kg/data/levels.tsv, kg/data/deixis.txt), for every reader."""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from kg.io.normalize import to_simplified
from kg.resources import resource, table, words

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
    brief: str = ""  # written before a body or title: 自治州 -> 州 (州委, 州长); "" for none
    party: str = ""  # the party committee after the brief: 委 (县委), 党委 (镇党委)
    government: str = ""  # the government's body: 人民政府, 行政公署 (盟, 地区)
    heads: tuple[str, ...] = ()  # the head of that government: 县长, 盟长, 专员
    everyday: tuple[str, ...] = ()  # everyday words ending in the brief: 城市, 社区


_FLAGS = ("stem", "autonomous", "short_keeps", "deixis", "qualifier", "township")


def _cell(r: dict[str, str], col: str) -> str:
    v = (r.get(col) or "-").strip()
    return "" if v == "-" else v


@lru_cache(maxsize=1)
def level_words() -> tuple[LevelWord, ...]:
    """levels.tsv, longest word first (the order every reader matches them in)."""
    rows = [
        LevelWord(
            r["word"],
            **{c: r[c] == "yes" for c in _FLAGS},
            brief=_cell(r, "brief"),
            party=_cell(r, "party"),
            government=_cell(r, "government"),
            heads=tuple(h for h in _cell(r, "heads").split("|") if h),
            everyday=tuple(w for w in _cell(r, "everyday").split("|") if w),
        )
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
    """What, written before a body, says its level (市工信局, 自治县政府, 州委, 地委): the level
    words marked qualifier and their briefs, longest first."""
    out = {t for w in level_words() if w.qualifier for t in (w.word, w.brief) if t}
    return tuple(sorted(out, key=lambda t: (-len(t), t)))


@lru_cache(maxsize=1)
def _by_token() -> dict[str, LevelWord]:
    """A level word or a brief as written (自治州, 州, 地) -> its row; a brief goes to the row
    that is that word itself, else to the longest word of that brief."""
    out: dict[str, LevelWord] = {}
    for w in level_words():  # longest first
        out[w.word] = w
    for w in level_words():
        if w.brief:
            out.setdefault(w.brief, w)
    return out


def level_of(token: str) -> LevelWord | None:
    """The row of a level as written before a body or after a deixis prefix (市, 自治州, 地)."""
    return _by_token().get(token)


@lru_cache(maxsize=65536)
def level_of_name(name: str) -> LevelWord | None:
    """The row of the longest level word a division's name ends with (阿里地区 -> 地区, not 区).
    Cached: asked of the same few names for every mention of a level."""
    for w in level_words():
        if name.endswith(w.word) and len(name) > len(w.word):
            return w
    return None


def same_level(token: str, name: str, township: bool) -> bool:
    """Is the division called name (a township or not) of the level written token (区 of 涪陵区,
    not of 内蒙古自治区, 阿里地区 or a township's 经济开发区; 州 of 自治州)?"""
    a, b = level_of(token), level_of_name(name)
    return bool(a and b and a.brief and a.brief == b.brief and b.township == township)


def government_of(name: str) -> str:
    """The government body of a division by its name: 人民政府, or 行政公署 of a 盟 or 地区."""
    w = level_of_name(name)
    return (w.government if w else "") or "人民政府"


def party_form(token: str) -> str:
    """The party committee's form after a level as written (县: 委, 镇: 党委); "" for none."""
    w = level_of(token)
    return w.party if w else ""


@lru_cache(maxsize=1)
def head_titles() -> dict[str, str]:
    """Head titles (县长, 副盟长, 常务副市长, 专员) -> the brief of their level (县, 盟, 市, 地)."""
    prefixes = ("", *words("head_prefixes.txt"))
    suffixes = ("", *words("head_suffixes.txt"))
    out: dict[str, str] = {}
    for w in level_words():
        for h in w.heads:
            for p in prefixes:
                for s in suffixes:
                    out.setdefault(p + h + s, w.brief)
    return out


@lru_cache(maxsize=1)
def everyday_before_body() -> frozenset[str]:
    """Everyday words that end in a level's brief (城市, 社区): no level before a body."""
    return frozenset(e for w in level_words() for e in w.everyday)


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


# The deixis prefixes by which the writer speaks of its own region (我市, 本县): not 全 (全县, the
# whole of it) or 该 (该县, one named before).
OWN_PREFIXES = "我本"


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    level: str  # province | prefecture | county | township
    parent: str  # code, "" for provinces
    short: str
    former: tuple[str, ...] = ()  # names it had before a rename or merger (横县 of 横州市)


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
    # load()'s: a key (kg.cache_dir) of the sources of the shipped gazetteer, for the indexes
    # derived from it; "" for another
    digest = ""

    def __init__(self, rows):
        self.by_code: dict[str, Division] = {}
        self.children: dict[str, list[str]] = {}
        rows = list(rows)
        # groupings, and the functional zones the source lists among counties (a code whose
        # fifth digit is 7, as the statistical codes give them: 临沂临港经济开发区, 兰州新区,
        # 屈原管理区): parks, development zones and new areas, no divisions; the townships under
        # them are their parent's
        groupings = {r["code"]: r["parent"] for r in rows if r["name"].endswith(GROUPING) or _zone_code(r["code"], r["level"])}
        for r in rows:
            if r["code"] in groupings:
                continue
            parent = groupings.get(r["parent"], r["parent"])
            former = tuple(x for x in (r.get("former") or "").split("/") if x)
            d = Division(r["code"], r["name"], r["level"], parent, r.get("short") or "", former)
            self.by_code[d.code] = d
            self.children.setdefault(d.parent, []).append(d.code)
        self._within: dict[tuple[str, str], bool] = {}
        self._ancestors: dict[str, tuple[Division, ...]] = {}  # ancestors' answers, asked per mention
        self._own_town_names()
        self._has_level: dict[str, bool] = {}  # has_level's answers, asked again for each mention
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
        # a former name (横县, 襄樊) still names the division that took it over, as strongly as
        # it was written: a full name stays a full name, a short form a short form; the generator
        # kept only names no division of today has
        for d in self.by_code.values():
            for f in d.former:
                forms = self.full if level_of_name(f) is not None else self.short
                if d.code not in forms.setdefault(f, []):
                    forms[f].append(d.code)
        # a name as the normaliser leaves it: its traditional-to-simplified tables turn a few
        # characters that simplified names keep (乾县, 於潜镇) into others (干县), so the text
        # of a simplified article reads the name so too
        for forms in (self.full, self.short):
            for f, codes in list(forms.items()):
                if (w := as_normalised(f)) != f:
                    forms.setdefault(w, []).extend(c for c in codes if c not in forms[w])

    def _own_town_names(self) -> None:
        """A township the source lists under its county's full name (濮阳县胡状镇, 四平市铁东区山门镇)
        is named by what follows (胡状镇): the county is written before it as a name of its own.
        Where a sibling already has that name, the prefixed row is the same township again."""
        ends = town_suffixes()
        for d in [d for d in self.by_code.values() if d.level == "township"]:
            p = self.by_code.get(d.parent)
            # the source writes its county or the county's city first (a quick test: most don't)
            if p is None or not (d.name.startswith(p.name) or ((q := self.by_code.get(p.parent)) and d.name.startswith(q.name))):
                continue
            name = d.name
            chain = self.ancestors(d.code)
            changed = True
            while changed:  # 四平市 then 铁东区, in whatever order the source wrote them
                changed = False
                for a in chain:
                    rest = name[len(a.name):]
                    end = next((e for e in ends if rest.endswith(e)), "")
                    # a name of its own before the ending, two characters or more (七星区街道 stays)
                    if name.startswith(a.name) and end and len(rest) >= len(end) + 2:
                        name, changed = rest, True
            if name == d.name:
                continue
            siblings = self.children.get(d.parent, [])
            if any(self.by_code[c].name == name for c in siblings if c != d.code):
                del self.by_code[d.code]
                siblings.remove(d.code)
            else:
                self.by_code[d.code] = replace(d, name=name)

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
        hit = self._has_level.get(form)
        if hit is None:
            keeps = _short_keeps()
            hit = any((n := self.by_code[c].name).endswith(keeps) and form[-1] == n[-1] for c in self.short.get(form, ()))
            self._has_level[form] = hit
        return hit

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

    def _up(self, code: str) -> tuple[Division, ...]:
        """The divisions above code, nearest first, found once (a tuple: no caller changes it)."""
        hit = self._ancestors.get(code)
        if hit is None:
            out = []
            d = self.by_code.get(code)
            while d and d.parent and d.parent in self.by_code and d.parent != d.code:
                d = self.by_code[d.parent]
                out.append(d)
            hit = self._ancestors[code] = tuple(out)
        return hit

    def ancestors(self, code: str) -> list[Division]:
        return list(self._up(code))  # a list of its own: the caller may change it

    def is_within(self, code: str, ancestor: str) -> bool:
        if code == ancestor:
            return True
        key = (code, ancestor)
        hit = self._within.get(key)
        if hit is None:
            hit = self._within[key] = any(a.code == ancestor for a in self._up(code))
        return hit

    def chain(self, code: str) -> list[Division]:
        d = self.by_code.get(code)
        return [d, *self._up(code)] if d else list(self._up(code))

    def depth_below(self, code: str, places: set[str]) -> int:
        """How many steps up from code the nearest of places is (1: its parent); 0 when none is
        above it."""
        for n, a in enumerate(self._up(code), 1):
            if a.code in places:
                return n
        return 0


def _zone_code(code: str, level: str) -> bool:
    """A statistical code of a functional zone (xxxx71 .. xxxx79) among the counties."""
    return level == "county" and len(code) == 6 and code.isdigit() and code[4] == "7"


def fits_level(level: str, d: Division | None) -> bool:
    """A level word as an article writes it alone (市 of 我市 or 市委, 州 of 州长, 地区 of 地委)
    fits division d (same_level: 区 a district, not an autonomous region; 州 a prefecture), by
    its name of today or a former one (县委 of a county become a city: 祁阳县 of 祁阳市)."""
    if d is None or not level:
        return False
    township = d.level == "township"
    return same_level(level, d.name, township) or any(same_level(level, f, township) for f in d.former)


def as_normalised(name: str) -> str:
    """A name as kg.io.normalize leaves it in a text (乾县 -> 干县)."""
    return to_simplified(name)


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The shipped gazetteer, from the cache folder when it was built before (kg.cache_dir)."""
    import opencc

    from kg import cache_dir

    # what the indexes are made of: the two tables, this code, and the normaliser's (to_simplified)
    digest = cache_dir.key([
        resource("data", "gazetteer.tsv").read_bytes(), resource("data", "levels.tsv").read_bytes(),
        *cache_dir.code_of("kg.extract.gazetteer", "kg.io.normalize", "kg.resources"),
        str(getattr(opencc, "__version__", "")).encode(),
    ])
    gaz = cache_dir.pickled("gazetteer", digest, lambda: Gazetteer(table("gazetteer.tsv")), Gazetteer)
    gaz.digest = digest
    return gaz
