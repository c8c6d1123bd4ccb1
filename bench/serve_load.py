"""Load test of `kg serve`: start-up time, then concurrent clients asking the shipped questions.

    python bench/serve_load.py --store PATH            # an existing store (or build) folder
    python bench/serve_load.py --articles 300 [--work DIR] [--jobs 2]
                               [--clients 20] [--requests 25] [--max-seconds 300]
                               [--questions A,B] [--server-arg=--workers=4 ...]

With --articles N, N news-style articles are generated with bench/generate.py and built once with
`kg build` (store only) under --work (default bench/.cache, git-ignored); later runs reuse them.

The server is started as `kg serve STORE --host 127.0.0.1 --port FREE` from this checkout. Start-up
is timed from the process start to the "Serving" line on its stdout, and to the first good answer to
`ASK {}`. Then --clients threads (one keep-alive connection each, loopback only) send --requests
GET /sparql requests each, the shipped questions (kg/rdf/queries/*.rq) in turn, each filled with a
value taken from the store (a region by default; a company for questions that take no region), so
that every question gets its share. The run stops issuing requests after --max-seconds.

Prints start-up, a table per question (requests, errors, p50 / p99 / max ms of the answered
requests, timed to the last byte of the body), throughput, and the peak resident memory of the
server with its child processes (sampled from /proc). The server is stopped with SIGTERM (SIGKILL
to its process group after 10 s) at the end, on error and on Ctrl+C; the time it took is printed.
"""
from __future__ import annotations

import argparse
import http.client
import ipaddress
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))  # the checkout's kg, for with_params and the shipped questions

from kg.formats import is_store  # noqa: E402
from kg.rdf.query import named_queries, params_of, with_params  # noqa: E402

JSON = "application/sparql-results+json"
PREFIXES = ("PREFIX cy: <https://w3id.org/chanye/ontology#> "
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ")
# values that exist in the store, to fill the questions' filters: the regions with the most
# projects (counties of the generated news) and companies that develop projects
VALUE_QUERIES = {
    "region": PREFIXES + "SELECT ?v (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a cy:Project ; cy:locatedIn ?r . "
                         "?r a cy:Region ; rdfs:label ?v } GROUP BY ?v ORDER BY DESC(?n) ?v LIMIT {n}",
    "company": PREFIXES + "SELECT ?v (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p cy:developedBy ?c . "
                          "?c a cy:Company ; rdfs:label ?v } GROUP BY ?v ORDER BY DESC(?n) ?v LIMIT {n}",
}
# which parameter a question is filled with: the first of these it takes; `name` gets a company
PREFERRED = (("region", "region"), ("company", "company"), ("name", "company"))


# --- the store -------------------------------------------------------------------------------

def store_folder(path: Path) -> Path:
    """A store folder as kg build writes it (OUT/store), given it or its build folder."""
    for p in (path, path / "store"):
        if is_store(p):
            return p
    raise SystemExit(f"{path}: not a store folder (nor a build folder holding one)")


def cached_store(n: int, work: Path, jobs: int) -> Path:
    """N generated articles built once under work/; reused when the build finished before."""
    corpus, out = work / f"news{n}", work / f"build{n}"
    if is_store(out / "store"):
        return out / "store"
    env = kg_env()
    if not corpus.is_dir():
        part = work / f"news{n}.part"
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(part), "--articles", str(n)],
                       check=True, env=env)
        part.rename(corpus)
    part = work / f"build{n}.part"
    t = time.perf_counter()
    # only the store is served: no HTML view, the smallest export
    subprocess.run([sys.executable, "-m", "kg.app.cli", "build", str(corpus), "-o", str(part), "-j", str(jobs),
                    "--no-html", "--formats", "ttl", "-q"], check=True, env=env)
    part.rename(out)  # a build cut short is never taken for a finished one
    print(f"built {n} articles in {time.perf_counter() - t:.1f} s: {out / 'store'}")
    return out / "store"


def kg_env() -> dict[str, str]:
    env = dict(os.environ, PYTHONUNBUFFERED="1")  # the "Serving" line must reach us when printed
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return env


# --- the server ------------------------------------------------------------------------------

def loopback(host: str) -> str:
    """The host, if every address it names is a loopback one: this bench never leaves the machine."""
    try:
        addrs = {ai[4][0] for ai in socket.getaddrinfo(host, None)}
    except socket.gaierror as e:
        raise SystemExit(f"--host {host}: {e}")
    if not addrs or not all(ipaddress.ip_address(a.split("%")[0]).is_loopback for a in addrs):
        raise SystemExit(f"--host {host}: not a loopback address; this load test runs on loopback only")
    return host


def free_port(host: str) -> int:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


class Server:
    """`kg serve` in its own process group, its stdout read by a thread."""

    def __init__(self, store: Path, host: str, port: int, extra: list[str]):
        self.host, self.port = host, port
        cmd = [sys.executable, "-m", "kg.app.cli", "serve", str(store), "--host", host, "--port", str(port), *extra]
        self.t0 = time.perf_counter()
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                     env=kg_env(), start_new_session=True)
        self.serving_at: float | None = None
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout
        for line in self.proc.stdout:
            if self.serving_at is None and line.startswith("Serving"):
                self.serving_at = time.perf_counter() - self.t0
            self.lines.append(line.rstrip("\n"))

    def wait_ready(self, limit: float) -> float:
        """Seconds from the process start to the first good answer to ASK {}."""
        deadline = self.t0 + limit
        while time.perf_counter() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"kg serve exited with status {self.proc.returncode}:\n" + "\n".join(self.lines[-20:]))
            try:
                status, body = get(self.host, self.port, "ASK {}", timeout=5)
                if status == 200 and json.loads(body).get("boolean") is True:
                    return time.perf_counter() - self.t0
            except (OSError, http.client.HTTPException, ValueError):
                pass
            time.sleep(0.05)
        raise SystemExit(f"kg serve did not answer ASK {{}} within {limit:.0f} s")

    def stop(self) -> str:
        """SIGTERM, then SIGKILL to the whole group after 10 s; how it went."""
        if self.proc.poll() is not None:
            return f"had exited with status {self.proc.returncode}"
        t = time.perf_counter()
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(10)
            how = f"stopped {time.perf_counter() - t:.2f} s after SIGTERM (status {self.proc.returncode})"
        except subprocess.TimeoutExpired:
            how = "still running 10 s after SIGTERM: killed"
        try:  # workers it left behind, or the server itself when it did not stop
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self.proc.wait()
        return how


def group_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(d))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo += children.get(p, [])
        try:
            with open(f"/proc/{p}/status") as f:
                total += next((int(line.split()[1]) for line in f if line.startswith("VmRSS:")), 0)
        except OSError:
            pass
    return total / 1024


class PeakRss(threading.Thread):
    def __init__(self, pid: int, every: float = 0.25):
        super().__init__(daemon=True)
        self.pid, self.every, self.peak, self.done = pid, every, 0.0, threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            self.peak = max(self.peak, group_rss_mb(self.pid))
            self.done.wait(self.every)


# --- the clients -----------------------------------------------------------------------------

def get(host: str, port: int, query: str, timeout: float, conn: http.client.HTTPConnection | None = None):
    c = conn or http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        c.request("GET", "/sparql?" + urllib.parse.urlencode({"query": query}), headers={"Accept": JSON})
        r = c.getresponse()
        return r.status, r.read()
    finally:
        if conn is None:
            c.close()


def store_values(host: str, port: int, n: int) -> dict[str, list[str]]:
    out = {}
    for kind, q in VALUE_QUERIES.items():
        status, body = get(host, port, q.replace("{n}", str(n)), timeout=120)
        if status != 200:
            raise SystemExit(f"asking the store for {kind} names: HTTP {status}: {body[:200]!r}")
        out[kind] = [b["v"]["value"] for b in json.loads(body)["results"]["bindings"]]
    return out


def plan(values: dict[str, list[str]], filled: bool, only: list[str] | None = None) -> list[tuple[str, list[str]]]:
    """Each shipped question (or those named) with the SPARQL texts it is sent as (one per store value)."""
    shipped = named_queries()
    unknown = sorted(set(only or ()) - set(shipped))
    if unknown:
        raise SystemExit(f"--questions: no shipped question {', '.join(unknown)} (there are {', '.join(sorted(shipped))})")
    out = []
    for name, text in sorted(shipped.items()):
        if only and name not in only:
            continue
        takes = params_of(text)
        param, kind = next(((p, k) for p, k in PREFERRED if p in takes), (None, None))
        if not filled or param is None or not values.get(kind):
            out.append((name, [with_params(text, {})]))
        else:
            out.append((f"{name} ({param})", [with_params(text, {param: v}) for v in values[kind]]))
    return out


@dataclass
class Tally:
    ms: list[float] = field(default_factory=list)
    errors: int = 0
    first_error: str = ""


def load(host: str, port: int, questions, clients: int, per_client: int, max_seconds: float,
         request_timeout: float) -> tuple[dict[str, Tally], float, bool]:
    tallies = {name: Tally() for name, _ in questions}
    lock, counter = threading.Lock(), iter(range(clients * per_client))
    deadline = time.perf_counter() + max_seconds
    cut = threading.Event()

    def client() -> None:
        conn = http.client.HTTPConnection(host, port, timeout=request_timeout)
        while True:
            with lock:
                i = next(counter, None)
            if i is None:
                break
            if time.perf_counter() >= deadline:
                cut.set()
                break
            name, texts = questions[i % len(questions)]
            text = texts[(i // len(questions)) % len(texts)]
            t = time.perf_counter()
            try:
                status, body = get(host, port, text, request_timeout, conn)
                err = "" if status == 200 else f"HTTP {status}: {body[:120]!r}"
            except Exception as e:  # noqa: BLE001 - any failure is an error of this request, not of the bench
                err = f"{type(e).__name__}: {e}"
                conn.close()  # a broken keep-alive connection: the next request opens a new one
            ms = (time.perf_counter() - t) * 1000
            with lock:
                tally = tallies[name]
                if err:
                    tally.errors += 1
                    tally.first_error = tally.first_error or err
                else:
                    tally.ms.append(ms)
        conn.close()

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    t = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        # a request started just before the deadline may take its whole timeout
        th.join(max(0.0, deadline + request_timeout + 5 - time.perf_counter()))
    if any(th.is_alive() for th in threads):
        cut.set()
    return tallies, time.perf_counter() - t, cut.is_set()


def pct(xs: list[float], p: float) -> float:
    """Nearest-rank percentile of sorted values."""
    if not xs:
        return float("nan")
    rank = -(-len(xs) * p // 100)  # ceil(n * p / 100)
    return xs[min(len(xs) - 1, max(0, int(rank) - 1))]


def report(tallies: dict[str, Tally], wall: float, clients: int) -> None:
    w = max(len(n) for n in tallies) + 2
    print(f"{'question':<{w}}{'requests':>9}{'errors':>8}{'p50 ms':>10}{'p99 ms':>10}{'max ms':>10}")
    for name, t in tallies.items():
        xs = sorted(t.ms)
        print(f"{name:<{w}}{len(xs) + t.errors:>9}{t.errors:>8}{pct(xs, 50):>10.1f}{pct(xs, 99):>10.1f}"
              f"{(xs[-1] if xs else float('nan')):>10.1f}")
    every = sorted(x for t in tallies.values() for x in t.ms)
    errors = sum(t.errors for t in tallies.values())
    print(f"{'all':<{w}}{len(every) + errors:>9}{errors:>8}{pct(every, 50):>10.1f}{pct(every, 99):>10.1f}"
          f"{(every[-1] if every else float('nan')):>10.1f}")
    print(f"throughput: {len(every) / wall:.2f} answers/s ({len(every)} answered, {errors} errors, "
          f"{clients} clients, {wall:.1f} s)")
    for name, t in tallies.items():
        if t.first_error:
            print(f"  first error of {name}: {t.first_error}")


# --- main ------------------------------------------------------------------------------------

def _stop_on_sigterm(signum, frame) -> None:
    raise KeyboardInterrupt  # so that the finally below stops the server


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--store", type=Path, help="an existing store folder (or the build folder holding it)")
    src.add_argument("--articles", type=int, help="generate and build this many articles (cached under --work)")
    ap.add_argument("--work", type=Path, default=HERE / ".cache", help="where --articles corpora and builds are kept")
    ap.add_argument("--jobs", type=int, default=2, help="kg build -j for --articles (default 2)")
    ap.add_argument("--host", default="127.0.0.1", help="loopback address to serve on (default 127.0.0.1)")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=25, help="requests per client (default 25)")
    ap.add_argument("--max-seconds", type=float, default=300, help="no new request after this (default 300)")
    ap.add_argument("--request-timeout", type=float, default=60, help="client-side limit per request (default 60 s)")
    ap.add_argument("--start-timeout", type=float, default=300, help="limit for the server to answer ASK {} (default 300 s)")
    ap.add_argument("--values", type=int, default=5, help="store values each question rotates through (default 5)")
    ap.add_argument("--questions", type=lambda t: [x for x in t.split(",") if x], metavar="A,B",
                    help="only these shipped questions (default: all of kg/rdf/queries)")
    ap.add_argument("--unfiltered", action="store_true", help="send the questions without parameters (whole lists)")
    ap.add_argument("--startup-only", action="store_true", help="time the start-up, then stop the server")
    ap.add_argument("--server-arg", action="append", default=[], metavar="ARG",
                    help="passed to kg serve, e.g. --server-arg=--workers=4 (repeatable)")
    args = ap.parse_args()
    if min(args.clients, args.requests, args.values) < 1 or args.max_seconds <= 0:
        ap.error("--clients, --requests and --values take 1 or more, --max-seconds above 0")
    host = loopback(args.host)
    plan({}, False, args.questions)  # a wrong --questions name fails before the server starts
    store = store_folder(args.store) if args.store else cached_store(args.articles, args.work, args.jobs)
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # Ctrl+C, even where SIGINT came in ignored

    server = Server(store, host, free_port(host), args.server_arg)
    peak = PeakRss(server.proc.pid)
    peak.start()
    try:
        ready = server.wait_ready(args.start_timeout)
        serving = f"{server.serving_at:.2f} s" if server.serving_at is not None else "no such line"
        print(f"kg serve {store} ({' '.join(args.server_arg) or 'default options'})")
        print(f"start-up: 'Serving' line {serving}, first answer to ASK {{}} {ready:.2f} s; "
              f"memory after start-up {group_rss_mb(server.proc.pid):.0f} MB")
        if args.startup_only:
            return 0
        questions = plan(store_values(host, server.port, args.values), not args.unfiltered, args.questions)
        total = args.clients * args.requests
        print(f"{total} requests: {args.clients} clients x {args.requests}, {len(questions)} questions in turn, "
              f"at most {args.max_seconds:.0f} s")
        tallies, wall, cut = load(host, server.port, questions, args.clients, args.requests, args.max_seconds,
                                  args.request_timeout)
        if cut:
            print(f"stopped at the wall limit ({args.max_seconds:.0f} s): the figures are of the requests made")
        report(tallies, wall, args.clients)
        print(f"server peak memory (with its child processes, sampled every {peak.every} s): {peak.peak:.0f} MB")
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    finally:
        peak.done.set()
        print(f"server {server.stop()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
