"""mentions/: one finder per type, on sentences written for the tests."""
from __future__ import annotations

from kg.extract.mentions.agencies import find_agencies
from kg.extract.mentions.officials import find_officials
from kg.extract.mentions.orgs import find_orgs, is_generic
from kg.extract.mentions.regions import find_regions
from kg.io.normalize import normalize
from kg.refs import Ambiguous, Code, Deixis, Inherited, ParkBody


def regions(s):
    return [(m.surface, m.place) for m in find_regions(normalize(s))]


def agencies(s):
    t = normalize(s)
    return [(m.surface, m.body, m.place) for m in find_agencies(t, find_regions(t))]


def officials(s):
    t = normalize(s)
    r = find_regions(t)
    a = find_agencies(t, r)
    return [(o.mention.surface, [(p.title, p.org.surface if p.org else None) for p in o.posts]) for o in find_officials(t, r, a)]


def orgs(s):
    t = normalize(s)
    r = find_regions(t)
    a = find_agencies(t, r)
    o = find_officials(t, r, a)
    return {(m.type, m.surface) for m in find_orgs(t, r, a, [x.mention for x in o])}


def companies(s):
    return {n for t, n in orgs(s) if t == "Company"}


# ---------------------------------------------------------------- regions

def test_full_and_short_region_names():
    assert regions("江西省赣州市和西藏的企业") == [("江西省", Code("360000")), ("赣州市", Code("360700")), ("西藏", Code("540000"))]


def test_county_abbreviation_needs_the_full_name_in_the_article():
    assert ("土右", Code("150221")) in regions("土默特右旗召开项目推进会,记者一线走访土右重点企业")
    assert regions("一线走访土右重点企业") == []
    # a place named only as part of an outlet's name (X广播电视台) is no evidence of the place
    assert ("土右", Code("150221")) not in regions("土默特右旗广播电视台开设一线走访土右专栏")


def test_no_county_inside_an_everyday_word():
    # 范县 is a county; 示范县 is "a model county"
    assert regions("荣获全国科普示范县称号") == []


def test_ambiguous_district_left_unresolved_without_context():
    (m,) = find_regions(normalize("鼓楼区召开会议"))
    assert isinstance(m.place, Ambiguous) and {"320106", "350102"} <= set(m.place.codes)
    assert list(m.place.codes) == sorted(m.place.codes)


def test_ambiguous_district_decided_by_its_city():
    assert ("鼓楼区", Code("350102")) in regions("福州市鼓楼区召开会议")
    assert ("朝阳区", Code("220104")) in regions("长春市朝阳区召开会议")


def test_two_character_name_only_after_its_parent():
    assert regions("城区工业园区") == []
    assert ("城区", Code("140302")) in regions("阳泉市城区")


def test_deixis_is_a_level_not_a_place():
    assert regions("我市工业稳中有进,全县企业") == [("我市", Deixis("市")), ("全县", Deixis("县"))]


# ---------------------------------------------------------------- agencies

def test_agency_with_explicit_region_and_abbreviation():
    assert agencies("扎赉特旗工信局召开调度会") == [("扎赉特旗工信局", "工业和信息化局", Code("152223"))]


def test_agency_deixis_and_party_committee():
    got = agencies("按照市委、市政府的部署,旗工业和信息化局")
    assert ("市委", "委员会", Deixis("市")) in got
    assert ("市政府", "人民政府", Deixis("市")) in got
    assert ("旗工业和信息化局", "工业和信息化局", Deixis("旗")) in got


def test_agency_shorthand_pair():
    got = agencies("旗委政府高度重视园区建设")
    assert ("旗委", "委员会", Deixis("旗")) in got and ("旗政府", "人民政府", Deixis("旗")) in got


def test_agency_list_inherits_region():
    got = agencies("西岗区委副书记孟涛召集区发改局、工信局、文体旅局负责人")
    assert ("工信局", "工业和信息化局", Inherited()) in got
    assert ("文体旅局", "文化体育和旅游局", Inherited()) in got


def test_park_committee_carries_its_park():
    got = agencies("昆山高新区管委会主任周斌")
    assert got == [("昆山高新区管委会", "管理委员会", ParkBody("昆山高新区"))]


def test_everyday_words_are_not_agencies():
    assert agencies("城市政府工作报告,社区委托") == []
    assert agencies("《政府工作报告》指出") == []


# ---------------------------------------------------------------- officials

def test_official_title_chain_and_names():
    assert officials("韶关市发展和改革局党组书记、局长谭立新将出席论坛") == [
        ("谭立新", [("党组书记", "韶关市发展和改革局"), ("局长", None)])
    ]
    assert officials("全国人大代表、钦州市市长韦光明走进直播间") == [
        ("韦光明", [("全国人大代表", None), ("市长", "钦州市")])
    ]


def test_two_character_names():
    assert officials("西岗区委副书记、区长孟涛带队赴厦门")[0][0] == "孟涛"
    assert officials("思明区委常委、副区长许航介绍了情况")[0][0] == "许航"
    assert officials("县长陈国强在会上表示")[0][0] == "陈国强"


def test_journalists_and_editors_are_not_officials():
    assert officials("(记者 苏远航 通讯员 郑晓岚) 责任编辑:高雅琴 主持人晓彤") == []


def test_title_without_a_name_is_not_an_official():
    assert officials("市委书记强调,要加快发展") == []


# ---------------------------------------------------------------- parks, companies, projects

def test_parks_by_suffix_and_left_boundary():
    got = orgs("加快建成高端数控机床制造产业园、云岭风味食品产业园。二是着力打造青松大健康产业园")
    assert ("IndustrialPark", "高端数控机床制造产业园") in got
    assert ("IndustrialPark", "云岭风味食品产业园") in got
    assert ("IndustrialPark", "青松大健康产业园") in got
    assert not any(t == "Company" for t, _ in got)  # 食品/大健康 inside a park name are industries


def test_companies_projects_and_phases():
    got = orgs("瑞康生物三期、青岚酒业基酒生产线项目正在收尾;蒙泉公司新建日处理1500吨酸奶生产线项目")
    assert {("Company", "瑞康生物"), ("Company", "青岚酒业"), ("Company", "蒙泉公司")} <= got
    assert {("Project", "瑞康生物三期"), ("Project", "青岚酒业基酒生产线项目")} <= got


def test_list_head_types_untyped_items():
    got = orgs("康元大健康、维森特等9家企业入选。实施绿源肉牛养殖、林森菌菇加工等一批产业项目")
    assert ("Company", "维森特") in got
    assert ("Project", "绿源肉牛养殖") in got


def test_generic_nouns_are_not_entities():
    got = orgs("促进一批重大项目开工,今年引进总投资亿元以上项目87个,紧盯项目,提升小微园,纺织服装、化工等传统产业企业")
    assert got == set()
    assert is_generic("95个重点") and is_generic("一批重大") and not is_generic("小杂粮精深加工")


def test_legal_company_names_with_parentheses():
    got = orgs("先后赴华远环境(集团)有限公司、厦门市海泓投资集团有限公司考察")
    assert ("Company", "华远环境(集团)有限公司") in got
    assert ("Company", "厦门市海泓投资集团有限公司") in got


def test_an_official_keeps_the_title_chain_and_what_each_title_names():
    t = normalize("全国人大代表、钦州市市长韦光明走进直播间")
    r = find_regions(t)
    (o,) = find_officials(t, r, find_agencies(t, r))
    assert o.mention.titles == ("全国人大代表", "市长")
    # titles.tsv: 全国人大代表 names its body; 市长 heads the government of the place before it
    assert [(p.kind, p.body) for p in o.posts] == [("body", "全国人民代表大会"), ("head", "")]
    assert o.posts[1].org is not None and o.posts[1].org.place == Code("450700")


def test_org_candidates_say_which_rule_found_them():
    t = normalize("瑞康生物三期、蒙泉公司正在收尾,以达立信为龙头,康元大健康、维森特等9家企业")
    r = find_regions(t)
    a = find_agencies(t, r)
    got = {(m.surface, m.rule) for m in find_orgs(t, r, a, [])}
    assert got == {("瑞康生物", "industry"), ("瑞康生物三期", "phase"), ("蒙泉公司", "legal"),
                   ("达立信", "frame"), ("康元大健康", "industry"), ("维森特", "list")}
