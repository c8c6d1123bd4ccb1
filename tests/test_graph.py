"""graph.py: IRIs, labels, provenance, Turtle that parses back."""
from __future__ import annotations

import os
import subprocess
import sys

from conftest import FIXTURES, article
from rdflib import Graph, Literal
from rdflib.namespace import PROV, RDF, RDFS, SKOS

from kg.extract.article import extract
from kg.rdf.graph import build_graph, entity_iri, write_turtle
from kg.rdf.vocab import CY
from kg.corpus.merge import merge


def build(names):
    results = [extract(article((FIXTURES / n).read_text(encoding="utf-8"), path=n)) for n in names]
    return build_graph(merge(results))


def test_iris_are_stable_and_regions_use_their_code():
    assert str(entity_iri("Region:150826")) == "https://w3id.org/chanye/id/region/150826"
    # other keys: a hash of the key, written out here so that a change of scheme shows
    agency = "https://w3id.org/chanye/id/agency/8d49ae34a056921d"
    assert str(entity_iri("Agency:湖州市工业和信息化局")) == agency
    # and the same in another process, whatever its string hashing (PYTHONHASHSEED)
    code = "from kg.rdf.graph import entity_iri; print(entity_iri('Agency:湖州市工业和信息化局'))"
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONIOENCODING": "utf-8"}
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                             encoding="utf-8", check=True).stdout.strip()
        assert out == agency, seed
    assert entity_iri("Agency:湖州市工业和信息化局") != entity_iri("Agency:衢州市工业和信息化局")
    g1 = build(["city_bureau.txt", "banner_interview.txt"])
    g2 = build(["banner_interview.txt", "city_bureau.txt"])
    assert set(g1) == set(g2)


def test_labels_types_and_sources(tmp_path):
    g = build(["city_bureau.txt"])
    agency = entity_iri("Agency:湖州市工业和信息化局")
    assert (agency, RDF.type, CY.Agency) in g
    assert (agency, RDFS.label, Literal("湖州市工业和信息化局", lang="zh-Hans")) in g
    assert (agency, SKOS.altLabel, Literal("湖州市工信局", lang="zh-Hans")) in g  # the bare 市工信局 names no one body
    assert (agency, SKOS.altLabel, Literal("市工信局", lang="zh-Hans")) not in g
    arts = list(g.objects(agency, PROV.wasDerivedFrom))
    assert len(arts) == 1 and (arts[0], RDF.type, CY.Article) in g
    assert str(g.value(arts[0], CY.sourceFile)) == "city_bureau.txt"


def test_turtle_round_trips_with_prefixes(tmp_path):
    g = build(["city_bureau.txt", "other_city_bureau.txt", "banner_interview.txt"])
    out = tmp_path / "g.ttl"
    write_turtle(g, out)
    text = out.read_text(encoding="utf-8")
    assert "@prefix cy: <https://w3id.org/chanye/ontology#>" in text
    back = Graph().parse(out, format="turtle")
    assert len(back) == len(g)
    assert not (tmp_path / "g.ttl.tmp").exists()


def test_ontology_declares_what_the_graph_uses():
    from kg.resources import ONTOLOGY

    onto = Graph().parse(ONTOLOGY, format="turtle")
    for cls in ("Official", "Agency", "Region", "IndustrialPark", "Company", "Project", "Article"):
        assert (CY[cls], RDF.type, None) in onto
        assert any(l.language == "zh" for l in onto.objects(CY[cls], RDFS.label))
        assert any(l.language == "en" for l in onto.objects(CY[cls], RDFS.label))
    for prop in ("memberOf", "jurisdiction", "partOf", "locatedIn", "developedBy", "subsidiaryOf"):
        assert (CY[prop], RDFS.subPropertyOf, None) in onto
        assert (CY[prop], RDFS.range, None) in onto
