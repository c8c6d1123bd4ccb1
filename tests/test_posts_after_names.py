"""Posts of issue #16 that gave no memberOf, on sentences written for the tests: titles written
after the name, posts in brackets, names joined by 和, a 地区's 行署 and a 街道's bodies written
alone, a park's committee under its generic word, a county named only in the title line."""
from __future__ import annotations

from conftest import extract_text, members, names, rels


def test_a_head_title_after_the_name():
    assert ("李某刚", "宜宾市人民政府") in members("宜宾市召开招商推介会\n李某刚市长一行到园区调研。")


def test_a_party_title_after_the_name_is_the_articles_own_committee():
    mem = members("平遥县召开项目推进会\n王某国书记强调，要抓好项目建设。张某华县长指出，要优化营商环境。")
    assert ("王某国", "中共平遥县委员会") in mem
    assert ("张某华", "平遥县人民政府") in mem


def test_a_title_after_the_name_adds_nothing_to_posts_given_before_it():
    mem = members("平遥县召开项目推进会\n县长刘某平出席会议。会上，刘某平书记要求各部门加强协作。")
    assert mem == {("刘某平", "平遥县人民政府")}


def test_a_title_inside_a_word_is_no_title_after_a_name():
    r = extract_text("平遥县召开会议\n城镇长期规划已经完成。")
    assert not names(r, "Official")


def test_posts_in_brackets_after_the_name():
    mem = members("宜宾市召开会议\n李某华（市委副书记、市长）出席会议。")
    assert {("李某华", "中共宜宾市委员会"), ("李某华", "宜宾市人民政府")} <= mem


def test_names_joined_by_he_share_the_title():
    mem = members("宜宾市召开会议\n副市长王某明和李某华出席会议。")
    assert {("王某明", "宜宾市人民政府"), ("李某华", "宜宾市人民政府")} <= mem


def test_a_prefectures_administrative_office_written_alone_in_a_chain():
    mem = members("和田地区召开会议\n地委副书记、行署专员艾某某出席会议。")
    assert ("艾某某", "和田地区行政公署") in mem
    assert ("艾某某", "中共和田地区委员会") in mem


def test_a_subdistricts_bodies_written_with_its_level():
    mem = members("翠屏区双城街道召开会议\n街道党工委书记周某某、街道办事处主任吴某某出席。")
    assert ("周某某", "中共双城街道工作委员会") in mem
    assert ("吴某某", "双城街道办事处") in mem


def test_a_government_written_alone_in_a_chain_is_the_chains_region():
    mem = members("翠屏区双城街道召开会议\n街道党工委副书记、办事处主任张某出席。")
    assert ("张某", "双城街道办事处") in mem


def test_a_county_named_only_in_the_title_line_by_its_short_name():
    mem = members("集贤：项目建设跑出加速度\n县委书记王某明到项目现场调研。")
    assert ("王某明", "中共集贤县委员会") in mem


def test_a_park_committee_under_its_generic_word_is_the_articles_park():
    mem = members("宜宾高新区召开会议\n高新区管委会主任王某出席。")
    assert ("王某", "宜宾高新区管理委员会") in mem


def test_a_generic_park_committee_with_no_park_named_stays_out():
    r = extract_text("宜宾市召开会议\n高新区党工委书记王某出席。")
    assert not rels(r, "memberOf")
