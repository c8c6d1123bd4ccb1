"""The fast paths of extraction give what the plain way gives.

Each fast path here (an automaton instead of a regex per word, a whole-text scan instead of one
per chunk, a prefilter before an expensive check, marshalled results) is checked against a plain
reference written in this file, on the fixture articles and on generated text.
"""
from __future__ import annotations

import re
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, article

from kg.extract.article import extract
from kg.extract.gazetteer import load
from kg.corpus.codec import decode_result, encode_result
from kg.io.read import ReadError, read_all

FIXTURE_TEXTS = [a.text for a in read_all([str(FIXTURES)]) if not isinstance(a, ReadError)]


def leftmost_longest(text: str, names) -> list[tuple[int, int, str]]:
    """The plain way: at each position the longest name, then on after it."""
    names = set(names)
    longest = max(map(len, names), default=0)
    out, i = [], 0
    while i < len(text):
        hit = next((text[i : i + n] for n in range(min(longest, len(text) - i), 0, -1) if text[i : i + n] in names), None)
        if hit:
            out.append((i, i + len(hit), hit))
            i += len(hit)
        else:
            i += 1
    return out


# ---------------------------------------------------------------- gazetteer names

def test_region_scan_is_leftmost_longest():
    from kg.extract.mentions.regions import _index

    index = _index(load())
    for text in FIXTURE_TEXTS:
        assert index.scan(text) == leftmost_longest(text, index.names)


def test_town_matches_equal_an_automaton_of_the_counties_townships():
    from kg.extract.gazetteer import town_suffixes
    from kg.extract.mentions.regions import _town_matches

    TOWN_SUFFIXES = town_suffixes()

    gaz = load()
    # a county with several townships, and a text naming them back to back and inside others
    county = next(c for c, kids in gaz.children.items()
                  if gaz.get(c) and gaz.get(c).level == "county"
                  and sum(gaz.get(t).name.endswith(TOWN_SUFFIXES) for t in kids) >= 3)
    towns = [gaz.get(t).name for t in gaz.children[county] if gaz.get(t).name.endswith(TOWN_SUFFIXES)][:3]
    text = f"{towns[0]}{towns[1]}和{towns[2]}以及{towns[0][:-1]}"
    names = {gaz.get(t).name for t in gaz.children[county] if gaz.get(t).name.endswith(TOWN_SUFFIXES) and len(gaz.get(t).name) >= 3}
    want = leftmost_longest(text, names)
    got = [(s, e, n) for s, e, n, _ in _town_matches(text, gaz, {county})]
    assert got == want and len(got) == 3
    assert _town_matches(text, gaz, set()) == []  # no county named: no township


# ---------------------------------------------------------------- org suffixes

def test_suffix_matches_equal_a_regex_per_suffix():
    from kg.extract.mentions.names import suffixes as _suffixes
    from kg.extract.mentions.orgs import suffix_matches

    def plain(norm):
        return [(rank, m.start(), m.end()) for rank, (suf, _, _) in enumerate(_suffixes())
                for m in re.finditer(re.escape(suf), norm)]

    for text in FIXTURE_TEXTS + ["高新技术产业开发区产业园区园区工业园工业园区二期项目项目"]:
        assert suffix_matches(text) == plain(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["产业园", "园区", "工业园区", "公司", "集团有限公司", "项目", "二期", "区", "甲", "，"]), max_size=12))
def test_suffix_matches_on_runs_of_suffixes(parts):
    from kg.extract.mentions.names import suffixes as _suffixes
    from kg.extract.mentions.orgs import suffix_matches

    text = "".join(parts)
    plain = [(rank, m.start(), m.end()) for rank, (suf, _, _) in enumerate(_suffixes()) for m in re.finditer(re.escape(suf), text)]
    assert suffix_matches(text) == plain


def test_inner_park_cut_equals_rfind_per_suffix():
    from kg.extract.mentions.names import suffixes as _suffixes
    from kg.extract.mentions.orgs import _after_inner_park

    def plain(stem):
        best = 0
        for suf, typ, _ in _suffixes():
            if typ == "IndustrialPark":
                i = stem.rfind(suf)
                if i >= 0 and i + len(suf) < len(stem):
                    best = max(best, i + len(suf))
        return best

    for stem in ["仙城工业园智能制造", "高新区产业园", "园区", "经济开发区再添新", "", "工业园区工业园光伏"]:
        assert _after_inner_park(stem, 0, len(stem)) == plain(stem)


# ---------------------------------------------------------------- normalisation

@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ＡＢ１２，。：（）！　abc产業發展 \n")), max_size=40))
def test_fold_width_equals_translate(s):
    from kg.io.normalize import fold_width

    table = {o: o - 0xFEE0 for o in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
    assert fold_width(s) == s.translate(table)


def _chunkwise(s: str) -> str:
    from kg.io.normalize import _converter

    conv = _converter().convert
    out = []
    for chunk in re.split(r"([\s\W]+)", s):
        c = conv(chunk)
        out.append(c if len(c) == len(chunk) else "".join(conv(ch) if len(conv(ch)) == 1 else ch for ch in chunk))
    return "".join(out)


def test_to_simplified_whole_text_equals_chunk_by_chunk():
    from kg.io.normalize import to_simplified

    trad = [t for t in FIXTURE_TEXTS if to_simplified(t) != t]
    assert trad, "the fixtures hold a traditional article"
    for t in FIXTURE_TEXTS + ["發展產業，經濟開發區；臺灣、乾隆與著名的後臺"]:
        assert to_simplified(t) == _chunkwise(t)
        assert len(to_simplified(t)) == len(t)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["發展", "產業", "园区", "經濟", "乾隆", "，", "。", " ", "\n", "后臺", "A1"]), max_size=15))
def test_to_simplified_on_generated_text(parts):
    from kg.io.normalize import to_simplified

    s = "".join(parts)
    assert to_simplified(s) == _chunkwise(s)


def _mojibake(s: str) -> str:
    return s.encode("utf-8").decode("gbk", errors="replace")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["产业发展", "工业园区", "投资", "项目建设", "，", "的", "招商引资", "重点项目"]), min_size=1, max_size=8),
       st.booleans())
def test_gbk_candidates_keep_every_run_that_repairs(parts, broken):
    """The prefilter drops only runs _fix_gbk cannot repair."""
    from kg.io.normalize import _HAN_RUN_CHARS, _fix_gbk, _gbk_candidates

    runs = re.compile(rf"[{_HAN_RUN_CHARS}]{{4,}}")  # every run, as repair() once checked them all
    plain = "".join(parts)
    text = "据报道" + (_mojibake(plain) if broken else plain) + "。"
    repairable = {m.span() for m in runs.finditer(text) if _fix_gbk(m.group()) is not None}
    kept = {m.span() for m in _gbk_candidates().finditer(text)}
    assert repairable <= kept


def test_mojibake_still_repaired():
    from kg.io.normalize import normalize

    # these words' UTF-8 bytes read as GBK make whole characters (others leave a half at the end)
    t = normalize("园区内：" + _mojibake("产业发展招商引资重点项目") + "。")
    assert t.norm == "园区内:产业发展招商引资重点项目。" and t.repaired == 1


# ---------------------------------------------------------------- the dictionary

def test_word_info_equals_jieba():
    import jieba
    import jieba.posseg
    from importlib.resources import files

    from kg.extract.segment import word_info

    jieba.initialize()
    with files("kg.data").joinpath("jieba_user.txt").open("rb") as f:
        jieba.load_userdict(f)
    tags = jieba.posseg.dt.word_tag_tab
    words = ["中国", "产业园", "工业园区", "碳中和", "碳中", "保定", "来宾", "互助", "发展", "的", "王老吉", "不是一个词"]
    words += [t[i : i + n] for t in FIXTURE_TEXTS[:3] for i in range(0, len(t), 7) for n in (2, 3)]
    for w in words:
        assert word_info(w) == ((jieba.get_FREQ(w) or 0), tags.get(w)), w


# ---------------------------------------------------------------- results as bytes

def test_results_round_trip_through_their_bytes():
    results = [extract(article(t)) for t in FIXTURE_TEXTS]
    results.append(extract(article("乌拉特前旗今年工业园区计划完成投资3至5亿元，同比增长12.5%。")))
    assert any(f.quantity and f.quantity.low is not None for r in results for f in r.figures)
    for r in results:
        back = decode_result(encode_result(r))
        assert back == r
        assert all(isinstance(f.quantity.value or f.quantity.low, Decimal) for f in back.figures if f.quantity)


def test_a_batch_file_holds_each_result_where_it_says(tmp_path):
    from kg.corpus.cache import write_results
    from kg.corpus.codec import pack, unpack

    results = [extract(article(t)) for t in FIXTURE_TEXTS[:4]]
    packed = [pack(r) for r in results]
    on_disk = write_results(packed, str(tmp_path))
    assert len({p.file for p in on_disk}) == 1 and all(p.blob is None for p in on_disk)
    assert [unpack(p) for p in on_disk] == results
    assert list(tmp_path.iterdir()) == [tmp_path / on_disk[0].file.rsplit("/", 1)[1]]  # no temporary left
