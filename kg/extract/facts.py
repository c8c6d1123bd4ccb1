"""Figures and periods: investments, capacities, outputs, growth rates, project status.

Numbers are parsed here (Arabic, full-width, Chinese numerals through cn2an, ranges such as
5—8亿元) and normalised: money in yuan, mass in tonnes, power in kW, percentages as written.
Each figure is attached to what its clause is about (a project, company, park, or the region)
and to its period (1-10月份, 上半年, 前三季度, 2021年), resolved against the article's date.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from kg.model import Evidence, Figure, Mention, Quantity
from kg.resources import table

CN_DIGITS = "零〇一二两三四五六七八九十百千"
NUM = rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?|[{CN_DIGITS}]+(?:点[零〇一二三四五六七八九]+)?)"
RANGE_SEP = r"[-—–~～至到]"
CLAUSE = re.compile(r"[,，;；:：]")
# (?=\d): every match starts with a digit; said first, the regex engine skips to the digits
YEAR_MONTHS = re.compile(
    r"(?=\d)(?:((?:19|20)\d\d)年)?(\d{1,2})\s*(?:[-—–~～至到]\s*(\d{1,2}))?\s*月份?(?!\d*日)(以来)?"
)
HAS_DIGIT = re.compile(r"\d")
YEAR = re.compile(r"((?:19|20)\d\d)年(以来|全年|度)?(?!\d{1,2}月|同期)")  # 比2019年同期: a base
AVERAGE = re.compile(r"([两二三四五六七八九十\d]+)年(?:平均|年均)|年均")


# ---------------------------------------------------------------- numbers and quantities

def _longest_first(ws) -> str:
    """An alternation of words, longest first, so that 万亿 is tried before 万."""
    return "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))


@lru_cache(maxsize=1)
def _multipliers() -> dict[str, Decimal]:
    """multipliers.tsv: 万 -> 1e4, 亿 -> 1e8 ...; "" (no number word) -> 1."""
    return {r["word"]: Decimal(r["factor"]) for r in table("multipliers.tsv")} | {"": Decimal(1)}


@lru_cache(maxsize=1)
def _per() -> dict[str, str]:
    """capacity.tsv: the capacity word before a figure -> its period (年产 -> year)."""
    return {r["prefix"]: r["per"] for r in table("capacity.tsv")}


@lru_cache(maxsize=None)
def _change_rx(*directions: str) -> re.Pattern:
    """A word of change of changes.tsv (增长, 下降) at the end of the text before a percentage."""
    ws = [r["word"] for r in table("changes.tsv") if r["direction"] in directions]
    return re.compile(rf"(?:同比)?(?:{_longest_first(ws)})(?:了)?\s*$")


def _growth_rx() -> re.Pattern:
    return _change_rx("up", "down")


def _decline_rx() -> re.Pattern:
    return _change_rx("down")


@lru_cache(maxsize=8192)
def parse_number(s: str) -> Decimal:
    """'233.7', '1,965', '两千五百万', '十三点八' -> Decimal. Raises ValueError. Cached (a
    Decimal is immutable): cn2an takes 20 µs a numeral, and the same few recur (二期, 三期)."""
    s = s.strip().replace(",", "")
    if not s:
        raise ValueError("empty number")
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return Decimal(s)
    if s in (numerals := _numerals()):
        if (one := numerals[s]) is None:
            raise ValueError(f"not a number: {s}")
        return one
    import cn2an

    try:
        return Decimal(str(cn2an.cn2an(s, "smart")))
    except (ValueError, KeyError, InvalidOperation) as e:
        raise ValueError(f"not a number: {s}") from e


@lru_cache(maxsize=1)
def _numerals() -> dict[str, Decimal | None]:
    """kg/data/numerals.tsv: a numeral of one character -> its value, None for no number."""
    return {r["numeral"]: None if r["value"] == "-" else Decimal(r["value"]) for r in table("numerals.tsv")}


@lru_cache(maxsize=1)
def _units() -> dict[str, tuple[str, str, Decimal]]:
    return {r["surface"]: (r["dimension"], r["unit"], Decimal(r["factor"])) for r in table("units.tsv")}


@lru_cache(maxsize=1)
def _quantity_rx() -> re.Pattern:
    units = "|".join(re.escape(u) for u in sorted(_units(), key=len, reverse=True))
    per = _longest_first(_per())
    mult = f"(?:{_longest_first(m for m in _multipliers() if m)})"
    sp = r"[^\S\n]*"  # spaces, never a line break: a figure lies within one sentence
    return re.compile(
        rf"(?P<per>{per})?(?P<a>{NUM}){sp}(?P<am>{mult})?"
        rf"(?:{sp}{RANGE_SEP}{sp}(?P<b>{NUM}){sp}(?P<bm>{mult})?)?{sp}(?P<unit>{units})"
    )


@lru_cache(maxsize=1)
def _quantity_starts() -> re.Pattern:
    """The characters a quantity can start with: a digit, a Chinese numeral, a capacity word's
    first character."""
    firsts = {w[0] for w in _per() if w} | set(CN_DIGITS)
    return re.compile(r"[\d" + re.escape("".join(sorted(firsts))) + "]")


_NUMERAL_RUN = re.compile(rf"\d+|[{CN_DIGITS}]+")  # NUM's two kinds of digits, each in a run


def _quantity_matches(text: str, pos: int = 0):
    """_quantity_rx().finditer(text, pos), the same matches: the pattern is tried only where a
    quantity can start (found by a character class, which the regex engine scans for fast),
    where finditer tried it at every character (its optional capacity word hides the first
    character from the engine)."""
    search, match, run = _quantity_starts().search, _quantity_rx().match, _NUMERAL_RUN.match
    while (c := search(text, pos)) is not None:
        m = match(text, c.start())
        if m is None:
            # no quantity starts later in the same run of digits (or of Chinese numerals) either:
            # the number there is a tail of this one's, with the same text after it (2023年:
            # tried at 2, not again at 0, 2 and 3)
            r = run(text, c.start())
            pos = r.end() if r else c.start() + 1
        else:
            yield m
            pos = m.end()  # never empty: a number and a unit at least


def quantities(text: str) -> list[Quantity]:
    """Every number with a unit in text, normalised (亿元 -> yuan, 万吨 -> t, % as written)."""
    return _quantities(_quantity_matches(text))


def _quantities(matches, base: int = 0) -> list[Quantity]:
    """Quantities of regex matches, their offsets made relative to base."""
    out = []
    for m in matches:
        v = _value(m.group("a"), m.group("am") or "", m.group("b") or "", m.group("bm") or "", m.group("unit"))
        if v is not None:
            value, low, high, unit, dim = v
            per = _per().get(m.group("per") or "", "")
            out.append(Quantity(value, low, high, unit, dim, m.group(0), m.start() - base, m.end() - base, per))
    return out


@lru_cache(maxsize=8192)
def _value(a_s: str, am: str, b_s: str, bm: str, unit_s: str):
    """(value, low, high, unit, dimension) of a number, a multiplier, maybe a range, and a unit.
    Cached: news repeat their figures' forms, and cn2an and Decimal cost 40 µs a figure."""
    dim, unit, factor = _units()[unit_s]
    try:
        a = parse_number(a_s)
        b = parse_number(b_s) if b_s else None
    except ValueError:
        return None
    if b is not None and not am and bm:
        am = bm  # 5—8亿元: the multiplier written once serves both ends
    if dim in ("percent", "points") and (am or bm):
        return None
    multiplier = _multipliers()
    av = a * multiplier[am] * factor
    if b is not None:
        bv = b * multiplier[bm or am] * factor
        low, high = min(av, bv), max(av, bv)
        return None, _clean(low), _clean(high), unit, dim
    return _clean(av), None, None, unit, dim


def _clean(d: Decimal) -> Decimal:
    """4.334E+9 -> 4334000000; keeps real decimals (13.8)."""
    d = d.normalize()
    return d.quantize(Decimal(1)) if d == d.to_integral_value() else d


# ---------------------------------------------------------------- periods

@lru_cache(maxsize=1)
def _period_words() -> list[tuple[str, str, str]]:
    return sorted(((r["word"], r["kind"], r["value"]) for r in table("periods.tsv")), key=lambda r: -len(r[0]))


@lru_cache(maxsize=1)
def _period_rx() -> list[re.Pattern]:
    return [re.compile(re.escape(w) + "(?!同期)") for w, _, _ in _period_words()]  # 较去年同期: a comparison


@lru_cache(maxsize=1)
def _any_period_word() -> re.Pattern:
    """Most sentences have no period word: one search spares them a pass per word."""
    return re.compile("|".join(re.escape(w) for w, _, _ in _period_words()))


@dataclass(frozen=True, slots=True)
class Period:
    start: int
    end: int
    label: str
    year: int | None
    m1: int | None
    m2: int | None
    since: bool = False

    def iso(self, article_date: str) -> str:
        if self.year is None:
            return ""
        if self.since:
            end = article_date[:7] if article_date else ""
            return f"{self.year:04d}-{self.m1 or 1:02d}/{end}" if end else f"{self.year:04d}"
        if self.m1 is None:
            return f"{self.year:04d}"
        if self.m2 is None or self.m2 == self.m1:
            return f"{self.year:04d}-{self.m1:02d}"
        return f"{self.year:04d}-{self.m1:02d}/{self.year:04d}-{self.m2:02d}"


def periods(text: str, article_date: str = "") -> list[Period]:
    """Period expressions in text, with relative years (今年, 去年) resolved by the article date."""
    year0 = int(article_date[:4]) if article_date[:4].isdigit() else None
    found: list[Period] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    digits = HAS_DIGIT.search(text) is not None  # years and months are written in digits
    for m in YEAR_MONTHS.finditer(text) if digits else ():
        m1, m2 = int(m.group(2)), int(m.group(3) or m.group(2))
        if not (1 <= m1 <= 12 and 1 <= m2 <= 12 and m1 <= m2):
            continue
        y = int(m.group(1)) if m.group(1) else year0  # 1-10月份: of the article's year
        found.append(Period(m.start(), m.end(), m.group(0), y, m1, m2 if m.group(3) else None, bool(m.group(4))))
        taken.append((m.start(), m.end()))
    for m in YEAR.finditer(text) if digits else ():
        if free(m.start(), m.end()):
            found.append(Period(m.start(), m.end(), m.group(0), int(m.group(1)), None, None, m.group(2) == "以来"))
            taken.append((m.start(), m.end()))
    for (word, kind, value), rx in zip(_period_words(), _period_rx()) if _any_period_word().search(text) else ():
        if word not in text:
            continue  # a scan for a word the sentence lacks (`in` is a tenth of a finditer)
        for m in rx.finditer(text):
            if not free(m.start(), m.end()):
                continue
            taken.append((m.start(), m.end()))
            if kind == "months":
                a, b = (int(x) for x in value.split("-"))
                found.append(Period(m.start(), m.end(), word, year0, a, b))
            else:
                y = year0 + int(value) if year0 is not None else None
                found.append(Period(m.start(), m.end(), word, y, None, None, kind == "since"))
    found.sort(key=lambda p: p.start)
    return _combine(found)


def _combine(ps: list[Period]) -> list[Period]:
    """今年上半年, 2022年1-10月: a year followed by months is one period."""
    out: list[Period] = []
    for p in ps:
        prev = out[-1] if out else None
        if prev and prev.m1 is None and p.m1 is not None and p.start - prev.end <= 1:
            out[-1] = Period(prev.start, p.end, prev.label + p.label, p.year if p.year and p.year != prev.year and p.label[:1].isdigit() and "年" in p.label else prev.year, p.m1, p.m2, p.since)
        else:
            out.append(p)
    return out


# ---------------------------------------------------------------- metrics and statuses

@lru_cache(maxsize=1)
def _metrics() -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    rows = {r["keyword"]: (r["metric"], r["scope"]) for r in table("metrics.tsv")}
    rx = re.compile("|".join(re.escape(k) for k in sorted(rows, key=len, reverse=True)))
    return rx, rows


@lru_cache(maxsize=1)
def _keywords_within_clauses() -> bool:
    """No metric keyword holds a clause mark: none can run across the start of a clause."""
    return not any(CLAUSE.search(k) for k in _metrics()[1])


@lru_cache(maxsize=1)
def _statuses() -> tuple[re.Pattern, dict[str, str]]:
    rows = {r["word"]: r["status"] for r in table("statuses.tsv")}
    return re.compile("|".join(re.escape(k) for k in sorted(rows, key=len, reverse=True))), rows


def find_figures(
    norm: str,
    sentences: tuple[tuple[int, int], ...],
    mentions: list[tuple[Mention, str, str]],  # (mention, entity key, entity type)
    focal_key: str,
    article_date: str,
    evidence_of,  # (start, end) -> Evidence
) -> list[Figure]:
    """Figures of one article. mentions: every resolved entity mention, in text order."""
    out: list[Figure] = []
    metric_rx, metric_rows = _metrics()
    # what one sentence hands to the next (a period, a park or company, what was measured) is
    # looked up only when a later figure needs it: most sentences hold no figure
    para = 0  # index of the paragraph's first sentence
    carried_subject = ""  # a park or company a figure was about, for the next sentence
    found: dict[int, list[Period]] = {}

    def periods_of(i: int) -> list[Period]:
        if i not in found:
            a, b = sentences[i]
            found[i] = periods(norm[a:b], article_date)
        return found[i]

    def carried(i: int, memo: dict, last_in):
        """last_in(j) of the nearest sentence j before i in its paragraph that has one. What a
        walk back from j found is kept for j (its paragraph is i's), so that no sentence is
        walked over twice: a walk per figure was quadratic in a paragraph's length."""
        walked, res, j = [], None, i - 1
        while j >= para:
            if j in memo:
                res = memo[j]
                break
            walked.append(j)
            res = last_in(j)
            if res is not None:
                break
            j -= 1
        for w in walked:
            memo[w] = res
        return res

    def period_in(j: int) -> Period | None:
        ps = periods_of(j)
        return ps[-1] if ps else None

    def metric_in(j: int) -> re.Match | None:
        a, b = sentences[j]
        last = None
        for last in metric_rx.finditer(norm, a, b):
            pass
        return last

    period_memo: dict[int, Period | None] = {}
    metric_memo: dict[int, re.Match | None] = {}

    def carried_period(i: int) -> Period | None:
        # a period holds for the sentences after it, to the paragraph end
        return carried(i, period_memo, period_in)

    def carried_metric(i: int) -> re.Match | None:
        return carried(i, metric_memo, metric_in)

    prior = _Prior(mentions)

    starts = [m.start for m, _, _ in mentions]  # in text order: a sentence's mentions are a slice
    # figures never cross a sentence end, so one scan of the text serves every sentence
    qms = list(_quantity_matches(norm))
    q_starts = [m.start() for m in qms]
    # only sentences with a figure or a project have anything to say
    sent_starts = [a for a, _ in sentences]
    busy = {bisect.bisect_right(sent_starts, m.start()) - 1 for m in qms}
    busy |= {bisect.bisect_right(sent_starts, m.start) - 1 for m, _, t in mentions if t == "Project"}
    # a paragraph starts with the sentence after a line break
    resets = [i for i, (a, _) in enumerate(sentences) if a > 0 and "\n" in norm[max(0, a - 2) : a + 1]]
    subject_para = -1  # the paragraph carried_subject was found in
    for i in sorted(busy - {-1}):
        s0, s1 = sentences[i]
        r = bisect.bisect_right(resets, i)
        para = resets[r - 1] if r else 0
        if para != subject_para:
            carried_subject = ""
        here = mentions[bisect.bisect_left(starts, s0) : bisect.bisect_left(starts, s1)]
        projects = [(m, k) for m, k, t in here if t == "Project"]
        q_here = qms[bisect.bisect_left(q_starts, s0) : bisect.bisect_left(q_starts, s1)]
        if not q_here:
            if projects:
                out += _statuses_in(norm[s0:s1], s0, projects, evidence_of, article_date)
            continue
        sent = norm[s0:s1]
        paired = _respectively(sent, metric_rx)
        sent_kws: tuple[list[re.Match], list[int]] | None = None  # the sentence's metric keywords and their ends
        for q in _quantities(q_here, s0):
            qs, qe = s0 + q.start, s0 + q.end
            # a capacity written in a project's name: 年产16万吨岩矿棉生产线项目
            inside = [(m, k) for m, k in projects if m.start <= qs and qe <= m.end]
            if inside and q.per:
                out.append(Figure(inside[0][1], "capacity", "产能", q, evidence=evidence_of(qs, qe)))
                continue
            if inside and q.unit in ("kW", "kWh") and norm[qs - 1 : qs] == "(":
                out.append(Figure(inside[0][1], "capacity", "产能", q, evidence=evidence_of(qs, qe)))
                continue
            if inside or q.dimension == "count":
                continue  # counts (项目132个) are left to the text
            clause_start = _clause_start(sent, q.start)
            before = sent[clause_start : q.start]
            kw = None
            for km in metric_rx.finditer(sent, clause_start, q.start):
                kw = km
            if kw is None and q.dimension in ("percent", "points"):
                # 总产值43.34亿元,同比增长14.1%: a growth rate of the figure before it
                if _keywords_within_clauses():
                    # the last keyword before the clause: the sentence's keywords are found once,
                    # where a scan up to each figure was quadratic in the sentence's length (none
                    # crosses the clause mark before clause_start, so these are finditer's own)
                    if sent_kws is None:
                        found_kws = list(metric_rx.finditer(sent))
                        sent_kws = found_kws, [km.end() for km in found_kws]
                    k = bisect.bisect_right(sent_kws[1], clause_start)
                    kw = sent_kws[0][k - 1] if k else None
                else:
                    for km in metric_rx.finditer(sent, 0, clause_start):
                        kw = km
                if kw is None:
                    kw = carried_metric(i)  # ...增长27.7%;比2019年同期增长35.6%
            if kw is None:  # a figure with nothing naming it: not data
                continue
            if q.start in paired:
                kw = paired[q.start]
            metric, scope = metric_rows[kw.group()]
            label = kw.group()
            if scope == "nation":
                continue
            if q.dimension in ("percent", "points"):
                if q.start not in paired and not _growth_rx().search(before[-8:]) and not _growth_rx().search(before):
                    continue
                metric = ("decline:" if _decline_rx().search(before[-8:]) else "growth:") + metric
                avg = AVERAGE.search(before)
                if avg:  # 两年平均增长16.5%: an average yearly rate over that many years
                    metric = "average_" + metric
                    label = avg.group(0) + label
            elif q.dimension != "money" and metric not in ("throughput", "capacity", "exports", "power_use", "industrial_power_use"):
                continue
            elif q.dimension != "money" and metric == "exports":
                metric = "export_quantity"
            subject = _subject(qs, qe, s0, sent, here, focal_key, scope, norm, mentions, prior)
            if subject == focal_key and carried_subject and not any(m.start < qs for m, _, _ in here):
                subject = carried_subject  # ...产值2.16亿元;税收510.84万元: still the park
            carried_subject, subject_para = (subject if subject != focal_key else ""), para
            p = _period_before(periods_of(i), q.start) or carried_period(i)
            out.append(
                Figure(subject, metric, label, q, period=p.iso(article_date) if p else "",
                       period_label=p.label if p else "", evidence=evidence_of(qs, qe))
            )
        if projects:
            out += _statuses_in(sent, s0, projects, evidence_of, article_date)
    return out


def _respectively(sent: str, metric_rx: re.Pattern) -> dict[int, re.Match]:
    """一般公共预算收入、规上工业增加值、贷款余额分别增长10.9%、19.5%、23.65%: pair in order."""
    out: dict[int, re.Match] = {}
    if "分别" not in sent:
        return out
    for m in re.finditer("分别", sent):
        clause = _clause_start(sent, m.start())
        kws = list(metric_rx.finditer(sent, clause, m.start()))
        qs = _quantities(_near(_quantity_matches(sent, m.end()), m.end() + 40), m.end())
        if len(kws) >= 2 and len(kws) == len(qs):
            for kw, q in zip(kws, qs):
                out[m.end() + q.start] = kw
    return out


def _near(matches, limit: int):
    """The matches starting before limit (they come in text order): what [q for q in
    quantities(sent[at:]) if q.start < 40] keeps, without reading the rest of the sentence."""
    for m in matches:
        if m.start() >= limit:
            return
        yield m


def _clause_start(sent: str, pos: int) -> int:
    """Where the clause holding pos starts: after the last clause mark before it. By bisection
    over the sentence's marks, found once: a scan of the sentence up to pos for each figure was
    quadratic in a sentence's length (a text without sentence ends is one sentence)."""
    if len(sent) <= 64:  # a short sentence: the scan is cheaper than the cache
        cut = 0
        for m in CLAUSE.finditer(sent, 0, pos):
            cut = m.end()
        return cut
    ends = _clause_ends(sent)
    k = bisect.bisect_right(ends, pos)  # the marks that end by pos: those finditer(sent, 0, pos) finds
    return ends[k - 1] if k else 0


@lru_cache(maxsize=16)
def _clause_ends(sent: str) -> tuple[int, ...]:
    return tuple(m.end() for m in CLAUSE.finditer(sent))


def _period_before(ps: list[Period], pos: int) -> Period | None:
    before = [p for p in ps if p.end <= pos]
    return before[-1] if before else None


@lru_cache(maxsize=1)
def _anaphora() -> tuple[re.Pattern, dict[str, str]]:
    """anaphora.tsv: 该园区, 该项目 ... in one pattern (longest first), and each one's entity type."""
    types = {r["word"]: r["type"] for r in table("anaphora.tsv")}
    return re.compile(_longest_first(types)), types


class _Prior:
    """The entity of a type named last before a place (the one starting last, the first such in
    the list), by bisection over the mentions of each type: a pass over all mentions per
    anaphor (该园区, 该项目) was quadratic in the article's length. mentions: in text order."""

    def __init__(self, mentions) -> None:
        self._of: dict[str, tuple[list[int], list[tuple[Mention, str]]]] = {}
        for m, k, t in mentions:
            starts, items = self._of.setdefault(t, ([], []))
            starts.append(m.start)
            items.append((m, k))

    def __call__(self, typ: str, pos: int) -> str | None:
        """What max(((m, k) of typ if m.end <= pos), key=start)[1] would give, or None."""
        if typ not in self._of:
            return None
        starts, items = self._of[typ]
        j = bisect.bisect_right(starts, pos) - 1
        while j >= 0 and items[j][0].end > pos:  # mentions running across pos
            j -= 1
        if j < 0:
            return None
        best, s = j, starts[j]
        while j > 0 and starts[j - 1] == s:  # max() keeps the first of equal starts
            j -= 1
            if items[j][0].end <= pos:
                best = j
        return items[best][1]


def _subject(qs: int, qe: int, s0: int, sent: str, here, focal_key: str, scope: str, norm: str, all_mentions=(),
             prior_of=None) -> str:
    """What a figure is about: a project right after it (投资8500万元的猪肉屠宰加工项目); else the
    nearest company, park or project in its clause or the clause before; else a region named in
    its clause; else the article's region. Indicators of a place (规上工业增加值) go to a region."""
    orgs = [(m, k, t) for m, k, t in here if t in ("Project", "Company", "IndustrialPark")]
    if scope != "region":
        after = [(m, k) for m, k, t in orgs if t == "Project" and 0 <= m.start - qe <= 2 and norm[qe : m.start] in ("", "的")]
        if after:
            return after[0][1]
        rel = qs - s0
        this = _clause_start(sent, rel)
        prev = _clause_start(sent, max(0, this - 1)) if this > 0 else 0
        # a list member (河套酒业、伊利公司、华恒生物等12个企业) is not what the clause is about
        near = [(m, k) for m, k, t in orgs if s0 + prev <= m.start and m.end <= qs and norm[m.end : m.end + 1] not in "、等"]
        if near:
            return max(near, key=lambda x: x[0].start)[1]
        if not any(s0 <= m.start < qs for m, k, t in orgs):
            # 该区域内..., 园区内...: the park (project, company) of the sentences before
            ana_rx, ana_types = _anaphora()
            ana = ana_rx.search(sent, 0, rel)
            if ana:
                typ = ana_types[ana.group()]
                if prior_of is not None:  # _Prior(all_mentions)
                    key = prior_of(typ, s0)
                    if key is not None:
                        return key
                else:
                    prior = [(m, k) for m, k, t in all_mentions if t == typ and m.end <= s0]
                    if prior:
                        return max(prior, key=lambda x: x[0].start)[1]
    rel = qs - s0
    this = _clause_start(sent, rel)
    regions = [(m, k) for m, k, t in here if t == "Region" and s0 + this <= m.start and m.end <= qs]
    if regions:
        return max(regions, key=lambda x: x[0].start)[1]
    return focal_key


def _statuses_in(sent: str, s0: int, projects, evidence_of, article_date: str) -> list[Figure]:
    """A status word after a project, or after a list of projects, in the same clause:
    华恒生物二期、旭一反刍饲料加工项目...进入最后收尾阶段."""
    rx, rows = _statuses()
    out: list[Figure] = []
    for m in rx.finditer(sent):
        pos = s0 + m.start()
        clause = s0 + _clause_start(sent, m.start())
        hit = [(pm, k) for pm, k in projects if clause <= pm.start and pm.end <= pos]
        seen = set()
        for pm, k in hit:
            if k in seen or any(o.subject == k and o.status == rows[m.group()] for o in out):
                continue
            seen.add(k)
            out.append(Figure(k, "status", m.group(), None, status=rows[m.group()],
                              evidence=evidence_of(pm.start, pos + len(m.group()))))
    return out
