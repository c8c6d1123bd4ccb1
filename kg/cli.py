"""kg build | query | explain: argument parsing and printing only; the work is in the stage modules."""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from . import __version__
from .model import ENTITY_TYPES, RELATION_TYPES


def _err(msg: str) -> None:
    print(f"kg: {msg}", file=sys.stderr)


def cmd_build(args: argparse.Namespace) -> int:
    from .extract import extract
    from .graph import build_dataset, build_graph, write
    from .merge import merge
    from .read import ReadError, ReadOptions, read_all
    from .view import write_html

    t0 = time.perf_counter()
    out = Path(args.output)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        _err(f"{out}: cannot create output folder: {e.strerror or e}")
        return 2
    results, failed = [], 0
    tty = sys.stderr.isatty() and not args.quiet
    opts = ReadOptions()
    fields = {"text_fields": args.text_field, "title_fields": args.title_field, "url_fields": args.url_field, "date_fields": args.date_field}
    opts = ReadOptions(**{k: tuple(v) if v else getattr(opts, k) for k, v in fields.items()})
    for n, item in enumerate(read_all(args.paths, opts), 1):
        if isinstance(item, ReadError):
            failed += 1
            _err(f"skipped {item}")
            continue
        try:
            results.append(extract(item))
        except Exception as e:  # one bad article must not stop the build
            failed += 1
            _err(f"skipped {item.path}: extraction failed: {type(e).__name__}: {e}")
            continue
        if tty and n % 50 == 0:
            print(f"\r  {n} files read ...", end="", file=sys.stderr, flush=True)
    if tty:
        print("\r", end="", file=sys.stderr)
    if not results:
        _err("no article could be read; nothing written")
        return 1
    merged = merge(results)
    graph = build_graph(merged)
    ttl, trig, nq, page = (out / f"graph.{x}" for x in ("ttl", "trig", "nq", "html"))
    write(graph, ttl, "turtle")
    dataset = build_dataset(merged)
    write(dataset, trig, "trig")
    write(dataset, nq, "nquads")
    if not args.no_html:
        write_html(merged, page)
    dt = time.perf_counter() - t0
    if not args.quiet:
        ents = Counter(e.type for e in merged.entities.values())
        rels = Counter(r.rel for r in merged.relations)
        size = sum(len(r.article.text) for r in results)
        print(f"Read {len(results)} article(s), {size:,} characters; {failed} input(s) skipped.")
        print("Entities:  " + ", ".join(f"{t} {ents.get(t, 0)}" for t in ENTITY_TYPES) + f"  (total {sum(ents.values())})")
        print("Relations: " + ", ".join(f"{r} {rels.get(r, 0)}" for r in RELATION_TYPES) + f"  (total {sum(rels.values())})")
        unresolved = sorted({n for r in results for n, _ in r.unresolved})
        if unresolved:
            print(f"Left unresolved (several divisions share the name, nothing in the article decides): {'、'.join(unresolved)}")
        print(f"Wrote {ttl} ({len(graph):,} triples), {trig.name} and {nq.name} (facts by article and sentence)"
              + ("" if args.no_html else f", {page.name}") + f" in {dt:.1f} s.")
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    from .query import load_graph, named_queries, render, run

    named = named_queries()
    if args.list:
        for name, text in sorted(named.items()):
            first = next((ln[1:].strip() for ln in text.splitlines() if ln.startswith("#")), "")
            print(f"{name:<16}{first}")
        return 0
    if args.graph is None:
        _err("query: give a graph file (e.g. output/graph.ttl)")
        return 2
    if args.file:
        try:
            sparql = Path(args.file).read_text(encoding="utf-8")
        except OSError as e:
            _err(f"{args.file}: {e.strerror or e}")
            return 2
    elif args.sparql in named:
        sparql = named[args.sparql]
    elif args.sparql:
        sparql = args.sparql
    else:
        _err("query: give a SPARQL query, --file Q.rq, or a named query (kg query --list)")
        return 2
    path = Path(args.graph)
    if not path.is_file():
        _err(f"{path}: no such graph file")
        return 2
    try:
        graph = load_graph(path)
    except Exception as e:
        _err(f"{path}: cannot parse graph: {e}")
        return 2
    try:
        cols, rows = run(graph, sparql)
    except Exception as e:
        _err(f"query failed: {type(e).__name__}: {e}")
        return 2
    print(render(cols, rows, args.format))
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    from .explain import explain, find, load

    path = Path(args.graph)
    if not path.is_file():
        _err(f"{path}: no such file (kg build writes graph.trig beside graph.ttl)")
        return 2
    try:
        ds = load(path)
    except Exception as e:
        _err(f"{path}: cannot parse: {e}")
        return 2
    nodes = find(ds, args.name)
    if not nodes:
        _err(f"no entity named {args.name!r} in {path}")
        return 1
    print("\n\n".join(explain(ds, n) for n in nodes))
    return 0


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="kg", description="Chanye KG: build and query a knowledge graph of local industrial development from Chinese news.")
    ap.add_argument("--version", action="version", version=f"kg {__version__}")
    sub = ap.add_subparsers(dest="cmd", required=True)

    b = sub.add_parser("build", help="read articles, write graph.ttl and graph.html")
    b.add_argument("paths", nargs="+", help="article files (.txt, .html, .jsonl) or folders of them")
    b.add_argument("-o", "--output", default="output", help="output folder (default: output)")
    b.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    b.add_argument("--no-html", action="store_true", help="skip the HTML network view")
    j = b.add_argument_group("JSONL input", "which fields of each record hold what (repeat to give several; first present wins)")
    j.add_argument("--text-field", action="append", metavar="F", help="default: text, content, body, article")
    j.add_argument("--title-field", action="append", metavar="F", help="default: title, headline")
    j.add_argument("--url-field", action="append", metavar="F", help="default: url, link, source_url")
    j.add_argument("--date-field", action="append", metavar="F", help="default: date, published, publish_time, pub_date, time, datetime")
    b.set_defaults(func=cmd_build)

    q = sub.add_parser("query", help="run SPARQL on a built graph")
    q.add_argument("graph", nargs="?", help="graph file (graph.ttl)")
    q.add_argument("sparql", nargs="?", help="SPARQL text, or the name of a shipped query")
    q.add_argument("--file", help="read the query from a .rq file")
    q.add_argument("--format", choices=("table", "csv", "json"), default="table")
    q.add_argument("--list", action="store_true", help="list the shipped queries")
    q.set_defaults(func=cmd_query)

    x = sub.add_parser("explain", help="an entity's names and relations, with the sentences they came from")
    x.add_argument("name", help="any of the entity's names (simplified or traditional)")
    x.add_argument("--graph", default="output/graph.trig", help="graph.trig or graph.nq (default: output/graph.trig)")
    x.set_defaults(func=cmd_explain)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
