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


def test_a_chain_of_places_written_downwards_stays_in_the_name():
    assert _of("浙江温州宏盛鞋材有限公司签约落户。", "Company") == {"浙江温州宏盛鞋材有限公司"}
    assert _of("双方与个旧市鸡街镇恒达矿业有限公司签约。", "Company") == {"个旧市鸡街镇恒达矿业有限公司"}


def test_a_product_in_two_nouns_names_a_project():
    # 功率|半导体|封测: what is made names the project even when every word is an everyday word
    assert "功率半导体封装测试项目" in _of("江苏芯源电子有限公司投资20亿元建设的功率半导体封装测试项目签约。", "Project")
    assert _of("该公司投资建设的汽车电子测试基地项目开工。", "Project") == {"汽车电子测试基地项目"}
    assert not _of("全县今年推进民生项目和产业项目。", "Project")


def test_a_verb_and_a_bound_morpheme_are_one_noun():
    # 覆盖|件: jieba's bound morpheme makes a noun of the verb before it; no clause ends there
    got = _of("由该公司建设的汽车覆盖件冲压模具项目已开工。", "Project")
    assert got == {"汽车覆盖件冲压模具项目"}


def test_a_company_written_before_a_long_project_does_not_count_to_its_length():
    s = "开工项目中，湖南宏泰汽车零部件有限公司年产80万套新能源汽车转向节项目总投资6亿元。"
    got = _of(s, "Project")
    assert got == {"湖南宏泰汽车零部件有限公司年产80万套新能源汽车转向节项目"}
