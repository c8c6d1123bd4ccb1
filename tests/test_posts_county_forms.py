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
