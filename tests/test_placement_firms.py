"""Places of companies: which firms an article's region holds (those named after it or counted
among its firms), the firms a park brings in or holds (园区引进了X, 园区内的X), the firms a tour
of a park goes to, and where a firm comes from (来自X的Y). Sentences written for these tests."""
from __future__ import annotations

from conftest import extract_text, rels


def test_an_investor_or_builder_named_after_no_place_of_the_region_has_no_place():
    # a firm that only invests or builds there: the text does not say where it is
    r = extract_text(
        "泰和县推进重点项目建设\n"
        "5月8日,泰和县召开重点项目推进会。泰和县县长刘明说,华润电力将投资5亿元建设光伏电站,中铁建工集团负责承建。\n"
        "泰和县今年实施重点项目86个,泰和县工业和信息化局将强化要素保障。\n"
    )
    located = rels(r, "locatedIn")
    assert not {x for x in located if x[0] in ("华润电力", "中铁建工集团")}


def test_a_firm_named_after_a_place_of_the_region_is_the_region_s():
    r = extract_text(
        "乐安县推进重点项目建设\n"
        "乐安县召开重点项目推进会。会上,乐安鑫源建材有限公司介绍了生产情况。\n"
    )
    assert ("乐安鑫源建材有限公司", "乐安县") in rels(r, "locatedIn")


def test_firms_counted_among_the_region_s_firms_are_the_region_s():
    r = extract_text(
        "莒南县工业经济稳中有进\n"
        "今年以来,莒南县工业经济保持平稳增长。县里支持金正大集团、华盛机械等骨干企业加快技改,"
        "以鲁南花生为龙头打造食品加工集群。\n"
    )
    located = rels(r, "locatedIn")
    assert ("金正大集团", "莒南县") in located
    assert ("华盛机械", "莒南县") in located
    assert ("鲁南花生", "莒南县") in located


def test_the_park_word_that_brings_in_a_firm_places_it_in_the_park():
    r = extract_text(
        "奈曼旗工业园区延链补链\n"
        "奈曼旗工业园区是自治区级重点园区。园区今年还引进了山东金耀机械有限公司,建设农机装备项目。\n"
        "走进园区内的内蒙古蒙源化工有限公司,生产线正满负荷运转。\n"
    )
    located = rels(r, "locatedIn")
    assert ("山东金耀机械有限公司", "奈曼旗工业园区") in located
    assert ("山东金耀机械有限公司", "山东省") not in located
    assert ("内蒙古蒙源化工有限公司", "奈曼旗工业园区") in located


def test_a_firm_come_from_a_city_is_in_that_city_not_in_its_name_s_province():
    r = extract_text(
        "南溪区招商引资再结硕果\n"
        "南溪区举行项目签约仪式。来自温州市的浙江瓯江阀门有限公司与南溪区签订了投资协议。\n"
    )
    located = rels(r, "locatedIn")
    assert ("浙江瓯江阀门有限公司", "温州市") in located
    assert ("浙江瓯江阀门有限公司", "浙江省") not in located


def test_a_tour_of_a_park_places_the_firms_it_goes_to_not_those_it_meets():
    r = extract_text(
        "标题:张华赴滨海经济开发区调研\n"
        "5月5日,区委书记张华赴滨海经济开发区调研。他先后来到华创智能、远航新材料,察看生产车间。\n"
        "座谈会上,中铁建工集团负责人介绍了园区道路建设情况。\n"
    )
    located = rels(r, "locatedIn")
    assert ("华创智能", "滨海经济开发区") in located
    assert ("远航新材料", "滨海经济开发区") in located
    assert not {x for x in located if x[0] == "中铁建工集团"}
