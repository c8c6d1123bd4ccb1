"""Places (#16c): where the text places a park, company or project, and place names that are
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


# ---------------------------------------------------------------- no place said, none given

def test_a_company_named_only_as_the_employer_of_guests_gets_no_place():
    r = extract_text(
        "丰城市循环经济产业园开工\n"
        "丰城市循环经济产业园举行开工仪式。江西远航建设集团董事长刘明远、副总经理陈立出席。"
        "仪式由江西远航建设集团总经理周海主持。丰城市委书记讲话。\n"
    )
    assert "江西远航建设集团" in names(r, "Company")
    assert not {x for x in rels(r, "locatedIn") if x[0] == "江西远航建设集团"}


def test_a_company_of_the_region_s_own_list_still_gets_the_region():
    r = extract_text(
        "丰城市工业经济稳步增长\n"
        "丰城市培育骨干企业,远航新材料、赣丰电子等企业产值增长三成。远航新材料董事长表示将扩大投资。\n"
    )
    assert ("远航新材料", "丰城市") in rels(r, "locatedIn")
