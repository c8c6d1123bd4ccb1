"""jieba, loaded once, used for what a dictionary knows: is a string an everyday word?"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path


def _user_words() -> list[tuple[str, int, str]]:
    """Our domain dictionary (kg/data/jieba_user.txt): word, frequency, part of speech. It keeps
    words of industry prose whole (碳中和 is not 碳/中/和)."""
    from kg.resources import text

    out = []
    for line in text("data", "jieba_user.txt").splitlines():
        parts = line.split()
        if len(parts) == 3 and not line.startswith("#"):
            out.append((parts[0], int(parts[1]), parts[2]))
    return out


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, tuple[int, str | None]]:
    """jieba's dictionary (its dict.txt: word, frequency, part of speech), with the frequencies of
    our domain words (jieba_user.txt) put over it, as jieba.load_userdict does; the part of speech
    stays dict.txt's. Read here in 0.2 s: initialising jieba for the same answers took 0.8 s in
    every worker process."""
    import jieba  # for its dictionary file only; importing jieba loads nothing

    text = Path(jieba.__file__).with_name("dict.txt").read_text(encoding="utf-8")
    it = iter(text.split())  # every line is "word freq tag"
    lex: dict[str, tuple[int, str | None]] = {w: (int(f), t) for w, f, t in zip(it, it, it)}
    for word, freq, _ in _user_words():
        lex[word] = (freq, lex.get(word, (0, None))[1])
    return lex


def word_info(word: str) -> tuple[int, str | None]:
    """(frequency, part of speech) of a word in jieba's dictionary; (0, None) if unknown."""
    return (_LEX or _lex()).get(word, _UNKNOWN)


_UNKNOWN: tuple[int, str | None] = (0, None)
# the dictionary once read: asked tens of times per article, a look-up through the cached
# function's wrapper cost a tenth of each answer
_LEX: dict[str, tuple[int, str | None]] = {}


def _lex() -> dict[str, tuple[int, str | None]]:
    global _LEX
    _LEX = _lexicon()
    return _LEX


EVERYDAY_POS = {"l", "i", "a", "ad", "v", "vn", "d", "j"}


def is_everyday_token(word: str) -> bool:
    """A word of two or more characters that is ordinary vocabulary, not part of a name."""
    if len(word) < 2:
        return False
    freq, pos = word_info(word)
    if pos in EVERYDAY_POS:
        return True
    return pos not in ("nr", "nz", "ns", "nrt") and freq >= 500


def is_common_word(word: str) -> bool:
    """An everyday word (互助, 保定 as a verb, 来宾 'guest') rather than a place name."""
    freq, pos = word_info(word)
    if pos in ("ns",):
        return False
    if pos in ("nr", "nrt", "nz"):
        return freq >= 500
    return freq >= 50


@lru_cache(maxsize=1)
def _rjieba():
    """rjieba (jieba-rs): the same dictionary and tags as jieba, 8 MB/s tagging here against
    0.7 MB/s for jieba.posseg without HMM. word_info reads jieba's dictionary itself."""
    import rjieba

    for word, freq, tag in _user_words():
        rjieba.add_word(word, freq, tag)
    # its first text holding a character its dictionary lacks (陜, 堿, a rare name's) costs
    # 20-80 ms once, whatever the text: paid here, with the dictionary, not in an article
    rjieba.tag(_UNKNOWN_CHARACTER, False)
    return rjieba


_UNKNOWN_CHARACTER = "\u3400"  # 㐀, the first of CJK Extension A: in no dictionary of words


@lru_cache(maxsize=65536)
def cut(text: str) -> tuple[tuple[str, str], ...]:
    """Words with part of speech, no HMM (names are handled by our rules). Cached: the rules
    ask for the same stems and windows several times per name (a tuple, so no caller can
    change what the next one reads)."""
    return tuple(_rjieba().tag(text, False))
