"""A name several divisions share, or a county's short form its city is not named with, decided
by the article's own evidence (mentions/regions.py), never dropped when the evidence is there;
the decision kept with the region (placeDecidedBy)."""
from __future__ import annotations

from conftest import extract_text, names

from kg.extract.mentions.regions import find_regions
from kg.io.normalize import normalize
from kg.refs import Ambiguous, Code


def places(s):
    return [(m.surface, m.place, m.rule) for m in find_regions(normalize(s))]


def decided(r, name):
    return dict(next(e for e in r.entities if e.name == name).attrs).get("placeDecidedBy", "")


# ---------------------------------------------------------------- which of several

def test_a_province_and_a_prefecture_of_one_name_the_higher_when_nothing_decides():
    # 海南: the province, or 青海's 海南藏族自治州
    assert places("海南将举办招商推介会。") == [("海南", Code("460000"), "the higher level")]


def test_the_places_named_decide_between_a_province_and_a_prefecture():
    (m, *_) = [p for p in places("青海省西宁市代表团赴海南考察牧业。") if p[0] == "海南"]
    assert m == ("海南", Code("632500"), "within the places named")


def test_a_district_inside_the_province_the_article_names():
    r = extract_text("福建省召开工业推进会\n会上,鼓楼区介绍了数字经济的做法。")
    assert {"鼓楼区", "福州市", "福建省"} <= names(r, "Region") and r.unresolved == []
    assert decided(r, "鼓楼区") == "鼓楼区: within the places named"


def test_the_level_body_after_the_name_decides_over_a_full_name_elsewhere():
    # 喀什市委 names the county-level city in full; 喀什地委 is the committee of the 地区
    got = places("喀什市委书记王一、喀什地委书记王二出席。")
    assert ("喀什", Code("653100"), "the level word after it") in got
    assert ("喀什市", Code("653101"), "") in got


def test_nothing_decides_between_districts_of_one_level():
    ((_, place, _),) = places("鼓楼区举行项目集中开工活动。")
    assert isinstance(place, Ambiguous) and len(place.codes) >= 4


# ---------------------------------------------------------------- a county's short form

def test_an_autonomous_prefecture_written_with_its_level_character():
    r = extract_text("恩施州州长王三到企业调研。")
    assert "恩施土家族苗族自治州" in names(r, "Region")
    assert "恩施土家族苗族自治州人民政府" in names(r, "Agency")
    assert places("西双版纳州招商引资")[0][:2] == ("西双版纳州", Code("532800"))


def test_a_county_of_the_named_province_written_more_than_once():
    got = places("浙江省重点项目推进会召开。龙游签约三个项目,龙游将加快建设。")
    assert [p[:2] for p in got if p[0] == "龙游"] == [("龙游", Code("330825"))] * 2


def test_a_county_of_the_named_province_once_or_inside_a_word_is_no_mention():
    assert places("山东省召开会议,强调惠民生、保稳定。") == [("山东省", Code("370000"), "")]
    # 三都水族自治县 is in 贵州; 三都澳 is a bay, one word
    assert [p for p in places("贵州省客商参观三都澳渔港,三都澳风光秀丽。") if p[0] == "三都"] == []


def test_the_article_s_own_county_named_only_in_its_source_line():
    r = extract_text("标题:项目建设推进会召开\n来源:龙游微言\n我县召开项目建设推进会,县委书记王四出席。")
    assert "龙游县" in names(r, "Region")
    assert decided(r, "龙游县") == "龙游: its level said"
    assert "中共龙游县委员会" in names(r, "Agency")


def test_a_county_level_city_needs_more_than_a_shared_level_word():
    # 全市 may be a prefecture's city: a county-level city named once is not enough
    assert [p for p in places("全市经济稳中有进。天门站建设加快。") if p[0] == "天门"] == []
    got = places("全市经济稳中有进。天门站建设加快,天门将办推介会。")
    assert [p[:2] for p in got if p[0] == "天门"] == [("天门", Code("429006"))] * 2


def test_no_own_county_when_the_article_names_a_place_for_certain():
    assert [p for p in places("宁德市召开会议。龙游微言报道,我县加快建设。") if p[0] == "龙游"] == []


# ---------------------------------------------------------------- outlets

def test_an_outlet_s_name_is_no_mention_of_its_place():
    assert [p for p in places("黑龙江省伊春市推进项目建设,香港商报记者采访。") if p[0] == "香港"] == []
    # ... but the place named as itself is (a two-character full name, read as the short form)
    assert ("香港", Code("810000"), "") in places("黑龙江省伊春市迎来香港企业投资。")
