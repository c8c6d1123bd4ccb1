"""Kinds of project text seen on county news (signing and groundbreaking reports, inspection
visits), on sentences written for the tests."""
from __future__ import annotations

from conftest import extract_text, names, rels
from test_mentions import orgs


def test_parks_counted_in_a_list_of_projects_are_projects():
    got = orgs("今年以来,我县先后引进翊腾智能装备产业园、鑫泓新材料产业园、蓝海冷链物流中心等重大产业项目5个。")
    assert {("Project", "翊腾智能装备产业园"), ("Project", "鑫泓新材料产业园"), ("Project", "蓝海冷链物流中心")} <= got
    assert not any(t == "IndustrialPark" for t, _ in got)


def test_a_designated_zone_outside_a_list_of_projects_stays_a_park():
    got = orgs("青禾智能装备产业园位于县城东部,规划面积3平方公里。")
    assert ("IndustrialPark", "青禾智能装备产业园") in got


def test_the_object_of_a_visit_verb_is_no_project_name():
    got = orgs("副县长王建明一行实地查看项目建设进度,听取企业负责人汇报。")
    assert not any(t == "Project" for t, _ in got)


def test_a_park_joined_by_and_to_what_a_project_adds_is_part_of_its_name():
    got = orgs("活动现场,云杉数字经济产业园和大数据中心项目、绿谷生物医药研发基地项目等8个项目集中签约。")
    assert ("Project", "云杉数字经济产业园和大数据中心项目") in got
    assert not any(n.startswith("和") for _, n in got)


def test_a_firm_listed_with_a_project_is_not_its_builder():
    r = extract_text("标题:我县举行项目集中开工活动\n县领导出席了金辰科技以及城南片区雨污分流改造工程等2个项目的开工仪式。\n")
    assert not any(p.endswith("改造工程") for p, _ in rels(r, "developedBy"))


def test_a_development_zone_between_a_firm_and_a_project_says_no_build_verb():
    r = extract_text("标题:项目观摩\n县领导与华泰机械、金辰科技负责人来到城东开发区道路改造工程现场。\n")
    assert not any(p.endswith("道路改造工程") for p, _ in rels(r, "developedBy"))


def test_a_phase_written_with_and_without_its_head_word_is_one_project():
    r = extract_text("标题:县委书记调研项目建设\n占地200亩的海川精工二期项目建设进展顺利。他指出,海川精工二期是全县工业的重点。\n")
    assert names(r, "Project") == {"海川精工二期项目"}


def test_the_brand_before_a_bracketed_place_heads_the_firms_project():
    r = extract_text("标题:我县签约三个项目\n签约的恒远技改项目将对恒远(江西)新材料有限公司的老厂房进行改造。\n")
    assert ("恒远技改项目", "恒远(江西)新材料有限公司") in rels(r, "developedBy")


def test_a_park_named_after_a_firm_of_the_article_is_its_project():
    r = extract_text("标题:我县重大项目集中开工\n仪式上,瑞鹰科技(江苏)有限公司介绍了项目情况。瑞鹰智能装备产业园占地200亩,"
                     "预计年底投产。\n")
    assert "瑞鹰智能装备产业园" in names(r, "Project")
    assert ("瑞鹰智能装备产业园", "瑞鹰科技(江苏)有限公司") in rels(r, "developedBy")


def test_a_park_named_after_a_place_stays_a_park_beside_a_firm_of_that_name():
    r = extract_text("标题:梅河口市医药产业发展\n吉林梅河药业集团有限公司今年扩产。梅河口康美谷医药产业园已入驻企业20家。\n")
    assert "梅河口康美谷医药产业园" in names(r, "IndustrialPark")


def test_a_project_after_a_firms_short_and_full_name_is_one_project():
    r = extract_text("标题:鑫源科技年产10万套汽车零部件项目开工\n5月8日,鑫源科技(安徽)有限公司年产10万套汽车零部件项目"
                     "在县经济开发区开工。当天,华宁新材料有限公司二期项目也同步开工。华宁新材料二期计划投资3亿元。\n")
    assert names(r, "Project") == {"鑫源科技(安徽)有限公司年产10万套汽车零部件项目", "华宁新材料有限公司二期项目"}
    assert names(r, "Company") >= {"鑫源科技(安徽)有限公司"}
    assert "鑫源科技" not in names(r, "Company")


def test_a_works_word_before_the_head_is_part_of_a_projects_name():
    got = orgs("该公司货架展柜加工建设项目总投资7000万元。")
    assert ("Project", "货架展柜加工建设项目") in got


def test_many_of_a_class_of_projects_is_no_project():
    got = orgs("今年还将争取把更多老旧小区改造项目纳入省级计划。")
    assert not any(t == "Project" for t, _ in got)


def test_a_role_after_a_project_names_its_builder():
    r = extract_text("标题:我县第二批项目集中签约\n1.年产5万吨再生铝项目,投资方为江西鑫铝金属有限公司,总投资3亿元;\n"
                     "2.智能家居产业园项目,建设单位是广东美家智能科技有限公司,总投资10亿元。\n")
    got = rels(r, "developedBy")
    assert ("年产5万吨再生铝项目", "江西鑫铝金属有限公司") in got
    assert ("智能家居产业园项目", "广东美家智能科技有限公司") in got


def test_respectively_pairs_firms_and_projects_in_the_order_written():
    r = extract_text("标题:我县举行招商引资项目签约仪式\n签约仪式上,县长李明分别与博盛机械有限公司、天鑫医疗器械有限公司签订了"
                     "年产3万吨精密铸件项目和医用耗材生产项目投资协议。\n")
    got = rels(r, "developedBy")
    assert ("年产3万吨精密铸件项目", "博盛机械有限公司") in got
    assert ("年产3万吨精密铸件项目", "天鑫医疗器械有限公司") not in got
    assert ("医用耗材生产项目", "天鑫医疗器械有限公司") in got


def test_a_list_item_may_start_with_a_character_jieba_reads_as_a_preposition():
    got = orgs("集中开工的项目为鸿达包装生产线项目、向晖陶瓷生产线项目和龙泰物流基地项目。")
    assert ("Project", "向晖陶瓷生产线项目") in got
