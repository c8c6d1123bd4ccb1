"""Named rules that fire on one corpus article only, checked on sentences written for them
(scripts/lexicon_usage.py, issue #16): they are kept because they handle a kind of text."""
from kg.extract.article import extract
from kg.model import Article


def _result(text: str):
    return extract(Article(id="t", path="t.txt", text=text, encoding="utf-8"))


def test_company_park_is_the_company_project():
    # a park whose name starts with a company's name is that company's project (rule company-park)
    r = _result("湖北省宜昌市讯 近日，华岳新材料有限公司高端膜材料产业园在猇亭区正式开工，总投资20亿元。")
    projects = {e.key: e for e in r.entities if e.type == "Project"}
    assert [e.name for e in projects.values()] == ["华岳新材料有限公司高端膜材料产业园"]
    assert not [e for e in r.entities if e.type == "IndustrialPark"]
    companies = {e.key for e in r.entities if e.type == "Company"}
    assert any(x.rel == "developedBy" and x.head in projects and x.tail in companies for x in r.relations)
