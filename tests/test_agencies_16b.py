"""Agencies of issue #16 (second pass), on sentences written for the tests: deixis before a
body, governments that only some levels have, lists of regions before one body, park bureaus,
departments the lexicons do not name before a verb."""
from __future__ import annotations

from conftest import bodies


def test_the_level_again_after_a_deixis_is_the_articles_body():
    ag, mem, jur = bodies("罗山县召开项目推进会。该县县委书记简某某出席，该县县委、县政府高度重视。")
    assert ("简某某", "中共罗山县委员会") in mem
    assert {"中共罗山县委员会", "罗山县人民政府"} <= ag
    assert ("中共罗山县委员会", "罗山县") in jur


def test_a_liaison_office_in_a_city_is_no_government_of_that_city():
    ag, mem, jur = bodies("罗山县驻郑州办事处主任柯某出席签约仪式。")
    assert "郑州市办事处" not in ag
    assert not any(r == "郑州市" for _, r in jur)


def test_a_street_office_is_the_government_of_its_street():
    ag, mem, jur = bodies("温岭市城东街道办事处主任鲍某某介绍了项目进展。")
    assert ("鲍某某", "城东街道办事处") in mem
    assert ("城东街道办事处", "城东街道") in jur


def test_regions_of_one_level_listed_before_one_body_each_have_it():
    ag, _, jur = bodies("光山县、罗山县、息县人民政府负责人参加了座谈。光山和罗山县发改委联合发文。")
    assert {"光山县人民政府", "罗山县人民政府", "息县人民政府"} <= ag
    assert {"光山县发展和改革委员会", "罗山县发展和改革委员会"} <= ag
    assert ("光山县人民政府", "光山县") in jur


def test_a_region_of_another_level_before_a_body_is_no_bodys():
    ag, _, _ = bodies("在江苏省、南京市政府的支持下，项目顺利开工。")
    assert "南京市人民政府" in ag
    assert "江苏省人民政府" not in ag


PARK = ("泗洪县青禾经济开发区今年新签约项目12个。开发区党工委书记鲁某某介绍，开发区招商服务局"
        "局长滕某某陪同。青禾经济开发区管委会主任邝某某说，开发区将加快建设。")


def test_a_parks_committees_after_its_generic_word_are_the_articles_parks():
    ag, mem, jur = bodies(PARK)
    assert ("鲁某某", "中共泗洪县青禾经济开发区工作委员会") in mem
    assert ("中共泗洪县青禾经济开发区工作委员会", "泗洪县") in jur


def test_a_committee_is_named_after_the_park_as_the_article_names_it_in_full():
    ag, mem, _ = bodies(PARK)
    assert ("邝某某", "泗洪县青禾经济开发区管理委员会") in mem
    assert "青禾经济开发区管理委员会" not in ag  # one node, not one per form of the park's name


def test_a_bureau_after_the_parks_generic_word_is_the_parks_bureau():
    ag, mem, _ = bodies(PARK)
    assert ("滕某某", "泗洪县青禾经济开发区招商服务局") in mem


def test_a_generic_committee_among_several_parks_of_its_kind_is_nobodys():
    ag, mem, _ = bodies("宿迁市召开会议。泗阳县临河高新区和沭阳县栖霞高新技术产业开发区参加。高新区管委会主任邝某某说。")
    assert not any(a.endswith("管理委员会") for a in ag)


def test_a_generic_committee_of_the_one_park_of_its_kind_short_and_full_forms_counted_as_one():
    ag, mem, jur = bodies("宿迁市召开会议。泗阳县临河高新区今年新签约项目12个，临河高新技术产业开发区企业满负荷生产。"
                          "沭阳县栖霞经济开发区也参加。高新区管委会主任邝某某说。")
    assert any(a.startswith("泗阳县临河高新") and a.endswith("管理委员会") for a in ag)
    assert any(h.startswith("泗阳县临河高新") and r == "泗阳县" for h, r in jur)


def test_a_department_the_lexicons_do_not_name_before_a_verb():
    ag, _, jur = bodies("平度市召开专题会议。会议要求，市数字经济局要摸清企业需求，商会会同市营商环境建设局召开恳谈会。")
    assert {"平度市数字经济局", "平度市营商环境建设局"} <= ag
    assert ("平度市营商环境建设局", "平度市") in jur


def test_a_department_after_a_verb_and_before_one_in_a_town():
    ag, _, jur = bodies("广州市增城区新塘镇召开会议。书记指出，镇企业服务办公室将逐一走访企业，区产业发展局对重点项目优先保障。")
    assert {"新塘镇企业服务办公室", "增城区产业发展局"} <= ag


def test_a_level_character_ending_an_everyday_word_before_a_verb_is_no_level():
    ag, _, _ = bodies("罗山县召开会议。全县格局将发生变化，市场监管局要求加强检查。")
    assert not any(a.endswith("格局") for a in ag)


def test_a_list_word_after_a_town_starts_no_unit_of_the_town():
    ag, _, _ = bodies("保亭黎族苗族自治县召开项目推进会。加茂镇、什玲镇和县营商环境局负责人汇报了工作。")
    assert not any("镇和县" in a for a in ag)


def test_a_discipline_commission_and_supervision_commission_written_as_one_word():
    ag, mem, jur = bodies("罗山县召开警示教育大会。县纪委监委书记蒋某某通报了典型案例。")
    assert {"中共罗山县纪律检查委员会", "罗山县监察委员会"} <= ag
    assert ("蒋某某", "中共罗山县纪律检查委员会") in mem
    assert ("罗山县监察委员会", "罗山县") in jur


def test_a_department_before_the_particle_of_a_modifier_and_after_a_preposition():
    ag, _, _ = bodies("罗山县召开会议。在县产业发展局的指导下，企业完成改造。首都市场监管局也派员参加。")
    assert "罗山县产业发展局" in ag
    assert not any("都市" in a or a.endswith("场监管局") for a in ag)


def test_a_unit_of_a_known_body_written_in_a_list():
    ag, _, _ = bodies("工业和信息化部产业发展促进局、运行监测协调局相关负责人出席座谈。罗山县商务局会展办公室负责人陪同。")
    assert "中华人民共和国工业和信息化部产业发展促进局" in ag
    assert "罗山县商务局会展办公室" in ag


def test_a_verb_or_an_everyday_word_after_a_known_body_is_no_unit_of_it():
    ag, _, _ = bodies("罗山县召开会议。县工信局优化产业布局，县商务局牵头成立项目办公室。")
    assert not any("布局" in a or "牵头" in a for a in ag)


def test_a_unit_of_a_party_committee_is_named_with_the_committee_in_full_too():
    from conftest import extract_text
    r = extract_text("信阳市委督查室负责人到现场督导。")
    (e,) = [e for e in r.entities if e.type == "Agency" and e.name == "中共信阳市委督查室"]
    assert "中共信阳市委员会督查室" in e.aliases


def test_a_level_after_a_context_word_is_a_level_though_they_make_an_everyday_word():
    ag, _, _ = bodies("锡林郭勒盟召开会议。盟能源局将会同盟自然资源局开展核查。欢迎企业加盟。")
    assert "锡林郭勒盟自然资源局" in ag


def test_a_known_bureau_after_a_parks_name_is_the_parks_bureau():
    ag, mem, _ = bodies("江苏省扬州市召开会议。扬州经济技术开发区管委会副主任金某某介绍，扬州经开区招商局局长龚某陪同。")
    assert ("龚某", "扬州经济技术开发区招商局") in mem
    assert "扬州市经开区招商局" not in ag


def test_a_known_bureau_after_a_parks_generic_word_is_the_articles_parks():
    _, mem, _ = bodies("江苏省扬州市召开会议。扬州经开区管委会副主任金某某介绍，开发区招商局局长龚某陪同。")
    assert ("龚某", "扬州经开区招商局") in mem


def test_a_known_bureau_of_a_levels_own_zone():
    _, mem, _ = bodies("罗山县召开会议。县食品产业集聚区招商局局长龚某陪同。")
    assert ("龚某", "罗山县食品产业集聚区招商局") in mem


def test_a_park_committee_serves_the_region_its_name_starts_with():
    _, _, jur = bodies("重庆市长寿区召开会议。长寿经开区(长寿综合保税区)党工委书记邝某某介绍了情况。")
    assert any(h.endswith("工作委员会") and r == "长寿区" for h, r in jur)


def test_a_park_committee_named_after_no_region_is_not_given_the_articles_region():
    ag, _, jur = bodies("罗山县召开会议。罗山县委书记邝某某会见了前湾合作示范区管委会主任龚某某。")
    assert "前湾合作示范区管理委员会" in ag
    assert not any(h == "前湾合作示范区管理委员会" for h, _ in jur)


def test_a_towns_committee_and_government_written_as_one_word():
    ag, _, jur = bodies("温岭市大溪镇召开项目推进会。镇党委政府高度重视，成立了工作专班。")
    assert {"中共大溪镇委员会", "大溪镇人民政府"} <= ag
    assert ("大溪镇人民政府", "大溪镇") in jur


def test_a_level_after_and_is_a_level_though_the_two_name_a_county():
    ag, _, _ = bodies("罗山县召开项目推进会。县委和县政府主要领导出席。")
    assert {"中共罗山县委员会", "罗山县人民政府"} <= ag


def test_departments_written_without_their_and():
    _, mem, _ = bodies("罗山县召开会议。县住房城乡建设局局长戚某、县人力资源社会保障局局长施某出席。")
    assert ("戚某", "罗山县住房和城乡建设局") in mem
    assert ("施某", "罗山县人力资源和社会保障局") in mem


def test_a_provincial_governments_general_office():
    ag, mem, _ = bodies("河南省召开会议。省政府办公厅副主任戚某某出席。")
    assert ("戚某某", "河南省人民政府办公厅") in mem
    assert not any(a.endswith("公厅公厅") or a.endswith("办公室公厅") for a in ag)


def test_county_departments_of_services_and_of_culture_and_broadcasting():
    _, mem, _ = bodies("罗山县召开会议。县文化广电和旅游局局长戚某、县政务服务和大数据管理局局长施某出席。")
    assert ("戚某", "罗山县文化广电和旅游局") in mem
    assert ("施某", "罗山县政务服务和大数据管理局") in mem


def test_a_class_of_parks_names_no_committees_park():
    ag, _, _ = bodies("罗山县获批国家高新区后，将推行“管委会+公司”模式。省级开发区管委会也将调整。")
    assert not any(a.startswith(("国家高新区", "省级开发区")) for a in ag)


def test_a_street_office_written_alone_after_its_streets_committee_in_the_sentence():
    ag, mem, _ = bodies("温岭市召开会议。城东街道党工委书记施某某、办事处主任戚某某出席。")
    assert ("戚某某", "城东街道办事处") in mem


def test_a_street_office_written_alone_after_a_countys_body_is_nobodys():
    ag, _, _ = bodies("罗山县召开会议。县委书记施某某、办事处主任戚某某出席。")
    assert not any(a.endswith("办事处") for a in ag)


def test_regions_of_a_list_before_a_word_of_tiers_each_have_the_body():
    ag, _, jur = bodies("南平市、建阳区两级政府高度重视，信阳市、罗山县两级党委政府也派员参加。")
    assert {"南平市人民政府", "建阳区人民政府", "中共罗山县委员会", "信阳市人民政府"} <= ag
    assert ("建阳区人民政府", "建阳区") in jur


def test_tiers_of_levels_alone_are_no_bodies():
    ag, _, _ = bodies("省、市、县三级政府联动推进项目建设。")
    assert not ag
