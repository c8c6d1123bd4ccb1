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


# ---------------------------------------------------------------- regions

def test_full_and_short_region_names():
    assert regions("山东省泰安市和宁夏的企业") == [("山东省", Code("370000")), ("泰安市", Code("370900")), ("宁夏", Code("640000"))]


def test_county_abbreviation_needs_the_full_name_in_the_article():
    assert ("杭后", Code("150826")) in regions("杭锦后旗融媒体中心推出高质量发展看杭后栏目")
    assert regions("高质量发展看杭后") == []


def test_no_county_inside_an_everyday_word():
    # 范县 is a county; 示范县 is "a model county"
    assert regions("获评平安中国建设示范县") == []


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
    assert agencies("杭锦后旗工信局召开会议") == [("杭锦后旗工信局", "工业和信息化局", Code("150826"))]


def test_agency_deixis_and_party_committee():
    got = agencies("在市委、市政府的领导下,旗工业和信息化局")
    assert ("市委", "委员会", Deixis("市")) in got
    assert ("市政府", "人民政府", Deixis("市")) in got
    assert ("旗工业和信息化局", "工业和信息化局", Deixis("旗")) in got


def test_agency_shorthand_pair():
    got = agencies("在旗委政府的坚强领导下")
    assert ("旗委", "委员会", Deixis("旗")) in got and ("旗政府", "人民政府", Deixis("旗")) in got


def test_agency_list_inherits_region():
    got = agencies("乌翠区委副书记刘海率领区政府办、工信局、文体旅局等部门")
    assert ("工信局", "工业和信息化局", Inherited()) in got
    assert ("文体旅局", "文化体育和旅游局", Inherited()) in got


def test_park_committee_carries_its_park():
    got = agencies("江都高新区管委会主任李强")
    assert got == [("江都高新区管委会", "管理委员会", ParkBody("江都高新区"))]


def test_everyday_words_are_not_agencies():
    assert agencies("城市政府工作报告,社区委托") == []
    assert agencies("《政府工作报告》指出") == []


# ---------------------------------------------------------------- officials

def test_official_title_chain_and_names():
    assert officials("阳江市工业和信息化局党组书记、局长黄碧俏将上线交流") == [
        ("黄碧俏", [("党组书记", "阳江市工业和信息化局"), ("局长", None)])
    ]
    assert officials("全国人大代表、来宾市市长雷应敏做客访谈间") == [
        ("雷应敏", [("全国人大代表", None), ("市长", "来宾市")])
    ]


def test_two_character_names():
    assert officials("乌翠区委副书记、区长刘海带队赴三亚")[0][0] == "刘海"
    assert officials("崖州区委常委、副区长林鹏介绍了情况")[0][0] == "林鹏"
    assert officials("县长陈国强在会上表示")[0][0] == "陈国强"


def test_journalists_and_editors_are_not_officials():
    assert officials("(记者 张文奎 通讯员 林华春) 责任编辑:陈秋凤 主持人欣诺") == []


def test_title_without_a_name_is_not_an_official():
    assert officials("市委书记强调,要加快发展") == []


# ---------------------------------------------------------------- parks, companies, projects

def test_parks_by_suffix_and_left_boundary():
    got = orgs("加快建成现代机械装备制造产业园、陕坝味道食品产业园。一是全力做优王老吉大健康产业园")
    assert ("IndustrialPark", "现代机械装备制造产业园") in got
    assert ("IndustrialPark", "陕坝味道食品产业园") in got
    assert ("IndustrialPark", "王老吉大健康产业园") in got
    assert not any(t == "Company" for t, _ in got)  # 食品/大健康 inside a park name are industries


def test_companies_projects_and_phases():
    got = orgs("华恒生物二期、米仓酒业原酒生产线项目进入收尾阶段;伊利公司建设日处理2000吨鲜奶生产线项目")
    assert {("Company", "华恒生物"), ("Company", "米仓酒业"), ("Company", "伊利公司")} <= got
    assert {("Project", "华恒生物二期"), ("Project", "米仓酒业原酒生产线项目")} <= got


def test_list_head_types_untyped_items():
    got = orgs("吉美大健康、博泽格林等11家企业获批。推进丰博生猪养殖、森博森林食品加工等多个产业项目")
    assert ("Company", "博泽格林") in got
    assert ("Project", "丰博生猪养殖") in got


def test_generic_nouns_are_not_entities():
    got = orgs("推动一批重大项目落地,新签约投资亿元以上项目132个,狠抓项目,优化小微园,电机电器、船舶等传统产业企业")
    assert got == set()
    assert is_generic("119个重点") and is_generic("一批重大") and not is_generic("鲜食玉米精深加工")


def test_legal_company_names_with_parentheses():
    got = orgs("先后赴中国光大环境(集团)有限公司、深圳市创新投资集团有限公司考察")
    assert ("Company", "中国光大环境(集团)有限公司") in got
    assert ("Company", "深圳市创新投资集团有限公司") in got


def test_an_official_keeps_the_title_chain_and_what_each_title_names():
    t = normalize("全国人大代表、来宾市市长雷应敏做客访谈间")
    r = find_regions(t)
    (o,) = find_officials(t, r, find_agencies(t, r))
    assert o.mention.titles == ("全国人大代表", "市长")
    # titles.tsv: 全国人大代表 names its body; 市长 heads the government of the place before it
    assert [(p.kind, p.body) for p in o.posts] == [("body", "全国人民代表大会"), ("head", "")]
    assert o.posts[1].org is not None and o.posts[1].org.place == Code("451300")


def test_org_candidates_say_which_rule_found_them():
    t = normalize("华恒生物二期、伊利公司进入收尾阶段,以福斯派为龙头,吉美大健康、博泽格林等11家企业")
    r = find_regions(t)
    a = find_agencies(t, r)
    got = {(m.surface, m.rule) for m in find_orgs(t, r, a, [])}
    assert got == {("华恒生物", "industry"), ("华恒生物二期", "phase"), ("伊利公司", "legal"),
                   ("福斯派", "frame"), ("吉美大健康", "industry"), ("博泽格林", "list")}
