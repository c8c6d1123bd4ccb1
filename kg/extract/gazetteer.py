"""China's administrative divisions (kg/data/gazetteer.tsv): names, short forms, parents."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kg.resources import table

# Name endings that mark a division's level; the stem before them is its common short form.
LEVEL_SUFFIXES = (
    "特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "自治旗",
    "地区", "林区", "特区", "省", "市", "盟", "州", "县", "区", "旗",
)
ETHNIC = "族"  # 民和回族土族自治县 -> 民和: drop ethnic names before an autonomy suffix


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    level: str  # province | prefecture | county | township
    parent: str  # code, "" for provinces
    short: str


def stem(name: str) -> str:
    for suf in LEVEL_SUFFIXES:
        if name.endswith(suf) and len(name) > len(suf):
            s = name[: -len(suf)]
            if suf.startswith("自治") or suf.endswith("自治区"):
                # drop the ethnic names before an autonomy suffix: 民和回族土族 -> 民和;
                # an ethnic name is one or two characters before 族, the place name is first
                i = s.find(ETHNIC)
                if i >= 0:
                    s = s[: max(2, i - 2)] if i - 2 >= 2 else s[: max(2, i - 1)]
            return s
    return name


class Gazetteer:
    def __init__(self, rows):
        self.by_code: dict[str, Division] = {}
        self.children: dict[str, list[str]] = {}
        for r in rows:
            d = Division(r["code"], r["name"], r["level"], r["parent"], r.get("short") or "")
            self.by_code[d.code] = d
            self.children.setdefault(d.parent, []).append(d.code)
        self._within: dict[tuple[str, str], bool] = {}
        # surface form -> codes, split by how strong the form is
        self.full: dict[str, list[str]] = {}
        self.short: dict[str, list[str]] = {}
        for d in self.by_code.values():
            if d.level == "township":
                continue
            self.full.setdefault(d.name, []).append(d.code)
            for s in self._short_forms(d):
                if s != d.name:
                    self.short.setdefault(s, []).append(d.code)

    @staticmethod
    def _short_forms(d: Division) -> set[str]:
        forms = set()
        st = stem(d.name)
        if d.short and len(d.short) >= 2:
            forms.add(d.short)
            sst = stem(d.short) if d.short != d.name else st
            if len(sst) >= 2:
                forms.add(sst)
        if len(st) >= 2:
            forms.add(st)
            if d.name.endswith(("自治县", "自治旗")):
                forms.add(st + d.name[-1])  # 民和县
        return forms

    def leading(self, name: str, longest: int = 10) -> tuple[str, int] | None:
        """The one division a name starts with (海南省东宇商贸 -> 460000, 3), longest first; None
        when no prefix names exactly one division."""
        for n in range(min(longest, len(name) - 2), 1, -1):
            codes = self.full.get(name[:n]) or self.short.get(name[:n]) or []
            if len(codes) == 1:
                return codes[0], n
        return None

    def get(self, code: str) -> Division | None:
        return self.by_code.get(code)

    def ancestors(self, code: str) -> list[Division]:
        out = []
        d = self.by_code.get(code)
        while d and d.parent and d.parent in self.by_code and d.parent != d.code:
            d = self.by_code[d.parent]
            out.append(d)
        return out

    def is_within(self, code: str, ancestor: str) -> bool:
        if code == ancestor:
            return True
        key = (code, ancestor)
        hit = self._within.get(key)
        if hit is None:
            hit = self._within[key] = any(a.code == ancestor for a in self.ancestors(code))
        return hit

    def chain(self, code: str) -> list[Division]:
        d = self.by_code.get(code)
        return ([d] if d else []) + self.ancestors(code)


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    return Gazetteer(table("gazetteer.tsv"))
