"""Company names, their short forms and subsidiaryOf, on sentences written for these tests (#16c)."""
from __future__ import annotations

from conftest import extract_text, rels

from test_mentions import companies, orgs


# ---------------------------------------------------------------- what is no company

def test_an_industry_word_inside_a_longer_word_is_no_suffix():
    # 煤化工, 精细化工, 一体化|工程, 劳动力: the industry word is the tail of an everyday word
    assert not companies("全县将大力发展现代煤化工产业。")
    assert not companies("该镇农村饮水一体化工程已全面完工。")
    assert not companies("工厂投产后可吸纳周边富余劳动力800人。")
    assert not companies("园区重点布局精细化工下游产品。")


def test_a_registered_name_is_whole():
    # an industry word after 有限公司 starts what the company builds, not a longer company
    got = companies("丹霞远景纺织有限公司服装智能制造基地项目开工。")
    assert got == {"丹霞远景纺织有限公司"}


def test_an_industry_listed_with_industries_is_no_company():
    assert not companies("全县围绕煤基新材料、现代煤化工和新能源两条主线谋划项目。")
    assert not companies("全市将布局盐湖化工和新能源项目20个。")


def test_a_project_starting_with_an_industry_word_needs_a_brand():
    got = orgs("其中，河南远大重工机械有限公司投资5亿元建设的矿用智能装备项目已经投产。")
    assert {n for t, n in got if t == "Company"} == {"河南远大重工机械有限公司"}
    assert ("Project", "矿用智能装备项目") in got
    assert not companies("（三）平安区城乡冷链物流配送中心项目，总投资2亿元。")
    # a proper name before the industry word is a brand: its company builds the project
    assert "米仓酒业" in companies("米仓酒业原酒生产线项目开工。")


def test_a_list_number_is_no_part_of_a_name():
    assert companies("（二）丹霞远景纺织有限公司年产5万件服装项目，总投资8亿元。") == {"丹霞远景纺织有限公司"}
    assert companies("氢装上阵（海东）科技有限公司落户。") == {"氢装上阵(海东)科技有限公司"}


# ---------------------------------------------------------------- subsidiaryOf by a word that points back

def _subs(s):
    return rels(extract_text(s), "subsidiaryOf")


def test_its_subsidiary_is_owned_by_the_company_named_before():
    assert _subs("大桥由湖南远通路桥建设集团有限公司承建，其全资子公司湖南远通路桥第二工程有限公司负责桥梁施工。") == {
        ("湖南远通路桥第二工程有限公司", "湖南远通路桥建设集团有限公司")}
    assert _subs("青禾农业集团有限公司与县政府签约；集团控股的云溪青禾食品有限公司将建设果蔬加工项目。") == {
        ("云溪青禾食品有限公司", "青禾农业集团有限公司")}


def test_the_company_pointed_back_at_is_owned_by_the_one_named():
    assert _subs("园区里，通辽青禾玉米科技有限公司的生产线满负荷运转。这家企业是青禾农业集团有限公司的全资子公司。") == {
        ("通辽青禾玉米科技有限公司", "青禾农业集团有限公司")}
    assert _subs("江苏远帆风电科技有限公司海上风电塔筒项目开工。该公司是上海远帆能源集团有限公司在苏北设立的生产基地。") == {
        ("江苏远帆风电科技有限公司", "上海远帆能源集团有限公司")}
    assert _subs("今年3月，福州云帆数据有限公司云帆数据中心二期投入运营。该公司是北京云帆科技集团股份有限公司旗下的区域运营主体。") == {
        ("福州云帆数据有限公司", "北京云帆科技集团股份有限公司")}


def test_no_ownership_without_a_word_of_it():
    assert not _subs("通辽青禾玉米科技有限公司满负荷运转。该公司是青禾农业集团有限公司的重要合作伙伴。")
    assert not _subs("湖南远通路桥建设集团有限公司承建大桥，其施工单位湖南远通路桥第二工程有限公司负责桥梁。")


# ---------------------------------------------------------------- short forms

def test_a_group_named_by_its_brand_is_the_full_group():
    r = extract_text("县政府与山东青禾控股集团有限公司签署协议。根据协议，青禾集团旗下寿光青禾盐化有限公司将投资20亿元；"
                     "山东青禾新能源有限公司将建设光伏项目。")
    names = {e.name for e in r.entities if e.type == "Company"}
    assert names == {"山东青禾控股集团有限公司", "寿光青禾盐化有限公司", "山东青禾新能源有限公司"}
    assert ("寿光青禾盐化有限公司", "山东青禾控股集团有限公司") in rels(r, "subsidiaryOf")


def test_a_brand_of_two_groups_stays_apart():
    r = extract_text("山东青禾控股集团有限公司与山东青禾能源集团有限公司签约，青禾集团将投资5亿元。")
    assert "青禾集团" in {e.name for e in r.entities if e.type == "Company"}


def test_industry_prose_words_stay_whole():
    # 盐化工, 冷链 are words of industry prose (jieba_user.txt): no company ends inside them
    assert not companies("全市支持沿海县做强盐化工和蔬菜种业两大产业。")
    assert not companies("察看了白沙镇梨果冷链物流中心项目。")
