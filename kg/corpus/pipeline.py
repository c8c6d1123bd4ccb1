"""Extraction over many articles, by one of the ENGINES: in this process, across local
processes, or on a Dask cluster (distributed.py), a batch of articles a task (batch.py).

extract() is a pure function of one article, so workers share nothing; the merge that follows
is the only serial step, and it sorts what it gets, so the result is the same whatever the order,
the engine or the number of workers.
"""
from __future__ import annotations

import os
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import closing
from dataclasses import dataclass
from itertools import chain, islice
from typing import Callable, Generator, Iterable, Iterator

from kg.corpus.batch import BATCH, Failed, extract_batch
from kg.corpus.distributed import extract_dask
from kg.io.read import ReadError
from kg.model import Article, PackedResult

# batches, jobs, scheduler, store -> the results of each batch, in the order the batches end
Results = Generator[list[PackedResult | Failed], None, None]
Runner = Callable[[Iterable[list[Article]], int, str | None, str | None], Results]


def _batches(items: Iterable[Article | ReadError], skipped: Callable[[ReadError], None]) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for it in items:
        if isinstance(it, ReadError):
            skipped(it)
            continue
        batch.append(it)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def extract_local(batches: Iterable[list[Article]], jobs: int = 1, scheduler: str | None = None,
                  store: str | None = None) -> Results:
    """In this process (jobs 1) or a pool of jobs processes on this machine (scheduler: not
    used). The generator must be closed when it is left early (extract_all does): the pool's
    running batches end then, before anything the build wrote is removed."""
    batches = iter(batches)
    if jobs > 1:
        # a pool for one batch is one worker doing it after a start-up of its own (imports, the
        # gazetteer): slower than doing it here, for the same result
        ahead = list(islice(batches, 2))
        batches = chain(ahead, batches)
        if len(ahead) < 2:
            jobs = 1
    if jobs <= 1:
        for batch in batches:
            yield extract_batch(batch, store)
        return
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_die_with, initargs=(os.getpid(),))
    try:
        pending: set[Future] = set()
        for batch in batches:
            pending.add(pool.submit(extract_batch, batch, store))
            if len(pending) >= jobs * 3:  # bounded: the corpus never sits in memory whole
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for f in finished:
                    yield f.result()
        for f in pending:
            yield f.result()
    except BaseException:
        # a worker failed (a full disk), the build was stopped, or the generator was closed: the
        # batches not started are dropped, and the running ones end first
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


@dataclass(frozen=True)
class Engine:
    run: Runner
    help: str  # one line, for kg build --help


ENGINES = {
    "local": Engine(extract_local, "processes on this machine, -j of them (the default)"),
    "dask": Engine(extract_dask, "a Dask cluster: --scheduler's, or a local one of -j workers "
                                 "(pip install 'chanye-kg[distributed]')"),
}


def extract_all(
    items: Iterable[Article | ReadError],
    jobs: int = 1,
    skipped: Callable[[ReadError | Failed], None] = lambda e: None,
    progress: Callable[[int], None] = lambda n: None,
    engine: str = "local",
    scheduler: str | None = None,
    store: str | None = None,
) -> list[PackedResult]:
    """Every readable article extracted by the engine named (ENGINES); what could not be read or
    extracted goes to skipped. store: a local folder the workers write each result to (not for a
    cluster's workers, which may be other machines: the dask engine does not use it)."""
    if engine not in ENGINES:
        raise ValueError(f"no engine {engine!r}: one of {', '.join(ENGINES)}")
    results: list[PackedResult] = []
    with closing(ENGINES[engine].run(_batches(items, skipped), jobs, scheduler, store)) as batches:
        for done in batches:
            for r in done:
                if isinstance(r, Failed):
                    skipped(r)
                else:
                    results.append(r)
            progress(len(done))
    return results


def _die_with(build: int) -> None:
    """Pool worker initializer: the worker ends with the build's process, even when that is
    killed with SIGKILL (it would otherwise run on for hours, adopted by init). On Linux the
    kernel sends SIGKILL when the parent ends (prctl PR_SET_PDEATHSIG); elsewhere a thread looks
    once a second. Ctrl-C is left to the build, which stops the pool itself."""
    import signal

    from kg.corpus.publish import forget_lock

    forget_lock()  # the output folder's lock belongs to the build's process, not to its workers
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()  # the build, or a fork server under other start methods
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(1, signal.SIGKILL, 0, 0, 0) != 0:  # 1: PR_SET_PDEATHSIG
            raise OSError(ctypes.get_errno(), "prctl")
    except (OSError, AttributeError):  # not Linux
        import threading

        threading.Thread(target=_watch, args=(parent, build), daemon=True, name="kg-watch-build").start()
    if not _alive(parent, build):  # the build died before the line above
        os._exit(1)


def _alive(parent: int, build: int) -> bool:
    if os.getppid() != parent:
        return False
    try:
        os.kill(build, 0)
    except OSError:  # no such process, or another user's now: not the build
        return False
    return True


def _watch(parent: int, build: int) -> None:
    import time

    while _alive(parent, build):
        time.sleep(1.0)
    os._exit(1)
