"""Article metadata: what the page or the text's header says about the article itself.

Title, publication date and time, outlet, URL, and the people of the article (reporters,
editors, other credits, the interviewee). Reporters and editors are people of the article, never
officials. What the container gave (an HTML page's metadata, a JSONL record's fields) wins over
what is read from the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date as _date
from functools import lru_cache

from kg.model import ArticleMeta
from kg.resources import table, words

HEADER = 600  # characters from the start where bylines and datelines stand
DATE = re.compile(
    r"((?:19|20)\d\d)\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?"
    r"(?:\s*[T ]?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?"
)
TITLE_LINE = re.compile(r"^\s*(?:标题|题目)\s*[:：]\s*(.+)$", re.M)
OUTLET_SOURCE = re.compile(r"来源\s*[:：]\s*([^\s|:：,，()（）]{2,20})")
OUTLET_LEAD = re.compile(r"^\s*([\u4e00-\u9fffA-Za-z0-9]{2,12}?(?:新闻网|日报|晚报|网|报|电视台|融媒体中心|发布))(?:消息|讯|记者|客户端)")
NOT_IN_NAME = set("的了是在和与日今明昨本我你他她们这那将对就都也")
INTERVIEW = re.compile(r"(?:专访|访谈|对话|访问|采访|——访|—访|嘉宾)")
GUEST = re.compile(r"嘉宾\s*[:：]\s*([\u4e00-\u9fff]{2,3})(?![\u4e00-\u9fff])")


@lru_cache(maxsize=1)
def _roles() -> tuple[re.Pattern, dict[str, str]]:
    """credit_roles.tsv: the role words of two characters or more in one pattern (longest first),
    and each word's kind (editor, reporter, contributor)."""
    kinds = {r["word"]: r["kind"] for r in table("credit_roles.tsv")}
    rx = re.compile("|".join(re.escape(r) for r in sorted((r for r in kinds if len(r) > 1), key=len, reverse=True)))
    return rx, kinds


@lru_cache(maxsize=1)
def _surnames() -> set[str]:
    return set(words("surnames.txt"))


_HAN = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=8)
def article_title(norm: str) -> str:
    """The title line of a normalised text. Cached: relations and metadata both ask it of the
    article being read."""
    head = norm[:2000]
    m = TITLE_LINE.search(head) if "标题" in head or "题目" in head else None  # the words it needs
    if m:
        return m.group(1).strip(" |")
    for line in norm.splitlines()[:8]:
        line = line.strip(" |>\t")
        han = len(_HAN.findall(line))
        if han < 8 or ">" in line or line.startswith(("来源", "作者", "当前位置", "时间", "发布")):
            continue
        if len(line) > 80 or line.endswith("。"):
            break  # the first paragraph: this article has no title line
        if re.search(r"记者\s*[\u4e00-\u9fff]{2,3}\s*(?:报道|摄)?\s*$", line) or DATE.match(line):
            continue  # a byline or a dateline, not a title
        return line[:120]
    return ""


def calendar_date(y: int, mo: int, d: int) -> str:
    """'YYYY-MM-DD' when y, mo, d name a day of the calendar, else '' (2022-02-31 and 2021-13-01
    name none: as xsd:date they are invalid literals). The one check of a date: every date an
    article is given, from its text, its page or its record, passes here."""
    try:
        return _date(y, mo, d).isoformat()
    except ValueError:
        return ""


def first_date(text: str) -> tuple[str, str, str]:
    """(date, datetime, words) of the first date written in text: words as written, date ''
    when they name no day of the calendar (then datetime is '' too), all '' without a date."""
    m = DATE.search(text)
    if not m:
        return "", "", ""
    y, mo, d = (int(x) for x in m.group(1, 2, 3))
    date = calendar_date(y, mo, d)
    if date and m.group(4):
        hh, mm, ss = int(m.group(4)), int(m.group(5)), int(m.group(6) or 0)
        if hh < 24 and mm < 60 and ss < 60:
            return date, f"{date}T{hh:02d}:{mm:02d}:{ss:02d}", m.group().strip()
    return date, "", m.group().strip()


def impossible_date(text: str) -> str:
    """The words of the first date written in text when they name no day of the calendar, else ''."""
    date, _, words = first_date(text)
    return "" if date else words


def article_date(norm: str) -> tuple[str, str]:
    """(date, datetime) of the first full date in the header; datetime is '' without a time.
    A first date that names no day of the calendar (2022年2月31日) gives none: the dateline is
    wrong, and a later date in the header is an event's, not the article's."""
    return first_date(norm[:HEADER])[:2]


def _names(chunk: str) -> list[str]:
    out = []
    for n in re.split(r"[ \u3000、,，]+", chunk.strip()):
        if 2 <= len(n) <= 3 and (n[0] in _surnames() or n[:2] in _surnames()) and not (set(n[1:]) & NOT_IN_NAME):
            out.append(n)
        else:
            break  # a credit list ends where the names end
    return out


_CREDIT_END = re.compile(r"[)）|\n。;；]")


def credits(norm: str) -> list[tuple[str, str, str]]:
    """(kind, role word, name) for every byline credit: 记者 张文奎, 责任编辑:陈秋凤, 摄像:林亮 王希.

    A credit's names run from its role word to the next role word, bracket or line end."""
    out: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str]] = set()  # (kind, name) of out: an `any` over out was quadratic
    role_rx, roles = _roles()
    marks = list(role_rx.finditer(norm))
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(norm)
        stop = _CREDIT_END.search(norm, m.end(), end)  # the chunk up to a bracket or line end
        chunk = norm[m.end() : stop.start() if stop else end]
        chunk = chunk.lstrip(" \u3000:：")
        for n in _names(chunk):
            if (roles[m.group()], n) not in seen:
                seen.add((roles[m.group()], n))
                out.append((roles[m.group()], m.group(), n))
    return out


def outlet(norm: str) -> str:
    head = norm[:HEADER]
    m = OUTLET_SOURCE.search(head)
    if m:
        return m.group(1)
    for line in head.splitlines()[:6]:
        m = OUTLET_LEAD.match(line)
        if m:
            return m.group(1)
    return ""


def read_meta(norm: str, container: dict[str, str] | None = None, repaired: int = 0, left: int = 0) -> ArticleMeta:
    c = container or {}
    title = c.get("title", "").strip() or article_title(norm)
    notes = []
    date, dt, words = first_date(norm[:HEADER])
    given = c.get("date", "")
    cd, cdt, cwords = first_date(given) if given else ("", "", "")
    if cd:
        date, dt = cd, cdt or (dt if cd == date else "")
    else:
        if cwords:  # read.py drops such a date from a page or a record: here when given otherwise
            notes.append(f"date {cwords!r} (given with the article) is not a day of the calendar; left out")
        if words and not date:
            notes.append(f"date {words!r} in the article's header is not a day of the calendar; the article has no date")
    people = credits(norm)
    if c.get("author") and not any(k == "reporter" for k, _, _ in people):
        people += [("reporter", "作者", n) for n in _names(c["author"]) or [c["author"].strip()[:40]]]
    guest = GUEST.search(norm[:HEADER])
    return ArticleMeta(
        title=title,
        date=date,
        datetime=dt,
        outlet=c.get("sitename", "") or c.get("source", "") or outlet(norm),
        url=c.get("url", ""),
        people=tuple(people),
        interviewee=guest.group(1) if guest else "",
        mojibake_repaired=repaired,
        mojibake_left=left,
        notes=tuple(notes),
    )
