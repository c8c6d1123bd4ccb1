"""Park and company names and subsidiaryOf, on sentences written for these tests (#16)."""
from __future__ import annotations

from conftest import extract_text, names, rels

from test_mentions import companies, orgs


# ---------------------------------------------------------------- ownership words bound names

def test_a_word_of_ownership_ends_the_parents_name():
    assert companies("中国材料集团旗下瑞丰科技股份有限公司在当地投资。") == {"中国材料集团", "瑞丰科技股份有限公司"}
    assert companies("浙江远航医药股份有限公司子公司成都远辰制药有限公司落户园区。") == {
        "浙江远航医药股份有限公司", "成都远辰制药有限公司"}


def test_a_word_of_ownership_is_no_company():
    assert companies("项目由鸿达科技的全资子公司宁波鸿达新材料有限公司建设。") == {"鸿达科技", "宁波鸿达新材料有限公司"}


def test_a_branch_keeps_its_parents_name():
    assert "中国远洋物流股份有限公司湖北分公司" in companies("中国远洋物流股份有限公司湖北分公司与天门市签约。")


def test_subsidiary_read_from_the_words_of_ownership():
    r = extract_text("浙江远航医药股份有限公司子公司成都远辰制药有限公司落户园区。")
    assert ("成都远辰制药有限公司", "浙江远航医药股份有限公司") in rels(r, "subsidiaryOf")
    r = extract_text("项目由鸿达科技的全资子公司宁波鸿达新材料有限公司建设。")
    assert ("宁波鸿达新材料有限公司", "鸿达科技") in rels(r, "subsidiaryOf")
    r = extract_text("中国材料集团旗下瑞丰科技股份有限公司在当地投资。")
    assert ("瑞丰科技股份有限公司", "中国材料集团") in rels(r, "subsidiaryOf")



# ---------------------------------------------------------------- where a name starts

def test_a_role_noun_before_a_name_is_not_part_of_it():
    assert companies("该项目施工单位福州恒远公司已经进场。") == {"福州恒远公司"}
    assert companies("当地龙头企业鑫瑞达科技有限公司扩产。") == {"鑫瑞达科技有限公司"}
    assert "万向企业集团" in companies("万向企业集团来此考察。")  # a role noun ending the stem stays


def test_a_park_name_jieba_does_not_know_starts_after_the_predicate():
    # jieba splits the unknown stem into characters tagged as an adjective and a verb
    parks = {n for t, n in orgs("他说，相关经验值得新跃高新区各部门借鉴。") if t == "IndustrialPark"}
    assert parks == {"新跃高新区"}


def test_a_year_is_no_part_of_a_park_or_company_name():
    assert not {n for t, n in orgs("会上通报了高阳县2019年产业集聚区建设情况。") if t == "IndustrialPark"}
    assert companies("县里引进的2021年新落户企业恒泰光电公司已投产。") == {"恒泰光电公司"}


def test_a_parks_short_suffix_merges_with_the_full_name():
    r = extract_text("安庆高新技术产业开发区管委会召开会议。会上，安庆高新区负责人介绍了招商情况。")
    assert names(r, "IndustrialPark") == {"安庆高新技术产业开发区"}
    (park,) = [e for e in r.entities if e.type == "IndustrialPark"]
    assert "安庆高新区" in park.aliases
