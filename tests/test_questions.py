"""The shipped questions as kg serve offers them: the list (GET /questions) and one filled in
(GET /questions/NAME?region=...)."""
import pytest

from kg.rdf.query import named_queries, question_list, question_text


def test_the_list_has_every_shipped_question_by_name():
    listed = question_list()
    names = [q["name"] for q in listed]
    assert names == sorted(named_queries()) and len(names) >= 8
    projects = next(q for q in listed if q["name"] == "projects")
    assert projects == {"name": "projects",
                        "title": "Projects with their investment (yuan), capacity, status, phase and company, "
                                 "largest investment first.",
                        "params": ["region", "company"]}
    assert next(q for q in listed if q["name"] == "evidence")["params"] == ["name", "region"]
    for q in listed:  # every title is the comment line's text, never the '#' or a blank
        assert q["title"] and not q["title"].startswith("#")


def test_a_question_filled_with_its_parameters():
    text = question_text("projects", {"region": "宁德", "company": "时代"})
    assert 'FILTER(CONTAINS(STR(?region), "宁德")) FILTER(CONTAINS(STR(?company), "时代"))' in text
    assert "#{filter}" not in text
    assert text.startswith("# Projects with their investment")  # the rest of the question is as shipped


def test_no_parameters_leaves_no_filter():
    text = question_text("officials", {})
    assert "FILTER(CONTAINS" not in text and "#{filter}" not in text
    assert question_text("officials", {"region": ""}) == text  # an empty input is no filter


def test_a_hostile_value_stays_a_string_literal():
    hostile = '宁德")) } ; DROP ALL ; # \\ \n<img src=x onerror=alert(1)>'
    text = question_text("officials", {"region": hostile})
    line = next(ln for ln in text.splitlines() if "FILTER(CONTAINS" in ln)
    assert line.strip() == ('FILTER(CONTAINS(STR(?region), "宁德\\")) } ; DROP ALL ; # \\\\ \\n'
                            '<img src=x onerror=alert(1)>"))')
    from rdflib.plugins.sparql import prepareQuery

    prepareQuery(text)  # still one well-formed query: the value did not end its string


def test_unknown_name_and_unknown_parameter():
    with pytest.raises(KeyError):
        question_text("no-such-question", {})
    with pytest.raises(ValueError, match="region"):
        question_text("officials", {"company": "宁德时代"})  # officials takes region only


def test_conditional_lines_follow_the_given_parameters():
    from kg.rdf.query import with_params

    text = ("# t\n# params: name region\nSELECT * WHERE {\n  #{if name} ?e <urn:p> ?name .\n"
            "  ?e <urn:q> ?x .  #{unless name region}\n  #{filter}\n}")
    plain = with_params(text, {})
    assert "  ?e <urn:q> ?x .\n" in plain and "urn:p" not in plain and "#{" not in plain
    named = with_params(text, {"name": "甲"})
    assert "  ?e <urn:p> ?name .\n" in named and "urn:q" not in named
    assert 'FILTER(CONTAINS(STR(?name), "甲"))' in named
    region = with_params(text, {"region": "乙", "name": ""})  # an empty input is not given
    assert "urn:p" not in region and "urn:q" not in region


def test_every_shipped_question_fills_without_markers():
    for name, text in named_queries().items():
        params = [{}] + [{k: "x"} for k in question_list({name: text})[0]["params"]]
        for given in params:
            assert "#{" not in question_text(name, given), (name, given)
