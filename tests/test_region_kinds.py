"""Region mentions by kind of writing: a township listed under its county's name in the source,
two-character counties before their bodies, townships or 籍, a city's everyday-word short form
after a place verb, a list closed by a count of one level, a full name after a function word,
the longest autonomous counties. Sentences written for these tests; people and firms invented."""
from __future__ import annotations

from conftest import extract_text, names

from kg.extract.gazetteer import load


def regions(text: str) -> set[str]:
    return names(extract_text(text), "Region")


# ---------------------------------------------------------------- the gazetteer's township names

def test_a_township_listed_under_its_counties_full_name_is_named_by_what_follows():
    gaz = load()
    assert gaz.by_code["410928-濮阳县胡状镇"].name == "胡状镇"
    assert gaz.by_code["220303-四平市铁东区山门镇"].name == "山门镇"  # a city and a district before it
    assert gaz.by_code["450305-七星区街道"].name == "七星区街道"  # no name of its own after the district


def test_such_a_township_is_found_after_its_county():
    assert {"濮阳县", "胡状镇"} <= regions("濮阳市濮阳县召开经济工作会议。濮阳县胡状镇党委书记孙立远作交流发言。")
    assert {"额济纳旗", "苏泊淖尔苏木"} <= regions("阿拉善盟额济纳旗苏泊淖尔苏木牧民合作社扩大养殖规模。")


# ---------------------------------------------------------------- two-character counties

def test_a_two_character_county_before_a_body_of_its_level():
    assert "荣县" in regions("荣县发改局组织召开项目调度会。")
    assert "泸县" in regions("泸县人民政府与一家新能源企业签订投资协议。")
    assert "随县" in regions("随县工信局组织召开项目调度会。")  # jieba reads 随|县


def test_a_two_character_county_before_one_of_its_townships_or_native_place():
    assert {"莒县", "峤山镇"} <= regions("莒县峤山镇人民政府组织召开项目调度会。")
    assert "盂县" in regions("周景和，盂县籍企业家，在家乡投资建厂。")


def test_no_county_inside_a_word_or_between_levels():
    assert not regions("要进一步提高县政府的服务效能。")  # 提高|县政府, not 高县
    assert not regions("省、市和县发改局联合开展检查。")  # 市 and 县, not 和县
    assert not regions("市场监管局和县发改局一同调研。")  # 和 joins two bodies
    assert not regions("推动新县城建设，振兴县域经济。")
    assert {"马鞍山市", "和县"} <= regions("安徽省马鞍山市和县发改局召开会议。")  # after its city


# ---------------------------------------------------------------- ambiguity by a township after it

def test_an_ambiguous_district_before_one_of_its_townships_is_that_townships_district():
    # 桥西区: of 张家口, 石家庄 and 邢台; 东窑子镇 is 张家口's
    assert {"桥西区", "东窑子镇"} <= regions("桥西区东窑子镇人民政府组织召开项目调度会。")


# ---------------------------------------------------------------- short forms after place verbs

def test_an_everyday_word_short_form_of_a_city_after_a_place_verb():
    assert "海口市" in regions("海南省代表团赴海口考察新能源产业。")
    assert "日照市" in regions("一家电池材料项目落户日照。")
    assert {"烟台市", "大连市"} <= regions("这家企业来自烟台，到大连投资建厂。")


def test_no_city_where_the_word_is_everyday_or_the_verb_is_inside_a_word():
    assert not regions("展会受到来宾的好评。")  # 受到|来宾
    assert not regions("在日照充足的地区建设光伏电站。")  # 在 is no place verb


# ---------------------------------------------------------------- lists closed by a count

def test_names_listed_before_a_count_of_counties_are_counties():
    r = regions("通化市的通化、辉南、柳河三县联合举办招商会。")
    assert {"通化县", "辉南县", "柳河县"} <= r
    assert "石棉县" in regions("雅安市的石棉、宝兴、芦山三县联合举办招商会。")  # 石棉 'asbestos'


def test_one_name_before_a_count_is_no_list():
    assert "宁德市" in regions("宁德市三县联合举办招商会。")


# ---------------------------------------------------------------- scan edges

def test_a_full_name_after_a_function_word_wins_over_a_short_form_across_them():
    # 和龙 (和龙市) would take the 和 of 和龙门县
    r = regions("惠州市博罗县、惠阳区和龙门县联合举办招商会。")
    assert {"博罗县", "惠阳区", "龙门县"} <= r and "和龙市" not in r


def test_the_longest_autonomous_county_is_one_name():
    r = regions("临夏回族自治州积石山保安族东乡族撒拉族自治县新建光伏电站。")
    assert "积石山保安族东乡族撒拉族自治县" in r and "东乡族自治县" not in r


# ---------------------------------------------------------------- townships of cities

def test_a_township_of_a_city_that_governs_townships_itself():
    assert {"东莞市", "长安镇"} <= regions("东莞市长安镇新建一座电子产业园。")
    assert {"儋州市", "那大镇"} <= regions("儋州市那大镇召开招商工作会议。")


def test_a_township_right_after_its_city_with_the_county_left_out():
    assert "七都镇" in regions("宁德市七都镇召开招商工作会议。")
    # several of the city's counties have a 城关镇: none of them
    assert not any(n.endswith("城关镇") for n in regions("宁德市城关镇召开招商工作会议。"))


# ---------------------------------------------------------------- person names

def test_a_countys_short_form_inside_a_persons_name_is_no_place():
    # 卫东 (卫东区 of 平顶山) inside the name 张卫东, in an article about 平顶山
    r = regions("张卫东，男，汉族，河南平顶山人，现任平顶山市副市长。")
    assert "平顶山市" in r and "卫东区" not in r
    assert "蕉城区" in regions("宁德市召开会议，蕉城、福安两地企业参加。")


def test_a_township_after_its_city_wins_over_a_short_form_inside_it():
    # 巴州 is 巴音郭楞's short form; 巴州镇 is a township of 海东's 民和
    r = regions("海东市巴州镇召开经济工作会议。")
    assert "巴州镇" in r and "巴音郭楞蒙古自治州" not in r


# ---------------------------------------------------------------- a county after its province

def test_a_countys_short_form_right_after_its_province_the_city_left_out():
    assert {"福建省", "古田县"} <= regions("来自福建古田的食用菌企业落户本地。")
    assert {"山东省", "寿光市"} <= regions("山东寿光的蔬菜企业前来考察。")  # a county-level city


def test_no_county_after_a_province_that_is_not_its_own():
    assert regions("四川长虹和浙江大学签订合作协议。") == {"四川省", "浙江省"}


# ---------------------------------------------------------------- names the normaliser changes

def test_a_name_whose_character_the_normaliser_turns_into_another():
    # OpenCC's t2s reads the 乾 of 乾县 as 干 in a simplified text
    assert {"咸阳市", "乾县"} <= regions("陕西省咸阳市乾县召开重点项目推进会。")
    assert "乾县" in regions("陝西省咸陽市乾縣召開重點項目推進會。")
    assert "於潜镇" in regions("杭州市临安区於潜镇召开招商工作会议。")
    assert not regions("各级干部要带头，骨干县区要发挥作用。")


def test_a_full_name_that_starts_inside_a_word_before_it():
    # 来自|贡觉县: the scan would read 自贡 (自贡市) across the two words
    r = regions("吉安市召开招商推介会。来自贡觉县莫洛镇的客商参加了会议。")
    assert {"贡觉县", "莫洛镇"} <= r and "自贡市" not in r
    assert "自贡市" in regions("来自自贡的企业参加了会议。")


def test_a_two_character_county_after_a_place_verb():
    assert "萧县" in regions("一批客商赴萧县考察新能源产业。")
    assert "随县" in regions("一家新材料项目落户随县。")
    assert not regions("一批客商来到新县城区参观。")  # 新|县城


# ---------------------------------------------------------------- spans inside the text

def _region_spans_hold(text: str) -> None:
    """Every region mention of text lies inside its normalised text and reads as its surface,
    and maps back to a span of the original."""
    from kg.extract.mentions.regions import find_regions
    from kg.io.normalize import normalize

    t = normalize(text)
    for m in find_regions(t):
        assert 0 <= m.start < m.end <= len(t.norm), (text, m)
        assert t.norm[m.start : m.end] == m.surface, (text, m)
        s, e = t.orig_span(m.start, m.end)
        assert 0 <= s < e <= len(t.orig), (text, m)


def test_a_township_after_its_city_closing_the_text_ends_with_it():
    from kg.extract.mentions.regions import find_regions
    from kg.io.normalize import normalize

    t = normalize("新建的储能电站位于宁德市七都镇")
    (town,) = [m for m in find_regions(t) if m.surface == "七都镇"]
    assert (town.start, town.end) == (12, 15) == (len(t.norm) - 3, len(t.norm))
    # the whole extraction reads it, where the span past the text's end raised
    assert {"宁德市", "七都镇"} <= regions("新建的储能电站位于宁德市七都镇")
    assert "巴州镇" in regions("这家合作社落户海东市巴州镇")


def test_region_spans_lie_in_the_text_whatever_closes_it():
    places = [
        "宁德市七都镇", "海东市巴州镇", "东莞市长安镇", "儋州市那大镇", "莒县峤山镇", "桥西区东窑子镇",
        "濮阳县胡状镇", "杭州市临安区於潜镇", "安徽省马鞍山市和县", "惠阳区和龙门县", "贡觉县莫洛镇",
        "福建古田", "日照", "随县", "我市", "全县", "寧德市七都鎮", "陝西省咸陽市乾縣", "雅安市的石棉、宝兴、芦山三县",
        "临夏回族自治州积石山保安族东乡族撒拉族自治县",
    ]
    for place in places:
        for before in ("", "一家锂电池材料企业落户", "据悉，示范基地建在"):
            for after in ("", "。", "，计划明年投产。", "人民政府", "\n"):
                _region_spans_hold(before + place + after)


def test_region_spans_lie_in_the_text_for_every_citys_unique_townships():
    # invented sentences over the gazetteer: for every 7th city, a township of one of its
    # counties written right after it (the county left out), the sentence ending at it or after
    from collections import Counter

    gaz = load()
    cities = sorted(d.code for d in gaz.by_code.values() if d.level == "prefecture")[::7]
    towns: dict[str, list[str]] = {}
    for d in gaz.by_code.values():
        if d.level == "township" and d.name.endswith("镇"):
            county = gaz.by_code.get(d.parent)
            if county is not None and county.parent in cities:
                towns.setdefault(county.parent, []).append(d.name)
    checked = 0
    for city in cities:
        count = Counter(towns.get(city, ()))
        unique = sorted(n for n, k in count.items() if k == 1)[:2]
        for name in unique:
            written = gaz.by_code[city].name + name
            for s in (f"项目位于{written}", f"项目位于{written}。", f"{written}", f"{written}新建厂房"):
                _region_spans_hold(s)
            checked += 1
    assert checked > 20
