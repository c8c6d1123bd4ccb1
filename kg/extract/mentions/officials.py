"""Official mentions: [body] TITLE (、[body] TITLE)* NAME, from a title lexicon and surnames.

Journalists, editors and hosts never match: their roles are not in the title lexicon.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.model import Mention, Text
from kg.resources import table, words
from kg.extract.gazetteer import head_titles, level_words
from kg.extract.literals import Literals
from kg.extract.segment import cut, is_common_word, is_everyday_token, word_info
from kg.extract.mentions.names import LIST_JOIN
from kg.extract.mentions.regions import SHORT_TEXT, Spans

HAN = re.compile(r"[\u4e00-\u9fff]")
HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
# the characters that follow a name and never end one (name_followers.txt: 在, 还, 作): they break
# a 2/3-character tie and end a name's run
AFTER_NAME = frozenset(words("name_followers.txt"))
NOT_IN_NAME = set("副市区县局委长记省镇乡旗主任书党组")


@dataclass(frozen=True, slots=True)
class TitleClaim:
    """A title the text gives an official, as written, before resolution reads it as a post
    (kg.model.Post) in an agency."""

    title: str
    kind: str  # head (of a government) | attach (to the body before it) | party (attach, or the
    # party committee of the region before it) | body (names its body) | none
    org: Mention | None  # the body or region written right before the title
    body: str = ""  # kind body: the body the title names (全国人大代表: 全国人民代表大会)
    after: bool = False  # written after the name (李刚市长, 王建国书记): the article's own level's
    government: bool = False  # after a government written alone in a chain (、办事处主任): the
    # government of the region of the post before


@dataclass(frozen=True, slots=True)
class OfficialMention:
    mention: Mention
    posts: tuple[TitleClaim, ...]


@lru_cache(maxsize=1)
def _titles() -> list[tuple[str, str]]:
    """titles.tsv and the head titles of every level (levels.tsv: 县长, 副盟长, 专员), longest first."""
    rows = {t: "head" for t in head_titles()}
    rows.update((r["title"], r["kind"]) for r in table("titles.tsv") if r["kind"] != "private")
    return sorted(rows.items(), key=lambda t: (-len(t[0]), t[0]))


@lru_cache(maxsize=1)
def _private_rx() -> re.Pattern:
    """The posts outside public bodies (titles.tsv kind private: 董事长, 校长), longest first."""
    posts = sorted((r["title"] for r in table("titles.tsv") if r["kind"] == "private"), key=lambda t: (-len(t), t))
    return re.compile("|".join(re.escape(t) for t in posts))


@lru_cache(maxsize=1)
def _surnames() -> tuple[set[str], set[str]]:
    ws = words("surnames.txt")
    return {w for w in ws if len(w) == 1}, {w for w in ws if len(w) == 2}


@lru_cache(maxsize=1)
def _title_rx() -> tuple[re.Pattern, dict[str, str]]:
    titles = _titles()
    return re.compile("|".join(re.escape(t) for t, _ in titles)), dict(titles)


@lru_cache(maxsize=1)
def _title_literals() -> Literals:
    """The titles of _title_rx, found once per text: agencies, officials and the titles after
    names all ask where titles stand."""
    return Literals(t for t, _ in _titles())


@lru_cache(maxsize=1)
def _first_chars() -> tuple[frozenset[str], re.Pattern]:
    """The characters a surname starts with, and a pattern finding them."""
    singles, doubles = _surnames()
    firsts = frozenset(singles | {d[0] for d in doubles})
    return firsts, re.compile("[" + re.escape("".join(sorted(firsts))) + "]")


class Occurrences:
    """norm.count(name) and norm.find(name) for the names after titles, from one index of the
    text: where each pair of characters that starts with a surname character stands. A count
    or a find per candidate name went over the whole text each time, quadratic in its length.
    Built on the first question; every answer kept."""

    __slots__ = ("norm", "_at", "_seen")

    def __init__(self, norm: str) -> None:
        self.norm = norm
        self._at: dict[str, list[int]] | None = None
        self._seen: dict[str, tuple[int, int]] = {}  # name -> (count, first position)

    def _where(self, name: str) -> tuple[int, int]:
        hit = self._seen.get(name)
        if hit is not None:
            return hit
        firsts, rx = _first_chars()
        norm = self.norm
        if len(name) < 2 or name[0] not in firsts or len(norm) <= SHORT_TEXT:
            # not a name's form, or a text short enough that str.count (in C) beats the index
            hit = (norm.count(name), norm.find(name))
        else:
            if self._at is None:
                at: dict[str, list[int]] = {}
                for m in rx.finditer(norm):
                    p = m.start()
                    at.setdefault(norm[p : p + 2], []).append(p)
                self._at = at
            count, first, end = 0, -1, -1
            for p in self._at.get(name[:2], ()):
                if p >= end and norm.startswith(name, p):  # as str.count: no two overlap
                    count, end = count + 1, p + len(name)
                    if first < 0:
                        first = p
            hit = (count, first)
        self._seen[name] = hit
        return hit

    def count(self, name: str) -> int:
        return self._where(name)[0]

    def find(self, name: str) -> int:
        return self._where(name)[1]


def title_rx() -> re.Pattern:
    """Every title (titles.tsv and the head titles), longest first, in one alternation."""
    return _title_rx()[0]


def title_at(norm: str, i: int) -> tuple[str, str] | None:
    t = _title_literals().hits(norm).match(i)
    return (t, _title_rx()[1][t]) if t else None


def title_hits(norm: str) -> list[tuple[int, str]]:
    """(start, title) of the titles in norm left to right, as title_rx().finditer finds them."""
    return _title_literals().hits(norm).all()


def find_officials(text: Text, regions: list[Mention], agencies: list[Mention]) -> list[OfficialMention]:
    norm = text.norm
    by_end: dict[int, Mention] = {}
    for rm in regions:
        by_end.setdefault(rm.end, rm)
    for am in agencies:  # an agency beats a region ending at the same place
        by_end[am.end] = am
    # where each body or region is written from (a park's committee: from the park's name on),
    # for the chains of posts: 巢湖市委书记、安巢经开区管委会主任
    by_start: dict[int, list[int]] = {}
    for end, bm in by_end.items():
        by_start.setdefault(_written_start(norm, bm), []).append(end)
    taken = Spans((m.start, m.end) for m in agencies)
    spans = Spans((m.start, m.end) for m in [*regions, *agencies])
    occ = Occurrences(norm)
    out: list[OfficialMention] = []
    i, n = 0, len(norm)
    kinds = _title_rx()[1]
    titles = _title_literals().hits(norm)
    while i < n:
        m = titles.search(i)
        if not m:
            break
        i = m[0]
        hit = (m[1], kinds[m[1]])
        if taken.overlaps(i, i + 1) and _elided_body(norm, i, m[1], by_end) is None:  # any(s <= i < e)
            i += 1
            continue
        if hit[1] == "member" and not (i in by_end and by_end[i].type == "Agency"):
            i += len(hit[0])  # 企业代表: a member's title only after its body (省人大代表)
            continue
        if hit[1] == "none" and len(next(iter(cut(norm[i : i + len(hit[0]) + 4])), ("", ""))[0]) > len(hit[0]):
            i += len(hit[0])  # 领导干部, 领导班子: a title of no body that starts a longer word
            continue
        if any(norm.endswith(r, 0, i + len(hit[0])) for r in _credit_titles().get(hit[0], ())):
            i += len(hit[0])  # 值班主任：王刚: a newsroom's role in a byline, no public post
            continue
        if hit[1] == "none" and i not in by_end and not _level_before(norm, i) and _before_names(norm, i, NOT_NAME_POS):
            i += len(hit[0])  # 落实|领导包联责任: a title of no body right after a verb is no one's title
            continue
        if i not in by_end and norm.endswith(_company_forms(), 0, i):
            i += len(hit[0])  # 集团副主席, 公司主任: a post in a company, not a public one
            continue
        posts: list[TitleClaim] = []
        pos = i
        before = ""  # what the body before the title is, when no mention is: unknown | government
        while hit:
            t, k = hit
            kind, _, body = k.partition(":")  # titles.tsv writes body:NAME
            org = by_end.get(pos) or _elided_body(norm, pos, t, by_end)
            if org is None and kind in ("attach", "party") and _lone_level(norm, pos, t):
                kind, before = "head", ""  # 自治区副主席: the head of the article's 自治区
            if before == "unknown":  # 、省现代化工产业链链长: a body the lexicons do not know
                kind = "none"
            if kind == "member":  # 人大代表: a member of the body before it; no body, no post
                kind = "attach" if pos in by_end and by_end[pos].type == "Agency" else "none"
            gov = before == "government" and kind in ("attach", "party")
            if org is None and not posts and kind in ("attach", "party"):
                org = _deputy_of(norm, pos, t, out)  # 县政协主席王刚,副主席李明: the body before
            elif org is None and not posts and kind == "head":
                org = _head_after(norm, pos, out)  # 邵东市委书记王刚、市长李明: the region before
            posts.append(TitleClaim(t, kind, org, body, government=gov))
            pos += len(t)
            nxt = _next_title(norm, pos, by_start)
            if nxt is None:
                break
            pos, hit, before = nxt
        # a colon only after a post that names its body or level (县长：王刚, 县领导：王刚; not a
        # contact line's 主任：王刚)
        pos = _name_start(norm, pos, occ, any(p.org is not None or p.kind != "attach" for p in posts))
        # 人大代表和政协委员: a title joined to the next by 和, not a name of the surname 和
        name = _name_at(norm, pos, occ) if norm[pos : pos + 1] not in LIST_MARKS else None
        if name:
            om = Mention("Official", name, pos, pos + len(name), titles=tuple(p.title for p in posts))
            out.append(OfficialMention(om, tuple(posts)))
            i = pos + len(name)
            # 副县长王强、刘明、陈东: names listed after one title, each holding its posts
            while (nxt := _listed_name(norm, i, by_start, occ)) is not None:
                om = Mention("Official", nxt[1], nxt[0], nxt[0] + len(nxt[1]), titles=om.titles)
                out.append(OfficialMention(om, tuple(posts)))
                i = om.end
        elif (
            norm.startswith((")", "）"), pos)
            and (s := _written_start(norm, by_end[i]) if i in by_end else i) > 0
            and norm[s - 1] in "(（"
            and (name := _name_before(norm, s - 1, {o.mention.surface for o in out}, spans, occ))
        ):
            # 李刚(市委副书记、市长): the posts in brackets after the name
            om = Mention("Official", name, s - 1 - len(name), s - 1, titles=tuple(p.title for p in posts))
            out.append(OfficialMention(om, tuple(posts)))
            i = pos
        else:
            i = pos
    return _with_titles_after(norm, out, by_end, spans, occ)


SPACES = " \xa0\t"  # what a page writes between a title and a name (the ideographic space is " ")
GAP = 2  # at most this many of them


def _past_spaces(norm: str, pos: int) -> int:
    """Where the name after a title starts: pos, or past a gap of spaces when a Han character
    follows it (县委书记 王刚, 县长\xa0李明)."""
    k = pos
    while k < len(norm) and k - pos < GAP and norm[k] in SPACES:
        k += 1
    return k if k > pos and k < len(norm) and HAN.match(norm[k]) else pos


def _elided_body(norm: str, i: int, title: str, by_end: dict[int, Mention]) -> Mention | None:
    """The department a title at i shares its first character with, written as the body's last
    (宣传部长: 宣传部 + 部长, 公安局长: 公安局 + 局长): the body ending right after that character."""
    m = by_end.get(i + 1)
    if m is None or m.type != "Agency" or len(title) < 2 or norm[i] != title[0] or not m.surface.endswith(title[0]):
        return None
    return m


def _level_before(norm: str, i: int) -> bool:
    """Is a level's brief (县, 州, 地) written right before i, with 级 or not (县领导, 州级领导)?"""
    k = i - 1 if norm[i - 1 : i] == "级" else i
    return any(norm.endswith(b, 0, k) for b in _briefs())


@lru_cache(maxsize=1)
def _briefs() -> tuple[str, ...]:
    return tuple(sorted({w.brief for w in level_words() if w.brief}, key=lambda b: (-len(b), b)))


def _lone_level(norm: str, i: int, title: str) -> bool:
    """Is a head's title that titles.tsv reads otherwise (主席 of a 政协) written right after its
    level's brief alone, no division's name before it (、自治区副主席, 。自治区主席): the head of
    that level's government, the article's own (as 县长 alone)?"""
    brief = head_titles().get(title, "")
    s = i - len(brief)
    return bool(brief) and s >= 0 and norm.startswith(brief, s) and (s == 0 or not HAN.match(norm[s - 1]))


NOTE = 4  # at most this many characters of a note in brackets after a title (挂职, 正处级)
COPULAS = set("有是为")  # a verb that says who holds the title before it (市领导有王刚、李明)
COLONS = ":"  # a list's colon after a title (县领导：王刚、李明; the normaliser writes ： as :)


def _name_start(norm: str, pos: int, occ: Occurrences, named: bool = True) -> int:
    """Where the name after a title starts: pos; past a caption's spaces (县委书记 王刚); past a
    copula written as a word of its own (市领导有|王刚; not 副县长|有关部门) or a list's colon
    (县领导:王刚、李明), where a name of a surname follows them, one the list goes on or ends
    after (not 县委书记:王刚说, a speaker's words). Spaces and colons only after posts that name
    their body or level (named)."""
    k = _past_spaces(norm, pos) if named else pos
    if norm[k : k + 1] == "(" and 0 < (close := norm.find(")", k, k + NOTE + 2)) - k - 1 <= NOTE:
        if HAN_RUN.fullmatch(norm, k + 1, close) and close + 1 < len(norm) and HAN.match(norm[close + 1]):
            k = close + 1  # 副县长(挂职)王刚: a note on the post between it and the name
    j = k
    if norm[j : j + 1] in COPULAS and next(iter(cut(norm[j : j + 6])), ("", ""))[0] == norm[j]:
        j += 1
    colon = named and norm[j : j + 1] in COLONS
    if colon:
        j += 1
        while j < len(norm) and j - k < GAP + 2 and norm[j] in SPACES:
            j += 1
    if j == k:
        return k
    singles, doubles = _surnames()
    if not (norm[j : j + 1] in singles or norm[j : j + 2] in doubles):
        return k
    if colon:
        name = _name_at(norm, j, occ)
        if not name or (j + len(name) < len(norm) and norm[j + len(name)] not in AFTER_LISTED - set("等和及与")):
            return k
    return j


DEPUTY = ("常务副", "副")  # what a deputy's title is written with before the principal's


def _deputy_of(norm: str, i: int, title: str, found: list[OfficialMention]) -> Mention | None:
    """A deputy's title written alone right after the name of the principal of a body and a
    mark (县政协主席王刚,副主席李明; 管委会主任张华、副主任刘强): the principal's body, where the
    deputy's title is the principal's with 副 before it."""
    prev = found[-1] if found else None
    if prev is None or i < 1 or norm[i - 1] not in ",，、" or prev.mention.end != i - 1 or not prev.posts:
        return None
    last = prev.posts[-1]
    base = next((title[len(d) :] for d in DEPUTY if title.startswith(d)), "")
    if not base or last.org is None or last.org.type != "Agency" or last.title.removeprefix("常务") != base:
        return None
    return last.org


def _head_after(norm: str, i: int, found: list[OfficialMention]) -> Mention | None:
    """A head's title written alone right after the name of a person posted in a body and a mark
    (邵东市委书记王刚、市长李明; 某县县委书记王刚,县长李明): that person's body, which places the
    head's government where its level fits (resolve: else the article's own of that level)."""
    prev = found[-1] if found else None
    if prev is None or i < 1 or norm[i - 1] not in ",，、" or prev.mention.end != i - 1 or not prev.posts:
        return None
    org = prev.posts[-1].org
    return org if org is not None and org.type == "Agency" else None


# a name is written after these (and marks), never inside one: 由王刚市长主持, 和王刚书记, 在王刚书记陪同下
BEFORE_NAME = set("由和与及对向请陪同据有在")
# what follows a title written after a name: its visit's party, a name's address, a list's end
AFTER_TITLE = ("一行", "同志", "等")


def _with_titles_after(
    norm: str, found: list[OfficialMention], by_end: dict[int, Mention], spans: Spans, occ: Occurrences
) -> list[OfficialMention]:
    """NAME + a head or party title (李刚市长一行, 王建国书记强调, 张华县长指出): the official,
    with a post in the article's own body of that title. Only titles that name their body by
    their level (heads: 市长, 旗长) or by the party (书记); a title that attaches to a body
    written before it (主任, 局长) says nothing here. Merged with the others in text order."""
    kinds = _title_rx()[1]
    known = {o.mention.surface for o in found}
    used = Spans((o.mention.start, o.mention.end) for o in found)
    extra: list[OfficialMention] = []
    for i, t in title_hits(norm):
        j = i + len(t)
        kind = kinds[t]
        if kind == "none" and (e := _etc_before(norm, i)) > 0:
            # 王刚、李明等县领导出席: the names listed before 等 and a title of no body
            claim = (TitleClaim(t, kind, None, after=True),)
            s, listed, whole = e, [], False
            while (prev := _name_before(norm, s, known, spans, occ)) and not used.overlaps(s - len(prev), s):
                s -= len(prev)
                listed.append(OfficialMention(Mention("Official", prev, s, s + len(prev), titles=(t,)), claim))
                if s < 2 or norm[s - 1] not in LISTED_BEFORE:
                    whole = True  # the list starts after a mark or a word before names
                    break
                s -= 1
            extra += listed if whole else []  # 华星公司张三、李四等领导: a firm's people, no list of names
            continue
        if kind not in ("head", "party") or i in by_end or spans.overlaps(i, j) or used.overlaps(i, j):
            continue
        if not _ends_title(norm, i, j):
            continue
        name = _name_before(norm, i, known, spans, occ) or _dotted_before(norm, i, spans)
        if not name:
            continue
        om = Mention("Official", name, i - len(name), i, titles=(t,))
        claim = (TitleClaim(t, kind, None, after=True),)
        extra.append(OfficialMention(om, claim))
        s = om.start  # 王刚、李明副县长: the names listed before the one the title follows hold it too
        while s > 1 and norm[s - 1] in LISTED_BEFORE and (prev := _name_before(norm, s - 1, known, spans, occ)):
            if used.overlaps(s - 1 - len(prev), s - 1):
                break
            s -= 1 + len(prev)
            extra.append(OfficialMention(Mention("Official", prev, s, s + len(prev), titles=(t,)), claim))
    return sorted([*found, *extra], key=lambda o: (o.mention.start, o.mention.end))


LISTED_BEFORE = "、"  # what joins names listed before a title written after the last of them
ETC = "等"  # what ends a list of names before a title of no body (王刚、李明等县领导)


def _etc_before(norm: str, i: int) -> int:
    """Where 等 stands before a title at i, with a level's brief between them or none (等县领导,
    等领导); -1 for none."""
    for b in ("", *_briefs()):
        k = i - len(b) - len(ETC)
        if k > 0 and norm.startswith(ETC + b, k):
            return k
    return -1


DOTS = "·•・‧"  # the middle dots a minority name's parts are written with (DOTTED)


def _dotted_before(norm: str, i: int, spans: Spans) -> str | None:
    """A name in parts with a middle dot that ends at i (阿力木江·克里木州长): its last part the
    run from the last dot, its first the run before that dot back to a mark or a character
    written before names (由, 在); each of two to DOTTED_LAST characters."""
    d = max(norm.rfind(c, max(0, i - DOTTED_LAST - 1), i) for c in DOTS)
    if d < 2 or not 2 <= i - d - 1 <= DOTTED_LAST or not HAN_RUN.fullmatch(norm, d + 1, i):
        return None
    s = d
    while s > 0 and HAN.match(norm[s - 1]) and norm[s - 1] not in BEFORE_NAME and d - s < DOTTED_LAST:
        s -= 1
    if d - s < 2 or (s > 0 and HAN.match(norm[s - 1]) and norm[s - 1] not in BEFORE_NAME):
        return None  # no start of a name found (a run longer than a name's part)
    if spans.overlaps(s, i) or any(title_at(norm, k) for k in range(s, i)):
        return None
    return norm[s:i]


def _ends_title(norm: str, i: int, j: int) -> bool:
    """Does the title at i..j end where the words do, before a mark, 一行/同志/等, or the words
    after a name (强调, 指出)? Not 镇长期 (长期), 县长远."""
    if j >= len(norm) or not HAN.match(norm[j]):
        return True
    if norm.startswith(AFTER_TITLE, j):
        return True
    toks = cut(norm[i : j + 6])
    at = 0
    for tok, _ in toks:  # the title is whole words of the text
        at += len(tok)
        if at >= j - i:
            break
    if at != j - i:
        return False
    after = norm[j : j + 6]
    nxt = next(iter(cut(after)), ("", ""))[0]
    return norm[j] in AFTER_NAME or _words_after(nxt)


def _name_before(norm: str, i: int, known: set[str], spans: Spans, occ: Occurrences) -> str | None:
    """The name that ends at i, written after a mark or a word that stands before names (由, 和):
    a name already found after a title first; else the only reading that fits."""
    singles, doubles = _surnames()
    fits = []
    for k in (2, 3, 4):
        s = i - k
        if s < 0:
            break
        name = norm[s:i]
        if not HAN_RUN.fullmatch(name) or spans.overlaps(s, i):
            continue
        sur = name[:2] if name[:2] in doubles else name[:1]
        if sur not in singles and sur not in doubles or len(name) - len(sur) not in (1, 2):
            continue
        if any(ch in NOT_IN_NAME for ch in name[len(sur) :]) or (is_common_word(name) and not _known_name(name)):
            continue
        before = norm[s - 1] if s > 0 else ""
        if name in known:
            return name
        if not before or not HAN.match(before) or before in BEFORE_NAME or _before_names(norm, s):
            fits.append(name)
    return fits[0] if len(fits) == 1 else None


BEFORE_NAME_POS = {"v", "d", "c", "p", "u", "ul", "uj", "t", "f"}  # 听取了, 感谢, 会后, 期间, 随后


def _before_names(norm: str, s: int, more: set[str] | frozenset[str] = frozenset()) -> bool:
    """Does a verb, adverb, particle or time word (or a word of the parts of speech more) end
    right at s, as jieba cuts what is before it (听取了|王刚县长的汇报, 感谢|王刚书记, 会后|王刚书记)?"""
    toks = cut(norm[max(0, s - 4) : s])
    return bool(toks) and (toks[-1][1] in BEFORE_NAME_POS or toks[-1][1] in more)


@lru_cache(maxsize=1)
def _credit_titles() -> dict[str, tuple[str, ...]]:
    """The byline roles (credit_roles.tsv) that end in a title, by that title (主任: 值班主任)."""
    out: dict[str, list[str]] = {}
    for r in table("credit_roles.tsv"):
        for t, _ in _titles():
            if len(r["word"]) > len(t) and r["word"].endswith(t):
                out.setdefault(t, []).append(r["word"])
    return {t: tuple(rs) for t, rs in out.items()}


@lru_cache(maxsize=1)
def _company_forms() -> tuple[str, ...]:
    """The endings that alone make a company (集团, 有限公司; org_suffixes.tsv strength legal)."""
    return tuple(r["suffix"] for r in table("org_suffixes.tsv") if r["type"] == "Company" and r["strength"] == "legal")


def _written_start(norm: str, m: Mention) -> int:
    """Where a mention's surface is written from: its start, or, for a name built around the
    body (高新区管委会 with the park's name before the body), the start of that name."""
    s = m.end - len(m.surface)
    return s if s < m.start and norm[s : m.end] == m.surface else m.start


# what ends a name in a list of names: a mark, or a function character (等, 和)
AFTER_LISTED = set("、,，。;；:：!！?？)）\n") | set("等和及与")
LIST_MARKS = set(LIST_JOIN)  # what joins the names of a list (a set: an empty string is in none)


def _listed_name(norm: str, end: int, by_start: dict[int, list[int]], occ: Occurrences) -> tuple[int, str] | None:
    """After a name at end: 、 (or 和, 及, 与) then another name, no title or body before it, and
    after it the list goes on or ends (a mark, 等, or the words after the list: 参加, 出席)."""
    j = end + 1
    if end >= len(norm) or norm[end] not in LIST_MARKS or title_at(norm, j) or j in by_start:
        return None
    name = _name_at(norm, j, occ)
    if not name:
        return None
    k = j + len(name)
    if k < len(norm) and norm[k] not in AFTER_LISTED and not _words_after(next(iter(cut(norm[k : k + 6])), ("", ""))[0]):
        return None
    return j, name


UNKNOWN_BODY = 12  # at most this many characters of a body the lexicons do not know
COMPANY_BODY = 30  # at most this many of a company's name before a post in it (X有限公司董事长)
CHAIN_MARKS = "、,和兼"  # what joins the titles of one person (副县长兼县工信局局长)
UNKNOWN_MARKS = "、,兼"  # of them, those a body the lexicons do not know may follow


def _next_title(norm: str, pos: int, by_start: dict[int, list[int]]):
    """After one title: '、' (',', 兼) then maybe a body/region, then another title:
    (where the title starts, (title, kind), what the body before it is when no mention is:
    "" for a mention or none, unknown, government)."""
    gap = _past_spaces(norm, pos)
    if gap > pos:  # 县委副书记 县长 李明: a caption's space between two titles, a known one after it
        for k in sorted(by_start.get(gap, ()), reverse=True):
            if hit := title_at(norm, k):
                return k, hit, ""
        return (gap, hit, "") if (hit := title_at(norm, gap)) else None
    if pos < len(norm) and norm[pos] in CHAIN_MARKS:
        j = pos + 1
        # 全国人大代表、来宾市市长: a region or body, then a title; also where a title starts with
        # the body's name (县委常委、纪委书记: the 纪委's 书记, not a post attached to the 县委)
        for k in sorted(by_start.get(j, ()), reverse=True):
            hit = title_at(norm, k)
            if hit:
                return k, hit, ""
            if (hit := title_at(norm, k - 1)) and hit[0][0] == norm[k - 1] and len(hit[0]) > 1:
                return k - 1, hit, ""  # 、宣传部长: the title shares the body's last character
        hit = title_at(norm, j)
        if hit:
            return j, hit, ""
        if norm[pos] in UNKNOWN_MARKS:  # 、省现代化工产业链链长: a body we do not know, then a title
            rx, kinds = _title_rx()
            m = rx.search(norm, j, j + UNKNOWN_BODY + 4)
            if m and m.start() > j and HAN_RUN.fullmatch(norm, j, m.start()) and m.start() - j <= UNKNOWN_BODY:
                # 、行署专员, 、办事处主任: a government written alone, the one of the chain's region
                return m.start(), (m.group(), kinds[m.group()]), (
                    "government" if norm[j : m.start()] in _government_forms() else "unknown"
                )
            # 全国人大代表、公司董事长: a post outside public bodies goes on with the chain, no post;
            # the company's name may be long (、江西某某集团有限公司董事长)
            m = _private_rx().search(norm, j, j + COMPANY_BODY + 4)
            if m and HAN_RUN.fullmatch(norm, j, m.end()) and (
                m.start() - j <= UNKNOWN_BODY or norm.endswith(_company_forms(), j, m.start())
            ):
                return m.start(), (m.group(), "none"), "unknown"
    return None


@lru_cache(maxsize=1)
def _government_forms() -> frozenset[str]:
    """How a level's government is written alone (人民政府, 政府, 行政公署, 行署, 办事处):
    levels.tsv government, with its forms in agencies.tsv."""
    govs = {w.government for w in level_words() if w.government}
    forms = set(govs)
    for r in table("agencies.tsv"):
        if r["body"] in govs:
            forms.update(f for f in r["forms"].split("|") if f)
    return frozenset(forms)


# a name of a minority written in parts with a middle dot (巴特尔·吉日格拉): the parts before the
# last run up to a dot; the last one ends where the words after it begin
DOTTED_LAST = 8  # at most this many characters in one part
DOTTED = re.compile(r"(?:[\u4e00-\u9fff]{1,%d}[%s]){1,3}(?=[\u4e00-\u9fff])" % (DOTTED_LAST, DOTS))


NOT_NAME_POS = {"v", "vn", "vd", "d", "p", "c", "u", "a", "ad", "l", "i", "m", "q"}


def _starts_words(tok: str) -> bool:
    """Does a token start the words after a name: a verb, adverb, idiom ... (出席), or a phrase
    of four or more that starts with one (主持会议)?"""
    return word_info(tok)[1] in NOT_NAME_POS or (len(tok) >= 4 and word_info(tok[:2])[1] in NOT_NAME_POS)


def _dotted_name(norm: str, pos: int) -> str | None:
    m = DOTTED.match(norm, pos)
    if not m or any(title_at(norm, k) for k in range(pos, m.end())):
        return None  # 、行署专员艾尔肯·X: a title before the dotted name is no part of it
    last = ""
    for tok, _ in cut(norm[m.end() : m.end() + DOTTED_LAST]):
        if not HAN_RUN.fullmatch(tok) or tok[0] in AFTER_NAME or (len(tok) > 1 and (_starts_words(tok) or is_everyday_token(tok))):
            break  # 通报, 近日: the words after the name
        last += tok
    last = last[:DOTTED_LAST]
    return m.group() + last if len(last) >= 2 else None


NAME_RUN = 5  # the longest name written without a dot (乌力吉巴图)
ENDS_NAMES_TOO = set("和一")  # of AFTER_NAME, the characters that end names too (吕贵和, 魏尊一)
NAME_FINAL = set("长书")  # of NOT_IN_NAME, the characters that may end a name: they name no body


def _is_boundary(norm: str, k: int) -> bool:
    """Do the words after a name start at k: a mark, a title, a character that follows names
    (在, 和, 等), or a word of two or more characters that is everyday vocabulary or starts the
    words after a name (出席, 主持会议, 近日, 分别)?"""
    if k >= len(norm) or not HAN.match(norm[k]) or norm[k] in AFTER_NAME or title_at(norm, k):
        return True
    tok = next(iter(cut(norm[k : k + 6])), ("", ""))[0]
    return len(tok) >= 2 and _words_after(tok)  # not 阿|苦日布: one character may be a name's


def _words_after(tok: str) -> bool:
    """Is a token the first of the words after a name: one that starts them (出席, 先后), or an
    everyday word of two or more characters (现场, 近日)?"""
    return _starts_words(tok) or (len(tok) >= 2 and is_everyday_token(tok))


def _no_words_inside(name: str) -> bool:
    """A long run that holds no everyday word of two characters, read anywhere in it or as
    the dictionary cuts it: a name written in the sounds of a minority language (沙马拉哈)."""
    if any(ch in NOT_IN_NAME for ch in name):
        return False
    if any(is_everyday_token(name[a : a + 2]) for a in range(len(name) - 1)):
        return False
    return not any(len(tok) >= 2 and tag not in NAME_TAGS and word_info(tok)[0] >= KNOWN_WORD for tok, tag in cut(name))


NAME_TAGS = {"nr", "nrt", "nrfg", "ns"}
KNOWN_WORD = 100  # a dictionary word this frequent is a word of the text (带队), not a name's sounds


def _run_name(norm: str, pos: int, sur: str) -> str | None:
    """The name as the run of characters from pos to where the words after it begin (州长沙马拉哈
    主持, 市领导黄德胜出席), where jieba's words would cut it short: a run of a surname and one or
    two characters as a Han name, a longer one (or one with no surname, 娜仁高娃) only when it
    holds no everyday word."""
    k = next((k for k in range(pos + 1, pos + NAME_RUN + 1) if _is_boundary(norm, k)), None)
    if k is None:
        return None
    name = norm[pos:k]
    if not HAN_RUN.fullmatch(name):
        return None
    if sur and len(name) - len(sur) in (1, 2):
        # a character of titles and bodies stands inside a name (刘长河), never at its end (李明镇),
        # but for one that names no body, ending a name of three that no title starts at (林文书向,
        # 刘润长率; not 王刚书记)
        if name[-1] in NOT_IN_NAME and not (
            name[-1] in NAME_FINAL and len(name) - len(sur) == 2 and not title_at(norm, k - 1)
        ):
            return None
        if is_common_word(name) and not _known_name(name):
            return None
        return name
    if len(name) < 3 + (len(sur) > 1) or not _no_words_inside(name):
        return None
    if not sur and (name[0] in AFTER_NAME or any(_a_word(name[a : a + 2]) for a in range(len(name) - 1))):
        return None  # no surname (娜仁高娃): no word of the dictionary in it at all (对江苏)
    return name


def _a_word(w: str) -> bool:
    freq, tag = word_info(w)
    return freq > 0 and tag not in ("nr", "nrt")


def _name_at(norm: str, pos: int, occ: Occurrences | None = None) -> str | None:
    if dotted := _dotted_name(norm, pos):
        return dotted
    singles, doubles = _surnames()
    sur = norm[pos : pos + 2] if norm[pos : pos + 2] in doubles else norm[pos : pos + 1]
    if sur not in singles and sur not in doubles:
        return _run_name(norm, pos, "")
    if len(sur) == 1 and _opens_predicate(norm[pos : pos + 2]):
        return None  # 李书记强调要求: a verb after a title written after a surname, no name
    name = _word_name(norm, pos, sur, occ)
    run = _run_name(norm, pos, sur)  # the run to the words after it, where it is longer
    return run if run and (not name or len(run) > len(name)) else name


PREDICATE_POS = {"v", "vd", "d", "c", "p", "ad"}  # 强调, 来到, 曾经, 于是, 从, 明确


def _opens_predicate(word: str) -> bool:
    """Is a surname's character and the one after it a frequent word that opens a predicate (强调,
    安排, 来到, 宣布, 明确), not the start of a name (高强, 高峰 are names, 关心 a noun)?"""
    freq, tag = word_info(word)
    return tag in PREDICATE_POS and freq >= KNOWN_WORD


def _word_name(norm: str, pos: int, sur: str, occ: Occurrences | None) -> str | None:
    """The surname and one or two characters, as the text's other occurrences and the words
    after it tell."""
    g = pos + len(sur)
    given = ""
    while len(given) < 2 and g + len(given) < len(norm) and HAN.match(norm[g + len(given)]):
        given += norm[g + len(given)]
    if not given:
        return None
    c2, c3 = sur + given[:1], sur + given
    name = c3 if len(given) == 2 and _prefer_three(norm, c2, c3, occ) else c2
    inner = name[len(sur) :]
    if name == c3 and inner[-1] in NAME_FINAL and not title_at(norm, g + 1):
        inner = inner[:-1]  # 林文书向: a character of titles ends a name where no title starts
    if any(ch in NOT_IN_NAME for ch in inner) or (is_common_word(name) and not _known_name(name)):
        return None
    return name


def _known_name(name: str) -> bool:
    """A three-character word the dictionary knows as a person's name (nr): after a title, a
    name, however often it stands in the dictionary's texts (two-character nr words are often
    everyday words: 明白, 宁可); any word it tags as a person's full name (nrfg)."""
    pos = word_info(name)[1]
    return (len(name) == 3 and pos == "nr") or pos == "nrfg"


def _prefer_three(norm: str, c2: str, c3: str, occ: Occurrences | None = None) -> bool:
    occ = occ or Occurrences(norm)
    n3, n2 = occ.count(c3), occ.count(c2)
    if n3 >= 2:
        return True
    if n2 > n3:  # the two-character form stands elsewhere with another character after it
        return False
    if c3[-1] in AFTER_NAME:
        # 吕贵和参加, 魏尊一，: a character that also ends names, where no name follows it but a
        # mark or the words after a name
        at = occ.find(c3) + len(c3)
        after = norm[at : at + 6]
        if c3[-1] not in ENDS_NAMES_TOO or not after:
            return False
        if after[0] in AFTER_LISTED - set("等和及与"):
            return True
        return c3[-1] == "和" and _starts_words(next(iter(cut(after)), ("", ""))[0])  # not 王刚一到
    # 刘海带队, 林鹏介绍: the third character starts an everyday word, so the name has two
    at = occ.find(c3)
    nxt = norm[at + 2 : at + 4]
    return not (len(nxt) == 2 and is_common_word(nxt))
