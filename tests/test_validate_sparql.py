"""kg validate's SPARQL checks (kg.rdf.validate.check) report what pySHACL (validate) reports on
the same graph: the same (shape, focus, path, severity), as many times, for the shipped shapes
broken on purpose and for a shapes file of the other SHACL Core components compiled; a shapes
file with a component not compiled is refused, and kg validate checks it with pySHACL instead."""
from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from rdflib import Graph

from kg.rdf.lookup import open_graph
from kg.rdf.validate import Unsupported, check, validate

ROOT = Path(__file__).resolve().parent.parent

PREFIXES = """
@prefix cy:   <https://w3id.org/chanye/ontology#> .
@prefix article: <https://w3id.org/chanye/id/article/> .
@prefix official: <https://w3id.org/chanye/id/official/> .
@prefix agency: <https://w3id.org/chanye/id/agency/> .
@prefix region: <https://w3id.org/chanye/id/region/> .
@prefix project: <https://w3id.org/chanye/id/project/> .
@prefix post: <https://w3id.org/chanye/id/post/> .
@prefix figure: <https://w3id.org/chanye/id/figure/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix org:  <http://www.w3.org/ns/org#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
@prefix schema: <https://schema.org/> .
@prefix sh:   <http://www.w3.org/ns/shacl#> .
@prefix t:    <https://example.org/test#> .
"""

# every constraint of ontology/shapes.ttl kept by one node and broken by another
BROKEN = PREFIXES + """
article:a a cy:Article ; cy:sourceFile "一.txt" .
article:b a cy:Article ; cy:sourceFile "二.txt" , "三.txt" .
article:c a cy:Article .
official:good a cy:Official ; rdfs:label "张三"@zh ; prov:wasDerivedFrom article:a ; cy:memberOf agency:good .
official:nolabel a cy:Official ; prov:wasDerivedFrom article:a .
official:twolabels a cy:Official ; rdfs:label "李四"@zh , "李肆"@zh ; prov:wasDerivedFrom article:a .
official:english a cy:Official ; rdfs:label "Wang Wu"@en ; skos:altLabel "王五"@zh , "Wu"@en , "王伍" ;
    prov:wasDerivedFrom article:a .
official:empty a cy:Official ; rdfs:label ""@zh ; prov:wasDerivedFrom region:good ; cy:memberOf region:good .
official:nosource a cy:Official ; rdfs:label "赵六"@zh-Hans .
agency:good a cy:Agency ; rdfs:label "某市发改委"@zh ; prov:wasDerivedFrom article:a ; cy:jurisdiction region:good .
agency:twoplaces a cy:Agency , cy:Company ; rdfs:label "某局"@zh ; prov:wasDerivedFrom article:a ;
    cy:jurisdiction region:good , region:code .
region:good a cy:Region ; rdfs:label "某市"@zh ; prov:wasDerivedFrom article:a ; cy:divisionCode "110100" .
region:code a cy:Region ; rdfs:label "某县"@zh ; prov:wasDerivedFrom article:a ; cy:divisionCode "11010X" , "110101" ;
    cy:partOf region:good , agency:good .
region:literal a cy:Region ; rdfs:label "某镇"@zh ; prov:wasDerivedFrom article:a ; cy:partOf "某市" ;
    cy:divisionCode 110102 .
project:p a cy:Project ; rdfs:label "某项目"@zh ; prov:wasDerivedFrom article:a ; cy:developedBy agency:good ;
    cy:investment "12.5"^^xsd:decimal , "十亿"^^xsd:decimal , "3"^^xsd:integer ; cy:phase "2"^^xsd:integer , "二" .
post:good a cy:Post ; org:member official:good ; org:organization agency:good ; cy:role "局长"@zh ;
    cy:attestedOn "2024-03-01"^^xsd:date .
post:twoofficials a cy:Post ; org:member official:good , official:english ; org:organization region:good ;
    cy:attestedOn "2024-02-30"^^xsd:date , "2024-03"^^xsd:gYearMonth .
post:empty a cy:Post .
figure:good a cy:Figure ; cy:metric "total_investment" ; schema:value "100"^^xsd:decimal ;
    cy:period "2023" ; prov:wasDerivedFrom article:a .
figure:bad a cy:Figure ; schema:value 5.0e2 , "7"^^xsd:decimal ; schema:minValue "一"^^xsd:decimal ;
    schema:maxValue "9" ; cy:period "2023年" , "2023-01/2024-02" ; prov:wasDerivedFrom article:c , post:good .
"""

# the compiled components the shipped shapes do not use, and the targets other than a class
OTHERS = PREFIXES + """
t:Names a sh:NodeShape ; sh:targetNode official:good , official:english , <https://w3id.org/chanye/id/nowhere> ;
    sh:property [ sh:path rdfs:label ; sh:maxLength 2 ; sh:pattern "^张" ; sh:flags "i" ; sh:severity sh:Warning ] ;
    sh:property [ sh:path skos:altLabel ; sh:minCount 2 ; sh:nodeKind sh:IRI ; sh:message "两个别名" ] ;
    sh:property [ sh:path cy:memberOf ; sh:hasValue agency:good ; sh:nodeKind sh:BlankNodeOrIRI ] .
t:Roles a sh:NodeShape ; sh:targetSubjectsOf cy:role ;
    sh:property [ sh:path cy:role ; sh:in ( "局长"@zh "市长"@zh ) ; sh:datatype xsd:string ] .
t:Members a sh:NodeShape ; sh:targetObjectsOf org:member ;
    sh:property [ sh:path rdfs:label ; sh:minLength 3 ; sh:languageIn ( "en" "zh-Hans" ) ; sh:maxCount 0 ] .
t:Off a sh:NodeShape ; sh:targetClass cy:Post ; sh:deactivated true ;
    sh:property [ sh:path cy:role ; sh:minCount 5 ] .
"""


def _pair(tmp_path: Path, data: str, shapes: str | None = None):
    (tmp_path / "g.ttl").write_text(data, encoding="utf-8")
    kw = {}
    if shapes is not None:
        (tmp_path / "s.ttl").write_text(shapes, encoding="utf-8")
        kw = {"shapes": tmp_path / "s.ttl"}
    fast = check(open_graph(tmp_path / "g.ttl"), **kw)
    slow = validate(Graph().parse(tmp_path / "g.ttl"), **kw)
    return fast, slow


def _keys(report) -> Counter:
    return Counter((v.shape, v.focus, v.path, v.severity) for v in report.violations)


def test_the_shipped_shapes_broken_on_purpose_give_pyshacls_report(tmp_path):
    fast, slow = _pair(tmp_path, BROKEN)
    assert _keys(fast) == _keys(slow)
    assert (fast.conforms, fast.nodes) == (slow.conforms, slow.nodes) == (False, 20)
    got = set(_keys(fast))
    for broken in [("cys:EntityShape", "official/nolabel", "rdfs:label"),  # no label
                   ("cys:EntityShape", "official/twolabels", "rdfs:label"),  # two
                   ("cys:EntityShape", "official/english", "skos:altLabel"),  # not Chinese
                   ("cys:EntityShape", "official/empty", "prov:wasDerivedFrom"),  # not an article
                   ("cys:PostShape", "post/twoofficials", "org:member"),  # two officials on a post
                   ("cys:PostShape", "post/empty", "cy:role"),
                   ("cys:RegionShape", "region/code", "cy:divisionCode"),
                   ("cys:FigureShape", "figure/bad", "schema:value"),  # a double, not a decimal
                   ("cys:ProjectFiguresShape", "project/p", "cy:investment"),  # an ill-formed decimal
                   ("cys:PostDateShape", "post/twoofficials", "cy:attestedOn"),  # no 30 February
                   ("cys:ArticleShape", "article/b", "cy:sourceFile")]:
        shape, focus, path = broken
        assert (shape, f"https://w3id.org/chanye/id/{focus}", path, "Violation") in got, broken
    assert not any("/good" in f for _, f, _, _ in got)
    # two languages and an untagged name: each value its own result, as pySHACL gives them
    assert _keys(fast)[("cys:EntityShape", "https://w3id.org/chanye/id/official/english", "skos:altLabel", "Violation")] == 2


def test_the_other_compiled_components_give_pyshacls_report(tmp_path):
    fast, slow = _pair(tmp_path, BROKEN, OTHERS)
    assert _keys(fast) == _keys(slow)
    assert fast.conforms is slow.conforms is False
    sev = Counter(v.severity for v in fast.violations)
    assert sev["Warning"] and sev["Violation"]
    assert any(v.message == "两个别名" for v in fast.violations)
    assert not any(v.shape == "t:Off" for v in fast.violations)


def test_the_seeds_graph_conforms_for_both(tmp_path):
    fast, slow = _pair(tmp_path, BROKEN.split("article:b")[0])
    assert fast.conforms and slow.conforms and not fast.violations
    assert fast.triples == 2 and fast.nodes == 1


def test_progress_counts_every_check_to_the_total(tmp_path):
    (tmp_path / "g.ttl").write_text(BROKEN, encoding="utf-8")
    seen: list[tuple[int, int]] = []
    check(open_graph(tmp_path / "g.ttl"), progress=lambda done, total: seen.append((done, total)))
    done = [d for d, _ in seen]
    assert done == sorted(done) and done[-1] == seen[-1][1] > 20 and len({t for _, t in seen}) == 1


UNCOMPILED = PREFIXES + """
t:Either a sh:NodeShape ; sh:targetClass cy:Official ;
    sh:or ( [ sh:path rdfs:label ; sh:minCount 1 ] [ sh:path skos:altLabel ; sh:minCount 1 ] ) .
"""


def test_a_component_not_compiled_is_refused_and_pyshacl_checks_it(tmp_path):
    (tmp_path / "g.ttl").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "s.ttl").write_text(UNCOMPILED, encoding="utf-8")
    with pytest.raises(Unsupported) as e:
        check(open_graph(tmp_path / "g.ttl"), shapes=tmp_path / "s.ttl")
    assert "sh:or" in e.value.what
    p = subprocess.run([sys.executable, "-m", "kg.app.cli", "validate", str(tmp_path / "g.ttl"), "--shapes",
                        str(tmp_path / "s.ttl")], capture_output=True, text=True, cwd=ROOT)
    assert p.returncode == 1, p.stderr
    assert "sh:or" in p.stderr and "pySHACL" in p.stderr
    assert "t:Either https://w3id.org/chanye/id/official/nolabel" in p.stdout
