"""The persistent store: an Oxigraph database on disk (pyoxigraph), and the exports beside it.

Building writes every quad here instead of into rdflib's in-memory graph: measured on 195k
triples, rdflib parsed Turtle in 12 s, wrote it in 14-16 s and ran a join with GROUP BY in
2.7-4.4 s; Oxigraph took 0.8 s, 0.2 s and 0.16-0.25 s, and at 1M triples used 0.4 GB where
rdflib used 1.1 GB. Layout: the default graph holds every fact (what graph.ttl exports); the
named graphs hold the same facts by article and by sentence (graph.trig / graph.nq). The
exports are written from the same batches as the store is loaded with (Sink).
"""
from __future__ import annotations

import functools
import os
import re
import threading
from pathlib import Path
from typing import Callable, Iterable, cast

import pyoxigraph as ox

from kg.formats import BY_NAME, STREAMED, Format
from kg.rdf.vocab import PREFIXES

FLUSH = 50_000  # quads buffered before a bulk write
DEFAULT = " .\n"  # how a line of the default graph ends


class Sink:
    """What the graph builders write into: add((s, p, o)) of terms in N-Triples syntax,
    graph(name), default_graph. Buffers N-Quads lines and bulk-loads them into an Oxigraph store;
    given exports (names of kg.formats) and a folder, each batch is also written into those
    files as it goes, so that no export reads the store back (on 30 MB of real articles dumping
    graph.ttl and graph.trig from the store took 55 s, longer than loading it).

    Oxigraph loads and serialises without holding the GIL, so each batch is loaded and written
    by background threads while Python makes the next one. A batch's lines are grouped by graph
    and each told once (the builders state some quads more than once: a label by each article,
    an article's description by each of its sentences); a quad repeated in a later batch is
    written again, which every reader of the files takes as the one quad."""

    def __init__(self, store: ox.Store, exports: Iterable[str] = (), folder: Path | None = None):
        chosen = [BY_NAME[n] for n in STREAMED if n in set(exports)]  # in the table's order; the rest: kg.rdf.export
        self.files = None
        writers = [_Writer(functools.partial(_load, store))]
        if chosen:
            if folder is None:
                raise ValueError("exports need a folder")
            self.files = _Files(chosen, folder)
            writers.append(_Writer(self.files.write))
        # the graphs write into the batch, which knows nothing of the Sink: no reference cycle,
        # so the store closes when the build lets go of it (a cycle kept its files open after
        # kg.build returned, until the collector ran)
        self.batch = _Batch(writers)
        self.default_graph = _Graph(self.batch, DEFAULT)
        self.add = self.default_graph.add  # the default graph's: what build_graph writes

    def graph(self, name: str) -> "_Graph":
        return _Graph(self.batch, f" {name} .\n")

    def flush(self, wait: bool = True) -> None:
        """Hand the buffered quads to the writer threads; wait: until everything is written."""
        self.batch.flush(wait)

    def finish(self) -> None:
        """Write what is left and put the exports in place (graph.ttl.tmp -> graph.ttl): a reader
        never sees half a file."""
        self.flush()
        if self.files is not None:
            self.files.close()

    def __len__(self) -> int:
        """The lines handed in, repeats included: len(store) counts each quad once."""
        return self.batch.count


def _load(store: ox.Store, triples: bytes, quads: bytes) -> None:
    store.bulk_load(quads, format=ox.RdfFormat.N_QUADS)


class _Batch:
    """The lines buffered for the writers, by graph, and the writers they go to."""

    def __init__(self, writers: "list[_Writer]"):
        self.writers = writers
        self.graphs: dict[str, list[str]] = {}  # a line's ending (its graph) -> the batch's lines
        self.count = 0  # lines handed in
        self.due = FLUSH

    def flush(self, wait: bool = True) -> None:
        for w in self.writers:
            w.join()
        if self.graphs:
            graphs, self.graphs = self.graphs, {}
            self.due = self.count + FLUSH
            # the default graph first: it is graph.ttl's batch, and the head of the others'
            # (a lone surrogate, never made by the readers, would not encode: '?' instead)
            triples = "".join(dict.fromkeys(graphs.pop(DEFAULT, ()))).encode("utf-8", "replace")
            quads = triples + "".join("".join(dict.fromkeys(g)) for g in graphs.values()).encode("utf-8", "replace")
            for w in self.writers:
                w.start(triples, quads)
        if wait:
            for w in self.writers:
                w.join()


class _Graph:
    """A named graph of a Sink: add((s, p, o)) puts the triple in it."""

    __slots__ = ("batch", "end")

    def __init__(self, batch: _Batch, end: str):
        self.batch, self.end = batch, end

    def add(self, triple) -> None:
        s, p, o = triple
        batch = self.batch
        lines = batch.graphs.get(self.end)
        if lines is None:
            lines = batch.graphs[self.end] = []
        lines.append(f"{s} {p} {o}{self.end}")
        batch.count += 1
        if batch.count >= batch.due:
            batch.flush(wait=False)


class _Writer:
    """One background thread at a time running job(triples, quads) on a batch; its error is
    raised again in the builder's thread, at the next join."""

    def __init__(self, job: Callable[[bytes, bytes], None]):
        self.job = job
        self.thread: threading.Thread | None = None
        self.error: BaseException | None = None

    def start(self, triples: bytes, quads: bytes) -> None:
        self.thread = threading.Thread(target=self._run, args=(triples, quads), daemon=True)
        _WRITERS.add(self.thread)
        self.thread.start()

    def _run(self, triples: bytes, quads: bytes) -> None:
        try:
            self.job(triples, quads)
        except BaseException as e:
            self.error = e

    def join(self) -> None:
        if self.thread is not None:
            self.thread.join()
            _WRITERS.discard(self.thread)
            self.thread = None
        err, self.error = self.error, None
        if err is not None:
            raise err


class _Files:
    """The exported files, written batch by batch: N-Quads as it comes; Turtle and TriG through
    an in-memory store per batch, since Oxigraph's serialize() of parsed quads holds the GIL and
    its store's dump does not. Each file is written as NAME.tmp and renamed by close()."""

    def __init__(self, formats: list[Format], folder: Path):
        self.formats = formats
        self.files = {f.file: open(folder / (f.file + ".tmp"), "wb") for f in formats}
        self.folder = folder
        self.prefixes = {k: str(v) for k, v in PREFIXES.items()}
        self.first = True

    def write(self, triples: bytes, quads: bytes) -> None:
        mem = None
        for f in self.formats:
            if f.name == "nq":
                data = quads
            else:
                if mem is None:
                    mem = ox.Store()
                    mem.bulk_load(quads, format=ox.RdfFormat.N_QUADS)
                kw: dict = {"format": f.ox, "prefixes": self.prefixes}
                if not f.named_graphs:
                    kw["from_graph"] = ox.DefaultGraph()
                data = cast(bytes, mem.dump(**kw))
                if not self.first:  # the prefixes once, at the head of the file
                    data = _PREFIX_LINES.sub(b"", data, count=1)
            self.files[f.file].write(data)
        self.first = False

    def close(self) -> None:
        for name, fh in self.files.items():
            fh.close()
            (self.folder / (name + ".tmp")).replace(self.folder / name)


_PREFIX_LINES = re.compile(rb"\A(?:@prefix [^\n]*\n)+")


def fresh_store(path: Path) -> ox.Store:
    """An empty store in the new folder path, inside the build's own folder (publish.Output):
    the published store is untouched until the build is published as a whole."""
    if path.exists():
        raise FileExistsError(f"{path}: a store is there already")
    return ox.Store(str(path))


_WRITERS: set[threading.Thread] = set()  # batches being written, waited for before a discard


def wait_writers() -> None:
    """Wait for the batches being written (a build stopped or failed: before its folder goes)."""
    for t in list(_WRITERS):
        t.join(timeout=60)
    _WRITERS.clear()


def open_read_only(path: Path) -> ox.Store:
    """A store for reading only: RocksDB lets one process open a store for writing, and any
    number for reading beside it (kg explain, query and viz while kg serve has it open)."""
    return ox.Store.read_only(_resolved(path))


def _resolved(path: Path) -> str:
    """OUT/store is a link to current/store, and current a link to the published build: RocksDB
    opens a store's files one by one by name, so the links are followed once, before it opens
    any, and all come from one build even when a new build is published meanwhile."""
    return os.path.realpath(path)


def rdflib_dataset(path: Path, read_only: bool = True):
    """The store behind rdflib's API (oxrdflib): for code that speaks rdflib, such as the
    SPARQL endpoint. Queries still run in Oxigraph. Opened for reading only unless asked
    (kg serve --allow-update): a store opened for writing is locked against every other opener."""
    from oxrdflib import OxigraphStore
    from rdflib import Dataset

    store = open_read_only(path) if read_only else ox.Store(_resolved(path))
    return Dataset(store=OxigraphStore(store=store))
