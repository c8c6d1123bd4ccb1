"""Park names a suffix grammar missed: a place's form as the stem, ranks, heads (#16, park16).
Sentences written for these tests."""
from __future__ import annotations

from conftest import extract_text, names, rels

from test_mentions import orgs


def parks(s):
    return {n for t, n in orgs(s) if t == "IndustrialPark"}


# ---------------------------------------------------------------- a place's form is the stem

def test_a_city_whose_name_holds_a_generic_word_names_its_park():
    # 盐|城市, 永|城市: the generic word 城市 inside a city's name leaves the stem a place
    assert parks("盐城市经济技术开发区今年新开工项目14个。") == {"盐城市经济技术开发区"}
    assert parks("永城市产业集聚区上半年新签约项目9个。") == {"永城市产业集聚区"}


def test_a_prefectures_short_form_read_as_an_everyday_word_is_a_parks_stem():
    # jieba reads 大连 (d), 开封 (v), 保定 (v) as words of the clause
    assert parks("大连经济技术开发区新落地外资项目6个。") == {"大连经济技术开发区"}
    assert parks("开封经济技术开发区举行项目集中签约。") == {"开封经济技术开发区"}
    assert parks("保定高新区新增科技型企业40家。") == {"保定高新区"}


def test_a_countys_short_form_the_article_names_is_a_parks_stem():
    # 兴化/v: an everyday word, a place where the article names the city
    r = extract_text("泰州市兴化市召开大会。兴化经济开发区新开工项目5个。")
    assert "兴化经济开发区" in names(r, "IndustrialPark")
    assert ("兴化经济开发区", "兴化市") in rels(r, "locatedIn")


def test_a_name_never_starts_inside_the_place_before_its_suffix():
    # 莲/n 都/d: 都 is a boundary word elsewhere
    assert parks("副市长到莲都工业园区检查安全生产。") == {"莲都工业园区"}


def test_an_everyday_word_that_is_also_a_countys_name_is_no_stem_alone():
    assert parks("加快振兴工业园建设步伐。") == set()  # 振兴 alone: a verb here


def test_the_articles_own_level_is_no_place_of_a_park():
    assert parks("我市产业园区数量逐年增加。") == set()
    assert parks("全省开发区综合排名发布。") == set()


# ---------------------------------------------------------------- ranks

def test_a_rank_before_a_named_park_is_no_part_of_its_name():
    assert parks("国家级宁乡经济技术开发区去年规上工业产值增长11%。") == {"宁乡经济技术开发区"}
    assert parks("省级平江高新技术产业园区获评优秀园区。") == {"平江高新技术产业园区"}


def test_a_rank_before_a_class_names_no_park():
    assert parks("我县获批国家级高新区。") == set()
    assert parks("争创省级先进制造业开发区。") == set()


# ---------------------------------------------------------------- heads and descriptions

def test_heads_of_bonded_port_zones_and_high_tech_park_areas():
    assert parks("该物流项目落户天津东疆保税港区。") == {"天津东疆保税港区"}
    assert "新昌县高新园区" in parks("新昌县高新园区管委会副主任赵军介绍了园区情况。")


def test_an_ordinal_before_a_suffix_describes_a_park_it_does_not_name():
    assert parks("这里建成了全国首个综合保税区。") == set()
    assert parks("园区是省内首个循环经济产业园。") == set()
    assert parks("洋口保税港区是省内第一个保税港区。") == {"洋口保税港区"}
    assert parks("全省首个落户的宏达新材料产业园。") == {"宏达新材料产业园"}


# ---------------------------------------------------------------- one park, two forms

def test_a_short_form_of_a_park_qualified_by_its_city_is_the_same_park():
    r = extract_text("湖南省长沙市宁乡经济技术开发区新引进项目20个。宁乡经开区党工委书记刘伟表示，将加快园区建设。")
    assert names(r, "IndustrialPark") == {"长沙市宁乡经济技术开发区"}
    park = next(e for e in r.entities if e.type == "IndustrialPark")
    assert "宁乡经开区" in park.aliases
