"""Look-ups from a build's store (issue #19): kg explain, kg viz --focus / --region, the overview
page, and each shipped question (whole, then with each parameter it takes), timed in this process (the store opened once, as the CLI opens
it per command), then kg explain once through the CLI (process start included).

    python bench/lookups.py BUILD_FOLDER [--names 4] [--no-overview] [--no-cli]

The names are chosen from the store, the same for the same build: the officials and companies
with the most relations (ties by label), the province and the county with the most relations
into them.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PICK = """
SELECT ?label (COUNT(*) AS ?n) WHERE {
  ?e a <https://w3id.org/chanye/ontology#%s> ; rdfs:label ?label .
  { ?e ?p ?o } UNION { ?o ?p ?e }
  FILTER(?p IN (cy:memberOf, cy:jurisdiction, cy:partOf, cy:locatedIn, cy:developedBy, cy:subsidiaryOf, cy:holdsPost))
} GROUP BY ?label ORDER BY DESC(?n) ?label LIMIT %d
"""
PICK_REGION = """
SELECT ?label (COUNT(*) AS ?n) WHERE {
  ?e cy:adminLevel "%s" ; rdfs:label ?label .
  ?o ?p ?e FILTER(?p IN (cy:jurisdiction, cy:partOf, cy:locatedIn))
} GROUP BY ?label ORDER BY DESC(?n) ?label LIMIT 1
"""


def timed(f):
    t = time.perf_counter()
    out = f()
    return time.perf_counter() - t, out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("build", type=Path, help="a kg build output folder (its store is read)")
    ap.add_argument("--names", type=int, default=4, help="officials + companies to look up (half each)")
    ap.add_argument("--no-overview", action="store_true", help="skip kg viz without --focus/--region")
    ap.add_argument("--no-cli", action="store_true", help="skip the timed CLI run")
    args = ap.parse_args()
    from kg.app.explain import explain, find
    from kg.app.neighbourhood import add_evidence, read_part
    from kg.app.view import select, write_html
    from kg.rdf.lookup import open_graph, rows
    from kg.rdf.query import named_queries, params_of, run, with_params

    store_path = args.build / "store"
    t_open, store = timed(lambda: open_graph(store_path))
    print(f"{store_path}: opened in {t_open:.3f} s; load average {open('/proc/loadavg').read().split()[:3]}")
    half = max(1, args.names // 2)
    names = [r["label"].value for t in ("Official", "Company") for r in rows(store, PICK % (t, half))]
    regions = [r["label"].value for lv in ("province", "county") for r in rows(store, PICK_REGION % lv)]
    out = Path(tempfile.mkdtemp(prefix="kg-bench-")) / "v.html"

    def line(what: str, seconds: float, note: str = "") -> None:
        print(f"  {what:<44} {seconds:7.3f} s  {note}")

    print("kg explain NAME (find + explain):")
    for n in names:
        s, text = timed(lambda: "\n\n".join(explain(store, e) for e in find(store, n)))
        line(n, s, f"{len(text.splitlines())} lines")
    print("kg viz --focus NAME / --region NAME (read the part, select, sentences | + write the page):")
    for opt, n in [("focus", n) for n in names] + [("region", r) for r in regions]:
        def draw():
            part = read_part(store, **{opt: n})
            v = select(part, **{opt: n})
            add_evidence(store, v)
            return v
        s, v = timed(draw)
        w, _ = timed(lambda: write_html(v, out))
        line(f"--{opt} {n}", s, f"+ page {w:.3f} s; {len(v.nodes)} nodes, {len(v.edges)} edges")
    if not args.no_overview:
        def overview():
            v = select(read_part(store))
            add_evidence(store, v)
            return v
        s, v = timed(overview)
        line("overview (no --focus / --region)", s, f"{len(v.nodes)} nodes, {len(v.edges)} edges")
    print("kg query STORE NAME (each shipped question, no parameters: the whole table):")
    for name, sparql in sorted(named_queries().items()):
        s, (_, found) = timed(lambda: run(store, sparql))
        line(name, s, f"{len(found)} rows")
    # what a user asks: a question about one name or one region (--name / --region)
    given = {"name": names, "region": regions}
    print("kg query STORE NAME --PARAM VALUE (each shipped question, each parameter it takes):")
    for name, sparql in sorted(named_queries().items()):
        for param in params_of(sparql):
            for value in given.get(param, ()):
                q = with_params(sparql, {param: value})
                s, (_, found) = timed(lambda: run(store, q))
                line(f"{name} --{param} {value}", s, f"{len(found)} rows")
    if not args.no_cli:
        cmd = [sys.executable, "-m", "kg.app.cli", "explain", names[0], "--graph", str(args.build)]
        s, p = timed(lambda: subprocess.run(cmd, capture_output=True))
        line(f"CLI: kg explain {names[0]} --graph {args.build}", s, f"exit {p.returncode}")


if __name__ == "__main__":
    main()
