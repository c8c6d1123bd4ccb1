"""A lexicon of literal strings (titles, body forms) asked of one text many times: where one
starts at i, the next one from i, all of them left to right. A regex alternation of the strings
written longest first answers each question with a scan of its own (its search tries every
alternative at every position); here one pass of an automaton finds every occurrence of every
string in the text, and each question is a look-up or a bisection. The answers are the
regex's: at a position, the longest string that starts there; from a position, the first
position where one starts; left to right, each search from the end of the last match."""
from __future__ import annotations

import bisect
from functools import lru_cache

from ahocorasick_rs import AhoCorasick, Implementation, MatchKind


class Literals:
    __slots__ = ("words", "_ac", "_hits")

    def __init__(self, words) -> None:
        self.words = sorted(set(words))
        assert all(self.words), "an empty string matches everywhere: no lexicon entry"
        # a DFA: asked of every text, it scans faster than the default automaton, in the middle
        # of an extraction too (a few hundred strings: its tables stay small)
        self._ac = AhoCorasick(self.words, matchkind=MatchKind.Standard, implementation=Implementation.DFA)
        self._hits = lru_cache(maxsize=4)(self._scan)  # the few texts being read now

    def _scan(self, text: str) -> Hits:
        end: dict[int, int] = {}  # start -> the end of the longest string starting there
        for _, s, e in self._ac.find_matches_as_indexes(text, overlapping=True):
            if e > end.get(s, -1):
                end[s] = e
        return Hits(text, end)

    def hits(self, text: str) -> Hits:
        return self._hits(text)


class Hits:
    __slots__ = ("text", "_end", "_starts")

    def __init__(self, text: str, end: dict[int, int]) -> None:
        self.text = text
        self._end = end
        self._starts = sorted(end)

    def match(self, i: int) -> str | None:
        """The longest string starting at i (rx.match(text, i).group())."""
        e = self._end.get(i)
        return None if e is None else self.text[i:e]

    def search(self, i: int) -> tuple[int, str] | None:
        """(start, string) of the first string starting at i or after (rx.search(text, i))."""
        k = bisect.bisect_left(self._starts, i)
        if k == len(self._starts):
            return None
        s = self._starts[k]
        return s, self.text[s : self._end[s]]

    def all(self) -> list[tuple[int, str]]:
        """(start, string) left to right, none overlapping (rx.finditer(text))."""
        out, at = [], 0
        while (hit := self.search(at)) is not None:
            out.append(hit)
            at = hit[0] + len(hit[1])
        return out
