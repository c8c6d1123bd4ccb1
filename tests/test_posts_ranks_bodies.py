"""Posts and bodies on sentences written for the tests: civil-service ranks as posts in their
body, the standard departments of a local government, a ministry's departments (司) and the
state's own bodies, counties whose name is one character and 县 written after their province."""
from __future__ import annotations

from conftest import bodies, extract_text, names


def test_a_civil_service_rank_is_a_post_in_the_body_before_it():
    _, mem, _ = bodies("甘肃省会宁县召开会议\n县工信局二级主任科员冯某某、县商务局四级调研员陈某某参加会议。")
    assert ("冯某某", "会宁县工业和信息化局") in mem
    assert ("陈某某", "会宁县商务局") in mem


def test_the_standard_departments_of_a_city_government():
    ag, _, jur = bodies("福建省宁德市召开会议\n市医保局、市退役军人局、市司法局、市林草局、市城管局相关负责人参加。")
    for body in ("医疗保障局", "退役军人事务局", "司法局", "林业和草原局", "城市管理局"):
        assert "宁德市" + body in ag
        assert ("宁德市" + body, "宁德市") in jur


def test_a_ministrys_department_and_its_director():
    ag, mem, _ = bodies("湖北省宜昌市召开会议\n科技部高新技术司副司长吴某某一行到宜昌调研。")
    assert ("吴某某", "中华人民共和国科学技术部高新技术司") in mem


def test_a_bureau_director_alone_is_no_post():
    # 司长 only after its body: 公司 + 长江 is no title and no name
    ag, mem, _ = bodies("湖北省宜昌市召开会议\n公司长江沿线的项目进展顺利。")
    assert not mem


def test_a_body_of_the_state_after_a_verb():
    ag, mem, _ = bodies("湖北省宜昌市召开会议\n宜昌市副市长褚某某在北京拜会了国务院国资委副主任卫某某。")
    assert any(a.endswith("国务院国有资产监督管理委员会") for a in ag)
    assert any(o == "卫某某" and a.endswith("国有资产监督管理委员会") for o, a in mem)


def test_a_one_character_county_after_its_province():
    ag, mem, jur = bodies("河北省威县召开招商推介会\n威县县委书记王某某出席并致辞。")
    assert ("王某某", "中共威县委员会") in mem
    assert ("中共威县委员会", "威县") in jur


def test_a_one_character_county_after_its_province_short_form():
    ag, mem, _ = bodies("安徽萧县召开招商推介会\n萧县县长李某某出席。")
    assert ("李某某", "萧县人民政府") in mem


def test_a_district_named_as_every_city_names_one_needs_its_city():
    # 西区 is no place of the province named: many cities have a 西区
    ag, _, _ = bodies("四川省召开会议\n园区西区建设加快，西区管委会主任出席。")
    assert not any("西区" in a for a in ag)


def test_a_new_areas_committees_clipped_further():
    ag, mem, _ = bodies("山东省青岛市召开会议\n青岛西海岸新区工委常委、管委副主任孙某某调研。")
    assert ("孙某某", "中共青岛西海岸新区工作委员会") in mem
    assert ("孙某某", "青岛西海岸新区管理委员会") in mem


def test_a_bodys_person_in_charge_is_a_post_in_it():
    ag, mem, _ = bodies("甘肃省会宁县召开会议\n县工信局负责人李某某表示，将加快项目建设。")
    assert ("李某某", "会宁县工业和信息化局") in mem


def test_a_person_in_charge_of_no_body_is_no_official():
    r = extract_text("甘肃省会宁县召开会议\n企业负责人王某某介绍了生产情况。项目负责人赵某说，工程已完成八成。")
    assert not names(r, "Official")


def test_a_clipped_committee_of_no_park_is_no_body():
    # 机关工委, 教育工委: working committees of a party committee, no park's
    ag, mem, _ = bodies("浙江省杭州市召开会议\n市委教育工委书记王某某、市直机关工委副书记李某某出席。")
    assert not any("工作委员会" in a for a in ag)


def test_a_department_with_its_level_names_the_outlets_city_as_the_articles_own():
    # the city is named only in the outlet's name; 市工信局 says the article's level is a city
    ag, mem, jur = bodies("宜宾日报讯（记者 张某）近日，市工信局组织召开企业座谈会。市工信局局长李某某主持会议。")
    assert ("李某某", "宜宾市工业和信息化局") in mem
    assert ("宜宾市工业和信息化局", "宜宾市") in jur
