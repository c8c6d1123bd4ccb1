"""gazetteer.py: the data file, stems, short forms, parents."""
from __future__ import annotations

from kg.extract.gazetteer import load, stem


def test_every_province_prefecture_and_county_level_is_there():
    g = load()
    levels = {}
    for d in g.by_code.values():
        levels[d.level] = levels.get(d.level, 0) + 1
    assert levels["province"] == 34
    assert levels["prefecture"] >= 330
    assert levels["county"] >= 2800
    assert levels["township"] >= 40000


def test_stems_of_autonomous_names():
    assert stem("民和回族土族自治县") == "民和"
    assert stem("广西壮族自治区") == "广西"
    assert stem("杭锦后旗") == "杭锦后"
    assert stem("宁德市") == "宁德"


def test_short_forms_and_abbreviations():
    g = load()
    assert g.short["杭后"] == ["150826"]  # the common two-character abbreviation of 杭锦后旗
    assert g.short["民和县"] == ["630222"]
    assert "350900" in g.short["宁德"]
    assert len(g.full["朝阳区"]) == 2  # Beijing's and Changchun's


def test_chain_up_to_province():
    g = load()
    assert [d.name for d in g.chain("150826")] == ["杭锦后旗", "巴彦淖尔市", "内蒙古自治区"]
    assert g.is_within("370404", "370000")
    assert not g.is_within("370404", "150000")


def test_a_province_s_own_counties_sit_right_under_it():
    # jionlp groups them under 省直辖行政区划, a grouping no article names
    g = load()
    assert [d.name for d in g.chain("429006")] == ["天门市", "湖北省"]
    assert "省直辖行政区划" not in g.full and "省直辖" not in g.short


def test_autonomous_names_by_their_short_column_and_level_character():
    g = load()
    assert g.short["恩施州"] == ["422800"] and g.short["西双版纳州"] == ["532800"]
    assert g.short["张家川县"] == ["620525"] and g.short["喀左县"] == ["211324"]
    # the rule of thumb that cuts the ethnic names cut into these place names
    assert "西双版" not in g.short and "张家" not in g.short
    assert g.short["克州"] == ["653000"] and "克州/克孜勒苏" not in g.short  # two forms in one cell
    assert g.has_level("恩施州") and not g.has_level("恩施")
