"""normalize.py: glosses, scripts, widths, and the offset map back to the original."""
from __future__ import annotations

from kg.io.normalize import fold_width, normalize, to_simplified


def test_pinyin_glosses_removed():
    t = normalize("邁進萬億工業(yè)時代,寧德網(wǎng)消息,發(fā)展")
    assert t.norm == "迈进万亿工业时代,宁德网消息,发展"


def test_real_parentheses_kept():
    t = normalize("氫裝上陣(海東)公司,年產5000噸(2GW)項目(記者 張文奎)")
    assert "氢装上阵(海东)公司" in t.norm
    assert "(2GW)" in t.norm
    assert "(记者 张文奎)" in t.norm


def test_full_width_folded():
    assert fold_width("（２ＧＷ）ＡＢＣ　１２３") == "(2GW)ABC 123"


def test_traditional_to_simplified_keeps_length():
    s = "海東市工業和信息化局黨組書記"
    out = to_simplified(s)
    assert out == "海东市工业和信息化局党组书记"
    assert len(out) == len(s)


def test_offsets_point_at_original_after_gloss_removal():
    orig = "產業(yè)發(fā)展,市工信局黨組書記韋芝富表示"
    t = normalize(orig)
    i = t.norm.index("韦芝富")
    s, e = t.orig_span(i, i + 3)
    assert orig[s:e] == "韋芝富"
    j = t.norm.index("发展")
    s, e = t.orig_span(j, j + 2)
    assert orig[s:e] == "發(fā)展"  # the gloss inside the span stays in the original slice


def test_sentences_split_on_ends():
    t = normalize("第一句。第二句!第三句\n第四句")
    assert [t.norm[s:e].strip("。!\n") for s, e in t.sentences] == ["第一句", "第二句", "第三句", "第四句"]
    assert t.sentence_of(t.norm.index("第三")) == 2


def test_mojibake_repaired_by_known_round_trips():
    latin = "工业和信息化局".encode("utf-8").decode("latin-1")  # UTF-8 shown as Latin-1
    gbk = "海东市工信局".encode("utf-8").decode("gbk")  # UTF-8 shown as GBK
    t = normalize(f"前文。{latin}。{gbk}。后文")
    assert t.norm == "前文。工业和信息化局。海东市工信局。后文"
    assert t.repaired == 2 and t.suspicious == 0
    i = t.norm.index("海东")
    s, e = t.orig_span(i, i + 6)
    assert t.orig[s:e] == gbk  # the span covers the broken run as it was published


def test_unrepairable_mojibake_is_left_and_counted():
    t = normalize("發(fā)展?jié)摿Υ、綜合效益好")
    assert t.suspicious == 2 and t.repaired == 0
    assert "摿" in t.norm  # left as it is, not guessed
