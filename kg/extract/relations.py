"""Entities of one article + its sentences -> relations (Links between handles, keyed later),
each with the sentence it was read from."""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache

from kg.extract.gazetteer import Gazetteer, level_rank, load, qualifiers
from kg.extract.segment import is_common_word
from kg.extract.mentions.names import LIST_JOIN
from kg.extract.mentions.regions import Spans
from kg.model import Evidence, Mention
from kg.extract.resolve import ArticleContext, Handle, Link, Resolved, evidence, legal_forms, resolve_deixis
from kg.resources import table, words

LIST_NEXT = "、,和及与"
GROUP = "集团"  # the head word of a group of companies
BRANCH = "分公司"  # a branch: of the company its name starts with
PROJECT = "项目"  # the head word of a project
COMPANY, FIRM = "公司", "企业"  # the head words of a company, bare: the company named before
LOCATED = "located|joins"  # a place follows: 位于X, 落户X, 入驻X
HOSTS = "hosts|joins"  # a park before the company brings it in: 园区引进X, 园区入驻X
INSIDE = "内里中"  # the inside of a place, before 的: 园区内的X, 县里的X
FRAMES = ("scope", "go", "located", "joins")  # the cues that make the place after them a scope


@lru_cache(maxsize=None)
def _cue_words(cue: str, file: str = "relation_cues.tsv") -> tuple[str, ...]:
    """The words of a cue file (relation_cues.tsv: trip, located, hosts, joins, scope, venue;
    ownership_cues.tsv: build, parent, copula) for one cue or several (located|joins), longest
    first, each once."""
    kinds = cue.split("|")
    return tuple(sorted({r["word"] for r in table(file) if r["cue"] in kinds}, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=None)
def _cue(cue: str, file: str = "relation_cues.tsv") -> re.Pattern:
    """Any word of _cue_words(cue, file), the longest first."""
    return re.compile("|".join(re.escape(w) for w in _cue_words(cue, file)))


@lru_cache(maxsize=None)
def _frame_before() -> re.Pattern:
    """A scope-setting word that ends just before a place: 在X, 位于X, 落户X. Not a trip (赴X):
    what a delegation visits is there, what it brings home is not (赴X洽谈…项目). A located word
    may take a scope word after it (建设地点在X, 选址于X, 坐落在X): the located word is the cue (w)."""
    return re.compile("(?P<w>" + _cue("|".join(FRAMES)).pattern + ")(?:" + _cue("scope").pattern + r")?\s*:?\s*$")  # 建设地点:X


@lru_cache(maxsize=None)
def _longest_cue() -> int:
    """How far before a place a scope word may start: its length, a colon and a space."""
    return 2 + len(_cue_words("|".join(FRAMES))[0])


@lru_cache(maxsize=None)
def _park_anaphora() -> re.Pattern:
    ws = sorted(words("park_anaphora.txt"), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in ws))


def _owned(cue: str) -> re.Pattern:
    return _cue(cue, "ownership_cues.tsv")


_PARA_END = re.compile(r"\n")
_COLON = re.compile(r"[:：]")
_HARD_END = re.compile(r"[。!！?？\n]")  # what ends a list its colon opens (a semicolon parts its items)
_LIST_REACH = 600  # how far such a list is read
CLAUSE_END = re.compile(r"[,，;；。!！?？:：\n]")


def find_relations(ctx: ArticleContext, gaz: Gazetteer | None = None) -> list[Link]:
    gaz = gaz or load()
    out: dict[tuple[Handle, str, Handle], list[Evidence]] = {}
    seen: dict[tuple[Handle, str, Handle], set[Evidence]] = {}  # out's evidence as sets: `in` a list was quadratic
    text = ctx.text

    def rel(h: Handle, r: str, t: Handle | None, ev: Evidence | None) -> None:
        if t is None or h == t or h not in ctx.entities or t not in ctx.entities:
            return
        evs = out.setdefault((h, r, t), [])
        if ev:
            have = seen.setdefault((h, r, t), set())
            if ev not in have:
                have.add(ev)
                evs.append(ev)

    def ev(m: Mention | None) -> Evidence | None:
        return evidence(text, ctx.article_id, m) if m else None

    def first(e: Resolved) -> Mention | None:
        return min(e.mentions, key=lambda m: m.start) if e.mentions else None

    ents = ctx.entities
    for official, agency, _title, mm in ctx.memberships:
        rel(official, "memberOf", agency, ev(mm))
    for agency, region in ctx.agency_region.items():
        rel(agency, "jurisdiction", region, ev(first(ents[agency])))

    # partOf: direct parent, both in the article. The gazetteer says so, not a sentence: no
    # evidence, so the fact sits in the article's graph, not in the graph of a sentence
    for e in list(ents.values()):
        if e.type == "Region":
            d = gaz.get(e.region)
            if d and d.parent and (parent := ctx.region(d.parent)) is not None:
                rel(e.handle, "partOf", parent, None)

    focal = ctx.region(ctx.focal) if ctx.focal else None
    by_sentence = _mentions_by_sentence(ctx)

    title_park = _title_park(ctx)
    places = _Places(ctx)
    park_region: dict[Handle, Handle] = {}
    scopes = _Scopes(ctx, by_sentence)
    for e in [x for x in ents.values() if x.type == "IndustrialPark"]:
        m = first(e)
        # 县经济开发区, 市高新区: the region its level word names (resolve.py), whatever the focal one
        place = ctx.region(e.region) if e.region else None
        if place is None:
            place = _explicit_place(ctx, e, gaz, places, located_only=True) or _possessed(e, scopes)
            if place is None:
                place = _explicit_place(ctx, e, gaz, places) or _zone_of(ctx, e, places) or (title_park if e.handle != title_park else None) or focal
                place = _narrower_scope(ctx, e, place, scopes, gaz) or place
            place = _no_wider_than_focal(ctx, place, gaz)
        if (narrower := _narrower_where(ctx, e, place, scopes, gaz, park_region)) is not None:
            # 园区所在的X镇: stated as well as the place the park had (its name's, the article's)
            rel(e.handle, "locatedIn", place, ev(m))
            place = narrower
        rel(e.handle, "locatedIn", place, ev(m))
        if place is not None and ents[place].type == "Region":
            park_region[e.handle] = place

    subsidiaries = _subsidiaries(ctx, by_sentence, places)
    seats = _seats_by_reference(ctx, scopes)
    # a title that visits the park it names (X赴Y园调研, 考察Y园): the tour of a park
    visited_park = title_park if title_park is not None and _cue("trip|visit").search(ctx.title or "") else None
    for e in [x for x in ents.values() if x.type == "Company"]:
        m = first(e)
        place = (next((k for cm in sorted(e.mentions, key=lambda x: x.start) if (k := scopes.located_after(cm))), None)
                 or seats.get(e.handle) or scopes.where_after(e) or _possessed(e, scopes) or _written_before(ctx, e, scopes, gaz)
                 or _company_place(ctx, e, by_sentence, gaz, scopes))
        for cm in sorted(e.mentions, key=lambda x: x.start) if place is None else ():
            if place is not None:
                break  # found at an earlier mention
            s0, s1 = ctx.text.sentences[ctx.text.sentence_of(cm.start)]
            if _owned("parent").match(ctx.text.norm, cm.end + ctx.text.norm.startswith("的", cm.end)):
                continue  # 察看了X集团旗下Y公司的项目: what is seen is Y's; X is named as its owner
            if _cue("visit").search(ctx.text.norm, s0, s1):
                # 在X期间调研了Y公司: what a visit in X sees is in X (an event in X is not)
                place = _no_wider_than_focal(ctx, scopes.nearest(cm, wide=False), gaz)
        if place is None and visited_park is not None and _visited(ctx, e):
            place = visited_park  # the tour of a park: the firms it goes to (来到X, 在X、Y) are in it
        elif place is None and (subj := _clause_subject_in_region(ctx, e, scopes, gaz)) is not None:
            place = subj  # X区…,A、B获批…: the firms a clause of the region's sentence is about
        elif place is None and _among_firms(ctx, e):
            # counted among the firms of the place whose scope it is in (万安县:…已引进X等企业8家),
            # else of the park or region the article is about
            place = _scope_within_focal(ctx, e, scopes, gaz) or title_park or focal
        elif place is None and (own := _named_after_own(ctx, e, scopes, gaz)) is not None:
            # the article's region (or the place within it its name holds) only for a firm named
            # after it or counted among its firms: the others an article names (investors,
            # builders, partners, groups) have their seats elsewhere
            place = own
        elif place is None:
            place = _qualified_seat(ctx, e, gaz)
        rel(e.handle, "locatedIn", place, ev(m))

    for e in [x for x in ents.values() if x.type == "Project"]:
        m = first(e)
        # the nearest place stated: one its own name holds, else the scope its clause, sentence
        # or paragraph sets; the article's region only when nothing nearer is stated
        at: Mention | None = m
        place = _own_place(ctx, e, scopes, gaz) or _possessed(e, scopes) or _written_before(ctx, e, scopes, gaz)
        place = _narrower_site(ctx, e, place, scopes, gaz, park_region) or place
        for pm in sorted(e.mentions, key=lambda x: x.start):
            if place is not None:
                break
            at, place = pm, scopes.nearest(pm)
        place = _site_said_after(ctx, e, place, scopes, gaz, park_region) or place
        place = _narrower_where(ctx, e, place, scopes, gaz, park_region) or place
        place = _no_wider_than_focal(ctx, place, gaz)
        if place is not None and ents[place].type == "IndustrialPark":
            rel(e.handle, "locatedIn", place, ev(at))
            rel(e.handle, "locatedIn", park_region.get(place, focal), ev(at))
        else:
            rel(e.handle, "locatedIn", place or focal, ev(at))
            if place is None or place == focal:
                rel(e.handle, "locatedIn", title_park, ev(m))
        for owner in _project_owners(ctx, e, m, by_sentence, places, subsidiaries):
            rel(e.handle, "developedBy", owner, ev(m))

    for child, parent, said in subsidiaries:
        rel(child, "subsidiaryOf", parent, ev(said))

    return [Link(h, r, t, tuple(evs)) for (h, r, t), evs in out.items()]


def _mentions_by_sentence(ctx: ArticleContext) -> dict[int, list[tuple[Mention, Handle]]]:
    res: dict[int, list[tuple[Mention, Handle]]] = {}
    for e in ctx.entities.values():
        for m in e.mentions:
            res.setdefault(ctx.text.sentence_of(m.start), []).append((m, e.handle))
    for v in res.values():
        v.sort(key=lambda x: x[0].start)
    return res


class _Places:
    """What find_relations asks of all of an article's entities, indexed once (each on first
    use): a pass over every region mention per park, every park mention per zone and every
    company per project made a long article's relations quadratic in its length."""

    def __init__(self, ctx: ArticleContext) -> None:
        self._ctx = ctx
        self._regions: tuple[list[int], list[tuple[int, tuple[Mention, Handle]]]] | None = None
        self._parks: tuple[list[int], list[tuple[int, Handle]]] | None = None
        self._owners: dict[str, Handle] | None = None

    def regions_within(self, lo: int, hi: int) -> list[tuple[Mention, Handle]]:
        """Region mentions starting in [lo, hi], in the order of a walk over ctx.entities."""
        if self._regions is None:
            regions = [(m, e.handle) for e in self._ctx.entities.values() if e.type == "Region" for m in e.mentions]
            order = sorted(range(len(regions)), key=lambda n: regions[n][0].start)
            self._regions = ([regions[n][0].start for n in order], [(n, regions[n]) for n in order])
        starts, items = self._regions
        hits = items[bisect.bisect_left(starts, lo) : bisect.bisect_right(starts, hi)]
        return [x for _, x in sorted(hits, key=lambda h: h[0])]

    def park_mentions_within(self, lo: int, hi: int) -> list[tuple[int, Handle]]:
        """(start, entity) of the mentions of parks not named 片区 that start in [lo, hi)."""
        if self._parks is None:
            parks = sorted(
                (pm.start, e.handle)
                for e in self._ctx.entities.values()
                if e.type == "IndustrialPark" and not e.name.endswith("片区")
                for pm in e.mentions
            )
            self._parks = ([s for s, _ in parks], parks)
        starts, items = self._parks
        return items[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]

    def owner_by_prefix(self, name: str) -> Handle | None:
        """The company with the longest alias (or name, or a group's brand: two characters or
        more) that name starts with; of two with that alias, the first. None when none."""
        if self._owners is None:
            owners: dict[str, Handle] = {}
            firms = [c for c in self._ctx.entities.values() if c.type == "Company"]
            for c in firms:
                for a in sorted(c.aliases | {c.name, c.core} - {""}):
                    if len(a) >= 2:
                        owners.setdefault(a, c.handle)
            # a group's brand, its name without 集团 (欧菲光 of 欧菲光集团): after every name written
            for c in firms:
                for a in sorted(c.aliases | {c.name, c.core} - {""}):
                    if a.endswith(GROUP) and len(a) - len(GROUP) >= 2:
                        owners.setdefault(a[: -len(GROUP)], c.handle)
            self._owners = owners
        for n in range(len(name), 1, -1):
            key = self._owners.get(name[:n])
            if key is not None:
                return key
        return None

    def parent_by_prefix(self, company: Resolved) -> Handle | None:
        """The group a company's name starts with (X集团榆林化学有限公司 of X集团, X集团工程公司
        of X集团): a company named 集团, or any company when the name ends 分公司, with a name
        of its own left after it."""
        self.owner_by_prefix("")  # the index
        assert self._owners is not None
        name = company.name
        for n in range(len(name) - 2, 1, -1):
            key = self._owners.get(name[:n])
            if key is None or key == company.handle:
                continue
            parent = self._ctx.entities[key]
            rest = name[n:]
            for form in legal_forms():
                if rest.endswith(form):
                    rest = rest[: -len(form)]
                    break
            if len(rest) >= 2 and (parent.name.endswith(GROUP) or name.endswith(BRANCH)):
                return key
        return None


class _Scopes:
    """The places the text sets as the scope of what it says next, found once per article.

    A place mention (region or park, not inside another name) sets a scope when a scope word is
    just before it (在X, 于X, 位于X, 落户X; the places listed with it share the word) and no
    venue verb follows it (在省会签署: where people met, not where the project is), nor 的 after
    在 (在X的支持下); or when it is the subject of its sentence (its first mention, at the start
    of a clause, not a list item). A scope holds for its clause and the rest of its sentence; a
    scope word that opens its sentence (在X,…) holds to the end of the paragraph or the next such
    opening. Every question is a bisection: linear in the article, whatever its sentences."""

    def __init__(self, ctx: ArticleContext, by_sentence) -> None:
        self._ctx = ctx
        norm = ctx.text.norm
        self._clause_ends = [m.start() for m in CLAUSE_END.finditer(norm)]
        self._para_ends = [m.start() for m in _PARA_END.finditer(norm)]
        self._every = sorted(
            ((m.start, -m.end, e.handle, n) for e in ctx.entities.values() for n, m in enumerate(e.mentions)),
        )
        self._every_starts = [x[0] for x in self._every]
        top: list[tuple[int, int, Handle]] = []  # place mentions inside no other mention
        reach, reach_span = -1, (-1, -1)
        for st, neg_end, k, _ in self._every:
            en = -neg_end
            inside = reach >= en and reach_span != (st, en)
            if en > reach:
                reach, reach_span = en, (st, en)
            if not inside and ctx.entities[k].type in ("Region", "IndustrialPark"):
                top.append((st, en, k))
        anaphors = self._park_anaphors(top)
        self.anaphors = anaphors  # (start, end, park) of each park word, in text order
        top = sorted(top + anaphors)
        end_at = {st: en for st, en, _ in top}
        before, venue, located = _frame_before(), _cue("venue"), _cue(LOCATED)
        self.frames: list[tuple[int, Handle, bool, bool]] = []  # (start, place, opens its paragraph, located)
        self._listed: set[int] = set()  # frames of several places listed under one scope word
        self._ends: list[int] = []  # where each frame's place ends
        self._going: set[int] = set()  # frames a verb of going sets (来到X, 走进X)
        going = _cue("go")
        # where each outermost mention of any entity ends, by its start: a list of places may hold
        # other items (来到A园、B公司和C镇)
        outer_end: dict[int, int] = {}
        reach = -1
        for st, neg_end, _, _ in self._every:
            if -neg_end > reach:
                reach = -neg_end
                outer_end[st] = max(outer_end.get(st, -1), -neg_end)
        prev: tuple[int, int, Handle, bool, bool] | None = None  # the last framed place
        head: dict[int, tuple[bool, bool]] = {}  # 走进X镇的Y园: the place after 的 heads the phrase
        for st, en, k in top:
            if st in head:
                # the scope word's phrase is Y (X的Y: X only places Y, as possessor says)
                opens, loc = head.pop(st)
                if venue.match(norm[en : en + 6].lstrip()):
                    prev = None
                    continue
                self.frames.append((st, k, opens, loc))
                self._ends.append(en)
                prev = (st, en, k, opens, loc)
                continue
            cue = before.search(norm, max(0, st - _longest_cue()), st)
            if prev is not None and prev[1] == st and self.frames and self.frames[-1][0] == prev[0]:
                # 在X县Y镇: a place written after its parent narrows the parent's scope
                if norm[en : en + 1] == "的" and en + 1 in end_at:  # 走进X县Y镇的Z园
                    head[en + 1] = (prev[3], prev[4])
                    self.frames.pop()
                    self._ends.pop()
                    prev = None
                    continue
                self.frames[-1] = (prev[0], k, prev[3], prev[4])
                prev = (prev[0], en, k, prev[3], prev[4])
                continue
            listed = prev is not None and prev[1] == st - 1 and norm[st - 1] in LIST_NEXT
            if not listed and prev is not None and prev[1] < st:
                # 来到A园、B公司和C镇: other items between, joined by list words
                q = prev[1]
                while q < st - 1 and norm[q] in LIST_JOIN and outer_end.get(q + 1, -1) > q + 1:
                    q = outer_end[q + 1]
                listed = q == st - 1 and norm[q] in LIST_JOIN
            # 白楼镇:…项目…;…项目…: a place that heads its paragraph with a colon is its scope
            heading = cue is None and not listed and norm[en : en + 1] == ":" and not norm[
                self._para_start(st) : st].strip(" \t\u3000")
            if cue is None and not listed and not heading:
                prev = None
                continue
            j = en  # past the places listed with it
            while j < len(norm) and norm[j] in LIST_NEXT and j + 1 in end_at:
                j = end_at[j + 1]
            after = norm[j : j + 6].lstrip()
            word = cue.group("w") if cue else ""
            owned = j == en and norm[en : en + 1] == "的" and en + 1 in end_at  # 在X镇的Y园
            if venue.match(after) or (word == "在" and after.startswith("的") and not owned):
                prev = None
                continue
            if listed and prev is not None:
                opens, loc = prev[3], prev[4]
                if norm[st - 1] != ",":  # 在X镇,Y园…: the clause goes on, no list
                    self._listed.add(len(self.frames) - 1)
                    self._listed.add(len(self.frames))
            else:
                s0 = ctx.text.sentences[ctx.text.sentence_of(st)][0]
                opens = heading or (cue is not None and not norm[s0 : cue.start()].strip(" \t\u3000,，"))
                loc = cue is not None and located.fullmatch(word) is not None
                if cue is not None and going.fullmatch(word):
                    self._going.add(len(self.frames))
            if owned and not listed:
                head[en + 1] = (opens, loc)
                prev = None
                continue
            self.frames.append((st, k, opens, loc))
            self._ends.append(en)
            prev = (st, en, k, opens, loc)
        self._starts = [f[0] for f in self.frames]
        self._place_ending = {en: k for _, en, k in top}  # where a place mention ends -> the place
        self._place_span = {en: (st, k) for st, en, k in top}
        self._place_from = {st: (en, k) for st, en, k in top}
        self._pointers: dict[Handle, list[int]] | None = None  # where_after's, on first use
        n = len(self.frames)
        self._next_located = [n] * (n + 1)  # the first located frame at or after each
        for i in range(n - 1, -1, -1):
            self._next_located[i] = i if self.frames[i][3] else self._next_located[i + 1]
        self._last_opening = [-1] * n  # the last opening frame at or before each
        for i in range(n):
            self._last_opening[i] = i if self.frames[i][2] else (self._last_opening[i - 1] if i else -1)
        self.subjects: dict[int, tuple[int, Handle]] = {}  # sentence -> its subject place
        tops = {(st, k) for st, _, k in top}
        for sent, items in by_sentence.items():
            m, k = items[0]  # the outermost of the first (items are in order of start)
            for x in items[1:]:
                if x[0].start != m.start:
                    break
                if x[0].end > m.end:
                    m, k = x
            if (m.start, k) not in tops:  # the first mention is inside a name (江苏 of 江苏X集团)
                continue
            typ = ctx.entities[k].type
            if typ not in ("Region", "IndustrialPark") or norm[m.end : m.end + 1] in LIST_NEXT + "的":
                continue
            s0 = ctx.text.sentences[sent][0]
            lead = norm[s0 : m.start].rstrip(" \t\u3000")
            if typ == "IndustrialPark" or not lead or CLAUSE_END.match(lead[-1]):
                self.subjects[sent] = (m.start, k)
        for st, en, k in anaphors:  # 园区今年新建…: a sentence that opens with the park's word
            sent = ctx.text.sentence_of(st)
            s0 = ctx.text.sentences[sent][0]
            if not norm[s0:st].strip(" \t\u3000") and not any(x.start < st for x, _ in by_sentence.get(sent, [])):
                self.subjects[sent] = (st, k)

    def _park_anaphors(self, top: list[tuple[int, int, Handle]]) -> list[tuple[int, int, Handle]]:
        """The words that name a park named before (园区, 该园区; park_anaphora.txt), outside
        every name, as mentions of the last park named before them (top: the place mentions)."""
        norm, ents = self._ctx.text.norm, self._ctx.entities
        words = list(_park_anaphora().finditer(norm))
        parks = [(en, k) for st, en, k in top if ents[k].type == "IndustrialPark"]
        if not words or not parks:
            return []  # most articles: no such word, or no park named (built for the others only)
        # the mentions, asked "does one overlap the word?" by bisection, not a mark per character
        covered = Spans((st, -neg_end) for st, neg_end, _, _ in self._every if st < -neg_end)
        ends = [en for en, _ in parks]
        out = []
        for a in words:
            if covered.overlaps(a.start(), a.end()):
                continue
            j = bisect.bisect_right(ends, a.start()) - 1
            if j >= 0:
                out.append((a.start(), a.end(), parks[j][1]))
        return out

    def located_after(self, m: Mention) -> Handle | None:
        """The place a located word right after m names (X公司落户Y园, X公司将入驻Y园): in m's
        clause, with no other name between, and not one of several listed under the word."""
        j = bisect.bisect_left(self._starts, m.end)
        if j >= len(self.frames) or not self.frames[j][3] or j in self._listed:
            return None
        st = self._starts[j]
        norm = self._ctx.text.norm
        after = m.end
        if norm.startswith("(", after) and 0 <= (close := norm.find(")", after, st)):
            after = close + 1  # Y(X子公司)坐落于Z: what the brackets say of Y is skipped, Z is Y's
        gap = norm[after:st]
        if len(gap) > _longest_cue() + 6 or CLAUSE_END.search(gap) or ")" in gap:
            return None  # X子公司)坐落于Z: the word is said of the firm before the brackets
        k = bisect.bisect_left(self._every_starts, after)
        return None if k < len(self._every_starts) and self._every_starts[k] < st else self.frames[j][1]

    def site_said_after(self, m: Mention) -> Handle | None:
        """The place a located word names in a later clause that opens with a word for the project
        (X项目落户A区,项目选址B镇; …。该项目位于B镇): in m's sentence or the next, no other project
        named between, not one of several places listed under the word."""
        text, ents = self._ctx.text, self._ctx.entities
        sent = text.sentence_of(m.start)
        end = text.sentences[min(sent + 1, len(text.sentences) - 1)][1]
        j = bisect.bisect_left(self._starts, m.end)
        k = bisect.bisect_left(self._every_starts, m.end)
        while j < len(self.frames) and self._starts[j] < end:
            st = self._starts[j]
            while k < len(self._every) and self._every[k][0] < st:
                if ents[self._every[k][2]].type == "Project":
                    return None  # another project named first: what follows is about that one
                k += 1
            if self.located_subject(j, _project_word()) is not None:
                return self.frames[j][1]
            j += 1
        return None

    def where_after(self, e: Resolved) -> Handle | None:
        """The place written right after one of e's mentions (or a park word that names e) and a
        word of where it is (relation_cues.tsv, where: 园区所在的X镇, 项目所在地X镇): the most
        specific of the places written there in a row (所在的X县Y镇: Y镇)."""
        norm, ents = self._ctx.text.norm, self._ctx.entities
        if self._pointers is None:
            self._pointers = self._where_pointers()
        ends = [m.end for m in e.mentions] + self._pointers.get(e.handle, [])
        for end in sorted(ends):
            hit = _cue("where").match(norm, end)
            if hit is None:
                continue
            pos, got = hit.end(), None
            while True:
                lo = bisect.bisect_left(self._every_starts, pos)
                here = [(-neg_end, k) for st, neg_end, k, _ in self._every[lo : bisect.bisect_right(self._every_starts, pos)]
                        if ents[k].type in ("Region", "IndustrialPark") and k != e.handle]
                if not here:
                    break
                pos, got = max(here)
            if got is not None:
                return got
        return None

    def _where_pointers(self) -> dict[Handle, list[int]]:
        """entity -> where the words that point back at it end (a park word: its park; 项目,
        该项目 before a word of where: the project last named before, in the sentence or the one
        before: X项目…,项目所在地Y镇), once per article."""
        text, norm, ents = self._ctx.text, self._ctx.text.norm, self._ctx.entities
        out: dict[Handle, list[int]] = {}
        for _, en, k in self.anaphors:
            out.setdefault(k, []).append(en)
        for hit in _cue("where").finditer(norm):
            word = _project_word().search(norm, max(0, hit.start() - 6), hit.start())
            if word is None or word.end() != hit.start() or self._every_covering(word.start()):
                continue
            sent = text.sentence_of(word.start())
            for n in range(bisect.bisect_left(self._every_starts, word.start()) - 1, -1, -1):
                st, neg_end, k, _ = self._every[n]
                if text.sentence_of(st) < sent - 1:
                    break
                if ents[k].type == "Project" and -neg_end <= word.start():
                    out.setdefault(k, []).append(hit.start())
                    break
        return out

    def _every_covering(self, pos: int) -> bool:
        """Whether a mention starting before pos runs past it (pos is inside a name)."""
        lo = bisect.bisect_left(self._every_starts, pos)
        return any(-neg_end > pos for st, neg_end, _, _ in self._every[max(0, lo - 8) : lo])

    def located_subject(self, j: int, rx: re.Pattern) -> tuple[int, re.Match] | None:
        """(where its clause starts, the match) when frame j is a located word's place, not one of
        several listed, and rx is all of its clause before the word (项目选址X, 集团总部位于X)."""
        if not self.frames[j][3] or j in self._listed:
            return None
        norm, st = self._ctx.text.norm, self._starts[j]
        cue = _frame_before().search(norm, max(0, st - _longest_cue()), st)
        if cue is None:
            return None
        c = bisect.bisect_left(self._clause_ends, cue.start())
        c0 = self._clause_ends[c - 1] + 1 if c else 0
        hit = rx.fullmatch(norm[c0 : cue.start()].strip(" \t\u3000"))
        return (c0, hit) if hit is not None else None

    def possessor(self, m: Mention) -> Handle | None:
        """The place written right before m as its owner: a region or park and 的 (X县的Y项目,
        位于X县的Y园, 园区的Y项目), or a park with nothing between (X产业园标准厂房项目)."""
        norm = self._ctx.text.norm
        if m.start >= 1 and norm[m.start - 1] == "的":
            # X县的Y, 园区内的Y: a place, or the inside of one, before 的
            for at in (m.start - 1, m.start - 2):
                if (k := self._place_ending.get(at)) is not None and (at == m.start - 1 or norm[at] in INSIDE):
                    return k
        k = self._place_ending.get(m.start)
        return k if k is not None and self._ctx.entities[k].type == "IndustrialPark" else None

    def place_ending(self, pos: int) -> tuple[int, Handle] | None:
        """(start, place) of the place mention (inside no other name) that ends at pos."""
        return self._place_span.get(pos)

    def place_starting(self, pos: int) -> tuple[int, Handle] | None:
        """(end, place) of the place mention (inside no other name) or park word that starts at pos."""
        return self._place_from.get(pos)

    def _para_start(self, pos: int) -> int:
        i = bisect.bisect_left(self._para_ends, pos)
        return self._para_ends[i - 1] + 1 if i else 0

    def _clause(self, pos: int) -> int:
        return bisect.bisect_left(self._clause_ends, pos)

    def _para(self, pos: int) -> int:
        return bisect.bisect_left(self._para_ends, pos)

    def inside(self, m: Mention) -> list[tuple[Mention, Handle]]:
        """The other entities' mentions within m, in text order."""
        ents = self._ctx.entities
        lo, hi = bisect.bisect_left(self._every_starts, m.start), bisect.bisect_left(self._every_starts, m.end)
        out = []
        for st, neg_end, k, n in self._every[lo:hi]:
            if -neg_end <= m.end and (st, -neg_end) != (m.start, m.end):
                out.append((ents[k].mentions[n], k))
        return out

    def nearest(self, m: Mention, wide: bool = True, ahead: bool = True) -> Handle | None:
        """The place whose scope m is in, nearest first: one of m's clause, one stated after it in
        its sentence by a located word (…项目落户X; not unless ahead), one earlier in its sentence;
        when wide, its sentence's subject, the opening of its paragraph; None when nothing says,
        or when the nearest scope is several places listed under one word (来到A园和B镇,察看了…:
        the text does not say which holds what)."""
        k = self._nearest(m, wide, ahead)
        if k is None:
            return None
        if k < 0:
            return self.subjects[-1 - k][1]
        if k not in self._listed:
            return self.frames[k][1]
        # 在X市,…来到A园和B镇,察看了…: which of the listed holds what is not said, but all are in
        # the scope that opens the paragraph before them
        j = k
        while j >= 0 and j in self._listed:
            j -= 1
        o = self._last_opening[j] if j >= 0 else -1
        if o < 0 or self._para(self._starts[o]) != self._para(m.start):
            return None
        # not wide: only a scope that opens m's own sentence (在X市,…来到A园、B公司和C镇)
        sent = self._ctx.text.sentence_of
        return self.frames[o][1] if wide or sent(self._starts[o]) == sent(m.start) else None

    def framed(self, m: Mention) -> bool:
        """Whether a scope word sets m's place as a scope (在X园,…): m is the scope, in no other."""
        j = bisect.bisect_left(self._starts, m.start)
        return j < len(self._starts) and self._starts[j] == m.start

    def going_to(self, m: Mention) -> bool:
        """Whether m is listed after another object of a verb of going in its clause (来到A镇P和B园):
        one of the places gone to, not inside the first."""
        norm = self._ctx.text.norm
        if m.start < 1 or norm[m.start - 1] not in LIST_JOIN:
            return False
        i = bisect.bisect_left(self._starts, m.start) - 1
        return i >= 0 and i in self._going and self._clause(self._starts[i]) == self._clause(m.start)

    def _project_between(self, m: Mention, stop: int) -> bool:
        """Whether a project is named after m's clause and before stop (A建设X项目,B建设Y项目,项目选址Z:
        the site said last is Y's, not X's; X项目、Y项目落户Z: both, in one clause)."""
        ents, clause = self._ctx.entities, self._clause(m.start)
        c = self._clause(stop)
        if any(w in self._ctx.text.norm[self._clause_ends[c - 1] if c else 0 : stop] for w in _ALL):
            return False  # A项目…,B项目…,均落户Z: a word of all gives the site to each
        k = bisect.bisect_left(self._every_starts, m.end)
        while k < len(self._every) and self._every[k][0] < stop:
            if ents[self._every[k][2]].type == "Project" and self._clause(self._every[k][0]) != clause:
                return True
            k += 1
        return False

    def _nearest(self, m: Mention, wide: bool, ahead: bool) -> int | None:
        """nearest's answer: the index of its frame (of a sentence's subject, -1 - its sentence)."""
        text, frames, starts = self._ctx.text, self.frames, self._starts
        sent = text.sentence_of(m.start)
        s0, s1 = text.sentences[sent]
        clause = self._clause(m.start)
        c0 = self._clause_ends[clause - 1] if clause else 0
        c1 = self._clause_ends[clause] if clause < len(self._clause_ends) else len(text.norm)
        i = bisect.bisect_left(starts, m.start)  # frames before m: [.., i); inside m: skipped
        j = bisect.bisect_left(starts, m.end)
        at = m.start
        while i > 0 and self._ends[i - 1] == at - 1 and text.norm[at - 1] in LIST_JOIN:
            # 走进A园和B公司: listed with the places a scope word names, m is one of them, in none
            i -= 1
            at = starts[i]
        if i > 0 and starts[i - 1] >= max(s0, c0):
            if ahead and j < len(frames) and starts[j] < min(s1, c1) and starts[j] - m.start < m.start - starts[i - 1]:
                return j
            return i - 1
        if ahead and j < len(frames) and starts[j] < min(s1, c1):
            return j
        if ahead and (k := self._next_located[j]) < len(frames) and starts[k] < s1 and not self._project_between(m, starts[k]):
            return k
        if i > 0 and starts[i - 1] >= s0:
            return i - 1
        if not wide:
            return None
        if i > 0 and m.start - starts[i - 1] < _LIST_REACH and (c := _COLON.search(text.norm, starts[i - 1], m.start)) \
                and not _HARD_END.search(text.norm, starts[i - 1], m.start):
            # 在X园推进3个项目:A项目…;B项目…;C项目…: a list after a colon is the items of its
            # heading's scope, whatever semicolons part them
            return i - 1
        if sent in self.subjects and self.subjects[sent][0] < m.start:
            return -1 - sent
        k = self._last_opening[i - 1] if i > 0 else -1
        if k >= 0 and self._para(starts[k]) == self._para(m.start):
            return k
        return None


@lru_cache(maxsize=None)
def _anaphora(typ: str) -> frozenset[str]:
    """The words that point back at an entity of this type (anaphora.tsv: 该公司, 该项目)."""
    return frozenset(r["word"] for r in table("anaphora.tsv") if r["type"] == typ)


@lru_cache(maxsize=1)
def _seat_word() -> re.Pattern:
    """A clause's subject that points back at a company (anaphora.tsv, Company: 该公司; a bare
    公司, 企业 or 集团), and a word for its seat (relation_cues.tsv, seat: 总部) or none."""
    ws = sorted(_anaphora("Company") | {GROUP, COMPANY, FIRM}, key=len, reverse=True)
    return re.compile("(?P<ana>" + "|".join(re.escape(w) for w in ws) + ")(?:" + _cue("seat").pattern + ")?")


def _seats_by_reference(ctx: ArticleContext, scopes: _Scopes) -> dict[Handle, Handle]:
    """company -> the place a located word gives it in a clause whose subject points back at it
    (X集团是…龙头企业,集团总部位于Y; …。该公司位于Y): the nearest company named before, in its
    sentence or the one before (for a bare 集团, the nearest group of its paragraph)."""
    ents = ctx.entities
    comps = [(m, e.handle) for e in ents.values() if e.type == "Company" for m in e.mentions]
    comps.sort(key=lambda x: (x[0].start, x[0].end, x[1]))
    starts = [m.start for m, _ in comps]
    out: dict[Handle, Handle] = {}
    for j, (_, place, _, _) in enumerate(scopes.frames):
        if (said := scopes.located_subject(j, _seat_word())) is None:
            continue
        c0, hit = said
        if (k := _company_named_before(ctx, comps, starts, c0, hit.group("ana") == GROUP)) is not None:
            out.setdefault(k, place)
    return out


def _company_named_before(ctx: ArticleContext, comps: Sequence[tuple[Mention, Handle]], starts: Sequence[int], pos: int,
                          group: bool, not_k: Handle | None = None) -> Handle | None:
    """The company a word at pos points back at: the nearest one named before it (comps sorted by
    start, starts their starts), in its sentence or the one before; for a bare 集团, the nearest
    group of its paragraph. Not not_k."""
    sent = ctx.text.sentence_of(pos)
    para = ctx.text.norm.rfind("\n", 0, pos)
    for m, k in reversed(comps[: bisect.bisect_left(starts, pos)]):
        if m.end > pos or k == not_k:
            continue
        if (m.start <= para) if group else ctx.text.sentence_of(m.start) < sent - 1:
            return None
        if not group or GROUP in ctx.entities[k].name:
            return k
    return None


@lru_cache(maxsize=1)
def _project_word() -> re.Pattern:
    """A clause's subject that is the project named before: its head word, or a word that points
    back at one (anaphora.tsv, Project: 该项目), and a word of time or intent (项目将选址X)."""
    ws = sorted(_anaphora("Project") | {PROJECT}, key=len, reverse=True)
    return re.compile("(?:" + "|".join(re.escape(w) for w in ws) + ")(?:将|拟|计划|已|目前)?")


def _site_said_after(ctx: ArticleContext, e: Resolved, place: Handle | None, scopes: _Scopes, gaz: Gazetteer,
                     park_region: dict[Handle, Handle]) -> Handle | None:
    """The site a later clause gives a project (X项目落户A区,项目选址B镇) when the project has no
    place yet, or when the site lies within the place it has: the most specific the text gives."""
    for m in sorted(e.mentions, key=lambda x: x.start):
        said = scopes.site_said_after(m)
        if said is not None and said != place:
            return _if_narrower(ctx, said, place, gaz, park_region)
    return None


def _narrower_where(ctx: ArticleContext, e: Resolved, place: Handle | None, scopes: _Scopes, gaz: Gazetteer,
                    park_region: dict[Handle, Handle]) -> Handle | None:
    """The place a word of where names after e (园区所在的X镇, 项目所在地X镇), when e has no place
    or the place lies within the one it has."""
    said = scopes.where_after(e)
    return _if_narrower(ctx, said, place, gaz, park_region) if said is not None and said != place else None


def _if_narrower(ctx: ArticleContext, said: Handle, place: Handle | None, gaz: Gazetteer,
                 park_region: dict[Handle, Handle]) -> Handle | None:
    """said, when place is None or a region that holds it (a park: the region it is in); else None
    (a scope narrows, never moves; no region is more specific than a park)."""
    if place is None:
        return said
    if ctx.entities[place].type != "Region":
        return None
    r = park_region.get(said) if ctx.entities[said].type == "IndustrialPark" else said
    if r is not None and ctx.entities[r].type == "Region" and gaz.is_within(ctx.entities[r].region, ctx.entities[place].region):
        return said
    return None


def _possessed(e: Resolved, scopes: _Scopes) -> Handle | None:
    """The place the first of e's mentions that has one is written as belonging to (X县的Y)."""
    for m in sorted(e.mentions, key=lambda x: x.start):
        if (k := scopes.possessor(m)) is not None and k != e.handle:
            return k
    return None


def _written_before(ctx: ArticleContext, e: Resolved, scopes: _Scopes, gaz: Gazetteer) -> Handle | None:
    """A division of the article's region written right before a project's or a firm's name,
    nothing between (察看了X镇Y公司Z项目, 观摩了A市B镇Y公司Z项目): a list item headed by its site,
    which holds the firm as well as its project. Only within the article's region, and written in
    full: a place outside it before a firm's name is the firm's seat, and a short form there starts
    the firm's own name (X互助青稞公司)."""
    if not ctx.focal:
        return None
    norm = ctx.text.norm
    for m in sorted(e.mentions, key=lambda x: x.start):
        if (hit := scopes.place_ending(m.start)) is None:
            continue
        st, k = hit
        r = ctx.entities[k]
        if r.type == "Region" and r.region and norm[st : m.start] == r.name and gaz.is_within(r.region, ctx.focal):
            return k
    return None


def _own_place(ctx: ArticleContext, e: Resolved, scopes: _Scopes, gaz: Gazetteer) -> Handle | None:
    """A place an entity's own name holds, not inside a company named in it (福建X公司茶项目 is
    not in 福建) unless written in full below the article's region (X镇…物流中心项目: a firm named
    after a town of the article works there): a park (X园区年产…项目), else the most specific
    region, written in full when it opens the name (X县…工程, X公司拉萨…项目; a short form opens
    brand names: 宁德时代 is no project of 宁德)."""
    best: tuple[int, int, Handle] | None = None
    for m in e.mentions:
        inner = scopes.inside(m)
        comps = [x for x, k in inner if ctx.entities[k].type == "Company"]
        for x, k in inner:
            typ = ctx.entities[k].type
            if typ not in ("Region", "IndustrialPark"):
                continue
            below = (typ == "Region" and x.surface == ctx.entities[k].name and bool(ctx.focal)
                     and ctx.entities[k].region != ctx.focal and gaz.is_within(ctx.entities[k].region, ctx.focal))
            if not below and any(c.start <= x.start and x.end <= c.end for c in comps):
                continue
            if typ == "Region" and x.surface != ctx.entities[k].name and x.start == m.start:
                continue
            rank = (0 if typ == "IndustrialPark" else 1, -len(ctx.entities[k].region), k)
            if best is None or rank < best:
                best = rank
        if best is not None:
            return best[2]
    return None


def _no_wider_than_focal(ctx: ArticleContext, place: Handle | None, gaz: Gazetteer) -> Handle | None:
    """A region that holds the article's own region (the province of a county's article) is
    where the article's region is: the narrower of the two is the place."""
    if place is None or not ctx.focal or ctx.entities[place].type != "Region":
        return place
    code = ctx.entities[place].region
    if code == ctx.focal or not gaz.is_within(ctx.focal, code):
        return place
    # of the article's region and the regions above it, the first of county level or above that
    # the article names (a zone named after its province is no township's)
    for d in gaz.chain(ctx.focal):
        if d.code == code:
            break
        if level_rank(d.level) >= level_rank("county") and (h := ctx.region(d.code)) is not None:
            return h
    return ctx.region(ctx.focal) or place


def _narrower_scope(ctx: ArticleContext, park: Resolved, place: Handle | None, scopes: _Scopes, gaz: Gazetteer) -> Handle | None:
    """A division the scope of a park's mention sets (在X镇,…走进Y园), when it lies within the place
    the park has otherwise (its name's region, the article's): a scope narrows, never moves."""
    if place is None or ctx.entities[place].type != "Region":
        return None
    wide = ctx.entities[place].region
    for m in sorted(park.mentions, key=lambda x: x.start):
        if scopes.going_to(m):
            continue
        # a park a scope word names (在X园,…) is the scope, in none set before its sentence
        k = scopes.nearest(m, wide=not scopes.framed(m), ahead=False)
        if k is not None and k != place and ctx.entities[k].type == "Region" and gaz.is_within(ctx.entities[k].region, wide):
            return k
    return None


def _narrower_site(ctx: ArticleContext, project: Resolved, place: Handle | None, scopes: _Scopes, gaz: Gazetteer,
                   park_region: dict[Handle, Handle]) -> Handle | None:
    """The scope of a project's mention (X镇:Y县…项目; Y县…项目,建设地点:X镇) when it lies within
    the region its own name holds: the most specific place the text gives (a region below it, or a
    park placed in it). A scope narrows, never moves: one outside the name's region is ignored."""
    if place is None or ctx.entities[place].type != "Region":
        return None
    wide = ctx.entities[place].region
    for m in sorted(project.mentions, key=lambda x: x.start):
        k = scopes.nearest(m)
        if k is None or k == place:
            continue
        if ctx.entities[k].type == "IndustrialPark":
            r = park_region.get(k)
            return k if r is not None and gaz.is_within(ctx.entities[r].region, wide) else None
        return k if gaz.is_within(ctx.entities[k].region, wide) else None
    return None


def _explicit_place(ctx: ArticleContext, park: Resolved, gaz: Gazetteer, places: _Places | None = None,
                    located_only: bool = False) -> Handle | None:
    """位于阳东区的X; 珠海(阳江)产业转移园 -> 阳江; 峄城化工产业园区 -> 峄城区 (not when located_only)."""
    norm = ctx.text.norm
    places = places or _Places(ctx)
    for m in park.mentions:
        lo = max(0, m.start - 16, ctx.text.sentences[ctx.text.sentence_of(m.start)][0])  # within its sentence
        lm = _cue(LOCATED).search(norm[lo : m.start])
        if lm:
            for rm, key in places.regions_within(lo + lm.end(), m.start):
                if lo + lm.end() <= rm.start and rm.end <= m.start:
                    return key
    if located_only:
        return None
    for m in park.mentions:
        inside = [(rm, key) for rm, key in places.regions_within(m.start, m.end) if m.start <= rm.start and rm.end <= m.end]
        paren = [(rm, key) for rm, key in inside if rm.start > 0 and norm[rm.start - 1] == "("]
        if paren:
            return paren[0][1]
        if inside and inside[0][0].start == m.start:
            # 三亚崖州湾科技城: of the places its name holds, the most specific
            return min(inside, key=lambda x: level_rank(gaz.by_code[ctx.entities[x[1]].region].level))[1]
    return None


def _title_park(ctx: ArticleContext) -> Handle | None:
    """A park named in the title line: the article is about it (a visit, a report on it)."""
    norm = ctx.text.norm
    title = ctx.title
    at = norm.find(title) if title else -1
    if at < 0:
        return None
    parks = [
        (m.start, e.handle)
        for e in ctx.entities.values()
        if e.type == "IndustrialPark"
        for m in e.mentions
        if at <= m.start and m.end <= at + len(title)
    ]
    keys = {k for _, k in parks}
    return parks[0][1] if len(keys) == 1 else None


def _zone_of(ctx: ArticleContext, park: Resolved, places: _Places | None = None) -> Handle | None:
    """A 片区 (zone) belongs to the park named last before it."""
    if not park.name.endswith("片区"):
        return None
    m = min(park.mentions, key=lambda x: x.start)
    before = (places or _Places(ctx)).park_mentions_within(m.start - 299, m.start)  # within 300 before it
    return max(before)[1] if before else None


def _company_place(ctx, company: Resolved, by_sentence, gaz: Gazetteer, scopes: _Scopes) -> Handle | None:
    norm = ctx.text.norm
    focal = ctx.focal
    for m in company.mentions:
        sent = ctx.text.sentence_of(m.start)
        items = by_sentence.get(sent, [])
        # a park that 引进 (brought in) the company, earlier in the sentence
        hosts = [
            (pm, key)
            for pm, key in items
            if ctx.entities[key].type == "IndustrialPark" and pm.end <= m.start and norm[pm.end : pm.end + 1] not in LIST_NEXT
        ]
        s0, s1 = ctx.text.sentences[sent]
        # …and a park word (园区引进了X): the park it names
        hosts += [(Mention("IndustrialPark", norm[a:b], a, b), key) for a, b, key in scopes.anaphors
                  if s0 <= a and b <= m.start and norm[b : b + 1] not in LIST_NEXT]
        if hosts:
            pm, key = max(hosts, key=lambda x: x[0].start)
            if _cue(HOSTS).search(norm[pm.end : m.start]):
                return key
        # Y是园区引进的…企业: the park the copula's clause says brought it in
        if (cop := _owned("copula").match(norm, m.end)) and (at := scopes.place_starting(cop.end())) is not None:
            end, key = at
            if ctx.entities[key].type == "IndustrialPark" and _cue(HOSTS).match(norm, end):
                return key
        # a trip: companies visited in another region are located there
        if _cue("trip").search(norm[s0:s1]):
            away = [
                (rm, key)
                for rm, key in items
                if ctx.entities[key].type == "Region"
                and focal
                and not gaz.is_within(focal, ctx.entities[key].region)
                and not gaz.is_within(ctx.entities[key].region, focal)
            ]
            if away:
                inside = [x for x in away if m.start <= x[0].start < m.end]
                if inside:
                    return _most_specific_under(inside[0][1], away, ctx, gaz)
                return away[-1][1] if len({k for _, k in away}) == 1 else None
    # a company named after a region outside the article's own: located there
    for m in company.mentions:
        for rm, key in by_sentence.get(ctx.text.sentence_of(m.start), []):
            if ctx.entities[key].type == "Region" and rm.start == m.start:
                code = ctx.entities[key].region
                if focal and (gaz.is_within(focal, code) or gaz.is_within(code, focal)):
                    return None  # the article's own region: the default place decides
                return key
    return None


@lru_cache(maxsize=1)
def _firms_after() -> re.Pattern:
    """After a company (and the companies listed with it): a class of firms it is counted in,
    等, a count and a few words before the class word (relation_cues.tsv, firms: 企业, 龙头)."""
    return re.compile(r"(?:等)?(?:[0-9一二三四五六七八九十两百]+(?:家|个))?[^,，。;；:：、\n]{0,6}?(?:" + _cue("firms").pattern + ")")


def _among_firms(ctx: ArticleContext, company: Resolved) -> bool:
    """A company the text counts among the firms it speaks of (X、Y等骨干企业, X等11家企业,
    X龙头企业, 以X为龙头): the region's own firms, in an article about the region."""
    norm = ctx.text.norm
    ends = {m.start: m.end for e in ctx.entities.values() if e.type == "Company" for m in e.mentions}
    for m in company.mentions:
        if norm[max(0, m.start - 1) : m.start] == "以" and norm.startswith("为", m.end) and _cue("firms").match(norm, m.end + 1):
            return True
        j = m.end
        while j < len(norm) and norm[j] in LIST_JOIN and j + 1 in ends:
            j = ends[j + 1]
        if _firms_after().match(norm, j):
            return True
    return False


def _visited(ctx: ArticleContext, company: Resolved) -> bool:
    """A company written as a place gone to: after a scope word (来到X, 走进X, 在X、Y,…), itself
    or the list it is an item of."""
    norm = ctx.text.norm
    starts = {m.end: m.start for e in ctx.entities.values() if e.type == "Company" for m in e.mentions}
    before = _frame_before()
    for m in company.mentions:
        at = m.start
        while at > 0 and norm[at - 1] in LIST_JOIN and (at - 1) in starts:
            at = starts[at - 1]
        if before.search(norm, max(0, at - _longest_cue()), at):
            return True
    return False


def _named_after_own(ctx: ArticleContext, company: Resolved, scopes: _Scopes, gaz: Gazetteer) -> Handle | None:
    """The region a company's name holds, when it is the article's region or one within it: the
    most specific of them (江西永丰X公司 in an article about 吉安市: 永丰县). None when none."""
    if not ctx.focal:
        return None
    best: tuple[int, int, Handle] | None = None
    for n, m in enumerate(sorted(company.mentions, key=lambda x: x.start)):
        for x, k in scopes.inside(m):
            code = ctx.entities[k].region
            if ctx.entities[k].type == "Region" and gaz.is_within(code, ctx.focal):
                rank = (level_rank(gaz.by_code[code].level) if code in gaz.by_code else 9, n, k)
                if best is None or rank < best:
                    best = rank
    return best[2] if best is not None else None


def _clause_subject_in_region(ctx: ArticleContext, e: Resolved, scopes: _Scopes, gaz: Gazetteer) -> Handle | None:
    """The region a sentence is about (its subject: 峄城区大力推进…) when a later clause of it opens
    with the company, or a list of companies it is in (…,A、B获批…): the region's own firms; not one
    that builds or invests in its clause. Only the article's region or one within it."""
    norm = ctx.text.norm
    starts = {m.end: m.start for x in ctx.entities.values() if x.type == "Company" for m in x.mentions}
    for m in sorted(e.mentions, key=lambda x: x.start):
        sent = ctx.text.sentence_of(m.start)
        if sent not in scopes.subjects or not ctx.focal:
            continue
        at = m.start
        while at > 0 and norm[at - 1] in LIST_JOIN and (at - 1) in starts:
            at = starts[at - 1]
        if at == 0 or norm[at - 1] not in ",，;；":
            continue
        end = CLAUSE_END.search(norm, m.end)
        if _owned("build").search(norm, m.end, end.start() if end else len(norm)):
            continue  # …,A集团投资建设X项目: an investor or a builder, its seat elsewhere
        st, k = scopes.subjects[sent]
        if st < at and ctx.entities[k].type == "Region" and gaz.is_within(ctx.entities[k].region, ctx.focal):
            return k
    return None


def _scope_within_focal(ctx: ArticleContext, e: Resolved, scopes: _Scopes, gaz: Gazetteer) -> Handle | None:
    """The scope of e's first mention when it is a park, or a region within the article's own."""
    m = min(e.mentions, key=lambda x: x.start) if e.mentions else None
    k = scopes.nearest(m) if m is not None else None
    if k is None or k == e.handle:
        return None
    if ctx.entities[k].type == "IndustrialPark":
        return k
    return k if ctx.focal and gaz.is_within(ctx.entities[k].region, ctx.focal) else None


def _qualified_seat(ctx: ArticleContext, company: Resolved, gaz: Gazetteer) -> Handle | None:
    """A firm written with a level word before its name, as a body is (市国投集团, 县城投公司, as
    市工信局): the state firm of the article's region of that level, when the article names it.
    Not a word that starts so (市场, 区块链: everyday words)."""
    present = {e.region for e in ctx.entities.values() if e.type == "Region" and e.region}
    for m in sorted(company.mentions, key=lambda x: x.start):
        q = next((q for q in qualifiers() if m.surface.startswith(q)), None)
        if q is None or len(m.surface) < len(q) + 3 or is_common_word(m.surface[len(q) - 1 : len(q) + 1]):
            continue
        code = resolve_deixis(q, ctx.focal, present, gaz)
        if code and (h := ctx.region(code)) is not None:
            return h
    return None


def _most_specific_under(key: Handle, away, ctx, gaz: Gazetteer) -> Handle:
    code = ctx.entities[key].region
    for _, k in away:
        c = ctx.entities[k].region
        if c != code and gaz.is_within(c, code):
            return k
    return key


def _project_owners(ctx, project: Resolved, m: Mention | None, by_sentence, places: _Places | None = None,
                    subsidiaries: Sequence[tuple[Handle, Handle, Mention | None]] = ()) -> list[Handle]:
    """Who builds a project: the company its name starts with (X公司年产…项目), and the company
    its clause says builds it (X集团投资6亿元的Y项目, X公司投资建设Y, Y由X公司承建); failing
    both, after 其 in a sentence that says a company is another's subsidiary (Y是X的全资子公司,
    其…项目), the subsidiary, the sentence's subject; else the only company before it in its
    sentence (the clause's subject: a company named after it is a guest, a partner or a
    contractor, and one that builds it is read by 由)."""
    places = places or _Places(ctx)
    out = []
    if (named := places.owner_by_prefix(project.name)) is not None:
        out.append(named)
    for pm in sorted(project.mentions, key=lambda x: x.start):
        if built := [k for k in _builder(ctx, pm, by_sentence) if k not in out]:
            out.extend(built)
            break
    if out or m is None:
        return out
    norm = ctx.text.norm
    for pm in sorted(project.mentions, key=lambda x: x.start):
        sent = ctx.text.sentence_of(pm.start)
        its = norm.rfind(_ITS, ctx.text.sentences[sent][0], pm.start)
        # 其X项目去年投产,今年又启动了Y项目: 其's subject holds for the sentence's projects after it,
        # until another company is named
        if its < 0 or any(ctx.entities[k].type == "Company" and its < cm.start < pm.start for cm, k in by_sentence.get(sent, [])):
            continue
        children = [child for child, _, said in subsidiaries
                    if said is not None and said.start < its and ctx.text.sentence_of(said.start) == sent]
        if children:
            return [children[-1]]
    items = by_sentence.get(ctx.text.sentence_of(m.start), [])
    projects = [pm for pm, k in items if ctx.entities[k].type == "Project"]
    firms = [(cm, k) for cm, k in items if ctx.entities[k].type == "Company"]
    comps = {
        k
        for cm, k in firms
        if not any(pm.start <= cm.start and cm.end <= pm.end for pm in projects)
        and cm.end <= m.start
    }
    if len(comps) != 1:
        return []
    if all(norm.startswith(_PEER, cm.end) for cm, k in firms if k in comps and cm.end <= m.start):
        return []  # 参加A公司、B科技以及X工程等项目: a firm listed with the project is its peer, not its subject
    last = max((cm for cm, k in firms if k in comps and cm.end <= m.start), key=lambda x: x.end)
    if norm[last.end : m.start].strip().endswith(_FOR):
        return []  # X银行为Y项目提供贷款, X公司对Y工程开展监理: it serves the project, the project is not its own
    # a list of firms' projects (A公司X项目、B公司Y项目、Z项目): a project between that a firm's
    # name starts says the list names each one's own builder; the subject is none of the others'
    subject = min(cm.end for cm, k in firms if k in comps)
    if any(subject <= pm.start and pm.end <= m.start and any(pm.start == cm.start for cm, _ in firms) for pm in projects):
        return []
    return [comps.pop()]


_ALL = ("均", "全部", "皆")  # each of those named before: 均落户X (not 都: 成都, 首都)
_FOR = ("为", "向", "对", "给")  # X为Y项目…: the subject does something for the project, not builds its own
_ITS = "其"  # its: the subject of the clause before, the company a sentence is about
_RUN_JOIN = re.compile(r"[、和及与]|以及")  # what joins the items of a run (A、B和C)
_RESPECTIVELY = "分别"
_CLAUSE_REACH = 120  # how far back a clause's 分别 is looked for


def _respectively(norm: str, items, pm: Mention, ents, build: re.Pattern) -> Handle | None:
    """分别与A、B签订了X项目和Y项目: n companies, then a build verb, then n projects, 分别 before
    them in the clause: each project is its company's in the order written (the nearest company
    before the first project is not its builder). None when pm is in no such run."""
    ms = [(m, k) for m, k in items if ents[k].type in ("Company", "Project")]
    at = next((i for i, (m, _) in enumerate(ms) if m is pm), None)
    if at is None:
        return None
    lo = at
    while lo > 0 and ents[ms[lo - 1][1]].type == "Project" and _RUN_JOIN.fullmatch(norm[ms[lo - 1][0].end : ms[lo][0].start]):
        lo -= 1
    hi = at
    while hi + 1 < len(ms) and ents[ms[hi + 1][1]].type == "Project" and _RUN_JOIN.fullmatch(norm[ms[hi][0].end : ms[hi + 1][0].start]):
        hi += 1
    if hi == lo or lo == 0 or ents[ms[lo - 1][1]].type != "Company":
        return None
    gap = norm[ms[lo - 1][0].end : ms[lo][0].start]
    if CLAUSE_END.search(gap) or not build.search(gap):
        return None
    c = lo - 1
    while c > 0 and ents[ms[c - 1][1]].type == "Company" and _RUN_JOIN.fullmatch(norm[ms[c - 1][0].end : ms[c][0].start]):
        c -= 1
    if lo - c != hi - lo + 1:
        return None
    first = ms[c][0].start
    floor = max(0, first - _CLAUSE_REACH)
    k = max(floor - 1, *(norm.rfind(x, floor, first) for x in "，,。；;\n"))
    if norm.find(_RESPECTIVELY, k + 1, first) < 0:
        return None
    return ms[c + at - lo][1]


_ROLE_BETWEEN = re.compile(r"[,，]?(?:该项目|项目)?的?(?P<role>[\u4e00-\u9fff]{2,4}?)(?:为|是|系)?[：:]?")


def _builder_role_between(between: str) -> bool:
    """between is a role of who builds, and a copula (,投资方为 | 建设单位是 | ,项目业主:), nothing else."""
    m = _ROLE_BETWEEN.fullmatch(between.strip())
    return bool(m and _owned("builder").fullmatch(m.group("role")))


_PEER = ("、", "以及")  # what joins the items of a list (A、B以及C), never a subject to its verb
_BY = re.compile(r"^[,，]?由$")  # Y由X承建, Y，由X投资建设: what comes after 由 builds Y
_JOINT = re.compile(r"[和与及、]")  # 由A和B共同投资建设: each builds it
_TOGETHER = ("共同", "联合", "合作", "携手")


def _builder(ctx, pm: Mention, by_sentence) -> list[Handle]:
    """The companies of pm's clause that a build verb joins to it: the nearest company before it
    with the verb between (no other project or company between), or, after 由 (right after pm or
    after a comma), the company after it that the verb follows, or the companies joined by 和
    that it follows (由A和B共同投资建设)."""
    norm = ctx.text.norm
    items = by_sentence.get(ctx.text.sentence_of(pm.start), [])
    build = _owned("build")
    ents = ctx.entities
    # the nearest before it and the nearest after it (items are in text order): a walk from each
    # end to the first that fits, not a list of all that fit
    if (paired := _respectively(norm, items, pm, ents, build)) is not None:
        return [paired]
    before = next((x for x in reversed(items) if x[0].end <= pm.start and ents[x[1]].type in ("Company", "Project")), None)
    if before:
        cm, k = before
        between = norm[cm.end : pm.start]
        lo = bisect.bisect_left(items, cm.end, key=lambda x: x[0].start)
        for xm, _ in items[lo : bisect.bisect_left(items, pm.start, key=lambda x: x[0].start)]:
            if xm.end <= pm.start:  # a name between says no verb (开发 of X开发区): it is masked
                a, b = xm.start - cm.end, xm.end - cm.end
                between = between[:a] + "\u3000" * (b - a) + between[b:]
        if ctx.entities[k].type == "Company" and not CLAUSE_END.search(between) and build.search(between):
            return _joint_builders(ctx, items, before, between)
        # X作为Y项目的建设主体, X是Y项目的业主单位: a copula before it, the builder's role after it
        if ctx.entities[k].type == "Company" and _owned("copula").fullmatch(between.strip()) \
                and norm.startswith("的", pm.end) and _owned("builder").match(norm, pm.end + 1):
            return [k]
    after = [(cm, k) for cm, k in items if cm.start >= pm.end and ctx.entities[k].type in ("Company", "Project")]
    if after and ents[after[0][1]].type == "Company" and _builder_role_between(norm[pm.end : after[0][0].start]):
        return [after[0][1]]  # Y项目,投资方为X公司: the role names its builder
    if after and _BY.match(norm[pm.end : after[0][0].start].strip()):
        got: list[Handle] = []
        end = pm.end
        for cm, k in after:
            if ctx.entities[k].type != "Company" or (got and not _JOINT.fullmatch(norm[end : cm.start])):
                break
            got.append(k)
            end = cm.end
            rest = norm[end:]
            for w in _TOGETHER:
                if rest.startswith(w):
                    rest = rest[len(w) :]
                    break
            if build.match(rest):
                return list(dict.fromkeys(got))
    return []


def _joint_builders(ctx, items, last: tuple[Mention, Handle], between: str) -> list[Handle]:
    """The company a build verb follows, and the companies joined to it by 和 (与, 及, 、) when the
    text says they build together: 由 before the first, or 共同 (联合 …) before the verb (由A和B共同
    出资建设的Y, A与B联合投资建设Y). Else the last alone: A与B签约Y is B's signing with A."""
    norm, ents = ctx.text.norm, ctx.entities
    firms = {cm.end: (cm, k) for cm, k in items if ents[k].type == "Company"}
    cur, got = last[0], [last[1]]
    # the company that ends one joining character before the current one (a place inside a name
    # is no item of the list)
    while (prev := firms.get(cur.start - 1)) is not None and _JOINT.fullmatch(norm[cur.start - 1]):
        cur = prev[0]
        got.insert(0, prev[1])
    if len(got) > 1 and (norm[max(0, cur.start - 1) : cur.start] == "由" or between.lstrip().startswith(_TOGETHER)):
        return list(dict.fromkeys(got))
    return [last[1]]


def _subsidiaries(ctx, by_sentence, places: _Places) -> list[tuple[Handle, Handle, Mention | None]]:
    """(company, its parent, where it is said): a company named after a group (X集团Y公司 of
    X集团), or a clause that says so (X集团旗下Y, X的全资子公司Y, X控股的Y, Y(X子公司),
    Y是X的子公司, Y隶属于X)."""
    out: list[tuple[Handle, Handle, Mention | None]] = []
    ents = ctx.entities
    for e in ents.values():
        if e.type != "Company":
            continue
        parent = places.parent_by_prefix(e)
        if parent is not None:
            out.append((e.handle, parent, min(e.mentions, key=lambda x: x.start) if e.mentions else None))
    norm = ctx.text.norm
    parent_w, copula = _owned("parent"), _owned("copula")
    holds_of = re.compile("(?:" + _owned("holds").pattern + ")的")
    for sent in sorted(by_sentence):
        comps = [(m, k) for m, k in by_sentence[sent] if ents[k].type == "Company"]
        for (am, a), (bm, b) in zip(comps, comps[1:]):
            if a == b or am.end > bm.start:
                continue
            between = norm[am.end : bm.start]
            if CLAUSE_END.search(between):
                continue
            # X集团旗下(的)Y / X的全资子公司Y
            if (hit := parent_w.search(between)) and not between[: hit.start()].strip("的 ") and not between[hit.end() :].strip("的 "):
                out.append((b, a, bm))
                continue
            # X控股的Y: a word of holding and 的 between
            if holds_of.fullmatch(between.strip()):
                out.append((b, a, bm))
                continue
            # Y(X子公司), Y(X的全资子公司): the owner in brackets after the firm
            if between.strip() == "(" and (tail := parent_w.match(norm, bm.end + norm.startswith("的", bm.end))) \
                    and norm.startswith(")", tail.end()):
                out.append((a, b, am))
                continue
            # Y是X的子公司 / Y隶属于X
            cop = copula.fullmatch(between.strip())
            if cop:
                rest = norm[bm.end : bm.end + 8]
                tail = parent_w.match(rest.lstrip("的"))
                if tail or between.strip().startswith("隶属"):
                    out.append((a, b, am))
    out += _owned_by_reference(ctx, by_sentence)
    return out


@lru_cache(maxsize=1)
def _reference_rx() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The frames of ownership whose other company is named before, by a word that points back
    (anaphora.tsv, Company: 该公司, 这家企业; 其; a bare 集团):
    1. 其全资子公司Y, 集团控股的Y, 该集团旗下的Y: Y is owned by the company named before;
    2. 该公司是X的全资子公司, 这家企业是X旗下的…, 该公司是X在P设立的…: the company named before
       is owned by X. Cues: ownership_cues.tsv (parent; holds: 控股的, 设立的)."""
    parent = "|".join(re.escape(w) for w in sorted({r["word"] for r in table("ownership_cues.tsv") if r["cue"] == "parent"}, key=len, reverse=True))
    holds = "|".join(re.escape(w) for w in sorted({r["word"] for r in table("ownership_cues.tsv") if r["cue"] == "holds"}, key=len, reverse=True))
    ana = "|".join(re.escape(w) for w in sorted(_anaphora("Company"), key=len, reverse=True))
    copula = "|".join(re.escape(w) for w in sorted({r["word"] for r in table("ownership_cues.tsv") if r["cue"] == "copula"}, key=len, reverse=True))
    owner_before = re.compile(rf"(?P<ana>其|(?:该|这家)?集团)(?:的)?(?:{parent}|(?:{holds})的)(?:的)?\s*$")
    subject_before = re.compile(rf"(?P<ana>{ana})\s*(?:{copula})\s*$")
    owner_after = re.compile(rf"\s*(?:的)?(?:{parent})|\s*(?:在[^，,。；;的]{{1,8}})?(?:{holds})的")
    return owner_before, subject_before, owner_after


def _owned_by_reference(ctx, by_sentence) -> list[tuple[Handle, Handle, Mention | None]]:
    """(company, its parent, where it is said) from the frames of _reference_rx: the company a
    word points back at is the nearest one named before it, in its sentence or the one before
    (for 集团, the nearest group of its paragraph)."""
    owner_before, subject_before, owner_after = _reference_rx()
    norm = ctx.text.norm
    ents = ctx.entities
    comps = sorted(((m, k) for sent in by_sentence for m, k in by_sentence[sent] if ents[k].type == "Company"),
                   key=lambda x: (x[0].start, -x[0].end))
    starts = [m.start for m, _ in comps]
    out: list[tuple[Handle, Handle, Mention | None]] = []

    def before(pos: int, group: bool, not_k: Handle) -> Handle | None:
        return _company_named_before(ctx, comps, starts, pos, group, not_k)

    for bm, b in comps:
        head = norm[max(0, bm.start - 10) : bm.start]
        if (hit := owner_before.search(head)) and not CLAUSE_END.search(head[hit.end() :]):
            pos = bm.start - len(head) + hit.start()
            a = before(pos, hit.group("ana") != "其", b)
            if a is not None:
                out.append((b, a, bm))
                continue
        if (hit := subject_before.search(head)) and owner_after.match(norm, bm.end):
            pos = bm.start - len(head) + hit.start()
            child = before(pos, False, b)
            if child is not None:
                out.append((child, b, bm))
    return out
