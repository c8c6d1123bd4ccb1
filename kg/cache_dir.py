"""Tables derived from the shipped data (the gazetteer and its townships' index, jieba's dictionary
as an SQLite table, the characters of GBK mojibake; pyvis's compiled page template too, by jinja2's
own cache), kept between runs in a cache folder: deriving them took a one-article build 2.5 s of
its 3.5, reading them back takes a fifth of that.

The folder: $KG_CACHE_DIR, else $XDG_CACHE_HOME/chanye-kg, else ~/.cache/chanye-kg. A file is
named by a hash of what it was derived from (the data files' bytes, the code deriving it, kg's and
Python's versions), so a changed data file or checkout is never served an old table; it is written
whole or not at all (a temporary file renamed), and one that cannot be read is derived again.
Without a writable folder everything is derived in each run, as before.
"""
from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

STALE = 86400  # seconds


def folder() -> Path:
    if d := os.environ.get("KG_CACHE_DIR"):
        return Path(d)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "chanye-kg"


def key(sources: Iterable[bytes]) -> str:
    """A hash of kg's and Python's versions (pickle's and the code's) and of sources, in order."""
    from kg import __version__

    h = hashlib.sha256(f"{__version__}\0{sys.version}\0".encode())
    for b in sources:
        h.update(len(b).to_bytes(8, "little") + b)
    return h.hexdigest()[:24]


def path(name: str, digest: str, suffix: str = ".pickle") -> Path:
    return folder() / f"{name}-{digest}{suffix}"


def write(target: Path, save: Callable[[Path], object]) -> None:
    """save(temporary path) then the rename to target, and the files of the same name made from
    other sources a while ago removed. A folder that cannot be written leaves no cache, and no error."""
    tmp = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        os.close(fd)
        save(Path(tmp))
        os.replace(tmp, target)
        tmp = None
        # the files made from older sources go, unless written lately: another checkout sharing
        # the folder may still use one
        name, now = target.name.rsplit("-", 1)[0], time.time()
        for old in target.parent.glob(f"{name}-*{target.suffix}"):
            if old != target and now - old.stat().st_mtime > STALE:
                old.unlink(missing_ok=True)
    except OSError:
        pass
    finally:
        if tmp:
            Path(tmp).unlink(missing_ok=True)


def pickled(name: str, digest: str, build: Callable[[], T], kind: type) -> T:
    """build()'s value, read from the cache when a file of that digest (key) is there and holds
    a kind; else built, and kept for the next run."""
    target = path(name, digest)
    try:
        data = target.read_bytes()
        collecting = gc.isenabled()
        gc.disable()  # the collector's passes over the objects being made cost a fifth of the load
        try:
            value = pickle.loads(data)
        finally:
            if collecting:
                gc.enable()
        if isinstance(value, kind):
            return value  # type: ignore[return-value]
    except Exception:  # none yet, or unreadable (a truncated, foreign or garbage file): built again
        pass
    value = build()
    write(target, lambda tmp: tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)))
    return value


def code_of(*modules: str) -> list[bytes]:
    """The source of kg's modules (kg.extract.gazetteer): what derives a table is a source of it."""
    root = Path(__file__).resolve().parent
    return [(root.joinpath(*m.split(".")[1:]).with_suffix(".py")).read_bytes() for m in modules]
