"""kg build | query | explain | serve | viz | export: argument parsing and printing only; the work is elsewhere."""
from __future__ import annotations

import argparse
import os
import signal
import sys
from collections import Counter
from pathlib import Path

from kg import __version__
from kg.model import ENTITY_TYPES
from kg.formats import BY_NAME, DEFAULT_EXPORTS, EXPORTED, FORMATS, FROM_STORE, SUFFIXES, keeps_named_graphs


def _err(msg: str) -> None:
    print(f"kg: {msg}", file=sys.stderr)


def _formats(text: str, choices: tuple[str, ...] = EXPORTED) -> tuple[str, ...]:
    names = tuple(dict.fromkeys(x.strip().lstrip(".") for x in text.split(",") if x.strip()))
    bad = [x for x in names if x not in choices]
    if bad or not names:
        raise argparse.ArgumentTypeError(f"unknown format {', '.join(bad) if bad else repr(text)}: choose from {', '.join(choices)}")
    return names


def _export_formats(text: str) -> tuple[str, ...]:
    return _formats(text, FROM_STORE)


def _number(low: float, strict: bool, what: str):
    """An argparse type: a finite number above low (strict) or at least low; nan, inf and the
    rest are refused with a one-line usage error."""
    import math

    def parse(text: str) -> float:
        try:
            x = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number: give {what}") from None
        if not math.isfinite(x) or x < low or (strict and x == low):
            raise argparse.ArgumentTypeError(f"{text!r} is out of range: give {what}")
        return x

    return parse


def _whole(low: int, what: str):
    """An argparse type: a whole number of at least low, else a one-line usage error."""
    def parse(text: str) -> int:
        try:
            n = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number: give {what}") from None
        if n < low:
            raise argparse.ArgumentTypeError(f"{text!r} is out of range: give {what}")
        return n

    return parse


def _summary(files: int, skipped) -> str:
    kinds = Counter(x.kind for x in skipped)
    return f"{files} file(s) read, {kinds.get('skipped', 0)} input(s) skipped, {kinds.get('failed', 0)} failed"


def _open(path: Path, loader, missing: str = "no such graph file or store"):
    """path loaded by loader, or None once a one-line message has said why (the caller exits 2)."""
    if not _is_graph(path):
        _err(f"{path}: {missing}")
        return None
    try:
        return loader(path)
    except Exception as e:
        _err(f"{path}: cannot parse graph: {e}")
        return None


def _is_graph(path: Path) -> bool:
    """A graph file, a store folder, or a build folder (its store) written by kg build."""
    from kg.formats import graph_in, is_store

    return path.is_file() or is_store(graph_in(path))


def _graph_path(text: str) -> Path | None:
    """The graph a command reads (query, explain, viz, validate): a graph file or a store folder
    as given; a build folder (kg build -o OUT), its store. None once a line has said that there is
    no build there (a path without a graph file's suffix is taken for a build folder)."""
    from kg.formats import graph_in, is_store

    path = Path(text)
    graph = graph_in(path)
    if graph != path:
        return graph
    if not path.is_file() and not is_store(path) and (path.is_dir() or not text.lower().endswith(GRAPH_SUFFIXES)):
        _err(f"no build in {path}: run kg build ARTICLES -o {path}")
        return None
    return path


def _progress(quiet: bool, unit: str = " articles", desc: str | None = None, total: int | None = None):
    """A progress bar on stderr when it is a terminal; nothing otherwise (logs, CI, pipes). With
    a total it shows the ETA."""
    from tqdm import tqdm

    return tqdm(unit=unit, desc=desc, total=total, disable=quiet or not sys.stderr.isatty(), file=sys.stderr,
                leave=False)


def _advance(bar):
    """A (done, total) progress callback moving bar to done of total."""
    def move(done: int, total: int) -> None:
        if bar.total != total:
            bar.total = total
        bar.update(done - bar.n)

    return move


def cmd_build(args: argparse.Namespace) -> int:
    """kg build: kg.app.build.build with the options given, its events and result printed."""
    from tqdm import tqdm

    from kg.app.build import STAGES, Busy, Incomplete, NoArticles, OutputError, build

    out = Path(args.output)
    before = signal.signal(signal.SIGTERM, _interrupt)
    bars: dict[str, tqdm] = {}  # one bar a stage, closed when the next stage begins
    published = []  # the build said it is published: a stop after that leaves it so

    def progress(stage: str, done: int, total: int) -> None:
        bar = bars.get(stage)
        if bar is None:
            for old in bars.values():
                old.close()
            bar = bars[stage] = _progress(args.quiet, unit=STAGES.get(stage, ""), desc=stage, total=total)
        _advance(bar)(done, total)

    def event(e) -> None:
        if e.kind == "published":
            published.append(True)
        if e.kind not in ("skipped", "failed", "note", "page"):
            return
        # a line said while a bar is drawn: the bar is cleared first and drawn again below it
        with tqdm.external_write_mode(file=sys.stderr):
            if e.kind in ("skipped", "failed", "note"):
                _err(f"{e.kind} {e.path}: {e.text}")
            elif e.kind == "page":
                print(f"graph.html: {e.text}")

    try:
        try:
            result = build(args.paths, out, jobs=args.jobs, update=args.update, engine=args.engine,
                           scheduler=args.scheduler, html=not args.no_html, formats=args.formats,
                           max_size=args.max_size, strict=args.strict, text_fields=args.text_field,
                           title_fields=args.title_field, url_fields=args.url_field, date_fields=args.date_field,
                           memory=args.timings, on_event=event,
                           # no bar to draw: the inputs are not counted beforehand either
                           progress=progress if not args.quiet and sys.stderr.isatty() else None)
        finally:
            for bar in bars.values():
                bar.close()
    except Busy as e:
        _err(str(e))
        return 75  # EX_TEMPFAIL: try again later
    except OutputError as e:
        _err(f"{out}: cannot write to the output folder: {_why(e.error)}")
        return 2
    except NoArticles as e:
        _err(f"no article could be read ({_summary(0, e.skipped)}); nothing written")
        return 1
    except Incomplete as e:
        _report(args, e.result)
        _err(f"--strict: {len(e.result.skipped)} input(s) could not be read (see above); the rest was built")
        return 3
    except KeyboardInterrupt:
        # the build removed what it wrote unless it was published
        if published:
            _err(f"interrupted after this build was published: {out} holds it (what is left of the "
                 "previous build is removed by the next one)")
        else:
            _err("interrupted: nothing of this build was published; the previous outputs are as they were")
        return 130
    except OSError as e:  # a full disk, a folder made read-only: here, in the store or in a worker
        if published:
            _err(f"{out}: this build was published, but tidying up after it failed: {_why(e)}")
        else:
            _err(f"{out}: cannot write the build: {_why(e)}; nothing of this build was published "
                 "and what it wrote is removed; the previous outputs are as they were")
        return 2
    finally:
        signal.signal(signal.SIGTERM, before)
    _report(args, result)
    return 0


def _report(args: argparse.Namespace, r) -> None:
    """What a build made (kg.app.build.BuildResult), unless --quiet."""
    from kg.app.build import peak_mb

    if args.quiet:
        return
    print(f"Read {r.articles} article(s), {r.characters:,} characters; {_summary(r.files, r.skipped)}."
          + (f" {r.reused} unchanged article(s) taken from the cache, {r.extracted} extracted." if args.update else ""))
    print("Entities:  " + ", ".join(f"{t} {n}" for t, n in r.entities.items()) + f"  (total {sum(r.entities.values())})")
    print("Relations: " + ", ".join(f"{t} {n}" for t, n in r.relations.items()) + f"  (total {sum(r.relations.values())})")
    if r.unresolved:
        print(f"Left unresolved (several divisions share the name, nothing in the article decides): {'、'.join(r.unresolved)}")
    files = [p.name for p in r.outputs if p.name != "store"]
    print(f"Wrote {', '.join(files)} and the store in {r.out} ({r.quads:,} quads written) in {r.seconds:.1f} s.")
    if args.timings:
        print("Time per stage: " + ", ".join(f"{k} {v:.2f} s" for k, v in r.timings.items()))
        print("Memory after each stage (its peak): " + ", ".join(f"{k} {v:,.0f} MB ({p:,.0f})" for k, (v, p) in r.memory.items())
              + f"; peak {peak_mb():,.0f} MB")


def _why(e: OSError) -> str:
    """An OSError in a few words: the C library's, or Oxigraph's (which puts it in its message),
    with the file when it says which."""
    import errno

    text = str(e)
    for code, words in ((errno.ENOSPC, "No space left on device"), (errno.EROFS, "Read-only file system"),
                        (errno.EACCES, "Permission denied"), (errno.EDQUOT, "Disk quota exceeded")):
        if e.errno == code or words in text:
            why = "no space left on device (disk full)" if code == errno.ENOSPC else words[0].lower() + words[1:]
            break
    else:
        why = e.strerror or (text.splitlines()[0] if text.strip() else type(e).__name__)
    return why + (f" ({e.filename})" if getattr(e, "filename", None) else "")


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


GRAPH_SUFFIXES = SUFFIXES
DEFAULT_GRAPH = "output"  # the build's folder: its store


def cmd_query(args: argparse.Namespace) -> int:
    from kg.rdf.query import (QueryTimeout, load_graph, named_queries, params_of, render, run, run_with_timeout,
                              title_of, uses_named_graphs, with_params)

    named = named_queries()
    if args.list:
        for name, text in sorted(named.items()):
            opts = " ".join("--" + p for p in params_of(text))
            print(f"{name:<14}{title_of(text)}" + (f"  [{opts}]" if opts else ""))
        return 0
    # positionals: [GRAPH] QUERY, where a graph is a file with an RDF suffix
    graph, query = args.graph_opt, None
    for p in args.positional:
        # of two, the first is the graph (a build folder that is not there yet is said so below)
        first_of_two = len(args.positional) == 2 and p is args.positional[0]
        if graph is None and (p.endswith(GRAPH_SUFFIXES) or _is_graph(Path(p)) or first_of_two) and p not in named:
            graph = p
        elif query is None:
            query = p
        else:
            _err(f"query: unexpected argument {p!r}")
            return 2
    graph = graph or DEFAULT_GRAPH
    given = {"region": args.region, "company": args.company, "name": args.name, "type": args.type}
    if args.file:
        try:
            sparql = Path(args.file).read_text(encoding="utf-8")
        except OSError as e:
            _err(f"{args.file}: {e.strerror or e}")
            return 2
    elif query in named:
        sparql = named[query]
    elif query:
        sparql = query
    else:
        _err("query: give a SPARQL query, --file Q.rq, or a shipped question (kg query --list)")
        return 2
    try:
        sparql = with_params(sparql, given)
    except ValueError as e:
        _err(f"query: {e}")
        return 2
    resolved = _graph_path(graph)
    if resolved is None:
        return 2
    path = resolved
    no_graphs = f"{query if query in named and not args.file else 'a query with GRAPH or FROM NAMED'} needs the " \
                f"sentence graphs, which {path.name} does not keep: run it on {_quad_outputs(path)}"
    if path.is_file() and not keeps_named_graphs(path) and uses_named_graphs(sparql):  # said before a long parse
        _err(no_graphs)
        return 2
    g = _open(path, load_graph, f"no such graph file or store (build one with: kg build ARTICLES -o {path.parent})")
    if g is None:
        return 2
    try:
        if args.timeout:
            cols, rows = run_with_timeout(g, sparql, args.timeout, path)
        else:
            cols, rows = run(g, sparql)
    except QueryTimeout as e:
        _err(f"query stopped: {e} (--timeout {args.timeout:g}; 0 for no limit)")
        return 3
    except Exception as e:
        if "ConjunctiveGraph" in str(e):  # rdflib: a GRAPH pattern over a plain Graph that the check above missed
            _err(no_graphs)
            return 2
        _err(f"query failed: {type(e).__name__}: {e}" if not isinstance(e, RuntimeError) else f"query failed: {e}")
        return 2
    print(render(cols, rows, args.format))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from kg.app.serve import Options, default_workers, serve

    opts = Options(timeout=args.timeout, workers=args.workers or default_workers(), allow_update=args.allow_update,
                   allow_federation=args.allow_federation, host=args.host, port=args.port)
    try:
        serve(Path(args.graph), opts)
    except ValueError as e:
        _err(str(e))
        return 2
    except OSError as e:
        _err(f"cannot serve {args.graph} on {args.host}:{args.port}: {e.strerror or e}")
        return 2
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    from kg.app.explain import explain, find, has_sentences, load

    resolved = _graph_path(args.graph)
    if resolved is None:
        return 2
    path = resolved
    ds = _open(path, load, "no such file or store (kg build writes graph.trig and store/ beside graph.ttl)")
    if ds is None:
        return 2
    nodes = find(ds, args.name)
    if not nodes:
        _err(f"no entity named {args.name!r} in {path}")
        return 1
    print("\n\n".join(explain(ds, n) for n in nodes))
    if not has_sentences(ds):  # graph.ttl: the facts are there, the sentences they came from are not
        _err(f"{path} has no sentence graphs: for the sentences each fact came from, run it on {_quad_outputs(path)}")
    return 0


def _quad_outputs(path: Path) -> str:
    """Where the named graphs are: the TriG / N-Quads files and the store beside path (those
    that exist, else the names kg build gives them)."""
    here = path.parent
    quads = [f.file for f in FORMATS if f.exported and f.named_graphs]
    found = [here / n for n in (*quads, "store") if (here / n).exists()]
    names = [str(p) for p in found] or [str(here / quads[0]), *quads[1:], "the store"]
    return ", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else names[0]


def cmd_validate(args: argparse.Namespace) -> int:
    """The shapes compiled to SPARQL and run by Oxigraph where the graph is (kg.rdf.validate.check);
    shapes using a SHACL feature that is not compiled go to pySHACL, said on stderr."""
    from kg.rdf.lookup import open_graph
    from kg.rdf.validate import Unsupported, check, default_graph, validate
    from kg.resources import SHAPES

    resolved = _graph_path(args.graph)
    if resolved is None:
        return 2
    path = resolved
    shapes = Path(args.shapes) if args.shapes else None
    if shapes is not None and not shapes.is_file():
        _err(f"{shapes}: no such shapes file")
        return 2
    store = _open(path, open_graph)
    if store is None:
        return 2
    bar = _progress(getattr(args, "quiet", False), unit=" checks", desc="validate")
    try:
        report = check(store, shapes or SHAPES, progress=_advance(bar))
    except Unsupported as e:
        bar.close()
        _err(f"{shapes}: {e}: checking with pySHACL instead (slow on a large graph: minutes, GBs)")
        del store
        data = _open(path, default_graph)
        if data is None:
            return 2
        report = validate(data, shapes) if shapes else validate(data)
        triples = len(data)
    else:
        triples = report.triples
    finally:
        bar.close()
    for v in report.violations[: args.limit or None]:
        print(f"{v.severity}: {v.shape} {v.focus}" + (f" {v.path}" if v.path else "") + f": {v.message}")
    if args.limit and len(report.violations) > args.limit:
        print(f"... and {len(report.violations) - args.limit} more")
    if report.conforms:
        print(f"{path}: conforms to the shapes ({triples:,} triples, {report.nodes:,} typed nodes checked).")
        return 0
    _err(f"{path}: {len(report.violations)} violation(s) of the shapes")
    return 1


def cmd_viz(args: argparse.Namespace) -> int:
    from kg.app.neighbourhood import add_evidence, read_part
    from kg.app.view import select, write_html
    from kg.rdf.lookup import open_graph

    resolved = _graph_path(args.graph)
    if resolved is None:
        return 2
    path = resolved
    out = Path(args.output)
    store = _open(path, open_graph, f"no such graph file or store (build one with: kg build ARTICLES -o {path.parent})")
    if store is None:
        return 2
    try:
        # only the part drawn is read from the store, then chosen from as from the whole graph
        part = read_part(store, focus=args.focus or "", depth=args.depth, region=args.region or "")
        view = select(part, focus=args.focus or "", depth=args.depth, types=args.type,
                      region=args.region or "", budget=args.max_nodes)
    except ValueError as e:
        _err(str(e))
        return 1
    add_evidence(store, view)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)  # -o output/view.html beside a graph given elsewhere
        write_html(view, out)
    except OSError as e:
        _err(f"{out}: cannot write the page: {e.strerror or e}")
        return 2
    print(f"Wrote {out}: {len(view.nodes)} nodes, {len(view.edges)} edges." + (f" {view.left_out}." if view.left_out else ""))
    if not keeps_named_graphs(path):
        _err(f"{path} has no sentence graphs: the page shows no sentences; for them run it on {_quad_outputs(path)}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """kg export: the graph exports (kg.rdf.export) of a build, a store or a graph file."""
    import time

    from kg.rdf.export import export
    from kg.rdf.lookup import open_graph

    path = _graph_path(args.graph)  # a build folder: its store
    if path is None:
        return 2
    out = Path(args.output) if args.output else path.parent  # the build folder, the store's or the file's
    store = _open(path, open_graph, "no such build folder, store or graph file")
    if store is None:
        return 2
    formats = tuple(dict.fromkeys(f for group in args.format for f in group))
    try:
        out.mkdir(parents=True, exist_ok=True)
        t = time.perf_counter()
        written = export(store, formats, out)
    except OSError as e:
        _err(f"{out}: cannot write the export: {e.strerror or e}")
        return 2
    if not args.quiet:
        for f in written:
            print(f"Wrote {f} ({f.stat().st_size:,} bytes)")
        print(f"{len(written)} file(s) in {time.perf_counter() - t:.1f} s")
    return 0


def parser() -> argparse.ArgumentParser:
    from kg.corpus.pipeline import ENGINES

    ap = argparse.ArgumentParser(prog="kg", description="Chanye KG: build and query a knowledge graph of local industrial development from Chinese news.")
    ap.add_argument("--version", action="version", version=f"kg {__version__}")
    sub = ap.add_subparsers(dest="cmd", required=True)

    b = sub.add_parser("build", help="read articles, write graph.ttl and graph.html")
    b.add_argument("paths", nargs="+", help="article files (.txt, .html, .jsonl) or folders of them")
    b.add_argument("-o", "--output", default="output", help="output folder (default: output)")
    b.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    b.add_argument("--no-html", action="store_true", help="skip the HTML network view")
    b.add_argument("-j", "--jobs", type=_whole(0, "0 (every core) or more"), default=0, help="worker processes (default: every core; 1: serial)")
    b.add_argument("--update", action="store_true",
                   help="add new or changed articles to the build in the output folder; unchanged ones are not extracted again")
    b.add_argument("--engine", choices=tuple(ENGINES), default="local",
                   help="; ".join(f"{n}: {e.help}" for n, e in ENGINES.items()))
    b.add_argument("--scheduler", metavar="ADDRESS", help="with --engine dask: a running scheduler (default: a local cluster of -j workers)")
    b.add_argument("--strict", action="store_true",
                   help="exit with status 3 when any input was skipped or failed (the rest is still built)")
    b.add_argument("--max-size", type=_number(0, True, "a size in MB above 0, such as 20 or 0.5"), default=20, metavar="MB",
                   help="skip a text or HTML file, or a JSONL line, larger than this (default: 20 MB)")
    b.add_argument("--formats", default=",".join(DEFAULT_EXPORTS), type=_formats, metavar="LIST",
                   help=f"files exported from the store, of {', '.join(EXPORTED)} (default: {','.join(DEFAULT_EXPORTS)}; N-Quads holds what TriG "
                        "holds in about 3.6 times the bytes)")
    b.add_argument("--timings", action="store_true", help="print the time of each stage and the peak memory")
    j = b.add_argument_group("JSONL input", "which fields of each record hold what (repeat to give several; first present wins)")
    j.add_argument("--text-field", action="append", metavar="F", help="default: text, content, body, article")
    j.add_argument("--title-field", action="append", metavar="F", help="default: title, headline")
    j.add_argument("--url-field", action="append", metavar="F", help="default: url, link, source_url")
    j.add_argument("--date-field", action="append", metavar="F", help="default: date, published, publish_time, pub_date, time, datetime")
    b.set_defaults(func=cmd_build)

    q = sub.add_parser("query", help="run SPARQL or a shipped question on a built graph")
    q.add_argument("positional", nargs="*", metavar="[GRAPH] QUERY",
                   help=f"a build folder (its store), a store or a graph file (default {DEFAULT_GRAPH}: its store), "
                        "then SPARQL text or a shipped question's name")
    q.add_argument("--graph", dest="graph_opt",
                   help=f"a build folder, a store or a graph file ({', '.join(BY_NAME[n].suffix for n in EXPORTED)})")
    q.add_argument("--file", help="read the query from a .rq file")
    q.add_argument("--format", choices=("table", "csv", "json"), default="table")
    q.add_argument("--list", action="store_true", help="list the shipped questions")
    q.add_argument("--timeout", type=_number(0, False, "seconds, 0 or more (0: no limit)"), default=60, metavar="S",
                   help="stop a query that runs longer than this many seconds (default 60; 0: no limit)")
    for p, h in (("region", "region name (or part of it)"), ("company", "company name"), ("name", "entity name"), ("type", "entity type")):
        q.add_argument(f"--{p}", help=f"for shipped questions that take it: {h}")
    q.set_defaults(func=cmd_query)

    v = sub.add_parser("serve", help="a SPARQL 1.1 endpoint over a graph on localhost")
    v.add_argument("graph", nargs="?", default="output",
                   help="a store folder (OUT/store), a build folder (its store), or a graph file (default output: its store)")
    v.add_argument("--host", default="127.0.0.1")
    v.add_argument("--port", type=int, default=8000)
    v.add_argument("--allow-update", action="store_true",
                   help="accept SPARQL Update, written to the store (a store folder only; refused by default)")
    v.add_argument("--allow-federation", action="store_true",
                   help="let queries use SERVICE and updates LOAD, which make the server fetch from other addresses (off by default)")
    v.add_argument("--timeout", type=_number(0, False, "seconds, 0 or more (0: no limit)"), default=30, metavar="S",
                   help="stop a query that runs longer than this many seconds (default 30; 0: no limit)")
    v.add_argument("--workers", type=_whole(1, "1 or more"), default=None, metavar="N",
                   help="queries answered at once, each in its own process (default: 2 to 4, by cores)")
    v.set_defaults(func=cmd_serve)

    z = sub.add_parser("viz", help="draw a part of a graph as an HTML network")
    z.add_argument("graph", nargs="?", default=DEFAULT_GRAPH,
                   help=f"a build folder (its store), a store or a graph file (default {DEFAULT_GRAPH}: its store)")
    z.add_argument("-o", "--output", default="output/view.html")
    z.add_argument("--focus", metavar="NAME", help="an entity and its neighbours")
    z.add_argument("--depth", type=int, default=1, help="hops around --focus (default 1)")
    z.add_argument("--type", action="append", choices=list(ENTITY_TYPES), help="keep only these types (repeat)")
    z.add_argument("--region", help="a region, what is in it and who governs it")
    z.add_argument("--max-nodes", type=int, default=1500, help="node budget: best-connected kept (default 1500)")
    z.set_defaults(func=cmd_viz)

    c = sub.add_parser("validate", help="check a graph against the SHACL shapes in ontology/shapes.ttl")
    c.add_argument("graph", nargs="?", default=DEFAULT_GRAPH,
                   help=f"a build folder (its store), a store or a graph file (default {DEFAULT_GRAPH}: its store)")
    c.add_argument("--shapes", help="another SHACL shapes file")
    c.add_argument("--limit", type=int, default=50, help="violations to print (default 50; 0: all)")
    c.set_defaults(func=cmd_validate)

    x = sub.add_parser("explain", help="an entity's names and relations, with the sentences they came from")
    x.add_argument("name", help="any of the entity's names (simplified or traditional)")
    x.add_argument("--graph", default=DEFAULT_GRAPH,
                   help=f"a build folder (its store), a store, graph.trig or graph.nq (default {DEFAULT_GRAPH}: its store)")
    x.set_defaults(func=cmd_explain)

    e = sub.add_parser("export", help="write GraphML, GEXF, CSV tables or JSON-LD for network tools")
    e.add_argument("graph", nargs="?", default="output",
                   help="a build folder (its store), a store folder or a graph file (default: output)")
    e.add_argument("--format", action="append", type=_export_formats, required=True, metavar="FORMAT",
                   help=f"of {', '.join(FROM_STORE)}; repeat or give a list (graphml,csv)")
    e.add_argument("-o", "--output", metavar="DIR", help="folder to write into (default: the build folder, or the graph file's)")
    e.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    e.set_defaults(func=cmd_export)
    return ap


# the commands whose positional takes any number of values: arguments argparse leaves over (those
# after an option, as in `kg query GRAPH --format csv officials`) are more of them
LIST_POSITIONALS = {"build": "paths", "query": "positional"}


def parse(ap: argparse.ArgumentParser, argv: list[str] | None) -> argparse.Namespace:
    """parse_args with options and positionals in any order. (parse_intermixed_args refuses a
    parser with subcommands; an option's value is still taken by the option, and '--' still
    ends the options.)"""
    args, extra = ap.parse_known_args(argv)
    options = [x for x in extra if x.startswith("-") and len(x) > 1]
    dest = LIST_POSITIONALS.get(args.cmd)
    if options or (extra and not dest):
        ap.error(f"unrecognized arguments: {' '.join(options or extra)}")
    if extra and dest:  # dest is set: extra without one is an error above
        setattr(args, dest, [*(getattr(args, dest) or []), *extra])
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse(parser(), argv)
    try:
        return args.func(args)
    except BrokenPipeError:  # kg query ... | head: the reader has what it wanted
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 0


if __name__ == "__main__":
    sys.exit(main())
