"""relations.py: where parks, companies and projects are (the nearest stated scope), who builds
a project and which group a company belongs to, on sentences written for the tests."""
from __future__ import annotations

from conftest import extract_text, rels


def located(r) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for head, tail in rels(r, "locatedIn"):
        out.setdefault(head, set()).add(tail)
    return out


def test_a_tour_of_counties_places_each_project_in_the_county_of_its_clause():
    r = extract_text(
        "标题:衢州市委书记调研重点项目建设\n5月10日,衢州市委书记王明调研全市重点项目建设情况。\n"
        "在常山县,王明观摩了年产5万吨胡柚深加工项目,详细了解建设进度;"
        "在开化县,他察看了年产2万台高端装备生产线项目。\n王明强调,要加快衢州市项目建设。"
    )
    loc = located(r)
    assert loc["年产5万吨胡柚深加工项目"] == {"常山县"}
    assert loc["年产2万台高端装备生产线项目"] == {"开化县"}


def test_an_opening_scope_holds_to_the_end_of_its_paragraph():
    r = extract_text(
        "标题:衢州市重点项目集中开工\n衢州市举行重点项目集中开工活动。\n"
        "在开化县,共有5个项目开工。其中,年产3万套木制家具生产线项目总投资6亿元。\n"
        "衢州市新材料产业园二期项目同日开工。"
    )
    loc = located(r)
    assert loc["年产3万套木制家具生产线项目"] == {"开化县"}
    # the next paragraph is out of that scope: the article's region
    assert loc["衢州市新材料产业园二期项目"] == {"衢州市"}


def test_a_project_signed_into_a_park_is_in_the_park_and_the_parks_region():
    r = extract_text(
        "标题:衢州市举行重大项目签约仪式\n6月3日,衢州市举行重大项目集中签约仪式。"
        "浙江恒达机械有限公司年产20万台电机项目签约落户常山经济开发区。市长李华出席。"
    )
    assert located(r)["浙江恒达机械有限公司年产20万台电机项目"] == {"常山经济开发区", "衢州市"}
    assert ("浙江恒达机械有限公司年产20万台电机项目", "浙江恒达机械有限公司") in rels(r, "developedBy")


def test_where_an_agreement_is_signed_is_not_where_its_project_is():
    r = extract_text(
        "标题:衢州市与企业签约\n衢州市政府与浙江恒达机械有限公司在杭州签署战略合作协议,"
        "双方将在常山县合作建设智能电机产业园项目。"
    )
    assert located(r)["智能电机产业园项目"] == {"常山县"}
    assert "杭州市" not in {t for ts in located(r).values() for t in ts}


def test_a_project_a_delegation_negotiates_away_comes_home():
    r = extract_text(
        "标题:衢州市外出招商\n衢州市商务局先后赴江苏省苏州市拜访重点企业,"
        "洽谈对接年产8万吨特种纸生产线项目,项目已开展前期工作。"
    )
    assert located(r)["年产8万吨特种纸生产线项目"] == {"衢州市"}


def test_a_scope_wider_than_the_articles_region_is_the_articles_region():
    # a guard: the province a clause names holds the city the article is about, the narrower
    r = extract_text(
        "标题:巢湖市推进重点项目\n巢湖市加快项目建设。在安徽省,年产10万吨镁合金压铸件项目开工建设。"
    )
    assert located(r)["年产10万吨镁合金压铸件项目"] == {"巢湖市"}


def test_a_place_in_full_in_a_projects_name_is_its_place_a_brand_opening_it_is_not():
    r = extract_text(
        "标题:衢州市推进项目\n衢州市加快项目建设。常山县年产5万吨胡柚深加工项目开工,"
        "宁德时代储能电池项目投资20亿元。"
    )
    loc = located(r)
    assert loc["常山县年产5万吨胡柚深加工项目"] == {"常山县"}
    assert loc["宁德时代储能电池项目"] == {"衢州市"}


def test_a_company_that_builds_a_project_develops_it():
    r = extract_text(
        "标题:常山县推进项目建设\n常山县重点项目加快推进。华南建工集团投资10亿元的年产50万吨新型建材产业基地项目进展顺利,"
        "胡柚深加工项目由浙江绿源食品有限公司承建。"
    )
    dev = rels(r, "developedBy")
    assert ("年产50万吨新型建材产业基地项目", "华南建工集团") in dev
    assert ("胡柚深加工项目", "浙江绿源食品有限公司") in dev


def test_group_membership_from_the_name_and_from_the_clause():
    r = extract_text(
        "标题:常山县企业发展\n常山县重点企业发展良好。华南建工集团旗下的华南建材有限公司扩大产能,"
        "浙江绿源食品有限公司是浙江农发集团的全资子公司,华南建工集团常山建材有限公司新线投产。"
    )
    sub = rels(r, "subsidiaryOf")
    assert ("华南建材有限公司", "华南建工集团") in sub
    assert ("浙江绿源食品有限公司", "浙江农发集团") in sub
    assert ("华南建工集团常山建材有限公司", "华南建工集团") in sub
    # a group whose member is named has its seat elsewhere: the article's county is not said of it
    assert "华南建工集团" not in located(r)
    assert "浙江农发集团" not in located(r)


def test_a_registered_name_without_a_place_is_located_only_where_the_text_says():
    r = extract_text(
        "标题:巢湖市重大项目集中开工\n巢湖市重大项目集中开工。江南光电科技股份有限公司、"
        "巢湖长丰机械有限公司负责人作为开工项目单位代表发言。"
    )
    loc = located(r)
    assert "江南光电科技股份有限公司" not in loc
    assert loc["巢湖长丰机械有限公司"] == {"巢湖市"}


def test_the_companies_a_visit_sees_are_in_the_place_of_the_visit():
    r = extract_text(
        "标题:省工信厅调研化工产业链\n省工信厅召开化工产业链座谈会。在榆林期间,调研组调研了"
        "华北精细化工有限公司等重点企业。"
    )
    assert located(r)["华北精细化工有限公司"] == {"榆林市"}
