"""resolve.py + relations.py on whole articles written for the tests."""
from __future__ import annotations

from conftest import FIXTURES, extract_text, names, rels

from kg.corpus.merge import merge


def fixture(name):
    return extract_text((FIXTURES / name).read_text(encoding="utf-8"))


def test_city_deixis_resolves_to_the_focal_city():
    r = fixture("city_bureau.txt")
    assert names(r, "Agency") == {"湖州市工业和信息化局"}
    assert rels(r, "memberOf") == {("郑海涛", "湖州市工业和信息化局")}
    assert rels(r, "jurisdiction") == {("湖州市工业和信息化局", "湖州市")}
    assert ("湖州市", "浙江省") in rels(r, "partOf")
    assert not names(r, "Official") & {"许文华"}  # the reporter


def test_district_deixis_and_head_of_government():
    r = fixture("district_visit.txt")
    assert {"中共江北区委员会", "江北区人民政府"} <= names(r, "Agency")
    assert ("王立军", "中共江北区委员会") in rels(r, "memberOf")
    assert ("孙丽娟", "江北区人民政府") in rels(r, "memberOf")
    assert ("江北区", "宁波市") in rels(r, "partOf")


def test_banner_deixis_and_park_hosting_companies():
    r = fixture("banner_interview.txt")
    assert names(r, "Agency") >= {"乌拉特前旗工业和信息化局", "中共乌拉特前旗委员会", "乌拉特前旗人民政府"}
    assert rels(r, "memberOf") == {("赵永胜", "乌拉特前旗工业和信息化局")}
    assert ("蒙泰化工", "乌拉特前旗工业园区") in rels(r, "locatedIn")
    assert ("蒙泰化工二期项目", "蒙泰化工") in rels(r, "developedBy")
    assert ("乌拉特前旗", "巴彦淖尔市") in rels(r, "partOf")


def test_title_park_hosts_the_companies_visited():
    r = fixture("district_visit.txt")
    assert ("宏图智能", "江北高新区") in rels(r, "locatedIn")
    assert ("远帆新材料", "江北高新区") in rels(r, "locatedIn")


def test_same_short_agency_name_in_two_cities_stays_two_nodes():
    a, b = fixture("city_bureau.txt"), fixture("other_city_bureau.txt")
    m = merge([a, b])
    bureaus = sorted(e.name for e in m.entities.values() if e.type == "Agency")
    assert bureaus == ["湖州市工业和信息化局", "衢州市工业和信息化局"]
    # each keeps the short form the article used, qualified with its city: the bare 市工信局
    # would be a name of both
    agencies = sorted((e for e in m.entities.values() if e.type == "Agency"), key=lambda e: e.name)
    assert [sorted(e.aliases) for e in agencies] == [["湖州市工信局"], ["衢州市工信局"]]


def test_company_short_names_merge_with_the_full_name():
    r = extract_text(
        "本报讯 海东市推进重点项目。青海天蓝新能源科技有限公司年产3万吨负极材料二期加快建设,"
        "天蓝新能源科技表示将扩大投资。"
    )
    companies = [e for e in r.entities if e.type == "Company"]
    assert [c.name for c in companies] == ["青海天蓝新能源科技有限公司"]


def test_merge_is_order_independent():
    a, b, c = fixture("city_bureau.txt"), fixture("other_city_bureau.txt"), fixture("banner_interview.txt")
    m1, m2 = merge([a, b, c]), merge([c, a, b])
    assert m1.entities == m2.entities
    assert m1.relations == m2.relations


def test_ambiguous_district_left_unresolved_and_flagged():
    r = fixture("ambiguous_district.txt")
    assert names(r, "Region") == set()  # 鼓楼区 is in 南京, 徐州, 福州, 开封: nothing decides
    assert [n for n, _ in r.unresolved] == ["鼓楼区"]
    assert names(r, "Agency") == set()  # 区工信局 of which 鼓楼区? not guessed either


def test_ambiguous_district_decided_by_its_city():
    r = fixture("ambiguous_district_decided.txt")
    assert {"鼓楼区", "福州市", "福建省"} <= names(r, "Region")
    assert ("鼓楼区", "福州市") in rels(r, "partOf") and ("福州市", "福建省") in rels(r, "partOf")
    assert ("鼓楼区工业和信息化局", "鼓楼区") in rels(r, "jurisdiction")
    assert r.unresolved == []
    region = next(e for e in r.entities if e.name == "鼓楼区")
    assert ("divisionCode", "350102") in region.attrs and ("level", "county") in region.attrs
    # 我区 and 全市 are evidence for the article's own district and city
    gulou = region.evidence
    assert len(gulou) >= 2


def test_two_outlets_same_park_company_project_merge():
    a, b = fixture("park_report_a.txt"), fixture("park_report_b.txt")
    m = merge([a, b])
    by_type = {}
    for e in m.entities.values():
        by_type.setdefault(e.type, []).append(e)
    (park,) = by_type["IndustrialPark"]
    assert park.name == "长兴县经济技术开发区" and "长兴经济技术开发区" in park.aliases
    (company,) = by_type["Company"]
    assert company.name == "浙江昌能电池集团有限公司" and "昌能电池集团" in company.aliases
    projects = {e.name for e in by_type["Project"]}
    assert "浙江昌能电池集团有限公司年产10GWh储能电池项目" in projects
    assert "昌能电池集团年产10GWh储能电池项目" not in projects  # merged into the full name
    assert len(m.sources[park.key]) == 2 and len(m.sources[company.key]) == 2
    (official,) = by_type["Official"]
    assert len(m.sources[official.key]) == 2  # 陈国强, 县长 of 长兴县 in both


def test_same_name_officials_in_different_places_stay_apart():
    a = extract_text("标题:访谈\n湖州市工信局局长李明表示,全市工业稳中有进。")
    b = extract_text("标题:访谈\n衢州市工信局局长李明表示,全市工业稳中有进。")
    m = merge([a, b])
    officials = [e for e in m.entities.values() if e.type == "Official"]
    assert [o.name for o in officials] == ["李明", "李明"]


def test_same_name_same_company_different_counties_stay_apart():
    a = extract_text("标题:报道\n杭锦后旗工信局表示,华恒生物二期进入收尾阶段。")
    b = extract_text("标题:报道\n峄城区工信局表示,华恒生物二期进入收尾阶段。")
    m = merge([a, b])
    assert len([e for e in m.entities.values() if e.type == "Company"]) == 2


def test_every_region_has_its_chain_to_the_province():
    r = fixture("district_visit.txt")
    assert ("江北区", "宁波市") in rels(r, "partOf") and ("宁波市", "浙江省") in rels(r, "partOf")


def test_county_visit_officials_parks_and_company_projects():
    r = fixture("county_visit.txt")
    assert rels(r, "memberOf") >= {("刘玉杰", "中共临泉县委员会"), ("张伟", "临泉县人民政府"), ("张伟", "中共临泉县委员会")}
    assert {"临泉经济开发区", "临泉现代产业园"} <= names(r, "IndustrialPark")
    assert ("年产3万吨新能源汽车零部件项目", "安徽金田高新材料股份有限公司") in rels(r, "developedBy")
    assert "王晓东" not in names(r, "Official")  # the reporter
    assert {"临泉县发展和改革委员会", "临泉县经济和信息化局", "临泉县商务局"} <= names(r, "Agency")


def test_development_zone_committees_in_traditional_script():
    r = fixture("devzone_interview_trad.txt")
    assert rels(r, "memberOf") == {
        ("李克坚", "中共赣州经济技术开发区工作委员会"),
        ("李克坚", "赣州经济技术开发区管理委员会"),
    }
    assert ("孚能科技(赣州)股份有限公司年产10GWh动力电池项目", "孚能科技(赣州)股份有限公司") in rels(r, "developedBy")
    # the zone of the title hosts what the interview names
    assert ("格特拉克", "赣州经济技术开发区") in rels(r, "locatedIn")
    assert "刘伟" not in names(r, "Official")  # 责任编辑


def test_projects_landing_in_a_park():
    r = fixture("city_signing.txt")
    assert ("宁德时代储能电池项目", "泰州医药高新区") in rels(r, "locatedIn")
    assert ("比亚迪新能源动力电池生产基地项目", "泰州医药高新区") in rels(r, "locatedIn")
    assert rels(r, "memberOf") >= {("王建国", "中共泰州市委员会"), ("赵立新", "泰州市人民政府")}


def test_townships_of_a_named_county_with_their_party_committee():
    r = extract_text("标题:杭锦后旗陕坝镇推进项目建设\n陕坝镇党委书记王刚表示,陕坝镇人民政府将全力服务企业。")
    assert ("陕坝镇", "杭锦后旗") in rels(r, "partOf")
    assert rels(r, "memberOf") == {("王刚", "中共陕坝镇委员会")}
    # a township is only looked for under a county the article names: 城关镇 alone is nowhere
    assert names(extract_text("城关镇召开会议,镇党委书记李强出席。"), "Region") == set()


def test_an_agency_keeps_one_jurisdiction_the_one_its_name_places_it_in():
    # two articles disagree: a zone committee named with its city, and the same committee given
    # the county an article was about (the ontology allows one jurisdiction per agency)
    from kg.corpus.merge import merge
    from kg.model import ArticleResult, Entity, Evidence, Relation

    from conftest import article

    def result(aid: str, region: str, n_sentences: int) -> ArticleResult:
        a = article(f"text {aid}", path=f"{aid}.txt")
        evs = tuple(Evidence(aid, i, 0, 1) for i in range(n_sentences))
        ag = Entity("Agency:扬州江都高新区管理委员会", "Agency", "扬州江都高新区管理委员会", evidence=evs)
        reg = Entity(f"Region:{region}", "Region", region)
        return ArticleResult(article=a, entities=[ag, reg],
                             relations=[Relation(ag.key, "jurisdiction", reg.key, evs)])

    # 321012 江都区 is within 扬州 (the name's first place); 411622 西华县 is stated more often
    m = merge([result("a1", "321012", 1), result("a2", "411622", 3), result("a3", "411622", 1)])
    juris = [(r.head, r.tail) for r in m.relations if r.rel == "jurisdiction"]
    assert juris == [("Agency:扬州江都高新区管理委员会", "Region:321012")]
    assert m.dropped == {("Agency:扬州江都高新区管理委员会", "jurisdiction", "Region:411622")}
    # named after no place: the region most articles state
    def plain(aid, region):
        r = result(aid, region, 1)
        ag = Entity("Agency:高新区管理委员会", "Agency", "高新区管理委员会")
        return ArticleResult(article=r.article, entities=[ag, r.entities[1]],
                             relations=[Relation(ag.key, "jurisdiction", f"Region:{region}", r.relations[0].evidence)])
    m = merge([plain("b1", "411622"), plain("b2", "321012"), plain("b3", "321012")])
    assert [r.tail for r in m.relations if r.rel == "jurisdiction"] == ["Region:321012"]


def test_a_projects_phase_is_read_from_its_name_once_and_the_graph_states_it():
    from rdflib import Literal, URIRef
    from rdflib.namespace import XSD

    from kg.rdf.graph import build_graph, entity_iri

    r = extract_text("标题:报道\n杭锦后旗工信局表示,华恒生物二期、米仓酒业12期工程进入收尾阶段。蒙泰化工年产3万吨项目开工。")
    phases = {e.name: dict(e.attrs).get("phase") for e in r.entities if e.type == "Project"}
    assert phases == {"华恒生物二期": "2", "米仓酒业12期工程": "12", "蒙泰化工年产3万吨项目": None}
    m = merge([r])
    g = build_graph(m)
    phase = URIRef("https://w3id.org/chanye/ontology#phase")
    got = {(str(s), o) for s, _, o in g.triples((None, phase, None))}
    want = {(str(entity_iri(k)), Literal(phases[e.name], datatype=XSD.integer))
            for k, e in m.entities.items() if e.type == "Project" and phases[e.name]}
    assert got == want and len(got) == 2


def test_a_deictic_short_form_is_no_name_of_the_body():
    # 省委 and 市工信局 point at the article's own province and city: as names they would make
    # every province's committee answer to 省委 across a corpus
    r = extract_text(
        "甘肃省召开全省工业大会。省委书记韩立新在会上讲话。\n"
        "兰州市工信局局长马春雷介绍了情况，市工信局将牵头推进。\n"
    )
    agencies = {e.name: e.aliases for e in r.entities if e.type == "Agency"}
    assert "中共甘肃省委员会" in agencies
    assert "省委" not in agencies["中共甘肃省委员会"]
    assert all("市工信局" not in a for a in agencies.values())
    assert any("兰州市工信局" in a for a in agencies.values())
