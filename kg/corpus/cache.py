"""Per-article results kept beside the outputs, so that `kg build --update` extracts only what
is new or changed: a manifest (input -> hash of its text, where its result is; its name and head
in kg.io.manifest) and the packed results (kg.corpus.codec), one file per batch a worker
extracted. The merge and the graph are rebuilt from all results each time, so an update gives
exactly what a full rebuild of the same articles gives."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from kg import __version__
from kg.corpus.codec import LAYOUT
from kg.extract.article import text_hash
from kg.io import manifest
from kg.model import Article, PackedResult



def rules() -> str:
    """A hash of what decides an article's result: the code of reading and extraction and the
    data it reads. A result cached by other rules (a checkout pulled since, a lexicon edited) is
    not reused, even under the same version number."""
    import hashlib

    root = Path(__file__).resolve().parents[1]  # the kg package
    files = [root / n for n in ("model.py", "refs.py", "keys.py", "resources.py")]
    for sub in ("io", "extract", "data"):
        files += (f for f in (root / sub).rglob("*") if f.is_file() and f.suffix in (".py", ".tsv", ".txt"))
    h = hashlib.sha256()
    for f in sorted(files, key=lambda f: f.relative_to(root).as_posix()):
        h.update(f.relative_to(root).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()[:12]


# a manifest written by another version of kg, for results of another layout (another Python's
# marshal among them) or by other rules is not used: its articles are extracted again
THIS = manifest.head(__version__, f"{LAYOUT}.{rules()}")


ENTRY = {"hash": str, "file": str, "offset": int, "size": int, "id": str, "chars": int, "unresolved": list}


def _read_manifest(path: Path) -> dict[str, dict]:
    """The articles of a manifest written by this version (else {}: extracted differently, or
    in another layout of results). ValueError when it is not JSON of the shape save() writes."""
    data = json.loads(path.read_text(encoding="utf-8"))  # json.JSONDecodeError is a ValueError
    if not isinstance(data, dict):
        raise ValueError(f"a JSON {type(data).__name__}, not an object")
    if any(data.get(k) != v for k, v in THIS.items()):
        return {}
    articles = data.get("articles", {})
    if not isinstance(articles, dict):
        raise ValueError(f"'articles' is a JSON {type(articles).__name__}, not an object")
    for key, e in articles.items():
        if not isinstance(e, dict):
            raise ValueError(f"the entry of {key!r} is a JSON {type(e).__name__}, not an object")
        bad = [k for k, t in ENTRY.items() if not isinstance(e.get(k), t) or isinstance(e.get(k), bool)]
        bad += [k for k in ("title", "date") if not isinstance(e.get(k, 0), (str, type(None)))]
        bad += ["unresolved"] * any(not isinstance(u, list) for u in e.get("unresolved") or ())
        bad += ["file"] * (isinstance(e.get("file"), str) and os.path.basename(e["file"]) != e["file"])
        bad += [k for k, low in (("offset", 0), ("size", -1)) if isinstance(e.get(k), int) and e[k] < low]
        if bad:
            raise ValueError(f"the entry of {key!r} has no valid {bad[0]!r}")
    return articles


class Cache:
    def __init__(self, out: Path):
        self.dir = out / "cache"
        self.manifest = out / manifest.NAME
        self.entries: dict[str, dict] = {}
        self._sizes: dict[Path, int] = {}  # of the cache files, looked at once each
        if self.manifest.is_file():
            try:
                self.entries = _read_manifest(self.manifest)
            except (OSError, ValueError, RecursionError) as e:
                # a manifest cut short, edited by hand, or not one at all: as if there were none (every
                # article is extracted again; save() writes a good one)
                print(f"kg: warning: {self.manifest}: not a readable build manifest ({e}); ignored, "
                      "every article is extracted again", file=sys.stderr)

    def lookup(self, article: Article) -> PackedResult | None:
        """The cached result of an input whose text has not changed since it was extracted."""
        e = self.entries.get(article.path)
        if not e or e["hash"] != text_hash(article.text) or e["id"] != article.id:
            return None  # new text, or a new id (another article with the same URL was read first)
        return self._load(article.path, e)

    def put(self, result: PackedResult) -> PackedResult:
        """Keep a result; returns it without its bytes in memory (read from the cache file
        when it is unpacked). A worker may have written the file already (write_results)."""
        if result.blob is not None:
            (result,) = write_results([result], str(self.dir))
        self.entries[result.path] = {
            "hash": result.source_hash, "file": os.path.basename(result.file), "offset": result.offset,
            "size": result.size, "id": result.id, "chars": result.chars,
            "title": result.title, "date": result.date, "unresolved": [list(u) for u in result.unresolved],
        }
        return result

    def _load(self, path: str, e: dict) -> PackedResult | None:
        """A cached result, left in its file until it is unpacked."""
        f = self.dir / e["file"]
        size = self._sizes.get(f)
        if size is None:
            size = self._sizes[f] = f.stat().st_size if f.is_file() else -1
        if size < e["offset"] + max(e["size"], 0):  # gone, or shorter than the manifest says: extracted again
            return None
        return PackedResult(e["id"], path, e["hash"], e["chars"], e.get("title"), e.get("date"),
                            tuple(tuple(u) for u in e["unresolved"]), None, str(f), e["offset"], e["size"])

    def all_results(self) -> list[PackedResult]:
        self._sizes.clear()  # the workers have written files since the lookups
        out = []
        for path, e in self.entries.items():
            r = self._load(path, e)
            if r is not None:
                out.append(r)
        return out

    def save(self, folder: Path) -> None:
        """The manifest, into the build's folder (published with the rest, publish.Output):
        the cache files it does not use are removed once it is published (prune)."""
        path = folder / manifest.NAME
        tmp = path.with_name(manifest.NAME + ".tmp")
        data = {**THIS, "articles": dict(sorted(self.entries.items()))}
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=0), encoding="utf-8")
        tmp.replace(path)


def prune(out: Path) -> None:
    """Remove the cache files the published manifest (out/manifest.json) does not use: those of
    a build that was stopped or failed (a full disk stays full otherwise), and of builds before
    it. Only with the output folder locked (publish.Output)."""
    folder = out / "cache"
    if not folder.is_dir():
        return
    try:
        keep = {e["file"] for e in _read_manifest(out / manifest.NAME).values()}
    except (OSError, ValueError, RecursionError):  # none, or not one a build wrote: nothing in use
        keep = set()
    for f in folder.iterdir():
        if f.suffix in (".bin", ".pkl", ".tmp") and f.name not in keep:  # .pkl: an older format's
            f.unlink(missing_ok=True)


def write_results(results: list[PackedResult], folder: str) -> list[PackedResult]:
    """Write packed results into the cache folder, one file for the lot (a file per article cost
    a fifth of a millisecond each here, a tenth of the extraction time), atomically: a temporary
    file, then renamed. Returns the results without their bytes, each pointing into the file."""
    if not results:
        return []
    os.makedirs(folder, exist_ok=True)
    digest = text_hash("\n".join(f"{r.id}-{r.source_hash}" for r in results))
    path = os.path.join(folder, f"{digest}.bin")
    tmp = f"{path}.{os.getpid()}.tmp"
    out, offset = [], 0
    try:
        with open(tmp, "wb") as f:
            for r in results:
                assert r.blob is not None, "write_results takes results with their bytes"
                f.write(r.blob)
                out.append(r.on_disk(path, offset, len(r.blob)))
                offset += len(r.blob)
        os.replace(tmp, path)
    except BaseException:  # a full disk: what was written of the file goes at once
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return out
