"""The whole path on the shared seeds and dev articles, scored by the shared scorer."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kg.cli import main


def score(shared, corpus: str, gold: str, out) -> dict:
    assert main(["build", str(shared / "corpus" / corpus), "-o", str(out), "-q", "--no-html"]) == 0
    p = subprocess.run(
        [sys.executable, str(shared / "eval" / "score.py"), str(out / "graph.ttl"), str(shared / gold), "--json"],
        capture_output=True, text=True, check=True,
    )
    return json.loads(p.stdout[: p.stdout.rindex("}") + 1])


def gold_types(shared, gold: str) -> tuple[set[str], set[str]]:
    ents, rels = set(), set()
    for f in (shared / gold).glob("*.json"):
        d = json.loads(f.read_text(encoding="utf-8"))
        ents |= {e["type"] for e in d["entities"] if not e.get("optional")}
        rels |= {r["rel"] for r in d["relations"] if not r.get("optional")}
    return ents, rels


@pytest.mark.parametrize(
    "corpus,gold,min_ent,min_rel",
    [("seeds", "gold", 0.85, 0.65), ("dev", "gold-dev", 0.80, 0.60)],
)
def test_scores(shared, tmp_path, corpus, gold, min_ent, min_rel):
    rep = score(shared, corpus, gold, tmp_path)
    ent, rel = rep["entities"]["ALL"]["f1"], rep["relations"]["ALL"]["f1"]
    print(f"{corpus}: entity F1 {ent:.3f}, relation F1 {rel:.3f}")
    assert ent >= min_ent and rel >= min_rel
    types, relations = gold_types(shared, gold)
    for t in types & set(rep["entities"]):
        assert rep["entities"][t]["f1"] > 0, t
    for r in relations & set(rep["relations"]):
        assert rep["relations"][r]["f1"] > 0, r


def test_no_gloss_or_traditional_character_in_canonical_names(shared, tmp_path):
    from rdflib import Graph
    from rdflib.namespace import RDFS

    from kg.normalize import to_simplified

    assert main(["build", str(shared / "corpus" / "seeds"), "-o", str(tmp_path), "-q", "--no-html"]) == 0
    g = Graph().parse(tmp_path / "graph.ttl")
    labels = [str(o) for o in g.objects(None, RDFS.label)]
    assert labels
    for label in labels:
        assert to_simplified(label) == label, label
        assert "(y" not in label and "(f" not in label, label


def test_seed_articles_get_titles_and_dates(shared, tmp_path):
    from rdflib import Graph
    from rdflib.namespace import DCTERMS, RDF

    from kg.graph import CY

    assert main(["build", str(shared / "corpus" / "seeds"), "-o", str(tmp_path), "-q", "--no-html"]) == 0
    g = Graph().parse(tmp_path / "graph.ttl")
    by_file = {str(g.value(a, CY.sourceFile)): a for a in g.subjects(RDF.type, CY.Article)}
    dates = {f[:3]: str(g.value(a, DCTERMS.date) or "") for f, a in by_file.items()}
    assert dates["000"] == "2022-12-05" and dates["002"] == "2022-08-24" and dates["004"] == "2021-03-08"
    titles = {f[:3]: str(g.value(a, DCTERMS.title) or "") for f, a in by_file.items()}
    assert titles["000"].startswith("高质量发展看杭后")
    assert titles["001"].endswith("访市工信局党组书记韦芝富")
    assert titles["004"].startswith("广西云5G+4K访谈间")
    assert titles["003"] == ""  # the text has no title line, only a byline


def test_explain_an_official_of_the_seeds(shared, tmp_path, capsys):
    assert main(["build", str(shared / "corpus" / "seeds"), "-o", str(tmp_path), "-q", "--no-html"]) == 0
    capsys.readouterr()
    assert main(["explain", "韦芝富", "--graph", str(tmp_path / "graph.trig")]) == 0
    out = capsys.readouterr().out
    assert "holds post 党组书记 in 宁德市工业和信息化局" in out
    assert "記者日前專訪了市工信局黨組書記韋芝富。" in out
