"""Bodies of issue #16, on sentences written for the tests: a party committee's departments,
the Youth League's committees, a region's tax bureau, heads' assistants and an autonomous
region's chairman, a park committee's bureau."""
from __future__ import annotations

from conftest import bodies


def test_a_department_of_a_city_committee_is_its_own_body():
    ag, mem, jur = bodies("宜宾市委宣传部副部长何某某向来宾介绍了园区情况。")
    assert ("何某某", "中共宜宾市委宣传部") in mem
    assert ("中共宜宾市委宣传部", "宜宾市") in jur


def test_a_department_alone_after_a_post_in_the_committee():
    ag, mem, _ = bodies("罗山县召开项目观摩会\n县委常委、统战部部长苏某某主持观摩会。")
    assert ("苏某某", "中共罗山县委员会") in mem
    assert ("苏某某", "中共罗山县委统一战线工作部") in mem


def test_the_committees_office_and_its_discipline_commission():
    ag, mem, _ = bodies("罗山县召开项目观摩会\n县委办主任蒋某陪同观摩。县纪委书记韩某某参加。")
    assert ("蒋某", "中共罗山县委办公室") in mem
    assert ("韩某某", "中共罗山县纪律检查委员会") in mem


def test_a_unit_of_a_committee_the_lexicons_do_not_name():
    ag, mem, _ = bodies("信阳市委督查室主任褚某某到现场督导。")
    assert ("褚某某", "中共信阳市委督查室") in mem


def test_a_youth_league_committee_is_no_party_committee():
    ag, mem, _ = bodies("罗山县召开项目观摩会\n团县委书记卫某某、共青团信阳市委副书记秦某出席。")
    assert not any(a.startswith("中共") for a in ag)
    assert not mem


def test_a_county_tax_bureau_is_one_of_the_national_administration():
    ag, mem, jur = bodies("国家税务总局罗山县税务局副局长尤某某介绍了退税进度。")
    assert ("尤某某", "国家税务总局罗山县税务局") in mem
    assert ("国家税务总局罗山县税务局", "罗山县") in jur


def test_a_heads_assistant_is_a_post_in_the_government():
    _, mem, _ = bodies("罗山县召开项目观摩会\n县长助理许某某通报了项目进度。")
    assert ("许某某", "罗山县人民政府") in mem


def test_an_autonomous_regions_chairman_is_a_post_in_its_government():
    _, mem, _ = bodies("广西壮族自治区副主席施某某一行到园区调研。自治区政协副主席张某某陪同。")
    assert ("施某某", "广西壮族自治区人民政府") in mem
    assert ("张某某", "中国人民政治协商会议广西壮族自治区委员会") in mem


def test_a_park_committees_bureau_is_named_with_the_committee():
    ag, mem, _ = bodies("福州市长乐区召开会议\n长乐滨海数字新区管委会经济发展局局长吕某某作了介绍。")
    assert ("吕某某", "长乐滨海数字新区管理委员会经济发展局") in mem
