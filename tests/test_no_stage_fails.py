"""Every stage runs to its end on the articles we wrote: a stage that raises is caught (the
article keeps what the other stages found, with a note), so a broken rule would otherwise show
only as lower scores. Here it is an error."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, article

HERE = Path(__file__).parent
TEXTS = sorted([*FIXTURES.glob("*.txt"), *(HERE / "owngold" / "articles").glob("*.txt")])


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_no_stage_leaves_anything_out(path):
    from kg.extract.article import extract

    r = extract(article(path.read_text(encoding="utf-8")))
    assert not r.notes, r.notes
