"""Files and folders -> Article. Reports what it cannot read instead of raising.

Plain text (.txt), web pages (.html/.htm: the article's text and title, without scripts, styles
and navigation) and JSON Lines (.jsonl: one article a line, fields named by ReadOptions; UTF-8,
GB18030 or UTF-16; a file that is one JSON array of articles is read as such).

Every input that gives no article is reported as a ReadError: a file, a JSONL line, or a folder
that could not be listed (a path longer than the system allows, no permission). The outputs of a
build (graph files, page, store, cache, manifest) are never read as articles, wherever they are.
"""
from __future__ import annotations

import errno
import hashlib
import io
import json
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, AnyStr, Iterable, Iterator

from kg.io import manifest
from kg.io.metadata import impossible_date
from kg.model import Article

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
try:
    PATH_MAX = os.pathconf("/", "PC_PATH_MAX")
except (OSError, ValueError, AttributeError):  # not a POSIX system
    PATH_MAX = 4096

# What a build writes into its output folder (cli.py, publish.py, store.py, cache.py; kg viz's
# default page): never articles, even when the output folder is the input folder (kg build in -o
# in). The files may be links into current/ (-> .builds/<id>, hidden), the store a link to a
# folder store.<stamp> (the layout of earlier versions).
OUTPUT_FILES = {manifest.NAME, "graph.ttl", "graph.trig", "graph.nq", "graph.html", "view.html"}
OUTPUT_DIRS = {"cache", "store", "current"}  # and store.<stamp>


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
    # the build's own output folder(s), as real paths: one inside the input is not walked; one that
    # is a folder given to read (kg build in -o in) is read without the build's outputs
    exclude: tuple[str, ...] = ()


# ---------------------------------------------------------------- names

def label(path: str | bytes | os.PathLike) -> str:
    """A path as reports, the cache, the graph and the page show it (Article.path): printable
    and encodable. A file name is bytes; those that are not UTF-8 (a GBK name: gbk\\xba\\xfe.txt)
    reach Python as lone surrogates, which no encoder takes: each is shown as \\xNN. The file is
    opened by its Path, never by its label."""
    s = os.fsdecode(path) if isinstance(path, bytes) else str(path)
    if not SURROGATE.search(s):
        return s
    return SURROGATE.sub(_escape, s)


def _escape(m: re.Match) -> str:
    c = ord(m.group())
    return f"\\x{c - 0xDC00:02x}" if 0xDC80 <= c <= 0xDCFF else f"\\u{c:04x}"


def _short(name: str, keep: int = 120) -> str:
    """A label for a report line: a path of thousands of characters (a very deep folder) shown by
    its start and end."""
    if len(name) <= 3 * keep:
        return name
    return f"{name[:keep]}…[{len(name) - 2 * keep:,} characters]…{name[-keep:]}"


def _why(e: OSError, path: str | os.PathLike) -> str:
    if e.errno == errno.ENAMETOOLONG:
        size = len(os.fsencode(path))
        if size >= PATH_MAX:
            return f"the path is {size:,} bytes long, longer than the system allows ({PATH_MAX:,})"
        return "a name in the path is longer than the system allows"
    return e.strerror or str(e)


# ---------------------------------------------------------------- bytes to text

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


def _text_key(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()[:12]


def _checked_dates(meta: list[tuple[str, str]], given: str) -> tuple[list[tuple[str, str]], tuple[str, ...]]:
    """meta without a date that names no day of the calendar (2022-02-31, 2021-13-01: it would
    be an invalid xsd:date), and a note for each one dropped (the note keeps its words)."""
    out, notes = [], []
    for k, v in meta:
        bad = impossible_date(v) if k == "date" else ""
        if bad:
            notes.append(f"date {bad!r} ({given}) is not a day of the calendar; left out")
        else:
            out.append((k, v))
    return out, tuple(notes)


# ---------------------------------------------------------------- text and HTML files

def read_file(path: Path, options: ReadOptions | None = None) -> Article | ReadError:
    """One text or HTML file. (JSONL files hold many articles: see read_jsonl.)"""
    path = Path(path)
    name = label(path)
    raw_or_err = _raw_text(path, (options or ReadOptions()).max_bytes, name)
    if isinstance(raw_or_err, ReadError):
        return raw_or_err
    raw, text, enc, notes = raw_or_err
    if path.suffix.lower() in HTML_SUFFIXES:
        return _from_html(name, raw, text, enc, notes)
    return Article(id=article_id(raw), path=name, text=text, encoding=enc, notes=notes)


def _too_big(size: int, limit: int) -> str:
    return f"{size / MB:,.1f} MB, above the limit of {limit / MB:,.0f} MB (--max-size); not read"


def _raw_text(path: Path, max_bytes: int = DEFAULT_MAX_BYTES,
              name: str | None = None) -> tuple[bytes, str, str, tuple[str, ...]] | ReadError:
    name = name if name is not None else label(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return ReadError(name, _too_big(size, max_bytes), "skipped")
        raw = path.read_bytes()
    except OSError as e:
        return ReadError(_short(name), f"cannot read: {_why(e, path)}")
    if not raw.strip():
        return ReadError(name, "empty file" if not raw else "only whitespace", "skipped")
    try:
        text, enc, notes = decode(raw)
    except ValueError as e:
        return ReadError(name, str(e))
    if not text.strip():
        return ReadError(name, "only whitespace", "skipped")
    return raw, text, enc, notes


def _from_html(name: str, raw: bytes, page: str, enc: str, notes: tuple[str, ...] = ()) -> Article | ReadError:
    """The article inside a web page: trafilatura drops scripts, styles, navigation, footers."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False, favor_recall=True)
    except (RecursionError, ValueError, TypeError) as e:  # pathological markup
        return ReadError(name, f"web page could not be parsed ({type(e).__name__})")
    d = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    text = (d.get("text") or "").strip()
    if not text:
        return ReadError(name, "web page without article text (nothing left once markup, navigation and "
                               "boilerplate are removed; very deep nesting is cut by the HTML parser)")
    title = (d.get("title") or "").strip()
    if title and not text.startswith(title):
        text = title + "\n" + text  # the title is part of what the article says
    meta, more = _checked_dates([
        (k, str(d[k]).strip())
        for k in ("title", "date", "url", "author", "sitename")
        if d.get(k) and str(d[k]).strip()
    ], "in the page's metadata")
    url = next((v for k, v in meta if k == "url"), "")
    # a URL names the article (the same page saved twice is one article); read_all gives a second
    # page of the same URL with other text an id of its own
    aid = article_id(url.encode("utf-8")) if url else article_id(raw)
    return Article(id=aid, path=name, text=text, encoding=enc, meta=tuple(meta), notes=notes + more)


# ---------------------------------------------------------------- JSON Lines

def _utf16(head: bytes) -> str:
    """The UTF-16 codec of a file that starts with these bytes, or '' (UTF-8, GB18030 ...).
    JSON starts with an ASCII character: without a byte order mark, every other byte is NUL."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) and not head.startswith(b"\xff\xfe\x00\x00"):
        return "utf-16"
    if len(head) >= 4 and head[1] == head[3] == 0 and head[0] and head[2]:
        return "utf-16-le"
    if len(head) >= 4 and head[0] == head[2] == 0 and head[1] and head[3]:
        return "utf-16-be"
    return ""


def read_jsonl(path: Path, options: ReadOptions | None = None) -> Iterator[Article | ReadError]:
    """One article a line, read a line at a time (a JSONL file may hold a million articles); a
    bad line is reported with its number and the rest are read. A file in UTF-16 is read as
    text lines; a file that is one JSON array (it starts with '[': a pretty-printed export saved
    as .jsonl) is read as an array of articles, ':N' then being the record's number in it."""
    opts = options or ReadOptions()
    path = Path(path)
    name = label(path)
    try:
        f = open(path, "rb")
    except OSError as e:
        yield ReadError(_short(name), f"cannot read: {_why(e, path)}")
        return
    with f:
        try:
            size = os.fstat(f.fileno()).st_size
            head = f.read(4096)
            f.seek(0)
        except OSError as e:
            yield ReadError(name, f"cannot read: {e.strerror or e}")
            return
        enc = _utf16(head)
        start = (head.decode(enc, "ignore") if enc else head.decode("latin-1")).lstrip("\ufeff\xef\xbb\xbf \t\r\n")
        if start.startswith("["):
            yield from _json_array(f, name, enc, opts)
            return
        records = 0
        for where, line in _lines(f, name, enc, opts):
            records += 1
            if isinstance(line, ReadError):
                yield line
                continue
            if isinstance(line, bytes):
                try:
                    content, line_enc, notes = decode(line)
                except ValueError as e:
                    yield ReadError(where, str(e))
                    continue
            else:
                content, line_enc, notes = line, enc, ()
            try:
                rec = json.loads(content)
            except json.JSONDecodeError as e:
                yield ReadError(where, f"invalid JSON ({e.msg})")
                continue
            yield _record(where, rec, line_enc, notes, opts)
    if not records:
        yield ReadError(name, "empty file" if size == 0 else "only whitespace", "skipped")


def _lines(f: IO[bytes], name: str, enc: str, opts: ReadOptions) -> Iterator[tuple[str, bytes | str | ReadError]]:
    """(where: FILE:LINE, the line) of every line that is not blank: bytes, or text decoded as
    it is read for a file in UTF-16 (enc), whose line ends are two bytes. A line above the size
    limit, or one that cannot be read, is a ReadError."""
    if enc:
        text = io.TextIOWrapper(f, encoding=enc, newline="\n")
        return _lines_of(text, name, max(1, opts.max_bytes // 2), 2, "\n", "\ufeff", enc, opts)
    return _lines_of(f, name, opts.max_bytes, 1, b"\n", b"", "", opts)


def _lines_of(stream: IO[AnyStr], name: str, limit: int, width: int, end: AnyStr, bom: AnyStr, enc: str,
              opts: ReadOptions) -> Iterator[tuple[str, AnyStr | ReadError]]:
    """_lines for bytes or text alike: limit is in the stream's units, of width bytes each."""
    n = 0
    while True:
        try:
            line = stream.readline(limit + 1)
        except UnicodeDecodeError:
            yield name, ReadError(f"{name}:{n + 1}", f"not valid {enc.upper()} from this line on; the rest of the file is not read")
            return
        except OSError as e:
            yield name, ReadError(name, f"cannot read: {e.strerror or e}")
            return
        if not line:
            return
        n += 1
        where = f"{name}:{n}"
        if len(line) > limit:
            size = len(line)
            try:
                while line and not line.endswith(end):  # the rest of the line, a block at a time
                    line = stream.readline(MB)
                    size += len(line)
            except (UnicodeDecodeError, OSError):  # reported by the next readline, if it lasts
                pass
            yield where, ReadError(where, "line of " + _too_big(width * size, opts.max_bytes), "skipped")
            continue
        if bom:  # a byte order mark decoded (bytes keep theirs, for decode())
            line = line.lstrip(bom)
        if line.strip():
            yield where, line


def _json_array(f: IO[bytes], name: str, enc: str, opts: ReadOptions) -> Iterator[Article | ReadError]:
    """The records of a file that is one JSON array, parsed a record at a time (json's
    raw_decode on a buffer refilled as needed): an export of a million articles is not held
    whole. A record that is not valid JSON ends the reading of the file, with a report."""
    note: tuple[str, ...] = ("the file is one JSON array, not JSON Lines: read as an array of articles "
                             "(':N' is the record's number in it)",)
    text_enc = enc or "utf-8"
    notes: tuple[str, ...] = ()
    try:
        size = os.fstat(f.fileno()).st_size
    except OSError:
        size = 0
    if enc:
        stream: IO[str] = io.TextIOWrapper(f, encoding=enc)
    elif size <= opts.max_bytes:
        try:  # small enough to be decoded whole, in whichever encoding it is
            stream_text, text_enc, notes = decode(f.read())
        except (ValueError, OSError) as e:
            yield ReadError(name, str(e) if isinstance(e, ValueError) else f"cannot read: {e.strerror or e}")
            return
        stream = io.StringIO(stream_text)
    else:
        stream = io.TextIOWrapper(f, encoding="utf-8-sig")
    dec = json.JSONDecoder()
    buf, pos, eof, n = "", 0, False, 0
    chunk = MB

    def more() -> None:
        nonlocal buf, pos, eof
        data = stream.read(max(chunk, len(buf) - pos))  # a record longer than the buffer: doubled
        eof = not data
        buf, pos = buf[pos:] + data, 0

    def skip_space() -> bool:
        """Moves pos to the next character that is not white space; False at the end of the file."""
        nonlocal pos
        while True:
            while pos < len(buf) and buf[pos] in " \t\r\n\ufeff":
                pos += 1
            if pos < len(buf):
                return True
            if eof:
                return False
            more()

    try:
        skip_space()
        pos += 1  # the '['
        while True:
            if not skip_space():
                yield ReadError(f"{name}:{n + 1}", "the JSON array is not closed (the file is cut short?)")
                break
            if buf[pos] == "]":
                if not n:
                    yield ReadError(name, "an empty JSON array", "skipped")
                pos += 1
                if skip_space():  # [...] then more: JSON Lines of arrays, or two arrays
                    yield ReadError(f"{name}:{n + 1}", "more after the end of the JSON array the file starts "
                                                       "with (records should be objects, one a line); not read")
                break
            if n:
                if buf[pos] != ",":
                    yield ReadError(f"{name}:{n + 1}", "invalid JSON (a ',' or ']' was expected after the "
                                                       "record before); the rest of the file is not read")
                    break
                pos += 1
                if not skip_space():
                    continue
                if buf[pos] == "]":  # [{...}, {...},]: a trailing comma, as some exporters write
                    continue
            while True:
                try:
                    rec, end = dec.raw_decode(buf, pos)
                    break
                except json.JSONDecodeError as e:
                    # the buffer may end inside the record: read on, unless the error is before its end
                    cut = e.pos >= len(buf) - 1 or e.msg.startswith("Unterminated string")
                    big = cut and len(buf) - pos > opts.max_bytes
                    if eof or not cut or big:
                        rec, end = e, -1
                        break
                    more()
            if end < 0:
                if big:
                    yield ReadError(f"{name}:{n + 1}", f"record of more than {opts.max_bytes / MB:,.0f} MB "
                                                       "(--max-size), or not valid JSON; the rest of the file is not read")
                else:
                    yield ReadError(f"{name}:{n + 1}", f"invalid JSON ({rec.msg}); the rest of the file is not read")
                break
            n += 1
            start, pos = pos, end
            if end - start > opts.max_bytes:  # characters, near enough: as a JSONL line above the limit
                yield ReadError(f"{name}:{n}", "record of " + _too_big(end - start, opts.max_bytes), "skipped")
                continue
            art = _record(f"{name}:{n}", rec, text_enc, notes + note, opts)
            if isinstance(art, Article):
                note = ()  # said once, with the file's first article
            yield art
    except UnicodeDecodeError:
        yield ReadError(f"{name}:{n + 1}", f"not valid {text_enc.upper()} from this record on; the rest of the file is not read")
    except OSError as e:
        yield ReadError(name, f"cannot read: {e.strerror or e}")


def _record(where: str, rec: object, enc: str, notes: tuple[str, ...], opts: ReadOptions) -> Article | ReadError:
    """One record, parsed: of a JSONL line, or of a JSON array."""
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
    meta, more = _checked_dates(meta, "the record's date field")
    url = dict(meta).get("url", "")
    title = dict(meta).get("title", "")
    body = text if not title or text.lstrip().startswith(title) else title + "\n" + text
    aid = article_id(url.encode("utf-8")) if url else article_id(body.encode("utf-8"))
    return Article(id=aid, path=where, text=body, encoding=enc, meta=tuple(meta), notes=notes + more)


def _first(rec: dict, fields: Iterable[str]) -> str:
    for f in fields:
        v = rec.get(f)
        if isinstance(v, (str, int, float)) and str(v).strip():
            return SURROGATE.sub("\ufffd", str(v))
    return ""


# ---------------------------------------------------------------- folders

def _ident(path: str | os.PathLike) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def _is_store(names: Iterable[str]) -> bool:
    """The listing of a RocksDB folder: an Oxigraph store (a build's store/)."""
    names = set(names)
    return "CURRENT" in names and "IDENTITY" in names and any(n.startswith("OPTIONS-") for n in names)


def _is_output_folder(folder: str, names: set[str]) -> bool:
    """A Chanye KG output folder: its manifest.json as cache.save writes it (kg.io.manifest),
    its link current to the published build, or its store."""
    if manifest.NAME in names:
        try:
            with open(os.path.join(folder, manifest.NAME), "rb") as f:
                if manifest.is_manifest(f.read(512)):
                    return True
        except OSError:
            pass
    if "current" in names:
        try:
            if os.readlink(os.path.join(folder, "current")).startswith(".builds"):
                return True
        except OSError:
            pass
    if "store" in names:
        try:
            return _is_store(os.listdir(os.path.join(folder, "store")))
        except OSError:
            return False
    return False


def _output_member(name: str, is_dir: bool) -> bool:
    """What a build writes into its output folder."""
    if is_dir:
        return name in OUTPUT_DIRS or name.startswith("store.")
    return name in OUTPUT_FILES or name.endswith(".tmp")


def _output_of(p: Path, own: set[tuple[int, int]]) -> str:
    """'own' or 'other' when p is an output of a build (in this build's output folder or in
    another one), else ''."""
    try:
        is_dir = p.is_dir()
    except OSError:
        is_dir = False
    if not _output_member(p.name, is_dir):
        return ""
    parent = p.parent
    if _ident(parent) in own:
        return "own"
    try:
        names = set(os.listdir(parent))
    except OSError:
        return ""
    return "other" if _is_output_folder(str(parent), names) else ""


OTHER_OUTPUT = "a Chanye KG output folder: its graph files, page, store and cache are not read as articles"


def expand(paths: Iterable[str | Path], exclude: Iterable[str] = ()) -> Iterator[Path | ReadError]:
    """Files as given; folders walked, symbolic links followed once (a link back up the tree is
    reported, not walked forever), in a stable order. Files of other types in a folder are
    reported as skipped; hidden files are passed over; so are the outputs of a build."""
    own = {i for i in map(_ident, exclude) if i is not None}
    for p in map(Path, paths):
        out = _output_of(p, own)
        if out:
            if out == "other":
                yield ReadError(label(p), "an output of a Chanye KG build, not an article; not read", "skipped")
            continue
        if p.is_dir():
            yield from _walk(p, own)
        elif p.is_file():
            yield p
        else:
            yield _missing(p)


def _missing(p: Path | str) -> ReadError:
    name = label(p)
    try:
        os.stat(p)
    except OSError as e:
        if e.errno == errno.ELOOP:
            return ReadError(name, "symbolic link loop; not followed", "skipped")
        if os.path.islink(p):
            return ReadError(name, "broken symbolic link", "skipped")
        if e.errno in (errno.ENOENT, errno.ENOTDIR):
            return ReadError(name, "no such file or folder")
        return ReadError(_short(name), f"cannot read: {_why(e, p)}")
    return ReadError(name, "not a regular file or folder", "skipped")


def _walk(root: Path, own: set[tuple[int, int]]) -> Iterator[Path | ReadError]:
    """A folder's files, depth first in name order, without recursion (a tree thousands of
    folders deep is walked like any other); every folder that cannot be listed is reported once
    (no permission; a path longer than the system allows, PATH_MAX: what is below it cannot be
    named, let alone read)."""
    start = _ident(root)
    seen = {start} if start else set()
    stack: list[tuple[str, int, tuple[int, int] | None]] = [(str(root), 0, start)]
    while stack:
        folder, depth, ident = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as err:
            yield ReadError(_short(label(folder)), f"folder not read: {_why(err, folder)}"
                            + (f", {depth:,} folder(s) below {label(root)}" if depth else ""))
            continue
        names = {e.name for e in entries}
        mine = ident in own
        if not mine and _is_store(names):
            yield ReadError(label(folder), "a database folder (the store of a Chanye KG build), not articles; not read",
                            "skipped")
            continue
        outputs = mine or _is_output_folder(folder, names)
        if outputs and not mine:
            yield ReadError(label(folder), OTHER_OUTPUT, "skipped")
        dirs: list[os.DirEntry[str]] = []
        files: list[os.DirEntry[str]] = []
        for e in entries:
            if e.name.startswith("."):
                continue
            try:
                is_dir = e.is_dir()
            except OSError:
                is_dir = False
            if outputs and _output_member(e.name, is_dir):
                continue
            (dirs if is_dir else files).append(e)
        subdirs = []
        for e in dirs:
            try:
                st = os.stat(e.path)
            except OSError as err:
                yield ReadError(_short(label(e.path)), f"folder not read: {_why(err, e.path)}, "
                                f"{depth + 1:,} folder(s) below {label(root)}")
                continue
            key = (st.st_dev, st.st_ino)
            if key in own:  # kg build . -o output: the outputs are not articles
                continue
            if key in seen:
                yield ReadError(label(e.path), "symbolic link to a folder already read; not followed" if e.is_symlink()
                                else "a folder already read by another path; not read again", "skipped")
                continue
            seen.add(key)
            subdirs.append((e.path, depth + 1, key))
        for e in files:
            try:
                is_file = e.is_file()
            except OSError:
                is_file = False
            if not is_file:
                yield _missing(e.path)
            elif Path(e.name).suffix.lower() not in SUFFIXES:
                yield ReadError(label(e.path), f"not an article file ({Path(e.name).suffix or 'no suffix'}; "
                                               "reads .txt, .html, .jsonl)", "skipped")
            else:
                yield Path(e.path)
        stack.extend(reversed(subdirs))


# ---------------------------------------------------------------- everything

class _UrlIds:
    """An article's id comes from its URL when it has one: the same article read twice (two
    scrapes of one page, a feed and its archive) is one article. Two articles of one URL with
    other text (a page that changed, a feed that reuses a URL) are two: the first read keeps
    the URL's id (so ids of the common case, one text a URL, are as they always were); a later
    one gets an id from the URL and its text, the same on every build of the same inputs. Kept:
    two numbers a URL (its id, the hash of its first text)."""

    def __init__(self) -> None:
        self.first: dict[int, int] = {}

    def __call__(self, a: Article | ReadError) -> Article | ReadError:
        if isinstance(a, ReadError):
            return a
        url = a.get("url")
        if not url or a.id != article_id(url.encode("utf-8")):
            return a
        key = _text_key(a.text)
        h = int.from_bytes(key, "big")
        if self.first.setdefault(int(a.id, 16), h) == h:
            return a
        aid = article_id(f"{url}\n{key.hex()}".encode("utf-8"))
        return replace(a, id=aid, notes=a.notes + ("an article of the same URL with other text was read before this "
                                                   f"one: this one is article {aid}",))


def read_all(paths: Iterable[str | Path], options: ReadOptions | None = None) -> Iterator[Article | ReadError]:
    opts = options or ReadOptions()
    ids = _UrlIds()
    for item in expand(paths, opts.exclude):
        if isinstance(item, ReadError):
            yield item
        elif item.suffix.lower() in JSONL_SUFFIXES:
            for a in read_jsonl(item, opts):
                yield ids(a)
        else:
            yield ids(read_file(item, opts))
