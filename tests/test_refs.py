"""kg.refs: what a place or agency mention points at, typed, and what resolution makes of it.

The mentions here are made by hand (not by the finders), so that each kind of reference is
resolved on its own: a deixis, an ambiguous place, a list's inherited region, a park's committee.
"""
from __future__ import annotations

import dataclasses

import pytest
from conftest import extract_text, names

from kg.extract.resolve import identity_keys, resolve_article
from kg.io.normalize import normalize
from kg.model import Mention
from kg.refs import Ambiguous, Code, Deixis, Inherited, ParkBody, code_of

TEXT = "宁德市蕉城区推进项目建设\n我市工业稳中有进。鼓楼区召开会议。区政府办、工信局和市工信局参加,高新区管委会出席。蕉城高新区新签约项目3个。"


def at(text, surface: str, typ: str, nth: int = 0, **fields) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.norm.index(surface, start + 1)
    return Mention(typ, surface, start, start + len(surface), **fields)


@pytest.fixture(scope="module")
def resolved():
    t = normalize(TEXT)
    regions = [
        at(t, "宁德市", "Region", place=Code("350900")),
        at(t, "蕉城区", "Region", place=Code("350902")),
        at(t, "我市", "Region", place=Deixis("市")),
        at(t, "鼓楼区", "Region", place=Ambiguous(("320106", "350102"))),
    ]
    agencies = [
        at(t, "区政府办", "Agency", place=Deixis("区"), body="人民政府办公室"),
        at(t, "工信局", "Agency", place=Inherited(), body="工业和信息化局"),
        at(t, "市工信局", "Agency", place=Deixis("市"), body="工业和信息化局"),
        at(t, "高新区管委会", "Agency", place=ParkBody("高新区"), body="管理委员会"),
    ]
    parks = [at(t, "蕉城高新区", "IndustrialPark")]  # the article's one 高新区
    ctx = resolve_article(t, "a", regions, agencies, [], parks)
    return ctx, {m.surface: m for m in regions + agencies}


def entity(ctx, typ: str, name: str):
    (e,) = [e for e in ctx.entities.values() if e.type == typ and e.name == name]
    return e


def test_the_focal_region_is_the_most_specific_named(resolved):
    ctx, _ = resolved
    assert ctx.focal == "350902"


def test_a_deixis_mention_is_evidence_for_the_focal_regions_city(resolved):
    ctx, ms = resolved
    m = ms["我市"]
    city = ctx.region("350900")
    assert city is not None and ctx.by_mention[(m.start, m.end, "Region")] == city
    assert m in ctx.entities[city].mentions
    assert "我市" not in ctx.entities[city].aliases  # a pointer to the city, not a name of it


def test_an_ambiguous_place_goes_to_unresolved_and_to_no_region(resolved):
    ctx, _ = resolved
    assert ctx.unresolved == [("鼓楼区", "320106|350102")]
    assert ctx.region("320106") is None and ctx.region("350102") is None


def test_deixis_and_inherited_agencies_take_their_regions_name(resolved):
    ctx, _ = resolved
    office = entity(ctx, "Agency", "蕉城区人民政府办公室")  # 区 of the focal district
    bureau = entity(ctx, "Agency", "蕉城区工业和信息化局")  # 工信局 after 区政府办、
    city_bureau = entity(ctx, "Agency", "宁德市工业和信息化局")  # 市 of the focal district's chain
    assert office.region == bureau.region == "350902" and city_bureau.region == "350900"
    assert "蕉城区工信局" in bureau.aliases and "宁德市工信局" in city_bureau.aliases


def test_a_park_committee_is_named_after_its_park_in_the_focal_region(resolved):
    ctx, _ = resolved
    committee = entity(ctx, "Agency", "蕉城高新区管理委员会")  # 高新区管委会: the article's 高新区
    assert committee.region == "350902"
    assert ctx.entities[ctx.agency_region[committee.handle]].name == "蕉城区"


def test_handles_are_never_false_and_every_entity_gets_one_key(resolved):
    ctx, _ = resolved
    assert all(h >= 1 for h in ctx.entities)
    ids = identity_keys(ctx, [])
    assert set(ids) == set(ctx.entities)
    assert ids[ctx.region("350900")] == "Region:350900"
    assert ids[entity(ctx, "Agency", "宁德市工业和信息化局").handle] == "Agency:宁德市工业和信息化局"
    assert len(set(ids.values())) == len(ids)  # one key per entity of the article


def test_refs_are_frozen_values():
    assert Code("350900") == Code("350900") and Code("350900") != Deixis("350900")
    assert Inherited() == Inherited() and hash(Ambiguous(("1", "2"))) == hash(Ambiguous(("1", "2")))
    with pytest.raises(dataclasses.FrozenInstanceError):
        Code("350900").code = "350902"
    assert not hasattr(Code("350900"), "__dict__")  # slotted
    assert code_of(Code("350900")) == "350900" and code_of(Deixis("市")) == code_of(None) == ""


def test_a_whole_article_through_the_finders():
    r = extract_text("宁德市蕉城区推进项目建设\n我市工业稳中有进,鼓楼区召开会议。市工信局局长王建国出席。")
    # 鼓楼区 of 南京, 徐州, 福州 or 开封: the article names none of their cities, but it is in
    # 福建, and only 福州's is
    assert names(r, "Region") == {"宁德市", "蕉城区", "福建省", "鼓楼区", "福州市"}
    assert r.unresolved == []
    gulou = next(e for e in r.entities if e.name == "鼓楼区")
    assert ("placeDecidedBy", "鼓楼区: within the places named") in gulou.attrs
    city = next(e for e in r.entities if e.name == "宁德市")
    assert len(city.evidence) == 2  # 宁德市, and 我市
    assert "宁德市工业和信息化局" in names(r, "Agency")
    assert next(e for e in r.entities if e.type == "Official").key == "Official:王建国@350900"


def test_without_identity_keys_an_article_keeps_its_metadata_and_open_places(monkeypatch):
    # handles are no keys: an entity whose key cannot be made is left out, never written under
    # a handle
    import kg.extract.article as ex
    from conftest import article

    def broken(*args):
        raise KeyError("no such thing")

    monkeypatch.setattr(ex, "identity_keys", broken)
    r = ex.extract(article("标题:报道\n海东市工信局局长王建国出席。鼓楼区召开会议。\n"))  # no 鼓楼区 in 青海
    assert (r.entities, r.relations, r.posts) == ([], [], [])
    assert r.notes == ("identity keys left out: KeyError: 'no such thing'",)
    assert [n for n, _ in r.unresolved] == ["鼓楼区"] and r.title == "报道"
