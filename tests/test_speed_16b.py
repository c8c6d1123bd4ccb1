"""Fast paths of the 16b speed round give what the plain way gives: each is checked against a
plain reference written here, on invented sentences and generated text."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.gazetteer import load
from kg.io.normalize import normalize


# ---------------------------------------------------------------- normalisation

PUNCT = [chr(c) for c in range(0x2013, 0x2027)]  # dashes, quotes, daggers, bullet, ellipsis


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(PUNCT), min_size=3, max_size=12))
def test_a_run_of_punctuation_is_no_mojibake_for_ftfy_either(run):
    """repair() skips runs of dashes, quotes and ellipses: ftfy finds no Han in one either."""
    from kg.io.normalize import LATIN_RUN, PUNCT_RUN, _fix_latin

    assert LATIN_RUN.fullmatch(run) and PUNCT_RUN.fullmatch(run)
    assert _fix_latin(run) is None


def test_text_with_punctuation_runs_is_kept_and_latin_mojibake_still_repaired():
    from kg.io.normalize import normalize

    plain = "张家港市——新材料产业园……“明年投产”"
    assert normalize(plain).norm == plain and normalize(plain).repaired == 0
    broken = "据悉，" + "产业园".encode("utf-8").decode("latin-1") + "——开工。"
    t = normalize(broken)
    assert t.norm == "据悉,产业园——开工。" and t.repaired == 1


_SUSPECT = ["?", "α", "Ж", "\ufffd", "\ue123", "产", "业", "a", ")", "(", "é"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_SUSPECT), max_size=20))
def test_suspicious_count_equals_findall(parts):
    from kg.io.normalize import SUSPICIOUS, _suspicious

    s = "".join(parts)
    assert _suspicious(s) == len(SUSPICIOUS.findall(s))


# ---------------------------------------------------------------- region names at a position

# invented sentences, real places: names inside words, back to back, at the text's end
PLACE_TEXTS = [
    "和龙门县政府签约，来自贡觉县的客商考察了宁德市七都镇和蕉城区",
    "宁德市七都镇",
    "海东市巴州镇的新材料项目落户湖南省长沙市望城区",
    "广西壮族自治区来宾市兴宾区凤凰镇",
    "张家港市",
    "",
]


def test_longest_name_at_a_position_equals_a_scan_of_the_window():
    from kg.extract.mentions.regions import MAX_LEN, _index

    index = _index(load())
    for text in PLACE_TEXTS:
        for i in range(len(text) + 1):
            y = index.scan(text[i : i + MAX_LEN])[:1]
            plain = y[0][2] if y and y[0][0] == 0 else None
            assert index.longest_at(text, i) == plain, (text, i)


def test_township_lengths_hold_every_township_name_at_a_position():
    from kg.extract.mentions.regions import MAX_LEN, _town_after, _town_lengths, _towns

    gaz = load()
    index, lengths = _towns(gaz)[0], _town_lengths(gaz)
    for text in PLACE_TEXTS:
        for i in range(len(text) + 1):
            found = {k for k in range(3, MAX_LEN + 1) if i + k <= len(text) and text[i : i + k] in index}
            assert found <= set(lengths.get(text[i : i + 2], ()))
            plain = {gaz.by_code[c].parent for k in range(3, MAX_LEN + 1) for c in index.get(text[i : i + k], ())}
            assert _town_after(text, i, gaz) == plain


def test_township_after_a_city_found_as_before():
    from kg.model import Text
    from kg.extract.mentions.regions import find_regions

    for text in ("宁德市七都镇新建一座工厂。", "项目位于宁德市七都镇和三都镇。"):
        t = normalize(text)
        assert isinstance(t, Text)
        got = {(m.surface, m.start, m.end) for m in find_regions(t)}
        k = text.index("七都镇")
        assert ("七都镇", k, k + 3) in got


def test_chain_is_the_division_and_its_ancestors():
    gaz = load()
    for code in sorted(gaz.by_code)[:: max(1, len(gaz.by_code) // 200)]:
        assert gaz.chain(code) == [gaz.by_code[code], *gaz.ancestors(code)]
        assert gaz.depth_below(code, {a.code for a in gaz.ancestors(code)[1:2]}) in (0, 2)
    assert gaz.chain("no such code") == []


def test_spans_of_nothing():
    from kg.extract.mentions.regions import Spans

    none = Spans(iter(()))
    assert not none.overlaps(0, 5) and not none.covers(1, 2) and not none.holds(1, 2)


def test_prefecture_levels_as_asked_of_every_prefecture():
    from kg.extract.gazetteer import deixis_words, fits_level, level_suffixes
    from kg.extract.mentions.regions import _level_bodies, _prefecture_levels

    gaz = load()
    ws = {*deixis_words(), *level_suffixes(), *_level_bodies().values()}
    prefectures = [d for d in gaz.by_code.values() if d.level == "prefecture"]
    assert _prefecture_levels(gaz) == frozenset(w for w in ws if any(fits_level(w, d) for d in prefectures))


# ---------------------------------------------------------------- parks' places, titles

def test_park_place_kept_whole_as_asked_by_length():
    from kg.extract.mentions.orgs import _place_kept_whole, place_form_len

    def plain(norm, start, s, floors, known):
        import bisect

        for k in range(min(8, s), 1, -1):
            a = s - k
            if a >= start:
                break
            if place_form_len(norm[a:s], known) == k:
                lo = bisect.bisect_right(floors, a)
                if lo < len(floors) and floors[lo] <= start:
                    continue
                return a
        return start

    texts = ["在兴化经济开发区投资", "莲都工业园区新建厂房", "永城市产业集聚区", "宁德市蕉城区七都镇工业园"]
    for norm in texts:
        for s in range(len(norm) + 1):
            for start in range(s + 1):
                for floors in ([], [max(0, s - 3)]):
                    for known in (set(), {"蕉城区", "七都镇"}):
                        assert _place_kept_whole(norm, start, s, floors, known) == plain(norm, start, s, floors, known)


def _plain_title(norm: str) -> str:
    import re

    from kg.io.metadata import DATE, TITLE_LINE

    m = TITLE_LINE.search(norm[:2000])
    if m:
        return m.group(1).strip(" |")
    for line in norm.splitlines()[:8]:
        line = line.strip(" |>\t")
        han = sum("\u4e00" <= ch <= "\u9fff" for ch in line)
        if han < 8 or ">" in line or line.startswith(("来源", "作者", "当前位置", "时间", "发布")):
            continue
        if len(line) > 80 or line.endswith("。"):
            break
        if re.search(r"记者\s*[\u4e00-\u9fff]{2,3}\s*(?:报道|摄)?\s*$", line) or DATE.match(line):
            continue
        return line[:120]
    return ""


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["标题:", "题目:", "张家港新材料产业园开工建设", "记者 王小明", "\n", " ",
                                 "2023年5月6日", "来源:某某网", "。", ">", "项目", "ab"]), max_size=12))
def test_title_as_the_plain_way(parts):
    from kg.io.metadata import article_title

    text = "".join(parts)
    assert article_title(text) == _plain_title(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 8)), max_size=10), st.integers(0, 38), st.integers(0, 6))
def test_spans_answer_as_any_over_them(raw, s, width):
    from kg.extract.mentions.regions import Spans

    pairs = [(a, a + n) for a, n in raw]
    e = s + width
    spans = Spans(iter(pairs))
    assert spans.overlaps(s, e) == any(a < e and s < b for a, b in pairs)
    assert spans.covers(s, e) == any(a <= s and e <= b for a, b in pairs)
    assert spans.holds(s, e) == any(a <= s and e <= b and (a, b) != (s, e) for a, b in pairs)


def test_word_info_of_words_and_of_none():
    from kg.extract.segment import _lexicon, word_info

    for w in ("发展", "产业园", "宁德", "不是一个词", ""):
        assert word_info(w) == _lexicon().get(w, (0, None))


# ---------------------------------------------------------------- figures

_FIGURE_PARTS = ["2023", "年", "1", "0", ",", "000", ".5", "万", "亿", "吨", "千瓦", "千", "三", "十", "五", "点", "二",
                 "年产", "日产", "—", "-", "至", " ", "\n", "元", "%", "项目", "个", "一步", "统一", "GW", "5G", "月"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_FIGURE_PARTS), max_size=16), st.integers(0, 3))
def test_quantity_matches_equal_finditer(parts, pos):
    from kg.extract.facts import _quantity_matches, _quantity_rx

    text = "".join(parts)
    pos = min(pos, len(text))
    got = [(m.start(), m.end(), m.group(0)) for m in _quantity_matches(text, pos)]
    assert got == [(m.start(), m.end(), m.group(0)) for m in _quantity_rx().finditer(text, pos)]


def test_periods_of_sentences_with_and_without_period_words():
    from kg.extract.facts import periods

    got = [(p.label, p.year, p.m1, p.m2, p.since) for p in periods("今年以来,上半年产值较去年同期增长,前三季度和2022年1-10月", "2023-05-06")]
    # a year's word and the months right after it are one period (今年以来,上半年)
    assert got == [("今年以来上半年", 2023, 1, 6, False), ("前三季度", 2023, 1, 9, False),
                   ("2022年1-10月", 2022, 1, 10, False)]
    assert periods("新材料产业园开工", "2023-05-06") == []


def test_places_within_a_span_asked_twice_answer_alike():
    from kg.extract.mentions.orgs import _Places
    from kg.extract.mentions.regions import find_regions

    t = normalize("宁德市蕉城区七都镇新建工业园,福建省古田县投资")
    places = _Places(find_regions(t))
    first = [places.within(s, e) for s in range(len(t.norm)) for e in range(s, len(t.norm) + 1)]
    assert first == [places.within(s, e) for s in range(len(t.norm)) for e in range(s, len(t.norm) + 1)]
    assert places.within(0, 6) == ((0, 3, True), (3, 6, True))
