"""Extraction over many articles: serial, or across local processes, in batches.

extract() is a pure function of one article, so workers share nothing; the merge that follows
is the only serial step, and it sorts what it gets, so the result is the same whatever the order
or the number of workers.
"""
from __future__ import annotations

import os
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Callable, Iterable, Iterator

from kg.model import Article, PackedResult
from kg.io.read import ReadError

BATCH = 64  # articles per task: a task costs far more to ship than one article takes


Failed = ReadError  # an article that was read but could not be extracted: reported the same way


def extract_batch(batch: list[Article], store: str | None = None) -> list[PackedResult | Failed]:
    """Each result comes back packed (model.encode_result), to be unpacked one article at a time
    when needed. With store (the build's cache folder, on this machine) the worker writes the
    bytes there itself, one file for the batch, and sends back only where they are: the main
    process neither receives nor writes them, and the writing is spread over the workers."""
    from kg.corpus.cache import write_results
    from kg.extract.article import extract

    out: list[PackedResult | Failed] = []
    for a in batch:
        try:
            out.append(PackedResult.pack(extract(a)))
        except Exception as e:  # one bad article must not stop the build
            out.append(Failed(a.path, f"extraction failed: {type(e).__name__}: {e}"))
    if store:
        written = iter(write_results([r for r in out if isinstance(r, PackedResult)], store))
        out = [next(written) if isinstance(r, PackedResult) else r for r in out]
    return out


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


def extract_all(
    items: Iterable[Article | ReadError],
    jobs: int = 1,
    skipped: Callable[[ReadError | Failed], None] = lambda e: None,
    progress: Callable[[int], None] = lambda n: None,
    engine: str = "local",
    scheduler: str | None = None,
    store: str | None = None,
) -> list[PackedResult]:
    """Every readable article extracted; what could not be read or extracted goes to skipped.
    store: a local folder the workers write each result to (not for a cluster's workers, which
    may be other machines)."""
    results: list[PackedResult] = []

    def take(done: list[PackedResult | Failed]) -> None:
        for r in done:
            if isinstance(r, Failed):
                skipped(r)
            else:
                results.append(r)
        progress(len(done))

    if engine == "dask":
        from kg.corpus.distributed import extract_dask

        for done in extract_dask(_batches(items, skipped), jobs=jobs, scheduler=scheduler):
            take(done)
        return results

    if jobs <= 1:
        for batch in _batches(items, skipped):
            take(extract_batch(batch, store))
        return results
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_die_with, initargs=(os.getpid(),))
    try:
        pending: set[Future] = set()
        for batch in _batches(items, skipped):
            pending.add(pool.submit(extract_batch, batch, store))
            if len(pending) >= jobs * 3:  # bounded: the corpus never sits in memory whole
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for f in finished:
                    take(f.result())
        for f in pending:
            take(f.result())
    except BaseException:
        # a worker failed (a full disk) or the build was stopped: the batches not started are
        # dropped, and the running ones end before anything the build wrote is removed
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
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
