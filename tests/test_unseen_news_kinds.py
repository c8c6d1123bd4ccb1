"""Kinds of text found on local news the rules had not been written on: parks named by a level
word alone, brand names before an industry word, investments and slash rates around project
names, visit verbs and head words before names, firms' own projects in lists, builders after
由. Sentences written for the tests."""
from __future__ import annotations

import kg

from test_mentions import orgs


def of(typ, s):
    return {n for t, n in orgs(s) if t == typ}


def graph(s):
    r = kg.extract("标题:调研\n" + s)
    name = {e.key: e.name for e in r.entities}
    ents = {(e.type, e.name) for e in r.entities}
    rels = {(name[x.head], x.rel, name[x.tail]) for x in r.relations}
    return ents, rels


def test_a_level_word_alone_before_a_zone_names_the_articles_park():
    ents, rels = graph("桃源县委书记李明到县经济开发区调研，了解园区企业生产情况。")
    assert ("IndustrialPark", "桃源县经济开发区") in ents
    assert ("桃源县经济开发区", "locatedIn", "桃源县") in rels
    ents, rels = graph("常德市委书记王刚到我市高新区调研新材料产业。")
    assert ("IndustrialPark", "常德市高新区") in ents


def test_a_city_zone_in_a_county_article_is_the_citys():
    ents, rels = graph("桃源县县长陈华在市经开区考察。")
    assert ("常德市经开区", "locatedIn", "常德市") in rels


def test_a_level_word_before_a_class_of_parks_or_without_a_region_is_no_park():
    ents, _ = graph("常德市委书记说，我市产业园区发展势头良好。")
    assert not any(t == "IndustrialPark" for t, _ in ents)
    ents, _ = graph("近日，副县长赵亮到县工业园调研。")
    assert not any(t == "IndustrialPark" for t, _ in ents)


def test_a_brand_before_an_industry_word_starts_a_firms_project():
    ents, rels = graph("桃源县委书记李明调研华强电子年产50万台显示器项目。")
    assert ("Company", "华强电子") in ents
    assert ("华强电子年产50万台显示器项目", "developedBy", "华强电子") in rels


def test_an_industry_in_words_or_materials_stays_no_company():
    assert of("Company", "冷链物流配送中心项目开工。") == set()
    assert of("Company", "鞋服智能生产线项目开工。") == set()


def test_an_investment_is_said_of_a_project_not_its_name():
    p = of("Project", "其中：总投资3亿元丰源塑业技改工程、投资1.8亿元年产50万套汽车座椅项目已开工。")
    assert {"丰源塑业技改工程", "年产50万套汽车座椅项目"} <= p


def test_a_rate_with_a_slash_is_inside_the_name():
    p = of("Project", "市长来到蓝天化工公司6000吨/年环氧树脂项目现场。")
    assert any(n.endswith("6000吨/年环氧树脂项目") for n in p)
    assert "年环氧树脂项目" not in p


def test_a_visit_verb_and_a_time_word_are_no_part_of_a_park():
    assert of("IndustrialPark", "副州长刘伟现场督查石门创新工业园区项目建设。") == {"石门创新工业园区"}
    assert of("IndustrialPark", "研究解决当前工业园发展中的难题。") == set()


def test_a_project_head_before_a_name_ends_the_phrase_before():
    assert of("IndustrialPark", "全力推进重点项目安乡区先进制造产业园建设。") == {"安乡区先进制造产业园"}
    assert "恒润食品加工项目" in of("Project", "园区已投产项目恒润食品加工项目运行平稳。")


def test_a_concentration_zone_is_a_park():
    assert of("IndustrialPark", "区委书记到石塘工业集中区调研。") == {"石塘工业集中区"}


def test_in_a_list_of_firms_projects_the_first_firm_builds_none_of_the_others():
    _, rels = graph(
        "市长先后来到青松环保公司固废综合利用项目、绿源新材料公司10万吨/年可降解塑料项目、市第一人民医院扩建项目现场。"
    )
    assert not any(r == "developedBy" and h.startswith("市第一人民医院") for h, r, _ in rels)


def test_builders_after_you_with_a_comma_and_jointly():
    _, rels = graph("年产5万吨环保涂料项目，由湖南星辉化工有限公司和长沙蓝湾新材料有限公司共同投资建设。")
    assert ("年产5万吨环保涂料项目", "developedBy", "湖南星辉化工有限公司") in rels
    assert ("年产5万吨环保涂料项目", "developedBy", "长沙蓝湾新材料有限公司") in rels


def test_a_place_named_only_inside_firms_names_is_not_the_articles_own():
    _, rels = graph("我区召开重大项目推进会。北京东方远景科技有限公司年产10万台服务器项目进展顺利。")
    assert not any(h.endswith("服务器项目") and r == "locatedIn" and t == "北京市" for h, r, t in rels)
