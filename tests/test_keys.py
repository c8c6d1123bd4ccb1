"""kg.keys: entity keys are made and read in one place, and read back to what was made."""
from __future__ import annotations

import hashlib

import pytest
from conftest import FIXTURES, extract_text

from kg import keys
from kg.corpus.merge import merge
from kg.rdf.graph import _entity_path

MADE = [
    (("Region", "350900"), {}, "Region:350900"),
    (("Agency", "宁德市工业和信息化局"), {}, "Agency:宁德市工业和信息化局"),
    (("Official", "王建国"), {"place": "350900"}, "Official:王建国@350900"),
    (("Company", "东宇商贸"), {"province": "460000"}, "Company:东宇商贸#460000"),
    (("Company", "华恒生物"), {"place": "150826"}, "Company:华恒生物@150826"),
    (("Company", "企业科技"), {"province": ""}, "Company:企业科技#"),  # no province in the name
    (("IndustrialPark", "江北高新区"), {"place": ""}, "IndustrialPark:江北高新区@"),  # no place known
    (("Project", "华恒生物二期"), {"place": "150826"}, "Project:华恒生物二期@150826"),
    # names are cut from the text at its punctuation, and ':' '@' '#' can stay inside one
    # (东宇@商贸有限公司, A#1科技公司, a colon inside a name's parentheses): written as they are
    (("Company", "东宇@商贸"), {"province": "460000"}, "Company:东宇@商贸#460000"),
    (("Company", "A#1科技"), {"place": "150826"}, "Company:A#1科技@150826"),
    (("Project", "C:D二期"), {"place": "150826"}, "Project:C:D二期@150826"),
    (("Agency", "X@Y#Z:管理委员会"), {}, "Agency:X@Y#Z:管理委员会"),
]


@pytest.mark.parametrize("args, kw, key", MADE)
def test_make_writes_the_keys_as_they_always_were(args, kw, key):
    assert keys.make(*args, **kw) == key


@pytest.mark.parametrize("args, kw, key", MADE)
def test_parse_reads_back_what_make_wrote(args, kw, key):
    k = keys.parse(key)
    assert (k.type, k.name) == args
    assert k.place == kw.get("place", kw.get("province", ""))
    assert k.mark == ("#" if "province" in kw else "@" if "place" in kw else "")
    assert str(k) == key


def test_the_place_starts_at_the_last_mark():
    # the one reading of a key: merge's core, merge's place and the graph's type all agree
    k = keys.parse("Company:东宇@商贸#460000")
    assert (k.name, k.mark, k.place) == ("东宇@商贸", "#", "460000")
    assert keys.parse("Agency:东宇@商贸#1").name == "东宇@商贸#1"  # an agency has no place


def test_what_is_no_key_is_refused():
    with pytest.raises(ValueError):
        keys.parse("no type here")
    with pytest.raises(ValueError):
        keys.make("Company", "华恒生物")  # a company sits somewhere, or names its province
    with pytest.raises(ValueError):
        keys.make("Company", "华恒生物", place="150826", province="150000")
    with pytest.raises(ValueError):
        keys.make("Region", "350900", place="350000")
    with pytest.raises(ValueError):
        keys.make("IndustrialPark", "x", province="1")  # a province is for a company alone


def test_region_and_post_keys():
    assert keys.region_key("350900") == "Region:350900"
    assert keys.post_key("Official:王建国@350900", "Agency:宁德市人民政府", "市长") == \
        "Post:Official:王建国@350900|Agency:宁德市人民政府|市长"


def test_iris_are_the_division_code_or_a_hash_of_the_whole_key():
    assert _entity_path("Region:350900") == "region/350900"
    for key in ("Company:东宇@商贸#460000", "Project:C:D二期@150826", "Region:x1",
                "Post:Official:王建国@350900|Agency:宁德市人民政府|市长"):
        typ = key.split(":", 1)[0].lower()
        assert _entity_path(key) == f"{typ}/{hashlib.sha1(key.encode('utf-8')).hexdigest()[:16]}"


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.txt")))
def test_every_key_extraction_makes_reads_back(name):
    r = extract_text((FIXTURES / name).read_text(encoding="utf-8"))
    assert r.entities or name == "ambiguous_district.txt"
    for e in r.entities:
        k = keys.parse(e.key)
        assert str(k) == e.key and k.type == e.type
        if e.type == "Region":
            assert ("divisionCode", k.name) in e.attrs
        if e.type in ("IndustrialPark", "Project", "Official"):
            assert k.name == e.name and k.mark == "@"


def test_a_registered_name_with_an_at_sign_merges_with_its_short_name():
    # the province of Company:东宇@商贸#460000 is 460000 (merge once read "商贸#460000", took no
    # province for it, and kept the two apart)
    a = extract_text("标题:报道\n海南省东宇@商贸有限公司扩大投资。")
    b = extract_text("标题:报道\n海口市工信局表示,东宇@商贸公司扩大投资。")
    assert [e.key for e in a.entities if e.type == "Company"] == ["Company:东宇@商贸#460000"]
    assert [e.key for e in b.entities if e.type == "Company"] == ["Company:东宇@商贸@460100"]
    m = merge([a, b])
    assert [(k, e.name) for k, e in m.entities.items() if e.type == "Company"] == [
        ("Company:东宇@商贸#460000", "海南省东宇@商贸有限公司")
    ]
