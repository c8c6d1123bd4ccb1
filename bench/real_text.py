"""Build speed on real text: the real articles replicated to N MB, and what each step costs on them.

    python bench/real_text.py [--mb 30] [--corpus ../shared/corpus] [--out DIR] [--runs 1] [--no-stages]

The real .txt articles of --corpus (seeds + dev) are copied over and over into --out (default
bench/corpora/real-<N>mb, git-ignored) until they reach --mb megabytes; each copy ends with a
line of its own ("（来源：第N份）") so no two files are byte-identical and no cache or dedup can
skip one. A complete folder is reused. Then, on that same text, one table: reading the files
(bytes + utf-8 decoding), OpenCC t2s, jieba.lcut and rjieba.cut (one process each), and
`kg build DIR -o TMP -q --no-html` (default -j) as a subprocess, with the ratio of the build to
jieba.lcut and the peak memory of its largest process. The time and memory per stage come from a
second build run in this process through kg.build (the CLI prints no stages with -q); on the
quads that build stored, the Oxigraph limit: Store.bulk_load of their N-Quads into a new store
on disk, and dump of graph.ttl and graph.trig from it (both at once, as kg build used to), to
set against the build's graph+store and export stages; --no-stages skips both. Last, the
start-up: `kg build` of one article (default -j). Each time is the best of --runs.
"""
from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
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


def build_cli(folder: Path, *args: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "kg.app.cli", "build", str(folder), "-o", str(Path(tmp) / "out"),
                        "-q", *args], check=True, cwd=ROOT)


def children_peak_mb() -> float:
    """The peak resident memory of the largest child process waited for so far (MiB)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


class Stages:
    """The fastest of runs in-process builds: wall time, time and memory per stage, and the
    N-Quads of what it stored (for the Oxigraph limit)."""

    def __init__(self, folder: Path, runs: int, scratch: Path, keep_quads: bool):
        import kg
        import pyoxigraph as ox

        self.wall = float("inf")
        self.timings: dict[str, float] = {}
        self.memory: dict[str, tuple[float, float]] = {}
        self.quads = 0
        self.nq = scratch / "build.nq"
        for i in range(runs):
            out = scratch / "out"
            t = time.perf_counter()
            r = kg.build([folder], out, html=False, memory=True)
            wall = time.perf_counter() - t
            if wall < self.wall:
                self.wall, self.timings, self.memory, self.quads = wall, dict(r.timings), dict(r.memory), r.quads
            if keep_quads and i == 0:
                ox.Store.read_only(str(out / "store")).dump(str(self.nq), format=ox.RdfFormat.N_QUADS)
            shutil.rmtree(out)


def oxigraph_limit(nq: Path, scratch: Path) -> tuple[float, float]:
    """Seconds for Oxigraph alone to bulk-load these N-Quads into a new store on disk, and to
    dump graph.ttl (the default graph) and graph.trig from it, both at once."""
    import pyoxigraph as ox

    from kg.rdf.vocab import PREFIXES

    folder = scratch / "limit"
    folder.mkdir()
    store = ox.Store(str(folder / "store"))
    t = time.perf_counter()
    store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    load = time.perf_counter() - t
    prefixes = {k: str(v) for k, v in PREFIXES.items()}
    jobs = [dict(output=str(folder / "graph.ttl"), format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(),
                 prefixes=prefixes),
            dict(output=str(folder / "graph.trig"), format=ox.RdfFormat.TRIG, prefixes=prefixes)]
    threads = [threading.Thread(target=lambda kw=kw: store.dump(**kw)) for kw in jobs]
    t = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    dump = time.perf_counter() - t
    del store
    shutil.rmtree(folder)
    return load, dump


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
    ]
    del texts
    build = best(args.runs, lambda: build_cli(folder, "--no-html"))
    cli_peak = children_peak_mb()
    rows.append(("kg build (CLI, -j default)", build))
    print(f"{'step':<28}{'MB':>7}{'seconds':>10}{'MB/s':>9}")
    for name, s in rows:
        print(f"{name:<28}{mb:>7.1f}{s:>10.2f}{mb / s:>9.2f}")
    lcut = dict(rows)["jieba.lcut"]
    print(f"build / jieba.lcut: x{build / lcut:.2f}; the build's largest process peaked at {cli_peak:,.0f} MB")
    if not args.no_stages:
        with tempfile.TemporaryDirectory() as tmp:
            st = Stages(folder, args.runs, Path(tmp), keep_quads=True)
            print(f"in-process kg.build {st.wall:.2f} s, {st.quads:,} quads")
            print(f"{'stage':<16}{'seconds':>9}{'MB after':>10}{'MB peak':>9}")
            for k, v in st.timings.items():
                now, peak = st.memory.get(k, (0.0, 0.0))
                print(f"{k:<16}{v:>9.2f}{now:>10,.0f}{peak:>9,.0f}")
            load, dump = oxigraph_limit(st.nq, Path(tmp))
        rdf = st.timings.get("graph+store", 0.0) + st.timings.get("export", 0.0)
        print(f"Oxigraph alone on the same quads: bulk_load {load:.2f} s + dump ttl and trig {dump:.2f} s = "
              f"{load + dump:.2f} s; the build's graph+store + export {rdf:.2f} s: x{rdf / (load + dump):.2f}")
    one = Path(tempfile.mkdtemp())
    shutil.copy(files[0], one / files[0].name)
    start = best(max(args.runs, 3), lambda: build_cli(one))
    shutil.rmtree(one)
    print(f"start-up: kg build of one article ({files[0].name}, with its page): {start:.2f} s")


if __name__ == "__main__":
    main()
