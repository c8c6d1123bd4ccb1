"""How county news writes its county and its bodies: a two-character county's name with its
level written again (X县县委), a county become a city still written by its former name with 县
bodies and heads (县委副书记、县长), the 县党委 form. Sentences written for these tests."""
from __future__ import annotations

from conftest import bodies, extract_text, members, names


# ---------------------------------------------------------------- a two-character county

def test_a_two_character_county_with_its_level_written_again_before_its_committee():
    found, member, juris = bodies("本报讯 2月3日，澧县县委书记周明带队察看园区项目。县委副书记、县长黄涛陪同。")
    assert "中共澧县委员会" in found and "澧县人民政府" in found
    assert ("周明", "中共澧县委员会") in member and ("黄涛", "澧县人民政府") in member
    assert ("中共澧县委员会", "澧县") in juris


def test_a_two_character_county_with_its_level_again_before_its_head():
    assert ("刘洋", "萧县人民政府") in members("近日，萧县县长刘洋到高新区走访企业。")


def test_a_two_character_county_name_alone_is_still_no_place_without_its_level_again():
    # 新县: a county's name, here the everyday 'new' before 县委
    r = extract_text("新县委书记到任后，首先走访了几家企业。")
    assert "新县" not in names(r, "Region")


# ---------------------------------------------------------------- a county become a city

def test_county_bodies_of_a_county_written_by_its_former_name():
    # 祁阳县 is 祁阳市 today: 县委, 县长 are its bodies and head as the text writes them
    found, member, _ = bodies("5月4日，祁阳县委书记黄林主持召开会议。县委副书记、县长蒋伟出席。")
    assert ("黄林", "中共祁阳市委员会") in member
    assert ("蒋伟", "中共祁阳市委员会") in member and ("蒋伟", "祁阳市人民政府") in member


def test_the_bodies_of_a_former_county_are_also_named_by_the_former_name():
    r = extract_text("5月4日，祁阳县委书记黄林主持召开会议。县委副书记、县长蒋伟出席。")
    gov = next(e for e in r.entities if e.name == "祁阳市人民政府")
    assert "祁阳县人民政府" in gov.aliases


def test_a_party_committee_written_with_dang_after_a_former_county():
    member = members("沙湾县党委副书记、县长马强调研。县党委常委、组织部部长胡军参加。")
    assert ("马强", "沙湾市人民政府") in member and ("胡军", "中共沙湾市委员会") in member


# ---------------------------------------------------------------- a head after another's post

def test_a_head_written_alone_after_the_party_secretary_of_a_county_in_a_tour():
    # a city's leader tours its counties: each county's 县长 is written after its 县委书记
    text = "近日，郴州市委书记刘明到桂阳县调研。桂阳县委书记邓建华、县长李伟陪同。嘉禾县委书记王平，县长赵刚参加。"
    member = members(text)
    assert ("李伟", "桂阳县人民政府") in member and ("赵刚", "嘉禾县人民政府") in member


def test_a_city_head_after_the_secretary_of_a_county_level_city_is_that_citys():
    text = (
        "衡阳市委书记周红率队调研重点项目，衡阳市委副书记、市长吴刚参加。在耒阳市，周红察看了项目建设，"
        "耒阳市委书记刘海、市长陈杰陪同。在常宁市，周红走访企业，常宁市委书记王东、市长李平陪同。"
    )
    member = members(text)
    assert ("陈杰", "耒阳市人民政府") in member and ("李平", "常宁市人民政府") in member
    assert ("吴刚", "衡阳市人民政府") in member


def test_a_head_of_another_level_after_a_post_is_the_articles_own():
    # 市长 after a county's secretary: not that county's (a county has a 县长)
    member = members("湘潭市召开会议。湘潭县委书记李军、市长王勇出席。")
    assert ("王勇", "湘潭县人民政府") not in member


# ---------------------------------------------------------------- a county's everyday stem

def test_an_everyday_stem_before_the_articles_own_county_body_each_time_is_no_county():
    # 会同 'together with' before 县发改委, twice; the article is about a county of another province
    text = (
        "鹿邑县召开项目推进会。县指挥部办公室会同县发改委开展督导。"
        "下一步，县财政局会同县发改委做好资金保障。"
    )
    found, _, _ = bodies(text)
    assert "鹿邑县发展和改革委员会" in found and "会同县发展和改革委员会" not in found


# ---------------------------------------------------------------- bodies listed with no post

def test_departments_the_lexicons_do_not_name_in_a_list_of_bodies():
    text = "永兴县召开项目调度会，县招商合作局、县商务和粮食局、县农业农村和科技局等部门负责人参加。"
    found, _, juris = bodies(text)
    assert {"永兴县招商合作局", "永兴县商务和粮食局", "永兴县农业农村和科技局"} <= found
    assert ("永兴县商务和粮食局", "永兴县") in juris


def test_a_level_character_that_starts_a_word_begins_no_listed_body():
    # 市场监管局: 市 starts 市场; 联合国: 国 is no level
    found, _, _ = bodies("永兴县召开会议，市场监管局、联合国开发署有关人员到场。")
    assert not any(f.endswith("场监管局") for f in found)


def test_an_everyday_word_ending_in_a_department_head_after_a_body_is_no_body():
    # 布局 'layout' ends in 局; the run holds a known body (工信局) before it
    found, _, _ = bodies("永兴县工信局深耕产业布局，永兴县委召开会议。")
    assert not any(f.endswith("布局") for f in found)


# ---------------------------------------------------------------- a body named by a post in a chain

def test_a_discipline_committee_secretary_in_a_chain_after_a_standing_committee_post():
    member = members("永兴县召开警示教育大会，县委常委、纪委书记、监委主任龙飞讲话。")
    assert ("龙飞", "中共永兴县委员会") in member
    assert ("龙飞", "中共永兴县纪律检查委员会") in member
    assert ("龙飞", "永兴县监察委员会") in member


def test_a_supervision_commission_written_after_its_region():
    found, member, _ = bodies("永兴县监委主任龙飞到园区走访。")
    assert "永兴县监察委员会" in found and ("龙飞", "永兴县监察委员会") in member
