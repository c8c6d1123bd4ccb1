"""resolve.py + relations.py on whole articles written for the tests."""
from __future__ import annotations

from conftest import FIXTURES, extract_text, names, rels

from kg.merge import merge


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
    # and each keeps the surface form the article used
    assert all("市工信局" in e.aliases for e in m.entities.values() if e.type == "Agency")


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
