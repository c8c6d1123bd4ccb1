"""scripts/lexicon_usage.py: an entry whose removal changes an article's extraction is counted
as changing it; one that occurs but changes nothing is counted as occurring only; the package
reads its real data again afterwards."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from conftest import extract_text

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "lexicon_usage.py"

# written for this test: an enumeration typed by its head noun, a period word with no figure, a
# sentence holding neither
LISTED = "华光科创、星河智造等两家企业签约落户。"
PERIOD = "今年以来，园区环境持续改善。"
OTHER = "宁德市星河智造有限公司举行年会。"


@pytest.fixture(scope="module")
def usage():
    spec = importlib.util.spec_from_file_location("lexicon_usage", SCRIPT)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["lexicon_usage"] = mod
    spec.loader.exec_module(mod)
    yield mod
    sys.modules.pop("lexicon_usage", None)


@pytest.fixture
def docs(usage, tmp_path):
    for name, text in (("listed.txt", LISTED), ("period.txt", PERIOD), ("other.txt", OTHER)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    return usage.read_inputs([str(tmp_path)], lambda msg: None)


def _entry(usage, file: str, key: str):
    found = [e for e in usage.entries(file) if e.key == key]
    assert found, f"{key} is no entry of {file}"
    return found[0]


def _by_key(usages):
    return {(u.entry.file, u.entry.key): u for u in usages}


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_entry_that_changes_the_output_and_one_that_only_occurs(usage, docs, jobs):
    label = {d.norm[:4]: d.label for d in docs}
    head = _entry(usage, "enum_heads.tsv", "企业")
    period = _entry(usage, "periods.tsv", "今年以来")
    absent = next(e for e in usage.entries("enum_heads.tsv") if not any(t in d.norm for d in docs for t in e.texts))
    got = _by_key(usage.ablate(docs, [head, period, absent], jobs=jobs))

    u = got[("enum_heads.tsv", "企业")]
    assert u.occurs == [label["华光科创"]] and u.changes == [label["华光科创"]] and u.graph == u.changes
    assert u.flag == "ONE"

    u = got[("periods.tsv", "今年以来")]
    assert u.occurs == [label["今年以来"]] and u.changes == [] and u.flag == "NONE"

    u = got[("enum_heads.tsv", absent.key)]
    assert u.occurs == [] and u.changes == [] and u.flag == "NONE"

    joint = usage.together(docs, list(got.values()), jobs=jobs)
    assert joint["periods.tsv"] == {"entries": 1, "changes": [], "graph": []}
    assert joint["enum_heads.tsv"]["entries"] == 1 and joint["enum_heads.tsv"]["changes"] == []


def test_the_real_data_is_read_again_after_an_ablation(usage, docs):
    before = {(e.type, e.name) for e in extract_text(LISTED).entities}
    assert ("Company", "华光科创") in before
    deps = usage.cache_dependencies()
    with usage.without(_entry(usage, "enum_heads.tsv", "企业"), deps=deps):
        assert ("Company", "华光科创") not in {(e.type, e.name) for e in extract_text(LISTED).entities}
    assert {(e.type, e.name) for e in extract_text(LISTED).entities} == before


def test_a_cache_is_known_by_the_files_it_is_built_from(usage):
    import kg.resources as resources
    from kg.extract.mentions import orgs

    extract_text(LISTED)
    deps = usage.cache_dependencies()
    assert deps[orgs._enum_heads] == frozenset({"enum_heads.tsv"})
    assert deps[resources.table] is None  # a cache with arguments: cleared on any change


def test_named_rules_are_counted_where_their_mentions_survive(usage, docs):
    rules = {r.rule: r for r in usage.rule_usage(docs)}
    assert {"list", "phase", "frame", "legal"} <= set(rules)
    listed = next(d.label for d in docs if d.norm.startswith("华光科创"))
    assert listed in rules["list"].found and listed in rules["list"].kept
    assert [d.label for d in docs if d.label in rules["legal"].kept] == [d.label for d in docs if "有限公司" in d.norm]
