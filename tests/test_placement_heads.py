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
