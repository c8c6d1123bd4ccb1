"""What a park, company or project name is (issue #16): where it starts (after a predicate, not
inside a place, at a division when only everyday words come before it) and when a phrase ending
in 项目 is no name (a count, generic words, a place alone). Sentences written for the tests."""
from __future__ import annotations

from conftest import extract_text, names

from kg.extract.mentions.agencies import find_agencies
from kg.extract.mentions.officials import find_officials
from kg.extract.mentions.orgs import find_orgs, is_project_stem
from kg.extract.mentions.regions import find_regions
from kg.io.normalize import normalize


def orgs(s: str, typ: str | None = None) -> set[str]:
    t = normalize(s)
    r = find_regions(t)
    a = find_agencies(t, r)
    o = find_officials(t, r, a)
    return {m.surface for m in find_orgs(t, r, a, [x.mention for x in o]) if typ is None or m.type == typ}


# ---------------------------------------------------------------- the left edge

def test_a_predicate_before_a_name_ends_it():
    assert orgs("去年县里宣布鑫瑞达环卫机械落户本县。", "Company") == {"鑫瑞达环卫机械"}
    assert orgs("工作组仔细询问卓安泰氯乙酸项目进度。", "Project") == {"卓安泰氯乙酸项目"}


def test_a_verb_inside_a_name_stays_when_no_name_would_be_left():
    # 延长 and 节能 are verbs to jieba; cutting after them leaves no name (集团..., 材料)
    assert "延长集团榆林新能化工有限责任公司" in orgs("调研了延长集团榆林新能化工有限责任公司。", "Company")
    assert "东岳节能材料股份有限公司" in orgs("考察东岳节能材料股份有限公司。", "Company")


def test_a_predicate_of_a_quantity_is_a_capacity():
    assert orgs("建设恒旭日处理500吨餐厨垃圾生产线项目。", "Project") == {"恒旭日处理500吨餐厨垃圾生产线项目"}


def test_a_name_never_starts_inside_a_place():
    assert orgs("督导组深入我县直播电商产业园调研。", "IndustrialPark") == {"直播电商产业园"}


def test_everyday_words_before_a_division_are_the_clause():
    assert orgs("项目承建单位福州恒达路桥公司负责施工。", "Company") == {"福州恒达路桥公司"}


def test_an_industry_company_ends_at_its_first_industry_word():
    found = orgs("总投资5亿元的恒旭电子西安百兆级光伏电站项目开工。", "Company")
    assert found == {"恒旭电子"}


def test_coordinated_projects_are_two_when_the_first_is_a_project():
    found = orgs("在鑫源储能电池项目现场和恒旭光伏组件项目现场,他说。", "Project")
    assert found == {"鑫源储能电池项目", "恒旭光伏组件项目"}


# ---------------------------------------------------------------- a project name needs something specific

def test_counts_and_generic_words_are_no_project():
    assert orgs("当天全县开竣工8个项目,其中政府投资项目9个。", "Project") == set()
    assert orgs("会上安排了下一阶段项目投资计划。", "Project") == set()
    assert orgs("宜阳县第三批重大项目集中签约。", "Project") == set()


def test_a_place_alone_is_no_project_but_a_place_and_what_is_built_is():
    assert orgs("掀起宜阳县项目建设热潮。", "Project") == set()
    assert orgs("推进宜阳县生活垃圾焚烧发电项目建设。", "Project") == {"宜阳县生活垃圾焚烧发电项目"}


def test_project_stem_predicate():
    assert not is_project_stem("6个")
    assert not is_project_stem("重大交通")
    assert is_project_stem("45万吨合成氨")  # a capacity
    assert is_project_stem("卓安泰氯乙酸")


def test_a_frame_slot_needs_a_name():
    assert orgs("坚持以新发展理念为引领。", "Company") == set()


# ---------------------------------------------------------------- resolution

def test_a_project_named_again_by_less_of_its_name_is_one_project():
    r = extract_text(
        "宜阳县召开鑫泰集团宜阳岩棉新材料开发利用项目推进会。会上,各单位支持岩棉新材料开发利用项目,"
        "确保岩棉新材料项目早日投产。"
    )
    assert names(r, "Project") == {"鑫泰集团宜阳岩棉新材料开发利用项目"}


def test_a_company_named_by_the_end_of_its_name_is_one_company():
    r = extract_text("仪式由华东第七建设集团承办。(供稿:第七建设集团)")
    assert names(r, "Company") == {"华东第七建设集团"}


def test_a_capacity_in_any_unit_after_a_capacity_word_makes_a_project_specific():
    # 年产10万台: a count is a capacity after 年产, as 10万吨 is anywhere; 6个项目 stays no name
    import kg

    def projects(t):
        return [e.name for e in kg.extract("标题:调研\n" + t).entities if e.type == "Project"]

    assert projects("他察看了年产10万台新能源电机项目。") == ["年产10万台新能源电机项目"]
    assert projects("他察看了新能源电机项目。") == []
    assert projects("全县开工6个项目。") == []
