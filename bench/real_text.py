"""Build speed on real text: the real articles replicated to N MB, and what each step costs on them.

    python bench/real_text.py [--mb 30] [--corpus ../shared/corpus] [--out DIR] [--runs 1] [--no-stages]

The real .txt articles of --corpus (seeds + dev) are copied over and over into --out (default
bench/corpora/real-<N>mb, git-ignored) until they reach --mb megabytes; each copy ends with a
line of its own ("（来源：第N份）") so no two files are byte-identical and no cache or dedup can
skip one. A complete folder is reused. Then, on that same text, one table: reading the files
(bytes + utf-8 decoding), OpenCC t2s, jieba.lcut and rjieba.cut (one process each), and
`kg build DIR -o TMP -q --no-html` (default -j) as a subprocess, with the ratio of the build to
jieba.lcut. The time per stage comes from a second build run in this process through kg.build
(the CLI prints no stages with -q); --no-stages skips it. Each time is the best of --runs.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DONE = ".complete"  # written last: a folder without it was cut short and is rebuilt


def sources(corpus: Path) -> list[Path]:
    files = sorted(corpus.rglob("*.txt"))
    if not files:
        raise SystemExit(f"no .txt articles under {corpus}")
    return files


def make_corpus(corpus: Path, out: Path, mb: float) -> list[Path]:
    """Copies of the real articles up to mb MB in out, each with a distinct last line."""
    target = int(mb * 1e6)
    marker = out / DONE
    if marker.is_file() and marker.read_text().strip() == str(target):
        return sorted(out.glob("*.txt"))
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.txt"):
        old.unlink()
    originals = [(p.stem, p.read_bytes().rstrip()) for p in sources(corpus)]
    written, copy = 0, 0
    while written < target:
        copy += 1
        for i, (stem, body) in enumerate(originals):
            data = body + f"\n（来源：第{copy}份）\n".encode()
            (out / f"{copy:05d}_{i:03d}_{stem}.txt").write_bytes(data)
            written += len(data)
            if written >= target:
                break
    marker.write_text(str(target))
    return sorted(out.glob("*.txt"))


def best(runs: int, step: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        step()
        times.append(time.perf_counter() - t)
    return min(times)


def read_texts(files: list[Path]) -> list[str]:
    return [f.read_bytes().decode("utf-8") for f in files]


def build_cli(folder: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "kg.app.cli", "build", str(folder), "-o", str(Path(tmp) / "out"),
                        "-q", "--no-html"], check=True, cwd=ROOT)


def build_stages(folder: Path, runs: int) -> tuple[float, dict[str, float]]:
    """The fastest of runs in-process builds: its wall time and its time per stage."""
    import kg

    fastest: tuple[float, dict[str, float]] = (float("inf"), {})
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            t = time.perf_counter()
            r = kg.build([folder], Path(tmp) / "out", html=False)
            wall = time.perf_counter() - t
        if wall < fastest[0]:
            fastest = (wall, dict(r.timings))
    return fastest


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=30, help="size of the replicated corpus in MB (default 30)")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus",
                    help="folder of real .txt articles (default: ../shared/corpus beside the checkout)")
    ap.add_argument("--out", type=Path, help="where the copies go (default bench/corpora/real-<N>mb)")
    ap.add_argument("--runs", type=int, default=1, help="best of K runs of each step (default 1)")
    ap.add_argument("--no-stages", action="store_true", help="skip the in-process build that gives the stages")
    args = ap.parse_args()
    if args.runs < 1:
        raise SystemExit("--runs: give 1 or more")
    folder = args.out or HERE / "corpora" / f"real-{args.mb:g}mb"
    files = make_corpus(args.corpus, folder, args.mb)
    mb = sum(f.stat().st_size for f in files) / 1e6
    print(f"{len(files):,} files, {mb:.1f} MB in {folder} (from {len(sources(args.corpus))} real articles)")

    import jieba
    import rjieba
    from kg.io.normalize import _converter

    texts = read_texts(files)
    cc = _converter()
    jieba.initialize()  # loading the dictionary is start-up, not segmentation
    rjieba.cut("预热")  # same for rjieba's first call
    rows = [
        ("read + utf-8 decode", best(args.runs, lambda: read_texts(files))),
        ("OpenCC t2s", best(args.runs, lambda: [cc.convert(t) for t in texts])),
        ("jieba.lcut", best(args.runs, lambda: [jieba.lcut(t) for t in texts])),
        ("rjieba.cut", best(args.runs, lambda: [rjieba.cut(t) for t in texts])),
        ("kg build (CLI, -j default)", best(args.runs, lambda: build_cli(folder))),
    ]
    print(f"{'step':<28}{'MB':>7}{'seconds':>10}{'MB/s':>9}")
    for name, s in rows:
        print(f"{name:<28}{mb:>7.1f}{s:>10.2f}{mb / s:>9.2f}")
    lcut = dict(rows)["jieba.lcut"]
    print(f"build / jieba.lcut: x{dict(rows)['kg build (CLI, -j default)'] / lcut:.1f}")
    if not args.no_stages:
        wall, stages = build_stages(folder, args.runs)
        print(f"in-process kg.build {wall:.2f} s; stages: " + ", ".join(f"{k} {v:.2f} s" for k, v in stages.items()))


if __name__ == "__main__":
    main()
