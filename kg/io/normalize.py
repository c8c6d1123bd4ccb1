"""Original text -> Text: mojibake repaired, pinyin glosses removed, full-width folded,
traditional -> simplified.

Each step keeps a map from every output character back to the original, so a mention found in
the normalised text can be shown as published.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from kg.model import Text

# A pinyin gloss after a Han character, as scrapers of some outlets leave them: 產業(yè), 網(wǎng).
# It must carry a tone mark (or ü), which keeps real parentheses such as (2GW) or (海东).
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
# a pinyin gloss after a Han character: 中(zhōng). The bracket is matched first and the Han
# character before it looked back at, so that the regex engine skips from bracket to bracket
GLOSS = re.compile(rf"\((?<=[\u3400-\u9fff]\()(?=[a-z{_TONED}]*[{_TONED}])[a-z{_TONED}]{{1,7}}\)")
SENTENCE_END = re.compile(r"[。！？!?；;\n|]+")
# UTF-8 read as Latin-1/cp1252 (å·¥ä¸š): runs of those code points, handed to ftfy
LATIN_RUN = re.compile(r"[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]{3,}")
# a run of dashes, quotes and ellipses only (———, ……“): punctuation, no mojibake of Han. In
# every code page ftfy reads, none of them is the lead byte of a Han character's UTF-8 (E4-E9),
# so ftfy could return no Han from it; skipping it spares ftfy's import (0.05 s) in most runs
PUNCT_RUN = re.compile(r"[\u2013-\u2026]+")
# GBK-shown UTF-8 is mostly Han, with kana, Greek, Cyrillic and a few symbols mixed in
_HAN_RUN_CHARS = r"\u4e00-\u9fff\u3400-\u4dbf\u3041-\u30ff\u0391-\u03c9\u0410-\u044f\u2033\u2032\u00b7"
HAN = re.compile(r"[\u4e00-\u9fff]")
# what is left of a broken encoding next to Chinese text: replacement characters, private-use
# code points, Greek or Cyrillic letters touching Han, a question mark glued to a broken gloss
SUSPICIOUS = re.compile(
    r"\ufffd|[\ue000-\uf8ff]|\?(?=[a-z\u00e0-\u01dc]+\))"
    r"|(?<=[\u4e00-\u9fff])[\u0370-\u03ff\u0400-\u04ff]|[\u0370-\u03ff\u0400-\u04ff](?=[\u4e00-\u9fff])"
)
# a character every SUSPICIOUS match holds: most texts have none, and this scan is ten times faster
MAYBE_SUSPICIOUS = re.compile(r"[\ufffd\ue000-\uf8ff?\u0370-\u04ff]")


def _fix_latin(seg: str) -> str | None:
    import ftfy

    fixed = ftfy.fix_encoding(seg)
    return fixed if fixed != seg and HAN.search(fixed) else None


@lru_cache(maxsize=1)
def _gbk_mojibake_chars() -> frozenset[str]:
    """_gbk_mojibake_chars_of_codec, kept in the cache folder (kg.cache_dir): finding them takes
    0.09 s. Python's version is in the key, and with it its GBK codec."""
    from kg import cache_dir

    digest = cache_dir.key(cache_dir.code_of("kg.io.normalize"))
    return cache_dir.pickled("gbk_mojibake", digest, _gbk_mojibake_chars_of_codec, frozenset)


def _gbk_mojibake_chars_of_codec() -> frozenset[str]:
    """The characters UTF-8 Han can turn into when read as GBK: both of their GBK bytes are
    UTF-8 bytes of Han (lead E4-E9, continuation 80-BF). A run that does not start with four of
    them cannot be repaired, which spares the encode/decode round trip on ordinary Chinese."""
    ok = set(range(0x80, 0xC0)) | set(range(0xE4, 0xEA))
    out = set()
    for lo, hi in ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x3041, 0x30FF), (0x0391, 0x03C9), (0x0410, 0x044F)):
        for o in range(lo, hi + 1):
            try:
                b = chr(o).encode("gbk")
            except UnicodeEncodeError:
                continue
            if len(b) == 2 and b[0] in ok and b[1] in ok:
                out.add(chr(o))
    out.update(c for c in "\u2033\u2032\u00b7" if all(x in ok for x in c.encode("gbk")))
    return frozenset(out)


@lru_cache(maxsize=1)
def _gbk_candidates() -> re.Pattern:
    """Whole runs of four or more _HAN_RUN_CHARS whose first four characters could be GBK-shown
    UTF-8: _fix_gbk fails within its first nine bytes on any other run, and ordinary text is
    made of those."""
    could_be = re.escape("".join(sorted(_gbk_mojibake_chars())))
    return re.compile(rf"(?<![{_HAN_RUN_CHARS}])(?=[{could_be}]{{4}})[{_HAN_RUN_CHARS}]{{4,}}")


def _fix_gbk(seg: str) -> tuple[str, int] | None:
    """UTF-8 bytes shown as GBK (鍙戝睍 for 发展): undo the round trip where it is exact.

    Returns the repaired text and how many characters of seg it replaces (a run often ends in
    half a character, which stays as it is)."""
    try:
        raw = seg.encode("gbk")
    except UnicodeEncodeError:
        return None
    try:
        fixed, used = raw.decode("utf-8"), len(seg)
    except UnicodeDecodeError as e:
        if e.start < 9 or e.start < len(raw) - 3:
            return None
        fixed, used = raw[: e.start].decode("utf-8", errors="strict"), e.start // 2
    if len(fixed) >= 3 and all("\u4e00" <= ch <= "\u9fff" for ch in fixed):
        return fixed, used
    return None


def repair(orig: str) -> tuple[str, Sequence[int], int]:
    """Mojibake runs that a known round trip undoes, repaired. Returns the text, each character's
    index in orig (and one more entry, len(orig)), and how many runs were repaired."""
    out: list[str] = []
    idx: list[int] = []
    pos, count = 0, 0
    fixes = []
    for m in LATIN_RUN.finditer(orig):
        if PUNCT_RUN.fullmatch(m.group()):
            continue
        f = _fix_latin(m.group())
        if f is not None:
            fixes.append((m.start(), m.end(), f))
    for m in _gbk_candidates().finditer(orig):
        g = _fix_gbk(m.group())
        if g is not None:
            fixes.append((m.start(), m.start() + g[1], g[0]))
    if not fixes:
        return orig, range(len(orig) + 1), 0
    for start, end, fixed in sorted(fixes):
        if start < pos:
            continue
        out.append(orig[pos:start])
        idx.extend(range(pos, start))
        # the repaired characters all point into the broken run, in order
        span = end - start
        out.append(fixed)
        idx.extend(start + (k * span) // len(fixed) for k in range(len(fixed) - 1))
        idx.append(end - 1)  # so a span over the last repaired character covers the whole run
        pos, count = end, count + 1
    out.append(orig[pos:])
    idx.extend(range(pos, len(orig) + 1))
    return "".join(out), idx, count


# full-width ASCII to half-width, ideographic space to space (one char for one char)
_FOLD = {chr(o): chr(o - 0xFEE0) for o in range(0xFF01, 0xFF5F)} | {"\u3000": " "}
_WIDE = frozenset(_FOLD)
_WIDE_RX = re.compile("[" + "".join(sorted(_WIDE)) + "]")


def fold_width(s: str) -> str:
    # one str.replace per wide character present: twice as fast as str.translate, which looks
    # every character up in a dict; which are present, by a regex scan (six times faster than
    # _WIDE.intersection(s), which hashes every character)
    for c in set(_WIDE_RX.findall(s)):
        s = s.replace(c, _FOLD[c])
    return s


@lru_cache(maxsize=1)
def _converter():
    """OpenCC's C++ binding (package `opencc`): 75 MB/s here against 0.8 MB/s for the pure-Python
    reimplementation, with the same t2s tables. Both install a module named `opencc`; the
    reimplementation names its configurations without '.json'."""
    from opencc import OpenCC

    try:
        return OpenCC("t2s.json")
    except Exception:
        return OpenCC("t2s")


_SEP = re.compile(r"[\s\W]+")
_SEP_SPLIT = re.compile(r"([\s\W]+)")


def to_simplified(s: str) -> str:
    """Traditional -> simplified, length-preserving (the offset map relies on it).

    OpenCC's phrase tables may change a chunk's length; such a chunk is converted character by
    character instead.
    """
    conv = _converter().convert
    whole = conv(s)
    if whole == s:  # simplified text: nothing to convert, nothing to check
        return s
    # OpenCC's phrases hold no separators, so when every separator is where it was, every
    # chunk kept its length (the usual case: a third of the time of converting chunk by chunk)
    if len(whole) == len(s) and [m.span() for m in _SEP.finditer(s)] == [m.span() for m in _SEP.finditer(whole)]:
        return whole
    out = []
    for chunk in _SEP_SPLIT.split(s):
        if not chunk:
            continue
        c = conv(chunk)
        if len(c) != len(chunk):
            c = "".join(conv(ch) if len(conv(ch)) == 1 else ch for ch in chunk)
        out.append(c)
    return "".join(out)


def _suspicious(norm: str) -> int:
    """len(SUSPICIOUS.findall(norm)): each of its matches is one character that MAYBE_SUSPICIOUS
    finds, so the pattern is tried only there (a question mark is common; its alternatives tried
    at every character cost more than the rest of normalising)."""
    match = SUSPICIOUS.match
    return sum(1 for m in MAYBE_SUSPICIOUS.finditer(norm) if match(norm, m.start()))


def normalize(orig: str) -> Text:
    fixed, base, repaired = repair(orig)
    folded = fold_width(fixed)
    glosses = [m.span() for m in GLOSS.finditer(folded)]
    offsets: Sequence[int]
    if glosses:
        parts: list[str] = []
        kept: list[int] = []
        pos = 0
        for a, b in glosses + [(len(folded), len(folded))]:
            parts.append(folded[pos:a])
            kept.extend(base[pos:a])
            pos = b
        kept.append(len(orig))
        offsets, stripped = kept, "".join(parts)
    else:
        offsets, stripped = base, folded
    norm = to_simplified(stripped)
    suspicious = _suspicious(norm)
    spans = []
    start = 0
    for m in SENTENCE_END.finditer(norm):
        if m.end() > start:
            spans.append((start, m.end()))
        start = m.end()
    if start < len(norm):
        spans.append((start, len(norm)))
    return Text(
        orig=orig, norm=norm, offsets=offsets, sentences=tuple(spans) or ((0, 0),),
        repaired=repaired, suspicious=suspicious,
    )
