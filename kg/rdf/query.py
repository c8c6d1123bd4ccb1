"""SPARQL over a built graph, printed as an aligned table, CSV or JSON."""
from __future__ import annotations

import csv
import functools
import io
import json
import re
import unicodedata
from pathlib import Path

from decimal import Decimal

from rdflib import XSD, Dataset, Graph, Literal

from kg.formats import keeps_named_graphs, of_path
from kg.rdf.sparql_text import has_keyword
from kg.resources import folder


def named_queries() -> dict[str, str]:
    """The .rq files shipped in kg/queries, by file name without the suffix (a new dict each
    call; the files are read once)."""
    return dict(_shipped())


@functools.cache
def _shipped() -> tuple[tuple[str, str], ...]:
    d = folder("queries")
    return tuple(sorted((p.name[:-3], p.read_text(encoding="utf-8")) for p in d.iterdir() if p.name.endswith(".rq")))


def params_of(sparql: str) -> list[str]:
    """The parameters a shipped query takes, from its '# params: region company' line."""
    for line in sparql.splitlines():
        if line.startswith("# params:"):
            return line.split(":", 1)[1].split()
    return []


def sparql_string(value: str) -> str:
    """A SPARQL string literal for any text: names come from scraped articles."""
    esc = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{esc}"'


# A line '#{if a b} TEXT' keeps TEXT when parameter a or b is given; a line 'TEXT #{unless a b}'
# is dropped when one is. A question can then start from the filtered names when there are
# some, and keep the shape that is faster for the whole graph when not; the file as written
# (the '#{...}' parts are comments) is the question without parameters.
_IF = re.compile(r"^([ \t]*)#\{if ([\w ]+)\} ?(.*)$", re.MULTILINE)
_UNLESS = re.compile(r"^(.*?)[ \t]*#\{unless ([\w ]+)\}[ \t]*$", re.MULTILINE)


def with_params(sparql: str, given: dict[str, str]) -> str:
    """Fill a shipped query's '#{filter}' line: each given parameter keeps rows whose variable of
    that name contains the value (宁德 finds 宁德市)."""
    accepted = params_of(sparql)
    unknown = [k for k, v in given.items() if v and k not in accepted]
    if unknown:
        raise ValueError(f"this query takes {', '.join('--' + a for a in accepted) or 'no options'}, not --{unknown[0]}")
    filters = " ".join(
        f"FILTER(CONTAINS(STR(?{k}), {sparql_string(v)}))" for k, v in given.items() if v
    )

    def given_any(names: str) -> bool:
        return any(given.get(k) for k in names.split())

    sparql = _IF.sub(lambda m: m.group(1) + m.group(3) if given_any(m.group(2)) else "", sparql)
    sparql = _UNLESS.sub(lambda m: "" if given_any(m.group(2)) else m.group(1), sparql)
    return sparql.replace("#{filter}", filters)


def title_of(sparql: str) -> str:
    """A shipped query's title: its first comment line, without the '#'."""
    return next((ln[1:].strip() for ln in sparql.splitlines() if ln.startswith("#")), "")


def question_list(named: dict[str, str] | None = None) -> list[dict]:
    """The shipped questions (or those given, by name) as kg serve lists them: GET /questions and
    the query page, sorted by name."""
    named = named_queries() if named is None else named
    return [{"name": name, "title": title_of(text), "params": params_of(text)}
            for name, text in sorted(named.items())]


def question_text(name: str, given: dict[str, str]) -> str:
    """A shipped question with its parameters filled (GET /questions/NAME?region=...): KeyError
    for an unknown name, ValueError (from with_params) for a parameter it does not take."""
    return with_params(named_queries()[name], given)


def load_graph(path: Path):
    """A store folder opens as it is (Oxigraph, read-only); Turtle loads into a Graph; TriG /
    N-Quads into a Dataset whose default graph is the union, so plain patterns see every fact
    and GRAPH patterns see where each was read."""
    if path.is_dir():
        from kg.rdf.store import open_read_only

        return open_read_only(path)
    f = of_path(path)  # another suffix: rdflib guesses
    g: Graph | Dataset = Dataset(default_union=True) if keeps_named_graphs(path) else Graph()
    g.parse(str(path), format=f.rdflib if f else None)
    return g


def load_rdflib(path: Path, read_only: bool = True):
    """A graph for code that speaks rdflib (the endpoint, the network view): a store folder
    through oxrdflib (queries still run in Oxigraph), a file parsed as load_graph does. A store
    is opened read-only unless asked, so that any number of readers, kg serve among them, can
    have it open at once."""
    if path.is_dir():
        from kg.rdf.store import rdflib_dataset

        return rdflib_dataset(path, read_only=read_only)
    return load_graph(path)


def uses_named_graphs(sparql: str) -> bool:
    """Whether a query has a GRAPH pattern or FROM NAMED: not counting IRIs, strings, comments,
    variables (?graph) or prefixed names (ex:graph)."""
    return has_keyword(sparql, r"GRAPH|FROM\s+NAMED")


def run(graph, sparql: str) -> tuple[list[str], list[list[str]]]:
    import pyoxigraph as ox

    if isinstance(graph, ox.Store):
        return _run_store(graph, sparql)
    res = graph.query(sparql)
    if res.type == "ASK":
        return ["ask"], [[str(bool(res.askAnswer)).lower()]]
    if res.type != "SELECT":
        raise ValueError("only SELECT and ASK queries print as tables")
    cols = [str(v) for v in res.vars]
    rows = [[_text(v) for v in row] for row in res]
    return cols, rows


def _run_store(store, sparql: str) -> tuple[list[str], list[list[str]]]:
    import pyoxigraph as ox

    res = store.query(sparql)
    if isinstance(res, ox.QueryBoolean):
        return ["ask"], [[str(bool(res)).lower()]]
    if not isinstance(res, ox.QuerySolutions):
        raise ValueError("only SELECT and ASK queries print as tables")
    cols = [v.value for v in res.variables]
    rows = []
    for sol in res:
        row = []
        for c in cols:
            t = sol[c]
            if t is None:
                row.append("")
            elif isinstance(t, ox.Literal) and t.datatype.value == str(XSD.decimal):
                row.append(_text(Literal(t.value, datatype=XSD.decimal)))
            else:
                row.append(t.value)
        rows.append(row)
    return cols, rows


def _text(v) -> str:
    """A cell as text; decimals without the '.0' rdflib writes for whole numbers."""
    if v is None:
        return ""
    if isinstance(v, Literal) and v.datatype == XSD.decimal:
        d = Decimal(str(v))
        return str(d.quantize(Decimal(1))) if d == d.to_integral_value() else str(d.normalize())
    return str(v)


_SHOWN = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_HIDDEN = {"Cc", "Cf", "Zl", "Zp", "Cs"}  # control, format, line/paragraph separators, lone surrogates


def _visible(s: str) -> str:
    """A cell for the terminal: control and format characters (ESC, BEL, newlines, bidi marks,
    line separators) written as escapes, so a title can neither drive the terminal nor break the
    table's lines."""
    if s.isprintable():
        return s
    return "".join(ch if unicodedata.category(ch) not in _HIDDEN else _SHOWN.get(ch) or
                   (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}") for ch in s)


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def render(cols: list[str], rows: list[list[str]], fmt: str = "table") -> str:
    if fmt == "json":
        return json.dumps([dict(zip(cols, r)) for r in rows], ensure_ascii=False, indent=2)
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(cols)
        w.writerows(rows)
        return buf.getvalue().rstrip("\n")
    rows = [[_visible(v) for v in r] for r in rows]
    widths = [max([_width(c)] + [_width(r[i]) for r in rows]) for i, c in enumerate(cols)]

    def line(vals: list[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(vals, widths)).rstrip()

    out = [line(cols), line(["-" * w for w in widths])] + [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


class QueryTimeout(Exception):
    pass


def run_with_timeout(graph, sparql: str, timeout: float, path: Path | None = None) -> tuple[list[str], list[list[str]]]:
    """run() in a forked child that is stopped after timeout seconds: neither rdflib nor
    Oxigraph can interrupt a query in progress. A store is opened again in the child (its
    handle does not survive a fork); a parsed graph is shared by the fork."""
    import multiprocessing as mp

    ctx = mp.get_context("fork")
    recv, send = ctx.Pipe(duplex=False)

    def child() -> None:
        try:
            g = load_graph(path) if path is not None and path.is_dir() else graph
            send.send(("ok", run(g, sparql)))
        except Exception as e:  # sent back and raised in the parent
            send.send(("error", f"{type(e).__name__}: {e}"))

    proc = ctx.Process(target=child, daemon=True)
    proc.start()
    send.close()
    try:
        if not recv.poll(timeout):
            raise QueryTimeout(f"the query ran longer than {timeout:g} s and was stopped")
        status, value = recv.recv()
    except EOFError:
        raise RuntimeError("the query process ended without an answer") from None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
    if status == "error":
        raise RuntimeError(value)
    return value
