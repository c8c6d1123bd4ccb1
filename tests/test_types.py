"""kg/ type-checks clean: mypy kg/ with the [tool.mypy] settings of pyproject.toml.

The cache is the repository's .mypy_cache (git-ignored): a first run takes some 15 s, a run
after it under a second.
"""
from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None,
                    reason="mypy is not installed (pip install -e '.[dev]' installs it)")
def test_mypy_kg_is_clean():
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(ROOT / ".mypy_cache"), "kg/"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, f"mypy kg/ exited {proc.returncode}:\n{proc.stdout}{proc.stderr}"
