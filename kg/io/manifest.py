"""The build manifest's name and head, in one place: kg.corpus.cache writes and reads the manifest,
and reading (kg.io.read) must know an output folder by it when it is given as input."""
from __future__ import annotations

import re

NAME = "manifest.json"  # in the output folder
# the keys a manifest begins with, in this order (then "articles"): the versions its cache was
# written by. version: kg's; format: the layout of the cached results (kg.corpus.codec.LAYOUT)
HEAD = ("version", "format")


def head(version: str, format: str) -> dict[str, str]:
    return dict(zip(HEAD, (version, format)))


_SCALAR = rb'(?:"[^"\n]{0,40}"|\d+)'  # a format was a number before it was a hash
_BEGINS = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*\{" + b"".join(rb'\s*"' + k.encode() + rb'"\s*:\s*' + _SCALAR + rb"\s*,"
                                                          for k in HEAD))


def is_manifest(start: bytes) -> bool:
    """Whether a file beginning so is a manifest a build wrote (this version or an earlier one)."""
    return _BEGINS.match(start) is not None
