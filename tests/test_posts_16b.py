"""Posts of officials in kinds of text county and city news writes: surnames the list lacked,
a verb right after a name, titles and names in chains and lists. Sentences written for the tests
(invented people, real places)."""
from __future__ import annotations

from conftest import extract_text, members, names


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
