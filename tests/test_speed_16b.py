"""Fast paths of the 16b speed round give what the plain way gives: each is checked against a
plain reference written here, on invented sentences and generated text."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st


# ---------------------------------------------------------------- normalisation

PUNCT = [chr(c) for c in range(0x2013, 0x2027)]  # dashes, quotes, daggers, bullet, ellipsis


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(PUNCT), min_size=3, max_size=12))
def test_a_run_of_punctuation_is_no_mojibake_for_ftfy_either(run):
    """repair() skips runs of dashes, quotes and ellipses: ftfy finds no Han in one either."""
    from kg.io.normalize import LATIN_RUN, PUNCT_RUN, _fix_latin

    assert LATIN_RUN.fullmatch(run) and PUNCT_RUN.fullmatch(run)
    assert _fix_latin(run) is None


def test_text_with_punctuation_runs_is_kept_and_latin_mojibake_still_repaired():
    from kg.io.normalize import normalize

    plain = "张家港市——新材料产业园……“明年投产”"
    assert normalize(plain).norm == plain and normalize(plain).repaired == 0
    broken = "据悉，" + "产业园".encode("utf-8").decode("latin-1") + "——开工。"
    t = normalize(broken)
    assert t.norm == "据悉,产业园——开工。" and t.repaired == 1
