"""What a place or agency mention points at, as its finder read it, before resolution decides.

A region mention names a division (Code), several that share the name (Ambiguous), or the
article's own region (Deixis: 我市, 全县). An agency mention's body is of a division (Code), of
the article's own region (Deixis: 市工信局), of the agency listed before it (Inherited:
区政府办、工信局) or of a park (ParkBody: 高新区管委会). kg.extract.resolve turns each into a
division code, or into nothing.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Code:
    """A division, by its code: the name says which (杭锦后旗, 杭锦后旗工信局)."""

    code: str


@dataclass(frozen=True, slots=True)
class Ambiguous:
    """Divisions that share the name, when nothing in the text decides (鼓楼区)."""

    codes: tuple[str, ...]  # sorted


@dataclass(frozen=True, slots=True)
class Deixis:
    """The article's own region of a level (我市, 全县, 市工信局), read against its focal region."""

    level: str  # the level word as written: 市, 区, 县, 旗, 州, 省, 自治区 ...


@dataclass(frozen=True, slots=True)
class Inherited:
    """A body listed after another (区政府办、工信局): of the region of the one before it."""


@dataclass(frozen=True, slots=True)
class ParkBody:
    """A park's committee (江都高新区管委会), named after the park."""

    park: str


Place = Code | Ambiguous | Deixis | Inherited | ParkBody


def code_of(place: Place | None) -> str:
    """The division code of a place that names one division, else ""."""
    return place.code if isinstance(place, Code) else ""
