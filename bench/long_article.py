"""Extraction time of one long article: is it linear in the article's length?

    python bench/long_article.py [--sizes 0.1 1 5 10] [--seed 7] [--style news|dense] [--repeat 1]

Builds one article of each size (MB of UTF-8) from generated news (bench/generate.py, a
deterministic seed: the same text on every run), extracts it in this process after a warm-up,
and prints one table: size, characters, seconds, seconds per MB, entities found, and the ratio of
the largest to the smallest seconds per MB (1.0 is linear; the target is under 2). Measures,
asserts nothing.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
MB = 1_000_000


def _generator():
    sys.path.insert(0, str(HERE))
    import generate

    return generate


def long_text(size: float, seed: int = 7, style: str = "news") -> str:
    """One article of about `size` MB (UTF-8): generated articles, one after another, cut at a
    line end. The same seed gives the same text; a shorter text is a prefix of a longer one."""
    gen = _generator()
    r = random.Random(seed)
    places = gen.counties()
    make = gen.news if style == "news" else gen.article
    want = int(size * MB)
    parts, have = [], 0
    while have < want:
        _, text = make(r, places)
        if r.random() < 0.25:
            text = gen.traditional(text, r)
        parts.append(text)
        have += len(text.encode("utf-8"))
    text = "".join(parts)
    data = text.encode("utf-8")[:want]
    cut = data.rfind(b"\n")
    return data[: cut + 1].decode("utf-8") if cut > 0 else data.decode("utf-8", errors="ignore")


def article(text: str):
    from kg.model import Article
    from kg.io.read import article_id

    return Article(id=article_id(text.encode("utf-8")), path="long.txt", text=text, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[0.1, 1, 5, 10])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--style", choices=("news", "dense"), default="news")
    ap.add_argument("--repeat", type=int, default=1, help="runs per size; the fastest is reported")
    args = ap.parse_args()

    from kg.extract.article import extract
    from kg.extract.facts import parse_number

    # warm: jieba, the gazetteer, the lexicons and regexes, and cn2an (imported by the first
    # number written in Chinese, which would otherwise be timed with whichever size has one)
    parse_number("两千五百万")
    extract(article(long_text(0.1, args.seed + 1, args.style)))
    rows = []
    for size in args.sizes:
        text = long_text(size, args.seed, args.style)
        a = article(text)
        best, res = float("inf"), None
        for _ in range(args.repeat):
            t0 = time.process_time()
            res = extract(a)
            best = min(best, time.process_time() - t0)
        mb = len(text.encode("utf-8")) / MB
        rows.append((mb, len(text), best, best / mb, len(res.entities), len(res.figures)))
        print(f"  {mb:6.2f} MB done in {best:.2f} s", file=sys.stderr, flush=True)
    print(f"{'size MB':>8} {'chars':>11} {'CPU s':>9} {'s per MB':>9} {'entities':>9} {'figures':>8}")
    for mb, chars, sec, per, ents, figs in rows:
        print(f"{mb:8.2f} {chars:11,} {sec:9.2f} {per:9.3f} {ents:9,} {figs:8,}")
    pers = [r[3] for r in rows]
    print(f"largest / smallest s per MB: {max(pers) / min(pers):.2f} (linear: 1.0, target < 2)")


if __name__ == "__main__":
    main()
