"""Posts and bodies of issue #16, on sentences written for the tests: a region's short name with
its own level's brief (和田地委), national bodies before a title, units the lexicons do not name,
a level's own zone's committee, names listed after one title."""
from __future__ import annotations

from conftest import bodies, extract_text, names, rels


def test_a_short_name_then_the_brief_of_its_own_level():
    ag, mem, jur = bodies("和田地委书记阿某某到企业调研。")
    assert ("阿某某", "中共和田地区委员会") in mem
    assert ("中共和田地区委员会", "和田地区") in jur


def test_a_national_body_at_the_start_before_a_title():
    ag, mem, _ = bodies("科技部副部长吴某某出席会议。")
    assert ("吴某某", "中华人民共和国科学技术部") in mem


def test_a_name_the_dictionary_tags_as_a_full_name_after_a_title():
    _, mem, _ = bodies("霍邱县城关镇召开会议\n城关镇党委书记陈某、镇长李强陪同调研。")
    assert ("李强", "城关镇人民政府") in mem


def test_a_department_the_lexicons_do_not_name_before_a_post():
    ag, mem, jur = bodies("宜宾市经济合作和新兴产业局局长刘某某到企业考察。")
    assert ("刘某某", "宜宾市经济合作和新兴产业局") in mem
    assert ("宜宾市经济合作和新兴产业局", "宜宾市") in jur


def test_a_unit_of_a_known_body_before_a_post():
    ag, mem, jur = bodies("陕西省工业和信息化厅原材料工业处处长王某某一行到企业调研。")
    assert ("王某某", "陕西省工业和信息化厅原材料工业处") in mem
    assert ("陕西省工业和信息化厅原材料工业处", "陕西省") in jur


def test_a_bureau_of_a_park_committee():
    ag, mem, _ = bodies("芜湖经开区管委会招商局局长王某某带队赴上海招商。")
    assert ("王某某", "芜湖经开区管理委员会招商局") in mem


def test_a_company_office_is_no_unit_of_a_region():
    ag, mem, _ = bodies("宜宾市天原集团办公室主任李某某参加。")
    assert not ag and not mem


def test_a_levels_own_zone_committee():
    ag, mem, jur = bodies("平遥县召开会议\n县工业园区管委会主任王某某参加。县产业集聚区党工委书记刘某某出席。")
    assert ("王某某", "平遥县工业园区管理委员会") in mem
    assert ("刘某某", "中共平遥县产业集聚区工作委员会") in mem
    assert ("平遥县工业园区管理委员会", "平遥县") in jur


def test_a_zone_committee_where_no_county_is_named_is_kept_as_written():
    ag, mem, _ = bodies("省督导组来我县检查。县产业集聚区管委会主任左某某陪同。")
    assert ("左某某", "县产业集聚区管理委员会") in mem


def test_names_listed_after_one_title_each_hold_the_post():
    _, mem, _ = bodies("郴州市举行项目集中开工仪式\n副市长陈某新、刘某斌、钱某参加活动。")
    assert {("陈某新", "郴州市人民政府"), ("刘某斌", "郴州市人民政府"), ("钱某", "郴州市人民政府")} <= mem


def test_leaders_of_a_level_are_officials_of_no_body():
    r = extract_text("郴州市举行项目集中开工仪式\n市领导张某涛、刘某斌、陈某东参加活动。")
    assert {"张某涛", "刘某斌", "陈某东"} <= names(r, "Official")
    assert not rels(r, "memberOf")
