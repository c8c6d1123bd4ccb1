"""The cheaper scans of extraction give what the plain way gives.

A regex told its first character (a lookahead, or the literal matched first and the character
before it looked back at), a lexicon's automaton built as a DFA, a bisection over spans in place of a mark
per character, answers kept per division or per text: each is checked here against the plain
form written in this file, on sentences written for it and on generated text.
"""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.gazetteer import load
from kg.extract.mentions.regions import Spans
from kg.io.normalize import GLOSS, _TONED, normalize

HAN = "产业园区市县镇中国发展项目"


def spans(rx: re.Pattern, text: str) -> list[tuple[tuple[int, int], tuple]]:
    return [(m.span(), m.groups()) for m in rx.finditer(text)]


# ---------------------------------------------------------------- pinyin glosses

PLAIN_GLOSS = re.compile(rf"(?<=[\u3400-\u9fff])\((?=[a-z{_TONED}]*[{_TONED}])[a-z{_TONED}]{{1,7}}\)")


def test_gloss_as_the_plain_regex_on_written_text():
    texts = [
        "产业(chǎn)园(yuán)今年新增企业12家。",
        "(zhōng)开头的括号前没有汉字, 2GW(大型)项目(xiàngmù)",
        "中((zhōng)) 国(guo) 人(rén)(rén) 镇(abcdefgh)",
    ]
    for t in texts:
        assert spans(GLOSS, t) == spans(PLAIN_GLOSS, t)
    assert [m.group() for m in GLOSS.finditer(texts[0])] == ["(chǎn)", "(yuán)"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=HAN + "()abzāǎü (", max_size=60))
def test_gloss_as_the_plain_regex(text):
    assert spans(GLOSS, text) == spans(PLAIN_GLOSS, text)


# ---------------------------------------------------------------- months and counts

def test_year_months_as_the_plain_regex():
    from kg.extract import facts

    plain = re.compile(facts.YEAR_MONTHS.pattern.removeprefix("(?=\\d)"))
    assert plain.pattern != facts.YEAR_MONTHS.pattern
    for t in ["今年1-10月份以来,园区产值增长", "2023年3月至5月", "12 — 3 月份", "5月12日开工", "20201年3月", "一月"]:
        assert spans(facts.YEAR_MONTHS, t) == spans(plain, t)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789年月份日以来至-— 去今", max_size=40))
def test_year_months_as_the_plain_regex_generated(text):
    from kg.extract import facts

    plain = re.compile(facts.YEAR_MONTHS.pattern.removeprefix("(?=\\d)"))
    assert spans(facts.YEAR_MONTHS, text) == spans(plain, text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123两三十个项重点大项目工程等、", max_size=40))
def test_count_head_as_the_plain_regex(text):
    from kg.extract.mentions import orgs

    plain = re.compile(orgs._COUNT_HEAD.pattern.removeprefix("(?=[0-9两二三四五六七八九十])"))
    assert plain.pattern != orgs._COUNT_HEAD.pattern
    assert spans(orgs._COUNT_HEAD, text) == spans(plain, text)


# ---------------------------------------------------------------- automata as DFAs

def test_dfa_automata_find_what_the_default_ones_find():
    from ahocorasick_rs import AhoCorasick, MatchKind

    from kg.extract.mentions.agencies import _body_literals
    from kg.extract.mentions.officials import _title_literals

    text = normalize("县委书记王刚、副县长李明在高新区管委会调研,市长张强主持。省发展改革委副主任到场。").norm
    for lits in (_title_literals(), _body_literals()):
        plain = AhoCorasick(lits.words, matchkind=MatchKind.Standard)
        assert lits._ac.find_matches_as_indexes(text, overlapping=True) == plain.find_matches_as_indexes(text, overlapping=True)


# ---------------------------------------------------------------- spans and kept answers

@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 8)), max_size=12), st.integers(0, 48), st.integers(1, 4))
def test_span_overlap_as_a_mark_per_character(raw, a, width):
    """What the park words' test asks: does a mention cover any character of [a, a + width)?"""
    pairs = [(s, s + n) for s, n in raw]
    covered = bytearray(60)
    for s, e in pairs:
        covered[s:e] = b"\x01" * (e - s)
    assert Spans(p for p in pairs if p[0] < p[1]).overlaps(a, a + width) == any(covered[a : a + width])


def test_ancestors_are_a_list_of_the_callers_own():
    gaz = load()
    code = next(c for c, d in sorted(gaz.by_code.items()) if d.level == "county")
    first = gaz.ancestors(code)
    assert first and [d.code for d in gaz.chain(code)][1:] == [d.code for d in first]
    first.clear()  # a caller that changes its answer changes no later one
    assert gaz.ancestors(code) and gaz.ancestors(code) is not gaz.ancestors(code)


def test_evidence_kept_per_text():
    """Two texts with a mention at the same span: each mention's evidence is its own text's."""
    from kg.extract.resolve import evidence
    from kg.model import Mention

    m = Mention("Company", "甲乙", 4, 6)
    one, two = normalize("第一句。甲乙公司在园区。"), normalize("一二三四甲乙公司在园区。")
    a, b = evidence(one, "art", m), evidence(two, "art", m)
    assert (a.sentence, b.sentence) == (1, 0)
    assert evidence(one, "art", m) == a and evidence(one, "other", m).article == "other"
