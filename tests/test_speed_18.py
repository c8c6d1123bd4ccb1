"""Fast paths of the issue-18 speed round give what the plain way gives: each is checked against
the plain function or a plain reference written here, on invented sentences."""
from __future__ import annotations

import bisect

# invented: places before parks and companies, a place split across a name's start, a county the
# article names that the gazetteer may not (known), a place inside an everyday word
TEXTS = [
    "察看了和林格尔新区产业园的建设",
    "在兴化经济开发区投资建设新材料项目",
    "永城市产业集聚区和莲都工业园区签约",
    "宁德市蕉城区七都镇工业园引进福建某某科技有限公司",
    "前进村振兴路的资源公司与大连保定开封三地企业合作",
]
KNOWNS = [set(), {"蕉城区", "七都镇", "林格尔", "某某"}]


def test_place_forms_by_position_as_place_form_len():
    from kg.extract.mentions.orgs import _PlaceForms, place_form_len

    for norm in TEXTS:
        for known in KNOWNS:
            forms = _PlaceForms(norm, known)
            for a in range(len(norm) + 1):
                for s in range(a, len(norm) + 1):
                    assert forms.longest(a, s) == place_form_len(norm[a:s], known), (norm, a, s)


def test_name_start_not_inside_place_as_asked_by_slices():
    from kg.extract.mentions.orgs import HARD_STOP, _not_inside_place, _PlaceForms, place_form_len

    def plain(norm, start, s, floors, known):
        for j in range(1, min(7, start) + 1):
            a = start - j
            if norm[a] in HARD_STOP:
                break
            if place_form_len(norm[a:s], known) > j:
                lo = bisect.bisect_right(floors, a)
                if lo < len(floors) and floors[lo] <= start:
                    break
                return a
        return start

    for norm in TEXTS:
        for known in KNOWNS:
            forms = _PlaceForms(norm, known)  # one per text, as find_orgs keeps it
            for s in range(len(norm) + 1):
                for start in range(s + 1):
                    for floors in ([], [max(0, start - 2)]):
                        want = plain(norm, start, s, floors, known)
                        assert _not_inside_place(norm, start, s, floors, known, forms) == want
                        assert _not_inside_place(norm, start, s, floors, known) == want
