"""Bodies and posts written in the style of county news (sentences written for the tests):
units the lexicons do not name with no post after them, a head's title in a list after
another official of a county-level city, names followed by 作, a national ministry's bureau."""
from __future__ import annotations

from conftest import extract_text, names, rels


def _agencies(text: str) -> set[str]:
    return names(extract_text(text), "Agency")


def test_a_level_and_a_unit_with_no_post_after_it():
    ag = _agencies("广东省平远县召开金融服务会\n会上，县里联合市金融工作局举办银企对接会，县经济促进局、县科技创新局负责人参加。")
    assert {"梅州市金融工作局", "平远县经济促进局", "平远县科技创新局"} <= ag
    assert not any("联合" in a for a in ag)


def test_a_towns_offices_with_no_post_after_them():
    ag = _agencies("佛山市南海区九江镇召开会议\n镇经济发展办公室、镇规划建设办公室负责人汇报了项目进展。")
    assert {"九江镇经济发展办公室", "九江镇规划建设办公室"} <= ag


def test_a_head_that_ends_an_everyday_word_is_no_unit():
    ag = _agencies("广东省平远县召开会议\n要优化全县产业布局，全市上下要顾全大局，县里举办了招商会。")
    assert not ag


def test_a_verb_between_a_body_and_a_unit_makes_no_unit_of_the_body():
    ag = _agencies("广东省平远县召开会议\n县发展和改革局要会同有关部门制定产业规划局面。")
    assert not any("会同" in a or "要" in a for a in ag)


def test_a_ministrys_bureau_written_after_the_ministry():
    r = extract_text("浙江省某县召开会议\n记者从工业和信息化部中小企业局获悉，调研组将来访。")
    assert any(a.endswith("工业和信息化部中小企业局") for a in names(r, "Agency"))


def test_a_head_title_in_a_list_goes_on_with_the_city_of_the_official_before():
    mem = rels(extract_text("湖南省邵阳市召开会议\n邵阳市委书记李某明、市长王某华出席。武冈市委书记张某军、市长刘某国参加。"), "memberOf")
    assert ("刘某国", "武冈市人民政府") in mem
    assert ("王某华", "邵阳市人民政府") in mem
    assert ("刘某国", "邵阳市人民政府") not in mem


def test_a_head_of_another_level_in_a_list_is_the_articles_own():
    mem = rels(extract_text("湖南省邵阳市召开会议\n武冈市委书记张某军、县长刘某国参加。"), "memberOf")
    assert ("刘某国", "武冈市人民政府") not in mem


def test_a_name_before_zuo_ends_before_it():
    r = extract_text("山东省临沂市召开会议\n临沭县委副书记、县长邹某霞作交流发言。建水县县长朱文杰作报告。")
    assert {"邹某霞", "朱文杰"} <= names(r, "Official")
    assert not any(n.endswith("作") for n in names(r, "Official"))


def test_a_common_surname_after_a_title():
    r = extract_text("福建省泉州市召开签约会\n晋江市委常委、常务副市长洪建国主持。")
    assert ("洪建国", "晋江市人民政府") in rels(r, "memberOf")


def test_huitong_before_a_level_and_a_body_is_the_verb_in_another_countys_article():
    r = extract_text("河南省鹿邑县召开会议\n县项目办会同县发改委、县自然资源局开展督导。请某某镇会同县自然资源局加快办理。")
    assert "会同县" not in names(r, "Region")
    assert {"鹿邑县发展和改革委员会", "鹿邑县自然资源局"} <= names(r, "Agency")


def test_huitong_county_with_its_city_named_stays_a_county():
    r = extract_text("湖南省怀化市召开会议\n会同县自然资源局开展督导。")
    assert "会同县自然资源局" in names(r, "Agency")


def test_a_city_after_the_youth_league_is_no_verb():
    r = extract_text("罗山县召开会议\n共青团信阳市委副书记秦某出席。")
    assert "中共信阳市委员会" not in names(r, "Agency")
