"""Files and folders -> Article. Reports what it cannot read instead of raising."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .model import Article

SUFFIXES = {".txt", ".text", ""}
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


def read_file(path: Path) -> Article | ReadError:
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
    return Article(id=article_id(raw), path=str(path), text=text, encoding=enc)


def expand(paths: Iterable[str | Path]) -> Iterator[Path | ReadError]:
    """Files as given, folders walked recursively (text files only, sorted for a stable order)."""
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUFFIXES and not f.name.startswith("."):
                    yield f
        elif p.is_file():
            yield p
        else:
            yield ReadError(str(p), "no such file or folder")


def read_all(paths: Iterable[str | Path]) -> Iterator[Article | ReadError]:
    for item in expand(paths):
        yield item if isinstance(item, ReadError) else read_file(item)
