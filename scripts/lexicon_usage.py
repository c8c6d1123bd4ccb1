"""Where each lexicon entry and each named rule fires, on a set of article folders.

For every entry of the word-list lexicons in kg/data, on how many articles

- occurs:  the entry's text is in the normalised text (a table's first column, and the
           alternative forms of a `forms` column);
- changes: removing the entry changes the article's extraction (entities, relations, posts,
           figures or metadata); `graph` counts those where entities or relations change.

Removing an entry is an ablation through the loader every module reads the data with: the
data file is read without that line (kg.resources.text patched) and the caches built from it
are cleared, as tests/test_data.py does. Only the caches that depend on the file are cleared
(which zero-argument cache reads which file is recorded once at the start; caches with
arguments are always cleared), so the gazetteer and the jieba dictionary are not rebuilt for
every entry. An entry is only ablated on the articles whose text holds it (--exhaustive: on
every article).

Flags: NONE  the entry changes no article (never fires)
       ONE   the entry changes exactly one article (may exist for one item)

Entries that change nothing alone may stand in for one another (two suffixes that end the same
names): each file's NONE entries are also removed all at once, and the articles that changes are
listed, so that pruning them all is known to be safe, or not.

Named rules: the Mention.rule values of kg/extract/mentions (phase, frame, list, company-park,
and the suffix strengths of org_suffixes.tsv), with on how many articles each one finds a
mention (found) and on how many a mention it found survives into the result (kept).

The gazetteer and jieba_user.txt are summarised (how many of their names occur), not ablated.

    python scripts/lexicon_usage.py [FOLDER ...] [--data FILE ...] [--json] [-j N]

Folders default to ../shared/corpus/seeds, ../shared/corpus/dev, tests/fixtures, tests/owngold/articles
(our own articles with gold) and samples (relative to the repository); those absent are skipped
with a message.
"""
from __future__ import annotations

import argparse
import functools
import inspect
import json
import multiprocessing
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import kg.resources as resources  # noqa: E402

DATA = Path(resources.__file__).parent / "data"
DEFAULT_INPUTS = ("../shared/corpus/seeds", "../shared/corpus/dev", "tests/fixtures", "tests/owngold/articles", "samples")
# too big or read another way: summarised, not ablated
SUMMARISED = ("gazetteer.tsv", "jieba_user.txt")
# no word list: a grammar
NOT_WORD_LISTS = ("phase_pattern.txt",)
FORMS_COLUMNS = ("forms",)  # a table column of alternative forms, `|`-separated


# ------------------------------------------------------------------------------------ entries

@dataclass(frozen=True)
class Entry:
    file: str
    line: str  # the line as the loader reads it (stripped), the unit removed by an ablation
    key: str  # the first column
    texts: tuple[str, ...]  # what is looked for in the text


def lexicon_files() -> list[str]:
    skip = set(SUMMARISED) | set(NOT_WORD_LISTS)
    return sorted(p.name for p in DATA.iterdir() if p.suffix in (".txt", ".tsv") and p.name not in skip)


def _lines(name: str) -> list[str]:
    return [ln.strip() for ln in resources.text("data", name).splitlines() if ln.strip() and not ln.startswith("#")]


def entries(name: str) -> list[Entry]:
    lines = _lines(name)
    if not name.endswith(".tsv"):
        return [Entry(name, ln, ln, (ln,)) for ln in lines]
    header = lines[0].split("\t")
    out = []
    for ln in lines[1:]:
        row = dict(zip(header, ln.split("\t")))
        texts = [row[header[0]]]
        for col in FORMS_COLUMNS:
            texts += [f for f in row.get(col, "").split("|") if f and f != "-"]
        out.append(Entry(name, ln, row[header[0]], tuple(dict.fromkeys(texts))))
    return out


# ----------------------------------------------------------------------------------- articles

@dataclass(frozen=True)
class Doc:
    label: str  # folder/file, the article's name in the report
    article: Any  # kg.model.Article
    norm: str


def read_inputs(inputs: Iterable[str], say: Callable[[str], None]) -> list[Doc]:
    from kg.io.normalize import normalize
    from kg.io.read import ReadError, read_all

    docs = []
    for folder in inputs:
        p = Path(folder)
        if not p.is_absolute():
            p = ROOT / p
        if not p.exists():
            say(f"skipped {folder}: absent")
            continue
        for a in read_all([p]):
            if isinstance(a, ReadError):
                say(f"skipped {a}")
                continue
            docs.append(Doc(f"{p.name}/{Path(a.path).name}", a, normalize(a.text).norm))
    return docs


def signature(result) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(what a graph is built from: entities and relations; the rest: posts, figures, metadata),
    order-free."""
    graph = sorted(repr(e) for e in result.entities) + sorted("R" + repr(r) for r in result.relations)
    rest = sorted(repr(p) for p in result.posts) + sorted(repr(f) for f in result.figures) + [repr(result.meta)]
    return tuple(graph), tuple(rest)


# ------------------------------------------------------------------------------------- caches

def _kg_caches() -> list[Any]:
    out = []
    for name, mod in sorted(sys.modules.items()):
        if name == "kg" or name.startswith("kg."):
            for obj in list(vars(mod).values()):
                # lru_cache wrappers only (getattr on rdflib's namespaces would make terms of any name)
                if isinstance(obj, functools._lru_cache_wrapper) and getattr(obj, "__module__", "") == name:
                    out.append(obj)
    return out


def _takes_no_arguments(fn: Any) -> bool:
    try:
        params = inspect.signature(fn.__wrapped__).parameters.values()
    except (TypeError, ValueError):
        return False
    return all(p.default is not p.empty or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in params)


@contextmanager
def _reading(change: Callable[[str, str], str | None]) -> Iterator[None]:
    """kg.resources.text answers change(name, body) (None: the body as it is) for data files."""
    real = resources.text

    def text(package: str, name: str) -> str:
        body = real(package, name)
        if package != "data":
            return body
        changed = change(name, body)
        return body if changed is None else changed

    resources.text = text
    try:
        yield
    finally:
        resources.text = real


def cache_dependencies() -> dict[Any, frozenset[str] | None]:
    """Each kg cache: the data files its value is built from (None: it takes arguments, so it is
    cleared on any change). Measured: every cache cleared, then the one cache filled while the
    data files read are recorded (what it reads through other caches counts too)."""
    caches = _kg_caches()
    deps: dict[Any, frozenset[str] | None] = {}
    read: set[str] = set()

    def record(name: str, body: str) -> None:
        read.add(name)
        return None

    with _reading(record):
        for c in caches:
            if not _takes_no_arguments(c):
                deps[c] = None
                continue
            for o in caches:
                o.cache_clear()
            read.clear()
            try:
                c()
                deps[c] = frozenset(read)
            except Exception:
                deps[c] = None
    return deps  # the caches hold what the real files give: recording changed no file


def clear_for(deps: dict[Any, frozenset[str] | None], name: str) -> None:
    for c, files in deps.items():
        if files is None or name in files:
            c.cache_clear()


@contextmanager
def without(*entries: Entry, deps: dict[Any, frozenset[str] | None] | None = None) -> Iterator[None]:
    """The package as it reads without the entries' lines (deps None: every kg cache is cleared)."""
    lines: dict[str, set[str]] = {}
    for e in entries:
        lines.setdefault(e.file, set()).add(e.line)

    def drop(name: str, body: str) -> str | None:
        if name not in lines:
            return None
        return "\n".join(ln for ln in body.splitlines() if ln.strip() not in lines[name]) + "\n"

    def clear() -> None:
        if deps is None:
            for c in _kg_caches():
                c.cache_clear()
        else:
            for name in sorted(lines):
                clear_for(deps, name)

    try:
        with _reading(drop):
            clear()
            yield
    finally:
        clear()  # the values built without the entries go: the next reads are of the real files


# ------------------------------------------------------------------------------------ ablation

@dataclass
class Usage:
    entry: Entry
    occurs: list[str] = field(default_factory=list)  # article labels
    changes: list[str] = field(default_factory=list)
    graph: list[str] = field(default_factory=list)  # entities or relations changed

    @property
    def flag(self) -> str:
        return {0: "NONE", 1: "ONE"}.get(len(self.changes), "")


# what each worker process works on (inherited through fork: set before the pool starts)
_STATE: dict[str, Any] = {}
Task = tuple[int, tuple[Entry, ...], tuple[int, ...]]  # (number, entries removed together, articles)


def _ablate(task: Task) -> tuple[int, list[int], list[int]]:
    from kg.extract.article import extract

    n, ents, where = task
    docs, base, deps = _STATE["docs"], _STATE["base"], _STATE["deps"]
    changes, graph = [], []
    with without(*ents, deps=deps):
        for d in where:
            g, rest = signature(extract(docs[d].article))
            if (g, rest) != base[d]:
                changes.append(d)
                if g != base[d][0]:
                    graph.append(d)
    return n, changes, graph


def _where(docs: list[Doc], ents: Iterable[Entry], exhaustive: bool) -> tuple[int, ...]:
    texts = [t for e in ents for t in e.texts]
    return tuple(j for j, d in enumerate(docs) if exhaustive or any(t in d.norm for t in texts))


def run_ablations(docs: list[Doc], groups: list[tuple[Entry, ...]], jobs: int = 1, exhaustive: bool = False,
                  progress: Callable[[int, int], None] | None = None) -> list[tuple[list[str], list[str]]]:
    """For each group of entries removed together: (the articles whose output changes, those whose
    entities or relations change). Only the articles holding one of the entries are run (the
    others read the same without them), unless exhaustive."""
    from kg.extract.article import extract

    for d in docs:  # every module imported and every cache filled before the caches are measured
        extract(d.article)
    deps = cache_dependencies()
    base = [signature(extract(d.article)) for d in docs]
    tasks: list[Task] = [(n, g, w) for n, g in enumerate(groups) if (w := _where(docs, g, exhaustive))]
    tasks.sort(key=lambda t: (-len(t[2]), t[0]))  # the longest first: the pool ends together
    _STATE.update(docs=docs, base=base, deps=deps)
    try:
        if jobs > 1 and len(tasks) > 1:
            with multiprocessing.get_context("fork").Pool(jobs) as pool:
                results = list(_progress(pool.imap_unordered(_ablate, tasks), len(tasks), progress))
        else:
            results = list(_progress(map(_ablate, tasks), len(tasks), progress))
    finally:
        _STATE.clear()
    out: list[tuple[list[str], list[str]]] = [([], []) for _ in groups]
    for n, changes, graph in results:
        out[n] = ([docs[d].label for d in sorted(changes)], [docs[d].label for d in sorted(graph)])
    return out


def ablate(docs: list[Doc], ents: list[Entry], jobs: int = 1, exhaustive: bool = False,
           progress: Callable[[int, int], None] | None = None) -> list[Usage]:
    """Each entry removed alone."""
    res = run_ablations(docs, [(e,) for e in ents], jobs, exhaustive, progress)
    return [Usage(e, occurs=[d.label for d in docs if any(t in d.norm for t in e.texts)], changes=c, graph=g)
            for e, (c, g) in zip(ents, res)]


def together(docs: list[Doc], usages: list[Usage], jobs: int = 1, exhaustive: bool = False) -> dict[str, dict[str, Any]]:
    """Each file's NONE entries removed all at once: entries that each change nothing alone may
    still stand in for one another (two words that end the same names), so what pruning them all
    would change."""
    files = sorted({u.entry.file for u in usages if u.flag == "NONE"})
    groups = [tuple(u.entry for u in usages if u.entry.file == f and u.flag == "NONE") for f in files]
    res = run_ablations(docs, groups, jobs, exhaustive)
    return {f: {"entries": len(g), "changes": c, "graph": gr} for f, g, (c, gr) in zip(files, groups, res)}


def _progress(it: Iterable, total: int, progress: Callable[[int, int], None] | None) -> Iterator:
    for n, x in enumerate(it, 1):
        if progress:
            progress(n, total)
        yield x


# --------------------------------------------------------------------------------- named rules

def named_rules() -> list[tuple[str, str]]:
    """(rule, kind): the rule="..." names written in kg/extract/mentions, and the suffix strengths."""
    src = "\n".join(p.read_text(encoding="utf-8") for p in sorted((DATA.parent / "extract" / "mentions").glob("*.py")))
    out = [(r, "rule") for r in sorted(set(re.findall(r"""rule=["']([\w-]+)["']""", src)))]
    strengths = sorted({r["strength"] for r in resources.table("org_suffixes.tsv")} - {r for r, _ in out})
    return out + [(s, "suffix strength") for s in strengths]


@dataclass
class RuleUsage:
    rule: str
    kind: str
    found: list[str] = field(default_factory=list)  # articles where it finds a mention
    kept: list[str] = field(default_factory=list)  # ... and one survives into the result
    mentions: int = 0  # mentions kept, all articles

    @property
    def flag(self) -> str:
        return {0: "NONE", 1: "ONE"}.get(len(self.kept), "")


def rule_usage(docs: list[Doc]) -> list[RuleUsage]:
    """Each named rule's mentions: found by the park/company/project finder, kept in the result
    (the mentions of the entities the article's result holds)."""
    import kg.extract.article as article_mod

    rules = {r: RuleUsage(r, k) for r, k in named_rules()}
    found: set[str] = set()
    kept: list[Any] = []
    real_find, real_ids = article_mod.find_orgs, article_mod.identity_keys

    def find_orgs(*args):
        out = real_find(*args)
        found.update(m.rule for m in out)
        return out

    def identity_keys(ctx, links, *rest):
        ids = real_ids(ctx, links, *rest)
        kept.extend(m for h, r in ctx.entities.items() if h in ids for m in r.mentions)
        return ids

    article_mod.find_orgs, article_mod.identity_keys = find_orgs, identity_keys
    try:
        for d in docs:
            found.clear()
            kept.clear()
            article_mod.extract(d.article)
            for r in sorted(found - {""}):
                rules.setdefault(r, RuleUsage(r, "unlisted")).found.append(d.label)
            for r in sorted({m.rule for m in kept} - {""}):
                rules.setdefault(r, RuleUsage(r, "unlisted")).kept.append(d.label)
            for m in kept:
                if m.rule:
                    rules[m.rule].mentions += 1
    finally:
        article_mod.find_orgs, article_mod.identity_keys = real_find, real_ids
    return list(rules.values())


# ---------------------------------------------------------------------------------- summaries

def summaries(docs: list[Doc]) -> dict[str, dict[str, Any]]:
    norms = [d.norm for d in docs]
    out: dict[str, dict[str, Any]] = {}
    rows = resources.table("gazetteer.tsv")
    names = {n for r in rows for n in (r["name"], r["short"] or "") if len(n) >= 2}
    in_text = {n for n in names if any(n in t for t in norms)}
    occurring_rows = [r for r in rows if r["name"] in in_text or (r["short"] or "") in in_text]
    by_level: dict[str, list[int]] = {}
    for r in rows:
        by_level.setdefault(r["level"], [0, 0])[0] += 1
    for r in occurring_rows:
        by_level[r["level"]][1] += 1
    out["gazetteer.tsv"] = {
        "rows": len(rows), "rows_occurring": len(occurring_rows),
        "by_level": {lv: {"rows": n, "occurring": k} for lv, (n, k) in sorted(by_level.items())},
        "articles_with_a_name": sum(any(n in t for n in in_text) for t in norms),
    }
    user = [ln.split()[0] for ln in resources.text("data", "jieba_user.txt").splitlines()
            if ln.strip() and not ln.startswith("#")]
    out["jieba_user.txt"] = {
        "entries": len(user),
        "occurs": {w: sum(w in t for t in norms) for w in user},
    }
    return out


# ------------------------------------------------------------------------------------- output

def _table(usages: list[Usage], only_flagged: bool, joint: dict[str, dict[str, Any]]) -> list[str]:
    lines = []
    for name in sorted({u.entry.file for u in usages}):
        us = [u for u in usages if u.entry.file == name]
        n_none = sum(u.flag == "NONE" for u in us)
        n_one = sum(u.flag == "ONE" for u in us)
        n_occ = sum(bool(u.occurs) for u in us)
        lines.append(f"== {name}: {len(us)} entries, {n_occ} occur, NONE {n_none} "
                     f"({n_none - sum(u.flag == 'NONE' and bool(u.occurs) for u in us)} never in the text), ONE {n_one}")
        if name in joint:
            j = joint[name]
            lines.append(f"   the {j['entries']} NONE entries removed together change {len(j['changes'])} articles"
                         + (f" ({len(j['graph'])} in entities or relations): {' '.join(j['changes'])}" if j["changes"] else ""))
        lines.append(f"  {'entry':<16}{'occurs':>7}{'changes':>8}{'graph':>6}  flag")
        for u in us:
            if only_flagged and not u.flag:
                continue
            where = f"  {u.changes[0]}" if u.flag == "ONE" else ""
            lines.append(f"  {_pad(u.entry.key, 16)}{len(u.occurs):>7}{len(u.changes):>8}{len(u.graph):>6}  "
                         f"{u.flag:<4}{where}")
    return lines


def _pad(s: str, width: int) -> str:
    """Left-justify by display width (a Han character takes two columns)."""
    w = sum(2 if ord(c) > 0x2E80 else 1 for c in s)
    return s + " " * max(1, width - w)


def _rules_table(rules: list[RuleUsage]) -> list[str]:
    lines = ["== named rules (Mention.rule)", f"  {'rule':<16}{'kind':<17}{'found':>6}{'kept':>6}{'mentions':>9}  flag"]
    for r in rules:
        where = f"  {r.kept[0]}" if r.flag == "ONE" else ""
        lines.append(f"  {r.rule:<16}{r.kind:<17}{len(r.found):>6}{len(r.kept):>6}{r.mentions:>9}  {r.flag:<4}{where}")
    return lines


def _summary_lines(s: dict[str, dict[str, Any]]) -> list[str]:
    g, j = s["gazetteer.tsv"], s["jieba_user.txt"]
    lines = [f"== gazetteer.tsv (summarised): {g['rows']} rows, {g['rows_occurring']} with a name or short form "
             f"in the text; {g['articles_with_a_name']} articles hold one"]
    lines += [f"  {lv:<12}{v['rows']:>7} rows {v['occurring']:>6} occurring" for lv, v in g["by_level"].items()]
    never = [w for w, n in j["occurs"].items() if not n]
    lines.append(f"== jieba_user.txt (summarised, not ablated): {j['entries']} entries, "
                 f"{j['entries'] - len(never)} occur; never in the text: {' '.join(never) or '-'}")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="*", help=f"article folders (default: {' '.join(DEFAULT_INPUTS)})")
    ap.add_argument("--data", nargs="+", metavar="FILE", help="only these data files (names in kg/data)")
    ap.add_argument("--json", action="store_true", help="machine output")
    ap.add_argument("-j", "--jobs", type=int, default=1, help="worker processes for the ablations")
    ap.add_argument("--exhaustive", action="store_true", help="ablate on every article, not only where the entry occurs")
    ap.add_argument("--flagged", action="store_true", help="table: only the entries flagged NONE or ONE")
    ap.add_argument("--no-rules", action="store_true", help="skip named rules and the summaries")
    args = ap.parse_args(argv)

    def say(msg: str) -> None:
        print(msg, file=sys.stderr)

    t0 = time.monotonic()
    files = lexicon_files()
    if args.data:
        unknown = [f for f in args.data if f not in files]
        if unknown:
            ap.error(f"not a word-list lexicon of kg/data: {' '.join(unknown)} (one of: {' '.join(files)})")
        files = [f for f in files if f in args.data]
    docs = read_inputs(args.inputs or DEFAULT_INPUTS, say)
    if not docs:
        say("no articles")
        return 1
    ents = [e for f in files for e in entries(f)]
    say(f"{len(docs)} articles, {len(ents)} entries of {len(files)} files")

    def progress(n: int, total: int) -> None:
        if not args.json and sys.stderr.isatty() and (n % 20 == 0 or n == total):
            print(f"\r  ablated {n}/{total}", end="\n" if n == total else "", file=sys.stderr)

    usages = ablate(docs, ents, jobs=args.jobs, exhaustive=args.exhaustive, progress=progress)
    joint = together(docs, usages, jobs=args.jobs, exhaustive=args.exhaustive)
    rules = [] if args.no_rules else rule_usage(docs)
    summ = {} if args.no_rules else summaries(docs)
    seconds = round(time.monotonic() - t0, 1)
    if args.json:
        out = {
            "articles": [d.label for d in docs], "seconds": seconds,
            "files": {f: [{"entry": u.entry.key, "line": u.entry.line, "occurs": len(u.occurs),
                           "changes": len(u.changes), "graph": len(u.graph), "flag": u.flag,
                           "changed_in": u.changes} for u in usages if u.entry.file == f] for f in files},
            "none_removed_together": joint,
            "rules": [{"rule": r.rule, "kind": r.kind, "found": len(r.found), "kept": len(r.kept),
                       "mentions": r.mentions, "flag": r.flag, "kept_in": r.kept} for r in rules],
            "summaries": summ,
        }
        print(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        lines = _table(usages, args.flagged, joint)
        if rules:
            lines += _rules_table(rules)
        if summ:
            lines += _summary_lines(summ)
        lines.append(f"{len(docs)} articles, {len(ents)} entries, {seconds} s")
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
