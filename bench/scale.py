"""Build benchmark: corpora of generated articles (and the seeds), built with `kg build -j N`.

    python bench/scale.py [--sizes 1000 10000 100000] [--jobs 2] [--style news|dense] [--seeds ../shared/corpus/seeds]

Prints one table: articles, MB, wall time, articles/s, MB/s (and per core), extraction MB/s
per core (the read+extract stage: reading, extraction in -j workers, results cached), peak
memory of the build, quads in the store, time per stage, and query times on the built store (a label lookup,
a two-hop join with aggregation, an aggregation over all projects). Generated corpora are kept
in bench/corpora/ (git-ignored) and reused.
"""
from __future__ import annotations

import argparse
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUERIES = {
    "label lookup": 'PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?e WHERE { ?e rdfs:label "{label}"@zh-Hans }',
    "two-hop join + agg": (
        "PREFIX cy: <https://w3id.org/chanye/ontology#> SELECT ?r (COUNT(DISTINCT ?o) AS ?n) WHERE "
        "{ ?o cy:memberOf ?a . ?a cy:jurisdiction ?r } GROUP BY ?r ORDER BY DESC(?n) LIMIT 10"
    ),
    "aggregation": (
        "PREFIX cy: <https://w3id.org/chanye/ontology#> SELECT ?r (COUNT(?p) AS ?n) WHERE "
        "{ ?p a cy:Project ; cy:locatedIn ?r } GROUP BY ?r ORDER BY DESC(?n) LIMIT 10"
    ),
}


def corpus(n: int, style: str) -> Path:
    d = HERE / "corpora" / f"{style}{n}"
    if not d.is_dir():
        fmt = "txt" if n <= 10000 else "jsonl"
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(d), "--articles", str(n), "--format", fmt,
                        "--style", style], check=True)
    return d


def size_of(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def build(path: Path, jobs: int, out: Path) -> dict:
    kg = Path(sys.executable).with_name("kg")
    t = time.perf_counter()
    p = subprocess.run([str(kg), "build", str(path), "-o", str(out), "-j", str(jobs), "--timings"],
                       capture_output=True, text=True)
    wall = time.perf_counter() - t
    if p.returncode != 0:
        raise SystemExit(p.stderr)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    arts = int(re.search(r"Read (\d+) article", p.stdout).group(1))
    quads = int(re.search(r"\(([\d,]+) quads written\)", p.stdout).group(1).replace(",", ""))
    stages = re.search(r"Time per stage: (.*)", p.stdout).group(1)
    memory = re.search(r"Memory after each stage \(its peak\): (.*)", p.stdout).group(1)
    extract_s = float(re.search(r"read\+extract ([\d.]+) s", stages).group(1))
    return {"articles": arts, "wall": wall, "peak_mb": peak_mb, "quads": quads, "stages": stages, "memory": memory,
            "extract_s": extract_s}


def query_times(store: Path) -> dict[str, float]:
    import pyoxigraph as ox

    s = ox.Store.read_only(str(store))
    label = next(iter(s.query("PREFIX cy: <https://w3id.org/chanye/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?l WHERE { ?e a cy:Company ; rdfs:label ?l } LIMIT 1")))["l"].value
    out = {}
    for name, q in QUERIES.items():
        q = q.replace("{label}", label)
        t = time.perf_counter()
        list(s.query(q))
        out[name] = (time.perf_counter() - t) * 1000
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--style", choices=("news", "dense"), default="news",
                    help="generated articles: news-like (default) or dense (see bench/generate.py)")
    ap.add_argument("--seeds", type=Path, default=HERE.parent.parent / "shared" / "corpus" / "seeds")
    args = ap.parse_args()
    runs = []
    if args.seeds.is_dir():
        runs.append(("seeds", args.seeds))
    runs += [(f"{args.style} {n:,}", corpus(n, args.style)) for n in args.sizes]
    head = f"{'corpus':<12}{'articles':>9}{'MB':>8}{'wall s':>9}{'art/s':>8}{'MB/s':>7}{'MB/s/core':>10}{'extract/core':>13}{'peak MB':>9}{'quads':>12}  {'label ms':>8}{'2-hop ms':>9}{'agg ms':>8}"
    print(head)
    for name, path in runs:
        mb = size_of(path)
        with tempfile.TemporaryDirectory() as tmp:
            r = build(path, args.jobs, Path(tmp))
            q = query_times(Path(tmp) / "store")
        print(f"{name:<12}{r['articles']:>9,}{mb:>8.1f}{r['wall']:>9.1f}{r['articles'] / r['wall']:>8.0f}"
              f"{mb / r['wall']:>7.2f}{mb / r['wall'] / args.jobs:>10.2f}{mb / r['extract_s'] / args.jobs:>13.2f}{r['peak_mb']:>9.0f}{r['quads']:>12,}  "
              f"{q['label lookup']:>8.1f}{q['two-hop join + agg']:>9.1f}{q['aggregation']:>8.1f}")
        print(f"{'':<12}stages: {r['stages']}")
        print(f"{'':<12}memory after (peak in) each stage: {r['memory']}")


if __name__ == "__main__":
    main()
