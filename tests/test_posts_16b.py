"""Posts of officials in kinds of text county and city news writes: surnames the list lacked,
a verb right after a name, titles and names in chains and lists. Sentences written for the tests
(invented people, real places)."""
from __future__ import annotations

from conftest import extract_text, members, names, rels


# ---------------------------------------------------------------- surnames

def test_a_name_of_a_common_surname_the_list_lacked_is_an_official():
    r = members("晋江市召开招商推介会。晋江市委常委、常务副市长洪志平主持。")
    assert ("洪志平", "中共晋江市委员会") in r
    assert ("洪志平", "晋江市人民政府") in r
    r = members("长治市召开项目观摩会。副市长阎立新出席。")
    assert ("阎立新", "长治市人民政府") in r


# ---------------------------------------------------------------- 作 after a name

def test_a_name_before_zuo_of_a_speech_ends_before_it():
    res = extract_text("临沭县召开项目推进会。县委副书记、县长韩秀英作表态发言，县委书记宋光辉作重要讲话。")
    assert {"韩秀英", "宋光辉"} <= names(res, "Official")
    assert not {"韩秀英作", "宋光辉作"} & names(res, "Official")


# ---------------------------------------------------------------- dotted names after a title

def test_a_title_after_a_name_in_a_list_is_no_part_of_a_dotted_name():
    res = extract_text("和田地区召开项目观摩会。地委书记王志远、行署专员艾力·吐尔逊出席。")
    assert "艾力·吐尔逊" in names(res, "Official")
    assert not any(n.startswith("行署") for n in names(res, "Official"))
    r = members("和田地区召开项目观摩会。地委书记王志远、行署专员艾力·吐尔逊出席。")
    assert ("艾力·吐尔逊", "和田地区行政公署") in r
    assert ("王志远", "中共和田地区委员会") in r


# ---------------------------------------------------------------- a space before the name

def test_a_space_between_a_title_and_the_name_still_gives_the_post():
    r = members("兰考县召开项目推进会。县委书记 邵长河 出席，县长\u3000葛天明主持。")
    assert ("邵长河", "中共兰考县委员会") in r
    assert ("葛天明", "兰考县人民政府") in r


def test_a_title_before_a_space_and_no_name_gives_no_official():
    res = extract_text("兰考县召开项目推进会。他当选县委书记 。会议还讨论了项目。")
    assert names(res, "Official") == set()


# ---------------------------------------------------------------- chains of one person's posts

def test_jian_joins_two_posts_of_one_person():
    r = members("兰考县召开项目推进会。县委常委、副县长兼县工信局局长冯建业出席。")
    assert ("冯建业", "中共兰考县委员会") in r
    assert ("冯建业", "兰考县人民政府") in r
    assert ("冯建业", "兰考县工业和信息化局") in r


def test_a_body_the_lexicons_do_not_know_after_a_comma_keeps_the_posts_before_it():
    r = members("兰考县召开项目推进会。县委常委、统战部部长，县总工会主席韩立群出席。")
    assert ("韩立群", "中共兰考县委员会") in r
    assert ("韩立群", "中共兰考县委统一战线工作部") in r


def test_a_long_company_name_before_a_post_in_it_keeps_the_public_post_before_it():
    r = members("泰和县召开座谈会。省人大代表、江西泰和某某现代农业发展集团有限公司董事长邝春林参加。")
    assert ("邝春林", "江西省人民代表大会") in r
    res = extract_text("泰和县召开座谈会。江西泰和某某现代农业发展集团有限公司董事长邝春林参加。")
    assert "邝春林" not in names(res, "Official")


# ---------------------------------------------------------------- 自治区主席 written alone

def test_a_chairman_after_the_brief_of_an_autonomous_region_alone_heads_its_government():
    r = members("宁夏召开招商引资推进会。自治区党委常委、自治区副主席马立新出席，自治区主席咸德厚讲话。")
    assert ("马立新", "中共宁夏回族自治区委员会") in r
    assert ("马立新", "宁夏回族自治区人民政府") in r
    assert ("咸德厚", "宁夏回族自治区人民政府") in r


def test_a_chairman_of_the_autonomous_regions_cppcc_stays_in_the_cppcc():
    r = members("宁夏召开招商引资推进会。自治区政协副主席马立新出席。")
    assert ("马立新", "中国人民政治协商会议宁夏回族自治区委员会") in r
    assert ("马立新", "宁夏回族自治区人民政府") not in r


# ---------------------------------------------------------------- adverbs after a name

def test_a_one_character_adverb_or_preposition_after_a_name_is_no_part_of_it():
    for after in ("还强调", "也表示", "又来到", "同企业负责人座谈", "以视频方式讲话", "则表示", "曾指出"):
        res = extract_text(f"兰考县召开项目推进会。县委书记蔡文斌{after}，要抓好项目建设。")
        assert names(res, "Official") == {"蔡文斌"}, after
        res = extract_text(f"兰考县召开项目推进会。县长龚平{after}，要抓好项目建设。")
        assert names(res, "Official") == {"龚平"}, after


# ---------------------------------------------------------------- 有 between a title and names

def test_names_after_you_of_a_title_are_officials_without_the_verb():
    res = extract_text("开封市召开项目观摩会。出席会议的市领导有蔡文斌、龚平、邝立新。")
    assert {"蔡文斌", "龚平", "邝立新"} <= names(res, "Official")
    assert not any(n.startswith("有") for n in names(res, "Official"))


def test_you_starting_a_word_after_a_title_takes_no_name():
    res = extract_text("开封市召开项目观摩会。副市长有关负责同志出席。")
    assert names(res, "Official") == set()


# ---------------------------------------------------------------- national congress and CPPCC heads

def test_the_vice_chairs_of_the_national_congress_and_cppcc_are_members_of_them():
    r = members("河南省召开产业发展大会。全国人大常委会副委员长邝志远、全国政协副主席蔡文斌出席。")
    assert ("邝志远", "全国人民代表大会常务委员会") in r
    assert ("蔡文斌", "中国人民政治协商会议全国委员会") in r


# ---------------------------------------------------------------- everyday words after names

def test_an_everyday_word_after_the_last_name_of_a_list_ends_the_list():
    for after in ("先后来到", "现场察看"):
        r = members(f"兰考县召开项目推进会。副县长蔡文斌、龚平{after}企业。")
        assert ("蔡文斌", "兰考县人民政府") in r and ("龚平", "兰考县人民政府") in r, after


def test_an_everyday_word_after_a_title_written_after_a_name_ends_the_title():
    r = members("兰考县召开项目推进会。蔡文斌书记现场察看了企业。")
    assert ("蔡文斌", "中共兰考县委员会") in r


# ---------------------------------------------------------------- colons and spaces in captions

def test_names_after_a_lists_colon_are_officials():
    res = extract_text("兰考县召开项目推进会。出席活动的县领导有：蔡文斌、龚平、邝立新。")
    assert {"蔡文斌", "龚平", "邝立新"} <= names(res, "Official")
    r = members("兰考县召开项目推进会。县长：龚平")
    assert ("龚平", "兰考县人民政府") in r


def test_a_colon_before_a_speakers_words_gives_no_official():
    res = extract_text("兰考县召开项目推进会。县委书记：龚平说，要抓项目。")
    assert "龚平说" not in names(res, "Official")


def test_a_space_between_two_titles_of_one_person_keeps_both_posts():
    r = members("兰考县召开项目推进会。县委副书记 县长 龚平出席。")
    assert ("龚平", "中共兰考县委员会") in r
    assert ("龚平", "兰考县人民政府") in r


# ---------------------------------------------------------------- 宣传部长: the body's last character

def test_a_title_sharing_the_last_character_of_its_department_is_a_post_in_it():
    r = members("兰考县召开项目推进会。县委常委、宣传部长邝立新出席，县委组织部长蔡文斌主持。")
    assert ("邝立新", "中共兰考县委员会") in r
    assert ("邝立新", "中共兰考县委宣传部") in r
    assert ("蔡文斌", "中共兰考县委组织部") in r
    r = members("兰考县召开项目推进会。县财政局长龚平、县教育局长洪国庆出席。")
    assert ("龚平", "兰考县财政局") in r
    assert ("洪国庆", "兰考县教育局") in r


def test_a_member_of_a_party_committee_is_no_elided_title():
    r = members("兰考县召开项目推进会。县委委员蔡文斌出席。")
    assert r == {("蔡文斌", "中共兰考县委员会")}


# ---------------------------------------------------------------- a visiting county-level city

def test_a_visiting_city_that_was_a_county_is_no_own_county_of_the_article():
    r = members("兰考县召开项目对接会。邵东市委副书记、市长龚平一行来我县考察，县委书记蔡文斌陪同。")
    assert ("蔡文斌", "中共兰考县委员会") in r
    assert ("龚平", "邵东市人民政府") in r


# ---------------------------------------------------------------- a title after a bare surname

def test_a_verb_after_a_title_written_after_a_bare_surname_is_no_name():
    res = extract_text("兰考县召开项目推进会。县委书记龚平出席。龚书记强调要抓好项目，蔡县长宣布开工。")
    assert names(res, "Official") == {"龚平"}


def test_a_name_whose_first_characters_are_a_name_word_stays_a_name():
    r = members("兰考县召开项目推进会。副县长高强、县长高峰出席。")
    assert ("高强", "兰考县人民政府") in r


# ---------------------------------------------------------------- titles after listed names

def test_names_listed_before_a_title_written_after_the_last_hold_it_too():
    r = members("兰考县召开项目推进会。蔡文斌、龚平副县长出席。")
    assert ("蔡文斌", "兰考县人民政府") in r
    assert ("龚平", "兰考县人民政府") in r


def test_a_name_after_zai_before_a_title_written_after_it():
    r = members("兰考县召开项目推进会。在蔡文斌书记、龚平县长的陪同下，考察团参观了产业园。")
    assert ("蔡文斌", "中共兰考县委员会") in r
    assert ("龚平", "兰考县人民政府") in r


# ---------------------------------------------------------------- 第一书记; a note in brackets

def test_a_first_secretary_of_a_parks_party_committee_is_a_post_in_it():
    r = members("兰考县召开项目推进会。县委书记、县产业集聚区党工委第一书记蔡文斌出席。")
    assert ("蔡文斌", "中共兰考县委员会") in r
    assert ("蔡文斌", "中共兰考县产业集聚区工作委员会") in r


def test_a_note_in_brackets_between_a_title_and_the_name():
    r = members("兰考县召开项目推进会。县委常委、副县长（挂职）龚平出席。")
    assert ("龚平", "中共兰考县委员会") in r
    assert ("龚平", "兰考县人民政府") in r


# ---------------------------------------------------------------- A、B等县领导

def test_names_listed_before_deng_and_leaders_are_officials_of_no_body():
    res = extract_text("兰考县召开项目推进会。在蔡文斌、龚平等县领导陪同下，考察团参观了产业园。")
    assert {"蔡文斌", "龚平"} <= names(res, "Official")
    assert not {m for m in rels(res, "memberOf") if m[0] in ("蔡文斌", "龚平")}


def test_a_firms_people_before_deng_and_leaders_are_no_officials():
    res = extract_text("兰考县召开项目推进会。华星新材料公司蔡文斌、龚平等领导出席。")
    assert not {"蔡文斌", "龚平"} & names(res, "Official")


# ---------------------------------------------------------------- a verb before a name and title

def test_a_name_after_a_verb_or_particle_takes_the_title_written_after_it():
    r = members("兰考县召开项目推进会。会议听取了龚平县长的汇报，考察团会见了蔡文斌书记一行。")
    assert ("龚平", "兰考县人民政府") in r
    assert ("蔡文斌", "中共兰考县委员会") in r
    r = members("兰考县召开项目推进会。会后蔡文斌书记接受了采访。")
    assert ("蔡文斌", "中共兰考县委员会") in r


# ---------------------------------------------------------------- 领导 after a verb

def test_leaders_right_after_a_verb_name_no_one():
    res = extract_text("兰考县召开项目推进会。要落实领导包抓责任，县领导蔡文斌出席。")
    assert names(res, "Official") == {"蔡文斌"}


# ---------------------------------------------------------------- a newsroom's role in a byline

def test_a_byline_role_ending_in_a_title_names_no_official():
    res = extract_text("兰考县召开项目推进会。县长龚平出席。（责任编辑：蔡文斌 值班主任：邝立新）")
    assert names(res, "Official") == {"龚平"}
    res = extract_text("兰考县召开项目推进会。县长龚平出席。值班主任 邝立新")
    assert names(res, "Official") == {"龚平"}


def test_a_contact_lines_colon_after_a_title_of_no_body_gives_no_official():
    res = extract_text("兰考县召开项目推进会。县长龚平出席。联系人：蔡文斌 主任：邝立新")
    assert names(res, "Official") == {"龚平"}


def test_a_contact_lines_space_after_a_title_of_no_body_gives_no_official():
    res = extract_text("兰考县召开项目推进会。县长龚平出席。联系人 蔡文斌 主任 邝立新")
    assert names(res, "Official") == {"龚平"}


# ---------------------------------------------------------------- 苏木达, the head of a sumu

def test_a_sumu_head_is_a_post_in_the_sumus_government():
    r = members("西乌珠穆沁旗召开项目推进会。巴彦胡舒苏木党委书记蔡文斌、苏木达龚平陪同，副苏木达邝立新介绍。")
    assert ("蔡文斌", "中共巴彦胡舒苏木委员会") in r
    assert ("龚平", "巴彦胡舒苏木人民政府") in r
    assert ("邝立新", "巴彦胡舒苏木人民政府") in r


# ---------------------------------------------------------------- a dotted name before a title

def test_a_dotted_name_before_a_title_written_after_it():
    r = members("伊犁州召开项目推进会。会议由吐尔逊·买买提州长主持，在艾力·吐尔洪书记陪同下参观了园区。")
    assert ("吐尔逊·买买提", "伊犁哈萨克自治州人民政府") in r
    assert ("艾力·吐尔洪", "中共伊犁哈萨克自治州委员会") in r
