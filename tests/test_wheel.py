"""A plain (not editable) install works: the sdist and wheel built from the repository, the wheel
installed into a fresh venv, and kg build, kg validate and kg serve run from it, outside the repo.

Offline: the build uses the dev venv's setuptools (python -m build --no-isolation), the wheel is
installed with --no-deps, and the dependencies are the dev venv's, seen through a .pth file that
names the dev venv's site-packages. A plain path line in a .pth is appended to sys.path without
processing the .pth files in that folder, so the editable install of the source tree (its
__editable__ finder) stays out; test_kg_is_imported_from_the_wheel checks that.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import urllib.parse
import urllib.request
import venv
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, start_serve

SAMPLES = ROOT / "samples"


def _run(cmd, cwd: Path, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    # sdist, then the wheel from the unpacked sdist: what a user's pip builds, and no stale build/
    p = _run([sys.executable, "-m", "build", "--no-isolation", "-o", dist, ROOT], cwd=dist, env=os.environ.copy())
    assert p.returncode == 0, f"python -m build failed (needs build and setuptools>=70.1: pip install -e .[dev])\n{p.stdout[-3000:]}\n{p.stderr[-3000:]}"
    (whl,) = dist.glob("chanye_kg-*.whl")
    return whl


@pytest.fixture(scope="module")
def fresh(tmp_path_factory, wheel) -> dict:
    """A fresh venv with the wheel installed; the dev venv's site-packages for the dependencies."""
    home = tmp_path_factory.mktemp("fresh")
    env_dir = home / "venv"
    venv.create(env_dir, with_pip=False, symlinks=os.name != "nt")
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / ("python.exe" if os.name == "nt" else "python")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env.update(PYTHONNOUSERSITE="1", PATH=f"{bindir}{os.pathsep}{env.get('PATH', '')}")
    site = Path(_run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], home, env).stdout.strip())
    # the dev venv's pip installs into the fresh venv (--python): no pip bootstrap, no network
    p = _run([sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", "-q", wheel], home, env)
    assert p.returncode == 0, p.stdout + p.stderr
    (site / "dev-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    work = home / "work"  # the cwd of every run: outside the repository
    work.mkdir()
    return {"python": python, "kg": bindir / ("kg.exe" if os.name == "nt" else "kg"), "env": env, "cwd": work, "venv": env_dir}


def test_the_wheel_holds_every_file_of_the_package(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    want = set()
    for src, dest in ((ROOT / "kg", "kg"), (ROOT / "ontology", "kg/rdf/ontology")):
        for f in src.rglob("*"):
            rel = f.relative_to(src)
            if f.is_file() and "__pycache__" not in rel.parts and not f.name.startswith(".") and not f.name.endswith(("~", ".pyc", ".swp", ".tmp")):
                want.add(f"{dest}/{rel.as_posix()}")
    assert {"kg/rdf/ontology/chanye.ttl", "kg/rdf/ontology/shapes.ttl", "kg/app/web/query.html", "kg/data/gazetteer.tsv",
            "kg/rdf/queries/parks.rq"} <= want
    assert want - names == set(), "files of the package left out of the wheel (pyproject.toml: packages, package-data)"


def test_kg_is_imported_from_the_wheel(fresh):
    code = (
        "import json, sys, kg, rdflib; "
        "print(json.dumps({'kg': kg.__file__, 'rdflib': rdflib.__file__, 'path': sys.path, "
        "'editable': [m for m in sys.modules if 'editable' in m] + [repr(f) for f in sys.meta_path if 'ditable' in repr(f)]}))"
    )
    p = _run([fresh["python"], "-c", code], fresh["cwd"], fresh["env"])
    assert p.returncode == 0, p.stderr
    info = json.loads(p.stdout)
    assert Path(info["kg"]).is_relative_to(fresh["venv"]), info["kg"]
    assert Path(info["rdflib"]).is_relative_to(Path(sysconfig.get_paths()["purelib"]))  # the dependencies: the dev venv's
    assert info["editable"] == []  # the dev venv's editable finder was not loaded
    dev = Path(sys.prefix).resolve()  # the dev venv may sit inside the repository: only it may
    src = [p for p in info["path"] if p and Path(p).resolve().is_relative_to(ROOT.resolve()) and not Path(p).resolve().is_relative_to(dev)]
    assert src == [], "the source tree is on the fresh venv's sys.path"


@pytest.fixture(scope="module")
def graph(fresh) -> Path:
    out = fresh["cwd"] / "out"
    p = _run([fresh["kg"], "build", SAMPLES, "-o", out], fresh["cwd"], fresh["env"])
    assert p.returncode == 0, p.stdout + p.stderr
    return out / "graph.ttl"


def test_kg_build_from_the_wheel(graph):
    assert graph.is_file() and graph.stat().st_size > 0


def test_kg_validate_from_the_wheel(fresh, graph):
    p = _run([fresh["kg"], "validate", graph], fresh["cwd"], fresh["env"])
    assert p.returncode == 0, p.stdout + p.stderr
    assert "conforms to the shapes" in p.stdout


def test_kg_serve_from_the_wheel(fresh, graph):
    proc, url = start_serve(graph, kg=[fresh["kg"]], cwd=fresh["cwd"], env=fresh["env"], seconds=45)
    base = url.rsplit("/", 1)[0]
    try:
        with urllib.request.urlopen(base + "/", timeout=5) as r:
            status, ctype, body = r.status, r.headers.get("content-type", ""), r.read().decode("utf-8")
        assert status == 200 and ctype.startswith("text/html") and "</html>" in body
        assert "__QUERIES__" not in body and "/sparql" in body  # the page from kg/app/web/query.html, filled in

        q = "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } LIMIT 5"
        req = urllib.request.Request(f"{base}/sparql?{urllib.parse.urlencode({'query': q})}",
                                     headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(req, timeout=30) as r:
            assert r.status == 200
            rows = json.loads(r.read())["results"]["bindings"]
        assert len(rows) == 5
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
