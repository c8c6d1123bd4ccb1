"""What extraction leaves out, and why: a case no rule foresaw costs what it touched (a stage's
output, one mention), never the article. The tests feed random text to find such cases."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def attempt(notes: list[str], what: str) -> Iterator[None]:
    """Run the block; when it raises, note that `what` was left out, and why, and go on."""
    try:
        yield
    except Exception as e:  # noqa: BLE001 - one odd case must not cost the article
        notes.append(f"{what} left out: {type(e).__name__}: {e}")
