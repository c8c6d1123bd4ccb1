"""One output folder, one build at a time, published as a whole.

    OUT/.lock                  flock()ed by the build running here (its pid inside); the kernel
                               lets go of it when that process ends, even by kill -9
    OUT/.builds/<id>/          one build's files: graph.ttl, graph.trig, [graph.nq], [graph.html],
                               store/, manifest.json
    OUT/current                -> .builds/<id>: the published build, swapped by one rename
    OUT/graph.ttl, graph.trig, graph.nq, graph.html, store, manifest.json (and the other
    exports: graph.graphml, nodes.csv, ...)
                               -> current/<the same name>: links that never change
    OUT/cache/                 the extracted results (content-addressed batch files, shared by
                               the builds); the published manifest says which are in use

A build fills its own folder under .builds, then renames one symbolic link (current): a reader,
or a build stopped at any point, sees every file of the previous build or every file of the new
one, never some of each. The folder of the previous build is removed after the switch.

KG_TEST_PAUSE_AT=STAGE (for tests only): at STAGE (see STAGES) the build prints
`kg: test pause at STAGE (pid N)` on stderr and waits for a line on stdin, so that a test can
kill it exactly there, or start a second build beside it.
"""
from __future__ import annotations

import errno
import fcntl
import os
import re
import shutil
import signal
import sys
import time
from pathlib import Path

from kg.io import manifest
from kg.formats import EXPORT_FILES

BUILDS, CURRENT, LOCK = ".builds", "current", ".lock"
OUTPUTS = (*EXPORT_FILES, "graph.html", "store", manifest.NAME)  # graph.ttl, graph.trig, ... (kg.formats)
# the points KG_TEST_PAUSE_AT can stop at, in build order ("switched": the new build is published)
STAGES = ("locked", "extracted", "merged", "stored", "html", "exported", "switched")
_LOCK_FD: list[int] = []
# what a stopped build can leave at the top: a link being made (.graph.ttl.<pid>.tmp), and from
# older versions an export or page half written (graph.ttl.tmp, graph.html.pending.tmp) and
# store folders (store.<time>-<pid>-<n>, store.previous); nothing else there is touched
_LEFT_TMP = re.compile(r"\.[\w.]+\.\d+\.tmp|(graph\.\w+|manifest\.json|store\.link)(\.pending)?\.tmp")
_OLD_STORE = re.compile(r"store\.(\d{8}T\d{6}-\d+-\d+|previous)")  # the lock of the build in this process (closed in pool workers)


class Busy(Exception):
    """The output folder is locked by another build."""

    def __init__(self, out: Path, pid: str):
        super().__init__(f"{out} is in use by another kg build (pid {pid or 'unknown'}); "
                         "wait for it to end, or build into another folder with -o")


def pause(stage: str) -> None:
    """The test hook (KG_TEST_PAUSE_AT): nothing unless the variable names this stage."""
    if os.environ.get("KG_TEST_PAUSE_AT") == stage:
        print(f"kg: test pause at {stage} (pid {os.getpid()})", file=sys.stderr, flush=True)
        sys.stdin.readline()


def forget_lock() -> None:
    """In a forked pool worker: close the inherited descriptor of the lock, so that the lock
    goes with the build's own process, whatever becomes of the worker."""
    while _LOCK_FD:
        try:
            os.close(_LOCK_FD.pop())
        except OSError:
            pass


def _lock(out: Path) -> int:
    fd = os.open(out / LOCK, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as e:
        if e.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            os.close(fd)
            raise
        pid = ""
        for _ in range(20):  # the holder writes its pid just after it takes the lock
            pid = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            if pid:
                break
            time.sleep(0.01)
        os.close(fd)
        raise Busy(out, pid) from None
    _LOCK_FD.append(fd)
    try:  # for the message of a second build; the lock holds without it (a full disk)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
    except OSError:
        pass
    return fd


class Output:
    """An output folder, locked for one build: Output(out) takes the lock (Busy when another
    build holds it), begin() makes the build's folder, publish() switches to it, close() lets go."""

    def __init__(self, out: Path):
        self.out = out
        self.fd = _lock(out)
        self.dir: Path | None = None
        self.published = False

    # -------------------------------------------------------------- the build's folder

    def begin(self) -> Path:
        """A new, empty build folder, after removing what stopped builds left here."""
        self._adopt_legacy()
        self.tidy()
        probe = self.out / f".{CURRENT}.{os.getpid()}.tmp"  # a folder made read-only: said now, not at the end
        probe.unlink(missing_ok=True)
        os.symlink(BUILDS, probe)
        probe.unlink()
        self.dir = self._new_dir()
        return self.dir

    def _new_dir(self) -> Path:
        builds = self.out / BUILDS
        builds.mkdir(exist_ok=True)
        stamp, n = time.strftime("%Y%m%dT%H%M%S"), 0
        while True:
            d = builds / f"{stamp}-{os.getpid()}-{n}"
            try:
                d.mkdir()
                return d
            except FileExistsError:
                n += 1

    def current(self) -> Path | None:
        """The folder of the published build."""
        link = self.out / CURRENT
        return (self.out / os.readlink(link)) if link.is_symlink() else None

    def tidy(self) -> None:
        """Remove what is not part of the published build: folders of builds that were stopped
        (or of the build before it), temporary links, store folders of an older layout, and
        cache files the published manifest does not use. Only with the lock held."""
        from kg.corpus.cache import prune

        cur = self.current()
        keep = {cur.name} if cur is not None else set()
        if self.dir is not None:
            keep.add(self.dir.name)
        for d in (self.out / BUILDS).iterdir() if (self.out / BUILDS).is_dir() else ():
            if d.name not in keep:
                _remove_build(self.out, d)
        in_use = (cur / "store").resolve() if cur is not None else None
        for p in self.out.iterdir():
            if _LEFT_TMP.fullmatch(p.name) and (p.is_symlink() or p.is_file()):  # a link or export half made
                p.unlink(missing_ok=True)
            elif _OLD_STORE.fullmatch(p.name) and p.is_dir() and not p.is_symlink() and p.resolve() != in_use:
                shutil.rmtree(p, ignore_errors=True)  # the store folders of an older kg
        prune(self.out)

    def _adopt_legacy(self) -> None:
        """An output folder written by an older kg (graph.ttl and the rest as files beside a store
        link): its files become the published build, each top-level name a link to the same file
        (hard links: nothing copied), so the next build is published like any other."""
        out = self.out
        present = [n for n in OUTPUTS if os.path.lexists(out / n)]
        if os.path.lexists(out / CURRENT) or not present:
            return
        d = self._new_dir()
        for n in present:
            p = out / n
            if n == "store" and p.is_symlink():
                target = os.readlink(p)
                os.symlink(target if os.path.isabs(target) else os.path.join("..", "..", target), d / n)
            elif n == "store" and p.is_dir():
                os.rename(p, d / n)  # the oldest layout: a store folder in place, moved (once)
            elif p.is_file() and not p.is_symlink():
                try:
                    os.link(p, d / n)
                except OSError:
                    shutil.copy2(p, d / n)
        self._switch(d)
        self._links(present)

    # -------------------------------------------------------------- publishing

    def publish(self) -> None:
        """Make the build folder the published one: the stable links first (a link to a file
        the published build lacks reads as no file, as before), then one rename of current."""
        assert self.dir is not None
        self._links([n for n in OUTPUTS if os.path.lexists(self.dir / n)])
        pause("exported")
        self._switch(self.dir)

    def finish(self) -> None:
        """After the switch: the links to files this build does not have go (an nq of an earlier
        build with --formats ttl, a page with --no-html), then the previous build's folder and
        the cache files no longer used."""
        assert self.dir is not None  # as in publish: finish comes after it
        for n in OUTPUTS:
            p = self.out / n
            if p.is_symlink() and os.readlink(p) == f"{CURRENT}/{n}" and not os.path.lexists(self.dir / n):
                p.unlink(missing_ok=True)
        self.tidy()

    def _links(self, names) -> None:
        for n in names:
            p, want = self.out / n, f"{CURRENT}/{n}"
            if p.is_symlink() and os.readlink(p) == want:
                continue
            if p.is_dir() and not p.is_symlink():  # not a link: moved into a folder that goes with the tidy
                p.rename(self.out / BUILDS / f"{n}.{os.getpid()}.old")
            tmp = self.out / f".{n}.{os.getpid()}.tmp"
            tmp.unlink(missing_ok=True)
            os.symlink(want, tmp)
            os.replace(tmp, p)

    def _switch(self, d: Path) -> None:
        tmp = self.out / f".{CURRENT}.{os.getpid()}.tmp"
        tmp.unlink(missing_ok=True)
        os.symlink(f"{BUILDS}/{d.name}", tmp)
        # Ctrl-C or kill waits for the rename and the flag: then the build knows whether it is published
        blocked = _block_signals()
        try:
            os.replace(tmp, self.out / CURRENT)
            self.published = d == self.dir
        finally:
            _unblock_signals(blocked)

    def abandon(self) -> None:
        """A build that was not published: its folder and the cache files it wrote go."""
        if self.dir is not None and not self.published:
            _remove_build(self.out, self.dir)
            self.dir = None
        try:
            self.tidy()
        except OSError:
            pass

    def close(self) -> None:
        if self.fd in _LOCK_FD:
            _LOCK_FD.remove(self.fd)
            os.close(self.fd)  # lets go of the lock (the file stays: removing it would race)


def _remove_build(out: Path, d: Path) -> None:
    store = d / "store"
    if store.is_symlink():  # an adopted older build: its store folder is beside the links
        target = store.resolve()
        if target.parent == out.resolve() and target.name.startswith("store.") and target.is_dir():
            shutil.rmtree(target, ignore_errors=True)
    if d.is_dir() and not d.is_symlink():
        shutil.rmtree(d, ignore_errors=True)
    else:
        d.unlink(missing_ok=True)


def _block_signals():
    if hasattr(signal, "pthread_sigmask"):
        return signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    return None


def _unblock_signals(old) -> None:
    if old is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)
