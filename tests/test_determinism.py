"""The same input gives the same graph, whatever the hash seed, the number of workers or the
order of the files. Each build runs in its own process under its own PYTHONHASHSEED (this
test's own seed is whatever CI gives it), so any tie broken by set or dict order over strings
shows up as a difference."""
from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT

# (hash seed, jobs, file order): three seeds and more, one and two workers, two orders and a shuffle
RUNS = [(1, 1, "sorted"), (2, 2, "reversed"), (3, 2, "shuffled"), (4, 1, "reversed")]


def _files(folders: list[Path]) -> list[Path]:
    return sorted(p for d in folders for p in d.rglob("*") if p.is_file() and p.suffix in (".txt", ".html", ".jsonl"))


def _order(files: list[Path], how: str) -> list[Path]:
    if how == "reversed":
        return files[::-1]
    if how == "shuffled":
        out = list(files)
        random.Random(5).shuffle(out)
        return out
    return files


def _build(files: list[Path], out: Path, seed: int, jobs: int, clean: bool) -> tuple[list[str], bytes]:
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    p = subprocess.run(
        [sys.executable, "-m", "kg.app.cli", "build", *map(str, files), "-o", str(out), "-j", str(jobs),
         "--formats", "ttl,nq", "-q"],
        capture_output=True, text=True, env=env, cwd=ROOT,
    )
    assert p.returncode == 0, p.stderr
    assert "extraction failed" not in p.stderr, p.stderr  # no article lost to a crash
    if clean:  # real articles only: not one is failed, skipped or mended
        assert p.stderr == "", p.stderr
    quads = sorted((out / "graph.nq").read_text(encoding="utf-8").splitlines())
    return quads, (out / "graph.html").read_bytes()


def _same_everywhere(files: list[Path], tmp_path: Path, clean: bool = False) -> None:
    first = None
    for seed, jobs, how in RUNS:
        got = _build(_order(files, how), tmp_path / f"s{seed}", seed, jobs, clean)
        if first is None:
            first = got
            assert len(got[0]) > 1000
            continue
        quads, page = got
        if quads != first[0]:
            only_a = sorted(set(first[0]) - set(quads))[:5]
            only_b = sorted(set(quads) - set(first[0]))[:5]
            pytest.fail(f"seed {seed}, -j {jobs}, {how}: quads differ\n first only: {only_a}\n here only: {only_b}")
        assert page == first[1], f"seed {seed}, -j {jobs}, {how}: graph.html differs"


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """More articles than one worker's batch (64), so -j 2 really splits the work."""
    d = tmp_path_factory.mktemp("gen")
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), str(d), "--articles", "160", "--seed", "11"],
                   check=True, capture_output=True)
    return d


def test_generated_corpus_and_fixtures_same_graph_under_any_seed_jobs_and_order(generated, tmp_path):
    _same_everywhere(_files([generated, FIXTURES, ROOT / "samples"]), tmp_path)


def test_dev_articles_same_graph_under_any_seed_jobs_and_order(shared, generated, tmp_path):
    _same_everywhere(_files([shared / "corpus" / "dev", shared / "corpus" / "seeds", generated]), tmp_path, clean=True)
