"""Files and folders -> Article. Reports what it cannot read instead of raising.

Plain text (.txt), web pages (.html/.htm: the article's text and title, without scripts, styles
and navigation) and JSON Lines (.jsonl: one article a line, fields named by ReadOptions).
"""
from __future__ import annotations

import errno
import hashlib
import json
import os
import re
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


MB = 2**20
# a news article is a few KB; a file far above that is a dump, a log or a mistake, and is not
# read into memory whole (JSONL files are read a line at a time: the limit is per line there)
DEFAULT_MAX_BYTES = 20 * MB
SURROGATE = re.compile("[\ud800-\udfff]")  # JSON may escape half a UTF-16 pair: not text


@dataclass(frozen=True)
class ReadError:
    """An input that gave no article. kind: "failed" (could not be read: binary, undecodable,
    unreadable) or "skipped" (passed over by rule: empty, too large, not an article file)."""

    path: str
    reason: str
    kind: str = "failed"

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
    max_bytes: int = DEFAULT_MAX_BYTES  # a text or HTML file, or a JSONL line, above this is skipped
    exclude: tuple[str, ...] = ()  # folders not walked (the build's own output folder), as real paths


def decode(raw: bytes) -> tuple[str, str, tuple[str, ...]]:
    """Decode bytes to text; returns (text, encoding, notes on what was mended). Raises
    ValueError when nothing fits."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "utf-16", ()
        except UnicodeDecodeError:
            raise ValueError("starts as UTF-16 but is not valid UTF-16") from None
    nuls = raw.count(b"\x00")
    notes: tuple[str, ...] = ()
    if nuls:
        # a stray NUL or two in scraped UTF-8 text is dropped and the text kept; anything else
        # with NULs (an image, an archive, a binary renamed .txt) is not text
        raw = raw.replace(b"\x00", b"")
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            raise ValueError(f"binary file ({nuls:,} NUL bytes), not text") from None
        if nuls > max(2, len(raw) // 100):
            raise ValueError(f"binary file ({nuls:,} NUL bytes), not text")
        notes = (f"{nuls} NUL byte(s) dropped",)
    try:
        return raw.decode("utf-8"), "utf-8", notes
    except UnicodeDecodeError:
        pass
    # UTF-8 with a few broken sequences (a truncated copy, a stray byte): keep it as UTF-8
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - raw.count("\ufffd".encode("utf-8"))
    good = sum(1 for ch in text if ch > "\x7f" and ch != "\ufffd")
    if good >= 20 * bad:
        return text, "utf-8", notes + (f"{bad} invalid UTF-8 sequence(s) replaced by U+FFFD",)
    from charset_normalizer import from_bytes

    best = from_bytes(raw, cp_isolation=CANDIDATES).best()
    if best is None:
        raise ValueError("not decodable as UTF-8, UTF-16, GB18030 or Big5")
    enc = {"big5hkscs": "big5"}.get(best.encoding, best.encoding)
    return str(best), enc, notes


def article_id(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()[:16]


def read_file(path: Path, options: ReadOptions | None = None) -> Article | ReadError:
    """One text or HTML file. (JSONL files hold many articles: see read_jsonl.)"""
    raw_or_err = _raw_text(path, (options or ReadOptions()).max_bytes)
    if isinstance(raw_or_err, ReadError):
        return raw_or_err
    raw, text, enc, notes = raw_or_err
    if path.suffix.lower() in HTML_SUFFIXES:
        return _from_html(path, raw, text, enc, notes)
    return Article(id=article_id(raw), path=str(path), text=text, encoding=enc, notes=notes)


def _too_big(size: int, limit: int) -> str:
    return f"{size / MB:,.1f} MB, above the limit of {limit / MB:,.0f} MB (--max-size); not read"


def _raw_text(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[bytes, str, str, tuple[str, ...]] | ReadError:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return ReadError(str(path), _too_big(size, max_bytes), "skipped")
        raw = path.read_bytes()
    except OSError as e:
        return ReadError(str(path), f"cannot read: {e.strerror or e}")
    if not raw.strip():
        return ReadError(str(path), "empty file" if not raw else "only whitespace", "skipped")
    try:
        text, enc, notes = decode(raw)
    except ValueError as e:
        return ReadError(str(path), str(e))
    if not text.strip():
        return ReadError(str(path), "only whitespace", "skipped")
    return raw, text, enc, notes


def _from_html(path: Path, raw: bytes, page: str, enc: str, notes: tuple[str, ...] = ()) -> Article | ReadError:
    """The article inside a web page: trafilatura drops scripts, styles, navigation, footers."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False, favor_recall=True)
    except (RecursionError, ValueError, TypeError) as e:  # pathological markup
        return ReadError(str(path), f"web page could not be parsed ({type(e).__name__})")
    d = doc.as_dict() if hasattr(doc, "as_dict") else (doc or {})
    text = (d.get("text") or "").strip()
    if not text:
        return ReadError(str(path), "web page without article text (nothing left once markup, navigation and "
                                    "boilerplate are removed; very deep nesting is cut by the HTML parser)")
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
    return Article(id=aid, path=str(path), text=text, encoding=enc, meta=meta, notes=notes)


def read_jsonl(path: Path, options: ReadOptions | None = None) -> Iterator[Article | ReadError]:
    """One article a line, read a line at a time (a JSONL file may hold a million articles); a
    bad line is reported with its number and the rest are read."""
    opts = options or ReadOptions()
    try:
        f = open(path, "rb")
    except OSError as e:
        yield ReadError(str(path), f"cannot read: {e.strerror or e}")
        return
    records = 0
    with f:
        n = 0
        while True:
            try:
                line = f.readline(opts.max_bytes + 1)
            except OSError as e:
                yield ReadError(str(path), f"cannot read: {e.strerror or e}")
                return
            if not line:
                break
            n += 1
            where = f"{path}:{n}"
            if len(line) > opts.max_bytes:
                size = len(line)
                while line and not line.endswith(b"\n"):  # the rest of the line, a block at a time
                    line = f.readline(MB)
                    size += len(line)
                yield ReadError(where, "line of " + _too_big(size, opts.max_bytes), "skipped")
                continue
            if not line.strip():
                continue
            records += 1
            yield _record(where, line, opts)
    if not records:
        yield ReadError(str(path), "empty file" if n == 0 else "only whitespace", "skipped")


def _record(where: str, line: bytes, opts: ReadOptions) -> Article | ReadError:
    try:
        content, enc, notes = decode(line)
    except ValueError as e:
        return ReadError(where, str(e))
    try:
        rec = json.loads(content)
    except json.JSONDecodeError as e:
        return ReadError(where, f"invalid JSON ({e.msg})")
    if not isinstance(rec, dict):
        return ReadError(where, "a JSON object was expected")
    text = _first(rec, opts.text_fields)
    if not text.strip():
        return ReadError(where, f"no text in any of the fields {', '.join(opts.text_fields)}", "skipped")
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
    return Article(id=aid, path=where, text=body, encoding=enc, meta=tuple(meta), notes=notes)


def _first(rec: dict, fields: Iterable[str]) -> str:
    for f in fields:
        v = rec.get(f)
        if isinstance(v, (str, int, float)) and str(v).strip():
            return SURROGATE.sub("\ufffd", str(v))
    return ""


def expand(paths: Iterable[str | Path], exclude: Iterable[str] = ()) -> Iterator[Path | ReadError]:
    """Files as given; folders walked recursively, symbolic links followed once (a link back up
    the tree is reported, not walked forever), in a stable order. Files of other types in a
    folder are reported as skipped; hidden files are passed over."""
    for p in map(Path, paths):
        if p.is_dir():
            yield from _walk(p, set(exclude))
        elif p.is_file():
            yield p
        else:
            yield _missing(p)


def _missing(p: Path) -> ReadError:
    try:
        os.stat(p)
    except OSError as e:
        if e.errno == errno.ELOOP:
            return ReadError(str(p), "symbolic link loop; not followed", "skipped")
        if p.is_symlink():
            return ReadError(str(p), "broken symbolic link", "skipped")
        return ReadError(str(p), "no such file or folder")
    return ReadError(str(p), "not a regular file or folder", "skipped")


def _walk(root: Path, exclude: set[str]) -> Iterator[Path | ReadError]:
    seen = {os.path.realpath(root)}
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        keep = []
        for d in sorted(dirnames):
            if d.startswith("."):
                continue
            real = os.path.realpath(os.path.join(dirpath, d))
            if real in exclude:  # kg build . -o output: the outputs are not articles
                continue
            if real in seen:
                yield ReadError(os.path.join(dirpath, d), "symbolic link to a folder already read; not followed", "skipped")
                continue
            seen.add(real)
            keep.append(d)
        dirnames[:] = keep
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            f = Path(dirpath, name)
            if not f.is_file():
                yield _missing(f)
            elif f.suffix.lower() not in SUFFIXES:
                yield ReadError(str(f), f"not an article file ({f.suffix or 'no suffix'}; reads .txt, .html, .jsonl)", "skipped")
            else:
                yield f


def read_all(paths: Iterable[str | Path], options: ReadOptions | None = None) -> Iterator[Article | ReadError]:
    for item in expand(paths, (options or ReadOptions()).exclude):
        if isinstance(item, ReadError):
            yield item
        elif item.suffix.lower() in JSONL_SUFFIXES:
            yield from read_jsonl(item, options)
        else:
            yield read_file(item, options)
