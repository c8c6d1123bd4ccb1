"""jieba, loaded once, used for what a dictionary knows: is a string an everyday word?"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Callable


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
    hit = _SEEN.get(word)
    if hit is None:
        hit = _SEEN[word] = _look_up(os.getpid())(word)
    return hit


_UNKNOWN: tuple[int, str | None] = (0, None)
# the answers given: asked tens of times per article, of the same words
_SEEN: dict[str, tuple[int, str | None]] = {}


@lru_cache(maxsize=1)
def _look_up(pid: int) -> Callable[[str], tuple[int, str | None]]:
    """word -> word_info from the lexicon's table in the cache folder (kg.cache_dir), made from
    _lexicon the first time: a build asks tens of words, where reading the dictionary took half
    a second. Without the table (no folder to write it in, a file that cannot be read), the
    dictionary itself. One connection a process (pid): SQLite's cannot be shared with a child
    made by fork."""
    import sqlite3

    import jieba

    from kg import cache_dir
    from kg.resources import resource

    digest = cache_dir.key([Path(jieba.__file__).with_name("dict.txt").read_bytes(),
                            resource("data", "jieba_user.txt").read_bytes(), *cache_dir.code_of("kg.extract.segment")])
    target = cache_dir.path("lexicon", digest, ".sqlite").resolve()
    for _ in range(2):
        try:
            db = sqlite3.connect(target.as_uri() + "?mode=ro", uri=True, check_same_thread=False)
            query = "SELECT freq, pos FROM lex WHERE word = ?"
            db.execute(query, ("",)).fetchall()  # a file of anything else fails here

            def look_up(word: str) -> tuple[int, str | None]:
                try:
                    row = db.execute(query, (word,)).fetchone()
                except sqlite3.Error:  # spoilt since: the dictionary's own answer
                    return _lexicon().get(word, _UNKNOWN)
                return (row[0], row[1]) if row else _UNKNOWN

            return look_up
        except sqlite3.Error:
            cache_dir.write(target, _save_lexicon)
    lex = _lexicon()
    return lambda word: lex.get(word, _UNKNOWN)


def _save_lexicon(path: Path) -> None:
    import sqlite3

    path.unlink()  # sqlite makes its own file (an empty one it would take for a database too)
    db = sqlite3.connect(path)
    try:
        db.execute("CREATE TABLE lex (word TEXT PRIMARY KEY, freq INTEGER NOT NULL, pos TEXT) WITHOUT ROWID")
        db.executemany("INSERT INTO lex VALUES (?, ?, ?)", ((w, f, t) for w, (f, t) in _lexicon().items()))
        db.commit()
    except sqlite3.Error as e:
        raise OSError(f"lexicon table: {e}") from e  # no table kept: the dictionary is used
    finally:
        db.close()


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
