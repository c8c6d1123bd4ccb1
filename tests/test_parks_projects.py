"""Park and project names (issue #16): classes of parks and projects are not names; park heads
and works (工程) that are; where a project's name starts. Sentences written for the tests."""
from __future__ import annotations

from test_mentions import orgs


def of(typ, s):
    return {n for t, n in orgs(s) if t == typ}


def test_a_rank_and_a_park_head_is_a_class_of_parks():
    assert of("IndustrialPark", "该县去年获批国家高新区，正在申报国家级高新区。") == set()
    assert of("IndustrialPark", "全市共有3家国家高新技术产业开发区。") == set()
    assert of("IndustrialPark", "争创省级先进制造业开发区。") == set()


def test_counted_areas_are_not_parks():
    assert of("IndustrialPark", "全县企业划为四个片区，每名干部包联一个片区。") == set()


def test_park_heads_of_small_firms_chemicals_and_logistics():
    s = "钟楼镇五金智造小微企业园、丰北精细化工园和岩溪家居物流港都已投用，桂林鞋服智造园、新塘智能装备双创园在建。"
    assert {"钟楼镇五金智造小微企业园", "丰北精细化工园", "岩溪家居物流港", "桂林鞋服智造园", "新塘智能装备双创园"} <= of(
        "IndustrialPark", s
    )
    assert of("Company", s) == set()  # 丰北精细化工 is the park's industry, not a company


def test_works_with_what_is_done_or_where_are_projects():
    p = of("Project", "宜章县城区污水处理厂扩建工程、临武县城乡供水一体化工程和汝城县220千伏输变电工程同日开工。")
    assert {"宜章县城区污水处理厂扩建工程", "临武县城乡供水一体化工程", "汝城县220千伏输变电工程"} <= p
    assert of("Company", "临武县城乡供水一体化工程开工。") == set()  # 一体化|工程 holds no 化工


def test_works_that_name_a_class_or_a_profession_are_not_projects():
    assert of("Project", "这是一项民生工程，也是全县重点工程，高级工程师到场指导。") == set()
    assert of("Project", "承建单位湖南路桥集团工程公司、县水利工程处负责人发言。") == set()


def test_a_project_name_starts_after_its_list_number():
    p = of("Project", "2.宁远县恒泰新材料有限公司改性塑料二期项目\n(三)蓝山县永兴钢构有限公司钢结构厂房项目")
    assert "宁远县恒泰新材料有限公司改性塑料二期项目" in p
    assert "蓝山县永兴钢构有限公司钢结构厂房项目" in p
    assert not any(n.startswith(("2.", "(")) for n in p)


def test_what_a_capacity_makes_stays_in_the_project_name():
    p = of("Project", "永州富华科技有限公司年产8万吨再生铝锭项目投产。")
    assert "永州富华科技有限公司年产8万吨再生铝锭项目" in p
    p = of("Project", "永州富华科技有限公司年产3万吨回收利用废旧轮胎项目投产。")
    assert "永州富华科技有限公司年产3万吨回收利用废旧轮胎项目" in p


def test_a_bare_legal_form_before_a_project_is_not_part_of_its_name():
    p = of("Project", "湖南乐源乳业有限公司落户园区，该公司年产2万吨酸奶项目明年投产。")
    assert "年产2万吨酸奶项目" in p


def test_a_rank_or_a_kind_before_a_project_names_a_class():
    assert of("Project", "积极引进劳动密集型项目，争创国家级智慧物流示范项目。") == set()
