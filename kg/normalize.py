"""Original text -> Text: mojibake repaired, pinyin glosses removed, full-width folded,
traditional -> simplified.

Each step keeps a map from every output character back to the original, so a mention found in
the normalised text can be shown as published.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .model import Text

# A pinyin gloss after a Han character, as scrapers of some outlets leave them: 產業(yè), 網(wǎng).
# It must carry a tone mark (or ü), which keeps real parentheses such as (2GW) or (海东).
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
GLOSS = re.compile(rf"(?<=[\u3400-\u9fff])\((?=[a-z{_TONED}]*[{_TONED}])[a-z{_TONED}]{{1,7}}\)")
SENTENCE_END = re.compile(r"[。！？!?；;\n|]+")
# UTF-8 read as Latin-1/cp1252 (å·¥ä¸š): runs of those code points, handed to ftfy
LATIN_RUN = re.compile(r"[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]{3,}")
# GBK-shown UTF-8 is mostly Han, with kana, Greek, Cyrillic and a few symbols mixed in
HAN_RUN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf\u3041-\u30ff\u0391-\u03c9\u0410-\u044f\u2033\u2032\u00b7]{4,}")
HAN = re.compile(r"[\u4e00-\u9fff]")
# what is left of a broken encoding next to Chinese text: replacement characters, private-use
# code points, Greek or Cyrillic letters touching Han, a question mark glued to a broken gloss
SUSPICIOUS = re.compile(
    r"\ufffd|[\ue000-\uf8ff]|\?(?=[a-z\u00e0-\u01dc]+\))"
    r"|(?<=[\u4e00-\u9fff])[\u0370-\u03ff\u0400-\u04ff]|[\u0370-\u03ff\u0400-\u04ff](?=[\u4e00-\u9fff])"
)


def _fix_latin(seg: str) -> str | None:
    import ftfy

    fixed = ftfy.fix_encoding(seg)
    return fixed if fixed != seg and HAN.search(fixed) else None


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


def repair(orig: str) -> tuple[str, list[int], int]:
    """Mojibake runs that a known round trip undoes, repaired. Returns the text, each character's
    index in orig, and how many runs were repaired."""
    out: list[str] = []
    idx: list[int] = []
    pos, count = 0, 0
    fixes = []
    for m in LATIN_RUN.finditer(orig):
        f = _fix_latin(m.group())
        if f is not None:
            fixes.append((m.start(), m.end(), f))
    for m in HAN_RUN.finditer(orig):
        g = _fix_gbk(m.group())
        if g is not None:
            fixes.append((m.start(), m.start() + g[1], g[0]))
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
    idx.extend(range(pos, len(orig)))
    return "".join(out), idx, count


# full-width ASCII to half-width, ideographic space to space (one char for one char)
_FOLD = {o: o - 0xFEE0 for o in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def fold_width(s: str) -> str:
    return s.translate(_FOLD)


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


def to_simplified(s: str) -> str:
    """Traditional -> simplified, length-preserving (the offset map relies on it).

    OpenCC's phrase tables may change a chunk's length; such a chunk is converted character by
    character instead.
    """
    conv = _converter().convert
    whole = conv(s)
    if whole == s:  # simplified text: nothing to convert, nothing to check
        return s
    out = []
    for chunk in re.split(r"([\s\W]+)", s):
        if not chunk:
            continue
        c = conv(chunk)
        if len(c) != len(chunk):
            c = "".join(conv(ch) if len(conv(ch)) == 1 else ch for ch in chunk)
        out.append(c)
    return "".join(out)


def normalize(orig: str) -> Text:
    fixed, base, repaired = repair(orig)
    folded = fold_width(fixed)
    glosses = [m.span() for m in GLOSS.finditer(folded)]
    if glosses:
        keep = [True] * len(folded)
        for a, b in glosses:
            keep[a:b] = [False] * (b - a)
        offsets = [base[i] for i, k in enumerate(keep) if k]
        stripped = "".join(folded[i] for i, k in enumerate(keep) if k)
    else:
        offsets, stripped = list(base), folded
    norm = to_simplified(stripped)
    offsets.append(len(orig))
    suspicious = len(SUSPICIOUS.findall(norm))
    spans = []
    start = 0
    for m in SENTENCE_END.finditer(norm):
        if m.end() > start:
            spans.append((start, m.end()))
        start = m.end()
    if start < len(norm):
        spans.append((start, len(norm)))
    return Text(
        orig=orig, norm=norm, offsets=tuple(offsets), sentences=tuple(spans) or ((0, 0),),
        repaired=repaired, suspicious=suspicious,
    )
