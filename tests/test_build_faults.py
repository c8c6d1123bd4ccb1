"""Builds meeting each other and the machine: two builds into one folder, a build killed at every
stage boundary (readers see the previous build or the new one, never some of each), pool workers
outliving a killed build, a full disk, a read-only folder, numbers argparse let through.

The kill points come from KG_TEST_PAUSE_AT (kg/publish.py): the build prints a line at the named
point and waits for a line on stdin, so the test stops it exactly there."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import FIXTURES, ROOT, children

from kg.app.cli import main
from kg.corpus.publish import STAGES

OLD = [str(ROOT / "samples")]  # the published build the tests start from
NEW = [str(FIXTURES / "city_bureau.txt"), str(FIXTURES / "county_visit.txt")]  # the build that is stopped
OLD_ARGS = ["--formats", "ttl,trig,nq"]  # the old build has graph.nq and the new one not: that link must go too
FILES = ("graph.ttl", "graph.trig", "graph.nq", "graph.html", "manifest.json")


def snapshot(out: Path):
    """What a reader of out sees: each published file's bytes (a missing one, or a link to
    nothing, is absent) and the store's quads."""
    files = {f: (out / f).read_bytes() for f in FILES if (out / f).exists()}
    store = ox.Store.read_only(str(out / "store"))
    quads = sorted(store.dump(format=ox.RdfFormat.N_QUADS).decode("utf-8").splitlines())
    del store
    return files, quads


def build(out: Path, inputs, *extra) -> None:
    assert main(["build", *inputs, "-o", str(out), "-q", "-j", "1", *extra]) == 0


@pytest.fixture(scope="module")
def refs(tmp_path_factory):
    """The old and the new build, each built alone: what a reader may see."""
    d = tmp_path_factory.mktemp("refs")
    build(d / "old", OLD, *OLD_ARGS)
    build(d / "new", NEW)
    return d / "old", snapshot(d / "old"), snapshot(d / "new")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A corpus big enough for a build to take a few seconds."""
    d = tmp_path_factory.mktemp("gen") / "c"
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), str(d), "--articles", "120",
                    "--format", "jsonl"], check=True, capture_output=True)
    return [str(d)]


def start(out: Path, inputs, *extra, pause: str | None = None, env: dict | None = None) -> subprocess.Popen:
    e = {k: v for k, v in os.environ.items() if k != "KG_TEST_PAUSE_AT"}
    e.update(env or {})
    if pause:
        e["KG_TEST_PAUSE_AT"] = pause
    return subprocess.Popen([sys.executable, "-m", "kg.app.cli", "build", *inputs, "-o", str(out), "-q", *extra],
                            cwd=ROOT, env=e, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def wait_for_pause(p: subprocess.Popen, stage: str) -> None:
    seen = []
    while True:
        line = p.stderr.readline()
        if not line:
            pytest.fail(f"the build ended before {stage} (status {p.wait()}): {''.join(seen)}")
        if line.startswith(f"kg: test pause at {stage} "):
            return
        seen.append(line)


def finish(p: subprocess.Popen, timeout: float = 120) -> tuple[int, str]:
    _, err = p.communicate(timeout=timeout)
    return p.returncode, err


def leftovers(out: Path) -> dict:
    """What is in out beyond the published build: other build folders, temporary names, store
    folders, and cache files its manifest does not use."""
    import json

    cur = os.readlink(out / "current")
    used = {e["file"] for e in json.loads((out / "manifest.json").read_text(encoding="utf-8"))["articles"].values()}
    return {
        "builds": sorted(p.name for p in (out / ".builds").iterdir() if f".builds/{p.name}" != cur),
        "tmp": sorted(p.name for p in out.rglob("*.tmp")),
        "stores": sorted(p.name for p in out.glob("store.*")),
        "cache": sorted(p.name for p in (out / "cache").iterdir() if p.name not in used),
    }


NOTHING = {"builds": [], "tmp": [], "stores": [], "cache": []}


# ---------------------------------------------------------------- 2. one switch for every output

@pytest.mark.parametrize("sig, stage", [(signal.SIGKILL, s) for s in STAGES]
                         + [(signal.SIGTERM, s) for s in ("stored", "exported", "switched")])
def test_a_build_stopped_at_any_stage_boundary_leaves_the_old_set_or_the_new_one(refs, tmp_path, sig, stage):
    ref_old, old, new = refs
    out = tmp_path / "out"
    shutil.copytree(ref_old, out, symlinks=True)
    p = start(out, NEW, "-j", "1", pause=stage)
    wait_for_pause(p, stage)
    published = STAGES.index(stage) >= STAGES.index("switched")
    assert snapshot(out) == (new if published else old)  # what a reader sees while it waits there
    p.send_signal(sig)
    status, err = finish(p)
    assert snapshot(out) == (new if published else old)  # and after it is stopped
    if sig == signal.SIGTERM:
        assert status == 130 and "Traceback" not in err, err
        if published:
            assert "interrupted after this build was published" in err
        else:
            assert "interrupted: nothing of this build was published" in err
            assert leftovers(out) == NOTHING  # what it had written is gone, the cache included
    else:
        assert status == -signal.SIGKILL
    # the next build runs over whatever the stopped one left, and leaves nothing of it behind
    build(out, OLD, *OLD_ARGS, "--no-html")
    assert snapshot(out)[1] == old[1] and not (out / "graph.html").exists()
    assert leftovers(out) == NOTHING


def test_builds_leave_one_build_folder_and_only_the_cache_it_uses(refs, tmp_path):
    _, old, new = refs
    out = tmp_path / "out"
    for inputs, extra, want in ((OLD, OLD_ARGS, old), (NEW, [], new), (OLD, OLD_ARGS, old), (NEW, ["--update"], None)):
        build(out, inputs, *extra)
        if want is not None:
            assert snapshot(out) == want
        assert leftovers(out) == NOTHING
        assert [p.name for p in out.iterdir() if p.name.startswith("graph.") and not p.exists()] == []
    # the last build has no graph.nq: the link to the earlier one's went with the switch
    assert {p.name for p in out.iterdir()} == {".lock", ".builds", "cache", "current", "manifest.json", "store",
                                              "graph.ttl", "graph.trig", "graph.html"}
    # every command takes the paths it always took
    for target in ("graph.ttl", "graph.trig", "store"):
        assert main(["query", str(out / target), "officials", "--format", "csv", "--timeout", "0"]) == 0


def test_an_output_folder_of_the_older_layout_is_taken_over(refs, tmp_path):
    """graph.ttl and the rest as plain files beside `store -> store.<stamp>`, as kg wrote before."""
    ref_old, old, new = refs
    out = tmp_path / "out"
    cur = ref_old / os.readlink(ref_old / "current")
    out.mkdir()
    shutil.copytree(ref_old / "cache", out / "cache")
    for f in FILES:
        shutil.copy2(cur / f, out / f)
    shutil.copytree(cur / "store", out / "store.20260101T000000-1-0")
    os.symlink("store.20260101T000000-1-0", out / "store")
    assert snapshot(out) == old
    build(out, NEW, "--update")  # the old manifest is read: its articles stay
    assert "city_bureau" in (out / "manifest.json").read_text(encoding="utf-8")
    assert "jingyang_report" in (out / "manifest.json").read_text(encoding="utf-8")
    assert leftovers(out) == NOTHING
    build(out, NEW)
    assert snapshot(out) == new and leftovers(out) == NOTHING


# ---------------------------------------------------------------- 1. two builds, one folder

def _all_parse_and_agree(out: Path) -> None:
    """Every published file parses, and they hold the same facts: one build's."""
    import json

    ttl = {str(q.triple) for q in ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE)}
    trig = {str(q.triple) for q in ox.parse(path=str(out / "graph.trig"), format=ox.RdfFormat.TRIG)
            if q.graph_name == ox.DefaultGraph()}
    store = ox.Store.read_only(str(out / "store"))
    facts = {str(q.triple) for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    assert ttl == trig == facts and facts
    articles = len(json.loads((out / "manifest.json").read_text(encoding="utf-8"))["articles"])
    assert sum(1 for _ in store.quads_for_pattern(None, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                                                  ox.NamedNode("https://w3id.org/chanye/ontology#Article"),
                                                  ox.DefaultGraph())) == articles
    if (out / "graph.html").exists():
        assert "<html" in (out / "graph.html").read_text(encoding="utf-8")


def test_a_second_build_while_the_first_writes_its_exports_is_refused(corpus, tmp_path):
    """The issue's reproduction: kg build A -o out & (until out has graph.ttl.tmp) kg build B -o out."""
    out = tmp_path / "out"
    a = start(out, corpus, "-j", "1", "--no-html", "--formats", "ttl,trig,nq")  # nq: the exports take longer
    deadline = time.time() + 120
    while not (out.is_dir() and any(out.rglob("graph.ttl.tmp"))):
        assert a.poll() is None and time.time() < deadline, "the first build never wrote its exports"
        time.sleep(0.002)
    b = start(out, OLD, "-j", "1")
    b_status, b_err = finish(b)
    a_status, a_err = finish(a)
    assert a_status == 0, a_err
    assert b_status == 75 and b_err.strip() == (
        f"kg: {out} is in use by another kg build (pid {a.pid}); wait for it to end, or build into another folder with -o")
    _all_parse_and_agree(out)
    assert "part-0000.jsonl" in (out / "manifest.json").read_text(encoding="utf-8")  # the first build's, whole
    assert leftovers(out) == NOTHING


def test_two_builds_started_together_one_is_refused_and_the_other_published(refs, tmp_path):
    _, old, new = refs
    out = tmp_path / "out"
    a = start(out, OLD, "-j", "1", *OLD_ARGS)
    b = start(out, NEW, "-j", "1")
    (sa, ea), (sb, eb) = finish(a), finish(b)
    assert "Traceback" not in ea + eb, ea + eb
    assert sorted([sa, sb]) in ([0, 75], [0, 0]), (ea, eb)  # [0, 0]: one had ended before the other began
    if sorted([sa, sb]) == [0, 75]:
        winner, loser_err = (a, eb) if sa == 0 else (b, ea)
        assert f"in use by another kg build (pid {winner.pid})" in loser_err
        assert snapshot(out) == (old if winner is a else new)
    else:
        assert snapshot(out) in (old, new)
    _all_parse_and_agree(out)
    assert leftovers(out) == NOTHING


def test_a_build_started_while_another_is_publishing_waits_for_nothing_and_breaks_nothing(refs, tmp_path):
    """The other order: the second starts when the first has everything written and is about to
    switch; it is refused, and the first then publishes its whole set."""
    ref_old, old, new = refs
    out = tmp_path / "out"
    shutil.copytree(ref_old, out, symlinks=True)
    a = start(out, NEW, "-j", "1", pause="exported")
    wait_for_pause(a, "exported")
    b = start(out, OLD, "-j", "1", *OLD_ARGS)
    sb, eb = finish(b)
    assert sb == 75 and f"(pid {a.pid})" in eb and len(eb.strip().splitlines()) == 1
    assert snapshot(out) == old
    a.stdin.write("\n")
    a.stdin.flush()
    sa, ea = finish(a)
    assert sa == 0, ea
    assert snapshot(out) == new
    _all_parse_and_agree(out)
    assert leftovers(out) == NOTHING


# ---------------------------------------------------------------- 3. workers die with the build



def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its exit status waits to be read


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table from /proc")
def test_pool_workers_end_when_the_build_is_killed(corpus, tmp_path):
    out = tmp_path / "out"
    p = start(out, corpus, "-j", "2")
    deadline = time.time() + 60
    while len(kids := children(p.pid)) < 2:
        assert p.poll() is None and time.time() < deadline, "the pool never started"
        time.sleep(0.01)
    try:
        p.kill()
        p.wait()
        deadline = time.time() + 10
        while any(map(_running, kids)) and time.time() < deadline:
            time.sleep(0.05)
        assert not any(map(_running, kids)), f"workers {kids} still running after their build was killed"
    finally:
        for k in kids:  # the test's own processes, if the fix failed
            if _running(k):
                os.kill(k, signal.SIGKILL)
    # and the lock went with the build: the next one starts at once
    build(out, OLD)


# ---------------------------------------------------------------- 4. a full disk

@pytest.fixture
def small_disk(tmp_path):
    d = tmp_path / "small"
    d.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root; test_a_full_disk_in_a_worker covers the rest")
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2500k", "tmpfs", str(d)], capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield d
    finally:
        subprocess.run(["umount", "-l", str(d)], capture_output=True)


def _files(out: Path) -> dict[str, int]:
    return {str(p.relative_to(out)): p.lstat().st_size for p in sorted(out.rglob("*")) if p.name != ".lock"}


def test_a_full_disk_is_one_line_and_frees_what_the_build_wrote(small_disk, corpus):
    out = small_disk / "out"
    build(out, OLD)
    before, files, free = snapshot(out), _files(out), os.statvfs(small_disk).f_bfree
    p = subprocess.run([sys.executable, "-m", "kg.app.cli", "build", *corpus, "-o", str(out), "-q", "-j", "1"],
                       cwd=ROOT, capture_output=True, text=True)
    assert p.returncode == 2, p.stderr
    assert p.stderr.count("\n") == 1 and "no space left on device" in p.stderr and "Traceback" not in p.stderr
    assert "the previous outputs are as they were" in p.stderr
    assert snapshot(out) == before and _files(out) == files  # nothing of the failed build is left
    assert os.statvfs(small_disk).f_bfree == free
    build(out, NEW)  # the next, small build has its room
    assert leftovers(out) == NOTHING


SITE_FULL = '''
import builtins, errno, os
_open = builtins.open

class _Full:
    """A file on a disk that fills up: half of the first write goes in, then ENOSPC."""
    def __init__(self, f):
        self.f = f
    def write(self, b):
        self.f.write(b[: len(b) // 2])
        self.f.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        self.f.close()
    def __getattr__(self, name):
        return getattr(self.f, name)

def open(file, mode="r", *args, **kw):
    f = _open(file, mode, *args, **kw)
    if "w" in mode and os.sep + "cache" + os.sep in os.fspath(file):
        return _Full(f)
    return f

builtins.open = open
'''


def test_a_full_disk_in_a_worker_is_one_line_and_leaves_no_cache_file(refs, tmp_path):
    ref_old, old, _ = refs
    out = tmp_path / "out"
    shutil.copytree(ref_old, out, symlinks=True)
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITE_FULL, encoding="utf-8")
    env = {"PYTHONPATH": os.pathsep.join([str(site), *filter(None, [os.environ.get("PYTHONPATH")])])}
    status, err = finish(start(out, NEW + [str(FIXTURES / "park_report_a.txt")], "-j", "2", env=env))
    assert status == 2 and err.count("\n") == 1 and "no space left on device" in err and "Traceback" not in err, err
    assert snapshot(out) == old
    assert leftovers(out) == NOTHING  # the half-written batch files went with the build


# ---------------------------------------------------------------- 5. a read-only folder, numbers

def test_a_read_only_output_folder_is_one_line_and_status_2(refs, small_disk):
    out = small_disk / "out"
    build(out, OLD)
    before = snapshot(out)
    assert subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], capture_output=True).returncode == 0
    for j in ("1", "2"):
        status, err = finish(start(out, NEW, "-j", j))
        assert status == 2 and err.count("\n") == 1 and "read-only file system" in err and "Traceback" not in err, err
        assert snapshot(out) == before


def test_a_folder_without_write_permission_is_one_line_and_status_2(refs, tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root writes anywhere: the read-only mount above is the test")
    out = tmp_path / "out"
    build(out, OLD)
    before = snapshot(out)
    out.chmod(0o555)
    try:
        status, err = finish(start(out, NEW, "-j", "2"))
    finally:
        out.chmod(0o755)
    assert status == 2 and err.count("\n") == 1 and "permission denied" in err, err
    assert snapshot(out) == before


@pytest.mark.parametrize("argv, message", [
    (["build", "x", "--max-size", "nan"], "argument --max-size: 'nan' is out of range: give a size in MB above 0"),
    (["build", "x", "--max-size", "inf"], "argument --max-size: 'inf' is out of range"),
    (["build", "x", "--max-size", "-1"], "argument --max-size: '-1' is out of range"),
    (["build", "x", "--max-size", "0"], "argument --max-size: '0' is out of range"),
    (["build", "x", "--max-size", "big"], "argument --max-size: 'big' is not a number"),
    (["build", "x", "-j", "-2"], "argument -j/--jobs: '-2' is out of range: give 0 (every core) or more"),
    (["query", "officials", "--timeout", "-1"], "argument --timeout: '-1' is out of range: give seconds, 0 or more"),
    (["query", "officials", "--timeout", "nan"], "argument --timeout: 'nan' is out of range"),
    (["query", "officials", "--timeout", "inf"], "argument --timeout: 'inf' is out of range"),
])
def test_numbers_out_of_range_are_usage_errors(argv, message, capsys):
    with pytest.raises(SystemExit) as e:
        main(argv)
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
