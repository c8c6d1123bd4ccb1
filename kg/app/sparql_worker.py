"""A query worker of kg serve: a process that opens the store and answers one job at a time from
its pipe, streaming the serialised answer back in chunks.

Queries run in processes because neither Oxigraph nor Python can stop a query in progress: the
server kills the worker of a query past its timeout and starts another. A worker imports only
pyoxigraph and the protocol rules, so it starts in a fraction of a second.

Messages to the server: ("ready",) once the store is open; then per job ("head", media type),
("chunk", bytes)..., ("end",); or ("error", status, text) before any head; or ("abort", text)
after one (an error while the answer was being written).
"""
from __future__ import annotations

import signal
from dataclasses import dataclass, field
from typing import IO, cast

from kg.app.sparql_protocol import ProtocolError, negotiate

CHUNK = 256 * 1024  # bytes of answer per message: big enough to be cheap, small enough to stream


@dataclass
class Job:
    """One query or update, as the server hands it to a worker."""

    update: bool
    text: str
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    accept: list[tuple[str, float]] = field(default_factory=lambda: [("*/*", 1.0)])
    formats: list[str] = field(default_factory=list)
    prefixes: dict[str, str] = field(default_factory=dict)  # for Turtle answers


class _Chunks:
    """A binary file for pyoxigraph's serialisers that sends what is written in CHUNK pieces."""

    def __init__(self, conn):
        self.conn = conn
        self.buf = bytearray()

    def write(self, b) -> int:
        self.buf += b
        if len(self.buf) >= CHUNK:
            self.conn.send(("chunk", bytes(self.buf)))
            self.buf.clear()
        return len(b)

    def flush(self) -> None:  # called by the serialisers; the pieces go at CHUNK or at the end
        pass

    def close(self) -> None:
        if self.buf:
            self.conn.send(("chunk", bytes(self.buf)))
            self.buf.clear()


def answer(store, job: Job, conn) -> None:
    """Run one job on the store and send its answer (or its error) down conn."""
    import pyoxigraph as ox

    if job.update:
        try:
            store.update(job.text)
            store.flush()  # on disk before the answer: readers opened after this see it
        except Exception as e:
            conn.send(_failure("update", e))
            return
        conn.send(("head", "text/plain; charset=utf-8"))
        conn.send(("chunk", b"OK\n"))
        conn.send(("end",))
        return
    kw: dict = {}
    if job.default_graphs:
        kw["default_graph"] = [ox.NamedNode(g) for g in job.default_graphs]
    if job.named_graphs:
        kw["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
    try:
        res = store.query(job.text, **kw)
        kind = "graph" if isinstance(res, ox.QueryTriples) else "solutions"
        fmt = negotiate(kind, job.accept, job.formats)
    except Exception as e:
        conn.send(_failure("query", e))
        return
    media = fmt.media + ("; charset=utf-8" if fmt.media.startswith("text/") else "")
    conn.send(("head", media))
    out = _Chunks(conn)
    try:
        if kind == "graph":
            rdf = getattr(ox.RdfFormat, fmt.ox)
            prefixes = job.prefixes if fmt.name == "turtle" else None
            ox.serialize(res, cast(IO[bytes], out), rdf, prefixes=prefixes)
        else:
            res.serialize(out, getattr(ox.QueryResultsFormat, fmt.ox))
        out.close()
    except (BrokenPipeError, EOFError):
        raise
    except Exception as e:
        conn.send(("abort", f"the answer failed while it was written: {_line(e)}"))
        return
    conn.send(("end",))


def _failure(what: str, e: Exception) -> tuple:
    """The error message for a job that failed before its answer began."""
    if isinstance(e, ProtocolError):
        return ("error", e.status, e.message)
    if isinstance(e, SyntaxError):
        return ("error", 400, f"{what} syntax: {_line(e)}")
    return ("error", 500, f"{what} failed: {_line(e)}")


def _line(e: BaseException) -> str:
    return " ".join(str(e).split())[:500] or type(e).__name__


def main(conn, store_path: str, writable: bool) -> None:
    """The worker's life: open the store, say ready, answer jobs until the pipe closes."""
    import pyoxigraph as ox

    # Ctrl+C reaches the whole process group: the server stops its workers itself
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        store = ox.Store(store_path) if writable else ox.Store.read_only(store_path)
    except Exception as e:
        conn.send(("failed", _line(e)))
        return
    conn.send(("ready",))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            answer(store, job, conn)
        except (BrokenPipeError, EOFError, OSError):
            return
