"""Where company, project and park names start when places are written before them (sentences
written for these tests)."""
from __future__ import annotations

from test_mentions import orgs


def _of(s, typ):
    return {n for t, n in orgs(s) if t == typ}


def test_a_town_before_a_company_named_after_its_province_is_where_it_is():
    # places run from the larger to the smaller: a province after a town starts the company's name
    s = "调研组走进额敏县郊区乡新疆天山雪域乳业有限公司奶源基地项目。"
    assert _of(s, "Company") == {"新疆天山雪域乳业有限公司"}
    assert _of(s, "Project") == {"新疆天山雪域乳业有限公司奶源基地项目"}


def test_a_county_before_a_company_named_after_its_prefecture():
    s = "郯城县临沂恒通包装有限公司智能仓储项目总投资8亿元。"
    assert _of(s, "Company") == {"临沂恒通包装有限公司"}


def test_two_places_neither_within_the_other_stay_one_name():
    # 巢湖|长丰: neither holds the other, nothing says which is where: the name keeps both
    assert _of("会上，巢湖长丰机械有限公司负责人发言。", "Company") == {"巢湖长丰机械有限公司"}


def test_a_park_keeps_the_places_that_qualify_it():
    # a park is named as written, qualified by its district and city (the guideline)
    assert _of("项目落户临渭区渭南高新技术产业园。", "IndustrialPark") == {"临渭区渭南高新技术产业园"}


def test_a_chain_of_places_written_downwards_stays_in_the_name():
    assert _of("浙江温州宏盛鞋材有限公司签约落户。", "Company") == {"浙江温州宏盛鞋材有限公司"}
    assert _of("双方与个旧市鸡街镇恒达矿业有限公司签约。", "Company") == {"个旧市鸡街镇恒达矿业有限公司"}


def test_a_product_in_two_nouns_names_a_project_its_company_builds():
    # 功率|半导体|封测: the clause names who builds it, the product names which project it is
    assert "功率半导体封装测试项目" in _of("江苏芯源电子有限公司投资20亿元建设的功率半导体封装测试项目签约。", "Project")
    assert _of("由湖南楚天纺织有限公司建设的再生纤维面料项目投产。", "Project") == {"再生纤维面料项目"}
    assert not _of("全县今年推进民生项目和产业项目。", "Project")
    assert not _of("他察看了电子测试基地项目。", "Project")  # nobody builds it in the clause: a class
    assert not _of("华兴机械有限公司在园区建设的3个机械加工项目开工。", "Project")  # a count: no name


def test_a_verb_and_a_single_noun_character_are_one_noun():
    # 创新|药, 添加|剂: jieba leaves the noun character alone after the verb; no clause ends there
    got = _of("江苏恒康医药股份有限公司投资12亿元建设创新药生产基地项目。", "Project")
    assert got == {"创新药生产基地项目"}


def test_a_function_character_inside_a_name_jieba_does_not_know():
    # 客|都 (都 an adverb), 顺|丰|速|运 (顺 a preposition): characters of one name, no clause edge
    assert _of("番禺区与广东客都食品有限公司签约。", "Company") == {"广东客都食品有限公司"}
    assert _of("在城北物流园，顺丰速运华中分拨中心项目正在建设。", "Project") == {"顺丰速运华中分拨中心项目"}
    # a word that opens a clause stays a boundary before a name jieba does not know
    assert _of("在鑫源储能电池项目现场，他说。", "Project") == {"鑫源储能电池项目"}
    assert _of("该厂将建设华康包装生产线。", "Project") == {"华康包装生产线"}


def test_a_verb_and_a_bound_morpheme_are_one_noun():
    # 覆盖|件: jieba's bound morpheme makes a noun of the verb before it; no clause ends there
    got = _of("由该公司建设的汽车覆盖件冲压模具项目已开工。", "Project")
    assert got == {"汽车覆盖件冲压模具项目"}


def test_a_company_written_before_a_long_project_does_not_count_to_its_length():
    s = "开工项目中，湖南宏泰汽车零部件有限公司年产80万套新能源汽车转向节项目总投资6亿元。"
    got = _of(s, "Project")
    assert got == {"湖南宏泰汽车零部件有限公司年产80万套新能源汽车转向节项目"}


def test_park_heads_of_zones_districts_and_processing_parks():
    # 工业区, 合作区, 加工园, 实验区, 经济区: heads of named parks, as 产业园 is
    assert _of("乌兰县农畜产品加工园内，5家企业已投产。", "IndustrialPark") == {"乌兰县农畜产品加工园"}
    assert _of("市委书记一行来到宝丰工业区调研。", "IndustrialPark") == {"宝丰工业区"}
    assert _of("深哈产业合作区已注册企业400余家。", "IndustrialPark") == {"深哈产业合作区"}
    assert _of("平潭综合实验区新签约项目12个。", "IndustrialPark") == {"平潭综合实验区"}
    assert _of("鄂州临空经济区建设加快推进。", "IndustrialPark") == {"鄂州临空经济区"}
    assert not _of("要加快老工业区改造。", "IndustrialPark")  # an everyday stem: no name
