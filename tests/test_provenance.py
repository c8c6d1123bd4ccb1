"""Provenance: named graphs per article and sentence, selectors on the original text, kg explain."""
from __future__ import annotations

from conftest import ROOT
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF, SKOS

from kg.app.cli import main
from kg.rdf.graph import CY, OA

SAMPLES = ROOT / "samples"


def build(tmp_path):
    assert main(["build", str(SAMPLES), "-o", str(tmp_path), "-q", "--no-html", "--formats", "ttl,trig,nq"]) == 0
    ds = Dataset()
    ds.parse(tmp_path / "graph.trig", format="trig")
    return ds


def test_trig_and_nquads_hold_the_same_quads(tmp_path):
    ds = build(tmp_path)
    nq = Dataset()
    nq.parse(tmp_path / "graph.nq", format="nquads")
    assert len(list(ds.quads())) == len(list(nq.quads())) > 100


def test_every_relation_of_the_turtle_has_a_source_graph(tmp_path):
    ds = build(tmp_path)
    ttl = Graph().parse(tmp_path / "graph.ttl")
    for rel in ("memberOf", "jurisdiction", "locatedIn", "developedBy"):
        for s, o in ttl.subject_objects(CY[rel]):
            graphs = [c for c in ds.graphs() if c.identifier != ds.default_graph.identifier and (s, CY[rel], o) in c]
            assert graphs, (s, rel, o)  # a named graph (article or sentence) says where it was read


def test_selectors_point_at_the_sentence_as_published(tmp_path):
    ds = build(tmp_path)
    meta = ds.default_graph
    text = (SAMPLES / "changxing_trad.txt").read_text(encoding="utf-8")
    checked = 0
    for sent in meta.subjects(RDF.type, CY.Sentence):
        exact = start = end = None
        for sel in meta.objects(sent, OA.hasSelector):
            if (sel, RDF.type, OA.TextQuoteSelector) in meta:
                exact = str(meta.value(sel, OA.exact))
            else:
                start, end = int(meta.value(sel, OA.start)), int(meta.value(sel, OA.end))
        if "縣長陳國強" in exact:
            assert text[start:end] == exact  # offsets into the original, traditional, glossed text
            assert "(jì)" in exact
            checked += 1
    assert checked == 1


def test_traditional_surface_forms_are_kept_as_alt_labels(tmp_path):
    ttl = Graph().parse(build(tmp_path) and tmp_path / "graph.ttl")
    alts = {str(o) for o in ttl.objects(None, SKOS.altLabel)}
    assert "陳國強" in alts and "長興縣人民政府" in alts
    labels = {str(o) for o in ttl.objects(None, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))}
    assert "陈国强" in labels and "陳國強" not in labels


def test_articles_get_title_date_outlet_and_people(tmp_path):
    ttl = Graph().parse(build(tmp_path) and tmp_path / "graph.ttl")
    art = next(s for s in ttl.subjects(RDF.type, CY.Article) if str(ttl.value(s, CY.sourceFile)) == "changxing_trad.txt")
    assert str(ttl.value(art, URIRef("http://purl.org/dc/terms/title"))) == "长兴县发布产业项目清单"
    assert str(ttl.value(art, URIRef("http://purl.org/dc/terms/date"))) == "2022-11-02"
    assert str(ttl.value(art, URIRef("http://purl.org/dc/terms/issued"))) == "2022-11-02T10:12:00"
    assert str(ttl.value(art, CY.outlet)) == "长兴发布"
    reporter = ttl.value(art, CY.reporter)
    assert (reporter, RDF.type, CY.Person) in ttl and str(ttl.value(reporter, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))) == "郑小川"
    assert (reporter, RDF.type, CY.Official) not in ttl


def test_explain_prints_the_sentence_that_names_the_post(tmp_path, capsys):
    build(tmp_path)
    assert main(["explain", "陳國強", "--graph", str(tmp_path / "graph.trig")]) == 0
    out = capsys.readouterr().out
    assert "陈国强  [Official]" in out
    assert "holds post 县长 in 长兴县人民政府" in out
    assert "縣長陳國強在會上表示" in out  # the sentence as published
    assert "长兴县发布产业项目清单  2022-11-02" in out
    assert main(["explain", "不存在的名字", "--graph", str(tmp_path / "graph.trig")]) == 1


GAZ_TEXT = "来源:扬州日报\n扬州市江都区工信局局长王建国表示,我市将继续支持全区企业发展,全市上下齐心。\n"


def _build_text(tmp_path, text: str):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(text, encoding="utf-8")
    assert main(["build", str(src), "-o", str(tmp_path / "out"), "-q", "--no-html", "--formats", "ttl,trig"]) == 0
    ds = Dataset()
    ds.parse(tmp_path / "out" / "graph.trig", format="trig")
    return ds


def test_a_region_parent_from_the_gazetteer_is_in_no_sentence_graph(tmp_path):
    ds = _build_text(tmp_path, GAZ_TEXT)
    part_of = [(s, o, c.identifier) for c in ds.graphs() for s, o in c.subject_objects(CY.partOf)
               if c.identifier != ds.default_graph.identifier]
    assert part_of  # 江都区 partOf 扬州市, 扬州市 partOf 江苏省
    for _s, _o, g in part_of:
        assert "/s" not in str(g).rsplit("/graph/", 1)[1], g  # the article's graph, not a sentence's
    assert not any((None, CY.partOf, None) in ds.graph(s) for s in ds.default_graph.subjects(RDF.type, CY.Sentence))


def test_deixis_words_are_not_names_of_a_region(tmp_path, capsys):
    _build_text(tmp_path, GAZ_TEXT)
    ttl = Graph().parse(tmp_path / "out" / "graph.ttl")
    names = {str(o) for o in ttl.objects(None, SKOS.altLabel)} | {str(o) for o in ttl.objects(None, URIRef(
        "http://www.w3.org/2000/01/rdf-schema#label"))}
    assert "扬州市" in names and "江都区" in names
    assert not names & {"我市", "全市", "全区", "该区"}
    assert main(["explain", "我市", "--graph", str(tmp_path / "out" / "graph.ttl")]) != 0
    assert "no entity named" in capsys.readouterr().err
