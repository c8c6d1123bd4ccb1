"""Per-article results kept beside the outputs, so that `kg build --update` extracts only what
is new or changed: a manifest (input -> hash of its text, cached result) and one pickle per
article. The merge and the graph are rebuilt from all results each time, so an update gives
exactly what a full rebuild of the same articles gives."""
from __future__ import annotations

import json
from pathlib import Path

from . import __version__
from .extract import text_hash
from .model import Article, PackedResult

MANIFEST = "manifest.json"
FORMAT = 2  # of the cached results: a cache of another format is not used (extracted again)


class Cache:
    def __init__(self, out: Path):
        self.dir = out / "cache"
        self.manifest = out / MANIFEST
        self.entries: dict[str, dict] = {}
        if self.manifest.is_file():
            data = json.loads(self.manifest.read_text(encoding="utf-8"))
            if data.get("version") == __version__ and data.get("format") == FORMAT:  # else extracted differently
                self.entries = data.get("articles", {})

    def lookup(self, article: Article) -> PackedResult | None:
        """The cached result of an input whose text has not changed since it was extracted."""
        e = self.entries.get(article.path)
        if not e or e["hash"] != text_hash(article.text):
            return None
        return self._load(article.path, e)

    def put(self, result: PackedResult) -> PackedResult:
        """Keep a result; returns it without its bytes in memory (read from the cache file
        when it is unpacked)."""
        self.dir.mkdir(parents=True, exist_ok=True)
        name = f"{result.id}-{result.source_hash}.pkl"
        tmp = self.dir / (name + ".tmp")
        tmp.write_bytes(result.blob)  # pickled by the worker: written as it is
        tmp.replace(self.dir / name)
        self.entries[result.path] = {
            "hash": result.source_hash, "file": name, "id": result.id, "chars": result.chars,
            "title": result.title, "date": result.date, "unresolved": [list(u) for u in result.unresolved],
        }
        return result.on_disk(str(self.dir / name))

    def _load(self, path: str, e: dict) -> PackedResult | None:
        """A cached result, left in its file until it is unpacked."""
        f = self.dir / e["file"]
        if not f.is_file():
            return None
        return PackedResult(e["id"], path, e["hash"], e["chars"], e["title"], e["date"],
                            tuple(tuple(u) for u in e["unresolved"]), None, str(f))

    def all_results(self) -> list[PackedResult]:
        out = []
        for path, e in self.entries.items():
            r = self._load(path, e)
            if r is not None:
                out.append(r)
        return out

    def save(self) -> None:
        tmp = self.manifest.with_name(MANIFEST + ".tmp")
        data = {"version": __version__, "format": FORMAT, "articles": dict(sorted(self.entries.items()))}
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=0), encoding="utf-8")
        tmp.replace(self.manifest)
        keep = {e["file"] for e in self.entries.values()}
        for f in self.dir.glob("*.pkl") if self.dir.is_dir() else []:
            if f.name not in keep:
                f.unlink()
