"""The grammar of park, company and project names that more than one finder reads: the suffixes
of each type (org_suffixes.tsv), where a name ending at a suffix starts (its left edge), and the
places written before a park's name that are not part of it.

A name starts after the last clause boundary before it: punctuation, or a verb or function
word from boundary_words.txt that stands as a word of its own (jieba, with a domain dictionary
so 碳中和 stays one word).
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from kg.extract.gazetteer import load
from kg.model import Mention
from kg.refs import Code, code_of
from kg.resources import longest_first, table, words
from kg.extract.segment import cut

MAX_NAME = 28
LIST_JOIN = "、和及与"  # what joins the items of a list (A、B和C); a comma may end a clause instead
HARD_STOP = set("，,。、；;：:！!？?“”\"'‘’《》「」『』【】[]—…·|\n\r\t <>/")
# where a name cannot reach across: a hard stop, a parenthesis, any white space
_STOP = re.compile("[" + re.escape("".join(sorted(HARD_STOP | {"(", ")"}))) + r"]|\s")
COORD = ("和", "及", "与", "暨")
ROUTE = "至"  # A至B: the two ends of a road or a line
PHASE = re.compile(words("phase_pattern.txt")[0])
# the number of a list item: inside parentheses (三), (12); written before the item it heads
# (2.X项目, (四)X项目, 三、X项目; not 1.5万吨)
LIST_MARK = re.compile(r"[0-9一二三四五六七八九十]+")
LIST_MARKER = re.compile(r"\([一二三四五六七八九十0-9]{1,3}\)|[0-9]{1,2}[.、](?![0-9])|[一二三四五六七八九十]{1,3}、")


def after_list_marker(norm: str, start: int, end: int) -> int:
    """A name starts after the number of the list item it heads (2.X公司, (四)X项目)."""
    m = LIST_MARKER.match(norm, start)
    return m.end() if m and m.end() < end else start


@lru_cache(maxsize=1)
def suffixes() -> list[tuple[str, str, str]]:
    """(suffix, type, strength), longest first."""
    rows = [(r["suffix"], r["type"], r["strength"]) for r in table("org_suffixes.tsv")]
    return sorted(rows, key=lambda r: -len(r[0]))


@lru_cache(maxsize=None)
def suffix_ends(typ: str | None = None) -> tuple[str, ...]:
    return tuple(suf for suf, t, _ in suffixes() if typ is None or t == typ)


@lru_cache(maxsize=1)
def rank_words() -> tuple[str, ...]:
    """The ranks of a designation (rank_words.txt: 国家级, 省级), longest first: a park or project
    name that starts with one names a class, not one park or project."""
    return longest_first("rank_words.txt")


@lru_cache(maxsize=1)
def _long_boundaries() -> tuple[str, ...]:
    return tuple(b for b in _boundaries() if len(b) >= 2)


@lru_cache(maxsize=1)
def long_boundary_rx() -> re.Pattern:
    return re.compile("|".join(re.escape(b) for b in _long_boundaries()))


BRANCH = "分公司"  # a branch: X分公司 is the branch's own name, its parent's name written first


@lru_cache(maxsize=1)
def ownership_nouns() -> tuple[str, ...]:
    """The words of ownership (旗下, 下属, 子公司: ownership_cues.tsv, parent), longest first: what
    follows one is the owned company's own name (X集团旗下|Y公司), not more of X's, and a name
    never ends in one (X的全资子公司 is no company). Not 分公司: a branch is named after its
    parent (X公司湖北分公司)."""
    owned = {r["word"] for r in table("ownership_cues.tsv") if r["cue"] == "parent" and r["word"] != BRANCH}
    return tuple(sorted(owned, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def located_cues() -> frozenset[str]:
    """The words that say a place follows (relation_cues.tsv located: 位于, 选址, 落户): what is
    named after one is the place, none of the words before it."""
    return frozenset(r["word"] for r in table("relation_cues.tsv") if r["cue"] == "located")


@lru_cache(maxsize=1)
def _boundaries() -> tuple[str, ...]:
    """boundary_words.txt, the words of ownership and the words of placement, longest first."""
    return tuple(sorted(set(longest_first("boundary_words.txt")) | set(ownership_nouns()) | located_cues(),
                        key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def boundary_set() -> frozenset[str]:
    return frozenset(_boundaries())


# a rate written with a slash (8000吨/年, 30万方/年, 500t/d): a number and its unit before the
# slash, a period after it
_PER = ("年", "日", "天", "月", "时", "小时", "a", "d", "h")
_RATE = re.compile(r"[0-9][0-9.]*[万亿千]?[\u4e00-\u9fffA-Za-z]{1,2}$")


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def left_edge(
    norm: str, end: int, floors: list[int] | None = None, coord_inside: bool = False, keep_last: bool = False
) -> int:
    """Where a name ending at `end` starts: after the last clause boundary before it.

    floors: ends of mentions already found (officials' names, agencies); a name never starts
    before one. coord_inside: 和/及/与 may join words inside the name (project names do).
    """
    i = end
    k = bisect.bisect_right(floors, end) if floors else 0  # floors are sorted
    lim = max(floors[k - 1] if floors and k else 0, end - MAX_NAME)
    while i > lim:
        # the nearest stop before i: search the span reversed, so the regex engine does the walk
        m = _STOP.search(norm[lim:i][::-1])
        if m is None:
            i = lim
            break
        i -= m.start()
        if norm[i - 1] == " " and i - 1 > lim and _latin(norm[i - 2]) and _latin(norm[i : i + 1]):
            i -= 1  # words of a Latin name are spaced (Micro OLED): the space is inside the name
            continue
        if norm[i - 1] == "/" and norm[i : i + 1] in _PER and _RATE.search(norm, max(lim, i - 10), i - 1):
            i -= 1  # a rate is one figure: 8000吨/年X项目 runs on before the slash
            continue
        if norm[i - 1] == ")":  # keep short parentheses inside a name: 氢装上阵(海东)公司
            j = norm.rfind("(", lim, i - 1)
            if j >= 0 and i - j <= 10 and not LIST_MARK.fullmatch(norm, j + 1, i - 1):  # (三) numbers a list
                i = j
                continue
        break
    return _cut_words(norm, i, end, coord_inside, keep_last)


def _cut_words(norm: str, start: int, end: int, coord_inside: bool, keep_last: bool = False) -> int:
    """Move start past the last boundary word that stands as a word of its own."""
    after_list = start > 0 and norm[start - 1] == "、"
    return start + _words_cut(norm[start:end], after_list, coord_inside, keep_last)


@lru_cache(maxsize=65536)
def _words_cut(span: str, after_list: bool, coord_inside: bool, keep_last: bool) -> int:
    """Where a name starts within span (cached: the same stretches of text recur in a region's news)."""
    toks = cut(span)
    pos = 0
    cuts: list[int] = []
    bset = boundary_set()
    for i, (w, f) in enumerate(toks):
        if len(w) == 1 and _in_unknown_word(toks, i):
            pos += len(w)  # 顺/p 丰/a 速/ng 运, 客/n 都/d: a character of a name jieba does not know
            continue
        if w == ROUTE and coord_inside and pos > 0 and i + 1 < len(toks) and toks[i + 1][1] == "ns":
            pos += len(w)  # X镇至Y县快速通道工程: a route from a place to a place is one name
            continue
        if w in bset or w in COORD or f in ("p", "c", "uj", "ul", "u", "r") and w not in ("中", "之"):
            if pos == 0 and after_list and (
                w in COORD or len(w) == 1 and f == "p" and i + 1 < len(toks) and len(toks[i + 1][0]) == 1
            ):
                # a list never starts with 和 (、和盛动力 is a name), nor with a preposition before a
                # character jieba leaves alone (、同|翎|彩印: a name it does not know; 、在|园区 stays a clause)
                pos += len(w)
                continue
            if w in COORD and coord_inside:
                # 玉米淀粉和工业乙醇: coordination inside a name unless the left part holds a name
                # (X项目现场和Y项目: two projects)
                left = span[cuts[-1] if cuts else 0 : pos]
                if not holds_project(left):
                    pos += len(w)
                    continue
            if not (keep_last and (pos + len(w) == len(span) or _works_tail(span, pos) or _works_of(toks, i, bset))):
                cuts.append(pos + len(w))  # 中铁建设集团 keeps its 建设
        pos += len(w)
    # boundary words jieba glued to the name's first word (全力做优王老吉 -> 做/优)
    s = cuts[-1] if cuts else 0
    rx = long_boundary_rx()
    while True:
        m = rx.match(span, s)
        if not m or len(span) - m.end() < 2:
            break
        s = m.end()
    return s


@lru_cache(maxsize=1)
def works_words() -> tuple[str, ...]:
    """works_words.txt: what is done to a thing (改造, 提升, 扩建), longest first."""
    return longest_first("works_words.txt")


def _works_tail(span: str, k: int) -> bool:
    """span[k:] is only works words (码头|提升改造, 污水处理厂|扩建): a boundary word that starts
    them is the first of what is done to the thing named before it, the name's own."""
    ww = works_words()
    if k >= len(span):
        return False
    while k < len(span):
        w = next((x for x in ww if span.startswith(x, k)), "")
        if not w:
            return False
        k += len(w)
    return True


def _works_of(toks, i: int, bset: frozenset[str]) -> bool:
    """toks[i] is a works word after the noun of what is worked on and before more of a trade
    (水利|建设|投资有限公司, 交通|建设|投资集团): a compound of the name, no verb of the clause
    before it (园区|建设|华瑞X公司: a name follows the verb)."""
    if i == 0 or toks[i][0] not in works_words():
        return False
    pw, pf = toks[i - 1]
    nw, nf = toks[i + 1] if i + 1 < len(toks) else ("", "")
    return (
        len(pw) >= 2 and pf[:1] == "n" and pf != "nr" and pw not in bset
        and len(nw) >= 2 and nf in ("n", "vn", "v") and nw not in bset  # the trade goes on (建设|投资), no name starts
    )


# jieba's tags of the characters that are words of the clause on their own (function words,
# numbers, measure words, directions), never the characters of a name it does not know
_FUNCTION_TAGS = frozenset({"p", "c", "u", "uj", "ul", "r", "m", "q", "f", "d"})


def _name_char(tok: tuple[str, str], bset: frozenset[str]) -> bool:
    """A character that jieba leaves alone and that is no function word, level word or boundary:
    a piece of a name it does not know."""
    w, f = tok
    return (
        len(w) == 1 and "\u4e00" <= w <= "\u9fff" and f not in _FUNCTION_TAGS and w not in bset
        and w not in _level_words()
    )


def _in_unknown_word(toks, i: int) -> bool:
    """The one-character function word at toks[i] sits inside a name jieba does not know and so
    splits into characters: a character of a name is right before it and a noun after it
    (客|都|食品), or, for a character jieba calls a preposition only by its tag (顺 is no word
    of boundary_words.txt), two name characters follow it (顺|丰|速|运). A word that opens a
    clause stays a boundary before a name it does not know (在|鑫源, 的|云溪)."""
    bset = boundary_set()
    if toks[i][1] in ("uj", "ul"):
        return False  # 内|的|内蒙古: 的 and 了 close the phrase before them, whatever jieba tags the character before
    if i > 0 and toks[i][0] not in COORD and _name_char(toks[i - 1], bset) and i + 1 < len(toks):
        nxt, tag = toks[i + 1]
        if toks[i][1] == "p" and tag == "ns" and len(nxt) >= 2:
            return False  # 选址|在|东城: a preposition before a place opens the place's phrase
        if tag[:1] == "n" or tag == "eng" or _name_char(toks[i + 1], bset):
            return True  # 客|都|食品; not 厂|将|建设: a verb after it, the function word is one
    if toks[i][0] in bset or toks[i][0] in COORD or toks[i][1] == "u":
        return False  # 在|鑫|源, 和|岩|溪, 的|云|溪: a word that opens a clause or joins a list
    return i + 2 < len(toks) and _name_char(toks[i + 1], bset) and _name_char(toks[i + 2], bset)


@lru_cache(maxsize=1)
def _level_words() -> frozenset[str]:
    """省, 市, 县, 镇 ...: a level character alone is a place word of the clause."""
    from kg.extract.gazetteer import deixis_words

    return frozenset(w for w in deixis_words() if len(w) == 1) | frozenset("镇乡村区")


def holds_project(s: str) -> bool:
    """A project suffix or phase anywhere in s."""
    return any(suf in s for suf in suffix_ends("Project")) or bool(PHASE.search(s))


def region_starts(regions: list[Mention]) -> dict[int, Mention]:
    """The places of a text that name one division, by where they start (the last one, of two
    starting there)."""
    return {m.start: m for m in regions if isinstance(m.place, Code)}


def strip_region_qualifiers(
    norm: str, start: int, stem_end: int, regions: list[Mention], at: dict[int, Mention] | None = None
) -> int:
    """扬州市江都区江都高新区 -> 江都高新区: places written before a park name that names its own
    place are context, not part of the name. at: region_starts(regions), built once by a caller
    that asks for every park of a text (built here, it cost a pass over all places per park)."""
    gaz = load()
    if at is None:
        at = region_starts(regions)
    while start in at and at[start].end < stem_end and at[start].end in at:
        nxt = at[at[start].end]
        full = nxt.surface == gaz.by_code[code_of(nxt.place)].name  # region_starts: named divisions only
        if not (full or nxt.place == at[start].place):  # 三亚崖州湾科技城 keeps its 三亚
            break
        start = nxt.start
    return start
