"""Extraction on a Dask cluster, for corpora beyond one machine (optional: pip install
'chanye-kg[distributed]').

Dask rather than Ray or Spark: it is pure Python, installs from PyPI with no JVM or separate
runtime, starts a local cluster offline in under a second, and a real cluster is one
`dask scheduler` plus `dask worker` per machine. A task costs about 2 ms to schedule, so
articles travel in batches (pipeline.BATCH); the merge stays on the client, as with local
processes, so the result is the same.
"""
from __future__ import annotations

from typing import Iterable, Iterator


def extract_dask(batches: Iterable[list], jobs: int = 2, scheduler: str | None = None) -> Iterator[list]:
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError as e:  # the extra is not installed
        raise SystemExit("kg: --engine dask needs Dask: pip install 'chanye-kg[distributed]'") from e

    from kg.corpus.pipeline import extract_batch

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
