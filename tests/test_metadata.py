"""metadata.py: titles, dates, outlets and the people of an article."""
from __future__ import annotations

from kg.io.metadata import article_date, article_title, credits, outlet, read_meta


def test_title_from_a_title_line_or_the_first_real_line():
    assert article_title("当前位置:\n在线访谈\n\n标题: 园区新观察丨某旗工信局长访谈\n时间:2022-12-05") == "园区新观察丨某旗工信局长访谈"
    page = "首页 > 新闻 > 正文 |\n某市工信局召开全市工业经济运行分析会 |\n2021年03月08日 来源:某网"
    assert article_title(page) == "某市工信局召开全市工业经济运行分析会"
    assert article_title("某日报记者 李某某 报道\n入夏以来,某县把园区建设摆在更加突出的位置。") == ""


def test_dates_and_times():
    assert article_date("时间:2022-12-05 15:28\n正文") == ("2022-12-05", "2022-12-05T15:28:00")
    assert article_date("2021年03月09日 19:45 来源:某某云") == ("2021-03-09", "2021-03-09T19:45:00")
    assert article_date("作者: 某某 2022-08-24 14:37:42") == ("2022-08-24", "2022-08-24T14:37:42")
    assert article_date("2022-02-24\n来源") == ("2022-02-24", "")
    assert article_date("今年以来,完成投资2.3亿元") == ("", "")


def test_credits_are_people_not_officials():
    text = "某网消息(记者 苏远航 通讯员 郑晓岚)正文。责任编辑:高雅琴\n监制:韩冬 策划:邱思雨 马骏 摄像:程浩 罗一鸣 |"
    got = [(k, n) for k, _, n in credits(text)]
    assert got == [
        ("reporter", "苏远航"), ("contributor", "郑晓岚"), ("editor", "高雅琴"), ("contributor", "韩冬"),
        ("contributor", "邱思雨"), ("contributor", "马骏"), ("contributor", "程浩"), ("contributor", "罗一鸣"),
    ]
    assert credits("记者:高新区的建设正处在爬坡过坎的关口") == []  # an interviewer's question, not a name
    assert credits("记者近日采访了县工信局局长") == []


def test_outlet():
    assert outlet("作者: 张某 来源:衢州新闻网 2022-08-24") == "衢州新闻网"
    assert outlet("泉州网消息(记者 苏远航)") == "泉州网"
    assert outlet("黔南日报记者 杨启航 报道") == "黔南日报"


def test_container_metadata_wins():
    m = read_meta("标题:文中标题\n2022-01-01 正文", {"title": "网页标题", "date": "2023-05-06 09:00", "author": "孙晓雨"})
    assert m.title == "网页标题" and m.date == "2023-05-06" and m.datetime == "2023-05-06T09:00:00"
    assert ("reporter", "作者", "孙晓雨") in m.people
