"""Project names (issue #16): what a project's name needs, on sentences written for the tests."""
from __future__ import annotations

from test_mentions import orgs


def projects(s):
    return {n for t, n in orgs(s) if t == "Project"}


def test_a_region_and_one_everyday_word_name_no_project():
    assert projects("娄底市合作项目签约会在市民中心召开。") == set()


def test_a_region_and_what_is_built_there_is_a_project():
    assert "娄底市生活垃圾焚烧发电项目" in projects("娄底市生活垃圾焚烧发电项目主体完工。")


def test_a_company_named_after_a_project_in_its_sentence_is_not_its_builder():
    from conftest import extract_text, rels

    r = extract_text(
        "标题:衢州市召开项目推进会\n6月8日,年产5万吨胡柚深加工项目现场推进会召开,浙江恒达机械有限公司"
        "负责人列席会议。\n"
    )
    assert ("年产5万吨胡柚深加工项目", "浙江恒达机械有限公司") not in rels(r, "developedBy")
    r = extract_text(
        "标题:衢州市召开项目推进会\n6月8日,浙江恒达机械有限公司负责人介绍了年产5万吨胡柚深加工项目"
        "进展。\n"
    )
    assert ("年产5万吨胡柚深加工项目", "浙江恒达机械有限公司") in rels(r, "developedBy")
