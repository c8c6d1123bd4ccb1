"""Results as bytes. A result travels from a worker to the main process and into the cache as
marshalled tuples of its fields. Pickling the dataclasses themselves cost an eighth of the
extraction time and made more bytes than the article had (pickle reduces every slotted dataclass
in Python); marshal is Python's own format for plain values.

The layout is derived from kg.model's dataclasses, not written down a second time: a value is the
tuple of its fields in declaration order, recursively; a Decimal its str; None, and str, int,
tuples, frozensets, lists and dicts of plain values, as they are. A field declared with
field(metadata={"cache": False}) is not written, and takes its default when read. The encoder and
decoder of each class are compiled once, when a Codec is made, into functions built of the same
expressions one would write by hand (as dataclasses builds __init__): no reflection per value.

Codec.layout names the layout: a short hash of the classes, their fields' names and types, the
code that encodes them and the Python (whose marshal format it is). A change of a dataclass
changes it by itself; the cache reads only results written in the layout of this version.
"""
from __future__ import annotations

import dataclasses
import hashlib
import marshal
import sys
import types
import typing
from decimal import Decimal
from itertools import starmap
from operator import attrgetter
from typing import Any, Callable, Generic, TypeVar

from kg.model import ArticleResult, PackedResult

T = TypeVar("T")

PLAIN = (str, int, float, bool, bytes, type(None))  # marshal writes these as they are
CONTAINERS = (tuple, list, frozenset, dict)


def kept(cls: type) -> list[dataclasses.Field]:
    """The fields of cls that are written, in declaration order."""
    return [f for f in dataclasses.fields(cls) if f.metadata.get("cache", True)]


def _union(t: Any) -> bool:
    return typing.get_origin(t) in (typing.Union, types.UnionType)


def _plain(t: Any) -> bool:
    """A type whose values marshal writes and reads back equal, with no help."""
    if t in PLAIN:
        return True
    if _union(t) or typing.get_origin(t) in CONTAINERS:
        return all(a is Ellipsis or _plain(a) for a in typing.get_args(t))
    return False


def type_name(t: Any) -> str:
    """tuple[Evidence, ...], Decimal | None: what the layout's hash is taken of."""
    if t is Ellipsis:
        return "..."
    if t is type(None):
        return "None"
    args = typing.get_args(t)
    if _union(t):
        return " | ".join(map(type_name, args))
    origin = typing.get_origin(t)
    if origin is not None:
        return f"{origin.__name__}[{', '.join(map(type_name, args))}]"
    return t.__qualname__


class Codec(Generic[T]):
    """The encoder and decoder of a dataclass and of every dataclass its fields hold."""

    def __init__(self, root: type[T]):
        self.root = root
        self.classes: list[type] = []  # every dataclass reached from root, root first
        self._hints: dict[type, dict[str, Any]] = {}
        self._walk(root)
        self._names = 0
        self.source = "\n".join(self._compile(c) for c in self.classes)
        env: dict[str, Any] = {"Decimal": Decimal, "starmap": starmap, "attrgetter": attrgetter}
        env.update((c.__name__, c) for c in self.classes)
        exec(compile(self.source, f"<codec of {root.__qualname__}>", "exec"), env)
        self._encode: Callable[[T], tuple] = env[f"enc_{root.__name__}"]
        self._decode: Callable[[tuple], T] = env[f"dec_{root.__name__}"]
        described = [f"{c.__qualname__}({', '.join(f'{f.name}: {type_name(self._hints[c][f.name])}' for f in kept(c))})"
                     for c in self.classes]
        described.append(f"marshal {marshal.version}, Python {sys.version_info[0]}.{sys.version_info[1]}")
        self.layout = hashlib.sha256("\n".join(described + [self.source]).encode()).hexdigest()[:12]

    def encode(self, value: T) -> bytes:
        return marshal.dumps((self.layout, self._encode(value)))

    def decode(self, blob: bytes) -> T:
        fields = marshal.loads(blob)
        if type(fields) is not tuple or len(fields) != 2 or fields[0] != self.layout:
            head = fields[0] if type(fields) is tuple and fields else type(fields).__name__
            raise ValueError(f"result written in layout {head!r}, this version reads {self.layout!r}")
        return self._decode(fields[1])

    def _walk(self, cls: type) -> None:
        if cls in self.classes:
            return
        if not dataclasses.is_dataclass(cls):
            raise TypeError(f"{cls!r} is not a dataclass")
        if any(c.__name__ == cls.__name__ for c in self.classes):
            raise TypeError(f"two classes named {cls.__name__}: the codec names its functions after them")
        self.classes.append(cls)
        self._hints[cls] = hints = typing.get_type_hints(cls)
        for f in dataclasses.fields(cls):
            if not f.init:
                raise TypeError(f"{cls.__name__}.{f.name} is not an argument of __init__: it could not be read back")
            if not f.metadata.get("cache", True):
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                    raise TypeError(f"{cls.__name__}.{f.name} is not kept and has no default to be read back as")
                continue
            self._reach(hints[f.name])

    def _reach(self, t: Any) -> None:
        if isinstance(t, type) and dataclasses.is_dataclass(t):
            self._walk(t)
        for a in typing.get_args(t):
            if a is not Ellipsis:
                self._reach(a)

    def _fresh(self) -> str:
        self._names += 1
        return f"x{self._names}"

    def _expr(self, t: Any, x: str, side: str) -> str:
        """The expression that encodes (side "enc") or decodes ("dec") the value x of type t.
        x is a name, or an attribute of one: evaluated once."""
        if _plain(t):
            return x
        if t is Decimal:
            return f"str({x})" if side == "enc" else f"Decimal({x})"
        if isinstance(t, type) and dataclasses.is_dataclass(t):
            return f"{side}_{t.__name__}({x})"
        args = typing.get_args(t)
        if _union(t) and len(args) == 2 and type(None) in args:
            (other,) = (a for a in args if a is not type(None))
            if x.isidentifier():
                return f"(None if {x} is None else {self._expr(other, x, side)})"
            n = self._fresh()  # an attribute: looked up once
            return f"(None if ({n} := {x}) is None else {self._expr(other, n, side)})"
        origin = typing.get_origin(t)
        if origin in (tuple, list, frozenset) and (origin is not tuple or (len(args) == 2 and args[1] is Ellipsis)):
            # encoded as a tuple whatever it was: marshal writes a tuple in the fewest bytes
            made = "tuple" if side == "enc" else origin.__name__
            item = args[0]
            if isinstance(item, type) and dataclasses.is_dataclass(item):
                if side == "dec" and all(_plain(self._hints[item][f.name]) for f in kept(item)) and self._positional(item):
                    return f"{made}(starmap({item.__name__}, {x}))"  # C(*t) for each t, in C
                return f"{made}(map({side}_{item.__name__}, {x}))"
            n = self._fresh()
            return f"{made}([{self._expr(item, n, side)} for {n} in {x}])"
        if origin is dict and _plain(args[0]):
            k, v = self._fresh(), self._fresh()
            return f"{{{k}: {self._expr(args[1], v, side)} for {k}, {v} in {x}.items()}}"
        raise TypeError(f"the codec has no rule for {type_name(t)}: add one to codec.Codec._expr")

    @staticmethod
    def _positional(cls: type) -> bool:
        """Whether the kept fields come before every field that is not: C(*t) then reads it back."""
        names = [f.name for f in dataclasses.fields(cls)]
        return names[: len(kept(cls))] == [f.name for f in kept(cls)]

    def _compile(self, cls: type) -> str:
        name, fields, hints = cls.__name__, kept(cls), self._hints[cls]
        plain = all(_plain(hints[f.name]) for f in fields)
        if plain and len(fields) >= 2:
            enc = f"enc_{name} = attrgetter({', '.join(repr(f.name) for f in fields)})"  # a tuple, in C
        else:
            values = [self._expr(hints[f.name], f"v.{f.name}", "enc") for f in fields]
            enc = f"def enc_{name}(v):\n    return ({', '.join(values)}{',' if len(values) == 1 else ''})"
        if plain and self._positional(cls):
            dec = f"def dec_{name}(t):\n    return {name}(*t)"
        else:
            names = [f"a{i}" for i in range(len(fields))]
            positional = self._positional(cls)
            values = [("" if positional else f"{f.name}=") + self._expr(hints[f.name], a, "dec")
                      for f, a in zip(fields, names)]
            dec = (f"def dec_{name}(t):\n    {', '.join(names)}{',' if len(names) == 1 else ''} = t\n"
                   f"    return {name}({', '.join(values)})")
        return f"{enc}\n{dec}\n"


CODEC: Codec[ArticleResult] = Codec(ArticleResult)
LAYOUT = CODEC.layout  # what the cache's manifest records; results of another layout are extracted again
encode_result = CODEC.encode
decode_result = CODEC.decode


def pack(r: ArticleResult) -> PackedResult:
    """r encoded, with what the build asks of every article without unpacking it."""
    return PackedResult(r.article.id, r.article.path, r.source_hash, r.chars, r.title, r.date,
                        tuple((n, c) for n, c in r.unresolved), encode_result(r), notes=tuple(r.notes))


def unpack(p: PackedResult) -> ArticleResult:
    if p.blob is None:
        with open(p.file, "rb") as f:
            f.seek(p.offset)
            return decode_result(f.read(p.size))
    return decode_result(p.blob)


def unpacked(r: ArticleResult | PackedResult) -> ArticleResult:
    return unpack(r) if isinstance(r, PackedResult) else r
