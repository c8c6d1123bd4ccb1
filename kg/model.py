"""The dataclasses passed between stages. Every stage takes and returns these, nothing else."""
from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from kg.refs import Place


ENTITY_TYPES = ("Official", "Agency", "Region", "IndustrialPark", "Company", "Project")
TYPE_ORDER = {t: i for i, t in enumerate(ENTITY_TYPES)}  # an explicit tie-break between types
RELATION_TYPES = ("memberOf", "jurisdiction", "partOf", "locatedIn", "developedBy", "subsidiaryOf")


INF = float("inf")


@dataclass(frozen=True, slots=True)
class Article:
    """One input document as read from disk, before any normalisation."""

    id: str  # stable: from the URL when the input gives one, else from the content hash
    path: str  # file name, with ":LINE" for an article of a JSONL file
    text: str
    encoding: str
    meta: tuple[tuple[str, str], ...] = ()  # what the container says: title, url, date, author ...
    notes: tuple[str, ...] = ()  # what reading had to mend (invalid bytes replaced, NULs dropped)

    def get(self, key: str) -> str:
        return next((v for k, v in self.meta if k == key), "")


@dataclass(frozen=True, slots=True)
class Text:
    """Normalised (simplified, gloss-free, half-width) text with a map back to the original."""

    orig: str
    norm: str
    offsets: Sequence[int]  # offsets[i] = index in orig of norm[i]; one extra entry = len(orig)
    sentences: tuple[tuple[int, int], ...]  # sentence spans in norm

    repaired: int = 0  # mojibake runs repaired by a known round trip
    suspicious: int = 0  # characters that still look like mojibake, left as they are

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        """The span in the original text covering norm[start:end]."""
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1

    def sentence_of(self, pos: int) -> int:
        i = bisect.bisect_right(self.sentences, (pos, INF)) - 1  # spans are in text order
        if i >= 0 and self.sentences[i][0] <= pos < self.sentences[i][1]:
            return i
        return len(self.sentences) - 1


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of the normalised text that names (or points at) an entity, with what its finder
    already knows of it: each type fills its own fields."""

    type: str
    surface: str  # the normalised text of the span
    start: int
    end: int
    place: Place | None = None  # Region: the division(s) it names; Agency: the region of its body
    body: str = ""  # Agency: the body, canonical (工业和信息化局, 委员会)
    unit: str = ""  # Agency: a unit of that body, as written after it (原材料工业处, 招商局)
    titles: tuple[str, ...] = ()  # Official: the titles written before the name, in order
    # park, company, project: its suffix's strength (legal, industry ...), or the rule that
    # found it (phase, frame, list, company-park)
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Evidence:
    article: str
    sentence: int  # index into the article's sentences
    start: int  # span in the ORIGINAL text
    end: int


@dataclass(frozen=True, slots=True)
class Entity:
    key: str  # identity across articles: same key, same node
    type: str
    name: str  # canonical, simplified
    aliases: frozenset[str] = frozenset()
    attrs: tuple[tuple[str, str], ...] = ()  # (property, value): divisionCode, level, title ...
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Relation:
    head: str  # entity keys
    rel: str
    tail: str
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Post:
    """An official's post in a body, as one article attests it (W3C ORG's Membership)."""

    official: str  # entity keys
    agency: str
    title: str
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    title: str = ""
    date: str = ""  # YYYY-MM-DD
    datetime: str = ""  # YYYY-MM-DDTHH:MM:SS, when the time is given
    outlet: str = ""
    url: str = ""
    people: tuple[tuple[str, str, str], ...] = field(default=())  # (kind, role word, name)
    interviewee: str = ""
    mojibake_repaired: int = 0
    mojibake_left: int = 0
    # what reading the metadata left out, for the build to report (a date that is no day of the
    # calendar); not kept in the cache (kg.corpus.codec leaves it out): extract() adds it to the
    # result's notes, which are
    notes: tuple[str, ...] = field(default=(), metadata={"cache": False})


@dataclass(frozen=True, slots=True)
class Quantity:
    value: Decimal | None  # a single value, in the canonical unit
    low: Decimal | None  # or a range
    high: Decimal | None
    unit: str  # CNY, t, kW, kWh, %, pp, m2, item ...
    dimension: str
    surface: str
    start: int
    end: int
    per: str = ""  # year / day for a capacity (年产, 日处理)


@dataclass(frozen=True, slots=True)
class Figure:
    subject: str  # entity key
    metric: str  # investment, capacity, output_value, growth:industrial_value_added, status ...
    label: str  # the words of the text that name it (完成投资, 规上工业增加值)
    quantity: Quantity | None
    status: str = ""  # for metric == "status"
    period: str = ""  # ISO 8601: 2022, 2022-01/2022-10, 2021-01/2022-08
    period_label: str = ""  # as written: 1-10月份, 上半年
    evidence: Evidence | None = None


@dataclass
class ArticleResult:
    """Everything extracted from one article: the unit a worker returns to the merge."""

    article: Article  # its text dropped once read: results travel between processes and pile up
    chars: int = 0  # the length of the text that was read
    source_hash: str = ""  # of the text that was read: what --update compares
    sentences: dict[int, tuple[str, int, int]] = field(default_factory=dict)  # idx -> (exact, start, end)
    meta: ArticleMeta | None = None
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    unresolved: list[tuple[str, str]] = field(default_factory=list)  # (place name, candidate codes)
    figures: list[Figure] = field(default_factory=list)  # investments, capacities, status ...
    notes: tuple[str, ...] = ()  # what extraction had to leave out (a stage or a mention that failed)

    @property
    def title(self) -> str:
        return self.meta.title if self.meta else ""

    @property
    def date(self) -> str:
        return self.meta.date if self.meta else ""


@dataclass(frozen=True, slots=True)
class PackedResult:
    """An ArticleResult as the worker packed it (kg.corpus.codec.pack), with what the build asks
    of every article without unpacking it (codec.unpack). Held this way, 100k results take a fifth
    of the memory, and the cache keeps the bytes as they are."""

    id: str
    path: str
    source_hash: str
    chars: int
    title: str | None  # None: a cache entry written without one (kg/corpus/cache.py accepts that)
    date: str | None
    unresolved: tuple[tuple[str, str], ...]
    blob: bytes | None  # the packed result, or None once it is in a file
    file: str = ""  # where the packed result is kept (the build's cache), when blob is None
    offset: int = 0  # and where in that file (a worker writes a batch of results to one file)
    size: int = -1  # -1: to the end of the file
    notes: tuple[str, ...] = ()  # the result's notes, for the build to report (not kept in the cache)

    def on_disk(self, file: str, offset: int = 0, size: int = -1) -> "PackedResult":
        """The same result without its bytes in memory: read again from file when unpacked
        (100k articles held 470 MB of them)."""
        from dataclasses import replace

        return replace(self, blob=None, file=file, offset=offset, size=size)
