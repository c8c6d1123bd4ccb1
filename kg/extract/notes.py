"""What extraction leaves out, and why: a case no rule foresaw costs what it touched (a stage's
output, one mention), never the article. The tests feed random text to find such cases."""
from __future__ import annotations

from collections.abc import Callable
from types import TracebackType


class attempt:
    """with attempt(notes, what): run the block; when it raises, note that `what` was left out,
    and why, and go on. what may be a function giving the text, called only then (a mention's
    description is formatted for the rare mention that trips, not for every one). A class, not
    a @contextmanager generator: entered once per mention, its cost showed."""

    __slots__ = ("notes", "what")

    def __init__(self, notes: list[str], what: str | Callable[[], str]) -> None:
        self.notes = notes
        self.what = what

    def __enter__(self) -> None:
        return None

    def __exit__(self, typ: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None) -> bool:
        if typ is None or not issubclass(typ, Exception):
            return False  # nothing raised, or what must stop the run (KeyboardInterrupt)
        what = self.what if isinstance(self.what, str) else self.what()
        self.notes.append(f"{what} left out: {typ.__name__}: {e}")
        return True  # noqa: BLE001 - one odd case must not cost the article
