"""Places: a site written right before a project's name (X镇Y公司Z项目), and the head of a
possessed place after a scope word (在X乡的Y园, 走进X镇的Y园). Sentences written for these tests."""
from __future__ import annotations

from conftest import extract_text, rels


def test_a_town_written_right_before_a_firms_project_is_its_site():
    r = extract_text(
        "洪雅县重点项目观摩\n"
        "洪雅县召开项目观摩会。观摩团察看了止戈镇四川青衣茶业有限公司年产3000吨绿茶精制项目。\n"
    )
    assert ("四川青衣茶业有限公司年产3000吨绿茶精制项目", "止戈镇") in rels(r, "locatedIn")


def test_a_place_outside_the_articles_region_before_a_firm_is_no_site():
    # the firm's seat, not where the project is
    r = extract_text(
        "洪雅县招商签约\n"
        "洪雅县举行签约仪式。签约项目有成都市四川蓉欣食品有限公司年产5万吨调味品项目。\n"
    )
    assert ("四川蓉欣食品有限公司年产5万吨调味品项目", "成都市") not in rels(r, "locatedIn")


def test_a_park_after_a_town_and_de_is_the_scope_of_the_clause():
    # 在X乡的Y园,…: the phrase is the park; the town only places the park
    r = extract_text(
        "武义县工业项目建设\n"
        "武义县今年实施工业项目30个。在履坦镇的武义县履坦五金产业园,浙江武川工具有限公司年产20万台电钻项目已经投产。\n"
    )
    located = rels(r, "locatedIn")
    assert ("浙江武川工具有限公司年产20万台电钻项目", "武义县履坦五金产业园") in located
    assert ("武义县履坦五金产业园", "履坦镇") in located


def test_a_visit_to_a_park_a_town_possesses_places_what_it_sees_in_the_park():
    r = extract_text(
        "武义县工业项目建设\n"
        "武义县今年实施工业项目30个。走进金华市武义县履坦镇的武义县履坦五金产业园,浙江武川工具有限公司年产20万台电钻项目正在调试。\n"
    )
    assert ("浙江武川工具有限公司年产20万台电钻项目", "武义县履坦五金产业园") in rels(r, "locatedIn")


def test_a_park_a_scope_word_names_is_in_no_scope_set_before_it():
    # 在X镇,…;在Y园,…: the park is the second scope, not a part of the town
    r = extract_text(
        "衡阳市调研项目建设\n"
        "衡阳市委书记深入祁东县调研。在归阳镇,他走进湖南祁峰农机有限公司农机项目施工现场;"
        "在祁东县黄花产业园,他察看了祁东县黄花深加工项目。\n"
    )
    located = rels(r, "locatedIn")
    assert ("祁东县黄花产业园", "归阳镇") not in located
    assert ("祁东县黄花产业园", "祁东县") in located


def test_a_park_listed_after_a_town_gone_to_is_not_in_the_town():
    # 来到A镇P项目和B园的Q项目: two places gone to, the park no part of the town
    r = extract_text(
        "衡阳市调研项目建设\n"
        "在祁东县,市委书记来到归阳镇湖南祁峰农机有限公司农机项目和祁东县黄花产业园的湖南祁香食品有限公司黄花菜加工项目。\n"
    )
    located = rels(r, "locatedIn")
    assert ("祁东县黄花产业园", "归阳镇") not in located
    assert ("湖南祁香食品有限公司黄花菜加工项目", "祁东县黄花产业园") in located


def test_places_listed_with_a_firm_between_share_the_scope_that_opens_the_paragraph():
    # 在X市,…来到A园、B公司和C镇,察看了P、Q: which of the three holds P is not said; X市 holds all
    r = extract_text(
        "衡阳市调研项目建设\n"
        "衡阳市委书记深入常宁市、祁东县调研。\n"
        "在常宁市,他先后来到常宁市水口山有色金属产业园、湖南宏鑫铜业有限公司和荫田镇,"
        "察看了铜箔智能化改造项目、湖南荫田茶业有限公司茶叶精制项目。\n"
    )
    located = rels(r, "locatedIn")
    assert ("湖南荫田茶业有限公司茶叶精制项目", "常宁市水口山有色金属产业园") not in located
    assert ("湖南荫田茶业有限公司茶叶精制项目", "常宁市") in located


def test_the_items_of_a_list_after_a_colon_share_the_scope_of_its_heading():
    # 在X园推进3个项目:A…;B…;C…: the semicolons part the items of one list
    r = extract_text(
        "宁乡市工业项目建设\n"
        "今年,集团在宁乡经济技术开发区推进2个项目:由集团子公司建设的年产5万吨食品包装项目总投资3亿元,已完工;"
        "集团投资6亿元建设的冷链仓储中心项目,一期已投用。\n"
    )
    located = rels(r, "locatedIn")
    assert ("年产5万吨食品包装项目", "宁乡经济技术开发区") in located
    assert ("冷链仓储中心项目", "宁乡经济技术开发区") in located


def test_a_list_ends_at_its_sentence():
    r = extract_text(
        "宁乡市工业项目建设\n"
        "今年,集团在宁乡经济技术开发区推进1个项目:年产5万吨食品包装项目总投资3亿元,已完工。"
        "另外,冷链仓储中心项目一期已投用。\n"
    )
    assert ("冷链仓储中心项目", "宁乡经济技术开发区") not in rels(r, "locatedIn")
