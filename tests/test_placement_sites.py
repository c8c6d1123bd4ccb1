"""Places: the site a project list gives an item (建设地点:X), and a place that heads its
paragraph (X镇:…). Sentences written for these tests."""
from __future__ import annotations

from conftest import extract_text, rels


def test_a_site_label_with_a_colon_after_a_list_item_places_it():
    r = extract_text(
        "临渭区重点项目集中开工\n"
        "本次集中开工的项目主要有:\n"
        "(一)渭南华兴机械有限公司农机装备项目,总投资6亿元,建设地点:官道镇;\n"
        "(二)陕西秦东食品有限公司果汁加工项目,总投资3亿元,建设地点：临渭区渭南高新技术产业园。\n"
    )
    located = rels(r, "locatedIn")
    assert ("渭南华兴机械有限公司农机装备项目", "官道镇") in located
    assert ("渭南华兴机械有限公司农机装备项目", "临渭区") not in located
    assert ("陕西秦东食品有限公司果汁加工项目", "临渭区渭南高新技术产业园") in located


def test_a_town_heading_its_paragraph_places_every_item_of_the_paragraph():
    r = extract_text(
        "淮阳区重点项目进展通报\n"
        "现将各乡镇进展情况通报如下:\n"
        "白楼镇:周口金穗面业有限公司年产10万吨面粉项目总投资2亿元,主体已完工;淮阳区农贸市场改造项目总投资1亿元,正在施工。\n"
        "冯塘乡:河南绿谷农业有限公司蔬菜大棚项目总投资1.5亿元,已投产。\n"
    )
    located = rels(r, "locatedIn")
    assert ("周口金穗面业有限公司年产10万吨面粉项目", "白楼镇") in located
    assert ("河南绿谷农业有限公司蔬菜大棚项目", "冯塘乡") in located
    # named after the district, the project is in the town its paragraph is about
    assert ("淮阳区农贸市场改造项目", "白楼镇") in located
    assert ("淮阳区农贸市场改造项目", "淮阳区") not in located


def test_a_scope_outside_the_region_a_project_is_named_after_does_not_move_it():
    r = extract_text(
        "柘城县项目观摩\n"
        "在睢县,观摩团察看了睢县鞋业产业园。柘城县金刚石产业园项目进展顺利。\n"
    )
    located = rels(r, "locatedIn")
    assert ("柘城县金刚石产业园项目", "睢县") not in located


def test_a_heading_place_holds_for_its_own_paragraph_only():
    r = extract_text(
        "淮阳区重点项目进展通报\n"
        "白楼镇:周口金穗面业有限公司年产10万吨面粉项目总投资2亿元,主体已完工。\n"
        "会议要求,淮阳区各部门要强化保障。淮阳区今年实施的项目中,河南淮丰纺织有限公司纺纱项目总投资3亿元,正在施工。\n"
    )
    located = rels(r, "locatedIn")
    assert ("周口金穗面业有限公司年产10万吨面粉项目", "白楼镇") in located
    assert ("河南淮丰纺织有限公司纺纱项目", "白楼镇") not in located
