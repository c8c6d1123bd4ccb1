"""The whole path on the shared seeds and dev articles, scored by the shared scorer."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from kg.app.cli import main


def score(shared, corpus: str, gold: str, pattern: str, tmp_path) -> dict:
    """Build the articles of corpus matching pattern on their own and score them against their
    own gold files (as the pre-stop hook does)."""
    src, ref, out = tmp_path / "in", tmp_path / "gold", tmp_path / "out"
    src.mkdir()
    ref.mkdir()
    for f in sorted((shared / "corpus" / corpus).glob(pattern)):
        shutil.copy(f, src)
        g = shared / gold / f"{f.stem}.json"
        if g.is_file():
            shutil.copy(g, ref)
    assert main(["build", str(src), "-o", str(out), "-q", "--no-html"]) == 0
    p = subprocess.run(
        [sys.executable, str(shared / "eval" / "score.py"), str(out / "graph.ttl"), str(ref), "--json"],
        capture_output=True, text=True, check=True,
    )
    return json.loads(p.stdout[: p.stdout.rindex("}") + 1]), ref


def gold_types(ref) -> tuple[set[str], set[str]]:
    ents, rels = set(), set()
    for f in ref.glob("*.json"):
        d = json.loads(f.read_text(encoding="utf-8"))
        ents |= {e["type"] for e in d["entities"] if not e.get("optional")}
        rels |= {r["rel"] for r in d["relations"] if not r.get("optional")}
    return ents, rels


# Floors under which a change is a regression. The seeds and the older dev articles were read
# while the rules were written; the newer dev articles (v2_*) were not, and their floor sits a
# little under what they score now (0.716 / 0.504 at the time of writing), where every type and
# relation need not be found yet.
@pytest.mark.parametrize(
    "corpus,gold,pattern,min_ent,min_rel,every_type",
    [("seeds", "gold", "*.txt", 0.85, 0.65, True),
     ("dev", "gold-dev", "h*.txt", 0.80, 0.60, True),
     ("dev", "gold-dev", "v2_*.txt", 0.68, 0.47, False)],
    ids=["seeds", "dev-h", "dev-v2"],
)
def test_scores(shared, tmp_path, corpus, gold, pattern, min_ent, min_rel, every_type):
    rep, ref = score(shared, corpus, gold, pattern, tmp_path)
    ent, rel = rep["entities"]["ALL"]["f1"], rep["relations"]["ALL"]["f1"]
    print(f"{corpus} {pattern}: entity F1 {ent:.3f}, relation F1 {rel:.3f}")
    assert ent >= min_ent and rel >= min_rel
    if not every_type:
        return
    types, relations = gold_types(ref)
    for t in types & set(rep["entities"]):
        assert rep["entities"][t]["f1"] > 0, t
    for r in relations & set(rep["relations"]):
        assert rep["relations"][r]["f1"] > 0, r


def test_no_gloss_or_traditional_character_in_canonical_names(shared, tmp_path):
    from rdflib import Graph
    from rdflib.namespace import RDFS

    from kg.io.normalize import to_simplified

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

    from kg.rdf.graph import CY

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


# Figures read off the seed articles by hand: (article, about, metric, value, unit, period).
# Seed 003 has no date, so its 上半年 has no year: period "" (the words stay as periodLabel).
HAND_CHECKED = [
    ("000", "杭锦后旗", "gross_output", "4334000000", "CNY", "2022-01/2022-10"),  # 1-10月份...总产值43.34亿元
    ("000", "杭锦后旗", "growth:gross_output", "14.1", "%", "2022-01/2022-10"),  # 同比增长14.1%
    ("000", "杭锦后旗", "export_value", "987000000", "CNY", "2022-01/2022-10"),  # 出口额9.87亿元
    ("000", "伊利日处理2000吨高端鲜奶生产线项目", "capacity", "2000", "t", ""),  # 日处理2000吨
    ("002", "峄城区", "investment_completed", "23370000000", "CNY", "2021-01/2022-08"),  # 2021年以来...233.7亿元
    ("002", "峄城区", "growth:industrial_value_added", "19.5", "%", "2021"),  # 2021年...分别增长...19.5%
    ("002", "峄城区", "growth:loan_balance", "23.65", "%", "2021"),
    ("002", "年产3.5万吨王老吉系列饮品生产线", "capacity", "35000", "t", ""),  # 年产3.5万吨
    ("002", "峄城化工产业园区", "output_value", "216000000", "CNY", "2022-01/2022-06"),  # 园区内...产值2.16亿元
    ("003", "年产16万吨岩矿棉生产线项目", "capacity", "160000", "t", ""),
    ("003", "海东市", "funds_in_place", "2088000000", "CNY", ""),  # 上半年...到位资金20.88亿元
    ("003", "海东市", "growth:industrial_value_added", "13.8", "%", ""),
    ("004", "来宾市", "growth:gdp", "6.3", "%", "2020"),  # 去年...地区生产总值增长6.3%
]


def test_seed_figures_hand_checked(shared):
    from decimal import Decimal

    from kg.extract.article import extract
    from kg.io.read import read_all

    got = set()
    ranges = set()
    for a in read_all([shared / "corpus" / "seeds"]):
        r = extract(a)
        names = {e.key: e.name for e in r.entities}
        for f in r.figures:
            if f.quantity is not None and f.quantity.value is not None:
                got.add((a.path.rsplit("/", 1)[-1][:3], names[f.subject], f.metric, f.quantity.value, f.quantity.unit, f.period))
            elif f.quantity is not None:
                ranges.add((a.path.rsplit("/", 1)[-1][:3], names[f.subject], f.metric, f.quantity.low, f.quantity.high,
                            f.quantity.unit, f.period))
    for art, about, metric, value, unit, period in HAND_CHECKED:
        assert (art, about, metric, Decimal(value), unit, period) in got, (art, about, metric)
    # and the range: 年产3.5万吨王老吉系列饮品生产线建成投产,今年可实现产值5—8亿元
    assert ("002", "年产3.5万吨王老吉系列饮品生产线", "output_value", Decimal("500000000"), Decimal("800000000"),
            "CNY", "2022") in ranges


def test_the_build_of_seeds_and_dev_conforms_to_the_shapes(shared, tmp_path):
    out = tmp_path / "out"
    assert main(["build", str(shared / "corpus" / "seeds"), str(shared / "corpus" / "dev"), "-o", str(out),
                 "-q", "--no-html"]) == 0
    p = subprocess.run([sys.executable, "-m", "kg.app.cli", "validate", str(out / "graph.ttl")],
                       capture_output=True, text=True)
    assert p.returncode == 0 and "conforms" in p.stdout, p.stdout + p.stderr
