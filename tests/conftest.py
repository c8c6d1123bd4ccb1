from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "corpus" / "seeds").is_dir() or not (SHARED / "eval" / "score.py").is_file():
        pytest.skip(f"needs the shared corpus and scorer at {SHARED} (absent on this checkout)")
    return SHARED


def article(text: str, path: str = "t.txt"):
    """An Article from a string, as read.py would make it."""
    from kg.model import Article
    from kg.io.read import article_id

    return Article(id=article_id(text.encode("utf-8")), path=path, text=text, encoding="utf-8")


def extract_text(text: str):
    from kg.extract.article import extract

    return extract(article(text))


def names(result, typ: str) -> set[str]:
    return {e.name for e in result.entities if e.type == typ}


def rels(result, rel: str) -> set[tuple[str, str]]:
    by_key = {e.key: e.name for e in result.entities}
    return {(by_key[r.head], by_key[r.tail]) for r in result.relations if r.rel == rel}


def members(text: str) -> set[tuple[str, str]]:
    """(official, agency) of a text's memberOf."""
    return rels(extract_text(text), "memberOf")


def bodies(text: str):
    """A text's agencies, memberOf and jurisdiction."""
    r = extract_text(text)
    return names(r, "Agency"), rels(r, "memberOf"), rels(r, "jurisdiction")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_serve(graph, *extra, kg=(sys.executable, "-m", "kg.app.cli"), cwd=ROOT, env=None, seconds: float = 15):
    """kg serve GRAPH on a free loopback port, once its page answers: (process, endpoint URL).
    kg: the command to run (another installation's kg, say)."""
    port = free_port()
    p = subprocess.Popen([*map(str, kg), "serve", str(graph), "--host", "127.0.0.1", "--port", str(port), *extra],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd,
                         env={**(env or os.environ), "PYTHONUNBUFFERED": "1"})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/", timeout=1)
            return p, base + "/sparql"
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if p.poll() is not None:
                raise RuntimeError(p.stderr.read().decode())
            time.sleep(0.1)
    p.kill()
    raise RuntimeError(f"kg serve did not start in {seconds:g} s")


def children(pid: int) -> set[int]:
    """The live processes whose parent is pid (Linux /proc; zombies have ended)."""
    found = set()
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                stat = (d / "stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[1]) == pid and fields[0] != "Z":
                found.add(int(d.name))
    return found
