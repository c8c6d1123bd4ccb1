"""metadata.py: titles, dates, outlets and the people of an article."""
from __future__ import annotations

from kg.io.metadata import article_date, article_title, credits, outlet, read_meta


def test_title_from_a_title_line_or_the_first_real_line():
    assert article_title("当前位置:\n在线访谈\n\n标题: 高质量发展看某旗丨旗工信局访谈\n时间:2022-12-05") == "高质量发展看某旗丨旗工信局访谈"
    page = "首页 > 新闻 > 正文 |\n某市工信局召开全市工业经济运行分析会 |\n2021年03月08日 来源:某网"
    assert article_title(page) == "某市工信局召开全市工业经济运行分析会"
    assert article_title("某日报记者 祁某某 报道\n今年以来,某市坚持把项目建设作为推动发展的强大引擎。") == ""


def test_dates_and_times():
    assert article_date("时间:2022-12-05 15:28\n正文") == ("2022-12-05", "2022-12-05T15:28:00")
    assert article_date("2021年03月08日 20:03 来源:广西云") == ("2021-03-08", "2021-03-08T20:03:00")
    assert article_date("作者: 某某 2022-08-24 14:37:42") == ("2022-08-24", "2022-08-24T14:37:42")
    assert article_date("2022-02-24\n来源") == ("2022-02-24", "")
    assert article_date("今年以来,完成投资2.3亿元") == ("", "")


def test_credits_are_people_not_officials():
    text = "某网消息(记者 张文奎 通讯员 林华春)正文。责任编辑:陈秋凤\n监制:黎攀 策划:宋春风 黄俪 摄像:林亮 王希 |"
    got = [(k, n) for k, _, n in credits(text)]
    assert got == [
        ("reporter", "张文奎"), ("contributor", "林华春"), ("editor", "陈秋凤"), ("contributor", "黎攀"),
        ("contributor", "宋春风"), ("contributor", "黄俪"), ("contributor", "林亮"), ("contributor", "王希"),
    ]
    assert credits("记者:党的二十大是在关键时刻召开的") == []  # an interviewer's question, not a name
    assert credits("记者日前专访了市工信局党组书记") == []


def test_outlet():
    assert outlet("作者: 张某 来源:枣庄新闻网 2022-08-24") == "枣庄新闻网"
    assert outlet("宁德网消息(记者 张文奎)") == "宁德网"
    assert outlet("海东日报记者 祁树江 报道") == "海东日报"


def test_container_metadata_wins():
    m = read_meta("标题:文中标题\n2022-01-01 正文", {"title": "网页标题", "date": "2023-05-06 09:00", "author": "孙晓雨"})
    assert m.title == "网页标题" and m.date == "2023-05-06" and m.datetime == "2023-05-06T09:00:00"
    assert ("reporter", "作者", "孙晓雨") in m.people
