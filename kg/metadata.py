"""Article metadata read from the text itself: title and publication date."""
from __future__ import annotations

import re

DATE = re.compile(r"(20\d\d|19\d\d)\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
TITLE_LINE = re.compile(r"^\s*(?:标题|題目|题目)\s*[:：]\s*(.+)$", re.M)


def article_title(norm: str) -> str:
    m = TITLE_LINE.search(norm[:2000])
    if m:
        return m.group(1).strip()
    for line in norm.splitlines()[:8]:
        line = line.strip(" |>\t")
        han = sum("\u4e00" <= ch <= "\u9fff" for ch in line)
        if han >= 8 and ">" not in line and not line.startswith(("来源", "作者", "当前位置")):
            return line[:120]
    return ""


def article_date(norm: str) -> str:
    m = DATE.search(norm[:1500])
    if not m:
        return ""
    y, mo, d = (int(x) for x in m.groups())
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return ""
    return f"{y:04d}-{mo:02d}-{d:02d}"
