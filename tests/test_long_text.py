"""Extraction does work linear in an article's length: no stage loops over all mentions (or
scans the whole text) once per match.

Nothing here is timed (bench/long_article.py measures the speed). Each stage runs on one text
and on a text four times as long, and three counts of its work are compared, all the same on any
machine for the same code and text:
  calls      Python calls and generator steps (sys.setprofile): an `any(... for s, e in spans)`
             per match is a generator step per span;
  reads      attribute reads of Mention objects: a list comprehension over all mentions per
             match reads a field of each;
  scanned    characters of the article that str.count, find, rfind, index and `in` were asked to
             look through: a str.count(name) per name reads the whole text each time.
Linear work grows as the text and what is found in it grow; a quadratic stage grows as their
product, far past the bound below. (Generated news: the longer text names more places, so it
also holds more mentions per character, which the bound allows for.)
"""
from __future__ import annotations

import sys
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT

SMALL, LARGE = 0.1, 0.4  # MB of generated news: a text and one four times as long
SLACK = 1.5  # how far past the growth of text and mentions a count may grow


@pytest.fixture(scope="module")
def texts() -> tuple[str, str]:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from long_article import long_text
    finally:
        sys.path.remove(str(ROOT / "bench"))
    from kg.extract.article import extract
    from kg.extract.facts import parse_number

    from conftest import article

    parse_number("两千五百万")  # imports cn2an, whose regexes would be counted as work
    extract(article(long_text(0.05, 3)))  # jieba, the gazetteer, every lexicon and regex
    return _with_towns(long_text(SMALL, 5)), _with_towns(long_text(LARGE, 5))


def _with_towns(text: str) -> str:
    """The generated news, with a paragraph after each article that names two townships of its
    county and lists companies (which the generator's templates do not write)."""
    import random

    from kg.extract.gazetteer import load

    gaz = load()
    towns: dict[str, list[str]] = {}
    for code, kids in gaz.children.items():
        d = gaz.get(code)
        names = [gaz.get(k).name for k in kids if gaz.get(k) and gaz.get(k).name.endswith(("镇", "乡"))]
        if d and d.level == "county" and len(names) >= 2:
            towns[d.name] = names
    r = random.Random(2)
    brands = "华恒 鑫源 瑞科 金禾 昌能 宏图 远帆 天元 福兴 宇兴 聚鑫 蒙泰".split()
    out = []
    for part in text.split("\n标题:"):
        county = next((c for c in towns if c in part[:40]), None)
        if county:
            a, b = r.sample(towns[county], 2)
            x, y = r.sample(brands, 2)
            part += f"\n{county}{a}和{b}的{x}科技、{y}农业获批专项资金。"
        out.append(part)
    return "\n标题:".join(out)


class _Scanned(str):
    """The article's normalised text, counting the characters string searches look through."""

    total = 0

    def _span(self, start=None, end=None) -> int:
        n = len(self)
        s = 0 if start is None else (start if start >= 0 else max(0, n + start))
        e = n if end is None else (end if end >= 0 else max(0, n + end))
        return max(0, min(e, n) - s)

    def count(self, sub, start=None, end=None):
        _Scanned.total += self._span(start, end)
        return str.count(self, sub, *[x for x in (start, end) if x is not None])

    def find(self, sub, start=None, end=None):
        _Scanned.total += self._span(start, end)
        return str.find(self, sub, *[x for x in (start, end) if x is not None])

    def rfind(self, sub, start=None, end=None):
        _Scanned.total += self._span(start, end)
        return str.rfind(self, sub, *[x for x in (start, end) if x is not None])

    def index(self, sub, start=None, end=None):
        _Scanned.total += self._span(start, end)
        return str.index(self, sub, *[x for x in (start, end) if x is not None])

    def __contains__(self, sub):
        _Scanned.total += len(self)
        return str.__contains__(self, sub)

    # the text stays a plain key and compares as before
    __hash__ = str.__hash__
    __eq__ = str.__eq__


class _Counter:
    def __init__(self) -> None:
        self.calls = self.reads = 0

    def profile(self, frame, event, arg) -> None:
        if event in ("call", "c_call"):
            self.calls += 1


def _counting_mention(counter: _Counter):
    from kg.model import Mention

    class CountedMention(Mention):
        def __getattribute__(self, name):
            counter.reads += 1
            return object.__getattribute__(self, name)

    return CountedMention


STAGES = ("regions", "agencies", "officials", "orgs", "figures")


def _measure(text: str, monkeypatch) -> tuple[dict[str, tuple[int, int, int]], dict[str, int]]:
    """{stage: (calls, reads, scanned)} of each mention stage and of find_figures, and how much
    each found."""
    import kg.extract.mentions.agencies as agencies_mod
    import kg.extract.mentions.officials as officials_mod
    import kg.extract.mentions.orgs as orgs_mod
    import kg.extract.mentions.regions as regions_mod
    from kg.extract import facts
    from kg.io.normalize import normalize
    from kg.extract.resolve import resolve_article

    counter = _Counter()
    counted = _counting_mention(counter)
    for mod in (regions_mod, agencies_mod, officials_mod, orgs_mod):
        monkeypatch.setattr(mod, "Mention", counted)
    t = normalize(text)
    t = replace(t, norm=_Scanned(t.norm))
    work: dict[str, tuple[int, int, int]] = {}

    def run(stage, fn, *args):
        counter.calls = counter.reads = 0
        _Scanned.total = 0
        sys.setprofile(counter.profile)
        try:
            out = fn(*args)
        finally:
            sys.setprofile(None)
        work[stage] = (counter.calls, counter.reads, _Scanned.total)
        return out

    regions = run("regions", regions_mod.find_regions, t)
    agencies = run("agencies", agencies_mod.find_agencies, t, regions)
    officials = run("officials", officials_mod.find_officials, t, regions, agencies)
    orgs = run("orgs", orgs_mod.find_orgs, t, regions, agencies, [o.mention for o in officials])
    ctx = resolve_article(t, "a", regions, agencies, officials, orgs)
    mentions = sorted(((m, k, r.type) for k, r in ctx.entities.items() for m in r.mentions), key=lambda x: x[0].start)
    focal = f"Region:{ctx.focal}" if ctx.focal else ""
    figures = run("figures", facts.find_figures, t.norm, t.sentences, mentions, focal, "2023-06-30", lambda s, e: None)
    found = {
        "chars": len(t.norm),
        "mentions": len(regions) + len(agencies) + len(officials) + len(orgs),
        "figures": len(figures),
    }
    return work, found


@pytest.fixture(scope="module")
def measured(texts):
    mp = pytest.MonkeyPatch()
    try:
        return _measure(texts[0], mp), _measure(texts[1], mp)
    finally:
        mp.undo()


@pytest.mark.parametrize("stage", STAGES)
def test_stage_work_grows_linearly(measured, stage):
    (small, found_small), (large, found_large) = measured
    growth = max(found_large[k] / max(1, found_small[k]) for k in found_small)
    assert growth >= 3, (found_small, found_large)  # the longer text is that much longer
    for what, a, b in zip(("calls", "reads", "scanned"), small[stage], large[stage]):
        # a stage that does next to nothing on the short text (no string search at all) may
        # not do much more on the long one: 2000 units is the floor of what is compared
        ratio = max(b, 1) / max(a, 2000)
        assert ratio <= SLACK * growth, (
            f"{stage}: {what} grew {ratio:.1f} times for a text (and mentions) {growth:.1f} times "
            f"as large ({a} -> {b}): work per match that grows with the article"
        )


def test_officials_ask_the_text_once_per_name(measured):
    """str.count per candidate name went over the whole text each time."""
    (small, found_small), (large, found_large) = measured
    assert large["officials"][2] <= 2 * found_large["chars"], large["officials"]


def _measure_extract(text: str, monkeypatch) -> tuple[tuple[int, int, int], dict[str, int]]:
    """(calls, reads, scanned) of the whole of extract(), and how much it found."""
    import kg.extract.article as extract_mod
    import kg.extract.mentions.agencies as agencies_mod
    import kg.extract.mentions.officials as officials_mod
    import kg.extract.mentions.orgs as orgs_mod
    import kg.extract.mentions.regions as regions_mod
    from kg.io.normalize import normalize

    from conftest import article

    counter = _Counter()
    counted = _counting_mention(counter)
    for mod in (regions_mod, agencies_mod, officials_mod, orgs_mod):
        monkeypatch.setattr(mod, "Mention", counted)
    monkeypatch.setattr(extract_mod, "normalize", lambda s: replace(normalize(s), norm=_Scanned(normalize(s).norm)))
    a = article(text)
    _Scanned.total = 0
    sys.setprofile(counter.profile)
    try:
        res = extract_mod.extract(a)
    finally:
        sys.setprofile(None)
    found = {
        "chars": len(text),
        "evidence": sum(len(e.evidence) for e in res.entities) + sum(len(r.evidence) for r in res.relations),
        "figures": len(res.figures),
    }
    return (counter.calls, counter.reads, _Scanned.total), found


def test_extract_work_grows_linearly(texts):
    mp = pytest.MonkeyPatch()
    try:
        (small, found_small), (large, found_large) = (_measure_extract(t, mp) for t in texts)
    finally:
        mp.undo()
    growth = max(found_large[k] / max(1, found_small[k]) for k in found_small)
    for what, a, b in zip(("calls", "reads", "scanned"), small, large):
        ratio = max(b, 1) / max(a, 2000)
        assert ratio <= SLACK * growth, (
            f"extract: {what} grew {ratio:.1f} times for a text (and what it holds) {growth:.1f} times "
            f"as large ({a} -> {b})"
        )


# ---------------------------------------------------------------- the indexes against the scans they replace

SPANS = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 8)).map(lambda t: (t[0], t[0] + t[1])), max_size=20)


@settings(max_examples=300, deadline=None)
@given(SPANS, st.integers(-2, 40), st.integers(0, 8))
def test_spans_answer_as_any_would(spans, s, n):
    from kg.extract.mentions.regions import Spans

    e = s + n
    idx = Spans(spans)
    assert idx.overlaps(s, e) == any(a < e and s < b for a, b in spans)
    assert idx.overlaps(s, s) == any(a < s < b for a, b in spans)
    assert idx.covers(s, e) == any(a <= s and e <= b for a, b in spans)
    assert idx.holds(s, e) == any(a <= s and e <= b and (a, b) != (s, e) for a, b in spans)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="王王欧阳建国阳a", max_size=40), st.text(alphabet="王欧阳建国a", min_size=1, max_size=4))
def test_occurrences_count_and_find_as_str(text, name):
    from kg.extract.mentions.officials import Occurrences

    occ = Occurrences(text)
    for _ in range(2):  # the answer kept is the answer
        assert occ.count(name) == text.count(name)
        assert occ.find(name) == text.find(name)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 6), st.sampled_from("PC")), max_size=15), st.integers(0, 40))
def test_prior_is_the_last_named_before(raw, pos):
    from kg.extract.facts import _Prior
    from kg.model import Mention

    mentions = sorted(
        ((Mention(t, "x", a, a + n), f"{t}:{k}", t) for k, (a, n, t) in enumerate(raw)), key=lambda x: x[0].start
    )
    prior = _Prior(mentions)
    for typ in "PCX":
        want = [(m, k) for m, k, t in mentions if t == typ and m.end <= pos]
        assert prior(typ, pos) == (max(want, key=lambda x: x[0].start)[1] if want else None)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="甲乙,，;：。", min_size=0, max_size=200), st.integers(-3, 210))
def test_clause_start_as_the_scan(sent, pos):
    from kg.extract.facts import CLAUSE, _clause_start

    cut = 0
    for m in CLAUSE.finditer(sent, 0, pos):
        cut = m.end()
    assert _clause_start(sent, pos) == cut
