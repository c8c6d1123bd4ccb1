"""Original text -> Text: pinyin glosses removed, full-width folded, traditional -> simplified.

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


def fold_width(s: str) -> str:
    """Full-width ASCII to half-width, ideographic space to space (one char for one char)."""
    out = []
    for ch in s:
        o = ord(ch)
        if 0xFF01 <= o <= 0xFF5E:
            out.append(chr(o - 0xFEE0))
        elif o == 0x3000:
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


@lru_cache(maxsize=1)
def _converter():
    from opencc import OpenCC

    return OpenCC("t2s")


def to_simplified(s: str) -> str:
    """Traditional -> simplified, length-preserving (the offset map relies on it).

    OpenCC's phrase tables may change a chunk's length; such a chunk is converted character by
    character instead.
    """
    conv = _converter().convert
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
    folded = fold_width(orig)
    keep = [True] * len(folded)
    for m in GLOSS.finditer(folded):
        for i in range(m.start(), m.end()):
            keep[i] = False
    offsets = [i for i, k in enumerate(keep) if k]
    stripped = "".join(folded[i] for i in offsets)
    norm = to_simplified(stripped)
    offsets.append(len(orig))
    spans = []
    start = 0
    for m in SENTENCE_END.finditer(norm):
        if m.end() > start:
            spans.append((start, m.end()))
        start = m.end()
    if start < len(norm):
        spans.append((start, len(norm)))
    return Text(orig=orig, norm=norm, offsets=tuple(offsets), sentences=tuple(spans) or ((0, 0),))
