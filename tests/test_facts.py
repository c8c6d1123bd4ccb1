"""facts.py: numbers, units, periods, and figures attached to what they describe."""
from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import extract_text

from kg.extract.facts import parse_number, periods, quantities


@pytest.mark.parametrize(
    "text,value,unit",
    [
        ("233.7亿元", "23370000000", "CNY"),
        ("1.2亿元", "120000000", "CNY"),
        ("4765万元", "47650000", "CNY"),
        ("1,965 亿元", "196500000000", "CNY"),
        ("两千五百万元", "25000000", "CNY"),
        ("三千万元", "30000000", "CNY"),
        ("8.02万吨", "80200", "t"),
        ("2GW", "2000000", "kW"),
        ("14.1%", "14.1", "%"),
        ("16.9个百分点", "16.9", "pp"),
        ("１２.５亿元", "1250000000", "CNY"),  # full-width digits, as normalise leaves them folded
    ],
)
def test_quantities(text, value, unit):
    from kg.io.normalize import fold_width

    (q,) = quantities(fold_width(text))
    assert q.value == Decimal(value) and q.unit == unit


def test_ranges_keep_both_ends():
    (q,) = quantities("预计全年新增产值6—9亿元")
    assert q.value is None and (q.low, q.high) == (Decimal("600000000"), Decimal("900000000"))
    (q,) = quantities("投资3至5亿元")
    assert (q.low, q.high) == (Decimal("300000000"), Decimal("500000000"))


def test_capacities_carry_their_rate():
    (q,) = quantities("年产4.2万吨青梅果酒灌装线")
    assert (q.value, q.unit, q.per) == (Decimal("42000"), "t", "year")
    (q,) = quantities("日处理1500吨生鲜乳")
    assert (q.value, q.per) == (Decimal("1500"), "day")


def test_chinese_numerals():
    assert parse_number("十三点八") == Decimal("13.8")
    assert parse_number("两千五百万") == Decimal("25000000")
    with pytest.raises(ValueError):
        parse_number("若干")


@pytest.mark.parametrize(
    "text,label,iso",
    [
        ("1-11月份全县规上企业", "1-11月份", "2022-01/2022-11"),
        ("今年上半年,园区招商引资", "今年上半年", "2022-01/2022-06"),
        ("前三季度全镇", "前三季度", "2022-01/2022-09"),
        ("2021年以来,招商团队", "2021年以来", "2021-01/2022-08"),
        ("今年1—5月份,港口货运量", "今年1—5月份", "2022-01/2022-05"),
        ("去年全县财政收入", "去年", "2021"),
        ("2021年,全乡", "2021年", "2021"),
    ],
)
def test_periods_resolved_against_the_article_date(text, label, iso):
    (p,) = periods(text, "2022-08-24")
    assert (p.label, p.iso("2022-08-24")) == (label, iso)


def test_a_comparison_is_not_a_period():
    assert periods("比去年同期提高4.8%", "2022-08-24") == []


def test_period_without_an_article_date_keeps_its_words_only():
    (p,) = periods("上半年,全县", "")
    assert p.label == "上半年" and p.iso("") == ""


def figures_of(text):
    r = extract_text(text)
    names = {e.key: e.name for e in r.entities}
    return r, [(names[f.subject], f.metric, f.quantity, f.period, f.status) for f in r.figures]


def test_figures_attach_to_their_subject():
    r, figs = figures_of(
        "标题:某区经济运行\n时间:2022-08-24\n鹿城区委书记周立民说,2021年,瓯江集团实现营收38.46亿元、利润6.27亿元。"
        "今年上半年,全区规上工业增加值同比增长9.8%。龙湾区政府与海联商贸公司签署预计投资6200万元的冷链物流项目合作协议。"
    )
    by = {(s, m): (q, p) for s, m, q, p, _ in figs}
    q, p = by[("瓯江集团", "revenue")]
    assert q.value == Decimal("3846000000") and q.unit == "CNY" and p == "2021"
    q, p = by[("鹿城区", "growth:industrial_value_added")]
    assert q.value == Decimal("9.8") and p == "2022-01/2022-06"
    q, _ = by[("冷链物流项目", "investment")]
    assert q.value == Decimal("62000000")


def test_status_of_a_list_of_projects():
    _, figs = figures_of("标题:项目\n瑞康生物三期、青岚酒业基酒生产线项目正在收尾;小杂粮精深加工项目建成投产。")
    status = {s: st for s, m, _, _, st in figs if m == "status"}
    assert status == {"瑞康生物三期": "finishing", "青岚酒业基酒生产线项目": "finishing", "小杂粮精深加工项目": "in_operation"}


def test_growth_after_a_sentence_break_and_averages():
    _, figs = figures_of(
        "标题:漳州市工业\n时间:2022-10-20\n前三季度全市规模以上工业增加值同比增长18.4%;比2019年同期增长29.3%,两年平均增长13.7%。"
    )
    got = {(m, str(q.value), p) for _, m, q, p, _ in figs}
    assert ("growth:industrial_value_added", "18.4", "2022-01/2022-09") in got
    assert ("growth:industrial_value_added", "29.3", "2022-01/2022-09") in got  # 2019年同期 is a base, not the period
    assert ("average_growth:industrial_value_added", "13.7", "2022-01/2022-09") in got
