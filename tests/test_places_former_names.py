"""Places: former names of divisions (the gazetteer's former column, from the source's
change table), and where the text places a park, company or project (relations.py's scopes).
Sentences written for these tests."""
from __future__ import annotations

from conftest import extract_text, names, rels

from kg.extract.gazetteer import load
from kg.extract.mentions.regions import find_regions
from kg.io.normalize import normalize
from kg.refs import Code


def places(s):
    return [(m.surface, m.place) for m in find_regions(normalize(s))]


# ---------------------------------------------------------------- former names

def test_a_renamed_county_is_found_by_its_former_name_as_the_division_of_today():
    # 横县 became 横州市 (2021): a text written with the old name means the city of today
    assert ("横县", Code("450127")) in places("广西南宁横县今年新签约项目十二个。")


def test_a_former_prefecture_name_and_its_short_form():
    gaz = load()
    assert gaz.full["襄樊市"] == ["420600"] and gaz.short["襄樊"] == ["420600"]


def test_a_former_name_that_still_names_another_division_is_not_kept():
    # 城区 and 郊区 of 长治 were merged away, but other cities still have a 城区 and a 郊区
    gaz = load()
    assert all("城区" not in d.former and "郊区" not in d.former for d in gaz.by_code.values())


def test_the_region_of_a_former_name_is_named_as_today_with_its_parent():
    r = extract_text("横县工业园区新添三家企业\n近日,南宁市横县召开工业发展大会,部署下半年招商工作。")
    assert {"横州市", "南宁市"} <= names(r, "Region") and "横县" not in names(r, "Region")
    assert ("横州市", "南宁市") in rels(r, "partOf")


def test_a_two_character_county_alone_in_an_article_that_names_its_city():
    assert ("横县", Code("450127")) in places("南宁市召开会议。今年以来,横县新开工项目二十个。")


def test_a_two_character_county_name_inside_a_list_of_levels_is_no_place():
    # 和县 is a county of 马鞍山; here it is 市 and 县 joined by 和
    assert places("省、市和县三级联动推进项目建设。") == []


# ---------------------------------------------------------------- zones are parks, not divisions

def test_a_development_zone_the_source_lists_among_counties_is_a_park():
    r = extract_text("临沂市签约仪式举行\n签约项目中,年产8万吨生物基材料项目落户临沂临港经济开发区。")
    assert "临沂临港经济开发区" in names(r, "IndustrialPark") and "临沂临港经济开发区" not in names(r, "Region")
    assert ("年产8万吨生物基材料项目", "临沂临港经济开发区") in rels(r, "locatedIn")


def test_a_new_district_that_is_a_division_stays_a_region():
    # 浦东新区 and 滨海新区 are districts; 兰州新区 is a zone of 兰州
    gaz = load()
    assert "浦东新区" in gaz.full and "滨海新区" in gaz.full and "兰州新区" not in gaz.full


def test_a_region_written_several_times_is_not_its_own_repeat_below_it():
    # the source repeats 香港 below 香港特别行政区: a name written twice is still the region
    assert [p for _, p in places("香港企业看好内地市场,香港投资者纷纷前来。")] == [Code("810000"), Code("810000")]
