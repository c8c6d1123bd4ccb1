"""Places: which region an article is about, and where the text places a park, company
or project (relations.py's scopes). Sentences written for these tests."""
from __future__ import annotations

from conftest import extract_text, rels


def test_a_tour_of_several_towns_of_a_county_is_about_the_county():
    # the first town is named as often as the county in the lead, but a second town nearly as
    # often: the article is about the county, and a park of the county's name is the county's
    r = extract_text(
        "丰县县委书记调研乡镇工业\n"
        "6月3日,丰县县委书记张国华深入华山镇、欢口镇,调研工业项目建设。\n"
        "在华山镇,张国华察看了徐州丰达机械有限公司年产5万台农机项目。华山镇党委书记汇报了进展。\n"
        "在欢口镇,他察看了丰县欢口食品产业园。欢口镇镇长介绍了园区招商情况。\n"
        "张国华要求,丰县有关部门要主动服务,推动项目早投产。\n"
    )
    located = rels(r, "locatedIn")
    assert ("丰县欢口食品产业园", "欢口镇") in located
    assert ("丰县欢口食品产业园", "华山镇") not in located


def test_a_town_written_after_its_county_is_the_scope():
    r = extract_text(
        "天水市调研重点项目\n"
        "在武山县洛门镇,市长察看了洛门蔬菜加工厂房项目和天水绿源农业科技有限公司冷库项目。\n"
    )
    located = rels(r, "locatedIn")
    assert ("天水绿源农业科技有限公司冷库项目", "洛门镇") in located
    assert ("天水绿源农业科技有限公司冷库项目", "武山县") not in located


def test_a_park_visited_in_a_town_the_sentence_opens_with_is_in_that_town():
    r = extract_text(
        "射阳县推进项目建设\n"
        "射阳县召开项目推进会。\n"
        "在临海镇,县长走进射阳蓝海环保装备产业园,察看了江苏绿波环保科技有限公司除尘设备项目。\n"
    )
    located = rels(r, "locatedIn")
    assert ("射阳蓝海环保装备产业园", "临海镇") in located
    assert ("射阳蓝海环保装备产业园", "射阳县") not in located


def test_places_listed_under_one_scope_word_place_nothing_after_them():
    # 来到A园和B镇,察看了X、Y: the text does not say which of the two holds what was seen
    r = extract_text(
        "威县人大视察项目建设\n"
        "邢台市威县召开会议。视察组来到威县新能源装备产业园和方家营镇,察看了河北新锐电机有限公司电机项目和邢台宏达包装有限公司纸箱项目。\n"
    )
    located = rels(r, "locatedIn")
    assert not {x for x in located if x[1] == "方家营镇"}
    assert ("威县新能源装备产业园", "方家营镇") not in located


def test_the_site_of_a_project_given_by_its_construction_site_word():
    r = extract_text(
        "海城市重点项目集中开工\n"
        "(一)海城宏达耐材有限公司年产8万吨镁砖项目,总投资9亿元,建设地点为海城镁质材料产业园;\n"
        "(二)鞍山北方钢构有限公司钢结构项目,总投资4亿元,选址腾鳌镇。\n"
    )
    located = rels(r, "locatedIn")
    assert ("海城宏达耐材有限公司年产8万吨镁砖项目", "海城镁质材料产业园") in located
    assert ("鞍山北方钢构有限公司钢结构项目", "腾鳌镇") in located


def test_the_park_word_alone_names_the_park_named_before():
    r = extract_text(
        "襄垣县发展循环经济\n"
        "襄垣县把襄垣县上马循环经济产业园作为主平台。今年,长治焦源化工有限公司年产2万吨沥青项目已在园区开工。\n"
    )
    assert ("长治焦源化工有限公司年产2万吨沥青项目", "襄垣县上马循环经济产业园") in rels(r, "locatedIn")


def test_a_sentence_opening_with_the_park_word_is_about_the_park():
    r = extract_text(
        "宜章县工业发展\n"
        "宜章县瑶岗新材料产业园是全县的主战场。园区今年新建厂房10栋,郴州恒锂科技有限公司年产1万吨锂盐项目正在安装设备。\n"
    )
    assert ("郴州恒锂科技有限公司年产1万吨锂盐项目", "宜章县瑶岗新材料产业园") in rels(r, "locatedIn")


def test_the_park_word_inside_a_body_is_no_park():
    # 园区管委会 is the committee: no place for what follows
    r = extract_text(
        "宜章县工业发展\n"
        "宜章县召开大会。园区管委会主任介绍,郴州恒锂科技有限公司年产1万吨锂盐项目正在安装设备。\n"
    )
    assert not {x for x in rels(r, "locatedIn") if x[1].endswith("园")}


def test_an_entity_listed_with_a_place_after_one_scope_word_is_not_in_that_place():
    # 走进A园和B公司: the company is one of the places visited, not in the park
    r = extract_text(
        "锡林郭勒盟调研奶业\n"
        "锡林郭勒盟召开会议。\n"
        "在正镶白旗,盟委书记先后走进镶白奶业产业园和锡林郭勒白旗乳品有限公司,察看了生产车间。\n"
    )
    located = rels(r, "locatedIn")
    assert ("锡林郭勒白旗乳品有限公司", "正镶白旗") in located
    assert ("锡林郭勒白旗乳品有限公司", "镶白奶业产业园") not in located


def test_a_park_after_the_town_that_opens_its_sentence_is_in_the_town():
    # 在X镇,Y园…: the comma ends the scope phrase, the park is no second item of a list
    r = extract_text(
        "琼中县发展沉香产业\n"
        "琼中黎族苗族自治县召开会议。在湾岭镇,琼中黎母沉香产业园将引进海南香木科技有限公司建设沉香加工项目。\n"
    )
    assert ("琼中黎母沉香产业园", "湾岭镇") in rels(r, "locatedIn")


def test_a_project_named_after_a_town_of_the_article_is_in_the_town():
    # the town opens a firm's name inside the project's: a town's firm works in the town
    r = extract_text(
        "威县推进项目建设\n"
        "邢台市威县召开项目推进会。视察组来到威县新能源产业园,"
        "察看了河北冀锋机械有限公司农机项目和方家营镇梨果冷链物流中心项目。\n"
    )
    assert ("方家营镇梨果冷链物流中心项目", "方家营镇") in rels(r, "locatedIn")
