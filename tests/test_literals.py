"""Literals answers what a regex alternation of the same strings written longest first does."""
import random
import re

from kg.extract.literals import Literals
from kg.extract.mentions.officials import _title_rx, title_at, title_hits


def test_literals_as_the_alternation():
    rnd = random.Random(7)
    for _ in range(200):
        words = {"".join(rnd.choice("市县长副书记") for _ in range(rnd.randint(1, 4))) for _ in range(rnd.randint(1, 8))}
        rx = re.compile("|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))))
        text = "".join(rnd.choice("市县长副书记和") for _ in range(rnd.randint(0, 40)))
        hits = Literals(words).hits(text)
        assert hits.all() == [(m.start(), m.group()) for m in rx.finditer(text)]
        for i in range(len(text) + 1):
            m, s = rx.match(text, i), rx.search(text, i)
            assert hits.match(i) == (m.group() if m else None)
            assert hits.search(i) == ((s.start(), s.group()) if s else None)


def test_titles_of_a_sentence():
    norm = "副市长王刚和县委书记李明出席,镇长期待的项目"
    rx, kinds = _title_rx()
    assert title_hits(norm) == [(m.start(), m.group()) for m in rx.finditer(norm)]
    for i in range(len(norm)):
        m = rx.match(norm, i)
        assert title_at(norm, i) == ((m.group(), kinds[m.group()]) if m else None)
