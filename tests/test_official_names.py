"""Officials and bodies of issue #16 on sentences written for the tests: names that run past
jieba's words to the words after them (minority names, 黄德胜出席), names with no Han surname,
posts outside public bodies in a chain, a member's title after its body (省人大代表)."""
from __future__ import annotations

from conftest import extract_text, members, names, rels


def _off(text: str) -> set[str]:
    return names(extract_text(text), "Official")


def test_a_name_runs_to_the_verb_after_it_not_to_the_dictionarys_word():
    assert "黄德胜" in _off("肇庆市召开会议\n市领导林某某、黄德胜出席。")


def test_a_minority_name_of_four_characters_after_a_title():
    mem = members("凉山彝族自治州召开会议\n州委副书记、州长沙马拉哈主持会议。")
    assert ("沙马拉哈", "凉山彝族自治州人民政府") in mem


def test_minority_names_listed_after_a_leaders_title():
    off = _off("凉山彝族自治州召开会议\n州领导吉木子洛、王佳、阿苦日布参加会议。")
    assert {"吉木子洛", "王佳", "阿苦日布"} <= off


def test_a_five_character_name_of_a_league_secretary():
    mem = members("锡林郭勒盟盟委书记乌力吉巴图到正蓝旗调研。")
    assert ("乌力吉巴图", "中共锡林郭勒盟委员会") in mem


def test_a_name_with_no_han_surname_after_a_banner_head():
    mem = members("正蓝旗旗委书记苏和、西乌珠穆沁旗旗长娜仁高娃陪同调研。")
    assert ("娜仁高娃", "西乌珠穆沁旗人民政府") in mem
    assert ("苏和", "中共正蓝旗委员会") in mem


def test_no_name_made_of_a_preposition_and_a_place():
    assert not _off("会议要求，认真落实总书记对浙江发展的指示。")


def test_a_character_of_titles_inside_a_name_that_runs_to_a_verb():
    mem = members("海西蒙古族藏族自治州州委书记刘长河到格尔木市调研。")
    assert ("刘长河", "中共海西蒙古族藏族自治州委员会") in mem


def test_a_three_character_name_seen_again_is_not_cut_by_the_word_after_it():
    assert "许汉生" in _off("巢湖市委副书记许汉生来镇调研。许汉生同志听取汇报。")


def test_han_names_before_verbs_keep_two_characters():
    assert {"刘海", "林鹏", "王强"} <= _off("县长王强今天到企业调研。副县长刘海带队，局长林鹏介绍。")


def test_the_last_part_of_a_dotted_name_ends_before_the_verb_after_it():
    off = _off("阿克苏地区召开会议\n行署副专员古丽娜尔·买买提通报了情况。")
    assert "古丽娜尔·买买提" in off


def test_a_deputy_who_chairs_a_company_is_a_member_of_the_congress():
    mem = members("全国人大代表、公司董事长赵金凤介绍了经验。")
    assert ("赵金凤", "全国人民代表大会") in mem


def test_a_company_chairman_alone_is_no_official():
    assert not _off("平遥县召开会议\n公司董事长王某某介绍情况。")


def test_a_provincial_deputy_who_heads_a_school():
    mem = members("河北省人大代表、威县第三中学校长李明建议加强校企合作。")
    assert ("李明", "河北省人民代表大会") in mem


def test_a_deputy_of_no_body_is_no_official():
    assert not _off("平遥县召开会议\n企业代表王某某发言。")


def test_a_leaders_title_inside_a_longer_word_is_none():
    assert not _off("全县领导干部要带头包联项目。")


def test_a_title_joined_by_he_to_the_next_is_no_name():
    assert "和政协" not in _off("县人大常委会主任张立新带领部分县人大代表和政协委员视察项目。")


def test_standard_bureaus_written_in_a_list_after_a_level():
    r = extract_text("平遥县召开会议\n要联合县能源局、县行政审批服务管理局开展联合审批。")
    assert {"平遥县能源局", "平遥县行政审批服务管理局"} <= names(r, "Agency")


def test_a_citys_data_bureau_and_a_countys_resources_and_planning_bureau():
    r = extract_text("福州市数据管理局相关负责人表示支持。")
    assert ("福州市数据管理局", "福州市") in rels(r, "jurisdiction")
    r = extract_text("平遥县召开会议\n县自然资源和规划局要提前做好用地报批。")
    assert "平遥县自然资源和规划局" in names(r, "Agency")


def test_a_second_grade_inspector_of_a_department():
    mem = members("山西省发展和改革委员会二级巡视员王某某出席。")
    assert ("王某某", "山西省发展和改革委员会") in mem
