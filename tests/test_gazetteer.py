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
