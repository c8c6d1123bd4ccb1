"""Per-article results kept beside the outputs, so that `kg build --update` extracts only what
is new or changed: a manifest (input -> hash of its text, cached result) and one pickle per
article. The merge and the graph are rebuilt from all results each time, so an update gives
exactly what a full rebuild of the same articles gives."""
from __future__ import annotations

import json
import pickle
from pathlib import Path

from . import __version__
from .extract import text_hash
from .model import Article, ArticleResult

MANIFEST = "manifest.json"


class Cache:
    def __init__(self, out: Path):
        self.dir = out / "cache"
        self.manifest = out / MANIFEST
        self.entries: dict[str, dict] = {}
        if self.manifest.is_file():
            data = json.loads(self.manifest.read_text(encoding="utf-8"))
            if data.get("version") == __version__:  # another version extracts differently
                self.entries = data.get("articles", {})

    def lookup(self, article: Article) -> ArticleResult | None:
        """The cached result of an input whose text has not changed since it was extracted."""
        e = self.entries.get(article.path)
        if not e or e["hash"] != text_hash(article.text):
            return None
        try:
            with open(self.dir / e["file"], "rb") as f:
                return pickle.load(f)
        except (OSError, pickle.PickleError, EOFError):
            return None

    def put(self, result: ArticleResult) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        name = f"{result.article.id}-{result.source_hash}.pkl"
        tmp = self.dir / (name + ".tmp")
        with open(tmp, "wb") as f:
            pickle.dump(result, f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(self.dir / name)
        self.entries[result.article.path] = {"hash": result.source_hash, "file": name}

    def all_results(self) -> list[ArticleResult]:
        out = []
        for e in self.entries.values():
            try:
                with open(self.dir / e["file"], "rb") as f:
                    out.append(pickle.load(f))
            except (OSError, pickle.PickleError, EOFError):
                continue
        return out

    def save(self) -> None:
        tmp = self.manifest.with_name(MANIFEST + ".tmp")
        data = {"version": __version__, "articles": dict(sorted(self.entries.items()))}
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=0), encoding="utf-8")
        tmp.replace(self.manifest)
        keep = {e["file"] for e in self.entries.values()}
        for f in self.dir.glob("*.pkl") if self.dir.is_dir() else []:
            if f.name not in keep:
                f.unlink()
