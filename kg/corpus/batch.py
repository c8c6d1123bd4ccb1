"""The task every engine's workers run (pipeline.ENGINES): a batch of articles extracted, each
result packed (codec.pack) to be unpacked one article at a time when needed."""
from __future__ import annotations

from kg.io.read import ReadError
from kg.model import Article, PackedResult

BATCH = 64  # articles per task: a task costs far more to ship than one article takes

Failed = ReadError  # an article that was read but could not be extracted: reported the same way


def extract_batch(batch: list[Article], store: str | None = None) -> list[PackedResult | Failed]:
    """With store (the build's cache folder, on this machine) the worker writes the bytes there
    itself, one file for the batch, and sends back only where they are: the main process neither
    receives nor writes them, and the writing is spread over the workers."""
    # imported here, in the worker: `kg --help` and the main process of a build need neither
    from kg.corpus.cache import write_results
    from kg.corpus.codec import pack
    from kg.extract.article import extract

    out: list[PackedResult | Failed] = []
    for a in batch:
        try:
            out.append(pack(extract(a)))
        except Exception as e:  # one bad article must not stop the build
            out.append(Failed(a.path, f"extraction failed: {type(e).__name__}: {e}"))
    if store:
        written = iter(write_results([r for r in out if isinstance(r, PackedResult)], store))
        out = [next(written) if isinstance(r, PackedResult) else r for r in out]
    return out
