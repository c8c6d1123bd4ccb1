"""Industrial parks, companies and projects: suffix grammars, list heads and a few frames.

A name ends in a suffix of its type (产业园, 集团, 项目, 二期 ...) and starts after the last
clause boundary before it (names.left_edge: the name grammar the agency finder shares).
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ahocorasick_rs import AhoCorasick, MatchKind

from kg.model import INF, TYPE_ORDER, Mention, Text
from kg.refs import Code, Deixis
from kg.resources import longest_first, table, words
from kg.extract.gazetteer import OWN_PREFIXES, level_rank, load, qualifiers, town_suffixes
from kg.extract.segment import cut, is_common_word, is_everyday_token, word_info
from kg.extract.mentions.names import (
    COORD, HARD_STOP, LIST_JOIN, LIST_MARKER, MAX_NAME, PHASE, after_list_marker, works_words, boundary_set, left_edge, long_boundary_rx, ownership_nouns,
    rank_words,
    region_starts,
    strip_region_qualifiers, suffix_ends, suffixes,
)
from kg.extract.mentions.regions import SHORT_TEXT, Spans, _index, _lengths_by_prefix

QUANT = re.compile(r"[0-9.]+|[一二三四五六七八九十百千万亿两几多余]+(?=[个家项批座条处])|[个家项批座条处]")
# A predicate before a name: verbs, adverbs and idioms of two or more characters as jieba tags them
# (询问, 宣布, 高度重视). A name starts after the last one that leaves a name behind it. Single
# characters are no evidence: jieba splits a name it does not know into characters with any tag
# (合/v 盛/v 硅业, 尚/d 德).
PREDICATE_TAGS = frozenset({"v", "d", "ad", "l", "i"})
# jieba's tags of a character left alone after a verb (件 of 覆盖件, 药 of 创新药, 剂 of 添加剂): it
# makes a noun of the verb, so no clause ends between them
BOUND_TAGS = frozenset({"zg", "ng", "n"})
# A count of things (6个, 50个, 第二批): what it counts is a plural, not one named project.
# Many of a class (更多, 许多, 众多 高标准农田建设项目): no one project either.
PLURAL = re.compile(r"第?(?:[0-9]+|[一二三四五六七八九十百千两几多数]+)[个项批家座处条]|(?:更|许|很|诸|众)多")
# A count right after a project's head (X项目5个, X项目各1个; not 5个月): the projects of a class
COUNTED_AFTER = re.compile(r"各?(?:[0-9]+|[一二三四五六七八九十百千两几]+)[个项](?![月小工])")
# One of a class (一条, 一个, 一座; not 第一个, 十一个, 一批): the indefinite article of a project's name
# after it (新上了一条|年产N套X生产线), no part of that name (a park after one is a kind: 打造一个X园)
SINGLE = re.compile(r"(?<![0-9一二三四五六七八九十百千两几多数第])一[个项家座处条](?![0-9])")
# tags of proper names and of strings jieba does not know (x: a character outside its dictionary)
NAME_TAGS = frozenset({"nr", "nrt", "nrfg", "nz", "ns", "nt", "x", "eng"})
FRAMES = (  # "以福斯派为龙头": the slot is a company
    (re.compile(r"以(?P<name>[^，,。、；;：:“”《》\s以]{2,12})为(?:龙头|引领|链主)"), "Company"),
)


@lru_cache(maxsize=1)
def _suffix_ac() -> AhoCorasick:
    """Every suffix, found in one pass (overlapping), where a regex per suffix took 80 passes."""
    return AhoCorasick([suf for suf, _, _ in suffixes()], matchkind=MatchKind.Standard)


@lru_cache(maxsize=1)
def _park_suffix_ac() -> AhoCorasick:
    return AhoCorasick(list(suffix_ends("IndustrialPark")), matchkind=MatchKind.Standard)


def suffix_matches(norm: str) -> list[tuple[int, int, int]]:
    """(suffix rank, start, end) of every suffix in norm, longest suffix first and left to right
    within a suffix, each suffix's occurrences not overlapping one another (as re.finditer)."""
    hits = sorted(_suffix_ac().find_matches_as_indexes(norm, overlapping=True))
    out = []
    last_rank, last_end = -1, -1
    for rank, s, e in hits:
        if rank == last_rank and s < last_end:
            continue
        out.append((rank, s, e))
        last_rank, last_end = rank, e
    return out


@lru_cache(maxsize=1)
def _generic() -> tuple[str, ...]:
    return longest_first("generic_words.txt")


TRADES = "-"  # enum_heads.tsv: a head of a list of trades (等领域, 等行业), whose items name no firm


@lru_cache(maxsize=1)
def _enum_heads() -> dict[str, str]:
    return {r["head"]: r["type"] for r in table("enum_heads.tsv")}


@lru_cache(maxsize=1)
def _capacity_stems() -> tuple[str, ...]:
    """capacity.tsv, the stem=yes words: a company stem starting so is a capacity (年产3000台风电)."""
    return tuple(r["prefix"] for r in table("capacity.tsv") if r["stem"] == "yes")


@lru_cache(maxsize=1)
def _enum_rx() -> re.Pattern:
    """等 + a count (12家, 一批) + modifiers + a head of enum_heads.tsv (longest first): the end of
    an enumeration 'A、B、C等12家企业'."""
    heads = "|".join(re.escape(h) for h, t in sorted(_enum_heads().items(), key=lambda r: -len(r[0])) if t != TRADES)
    return re.compile(
        r"等(?:[0-9一二三四五六七八九十百千两几多]+[个家项批座条处]?|一批|多[个家项]|若干)?"
        rf"(?P<mods>[\u4e00-\u9fff]{{0,8}}?)(?P<head>{heads})"
    )


@lru_cache(maxsize=1)
def _trades_rx() -> re.Pattern:
    """等 + a head of a list of trades that ends its phrase (等领域; not 等行业|龙头企业, a list of firms)."""
    heads = "|".join(re.escape(h) for h, t in sorted(_enum_heads().items(), key=lambda r: -len(r[0])) if t == TRADES)
    return re.compile(rf"等(?P<mods>[\u4e00-\u9fff]{{0,4}}?)(?P<head>{heads})(?![\u4e00-\u9fff])")


@lru_cache(maxsize=1)
def _generic_rx() -> re.Pattern:
    """The generic words of two characters or more (a character alone is asked of jieba's words)."""
    return re.compile("|".join(re.escape(g) for g in _generic() if len(g) >= 2))


@lru_cache(maxsize=1)
def _generic_chars() -> frozenset[str]:
    return frozenset(g for g in _generic() if len(g) == 1)


@lru_cache(maxsize=65536)
def strip_generic(stem: str) -> str:
    """The stem less its generic words (longest first, left to right), numbers and measure words.
    A generic character (大, 新, 该) stays inside a word jieba reads as a proper name (大唐/nz)."""
    rest = _generic_rx().sub("", QUANT.sub("", stem))
    if any(ch in _generic_chars() for ch in rest):
        gc = _generic_chars()
        rest = "".join(w if f in NAME_TAGS and len(w) >= 2 else "".join(ch for ch in w if ch not in gc) for w, f in cut(rest))
    return "".join(ch for ch in rest if "\u4e00" <= ch <= "\u9fff" or ch.isalnum())


@lru_cache(maxsize=65536)
def is_generic(stem: str) -> bool:
    """True when a stem is made only of generic words, numbers and measure words."""
    return len(strip_generic(stem)) < 2


@lru_cache(maxsize=1)
def _capacity_rx() -> re.Pattern:
    """A number and a physical unit (45万吨, 100MW, 300亩), or a capacity word, a number and any
    unit (年产10万台): a capacity names what a project makes."""
    units = sorted(
        (r["surface"] for r in table("units.tsv") if r["dimension"] in ("mass", "power", "energy", "area", "length", "volume")),
        key=len, reverse=True,
    )
    number = r"(?:[0-9.]+|[一二三四五六七八九十百千两]+)[万亿]?"
    # after a capacity word (年产, 日处理) any unit measures what is made: 年产10万台, 年产5000套
    per = _capacity_prefixes()
    counted = sorted((r["surface"] for r in table("units.tsv")), key=len, reverse=True)
    return re.compile(number + "(?:" + "|".join(map(re.escape, units)) + ")|(?:" + "|".join(map(re.escape, per))
                      + ")" + number + "(?:" + "|".join(map(re.escape, counted)) + ")")


@lru_cache(maxsize=1)
def _level_chars() -> frozenset[str]:
    """省, 市, 县 ...: a level character alone is a place word, not a name."""
    from kg.extract.gazetteer import deixis_words

    return frozenset(w for w in deixis_words() if len(w) == 1) | frozenset("镇乡")


def _specific_token(w: str, f: str, places: bool = True) -> bool:
    """A word that can carry a name: a proper noun, a word jieba does not know (its characters
    one by one), a rare noun; not an everyday word, a number, a time or a function character.
    places: a place name (jieba ns) counts."""
    if f == "ns" and len(w) >= 2 and not places:
        return False
    if not any("\u4e00" <= ch <= "\u9fff" or ch.isalpha() for ch in w):
        return False  # numbers, punctuation
    if f in ("m", "q", "mq", "t"):
        return False
    if len(w) == 1:
        return (f[:1] == "n" or f in NAME_TAGS or f in ("zg", "b")) and w not in _level_chars()
    return f in NAME_TAGS or not is_everyday_token(w)


@lru_cache(maxsize=65536)
def has_specific(stem: str, places: bool = True) -> bool:
    """A stem with something specific in it, as a name needs: a proper or rare word, a capacity;
    not only generic words, verbs, counts and dates. places: a place name counts (a company's
    name may be one; a project's may not: 涟源市项目)."""
    if _capacity_rx().search(stem):
        return True
    return any(_specific_token(w, f, places) for w, f in cut(strip_generic(stem)))


@lru_cache(maxsize=65536)
def _one_common_word(stem: str) -> bool:
    """The stem is one dictionary word of everyday use and no proper name (配合, 合作, 仪式): a
    project so named is a kind of project, not one."""
    toks = cut(stem)
    return len(toks) == 1 and len(stem) >= 2 and toks[0][1] not in NAME_TAGS and is_common_word(stem)


def is_project_stem(stem: str, places: tuple[tuple[int, int, bool], ...] = ()) -> bool:
    """A project's stem names one project: no count before it (6个项目, 第二批重大项目) and something
    specific in it besides the places it is in (涟源市项目 is generic), or a named division followed
    by what is built there (X市生活垃圾焚烧发电项目). places: (start, end, a named division) within
    stem, left to right."""
    if PLURAL.search(stem) or _one_common_word(stem):
        return False
    pieces, k = [], 0
    for a, b, _ in places:
        pieces.append(stem[k:a])
        k = b
    pieces.append(stem[k:])
    if any(has_specific(p, places=False) for p in pieces if p):
        return True
    first = next((b for _, b, named in places if named), None)
    if first is not None and _has_noun(stem[first:]):
        return True
    return any(_has_noun(p, after_place=True) for p in pieces if p)


@lru_cache(maxsize=65536)
def _has_noun(s: str, after_place: bool = False) -> bool:
    """What is built at a place when only everyday words name it: two words of two or more
    characters that name a thing and what is done with it (a noun, a verbal noun: 生活垃圾|焚烧|
    发电), generic words aside. One everyday word alone (合作, 政府, 仪式) names no project; a
    place and it are a region's projects. after_place: after a word jieba calls a place (ns) in s,
    where one noun or verbal noun is enough (a brand that reads as a place: 瑞康|生物)."""
    seen = not after_place
    n = 0
    for w, f in cut(strip_generic(s)):
        if seen and len(w) >= 2 and (f[:1] == "n" or f in ("vn", "v", "l")) and f != "ns":
            n += 1
            if n >= 2 or after_place and f != "v":
                return True  # after a word jieba calls a place, one noun: a brand (瑞康|生物)
        seen = seen or (f == "ns" and len(w) >= 2)
    return False


@lru_cache(maxsize=65536)
def _predicate_cut(stem: str, typ: str, strength: str, after_de: bool = False, places: tuple[int, ...] = ()) -> int:
    """Where a name starts within stem: after the last predicate (PREDICATE_TAGS) or role noun
    (role_nouns.txt: 施工单位|X公司) that leaves a name behind it (询问|企业 leaves none: the
    stem stays for the generic test to judge). places: the ends of the named divisions in stem,
    no predicate's whatever jieba tags them. after_de: the stem follows 的, which closes the
    clause before it; a verb that opens a project's stem there says what is made (建设的|再生|纤维
    面料项目), it is no predicate."""
    pos, ends, visits = 0, [], []
    toks = cut(stem)
    # a park's suffix inside the stem is one word whatever jieba reads (自由贸易/l|试验区长沙片区)
    inside = {k for _r, a, b in _park_suffix_ac().find_matches_as_indexes(stem, overlapping=True) for k in range(a + 1, b)}
    for i, (w, f) in enumerate(toks):
        pos += len(w)
        if i == 0 and after_de and typ == "Project" or pos in places or pos in inside:
            continue
        # a predicate of a quantity is a capacity, not a clause (日处理2000吨)
        if len(w) >= 2 and (f in PREDICATE_TAGS or w in _visit_verbs() or w.endswith(_role_nouns())) and pos < len(stem) and not stem[pos].isdigit():
            nxt = toks[i + 1] if i + 1 < len(toks) else ("", "")
            if len(nxt[0]) == 1 and nxt[1] in BOUND_TAGS and nxt[0] not in _level_chars():
                continue  # a verb and a bound morpheme are one noun (覆盖|件, 创新|药): no clause ends there
            if typ == "Project" and _modifies_noun(toks, i, stem[:pos]):
                continue
            ends.append(pos)
            if w in _visit_verbs():
                visits.append(pos)
    if typ == "Project":  # after a capacity comes what is made (年产15万吨|再生塑料颗粒), not a clause
        cap = _capacity_rx().search(stem)
        if cap:
            ends = [k for k in ends if k <= cap.start()]
    for k in reversed(ends):
        if _name_start(stem[k:], typ, strength):
            return k
    if typ == "IndustrialPark":
        # a park's suffix makes the name; only its start is asked: after the last predicate
        # that leaves a word jieba does not know (值得|新站高新区: it tags 新/a 站/v)
        for k in reversed(ends):
            rest = stem[k:]
            if len(rest) >= 2 and _unknown_word(rest):
                return k
    if typ in ("IndustrialPark", "Project") and visits and len(stem) - visits[-1] >= 2:
        return visits[-1]  # what is visited follows the visit (督查|大理创新工业园区): the verb is no part of it
    for k in reversed(ends):  # a predicate after a whole name (X集团签约|光伏项目) ends the name too
        head = stem[: k - _word_len(stem, k)]
        if head.endswith(_whole_name_ends()):
            return k
    return 0


# the tags of a word that a verb after it takes as its object in a compound (尾矿|综合利用, 烟气|脱硫,
# 污泥|无害化处置): in a clause the object follows its verb, so a noun before one makes a modifier
OBJECT_TAGS = frozenset({"n", "nz", "j"})


def _modifies_noun(toks, i: int, upto: str) -> bool:
    """The word toks[i], which jieba tags a predicate, is a modifier inside a project's name: a
    verb after its object noun (尾矿|综合利用|建材: no subject, a place, a time, a firm or a
    role before it), an adverb before a noun (一次性/d|餐具: jieba's tag for an adjective of
    kind), or the verb of a capacity word (日|处理). upto: the stem up to the word's end."""
    w, f = toks[i]
    pw, pf = toks[i - 1] if i > 0 else ("", "")
    if upto.endswith(_capacity_prefixes()):
        return True
    if f in ("d", "ad"):
        return i + 1 < len(toks) and toks[i + 1][1][:1] == "n" and toks[i + 1][1] not in ("nr", "ns", "nt")
    return (
        len(pw) >= 2 and pf in OBJECT_TAGS and w not in _visit_verbs() and not w.endswith(_role_nouns())
        and not pw.endswith(_role_nouns()) and not pw.endswith(_bare_forms()) and pw not in boundary_set()
    )


@lru_cache(maxsize=1)
def _capacity_prefixes() -> tuple[str, ...]:
    """capacity.tsv: 年产, 日处理, 年加工 (a capacity word, whatever follows it)."""
    return tuple(sorted((r["prefix"] for r in table("capacity.tsv")), key=len, reverse=True))


DATE = re.compile(r"(?:[0-9]{2,4}|[〇零一二三四五六七八九]{2,4}|今|去|明|前|当)年(?:度|以来|初|底|末)?(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?")


# an investment before a project's name: (计划)总投资(约)2.5亿元, 投资8000万元的
AMOUNT = re.compile(r"^(?:计划|拟|预计)?(?:总投资|投资总额|投资额|投资)(?:约|达|超|近|逾)?[0-9.]+[万亿]*(?:美元|元)(?:以上|左右)?的?")


def _after_amount(stem: str) -> int:
    """Where a project's name starts within stem: after an investment it starts with."""
    m = AMOUNT.match(stem)
    return m.end() if m and m.end() < len(stem) else 0


def _after_date(stem: str) -> int:
    """Where a park's or company's name starts within stem: after the last date in it (a year
    is when, not what: X县|2013年|产业集聚区)."""
    last = 0
    for m in DATE.finditer(stem):
        last = m.end()
    return last


def _unknown_word(s: str) -> bool:
    """jieba knows no word of s: it splits it into single characters, none a function word or a
    number (新/a 站/v). A string outside the dictionary of everyday words is a proper name."""
    toks = cut(s)
    return len(toks) >= 2 and all(
        len(w) == 1 and "\u4e00" <= w <= "\u9fff" and f not in ("p", "c", "u", "uj", "ul", "r", "m", "q", "f") for w, f in toks
    )


@lru_cache(maxsize=1)
def _visit_verbs() -> frozenset[str]:
    """The verbs of a visit or trip (relation_cues.tsv trip, visit: 督查, 调研, 考察), a predicate
    before a name even where jieba reads them as nouns (现场|督查|X工业园区)."""
    return frozenset(r["word"] for r in table("relation_cues.tsv") if r["cue"] in ("trip", "visit"))


@lru_cache(maxsize=1)
def _role_nouns() -> tuple[str, ...]:
    """role_nouns.txt: 施工单位, 龙头企业 before a name are its class, in apposition, not part of it."""
    return longest_first("role_nouns.txt")


@lru_cache(maxsize=1)
def _whole_name_ends() -> tuple[str, ...]:
    """The suffixes that end a name by themselves (公司, 集团, 产业园), not industry words (光伏)."""
    return tuple(suf for suf, _, strength in suffixes() if strength in ("legal", "park"))


def _word_len(stem: str, k: int) -> int:
    """The length of the word of stem that ends at k."""
    pos = 0
    for w, _ in cut(stem):
        pos += len(w)
        if pos == k:
            return len(w)
    return 0


def _name_start(rest: str, typ: str, strength: str) -> bool:
    """Can a name of typ start so? Not with a suffix (集团榆神能源: 延长 is part of the name), nor a
    bracket; and what follows has something specific (节能|材料 leaves only an everyday word)."""
    if len(rest) < 2 or rest.startswith(suffix_ends()) or not ("\u4e00" <= rest[0] <= "\u9fff" or rest[0].isalnum()):
        return False
    if typ == "Company" and strength == "industry" and all_everyday(strip_generic(rest)):
        return False
    return not is_generic(rest) and has_specific(rest)


def _after_head_word(stem: str, typ: str, strength: str) -> int:
    """Where a name starts within stem: after the word 项目 in it (重点项目|X产业园, 已投产项目|X
    食品项目): a project's head ends the phrase before, when a name can start after it."""
    k = stem.rfind("项目")
    if k < 0 or not _name_start(stem[k + 2 :], typ, strength):
        return 0
    return k + 2


# a quarter of a town named by its direction (城东, 城北, 东部, 西南): 城北片区 is where in the town
QUARTER = re.compile(r"(?:城|老城|新城)?[东西南北中]{1,2}部?$")
ZONE = "片区"


def town_quarter(norm: str, s: int, e: int) -> bool:
    """The 片区 at [s, e) is a quarter of a town (X县城北|片区, X公司城东|片区), no park: a
    direction before it and no park's suffix before that (X高新区东部片区 is the park's zone)."""
    if norm[s:e] != ZONE:
        return False
    q = QUARTER.search(norm, max(0, s - 4), s)
    return q is not None and not norm.endswith(tuple(x for x in suffix_ends("IndustrialPark") if x != ZONE), 0, q.start())


def _after_inner_park(norm: str, start: int, stem_end: int) -> int:
    """XX开发区再添新项目, XX产业园YY生产线: a project's name starts after a park named before it."""
    stem = norm[start:stem_end]
    ac = _park_suffix_ac()
    last: dict[int, int] = {}  # each park suffix's last occurrence, as str.rfind finds it
    for k, a, e in ac.find_matches_as_indexes(stem, overlapping=True):
        if not town_quarter(stem, a, e):
            last[k] = e
    cut_at = max((e for e in last.values() if e < len(stem)), default=0)
    if cut_at and stem.startswith(COORD, cut_at):
        return start  # X产业园和Y中心项目: the park is the first of what the project joins, part of its name
    return start + cut_at


def find_orgs(text: Text, regions: list[Mention], agencies: list[Mention], people: list[Mention]) -> list[Mention]:
    norm = text.norm
    # a name never starts before an official's name or an agency (王进健在SEPP...产业园)
    ends = {m.end for m in agencies}
    ends |= _ends_of(norm, {m.surface for m in people})
    floors = sorted(ends)
    blocked = {i for m in agencies for i in range(m.start, m.end)}
    region_full = {m.surface for m in regions}
    named_places = {m.surface for m in regions if not isinstance(m.place, Deixis)}  # 我市, 全省 name no park
    region_at = region_starts(regions)
    places = _Places(regions)
    forms = _PlaceForms(norm, named_places)
    cands: list[Mention] = []
    taken: dict[int, int] = {}  # end -> the leftmost start of a candidate ending there
    rows = suffixes()
    longest: dict[int, int] = {}  # end -> where the longest suffix ending there starts
    for rank, s, e in suffix_matches(norm):
        # a shorter suffix inside a longer one ending at the same place is that suffix's tail: a
        # stem the longer one refused does not become a name with part of it (国家|高新区 is no
        # park, nor is 国家高|新区)
        if longest.setdefault(e, s) < s:
            continue
        if s in blocked:
            continue
        # a longer suffix of the same place was already taken: 产业园区 vs 园区
        if e in taken and taken[e] <= s:
            continue
        _, typ, strength = rows[rank]
        if typ == "Company" and norm.endswith(ownership_nouns(), 0, e):
            continue  # X的全资子公司, X子公司: a word of ownership, not a name
        if strength == "industry" and _suffix_inside_word(norm, s):
            continue  # 煤化工, 一体化|工程, 劳动力: the tail of another word, not a company's suffix
        if strength in ("industry", "works") and not _word_ends_at(norm, s, e):
            continue  # 一体化|工程 holds no 化工, 工程师 no 工程: a suffix is a word of its own
        # 中铁建设集团 keeps its 建设; so does X加工建设项目, X改造项目 (a works word before 项目 is the head's)
        keep = strength == "legal" or typ == "Project" and norm.endswith(works_words(), 0, s)
        start = left_edge(norm, s, floors, coord_inside=(typ == "Project"), keep_last=keep)
        start = after_list_marker(norm, start, s)
        level_head = typ == "IndustrialPark" and norm[s:e] in _park_level_heads()
        if level_head and s >= 2 and norm[s - 2] in OWN_PREFIXES and (level := _park_level(norm[s - 2 : s])):
            # 我市高新区: the park of the article's own city (the place 我市 is no part of a name)
            cands.append(Mention(typ, norm[s - 2 : e], s - 2, e, place=Deixis(level), rule="deixis"))
            taken[e] = min(s - 2, taken.get(e, s - 2))
            continue
        start = _after_title(norm, start, s)
        start = _out_of_place(start, s, places)
        start = _not_inside_place(norm, start, s, floors, named_places, forms)
        # a division's name that jieba reads as a verb (兴化/v) is no predicate
        at_places = tuple(b for _a, b, named in places.within(start, s) if named)
        start += _predicate_cut(norm[start:s], typ, strength, start > 0 and norm[start - 1] == "的", at_places)
        if typ == "Project" and (sg := list(SINGLE.finditer(norm, start, s))):
            start = sg[-1].end()
        if typ != "Project":  # a park or a company is named once, not by a year (X县2013年产业集聚区)
            start += _after_date(norm[start:s])
        else:  # what it costs is said of a project, not its name (总投资2亿元|X技改工程)
            start += _after_amount(norm[start:s])
        start = _at_place(norm, start, s, places)
        if typ != "IndustrialPark":  # a park is qualified as written (X区|Y市高新区: the guideline)
            start = _after_enclosing_place(norm, start, s, places)
        if typ == "Company" and strength == "industry":
            start = _after_registered(norm, start, s)
        if typ in ("Project", "IndustrialPark"):
            start += _after_head_word(norm[start:s], typ, strength)
        if typ == "Project":
            start = _after_inner_park(norm, start, s)
            start = _after_bare_form(norm, start, s)
        if typ == "IndustrialPark":
            start = strip_region_qualifiers(norm, start, s, regions, at=region_at)
            start = _rank_cut(norm, start, s, named_places, forms)
            start = _after_ordinal(norm, start, s)
            start = _place_kept_whole(norm, start, s, floors, named_places)
        name = norm[start:e]
        stem = norm[start:s]
        if typ == "Company" and (cnt := COUNTED.search(stem)):
            # A和B两家公司: a count of firms after their names; each name alone is a company
            a = start
            while a > 1 and norm[a - 1] in LIST_JOIN and (b := left_edge(norm, a - 1, floors)) < a - 1:
                a = b  # the names before it, each after a list word
            cands += _shared_items(norm, a, start + cnt.start(), region_full)
            continue
        if level_head and (level := _park_level(stem)):
            # 县经济开发区, 我市高新区: the park of the article's own region of that level
            cands.append(Mention(typ, name, start, e, place=Deixis(level), rule="deixis"))
            taken[e] = min(start, taken.get(e, start))
            continue
        if typ == "IndustrialPark" and town_quarter(norm, s, e):
            continue
        if not _valid(name, stem, typ, strength, region_full, named_places):
            continue
        if typ == "Project" and COUNTED_AFTER.match(norm, e):
            continue  # 工业项目5个, 文旅和农业项目各1个: a class of projects counted, none named
        if strength == "works":  # what is done, or where: enough for 工程 (its stem not generic)
            if norm.startswith(_bare_forms(), e):
                continue  # X集团工程公司: a company's name runs on
            if PLURAL.search(stem) or not _works_named(stem, places.within(start, s)):
                continue
        elif typ == "Project" and not is_project_stem(stem, places.within(start, s)):
            if places.within(start, s) or PLURAL.search(stem) or not (
                _developer_before(norm, start, HARD_STOP) and (_has_noun(stem) or _has_product(stem))
                or _developer_before(norm, start, CLAUSE_END) and _has_noun(stem)
            ):
                continue  # X公司投资建设的|再生纤维面料项目: the clause names who builds it, the product which
        start = _quoted_start(norm, start, floors)
        cands.append(Mention(typ, norm[start:e], start, e, rule=strength))
        taken[e] = min(start, taken.get(e, start))
    for m in PHASE.finditer(norm):  # 华恒生物二期: a phase after a name is a project
        start = after_list_marker(norm, left_edge(norm, m.start(), floors, coord_inside=True), m.start())
        stem = norm[start : m.start()]
        if len(stem) >= 2 and not is_generic(stem) and not stem.isdigit() and is_project_stem(
            stem, places.within(start, m.start())
        ):
            cands.append(Mention("Project", norm[start : m.end()], start, m.end(), rule="phase"))
    project_end: dict[int, int] = {}  # start -> the furthest end of a project starting there
    for p in cands:
        if p.type == "Project" and p.end > project_end.get(p.start, -1):
            project_end[p.start] = p.end
    named_end: dict[int, int] = {}  # the same of projects named by a suffix (项目), not a phase (二期)
    for p in cands:
        if p.type == "Project" and p.rule != "phase" and p.end > named_end.get(p.start, -1):
            named_end[p.start] = p.end
    counts = _Counts(norm)
    cands = [c for c in cands if not _runs_on(norm, c, project_end) and not _industry_phrase(norm, c, named_end, places, counts)]
    # an industry-word company ends at its first industry word (尚德电力, not 尚德电力拉萨...光伏)
    first_end: dict[int, int] = {}
    for c in cands:
        if c.type == "Company" and c.rule == "industry":
            first_end[c.start] = min(c.end, first_end.get(c.start, c.end))
    cands = [c for c in cands if not (c.type == "Company" and c.rule == "industry" and first_end[c.start] < c.end)]
    listed = _enumerations(norm, cands, region_full, floors)
    if any(m.type == TRADES for m in listed):
        exact = {(m.start, m.end) for m in listed if m.type == TRADES}
        trades = Spans(sorted(exact))
        listed = [m for m in listed if m.type != TRADES]
        cands = [c for c in cands if not (c.type == "Company" and c.rule == "industry" and (
            (c.start, c.end) in exact or trades.holds(c.start, c.end)))]
    invested = {(m.start, m.end) for m in listed if m.rule == "list-park"}
    cands = [c for c in cands if not (c.type == "IndustrialPark" and (c.start, c.end) in invested)] + listed
    cands += _list_neighbours(norm, cands, region_full)
    for rx, typ in FRAMES:
        for m in rx.finditer(norm):
            nm = m.group("name")
            if not is_generic(nm) and not is_common_word(nm) and has_specific(nm):
                cands.append(Mention(typ, nm, m.start("name"), m.end("name"), rule="frame"))
    return _defined_mentions(norm, _settle(cands), blocked)


@lru_cache(maxsize=1)
def _park_levels() -> frozenset[str]:
    """The level words a park's name may start with alone (县, 市, 区, 旗, 州: levels.tsv qualifiers
    of one character) to name the park of the article's own region of that level."""
    return frozenset(q for q in qualifiers() if len(q) == 1) - {"地", "省"}  # 地区, 省: no park of theirs is so written


@lru_cache(maxsize=1)
def _park_level_heads() -> frozenset[str]:
    return frozenset(words("park_level_heads.txt"))


def _park_level(stem: str) -> str:
    """The level of a park written by it alone (县|工业园, 我市|高新区, 本区|经开区), else ""."""
    if stem[:1] in OWN_PREFIXES:
        stem = stem[1:]
    return stem if stem in _park_levels() else ""


@lru_cache(maxsize=65536)
def _place_form(w: str) -> bool:
    """w is a gazetteer name or short form that reads as a place by itself: no everyday word
    (前进, 振兴, 资源 are places' names too), or the name of a province or a prefecture
    however everyday the word (大连, 保定, 开封)."""
    gaz = load()
    codes = gaz.full.get(w, []) + gaz.short.get(w, [])
    if not codes:
        return False
    return not is_everyday_token(w) or any(gaz.by_code[c].level in ("province", "prefecture") for c in codes)


@lru_cache(maxsize=1)
def _form_lengths() -> dict[str, tuple[int, ...]]:
    """The lengths (2 to 8, longest first) of the gazetteer's forms, by their first two
    characters: every form _place_form can accept is one of these."""
    return {h: kept for h, ks in _index(load())._lengths.items() if (kept := tuple(k for k in ks if k <= 8))}


class _PlaceForms:
    """place_form_len of one text's stems, asked only at the lengths a place's form can have
    there: the gazetteer's forms and the text's places that begin with the position's first two
    characters (most positions begin none). _not_inside_place asks up to seven positions per
    suffix, each of up to seven lengths, all but a few of which are no place."""

    __slots__ = ("_norm", "_known", "_gaz", "_ks")

    def __init__(self, norm: str, known: frozenset[str] | set[str] = frozenset()) -> None:
        self._norm = norm
        self._known = known
        self._gaz = gaz = _form_lengths()
        own = _lengths_by_prefix(w for w in known if 2 <= len(w) <= 8)
        # the first two characters of the text's places -> their lengths and the gazetteer's
        self._ks = {h: tuple(sorted({*ks, *gaz.get(h, ())}, reverse=True)) for h, ks in own.items()}

    def longest(self, a: int, s: int) -> int:
        """place_form_len(norm[a:s], known)."""
        norm = self._norm
        head = norm[a : a + 2]
        bound = s - a
        for k in self._ks.get(head) or self._gaz.get(head, ()):
            if k <= bound and ((w := norm[a : a + k]) in self._known or _place_form(w)):
                return k
        return 0


def place_form_len(stem: str, known: frozenset[str] | set[str] = frozenset()) -> int:
    """The length of the longest place's form (2 to 8 characters) that stem starts with, else 0:
    兴化|经济, 永城市|产业, 莲都. A place's form is one word however jieba tags or splits it
    (兴化/v, 莲/n 都/d) and whatever generic word its characters hold (永|城市). known: the
    places the article names (its region mentions), forms of a place whatever the word."""
    for k in range(min(8, len(stem)), 1, -1):
        w = stem[:k]
        if w in known or _place_form(w):
            return k
    return 0


@lru_cache(maxsize=1)
def _title_rx() -> re.Pattern:
    """The titles of posts (titles.tsv, two characters or more: 副总经理, 董事长, 局长), longest first."""
    posts = sorted({r["title"] for r in table("titles.tsv") if len(r["title"]) >= 2}, key=lambda t: (-len(t), t))
    return re.compile("|".join(map(re.escape, posts)))


def _after_title(norm: str, start: int, s: int) -> int:
    """A name holds no title of a post: X集团副总经理兼|Y公司 names the post's holder's second body
    after the title (Y公司), never one that runs over it."""
    last = start
    for m in _title_rx().finditer(norm, start, s):
        if _word_ends_at(norm, m.start(), m.end()):
            last = m.end()
    return last if last < s else start


def _not_inside_place(norm: str, start: int, s: int, floors: list[int], known: set[str],
                      forms: _PlaceForms | None = None) -> int:
    """A name never starts inside a place's form written across its start (察看了和|林格尔X产业园,
    whose 和 reads as a conjunction): it starts where the place does. forms: the text's (norm's,
    known's), kept across the calls of one text."""
    if forms is None:
        forms = _PlaceForms(norm, known)
    for j in range(1, min(7, start) + 1):
        a = start - j
        if norm[a] in HARD_STOP:
            break
        if forms.longest(a, s) > j:
            lo = bisect.bisect_right(floors, a)
            if lo < len(floors) and floors[lo] <= start:
                break  # an official's name or a body ends in between: the name starts after it
            return a
    return start


def _place_kept_whole(norm: str, start: int, s: int, floors: list[int], known: set[str]) -> int:
    """A park's name never starts inside the place written right before its suffix (莲都工业园区,
    兴化经济开发区): the place is its stem, whole, however jieba splits it (莲/n 都/d)."""
    for k in range(min(8, s), 1, -1):
        a = s - k
        if a >= start:
            break
        if (w := norm[a:s]) in known or _place_form(w):  # place_form_len(w, known) == k, asked once
            lo = bisect.bisect_right(floors, a)
            if lo < len(floors) and floors[lo] <= start:
                continue  # an official's name or a body ends inside: the name starts after it
            return a
    return start


# an ordinal or a uniqueness before a park's suffix (全国首个, 省内第一家, 唯一): a description of
# which park it is among others, not part of a name
ORDINAL = re.compile(r"(?:首|第(?:[0-9]+|[一二三四五六七八九十]+))[个家座批]|唯一的?")


def _after_ordinal(norm: str, start: int, s: int) -> int:
    """全国首个|综合保税区, 省内首个|循环经济产业园: a park's name starts after the last ordinal in
    its stem; a class in everyday words after it (首个|循环经济) names none: the stem is emptied."""
    last = 0
    for m in ORDINAL.finditer(norm, start, s):
        last = m.end()
    if not last:
        return start
    rest = norm[last:s]
    return last if rest and (_unknown_word(rest) or not all_everyday(strip_generic(rest))) else s


def _rank_cut(norm: str, start: int, s: int, known: set[str], forms: _PlaceForms | None = None) -> int:
    """国家级X经济技术开发区, 省级X高新区: a rank before a park's name says what it was admitted
    to; the park is the name after it when that is a name (a place, a proper word). A rank
    before a suffix alone or a class (省级先进制造业开发区) is left for _valid to refuse."""
    stem = norm[start:s]
    rank = next((r for r in rank_words() if stem.startswith(r)), "")
    rest = stem[len(rank) :]
    if not rank or len(rest) < 2:
        return start
    if (forms.longest(start + len(rank), s) if forms else place_form_len(rest, known)) or (not is_generic(rest) and has_specific(rest, places=False) and not all_everyday(rest)):
        return start + len(rank)
    return start


# where a sentence's clauses end: a firm named before one of these is no subject of what follows
CLAUSE_END = frozenset("。;;!!??\n:：、")


def _developer_before(norm: str, start: int, stops: frozenset[str] | set[str]) -> bool:
    """The clause before start (up to one of stops) names a company by its legal form (X有限公司投资
    建设的|, 由X集团承建的|): the project after it is that company's own, one project, however
    everyday its words. With CLAUSE_END for stops, the sentence's clauses that a comma joins
    (X有限公司投资9亿元,在Y镇建设|): a subject of all of them."""
    lo = start
    while lo > 0 and start - lo < 2 * MAX_NAME and norm[lo - 1] not in stops and norm[lo - 1] not in "“”《》()":
        lo -= 1
    return any(f in norm[lo:start] for f in _bare_forms())


@lru_cache(maxsize=65536)
def _has_product(stem: str) -> bool:
    """A word that names a thing made (精密|轴承, 光学|镜片): a noun of two characters or
    more that is no generic word and no activity (合作, 示范: verbal nouns name none)."""
    return any(len(w) >= 2 and f in ("n", "nz", "l") and not is_generic(w) for w, f in cut(strip_generic(stem)))


QUOTES = {"”": "“", "」": "「", "』": "『"}


def _quoted_start(norm: str, start: int, floors: list[int]) -> int:
    """“云岭”数字产业园: a short quoted name right before a name's stem is the first part of that
    name, quotes kept as written; a quoted slogan or everyday word (“飞地”) is not."""
    if start < 4 or norm[start - 1] not in QUOTES:
        return start
    k = norm.rfind(QUOTES[norm[start - 1]], max(0, start - 12), start - 1)
    if k < 0 or any(k < f < start for f in floors[bisect.bisect_right(floors, k) - 1 : bisect.bisect_right(floors, start)]):
        return start
    inner = norm[k + 1 : start - 1]
    if not (2 <= len(inner) <= 10) or any(ch in HARD_STOP for ch in inner):
        return start
    if is_generic(inner) or is_common_word(inner) or not has_specific(inner):
        return start
    return k


def _suffix_inside_word(norm: str, s: int) -> bool:
    """The industry word starting at s begins inside a longer dictionary word that is no name
    (煤|化工 of 煤化工, 一体化|工程, 劳动力, 精细化工): the suffix is that word's tail, not the
    end of a company's name. A brand stands apart from its industry word (华恒|生物)."""
    lo = max(0, s - 4)
    pos = lo
    for w, f in cut(norm[lo : s + 4]):
        a, b = pos, pos + len(w)
        pos = b
        if a < s < b:
            return f not in NAME_TAGS and word_info(w)[0] > 0
        if a >= s:
            break
    return False


def _after_registered(norm: str, start: int, s: int) -> int:
    """A registered name (X有限公司) is whole: an industry word after it starts a new phrase
    (X有限公司|服装智能制造...), never a longer company's name."""
    stem = norm[start:s]
    cut_at = max((stem.rfind(f) + len(f) for f in _registered() if f in stem), default=0)
    return start + cut_at


@lru_cache(maxsize=1)
def _registered() -> tuple[str, ...]:
    return tuple(r["suffix"] for r in table("org_suffixes.tsv") if r["type"] == "Company" and r["legal_form"] == "registered")


# an adjective of kind (劳动密集型, 资源节约型) before 项目 says what sort of project, not which one
KIND_ADJECTIVE = "型"


@lru_cache(maxsize=1)
def _bare_forms() -> tuple[str, ...]:
    """The legal forms (公司, 集团, 有限公司), longest first."""
    return tuple(suf for suf, typ, strength in suffixes() if typ == "Company" and strength == "legal")


def _after_bare_form(norm: str, start: int, end: int) -> int:
    """公司年产N吨X项目: a bare legal form before a project stands for the company just named (该
    公司 less its pronoun); the project's name starts after it."""
    if not norm.startswith(_bare_forms(), start):
        return start  # most stems: no legal form at their start
    for suf in _bare_forms():
        if norm.startswith(suf, start) and start + len(suf) < end:
            return start + len(suf)
    return start


def _works_named(stem: str, places: tuple[tuple[int, int, bool], ...]) -> bool:
    """X工程 names one piece of construction when what is done is said (X扩建工程, X配套工程), a
    capacity is (110千伏), or a named division starts it (X县城乡供水一体化工程); 民生工程 does not."""
    if stem.endswith(works_words()) or _capacity_rx().search(stem):
        return True
    return any(a == 0 and named for a, _b, named in places)


def _word_ends_at(norm: str, s: int, e: int) -> bool:
    """A word of the text ends at e (jieba, on the suffix and a few characters around it)."""
    lo = max(0, s - 4)
    pos = lo
    for w, _ in cut(norm[lo : min(len(norm), e + 3)]):
        pos += len(w)
        if pos >= e:
            return pos == e
    return True


def _after_leading_predicate(stem: str) -> str:
    """What follows a predicate of two or more characters or a boundary word (boundary_words.txt,
    however jieba splits it: 获/批) that opens stem (获批|国家), or ''."""
    m = long_boundary_rx().match(stem)
    if m and m.end() < len(stem):
        return stem[m.end() :]
    toks = cut(stem)
    if len(toks) >= 2 and len(toks[0][0]) >= 2 and toks[0][1] in PREDICATE_TAGS:
        return stem[len(toks[0][0]) :]
    return ""


class _Places:
    """The places of a text, asked for those within a span in log time."""

    def __init__(self, regions: list[Mention]) -> None:
        spans = sorted((m.start, m.end, isinstance(m.place, Code)) for m in regions)
        self._spans = spans
        self._starts = [a for a, _, _ in spans]
        # the division each place names (the last of two starting at one place, as region_starts)
        self.code_at = {m.start: m.place.code for m in regions if isinstance(m.place, Code)}
        self._within: dict[tuple[int, int], tuple[tuple[int, int, bool], ...]] = {}  # asked again per candidate

    def within(self, s: int, e: int) -> tuple[tuple[int, int, bool], ...]:
        """The places inside [s, e) as offsets from s (and whether each names a division), left to
        right, not overlapping."""
        hit = self._within.get((s, e))
        if hit is not None:
            return hit
        out: list[tuple[int, int, bool]] = []
        for a, b, named in self._spans[bisect.bisect_left(self._starts, s) : bisect.bisect_left(self._starts, e)]:
            if b <= e and (not out or a - s >= out[-1][1]):
                out.append((a - s, b - s, named))
        hit = self._within[(s, e)] = tuple(out)
        return hit

    def around(self, i: int) -> int:
        """The end of a place that i falls strictly inside, or i."""
        k = bisect.bisect_left(self._starts, i)
        for a, b, _ in self._spans[max(0, k - 3) : k]:
            if a < i < b:
                return b
        return i


def _out_of_place(start: int, end: int, places: "_Places") -> int:
    """A name never starts inside a place: 我县电商产业园 is 电商产业园, not 县电商产业园."""
    b = places.around(start)
    return b if b < end else start


def _at_place(norm: str, start: int, end: int, places: "_Places") -> int:
    """A name starts at the first division it names when only everyday words come before it
    (建设单位|宁德X公司, 参建单位代表|福建X集团): those are the clause, not the name. A suffix
    among them is a name's (延长集团|榆林X公司: the parent's name is part of it)."""
    for a, _b, named in places.within(start, end):
        if named and a > 0:
            before = norm[start : start + a]
            if has_specific(before) or any(suf in before for suf in _whole_name_ends()):
                return start
            return start + a
        if named:
            return start
    return start


def _after_enclosing_place(norm: str, start: int, end: int, places: "_Places") -> int:
    """Places in a name run from the larger to the smaller (佛山市顺德区乐从X公司, 浙江温州X公司).
    A division written right after a smaller one that it encloses goes back up: the smaller one
    is where the company or project is, and the larger one starts the company's registered name
    (X镇|新疆Y有限公司, X县|Z市Y物流有限公司). A township the gazetteer does not know, written
    before a province or a prefecture, is such a smaller place too (X镇|内蒙古Y公司). Two places
    of which neither holds the other (巢湖|长丰X公司) are one name: nothing says which is where."""
    spans = places.within(start, end)
    if not spans:
        return start
    gaz = load()
    prev: str | None = None
    a0 = spans[0][0]
    if a0 > 0:
        before = norm[start : start + a0]
        if not (2 <= a0 <= 6 and before.endswith(town_suffixes())) or any(suf in before for suf in suffix_ends()):
            return start
        prev = ""  # an unknown township: nothing above it is known
    k = a0
    for a, b, named in spans:
        if a != k or not named:
            break
        code = places.code_at.get(start + a, "")
        d = gaz.by_code.get(code)
        if d is None:
            break
        if prev is not None and b < end:
            if prev == "":
                if level_rank(d.level) >= level_rank("prefecture"):
                    return start + a
            elif code != prev and gaz.is_within(prev, code) and _word_ends_at(norm, start + a, start + b):
                return start + a  # (not a place's name inside a longer word: X旗|兴安岭Y公司)
        prev, k = code, b
    return start


# characters times names up to which _ends_of asks str.find, past which one automaton pays
_FIND_LOOP = 200_000


def _ends_of(norm: str, names: set[str]) -> set[int]:
    """Where each occurrence of each name ends (overlapping ones too), in one pass over the text:
    a str.find loop per name made a pass per official."""
    out: set[int] = set()
    if "" in names:  # what str.find would say of an empty name: it is everywhere
        out.update(range(len(norm) + 1))
    words = sorted(n for n in names if n)
    if words and len(norm) <= SHORT_TEXT and len(norm) * len(words) <= _FIND_LOOP:
        # a short text: a str.find loop per name (in C) costs less than building an automaton
        for w in words:
            i = norm.find(w)
            while i >= 0:
                out.add(i + len(w))
                i = norm.find(w, i + 1)
    elif words:
        ac = AhoCorasick(words, matchkind=MatchKind.Standard)
        out.update(e for _, _, e in ac.find_matches_as_indexes(norm, overlapping=True))
    return out


def only_verbs(stem: str) -> bool:
    toks = [(w, f) for w, f in cut(stem) if w.strip("()")]
    return bool(toks) and all(f and (f[0] in "vdapli") and f != "vn" and not _thing_phrase(w, f) for w, f in toks)


def _thing_phrase(w: str, f: str) -> bool:
    """A set phrase (jieba l) of three characters or more that ends in a noun character (连接器,
    发电机): the name of a thing, not a predicate."""
    return f == "l" and len(w) >= 3 and word_info(w[-1])[1] == "n"


def all_everyday(s: str) -> bool:
    """Every word of s is an everyday word of two or more characters (电机电器, 高端医药)."""
    toks = [w for w, _ in cut(s)]
    return all(is_everyday_token(w) for w in toks)


def _valid(name: str, stem: str, typ: str, strength: str, region_full: set[str], places: set[str]) -> bool:
    """places: the surfaces of the named divisions of the article (not 我市, 全省)."""
    if name in region_full:
        return False  # 浦东新区 is a region
    if typ == "Company" and strength == "industry" and stem in region_full and stem[-1:] in _level_chars():
        return False  # X市|医药: a division named in full and an industry is the place's industry, no firm
    if typ == "IndustrialPark" and (k := place_form_len(stem, places)) and len(name) <= MAX_NAME:
        rest = stem[k:]
        if not rest or is_generic(rest):
            return True  # 兴化|经济开发区, 永城市|产业集聚区: a place and generic words name its park
    return _valid_form(name, stem, typ, strength)


@lru_cache(maxsize=65536)
def _valid_form(name: str, stem: str, typ: str, strength: str) -> bool:
    """What the words of a candidate say, whatever the article (cached: a region's news name
    the same parks and companies again and again)."""
    own = name
    if typ == "Project":  # X有限公司年产N吨Y项目: the company's name before the project's is not its length
        own = name[max((name.rfind(f) + len(f) for f in _registered() if f in name), default=0) :]
    if len(own) > MAX_NAME or len(stem) < 1:
        return False
    core = stem
    if typ == "IndustrialPark" and len(stem) >= 2 and _unknown_word(stem):
        return True  # 新站高新区: a name jieba does not know, whatever tags it gives its characters
    if only_verbs(stem):
        return False  # 狠抓项目, 优化小微园
    if typ == "Company" and strength == "industry":
        # 伊利, 聚鑫 are names; 新能源 or 生物 are industries
        if len(stem) < 2 or is_generic(stem) or all_everyday(strip_generic(stem)):
            return False
        if re.search(r"[0-9]", stem) or stem.startswith(_capacity_stems()):
            return False  # 年产3000台风电: a capacity, not a company
        if stem.endswith(suffix_ends("Company")):
            return False  # 生物科技: two industry words, no name
        return True
    if len(core.strip("()")) < 2 and typ != "Company":
        return False
    if typ in ("IndustrialPark", "Project"):
        rest = _after_leading_predicate(stem)  # 获批|国家高新区, 争创|省级X开发区
        if stem.startswith(rank_words()) or rest.startswith(rank_words()) or rest and is_generic(rest):
            return False  # 省级先进制造业开发区, 国家级X示范项目: a rank of designation, a class
        if _ranked_after_verb(stem):
            return False  # 将X园列为|省级特色产业园区: a designation given, no name
    toks = cut(stem)
    if typ in ("IndustrialPark", "Project") and toks[-1][1] == "t" and all(f[:1] in "vdp" for _, f in toks[:-1]):
        return False  # 破解|当前|工业园, 今年项目: a time after verbs says which, not a name (临泉|现代 is one)
    if typ == "IndustrialPark" and (PLURAL.search(stem) or stem[:1] == "全" and stem[1:2] in _level_chars()):
        return False  # 分成六个片区, 全省化工集中区: parks counted or all of a level's, not one named
    if typ == "Project" and stem.endswith(KIND_ADJECTIVE):
        return False  # 劳动密集型项目
    if typ == "Project" and toks[-1][0] in _visit_verbs():
        return False  # 实地查看|项目建设进度: the project is what a visit looks at, the verb no part of a name
    return not is_generic(core)


def _ranked_after_verb(stem: str) -> bool:
    """A verb in stem right before a rank of designation (列为|市级, 评为|省级): what follows is the
    class the verb's object is given."""
    pos = 0
    for w, f in cut(stem):
        pos += len(w)
        if len(w) >= 2 and f == "v" and stem.startswith(rank_words(), pos):
            return True
    return False


# tokens a class of projects is written with between 等 (or a count) and the head: nouns,
# adjectives, distinguishing words, numbers, places of comparison (重大交通, 亿元以上重点)
_CLASS_TAGS = ("n", "a", "b", "f", "m", "q", "j")
# the words that join the last item of a list to the others (A、B和C)
_LAST_JOIN = ("以及", "和", "及", "与")
# a list opened by its head: 签约项目包括A、B和C, 重点项目有A、B, 重点项目：1.A；2.B
_OPENER = re.compile(r"(?P<head>项目|工程|企业|公司)(?:清单|名单)?(?:主要|分别)?(?P<verb>包括|包含|有|为|是)?[：:]?")
# the count of a list closed without 等: A、B和C三个重点项目
# (the lookahead names the first character: the regex engine then skips to where one stands)
_COUNT_HEAD = re.compile(r"(?=[0-9两二三四五六七八九十])(?:[0-9]+|[两二三四五六七八九十]+)[个项](?P<mods>[\u4e00-\u9fff]{0,6}?)(?P<head>项目|工程)")
# the same of parks: A、B两个园区 (enum_heads.tsv, the heads of parks)


@lru_cache(maxsize=1)
def _park_count_rx() -> re.Pattern:
    """A count and a head of parks (enum_heads.tsv: 园区, 产业园) closing a list without 等: A、B两个园区."""
    heads = "|".join(re.escape(h) for h, t in sorted(_enum_heads().items(), key=lambda r: -len(r[0])) if t == "IndustrialPark")
    return re.compile(rf"(?=[0-9两二三四五六七八九十])(?:[0-9]+|[两二三四五六七八九十]+)[个家座](?P<mods>[\u4e00-\u9fff]{{0,4}}?)(?P<head>{heads})")


def _class_mods(mods: str, typ: str) -> bool:
    """The words between 等 and a list's head say what class its items are of: generic words
    (重点, 一批), or for projects a class of them written with nouns and adjectives (重大交通) or a
    status (签约); a verb or a function word there is another construction (与A等签约)."""
    if not mods or is_generic(mods):
        return True
    if typ != "Project":
        return False
    return all(f[:1] in _CLASS_TAGS or is_generic(w) for w, f in cut(mods))


def _closed_items(norm: str, end: int, floors: list[int]) -> list[tuple[int, int]]:
    """The items of a list that ends at end (A、B和C|等): each after the last clause boundary
    before it (和/及 kept inside: _split_last decides), separated by 、; right to left."""
    items: list[tuple[int, int]] = []
    j = end
    while len(items) < 30:
        start = left_edge(norm, j, floors, coord_inside=True)
        items.append((start, j))
        if start > 0 and norm[start - 1] == "、":
            j = start - 1
            continue
        join = next((w for w in _LAST_JOIN if norm.endswith(w, 0, start)), "") if len(items) == 1 else ""
        if join and _word_ends_at(norm, start - len(join), start):  # X项目东段和|Y大桥: 和 cut by a name before it
            j = start - len(join)
            continue
        break
    return items


def _split_last(norm: str, s: int, e: int, ok) -> list[tuple[int, int]]:
    """The last item of a list may hold the word that joins it to the others (A、B和C): split
    there when both sides are items (ok), else keep it whole (动力电池材料生产及回收 is one)."""
    pos = s
    for w, _ in cut(norm[s:e]):
        if w in _LAST_JOIN and pos > s and ok(s, pos) and ok(pos + len(w), e):
            return [(s, pos), (pos + len(w), e)]
        pos += len(w)
    return [(s, e)]


def _opened_items(norm: str, start: int) -> list[tuple[int, int]]:
    """The items of a list opened at start (项目包括|A、B和C，; 项目：|1.A；2.B): numbered items
    each to its first stop, or items separated by 、 and a last 和/及/以及 up to the first stop."""
    i = start
    while i < len(norm) and norm[i] in " \n\t":
        i += 1
    items: list[tuple[int, int]] = []
    if LIST_MARKER.match(norm, i):
        while len(items) < 30:
            m = LIST_MARKER.match(norm, i)
            if not m:
                break
            e = m.end()
            while e < len(norm) and norm[e] not in HARD_STOP and e - m.end() <= MAX_NAME:
                e += 1
            items.append((m.end(), e))
            i = e
            while i < len(norm) and norm[i] in "；;，, \n\t":
                i += 1
        return items
    e = i
    while e < len(norm) and norm[e] not in "，,。；;：:！!？?\n" and e - i <= 4 * MAX_NAME:
        e += 1
    pieces = _split_at(norm, i, e, "、")
    if pieces:
        a, b = pieces[-1]
        k = norm.find("等", a, b)
        if k >= 0:  # 包括A、B等领域: 等 and a class that is no project closes the list
            if norm[k + 1 : b].strip("等") and not _enum_rx().match(norm, k):
                return []
            pieces[-1] = (a, k)
    return pieces


def _split_at(norm: str, a: int, b: int, sep: str) -> list[tuple[int, int]]:
    out, k = [], a
    for p in range(a, b + 1):
        if p == b or norm[p] == sep:
            out.append((k, p))
            k = p + 1
    return out


def _list_item(norm: str, s: int, e: int, typ: str, region_full: set[str], floors: list[int]) -> tuple[int, int] | None:
    """An item of a list that its head may type: a name, not a class (基础设施, 公共服务: one
    dictionary word), a place or a count. A project item needs a specific part and two words at
    least (沿江|高铁, 南湖|隧道); the list's 等 is not part of it."""
    while e > s and norm[e - 1] == "等":
        e -= 1
    s = _quoted_start(norm, after_list_marker(norm, s, e), floors)
    pos = s
    for w, _ in cut(norm[s:e]):  # 与 is a preposition as often as a word of a list: no item spans it
        pos += len(w)
        if w == "与":
            s = pos
    item = norm[s:e]
    if not (2 <= len(item) <= (MAX_NAME if typ == "Project" else 16)) or is_generic(item) or item in region_full:
        return None
    if typ == "Company" and all_everyday(item):
        return None  # 电机电器、船舶等传统产业企业: industries, not names
    if typ == "Project":
        if PLURAL.search(item) or len(cut(item)) < 2 or is_common_word(item) or not has_specific(item):
            return None
    if typ == "IndustrialPark":  # a park's stem, its suffix aside: a name, no verb in it (园区分成|东)
        suf = next((x for x in suffix_ends("IndustrialPark") if item.endswith(x)), "")
        stem = item[: len(item) - len(suf)]
        if len(stem) < 2 or is_generic(stem) or not has_specific(stem) or any(len(w) >= 2 and f == "v" for w, f in cut(stem)):
            return None
    return s, e


def _enumerations(norm: str, cands: list[Mention], region_full: set[str], floors: list[int]) -> list[Mention]:
    """'A、B、C等N家企业', 'A、B和C三个项目', '项目包括A、B和C': the items without a type of their
    own take the head's type."""
    heads = _enum_heads()
    by_start = sorted(cands, key=lambda c: c.start)  # the candidates within an item are a slice
    starts = [c.start for c in by_start]
    lists: list[tuple[str, list[tuple[int, int]], tuple[int, int]]] = []  # (type, items, the head's span)
    for rx in (_enum_rx(), _trades_rx()):
        for m in rx.finditer(norm):
            typ = heads[m.group("head")]
            if _class_mods(m.group("mods"), typ):
                lists.append((typ, _closed_items(norm, m.start(), floors), m.span()))
    for m in _park_count_rx().finditer(norm):
        if m.start() > 0 and norm[m.start() - 1] not in "等0123456789" and (not m.group("mods") or is_generic(m.group("mods"))):
            lists.append(("IndustrialPark", _closed_items(norm, m.start(), floors), m.span()))
    for m in _COUNT_HEAD.finditer(norm):
        if m.start() > 0 and norm[m.start() - 1] not in "等0123456789" and _class_mods(m.group("mods"), "Project"):
            lists.append(("Project", _closed_items(norm, m.start(), floors), m.span()))
    for m in _OPENER.finditer(norm):
        if norm[m.end() - 1] not in "：:" and not (m.group("verb") and _word_ends_at(norm, m.start("verb"), m.end("verb"))):
            continue  # no verb or colon opens it (项目清单); 项目有序推进: 有 is part of a word
        typ = heads[m.group("head")]  # 企业包括A、B: a list of firms
        if typ == "Company" and not m.group("verb"):
            continue  # a colon after 企业 opens what is said of firms, not their names
        items = _opened_items(norm, m.end())
        if items and _list_item(norm, *items[0], typ, region_full, floors) is None:
            continue  # 项目为王、…: what follows the verb is no project, the list no list of them
        lists.append((typ, items, m.span()))
    out = []
    for typ, items, head in lists:
        if items:  # the last item written (first of a closed list, right to left)
            k = 0 if items[0][0] > items[-1][0] else len(items) - 1

            def ok(a: int, b: int, typ: str = typ) -> bool:
                return _list_item(norm, a, b, typ, region_full, floors) is not None

            items[k : k + 1] = _split_last(norm, *items[k], ok)
        if len(items) < 2:
            continue
        for s0, e0 in items:
            if typ == TRADES:  # A、B等领域: the items are trades, no names (find_orgs drops what they hold)
                out.append(Mention(TRADES, norm[s0:e0], s0, e0, rule="trades"))
                continue
            got = _list_item(norm, s0, e0, typ, region_full, floors)
            if got is None:
                continue
            s, e = got
            inner = [c for c in by_start[bisect.bisect_left(starts, s) : bisect.bisect_right(starts, e)] if c.end <= e]
            if typ == "Project" and any(_invested_park(c, s, e) for c in inner) and _invested(norm, items, head):
                # 引进A产业园、B产业园等N个重大项目: a park a list of projects brought in counts is one
                # invested in, a project (the park's candidate gives way: find_orgs drops it)
                out.append(Mention(typ, norm[s:e], s, e, rule="list-park"))
                continue
            if inner and not (typ == "Project" and all(c.type == "Company" and c.start == s and c.end < e for c in inner)):
                continue  # 正威集团深圳总部, or a company listed whole: the company inside is the entity
            out.append(Mention(typ, norm[s:e], s, e, rule="list"))
    return out


@lru_cache(maxsize=1)
def _investment_cues() -> tuple[str, ...]:
    """The words of investment brought in or signed (relation_cues.tsv hosts, joins, venue: 引进,
    入驻, 签约) and of its placement (located: 落户, 选址)."""
    return tuple(r["word"] for r in table("relation_cues.tsv") if r["cue"] in ("hosts", "joins", "venue", "located"))


CLAUSE_STOPS = frozenset("，,。;；!！?？\n")


def _invested(norm: str, items: list[tuple[int, int]], head: tuple[int, int]) -> bool:
    """The clause of a list of projects says they are investment brought in, signed or placed
    (引进A产业园、B产业园等N个项目, A产业园、B产业园等项目签约落地): its parks are investors' projects.
    Parks a list counts among the projects a place builds (A产业园、B产业园等一批重点项目加快建设)
    are the place's parks."""
    lo = min([a for a, _ in items] + [head[0]])
    hi = max([b for _, b in items] + [head[1]])
    while lo > 0 and norm[lo - 1] not in CLAUSE_STOPS:
        lo -= 1
    while hi < len(norm) and norm[hi] not in CLAUSE_STOPS:
        hi += 1
    clause = norm[lo:hi]
    return any(w in clause for w in _investment_cues())


def _invested_park(c: Mention, s: int, e: int) -> bool:
    """c is a park named by its suffix alone (no level word of the article's region: 县工业园)
    that is the whole list item [s, e)."""
    return c.type == "IndustrialPark" and c.rule == "park" and (c.start, c.end) == (s, e)


def after_firm(orgs: list[Mention]) -> dict[tuple[int, int], str]:
    """X有限公司Y项目: a project written after the legal name of the firm that builds it is also
    named by the words after that name (Y项目, as a text names it again or a list writes it),
    when they name one project themselves. By the span of each project so named."""
    firm_ends: dict[int, list[int]] = {}
    for c in orgs:
        if c.type == "Company" and c.surface.endswith(_bare_forms()):
            firm_ends.setdefault(c.start, []).append(c.end)
    out: dict[tuple[int, int], str] = {}
    ends = suffix_ends("Project")
    for m in orgs:
        if m.type != "Project":
            continue
        # the firm's name starts where the project's does, or before it (浙江|X有限公司Y项目: the
        # project's name left the province out)
        k = max((e for a in range(max(0, m.start - MAX_NAME), m.start + 1) for e in firm_ends.get(a, ())
                 if m.start < e < m.end), default=m.start) - m.start
        rest = m.surface[k:]
        suf = next((x for x in ends if rest.endswith(x)), "")
        stem = rest[: len(rest) - len(suf)] if suf else rest
        ph = PHASE.search(stem)
        if k and suf and len(stem) >= 2 and not (ph and ph.start() == 0) and not is_generic(stem) and is_project_stem(stem):
            out[(m.start, m.end)] = rest
    return out


def _runs_on(norm: str, c: Mention, project_end: dict[int, int]) -> bool:
    """An industry-word company whose name runs on into more words (缬氨酸生物合成...) is not a
    company, unless a project starts with it (米仓酒业原酒生产线项目). project_end: the furthest
    end of the candidate projects starting at each place."""
    if c.type != "Company" or c.rule != "industry" or c.end >= len(norm):
        return False
    if not ("\u4e00" <= norm[c.end] <= "\u9fff"):
        return False
    if project_end.get(c.start, -1) > c.end:  # a project starts with it
        return False
    w, f = (cut(norm[c.end : c.end + 4]) or [("", "")])[0]
    return len(w) >= 2 and f[:1] in ("n", "v", "j") and w not in boundary_set()


@lru_cache(maxsize=1)
def _industry_words() -> tuple[str, ...]:
    return tuple(suf for suf, typ, strength in suffixes() if typ == "Company" and strength == "industry")


class _Counts:
    """norm.count(s) for the names asked of one text. A count per candidate went over the whole
    text each time; past SHORT_TEXT the answer comes from an index of where each pair of
    characters stands, built on the first question (the same non-overlapping count)."""

    __slots__ = ("norm", "_at", "_seen")

    def __init__(self, norm: str) -> None:
        self.norm = norm
        self._at: dict[str, list[int]] | None = None
        self._seen: dict[str, int] = {}

    def __call__(self, name: str) -> int:
        n = self._seen.get(name)
        if n is None:
            norm = self.norm
            if len(name) < 2 or len(norm) <= SHORT_TEXT:
                n = norm.count(name)
            else:
                if self._at is None:
                    at: dict[str, list[int]] = {}
                    for p in range(len(norm) - 1):
                        at.setdefault(norm[p : p + 2], []).append(p)
                    self._at = at
                n, end = 0, -1
                for p in self._at.get(name[:2], ()):
                    if p >= end and norm.startswith(name, p):
                        n, end = n + 1, p + len(name)
            self._seen[name] = n
        return n


def _industry_phrase(norm: str, c: Mention, project_end: dict[int, int], places: "_Places", counts: _Counts) -> bool:
    """An industry-word company (no legal form) that names an industry, not a firm: one listed
    with a bare industry word (盐化工和新能源, X新材料、Y化工和新能源), or one a project's name
    (project_end: by a suffix; a phase right after a name says it is a firm's: 瑞康生物三期)
    starts with (冷链物流|配送中心项目, 矿用智能|装备项目) whose stem is no brand: no proper name in
    it and the name not used elsewhere in the text by itself (米仓|酒业原酒生产线项目 has one)."""
    if c.type != "Company" or c.rule != "industry":
        return False
    if _listed_with_industry(norm, c.end):
        return True
    end = project_end.get(c.start, -1)
    if end <= c.end:
        return False
    suf = next((w for w in _industry_words() if c.surface.endswith(w)), "")
    lead = 0  # the places the name starts with are where it is, not its brand (X镇|梨果冷链|物流)
    for a, b, _ in places.within(c.start, c.end):
        if a == lead:
            lead = b
    stem = c.surface[lead : len(c.surface) - len(suf)]
    toks = cut(stem)
    # a place the gazetteer does not know ends in its level character (X营|镇, 白沙镇): the brand follows it
    k = max((i + 1 for i, (w, _) in enumerate(toks) if w[-1:] in _level_chars()), default=0)
    if any(f in NAME_TAGS and f != "ns" for _, f in toks[k:]):
        return False
    if 2 <= len(stem) <= 4 and _unknown_word(stem) and any(f in ("nr", "ns", "nrfg", "nrt") for _, f in toks):
        # a stem jieba knows no word of, its characters read as names (华/ns 强/a), is a brand
        # (华强|电子); an industry is written in words (冷链|物流) or materials (钒/n 钛/nz, 鞋/n 服/v)
        return False
    return counts(c.surface) <= counts(norm[c.start : end])


def _listed_with_industry(norm: str, end: int) -> bool:
    """The words after end list industries: a coordinator, then a bare industry word (和新能源),
    or items that end in one (、现代煤化工和新能源)."""
    pos = end
    for _ in range(3):
        if pos >= len(norm) or norm[pos] not in LIST_JOIN:
            return False
        pos += 1
        if norm.startswith(_industry_words(), pos):
            return True
        j = pos
        while j < len(norm) and j - pos <= 8 and norm[j] not in HARD_STOP and norm[j] not in "和及与":
            j += 1
        if not norm[pos:j].endswith(_industry_words()):
            return False
        pos = j
    return False


COUNTED = re.compile(r"(?:[0-9]+|[两二三四五六七八九十几多数]+)家$")


def _item_ok(item: str, region_full: set[str]) -> bool:
    return 2 <= len(item) <= 8 and not (is_generic(item) or all_everyday(item) or item in region_full
                                        or is_common_word(item) or not has_specific(item))


def _shared_items(norm: str, a: int, b: int, region_full: set[str]) -> list[Mention]:
    """The names listed in norm[a:b] (、 和 及 与 between them), each a company as written."""
    out, k = [], a
    for m in re.finditer(r"[、和及与]|$", norm[a:b]):
        item = norm[k : a + m.start()]
        if not _item_ok(item, region_full):
            return []
        out.append(Mention("Company", item, k, a + m.start(), rule="list"))
        k = a + m.end()
    return out if len(out) >= 2 else []


def _list_neighbours(norm: str, cands: list[Mention], region_full: set[str]) -> list[Mention]:
    """聚鑫科技、世纪优服获批...: a short untyped item listed right after a company is a company."""
    out = []
    bound_rx = long_boundary_rx()
    spans = Spans((x.start, x.end) for x in cands)
    for c in cands:
        if c.type != "Company" or c.end >= len(norm) or norm[c.end] != "、":
            continue
        s = c.end + 1
        e = s
        while e < len(norm) and e - s <= 8 and norm[e] not in HARD_STOP and not bound_rx.match(norm, e):
            e += 1
        item = norm[s:e]
        if not (2 <= len(item) <= 8) or e - s > 8 or norm[e : e + 1] == "、" or "等" in item:
            continue  # a longer list, or an 等-list: the enumeration rule decides
        if spans.overlaps(s, e):
            continue
        if is_generic(item) or all_everyday(item) or item in region_full or is_common_word(item):
            continue
        out.append(Mention("Company", item, s, e, rule="list"))
    return out


def _settle(cands: list[Mention]) -> list[Mention]:
    """Drop duplicates and names inside a longer name of the same type (but keep a company inside
    a project: that is how developedBy is read). A company inside a park's name is an industry
    word (食品产业园), not a company; a park that starts with a company is that company's project."""
    # same span, two types: the order is explicit, never the set's (which follows the hash seed)
    cands = sorted(set(cands), key=lambda m: (m.start, -m.end, TYPE_ORDER.get(m.type, 9), m.rule, m.surface))
    # the spans of each type, asked "does a longer span of this type hold m?" in log time (a scan
    # of every candidate per candidate was the cost of a long text)
    of_type: dict[str, list[tuple[int, int]]] = {}
    for c in cands:
        of_type.setdefault(c.type, []).append((c.start, c.end))
    spans = {t: Spans(v) for t, v in of_type.items()}

    def inside(typ: str, m: Mention) -> bool:  # m lies inside a longer candidate of type typ
        return typ in spans and spans[typ].holds(m.start, m.end)

    out = []
    kept: set[tuple[int, int]] = set()
    for m in cands:
        if inside(m.type, m):
            continue
        if m.type == "Company" and m.rule == "industry" and inside("IndustrialPark", m):
            continue
        if m.type == "IndustrialPark" and inside("Project", m):
            continue
        if (m.start, m.end) in kept:
            continue
        out.append(m)
        kept.add((m.start, m.end))
    # a park whose name starts with a company: the company's project (X公司碳中和物联产业园)
    company_end: dict[int, int] = {}  # start -> the nearest end of a company starting there
    for c in out:
        if c.type == "Company" and c.end < company_end.get(c.start, INF):
            company_end[c.start] = c.end
    res = []
    for m in out:
        if m.type == "IndustrialPark" and company_end.get(m.start, INF) < m.end:
            m = Mention("Project", m.surface, m.start, m.end, rule="company-park")
        res.append(m)
    return res


# A short form defined in brackets right after a name: X公司(以下简称“X”), (简称X), (下称X),
# (以下称“X公司”). The form is that entity's alias, and each of its mentions is that entity's.
DEFINED = re.compile(
    r"\((?:以下|下文|后文)?(?:简称|下称|称)(?:为)?[:：]?[“\"「『]?(?P<short>[^()“”\"「」『』,，。;；、:：\s]{2,12}?)[”\"」』]?\)"
)
DEFINED_TYPES = ("IndustrialPark", "Company", "Project")


def defined_forms(norm: str, mentions: list[Mention]) -> list[tuple[Mention, str, int, int]]:
    """(the named mention, its short form, the form's span in the brackets) of each short form
    defined right after a park, a company or a project; the longest name ending at the bracket."""
    if "称" not in norm:
        return []
    named: dict[int, Mention] = {}  # end -> the longest such mention ending there
    for m in mentions:
        if m.type in DEFINED_TYPES and (m.end not in named or m.start < named[m.end].start):
            named[m.end] = m
    out = []
    for d in DEFINED.finditer(norm):
        full = named.get(d.start())
        short = d.group("short")
        if full is None or short == full.surface or is_generic(short):
            continue
        out.append((full, short, d.start("short"), d.end("short")))
    return out


def _defined_mentions(norm: str, cands: list[Mention], blocked: set[int]) -> list[Mention]:
    """The mentions of each defined short form (in the brackets and wherever else the text writes
    it) with the type of the name it shortens. A candidate within or across such a span is a
    reading of the form the definition settles; one holding it whole (its project) stays."""
    defs = defined_forms(norm, cands)
    if not defs:
        return cands
    typ_of: dict[str, str] = {}
    for full, short, _, _ in defs:
        typ_of.setdefault(short, full.type)
    shorts = sorted(typ_of)
    of_type: dict[str, list[tuple[int, int]]] = {}
    for c in cands:
        of_type.setdefault(c.type, []).append((c.start, c.end))
    longer = {t: Spans(v) for t, v in of_type.items()}
    ac = AhoCorasick(shorts, matchkind=MatchKind.LeftmostLongest)
    forms = []
    for i, s, e in ac.find_matches_as_indexes(norm):
        typ = typ_of[shorts[i]]
        if s in blocked or typ in longer and longer[typ].holds(s, e):
            continue  # inside an agency, or inside a longer name of its type (the full name itself)
        forms.append(Mention(typ, shorts[i], s, e, rule="defined"))
    starts = [f.start for f in forms]  # leftmost-longest: the forms do not overlap

    def cut_by_form(c: Mention) -> bool:  # c overlaps a form without holding it whole
        k = bisect.bisect_left(starts, c.end)
        while k > 0 and forms[k - 1].end > c.start:
            f = forms[k - 1]
            if (c.type, c.start, c.end) == (f.type, f.start, f.end) or not (c.start <= f.start and f.end <= c.end):
                return True
            k -= 1
        return False

    kept = [c for c in cands if not cut_by_form(c)]
    return sorted(kept + forms, key=lambda m: (m.start, -m.end, TYPE_ORDER.get(m.type, 9), m.rule, m.surface))
