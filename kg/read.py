"""Files and folders -> Article. Reports what it cannot read instead of raising.

Plain text (.txt), web pages (.html/.htm: the article's text and title, without scripts, styles
and navigation) and JSON Lines (.jsonl: one article a line, fields named by ReadOptions).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from .model import Article

TEXT_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
# Candidates for files that are not UTF-8. GB18030 is a superset of GBK and GB2312. Big5 bytes
# often decode as GB18030 too (into nonsense), so the choice is charset-normalizer's, not the
# first codec that does not raise.
CANDIDATES = ["gb18030", "big5", "big5hkscs", "utf_16_le", "utf_16_be"]


@dataclass(frozen=True)
class ReadError:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True)
class ReadOptions:
    """Which JSONL fields hold what; the first field present in a record wins."""

    text_fields: tuple[str, ...] = ("text", "content", "body", "article")
    title_fields: tuple[str, ...] = ("title", "headline")
    url_fields: tuple[str, ...] = ("url", "link", "source_url")
    date_fields: tuple[str, ...] = ("date", "published", "publish_time", "pub_date", "time", "datetime")
    extra_fields: tuple[str, ...] = field(default=("author", "source", "site", "editor"))


def decode(raw: bytes) -> tuple[str, str]:
    """Decode bytes to text; returns (text, encoding). Raises ValueError when nothing fits."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "utf-16"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if "\x00" in text:
            raise ValueError("binary file (NUL bytes), not text")
        return text, "utf-8"
    from charset_normalizer import from_bytes

    best = from_bytes(raw, cp_isolation=CANDIDATES).best()
    if best is None or (b"\x00" in raw and not best.encoding.startswith("utf_16")):
        if b"\x00" in raw:
            raise ValueError("binary file (NUL bytes), not text")
        raise ValueError("not decodable as UTF-8, UTF-16, GB18030 or Big5")
    enc = {"big5hkscs": "big5"}.get(best.encoding, best.encoding)
    return str(best), enc


def article_id(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()[:16]


def read_file(path: Path, options: ReadOptions | None = None) -> Article | ReadError:
    """One text or HTML file. (JSONL files hold many articles: see read_jsonl.)"""
    raw_or_err = _raw_text(path)
    if isinstance(raw_or_err, ReadError):
        return raw_or_err
    raw, text, enc = raw_or_err
    if path.suffix.lower() in HTML_SUFFIXES:
        return _from_html(path, raw, text, enc)
    return Article(id=article_id(raw), path=str(path), text=text, encoding=enc)


def _raw_text(path: Path) -> tuple[bytes, str, str] | ReadError:
    try:
        raw = path.read_bytes()
    except OSError as e:
        return ReadError(str(path), f"cannot read: {e.strerror or e}")
    if not raw.strip():
        return ReadError(str(path), "empty file")
    try:
        text, enc = decode(raw)
    except ValueError as e:
        return ReadError(str(path), str(e))
    if not text.strip():
        return ReadError(str(path), "no text after decoding")
    return raw, text, enc


def _from_html(path: Path, raw: bytes, page: str, enc: str) -> Article | ReadError:
    """The article inside a web page: trafilatura drops scripts, styles, navigation, footers."""
    import trafilatura

    doc = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False, favor_recall=True)
    d = doc.as_dict() if hasattr(doc, "as_dict") else (doc or {})
    text = (d.get("text") or "").strip()
    if not text:
        return ReadError(str(path), "web page without article text")
    title = (d.get("title") or "").strip()
    if title and not text.startswith(title):
        text = title + "\n" + text  # the title is part of what the article says
    meta = tuple(
        (k, str(d[k]).strip())
        for k in ("title", "date", "url", "author", "sitename")
        if d.get(k) and str(d[k]).strip()
    )
    url = next((v for k, v in meta if k == "url"), "")
    aid = article_id(url.encode("utf-8")) if url else article_id(raw)
    return Article(id=aid, path=str(path), text=text, encoding=enc, meta=meta)


def read_jsonl(path: Path, options: ReadOptions | None = None) -> Iterator[Article | ReadError]:
    """One article a line; a bad line is reported with its number and the rest are read."""
    opts = options or ReadOptions()
    raw_or_err = _raw_text(path)
    if isinstance(raw_or_err, ReadError):
        yield raw_or_err
        return
    _, content, enc = raw_or_err
    for n, line in enumerate(content.splitlines(), 1):
        where = f"{path}:{n}"
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            yield ReadError(where, f"invalid JSON ({e.msg})")
            continue
        if not isinstance(rec, dict):
            yield ReadError(where, "a JSON object was expected")
            continue
        text = _first(rec, opts.text_fields)
        if not text.strip():
            yield ReadError(where, f"no text in any of the fields {', '.join(opts.text_fields)}")
            continue
        meta = []
        for key, fields in (("title", opts.title_fields), ("url", opts.url_fields), ("date", opts.date_fields)):
            v = _first(rec, fields)
            if v:
                meta.append((key, v))
        for f in opts.extra_fields:
            v = _first(rec, (f,))
            if v:
                meta.append((f, v))
        url = dict(meta).get("url", "")
        title = dict(meta).get("title", "")
        body = text if not title or text.lstrip().startswith(title) else title + "\n" + text
        aid = article_id(url.encode("utf-8")) if url else article_id(body.encode("utf-8"))
        yield Article(id=aid, path=where, text=body, encoding=enc, meta=tuple(meta))


def _first(rec: dict, fields: Iterable[str]) -> str:
    for f in fields:
        v = rec.get(f)
        if isinstance(v, (str, int, float)) and str(v).strip():
            return str(v)
    return ""


def expand(paths: Iterable[str | Path]) -> Iterator[Path | ReadError]:
    """Files as given, folders walked recursively (known suffixes only, sorted for a stable order)."""
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUFFIXES and not f.name.startswith("."):
                    yield f
        elif p.is_file():
            yield p
        else:
            yield ReadError(str(p), "no such file or folder")


def read_all(paths: Iterable[str | Path], options: ReadOptions | None = None) -> Iterator[Article | ReadError]:
    for item in expand(paths):
        if isinstance(item, ReadError):
            yield item
        elif item.suffix.lower() in JSONL_SUFFIXES:
            yield from read_jsonl(item, options)
        else:
            yield read_file(item, options)
