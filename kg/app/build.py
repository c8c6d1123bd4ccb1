"""kg.build: article files -> graph.ttl / graph.trig / graph.nq, the store and graph.html in an
output folder. The whole of `kg build`, as a function a notebook can call (kg.app.cli parses the
arguments, calls this, and prints).

Stages, each timed: read (kg.io.read) and extract (kg.corpus.pipeline; with update=True the
unchanged articles come from the cache, kg.corpus.cache), merge (kg.corpus.merge), graph + store
(kg.rdf.graph into kg.rdf.store, whose Sink writes the exported files from the same batches it
loads the store with; the page's sentences are taken in the same pass over the articles), html
(kg.app.view), export (the last batch written, the files closed and put in place), publish (kg.corpus.publish: the
build is written into a folder of its own and switched to with one rename, under a lock: one
build at a time in a folder).

Nothing is printed here. What the build has to tell as it goes (an input skipped or failed, a
note on what reading or extraction mended or left out, what the page left out, the switch to the
new build) is an Event handed to on_event; how far each stage is goes to progress, as (stage,
done, total) (STAGES: the stages and what they count); the BuildResult says the rest. A build that stops (an exception, Ctrl-C) removes what it wrote unless it was already
published: the output folder keeps the previous build whole.
"""
from __future__ import annotations

import gc
import math
import os
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from kg.corpus.publish import Busy, Output, pause
from kg.model import ENTITY_TYPES, RELATION_TYPES
from kg.formats import BY_NAME, DEFAULT_EXPORTS, EXPORTED, FROM_STORE

__all__ = ["build", "BuildResult", "Event", "Skipped", "Busy", "OutputError", "NoArticles", "Incomplete", "STAGES"]

# the stages of a build, in order, and what the progress of each counts. read+extract's total is
# counted before it starts (a file an input, a JSONL file a line each): an estimate, which its
# last report puts right (a blank line, a JSON array, a file that cannot be read)
STAGES = {"read+extract": " inputs", "merge": " articles", "graph+store": " articles", "html": " steps",
          "export": " formats", "publish": " steps"}
Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass(frozen=True)
class Event:
    """Something a build tells as it goes. kind:
    - "skipped" / "failed": an input left out (path; text: why): passed over by rule (empty, too
      large), or unreadable / not extractable; the rest is built
    - "note": what reading or extraction mended or left out of an input (path, text)
    - "extracted": every article is extracted (what a progress display waits for)
    - "page": what graph.html left out to stay within its node budget (text)
    - "published": the new build is the output folder's; a stop after this leaves it published
    """

    kind: str
    path: str = ""
    text: str = ""


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str
    kind: str  # "skipped" (passed over by rule) or "failed"


@dataclass
class BuildResult:
    out: Path
    articles: int  # in the graph (with update=True: those from the cache too)
    characters: int  # of their texts
    files: int  # input files read (a JSONL file is one, however many articles it holds)
    extracted: int  # articles extracted by this build
    reused: int  # articles taken unchanged from the cache (update=True)
    entities: dict[str, int]  # by type, every type of kg.model.ENTITY_TYPES
    relations: dict[str, int]  # by relation, every one of kg.model.RELATION_TYPES
    quads: int  # in the store, each once
    unresolved: tuple[str, ...]  # place names several divisions share, not decided by the article
    skipped: tuple[Skipped, ...]  # inputs left out, in the order met
    outputs: tuple[Path, ...]  # the files written (out/graph.ttl ...), then the store folder
    page_left_out: str = ""  # what graph.html left out (its node budget), if anything
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage
    memory: dict[str, tuple[float, float]] = field(default_factory=dict)  # MB in use after each stage, its peak (memory=True)
    seconds: float = 0.0  # the whole build

    @property
    def complete(self) -> bool:
        """Every input was read and extracted."""
        return not self.skipped


class OutputError(Exception):
    """The output folder cannot be made or written to (before anything was built)."""

    def __init__(self, out: Path, error: OSError):
        super().__init__(f"{out}: cannot write to the output folder: {error}")
        self.out, self.error = out, error


class NoArticles(Exception):
    """No input gave an article: nothing was written."""

    def __init__(self, skipped: Sequence[Skipped]):
        super().__init__(f"no article could be read ({len(skipped)} input(s) skipped or failed); nothing written")
        self.skipped = tuple(skipped)


class Incomplete(Exception):
    """strict=True and some input was skipped or failed: the rest was built and published (result)."""

    def __init__(self, result: BuildResult):
        super().__init__(f"{len(result.skipped)} input(s) could not be read; the rest was built")
        self.result = result


def build(
    paths: Iterable[str | os.PathLike] | str | os.PathLike,
    out: str | os.PathLike,
    *,
    jobs: int = 0,
    update: bool = False,
    engine: str = "local",
    scheduler: str | None = None,
    html: bool = True,
    formats: Sequence[str] = DEFAULT_EXPORTS,
    max_size: float = 20,
    strict: bool = False,
    text_fields: Sequence[str] | None = None,
    title_fields: Sequence[str] | None = None,
    url_fields: Sequence[str] | None = None,
    date_fields: Sequence[str] | None = None,
    memory: bool = False,
    on_event: Callable[[Event], None] | None = None,
    progress: Progress | None = None,
) -> BuildResult:
    """Build the graph of the articles in paths (files: .txt, .html, .jsonl; or folders of them)
    into the folder out, as `kg build PATHS -o OUT` does; the options are its options:

    jobs: worker processes (0: every core; 1: in this process). update: add new or changed
    articles to the build in out, taking the unchanged ones from its cache. engine: "local" (a
    process pool) or "dask" (scheduler: a running scheduler's address; default a local cluster).
    html: write graph.html. formats: the files exported, of kg.formats.EXPORTED: "ttl", "trig",
    "nq", "jsonld", "graphml", "gexf", "csv" (or "ttl,nq"). max_size: in MB, a text or HTML file
    or a JSONL line above it is skipped. strict: raise Incomplete (the build is published all
    the same) when any input was skipped or failed. text_fields ...
    date_fields: the JSONL fields holding each (first present wins; default: kg.io.read.ReadOptions).
    memory: also sample the memory in use per stage (BuildResult.memory). on_event: called with
    each Event; progress: with (stage, done, total) as each stage of STAGES goes (from 0 of
    total, done never going back, about a hundred calls a stage, the last with done == total).

    Raises Busy (another build holds out), OutputError (out cannot be written), NoArticles,
    Incomplete (strict), ValueError (an option out of range); an OSError met while building
    (a full disk) or KeyboardInterrupt comes through after this build's files are removed.
    """
    formats = tuple(dict.fromkeys(formats.split(",") if isinstance(formats, str) else formats))
    bad = [f for f in formats if f not in BY_NAME or not BY_NAME[f].exported]
    if bad or not formats:
        raise ValueError(f"unknown format {', '.join(bad) if bad else repr(formats)}: choose from {', '.join(EXPORTED)}")
    if not (max_size > 0 and math.isfinite(max_size)):
        raise ValueError(f"max_size is {max_size!r} MB: give a size above 0")
    if jobs < 0:
        raise ValueError(f"jobs is {jobs}: give 0 (every core) or more")
    from kg.corpus.pipeline import ENGINES

    if engine not in ENGINES:
        raise ValueError(f"engine is {engine!r}: give one of {', '.join(map(repr, ENGINES))}")
    paths = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    out = Path(out)
    tell = on_event or (lambda e: None)
    # a build holds millions of small acyclic objects (results, then quads): the cyclic
    # collector would walk them all again and again (10k articles: 103 s -> 85 s)
    collecting = gc.isenabled()
    gc.disable()
    try:
        try:
            out.mkdir(parents=True, exist_ok=True)
            job = Output(out)  # one build at a time in a folder: a second is refused (Busy)
        except OSError as e:
            raise OutputError(out, e) from e
        run = _Run(job, paths, jobs, update, engine, scheduler, html, formats, max_size,
                   (text_fields, title_fields, url_fields, date_fields), memory, tell, progress)
        try:
            result = run.build()
        except (KeyboardInterrupt, OSError):
            # the build writes into a folder of its own and publishes it with one rename: until
            # then what it wrote is removed and the previous build's files are as they were
            if job.published:  # stopped just after the switch: said before the exception comes
                run.published()
            else:
                _discard(job)
            raise
        except BaseException:
            _discard(job)
            raise
        finally:
            job.close()
    finally:
        if collecting:
            gc.enable()
    if strict and result.skipped:
        raise Incomplete(result)
    return result


def _discard(job: Output) -> None:
    """What a stopped or failed build wrote: its folder (once the store's writers are done) and
    the cache files it added; the published build is untouched."""
    from kg.rdf.store import wait_writers

    wait_writers()
    job.abandon()


class _Run:
    """One build into a locked output folder (publish.Output)."""

    def __init__(self, job: Output, paths: list, jobs: int, update: bool, engine: str, scheduler: str | None,
                 html: bool, formats: tuple[str, ...], max_size: float, fields: tuple, memory: bool,
                 tell: Callable[[Event], None], progress: Progress | None) -> None:
        self.job, self.paths, self.jobs, self.update = job, paths, jobs, update
        self.engine, self.scheduler, self.html, self.formats = engine, scheduler, html, formats
        self.max_size, self.fields, self.memory, self.tell, self.progress = max_size, fields, memory, tell, progress
        self.skipped: list[Skipped] = []
        self.files_read: set[str] = set()
        self.reused = 0
        self.timings: dict[str, float] = {}
        self.rss: dict[str, tuple[float, float]] = {}
        self.told_published = False
        self.meter = _Meter(None, "", 0)  # read+extract's, once it starts

    def published(self) -> None:
        """Tell that the build is published, once."""
        if not self.told_published:
            self.told_published = True
            self.tell(Event("published"))

    def _skip(self, e) -> None:
        """An input that gave no article (kg.io.read.ReadError, or an extraction that failed)."""
        from kg.io.read import ReadError

        kind = getattr(e, "kind", "failed")
        if isinstance(e, ReadError):  # a failed extraction is counted with its batch
            self.meter.add()
        self.skipped.append(Skipped(e.path, e.reason, kind))
        self.tell(Event(kind, e.path, e.reason))

    def _fresh(self, items, cache) -> Iterator:
        """Inputs whose text is new or changed; the rest come from the cache (update)."""
        from kg.io.read import ReadError

        for it in items:
            if not isinstance(it, ReadError):
                self.files_read.add(_file_of(it.path))
                for note in it.notes:
                    self.tell(Event("note", it.path, note))
                if self.update and cache.lookup(it) is not None:
                    self.reused += 1
                    self.meter.add()
                    continue
            yield it

    def _stage(self, name: str, since: float, watch: "_MemoryWatch | None") -> float:
        """Close a stage: its time (and memory); returns the time the next one starts."""
        self.timings[name] = time.perf_counter() - since
        if watch is not None:
            self.rss[name] = watch.take()
        return time.perf_counter()

    def build(self) -> BuildResult:
        from kg.app.view import DEFAULT_BUDGET, MergedView, write_html
        from kg.corpus.cache import Cache
        from kg.corpus.merge import merge
        from kg.corpus.pipeline import default_jobs, extract_all
        from kg.io.read import ReadOptions, read_all
        from kg.rdf.export import export as export_from_store
        from kg.rdf.graph import build_dataset, build_graph
        from kg.rdf.store import Sink, fresh_store

        t0 = time.perf_counter()
        job = self.job
        out = job.out
        pause("locked")
        here = job.begin()  # this build's own folder, published whole at the end
        defaults = ReadOptions()
        names = ("text_fields", "title_fields", "url_fields", "date_fields")
        opts = ReadOptions(**{k: tuple(v) if v else getattr(defaults, k) for k, v in zip(names, self.fields)},
                           max_bytes=int(self.max_size * 2**20), exclude=(os.path.realpath(out),))
        cache = Cache(out)
        if not self.update:
            cache.entries = {}
        watch = _MemoryWatch() if self.memory else None
        progress = self.progress
        try:
            t = time.perf_counter()
            self.meter = meter = _Meter(progress, "read+extract", _inputs(self.paths, opts) if progress else 0)
            new = extract_all(self._fresh(read_all(self.paths, opts), cache), jobs=self.jobs or default_jobs(),
                              skipped=self._skip, progress=meter.add, engine=self.engine,
                              scheduler=self.scheduler, store=str(cache.dir))
            meter.end(meter.done)  # what was counted before is an estimate: this is the count
            self.tell(Event("extracted"))
            for r in sorted(new, key=lambda r: r.path):  # what extraction had to leave out, per article
                for note in r.notes:
                    self.tell(Event("note", r.path, note))
            new = [cache.put(r) for r in new]  # from here on each result is read from its cache file
            results = cache.all_results() if self.update else new
            t = self._stage("read+extract", t, watch)
            if not results:
                raise NoArticles(self.skipped)
            pause("extracted")
            merged = merge(results, progress=(lambda done, total: progress("merge", done, total)) if progress else None)
            _trim()  # the merge's scratch (name indexes, pooled names) goes back to the system
            t = self._stage("merge", t, watch)
            pause("merged")
            # the page's nodes, edges and the sentences they show are chosen now, so that the
            # sentences are taken from the articles as the store's pass unpacks them
            page = MergedView(merged, budget=DEFAULT_BUDGET) if self.html else None
            page_time = time.perf_counter() - t  # counted in the html stage
            t = time.perf_counter()
            # every quad goes into the on-disk store and, batch by batch, into the exported files
            store = fresh_store(here / "store")
            sink = Sink(store, self.formats, here)
            written = _Meter(progress, "graph+store", len(merged.articles))
            take = page.take if page is not None else None

            def on_article(res) -> None:
                if take is not None:
                    take(res)
                written.add()

            # the entities' part is a small one (1%): the articles are what the stage counts
            build_graph(merged, sink, articles=False)  # build_dataset describes the articles and figures
            build_dataset(merged, sink, figures=True, on_article=on_article)
            sink.flush()
            # what is in the store, each quad once: the builders add some quads more than once (a
            # label stated by several articles, an article's description by each of its
            # sentences), so the lines handed to the store (len(sink)) overstate it
            quads = len(store)
            written.end()
            t = self._stage("graph+store", t, watch)
            pause("stored")
            left_out = ""
            if page is not None:
                meter = _Meter(progress, "html", 2)  # the page's view, then its file
                view = page.view()
                meter.add()
                write_html(view, here / "graph.html")
                meter.end()
                t = self._stage("html", t - page_time, watch)  # since: as if it had begun page_time earlier
                left_out = view.left_out
                if left_out:
                    self.tell(Event("page", text=left_out))
                del view, page
                pause("html")
            ents = Counter(e.type for e in merged.entities.values())
            rels = Counter(r.rel for r in merged.relations)
            del merged
            _trim()
            t = time.perf_counter()
            meter = _Meter(progress, "export", len(self.formats))
            sink.finish()  # the exports' files closed and put in place
            meter.add(sum(f not in FROM_STORE for f in self.formats))
            # RocksDB's files compacted once: bulk loading leaves them in many levels, and each
            # look-up reads them all (kg explain, viz, export and validate read the store: look-ups
            # measured 4x faster, a whole scan 3x, for 5 s on 3.2M quads)
            store.optimize()
            # the exports made from the whole store: JSON-LD, GraphML, GEXF, the CSV tables
            export_from_store(store, self.formats, here)
            store.flush()
            meter.end()
            del store, sink  # closed: the published store is opened by readers only
            t = self._stage("export", t, watch)
            meter = _Meter(progress, "publish", 3)  # the cache saved, the switch, the earlier build removed
            cache.save(here)
            meter.add()
            # the one switch: graph.*, the store, the page and the manifest of this build at
            # once; then the files of an earlier build this one does not have (other formats, no
            # page) go, and so does the earlier build's folder
            job.publish()
            self.published()
            meter.add()
            pause("switched")
            job.finish()
            meter.end()
            self._stage("publish", t, None)
        finally:
            if watch is not None:
                watch.done.set()
        files = [n for f in self.formats for n in BY_NAME[f].files if (out / n).exists()] + (["graph.html"] if self.html else [])
        return BuildResult(
            out=out, articles=len(results), characters=sum(r.chars for r in results),
            files=len(self.files_read), extracted=len(new), reused=self.reused,
            entities={t: ents.get(t, 0) for t in ENTITY_TYPES},
            relations={r: rels.get(r, 0) for r in RELATION_TYPES},
            quads=quads, unresolved=tuple(sorted({n for r in results for n, _ in r.unresolved})),
            skipped=tuple(self.skipped), outputs=tuple(out / f for f in files) + (out / "store",),
            page_left_out=left_out, timings=self.timings,
            memory=self.rss,
            seconds=time.perf_counter() - t0,
        )


class _Meter:
    """One stage's progress handed to progress (stage, done, total): 0 at the start, then at most
    about a hundred times (every 1% of the total: a build makes millions of quads, the callback
    is not called for each), done == total only by end()."""

    def __init__(self, progress: Progress | None, stage: str, total: int) -> None:
        self.progress, self.stage, self.total = progress, stage, total
        self.done = self.told = 0
        self.step = max(1, total // 100)
        if progress is not None:
            progress(stage, 0, total)

    def add(self, n: int = 1) -> None:
        self.done += n
        # past the total (an estimate that fell short) nothing is told until the end
        if self.progress is not None and self.done - self.told >= self.step and self.done < self.total:
            self.told = self.done
            self.progress(self.stage, self.done, self.total)

    def end(self, total: int | None = None) -> None:
        """The stage is over: done == total (total: the real count, when the first was an estimate)."""
        if total is not None:
            self.total = total
        if self.progress is not None:
            self.progress(self.stage, self.total, self.total)


def _inputs(paths: list, opts) -> int:
    """What read+extract goes over, counted before: a file (or an input refused) one, a JSONL
    file its lines (the newlines counted as fast as the disk reads; the read then finds the file
    in the page cache)."""
    from kg.io.read import JSONL_SUFFIXES, ReadError, expand

    n = 0
    for item in expand(paths, opts.exclude):
        if isinstance(item, ReadError) or item.suffix.lower() not in JSONL_SUFFIXES:
            n += 1
            continue
        lines, last = 0, b"\n"
        try:
            with open(item, "rb") as f:
                while chunk := f.read(1 << 20):
                    lines += chunk.count(b"\n")
                    last = chunk[-1:]
        except OSError:
            pass
        n += max(1, lines + (last != b"\n"))
    return n


def _file_of(path: str) -> str:
    """The file an article came from (a JSONL article's path ends in :LINE)."""
    head, _, tail = path.rpartition(":")
    return head if head and tail.isdigit() else path


def _trim() -> None:
    """Return freed heap pages to the system (glibc's malloc_trim); elsewhere nothing happens."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def peak_mb() -> float:
    """The most memory this process has used, in MB."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class _MemoryWatch:
    """The highest memory in use since the last take(), sampled ten times a second (memory=True):
    a stage's peak can be well above what it leaves in use."""

    def __init__(self) -> None:
        self.peak = 0.0
        self.done = threading.Event()
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        while not self.done.wait(0.1):
            self.peak = max(self.peak, _rss_mb())

    def take(self) -> tuple[float, float]:
        now = _rss_mb()
        peak, self.peak = max(self.peak, now), now
        return now, peak


def _rss_mb() -> float:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, AttributeError):
        return 0.0
