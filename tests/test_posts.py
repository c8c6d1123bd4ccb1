"""Posts of officials and the levels of administration (kg/data/levels.tsv, titles.tsv): on
sentences written for the tests."""
from __future__ import annotations

from conftest import extract_text, names, rels

from kg.extract.gazetteer import government_of, head_titles, level_of, qualifiers, same_level
from kg.extract.resolve import resolve_deixis
from kg.extract.gazetteer import load
from kg.extract.mentions.agencies import find_agencies
from kg.extract.mentions.regions import find_regions
from kg.io.normalize import normalize
from kg.refs import Code


def members(text: str) -> set[tuple[str, str]]:
    return rels(extract_text(text), "memberOf")


# ---------------------------------------------------------------- the level table

def test_every_level_dependent_word_comes_from_one_row():
    heads = head_titles()
    assert heads["盟长"] == heads["副盟长"] == heads["常务副盟长"] == "盟"
    assert heads["专员"] == "地" and heads["代县长"] == "县" and heads["州长"] == "州"
    assert government_of("锡林郭勒盟") == "行政公署" and government_of("阿里地区") == "行政公署"
    assert government_of("宁德市") == "人民政府" and government_of("黄南藏族自治州") == "人民政府"
    assert level_of("地") is not None and level_of("地").word == "地区"  # 地委
    assert {"盟", "地", "州", "自治州"} <= set(qualifiers())


def test_a_level_is_the_brief_of_the_longest_level_word_a_name_ends_with():
    assert same_level("区", "涪陵区", township=False)
    assert not same_level("区", "内蒙古自治区", township=False)
    assert not same_level("区", "和田地区", township=False)
    assert not same_level("区", "某某经济开发区", township=True)
    assert same_level("州", "黄南藏族自治州", township=False) and same_level("自治州", "黄南藏族自治州", township=False)
    assert same_level("地", "和田地区", township=False)


def test_deixis_of_a_prefecture_written_as_its_brief():
    gaz = load()
    focal = next(c for c, d in gaz.by_code.items() if d.name == "和田地区")
    county = next(c for c in gaz.children[focal] if gaz.by_code[c].level == "county")
    assert resolve_deixis("地", county, set(), gaz) == focal
    assert resolve_deixis("区", county, set(), gaz) == ""  # 和田地区 is no 区


# ---------------------------------------------------------------- governments of other levels

def test_a_league_deputy_head_is_in_its_administrative_office():
    r = members("锡林郭勒盟行政公署副盟长孟和平到企业调研。")
    assert ("孟和平", "锡林郭勒盟行政公署") in r


def test_a_league_head_title_alone_and_its_party_committee():
    r = members("锡林郭勒盟盟委书记冯远志、盟长邓青山出席开工仪式。")
    assert ("冯远志", "中共锡林郭勒盟委员会") in r
    assert ("邓青山", "锡林郭勒盟行政公署") in r


def test_a_prefecture_commissioner_and_its_party_committee():
    r = members("和田地区行署专员韩立新、地委副书记罗文斌出席会议。")
    assert ("韩立新", "和田地区行政公署") in r
    assert ("罗文斌", "中共和田地区委员会") in r


def test_an_autonomous_prefecture_by_its_short_name_with_its_brief():
    t = normalize("黄南州委书记贺东明在同仁市调研光伏产业。")
    found = [(m.surface, m.place) for m in find_agencies(t, find_regions(t))]
    assert found == [("黄南州委", Code("632300"))]  # not 州委 of the focal region
    assert ("贺东明", "中共黄南藏族自治州委员会") in members("黄南州委书记贺东明在同仁市调研光伏产业。")


# ---------------------------------------------------------------- chains of posts

def test_a_chain_goes_on_through_a_park_committee():
    r = members("宁德市委常委、东侨经济开发区管委会主任吴振国出席。")
    assert ("吴振国", "中共宁德市委员会") in r
    assert ("吴振国", "东侨经济开发区管理委员会") in r


def test_a_park_named_with_its_other_name_in_brackets():
    res = extract_text("区委常委、江都高新区(江都综合保税区)党工委书记钱立群出席。")
    assert "中共江都高新区工作委员会" in names(res, "Agency")
    assert "中共江都综合保税区工作委员会" not in names(res, "Agency")


def test_a_chain_goes_on_through_a_body_the_lexicons_do_not_know():
    r = members("省政协副主席、宁德市委书记、省新能源产业链链长郭庆华主持会议。")
    assert ("郭庆华", "中共宁德市委员会") in r
    assert ("郭庆华", "中国人民政治协商会议福建省委员会") in r


def test_a_spokesperson_ends_a_chain_of_government_posts():
    r = members("区委常委、常务副区长兼区政府新闻发言人傅明远答记者问。宁德市蕉城区召开发布会。")
    assert ("傅明远", "宁德市蕉城区人民政府") in r or ("傅明远", "蕉城区人民政府") in r


# ---------------------------------------------------------------- bodies written around the region

def test_a_region_with_its_level_written_again_before_the_committee():
    r = members("中共海丰县县委书记许振华出席。")
    assert ("许振华", "中共海丰县委员会") in r


def test_a_party_post_right_after_a_region():
    r = members("海丰县副书记蔡志坚主持仪式。")
    assert ("蔡志坚", "中共海丰县委员会") in r


def test_a_department_written_after_its_government():
    res = extract_text("靖江市政府招商局局长闵立新介绍了情况。")
    assert ("闵立新", "靖江市招商局") in rels(res, "memberOf")


def test_national_bodies_need_no_region():
    ag = names(extract_text("经国务院批准,国家科技部支持宁德市建设创新平台。"), "Agency")
    assert {"中华人民共和国国务院", "中华人民共和国科学技术部"} <= ag


def test_a_company_department_is_no_national_body():
    ag = names(extract_text("宁德时代集团商务部负责人介绍,公司商务部门正在对接。"), "Agency")
    assert not any(a.startswith("中华人民共和国") for a in ag)


def test_a_provincial_department_of_natural_resources():
    ag = names(extract_text("福建省自然资源厅和宁德市有关部门参加。"), "Agency")
    assert "福建省自然资源厅" in ag


# ---------------------------------------------------------------- names

def test_a_post_in_a_company_is_no_public_post():
    res = extract_text("宁德市委书记郑国强会见了华光集团副主席马立新携团队一行。")
    assert "马立新" not in names(res, "Official") and "马立新携" not in names(res, "Official")
    assert "郑国强" in names(res, "Official")


def test_a_three_character_name_the_dictionary_knows_is_a_name():
    assert "王晓东" in names(extract_text("宁德市副市长王晓东,市发改委主任出席。"), "Official")


def test_a_name_in_parts_with_a_middle_dot():
    off = names(extract_text("阿拉善右旗副旗长巴特尔·吉日格拉主持会议。"), "Official")
    assert "巴特尔·吉日格拉" in off
