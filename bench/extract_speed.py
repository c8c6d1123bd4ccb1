"""Extraction throughput on a folder of articles: prints one table, measures, asserts nothing.

    python bench/extract_speed.py ../shared/corpus/seeds [--repeat 20]

Start-up (imports, jieba's dictionary, the gazetteer) is timed apart from the per-article work.
"""
from __future__ import annotations

import argparse
import time


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()

    t0 = time.perf_counter()
    from kg.extract.article import extract
    from kg.io.read import ReadError, read_all

    articles = [a for a in read_all(args.paths) if not isinstance(a, ReadError)]
    extract(articles[0])  # loads jieba, the gazetteer and the lexicons
    startup = time.perf_counter() - t0

    chars = sum(len(a.text) for a in articles)
    size = sum(len(a.text.encode("utf-8")) for a in articles)
    t1 = time.perf_counter()
    for _ in range(args.repeat):
        for a in articles:
            extract(a)
    dt = time.perf_counter() - t1
    n = len(articles) * args.repeat
    print(f"{'articles':<22}{len(articles)} x {args.repeat} repeats")
    print(f"{'text':<22}{chars:,} characters, {size / 1024:.1f} KB (UTF-8) per pass")
    print(f"{'start-up':<22}{startup:.2f} s")
    print(f"{'extraction':<22}{dt:.2f} s")
    print(f"{'per article':<22}{dt / n * 1000:.1f} ms")
    print(f"{'throughput':<22}{size * args.repeat / dt / 1024:.1f} KB/s, {n / dt:.1f} articles/s (one core)")


if __name__ == "__main__":
    main()
