"""Places: where the text places a park, company or project, and place names that are
ordinary words there. Sentences written for these tests."""
from __future__ import annotations

from conftest import extract_text, names, rels

from kg.extract.mentions.regions import find_regions
from kg.io.normalize import normalize


def places(s):
    return [(m.surface, str(m.place)) for m in find_regions(normalize(s))]


# ---------------------------------------------------------------- X县的Y: the county it belongs to

def test_a_project_written_as_a_county_s_own_in_a_city_article_is_in_the_county():
    r = extract_text(
        "南宁市推进工业项目\n"
        "南宁市工业项目建设推进会召开。会议通报,宾阳县的智能制造产业园项目进展顺利,南宁市将加快要素保障。\n"
    )
    located = rels(r, "locatedIn")
    assert ("智能制造产业园项目", "宾阳县") in located
    assert ("智能制造产业园项目", "南宁市") not in located


def test_a_park_written_as_a_county_s_own_is_in_the_county_and_holds_the_project_named_after_it():
    r = extract_text(
        "赣州市重大项目集中开工\n"
        "赣州市举行重大项目集中开工活动,开工项目86个。其中,信丰县的赣南电子信息产业园标准厂房项目总投资12亿元。\n"
    )
    located = rels(r, "locatedIn")
    assert ("赣南电子信息产业园", "信丰县") in located
    assert ("标准厂房项目", "赣南电子信息产业园") in located
    assert ("赣南电子信息产业园", "赣州市") not in located


# ---------------------------------------------------------------- the default place of a company

def test_a_company_of_the_region_s_own_list_still_gets_the_region():
    r = extract_text(
        "丰城市工业经济稳步增长\n"
        "丰城市培育骨干企业,远航新材料、赣丰电子等企业产值增长三成。远航新材料董事长表示将扩大投资。\n"
    )
    assert ("远航新材料", "丰城市") in rels(r, "locatedIn")


# ---------------------------------------------------------------- ordinary words that look like places

def test_a_town_s_full_name_wins_over_a_county_s_short_form_inside_it():
    # 那坡 is also 那坡县 of 百色; 那坡镇 is a town of 田阳区
    r = extract_text(
        "田阳区招商签约\n"
        "百色市田阳区举行招商签约会。广西果源农业有限公司将在那坡镇建设果蔬分拣中心项目。\n"
    )
    assert "那坡镇" in names(r, "Region") and "那坡县" not in names(r, "Region")
    assert ("果蔬分拣中心项目", "那坡镇") in rels(r, "locatedIn")


def test_a_place_whose_first_character_closes_a_title_is_the_name_after_the_title():
    assert "长沙" not in [s for s, _ in places("会上,州长沙马拉哈通报了全州工业运行情况。")]
    assert [s for s, _ in places("副市长安排部署节日期间安全生产工作。")] == []


def test_a_province_before_its_city_is_no_title():
    # 湖南省长沙市: 省长 is no title here, jieba reads 湖南省|长沙市
    assert [s for s, _ in places("湖南省长沙市举行推介会。")] == ["湖南省", "长沙市"]


def test_a_short_form_before_a_river_s_part_names_the_river():
    # 右江 (右江区 of 百色) is also the river: 右江河谷 is its valley
    assert [s for s, _ in places("百色市地处右江河谷,芒果种植面积大。")] == ["百色市"]


def test_a_county_whose_stem_is_a_verb_is_no_place_when_nothing_else_supports_it():
    # 会同 'together with' (会同县 of 怀化): the article is about a county of another province
    r = extract_text(
        "勐海县部署安全生产\n"
        "西双版纳州勐海县召开安全生产会议。会议要求,一是各乡镇压实责任;二是会同县应急管理局、县市场监管局开展联合检查。\n"
    )
    assert "会同县" not in names(r, "Region") and "怀化市" not in names(r, "Region")


def test_a_county_whose_stem_is_a_verb_is_a_place_in_its_own_chain():
    r = extract_text("怀化市调研项目\n怀化市市长到会同县调研光伏项目。\n")
    assert "会同县" in names(r, "Region")


# ---------------------------------------------------------------- X落户/入驻Y园: the park after the word

def test_a_company_that_settles_in_a_park_is_in_the_park():
    r = extract_text(
        "樟树市招商引资\n"
        "樟树市召开招商推介会。江西百草药业有限公司落户樟树医药产业园,江西云帆包装有限公司入驻樟树盐化工业园。\n"
    )
    located = rels(r, "locatedIn")
    assert ("江西百草药业有限公司", "樟树医药产业园") in located
    assert ("江西云帆包装有限公司", "樟树盐化工业园") in located
    assert ("江西百草药业有限公司", "樟树市") not in located


def test_a_project_that_moves_into_a_park_is_in_the_park():
    r = extract_text(
        "樟树市招商引资\n"
        "樟树市召开招商推介会。今年,江西云帆包装有限公司年产2亿只纸箱项目入驻樟树医药产业园。\n"
    )
    assert ("江西云帆包装有限公司年产2亿只纸箱项目", "樟树医药产业园") in rels(r, "locatedIn")


def test_a_company_before_a_park_that_another_settles_in_is_not_in_it():
    # 与X公司签约,Y公司落户Z园: the word follows the second company only
    r = extract_text(
        "樟树市招商引资\n"
        "樟树市召开招商推介会。上海华易投资有限公司与樟树市签约,江西百草药业有限公司落户樟树医药产业园。\n"
    )
    assert ("上海华易投资有限公司", "樟树医药产业园") not in rels(r, "locatedIn")
