"""normalize.py: glosses, scripts, widths, and the offset map back to the original."""
from __future__ import annotations

from kg.io.normalize import fold_width, normalize, to_simplified


def test_pinyin_glosses_removed():
    t = normalize("打造千億產業(yè)集群,泉州網(wǎng)訊,發(fā)展")
    assert t.norm == "打造千亿产业集群,泉州网讯,发展"


def test_real_parentheses_kept():
    t = normalize("綠能新材(漳州)公司,年產8000噸(3GW)項目(記者 蘇遠航)")
    assert "绿能新材(漳州)公司" in t.norm
    assert "(3GW)" in t.norm
    assert "(记者 苏远航)" in t.norm


def test_full_width_folded():
    assert fold_width("（２ＧＷ）ＡＢＣ　１２３") == "(2GW)ABC 123"


def test_traditional_to_simplified_keeps_length():
    s = "漳州市商務局黨組書記兼局長"
    out = to_simplified(s)
    assert out == "漳州市商务局党组书记兼局长"
    assert len(out) == len(s)


def test_offsets_point_at_original_after_gloss_removal():
    orig = "產業(yè)發(fā)展,市商務局局長龔曉東指出"
    t = normalize(orig)
    i = t.norm.index("龚晓东")
    s, e = t.orig_span(i, i + 3)
    assert orig[s:e] == "龔曉東"
    j = t.norm.index("发展")
    s, e = t.orig_span(j, j + 2)
    assert orig[s:e] == "發(fā)展"  # the gloss inside the span stays in the original slice


def test_sentences_split_on_ends():
    t = normalize("第一句。第二句!第三句\n第四句")
    assert [t.norm[s:e].strip("。!\n") for s, e in t.sentences] == ["第一句", "第二句", "第三句", "第四句"]
    assert t.sentence_of(t.norm.index("第三")) == 2


def test_mojibake_repaired_by_known_round_trips():
    latin = "工业和信息化局".encode("utf-8").decode("latin-1")  # UTF-8 shown as Latin-1
    gbk = "漳州市工信局".encode("utf-8").decode("gbk")  # UTF-8 shown as GBK
    t = normalize(f"前文。{latin}。{gbk}。后文")
    assert t.norm == "前文。工业和信息化局。漳州市工信局。后文"
    assert t.repaired == 2 and t.suspicious == 0
    i = t.norm.index("漳州")
    s, e = t.orig_span(i, i + 6)
    assert t.orig[s:e] == gbk  # the span covers the broken run as it was published


def test_unrepairable_mojibake_is_left_and_counted():
    t = normalize("規模(guī)擴大?zhǎng)鍙Ω、經營質量高")
    assert t.suspicious == 2 and t.repaired == 0
    assert "鍙" in t.norm  # left as it is, not guessed
