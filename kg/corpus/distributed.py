"""Extraction on a Dask cluster, for corpora beyond one machine (optional: pip install
'chanye-kg[distributed]').

Dask rather than Ray or Spark: it is pure Python, installs from PyPI with no JVM or separate
runtime, starts a local cluster offline in under a second, and a real cluster is one
`dask scheduler` plus `dask worker` per machine. A task costs about 2 ms to schedule, so
articles travel in batches (batch.BATCH); the merge stays on the client, as with local
processes, so the result is the same.
"""
from __future__ import annotations

from typing import Generator, Iterable

from kg.corpus.batch import Failed, extract_batch
from kg.model import Article, PackedResult


def extract_dask(batches: Iterable[list[Article]], jobs: int = 2, scheduler: str | None = None,
                 store: str | None = None) -> Generator[list[PackedResult | Failed], None, None]:
    """On the cluster at scheduler, or on a local one of jobs processes. store is not used: a
    cluster's workers may be other machines, so the results come back with their bytes."""
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError as e:  # the extra is not installed
        raise SystemExit("kg: --engine dask needs Dask: pip install 'chanye-kg[distributed]'") from e

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        futures = [client.submit(extract_batch, b, pure=False) for b in batches]
        for f in as_completed(futures):
            yield f.result()
            f.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
