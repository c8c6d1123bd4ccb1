"""Park, company and project names on text no rule was written on (#16, names16): what bounds a
name is the grammar of its words. Sentences written for these tests."""
from __future__ import annotations

from test_mentions import orgs


def projects(s):
    return {n for t, n in orgs(s) if t == "Project"}


# ---------------------------------------------------------------- verbs inside a project's name

def test_a_run_of_works_words_before_the_head_is_the_names_own():
    # 提升 is a boundary word elsewhere; here it starts what is done to the market
    assert projects("武山县果品交易市场提升改造项目开工。") == {"武山县果品交易市场提升改造项目"}
    assert projects("老龙湾文化旅游区提升改造项目总投资3亿元。") == {"老龙湾文化旅游区提升改造项目"}
    assert projects("加快推进提升改造项目。") == set()


def test_a_verb_after_its_object_noun_is_a_modifier_not_a_predicate():
    assert projects("调研组察看了安徽明远新材料有限公司秸秆综合利用热电联产项目。") == {
        "安徽明远新材料有限公司秸秆综合利用热电联产项目"}
    assert projects("江西宏达光电科技有限公司智能显示模组生产线项目总投资9亿元。") == {
        "江西宏达光电科技有限公司智能显示模组生产线项目"}


def test_a_verb_after_a_firms_name_is_still_a_predicate():
    got = projects("研究解决华泰新材料项目用地问题。")
    assert not any(n.startswith("研究") for n in got)


def test_an_adverb_tag_before_a_noun_is_an_adjective_of_kind():
    # jieba tags 一次性 d: before a noun it says what kind of consumables
    assert projects("江苏瑞宝精工有限公司投资3亿元建设一次性输液器生产项目。") == {"一次性输液器生产项目"}


def test_the_verb_of_a_capacity_word_is_no_predicate():
    assert projects("察看了福建华泰乳业有限公司日处理生鲜乳600吨液态奶项目。") == {
        "福建华泰乳业有限公司日处理生鲜乳600吨液态奶项目"}


# ---------------------------------------------------------------- a project written after its firm

def _project_forms(text):
    from conftest import extract_text

    r = extract_text(text)
    return {e.name: set(e.aliases) for e in r.entities if e.type == "Project"}


def test_a_project_after_its_firms_legal_name_is_also_named_without_it():
    got = _project_forms("调研组察看了湖南宏瑞电池材料有限公司年产5万吨磷酸铁锂项目。")
    assert got == {"湖南宏瑞电池材料有限公司年产5万吨磷酸铁锂项目": {"年产5万吨磷酸铁锂项目"}}


def test_a_phase_after_a_firm_keeps_the_firm():
    got = _project_forms("湖南宏瑞电池材料有限公司二期顺利投产。")
    assert all(not a.startswith("二期") for aliases in got.values() for a in aliases)


def parks(s):
    return {n for t, n in orgs(s) if t == "IndustrialPark"}


# ---------------------------------------------------------------- where a name starts and what is no name

def test_the_space_between_words_of_a_latin_name_is_inside_it():
    assert projects("东莞晶宇光电股份有限公司投资12亿元的Mini LED背光模组项目开工。") == {"Mini LED背光模组项目"}


def test_one_of_a_class_before_a_project_is_its_article_not_its_name():
    assert projects("公司新上了一条年产8万套齿轮箱壳体生产线。") == {"年产8万套齿轮箱壳体生产线"}
    assert projects("新建一座日处理500吨生活垃圾焚烧发电项目。") == {"日处理500吨生活垃圾焚烧发电项目"}


def test_a_class_of_projects_counted_after_its_head_names_none():
    assert projects("全区签约项目11个,其中工业项目8个,商贸物流和文旅项目各1个。") == set()
    assert projects("华瑞新材料项目3个月内投产。") == {"华瑞新材料项目"}


def test_a_list_opened_by_项目_whose_first_item_is_no_project_is_no_list():
    assert projects("坚持项目为王、招商为要。") == set()


def test_a_single_unit_project_is_a_class():
    assert projects("这是全市近年投资规模最大的单体项目。") == set()


def test_a_preposition_before_a_place_opens_the_parks_phrase():
    assert parks("该项目预选址在东城新材料产业园。") == {"东城新材料产业园"}


def companies(s):
    return {n for t, n in orgs(s) if t == "Company"}


def test_a_quarter_of_a_town_named_by_its_direction_is_no_park():
    assert projects("吉水县城西片区老旧小区改造项目开工。") == {"吉水县城西片区老旧小区改造项目"}
    assert parks("吉水县城西片区老旧小区改造项目开工。") == set()
    assert parks("福州高新区东部片区新增企业20家。") == {"福州高新区东部片区"}  # a park's own zone
    assert parks("江城银岭片区招商引资。") == {"江城银岭片区"}


def test_a_works_word_inside_a_firms_trade_is_the_firms_name():
    # 城市|建设|投资: what the firm does, not 建设 opening a clause
    assert companies("建设单位:宝鸡市渭滨区城市建设投资有限公司;") == {"宝鸡市渭滨区城市建设投资有限公司"}
    assert companies("福建省交通建设投资集团有限公司承建。") == {"福建省交通建设投资集团有限公司"}
    assert companies("园区建设华瑞新材料有限公司。") == {"华瑞新材料有限公司"}


# ---------------------------------------------------------------- the places a name starts with

def test_a_name_never_starts_inside_a_place_written_across_its_start():
    # 和 of 和林格尔 reads as a conjunction
    assert parks("调研组察看了和林格尔雪岭能源产业园。") == {"和林格尔雪岭能源产业园"}
    assert companies("由和林格尔天盛发电有限公司负责建设运营。") == {"和林格尔天盛发电有限公司"}


def test_a_place_inside_a_longer_word_sends_no_name_back_up_to_it():
    # 兴安 (a league) inside 兴安岭 (a mountain range) after 扎赉特旗: the firm's name starts at the banner
    assert companies("察看了扎赉特旗兴安岭绿源食品有限公司杂粮加工项目。") == {"扎赉特旗兴安岭绿源食品有限公司"}


def test_a_county_that_reads_as_a_verb_is_no_predicate_before_a_firm():
    got = companies("在海东市互助土族自治县,青海雪峰酿造有限公司控股的青海互助雪峰饮品有限公司灌装生产线项目列入重点项目。")
    assert "青海互助雪峰饮品有限公司" in got


# ---------------------------------------------------------------- a project its firm's clause names

def test_a_firms_project_named_by_its_product_alone():
    assert projects("深圳安泰精密科技有限公司投资3亿元的精密连接器项目正在调试。") == {"精密连接器项目"}
    assert projects("华瑞新材料有限公司投资的合作项目。") == set()  # an activity, no product


def test_the_firm_may_be_the_subject_of_the_clause_before_a_comma():
    got = projects("苏州华芯精密电子有限公司投资6亿元,在翠屏区李庄镇建设半导体封装测试项目。")
    assert got == {"半导体封装测试项目"}
    # one everyday word after a clause the firm is no subject of names no project
    assert projects("华瑞酿造有限公司新建的灌装车间里,酒瓶沿着自动化生产线流转。") == set()


def test_a_word_of_placement_ends_the_clause_before_a_park():
    assert parks("江西华运物流股份有限公司投资5亿元建设赣州冷链物流枢纽项目,选址龙南家居物流港。") == {"龙南家居物流港"}


def test_a_route_from_a_place_to_a_place_is_one_works_name():
    assert projects("在麻江县宣威镇,麻江县宣威至丹寨县兴仁快速通道工程的施工现场机声隆隆。") == {
        "麻江县宣威至丹寨县兴仁快速通道工程"}
    assert projects("项目建设周期延长至2025年。") == set()


# ---------------------------------------------------------------- parks in a list of projects

def test_parks_a_list_of_projects_brought_in_counts_are_investors_projects():
    got = orgs("今年以来,我县先后引进明川智能装备产业园、蓝湾新材料产业园等重大产业项目6个。")
    assert ("Project", "明川智能装备产业园") in got and ("IndustrialPark", "明川智能装备产业园") not in got


def test_parks_a_list_counts_among_a_places_projects_under_way_are_parks():
    got = orgs("全市重点项目提速,绿色食品产业园、智能家居产业园等一批产业项目正在紧张施工。")
    assert {n for t, n in got if t == "IndustrialPark"} == {"绿色食品产业园", "智能家居产业园"}


def test_a_name_holds_no_title_of_a_post():
    got = companies("市国投公司副总经理李华、岳阳城投集团副总经理兼岳阳港务公司副董事长王平分别致辞。")
    assert got == {"市国投公司", "岳阳城投集团", "岳阳港务公司"}


def test_a_generic_character_inside_a_proper_name_is_the_names():
    # 大 is a generic word; 大唐 (nz) is a name
    assert companies("大唐集团投资建设。") == {"大唐集团"}
    assert projects("大项目好项目。") == set()


def test_free_trade_zones_and_concentration_zones_are_parks():
    assert parks("中国(湖南)自由贸易试验区挂牌三周年。") == {"中国(湖南)自由贸易试验区"}
    assert parks("云溪区化工集中区新增企业3家。") == {"云溪区化工集中区"}
    assert parks("全省化工集中区开展整治。") == set()  # all of a level's, no one park


def test_more_trades_end_a_firms_short_name():
    assert companies("他表示,江苏恒瑞医药将加大投资。") == {"江苏恒瑞医药"}
    assert companies("双汇发展、牧原股份入选。") >= {"牧原股份"}
    assert companies("发展生物医药产业。") == set()
    assert companies("推动中医药产业发展。") == set()


def test_a_division_named_in_full_before_a_trade_is_the_places_industry():
    assert companies("通化市医药健康产业快速发展。") == set()


def test_the_items_of_a_list_of_trades_name_no_firm():
    assert companies("签约项目涉及装备制造、现代物流、康旅大健康等领域。") == set()
    got = companies("园区引进了华锐金属科技、东旺不锈钢、江海风电等行业龙头企业,是主战场。")
    assert got == {"华锐金属科技", "东旺不锈钢", "江海风电"}  # 等行业|龙头企业: a list of firms


def test_more_works_words_name_one_piece_of_construction():
    assert projects("全力推进浏阳河综合治理工程。") == {"浏阳河综合治理工程"}
    assert projects("湘江干流生态修复工程顺利完工。") == {"湘江干流生态修复工程"}
    assert projects("加快推进治理工程。") == set()


def test_parks_listed_before_a_count_of_parks():
    assert parks("攸县工业集中区、攸县网岭循环经济园两个园区产值突破百亿。") == {"攸县工业集中区", "攸县网岭循环经济园"}
    assert parks("园区分成东、西、南三个园区。") == set()
    assert parks("全县建成工业园、物流园两个园区。") == set()


def test_a_list_of_firms_opened_by_its_head():
    assert companies("重点企业包括湘钢、湘电等。") == {"湘钢", "湘电"}
    assert companies("企业包括电子、机械、化工等多个门类。") == set()
    assert companies("以企业为主体、市场为导向。") == set()


def test_no_predicate_is_read_inside_a_parks_suffix_in_a_name():
    # jieba tags 自由贸易 l, a predicate elsewhere
    assert parks("中国(湖南)自由贸易试验区长沙片区挂牌。") == {"中国(湖南)自由贸易试验区长沙片区"}


def test_a_project_named_by_one_everyday_word_is_a_kind():
    assert projects("要为企业排忧解难,助力项目早日落地见效。") == set()
    assert projects("伊利项目顺利投产。") == {"伊利项目"}  # a brand


def test_a_rank_a_verb_gives_names_no_park():
    assert parks("省工业和信息化厅今年将该园列为省级特色产业园区。") == set()
