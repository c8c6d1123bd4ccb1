"""Entity keys: the one place that writes their string form and reads it back.

A key is an entity's identity across articles (same key, same node) and, hashed, its IRI
(kg.rdf.graph), so its string form is fixed:

    Region:CODE               a division
    Agency:NAME               an agency, by its full name (宁德市工业和信息化局)
    Official:NAME@CODE        a person: name + the region of the body of the first post
    Company:CORE#PROVINCE     a registered name: core + the province the name starts with
    Company:CORE@CODE         a short name: core + the region the company sits in
    IndustrialPark:NAME@CODE  a park, Project:NAME@CODE a project: name + the region it sits in

CODE and PROVINCE may be "" (no place known). Names are written as they are, never escaped
(escaping would change every IRI), and a name may hold ':', '@' or '#': a name ends at the
text's punctuation, and these three are not all of it. So the type ends at the first ':' and
the place starts at the last '@' or '#', which is always the mark: a code holds neither.
"""
from __future__ import annotations

from dataclasses import dataclass

PLACED = ("Official", "Company", "IndustrialPark", "Project")  # keyed by name and place
AT, REGISTERED = "@", "#"


@dataclass(frozen=True, slots=True)
class Key:
    type: str
    name: str  # a region's division code, a company's core name, else the entity's name
    mark: str = ""  # AT (place: where it sits), REGISTERED (place: the name's province), or "" (none)
    place: str = ""

    def __str__(self) -> str:
        return _form(self.type, self.name, self.mark, self.place)


def _form(typ: str, name: str, mark: str = "", place: str = "") -> str:
    """A key's string form (make writes it without building a Key: asked for every entity)."""
    return f"{typ}:{name}{mark}{place}"


def make(typ: str, name: str, place: str | None = None, province: str | None = None) -> str:
    """The key of an entity: place for one that sits somewhere (typ in PLACED), province for a
    company under its registered name, neither for a region (name: its code) or an agency."""
    if typ in PLACED:
        if province is not None:
            if typ != "Company" or place is not None:
                raise ValueError(f"{typ} key: a province is for a company's registered name alone")
            return _form(typ, name, REGISTERED, province)
        if place is None:
            raise ValueError(f"{typ} key without a place")
        return _form(typ, name, AT, place)
    if place is not None or province is not None:
        raise ValueError(f"{typ} key takes no place")
    return _form(typ, name)


def region_key(code: str) -> str:
    return make("Region", code)


def parse(key: str) -> Key:
    """make's inverse: str(parse(k)) == k for every key."""
    typ, sep, rest = key.partition(":")
    if not sep:
        raise ValueError(f"not an entity key: {key!r}")
    if typ in PLACED:
        at = max(rest.rfind(AT), rest.rfind(REGISTERED))
        if at >= 0:
            return Key(typ, rest[:at], rest[at], rest[at + 1 :])
    return Key(typ, rest)


def post_key(official: str, agency: str, title: str) -> str:
    """The key of a post (an official's title in an agency), of two entity keys."""
    return f"Post:{official}|{agency}|{title}"
