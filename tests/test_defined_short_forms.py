"""Short forms defined in brackets after a name (X公司(以下简称“Y”), (简称Y), (下称Y)): the
form is that entity's alias and its later mentions are that entity's. Sentences written for
these tests."""
from __future__ import annotations

from conftest import extract_text, names, rels


def test_a_company_s_defined_short_form_is_the_company_and_builds_its_project():
    r = extract_text(
        "宁远县招商引资再结硕果\n"
        "5月8日,宁远县与湖南锐拓新能源科技股份有限公司(以下简称“锐拓新能源”)签订投资协议。"
        "锐拓新能源投资建设的年产5GWh储能电池项目落户宁远县经济开发区。\n"
    )
    assert "锐拓新能源" not in names(r, "Company")
    firm = next(e for e in r.entities if e.name == "湖南锐拓新能源科技股份有限公司")
    assert "锐拓新能源" in firm.aliases
    assert ("年产5GWh储能电池项目", "湖南锐拓新能源科技股份有限公司") in rels(r, "developedBy")


def test_a_short_form_defined_without_quotes_is_read_to_the_bracket():
    r = extract_text(
        "衡东县工业经济稳步增长\n"
        "衡东县引进的湖南恒锋精密制造有限公司(下称恒锋精密)已经投产。"
        "恒锋精密新建的数控机床生产线项目预计年底建成。\n"
    )
    assert names(r, "Company") == {"湖南恒锋精密制造有限公司"}
    assert ("数控机床生产线项目", "湖南恒锋精密制造有限公司") in rels(r, "developedBy")


def test_a_park_s_defined_short_form_is_the_park():
    r = extract_text(
        "安化县经济开发区(以下简称“安化经开区”)近年来加快发展。"
        "安化经开区内的湖南茶乡食品有限公司正在扩产。\n"
    )
    assert names(r, "IndustrialPark") == {"安化县经济开发区"}
    assert ("湖南茶乡食品有限公司", "安化县经济开发区") in rels(r, "locatedIn")


def test_a_short_form_with_a_company_word_is_the_company():
    r = extract_text(
        "邵东市五金产业集聚发展\n"
        "邵东市五金产业园引进了湖南金泰五金制品有限公司(以下简称金泰公司)。"
        "金泰公司负责人介绍,企业今年产值将突破2亿元。\n"
    )
    assert "金泰公司" not in names(r, "Company")
    assert "湖南金泰五金制品有限公司" in names(r, "Company")


def test_names_counted_before_a_shared_company_word_are_companies():
    # A和B两家公司: the count is no part of a name; each name before it is a company
    r = extract_text("临清市烟店镇聚集了瑞丰和鑫达两家公司。\n")
    companies = names(r, "Company")
    assert {"瑞丰", "鑫达"} <= companies
    assert not any("两家" in c for c in companies)

