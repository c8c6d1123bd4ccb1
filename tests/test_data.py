"""The lexicons of kg/data: each file is read by the package, well formed, and what it says is
what the extractors find (a word added to a file is found; a word the file lacks is not).

The behaviour tests edit a data file as the package reads it (kg.resources.text) and clear
every cache built from the data, so they go through the same loaders as a run."""
from __future__ import annotations

import re
import functools
import sys
from pathlib import Path

import pytest

import kg.resources as resources
from kg.io.normalize import normalize

DATA = Path(resources.__file__).parent / "data"
PACKAGE = Path(resources.__file__).parent
FILES = sorted(p for p in DATA.iterdir() if p.suffix in (".txt", ".tsv"))


def _source() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py"))


def _rows(path: Path) -> list[str]:
    return [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_data_file_is_read_by_the_package(path):
    assert re.search(rf"[\"']{re.escape(path.name)}[\"']", _source()), f"no module reads {path.name}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_data_file_says_what_it_is(path):
    assert path.read_text(encoding="utf-8").startswith("# "), f"{path.name} has no comment at the top"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_data_files_have_no_stray_white_space_or_duplicates(path):
    rows = _rows(path)
    assert rows, f"{path.name} is empty"
    for ln in rows:  # a tab at the end is an empty last field (gazetteer.tsv's short)
        assert ln == ln.strip(" \u3000") and not ln.startswith("\t"), f"{path.name}: white space around {ln!r}"
    if path.suffix == ".tsv":
        header, body = rows[0].split("\t"), [r.split("\t") for r in rows[1:]]
        assert len(header) >= 2 and all(h and h == h.strip() for h in header), f"{path.name}: no header"
        for r in body:
            assert len(r) == len(header), f"{path.name}: {r} does not have the columns {header}"
            assert all(f == f.strip() and f for f in r[:1]), f"{path.name}: white space in {r}"
            assert all(f == f.strip() for f in r), f"{path.name}: white space in {r}"
        keys = [r[0] for r in body]
    else:
        keys = rows
    dups = sorted({k for k in keys if keys.count(k) > 1}) if len(keys) < 5000 else _dups(keys)
    assert not dups, f"{path.name}: {dups} twice"


def _dups(keys: list[str]) -> list[str]:
    seen: set[str] = set()
    return sorted({k for k in keys if k in seen or seen.add(k)})  # type: ignore[func-returns-value]


def test_yes_no_columns_say_yes_or_no():
    for name in ("levels.tsv", "capacity.tsv"):
        header = _rows(DATA / name)[0].split("\t")
        for r in resources.table(name):
            for col in header:
                if col in ("stem", "autonomous", "short_keeps", "deixis", "qualifier", "township"):
                    assert r[col] in ("yes", "no"), (name, r)


def test_lists_matched_in_file_order_are_matched_longest_first_too():
    """Where a lexicon is an alternation, no word is a prefix of another one tried before it."""
    from kg.extract.gazetteer import level_suffixes, qualifiers

    for ws in (level_suffixes(), qualifiers()):
        for i, w in enumerate(ws):
            assert not any(v.endswith(w) and v != w for v in ws[i + 1 :])  # a suffix tried after
            assert not any(v.startswith(w) and v != w for v in ws[i + 1 :])


# ---------------------------------------------------------------- a data file changes what is found

def _clear_caches() -> None:
    for name, mod in list(sys.modules.items()):
        if name == "kg" or name.startswith("kg."):
            for obj in list(vars(mod).values()):
                # lru_cache wrappers only (getattr on rdflib's namespaces would make terms of any name)
                if isinstance(obj, functools._lru_cache_wrapper) and getattr(obj, "__module__", "") == name:
                    obj.cache_clear()


@pytest.fixture
def edit_data(monkeypatch):
    """edit_data(name, change): the package reads change(text) for the data file name."""
    real = resources.text

    def edit(name: str, change) -> None:
        def text(package: str, file: str) -> str:
            body = real(package, file)
            return change(body) if (package, file) == ("data", name) else body

        monkeypatch.setattr(resources, "text", text)
        _clear_caches()

    yield edit
    monkeypatch.undo()
    _clear_caches()


def _regions(s: str) -> list[str]:
    from kg.extract.mentions.regions import find_regions

    return [m.surface for m in find_regions(normalize(s))]


def test_a_deixis_prefix_added_is_a_region_mention(edit_data):
    assert _regions("此市经济稳中向好,全市上下") == ["全市"]
    edit_data("deixis.txt", lambda t: t + "此\n")
    assert _regions("此市经济稳中向好,全市上下") == ["此市", "全市"]


def test_a_level_word_marked_deixis_is_a_region_mention(edit_data):
    assert _regions("全乡上下齐心") == []
    edit_data("levels.tsv", lambda t: t.replace("\n乡\tno\tno\tno\tno\t", "\n乡\tno\tno\tno\tyes\t"))
    assert _regions("全乡上下齐心") == ["全乡"]


def test_a_level_suffix_added_gives_short_forms(edit_data):
    from kg.extract.gazetteer import stem

    assert stem("宁德市") == "宁德" and stem("城关镇") == "城关镇"
    edit_data("levels.tsv", lambda t: t.replace("镇\tno\t", "镇\tyes\t"))
    assert stem("城关镇") == "城关"


def test_an_enumeration_head_added_types_the_list(edit_data):
    from kg.extract.mentions.orgs import _enum_heads, _enum_rx

    text = "华光科创、星河智造等两家厂家"
    assert _enum_rx().search(text) is None
    edit_data("enum_heads.tsv", lambda t: t + "厂家\tCompany\n")
    m = _enum_rx().search(text)
    assert m is not None and m.group("head") == "厂家" and _enum_heads()["厂家"] == "Company"


def test_a_capacity_word_added_gives_a_period(edit_data):
    from kg.extract.facts import quantities

    assert [(q.per, q.value) for q in quantities("年运输300万吨")] == [("", 3000000)]
    edit_data("capacity.tsv", lambda t: t + "年运输\tyear\tno\n")
    assert [(q.per, q.value) for q in quantities("年运输300万吨")] == [("year", 3000000)]


def test_a_multiplier_added_scales_a_figure(edit_data):
    from kg.extract.facts import quantities

    assert quantities("投资3兆元") == []  # 兆 is no number word: no figure
    edit_data("multipliers.tsv", lambda t: t + "兆\t1e12\n")
    assert [(q.value, q.unit) for q in quantities("投资3兆元")] == [(3 * 10**12, "CNY")]


def test_a_credit_role_added_is_a_byline(edit_data):
    from kg.io.metadata import credits

    assert credits("摄制:张三 记者 李四") == [("reporter", "记者", "李四")]
    edit_data("credit_roles.tsv", lambda t: t + "摄制\tcontributor\n")
    assert credits("摄制:张三 记者 李四") == [("contributor", "摄制", "张三"), ("reporter", "记者", "李四")]


def test_a_legal_form_decides_a_company_core(edit_data):
    from kg.extract.resolve import company_core, registered_forms

    assert company_core("东宇商贸控股集团") == "东宇商贸控股"  # 控股集团 is kept: only 集团 is cut
    assert "有限公司" in registered_forms() and "集团" not in registered_forms()
    edit_data("org_suffixes.tsv", lambda t: t.replace("控股集团\tCompany\tlegal\t-", "控股集团\tCompany\tlegal\tform"))
    assert company_core("东宇商贸控股集团") == "东宇商贸"


def test_a_relation_cue_added_is_found(edit_data):
    from kg.extract.relations import _cue

    assert _cue("hosts").search("园区进驻华光科创") is None
    edit_data("relation_cues.tsv", lambda t: t + "进驻\thosts\n")
    assert _cue("hosts").search("园区进驻华光科创") is not None


def test_an_everyday_word_keeps_a_level_character_from_qualifying_a_body(edit_data):
    from kg.extract.mentions.agencies import _qualifier

    # 鑫市 is no word jieba knows: 市 before 政府 is the level of the body, until the word is listed
    norm = "鑫市政府"
    start, region = _qualifier(norm, 2, {})
    assert (start, region is not None) == (1, True)
    edit_data("levels.tsv", lambda t: t.replace("\t城市|都市\n", "\t城市|都市|鑫市\n"))
    assert _qualifier(norm, 2, {}) == (2, None)


def test_no_data_file_holds_a_merge_conflict():
    # the loaders skip lines they cannot read: a conflict left in a lexicon would pass unseen
    data = Path(resources.__file__).parent / "data"
    marked = [f"{p.name}:{i}" for p in sorted(data.rglob("*")) if p.is_file() and p.suffix in (".txt", ".tsv")
              for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
              if line.startswith(("<<<<<<< ", ">>>>>>> ")) or line == "======="]
    assert not marked
