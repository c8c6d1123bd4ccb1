"""Kinds of text that real county and city news writes and the extractor read wrong: a deputy
after the head of a body, a park's two committees in one chain, a place inside a person's name,
names ending in a character of titles or a function character, a visiting county's delegation.
Sentences written for the tests."""
from __future__ import annotations

from conftest import extract_text, members, names, rels


# ---------------------------------------------------------------- a deputy after the head

def test_a_deputy_written_after_the_head_of_a_body_is_in_that_body():
    r = members("清河县政协主席苗立本，副主席韩晓东、冯佳带领委员视察重点项目。")
    assert ("苗立本", "中国人民政治协商会议清河县委员会") in r
    assert ("韩晓东", "中国人民政治协商会议清河县委员会") in r
    assert ("冯佳", "中国人民政治协商会议清河县委员会") in r


def test_a_deputy_of_a_congress_standing_committee_after_its_chairman():
    r = members("兰考县人大常委会主任齐海东，副主任邱立成到产业园调研。")
    assert ("邱立成", "兰考县人民代表大会常务委员会") in r


def test_a_different_title_after_the_head_names_no_body_of_his():
    r = members("汝州市工信局局长赵丽，副市长黄克勤参加。")
    assert ("黄克勤", "汝州市工业和信息化局") not in r
    assert ("黄克勤", "汝州市人民政府") in r


# ---------------------------------------------------------------- a park's two committees

def test_a_park_committee_written_alone_after_the_posts_in_its_party_committee():
    text = (
        "3月2日，宝鸡高新区召开党工委、管委会领导班子会议，高新区党工委书记邵长明主持会议并讲话，"
        "高新区党工委副书记、管委会主任孔令军部署工作。"
    )
    r = members(text)
    assert ("孔令军", "中共宝鸡高新区工作委员会") in r
    assert ("孔令军", "宝鸡高新区管理委员会") in r


# ---------------------------------------------------------------- a place inside a name

def test_a_place_inside_a_persons_name_is_no_place():
    res = extract_text("衡水市委书记吴海南，市委副书记、市长祁延安出席签约仪式。")
    assert {"吴海南", "祁延安"} <= names(res, "Official")
    assert "延安市" not in names(res, "Region") and "海南省" not in names(res, "Region")
    assert ("祁延安", "衡水市人民政府") in rels(res, "memberOf")


# ---------------------------------------------------------------- names ending 书, 长

def test_a_name_may_end_in_a_character_of_titles_where_no_title_starts():
    r = members("金水区委书记孟文书，区委副书记、区长魏海参加活动。孟文书向大会介绍情况。")
    assert ("孟文书", "中共金水区委员会") in r
    r = members("汝阳县委书记、县人大常委会主任鲍延长率领考察团来我市。")
    assert ("鲍延长", "中共汝阳县委员会") in r


def test_a_title_after_a_name_still_ends_it():
    res = extract_text("息县县委书记刘刚书记强调，要抓好项目。")
    assert "刘刚" in names(res, "Official") and "刘刚书" not in names(res, "Official")


# ---------------------------------------------------------------- names ending 和, 一

def test_a_name_may_end_in_a_function_character_before_a_mark_or_a_verb():
    r = members("县政协党组书记、主席周立和参加调研。县人大常委会副主任秦振一，县政协副主席韩冬出席。")
    assert ("周立和", "中国人民政治协商会议县委员会") not in r  # no county named: no body
    res = extract_text("宁陵县政协党组书记、主席周立和参加调研。县人大常委会副主任秦振一，副县长韩冬出席。")
    assert {"周立和", "秦振一"} <= names(res, "Official")
    res = extract_text("宁陵县县长王刚一到现场就察看进度。宁陵县县长王刚和李明出席。")
    assert "王刚" in names(res, "Official") and "王刚一" not in names(res, "Official")


# ---------------------------------------------------------------- a visit to the article's own county

def test_the_county_whose_delegation_visits_is_not_the_articles_own():
    text = (
        "近日，宁陵县委书记方振，县委副书记、县长郭亮率宁陵县党政代表团来我县考察。"
        "县委书记何立新，县委副书记、县长杜宏介绍了我县情况。柘城县工业园区展示了发展成果。"
    )
    r = members(text)
    assert ("何立新", "中共柘城县委员会") in r and ("杜宏", "柘城县人民政府") in r
    assert ("方振", "中共宁陵县委员会") in r
