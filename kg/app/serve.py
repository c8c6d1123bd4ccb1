"""kg serve: a SPARQL 1.1 Protocol endpoint over a built graph, answered by Oxigraph.

Starlette on uvicorn takes the requests; the rules of the protocol are in sparql_protocol; the
queries run in a pool of worker processes (sparql_worker), each with the store open read-only,
so that a query past its timeout is stopped by killing its worker while the others go on
answering. A graph file is first loaded into a temporary store. Nothing a query says makes the
server fetch anything (SERVICE and LOAD are refused unless --allow-federation), and updates are
accepted only with --allow-update, on a store, from a client that is not another site's page.
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import multiprocessing as mp
import os
import shutil
import socket
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from kg.app.sparql_protocol import (
    GRAPH, ProtocolError, Request, check, endpoint_url, negotiate, parse_accept, read_request,
    same_origin, service_description,
)
from kg.app.sparql_worker import Job
from kg.app.web import script_json
from kg.resources import text

ENDPOINT_PATH = "/sparql"
MAX_BODY = 16 * 1024 * 1024  # bytes of query or update a request may send
MAX_WAITING = 64  # requests waiting for a worker before the next is turned away
SOURCE_CHECK = 1.0  # seconds between looks at whether the store was rebuilt


def default_workers() -> int:
    """Two at least, so that one runaway query never holds up the rest; four at most."""
    return max(2, min(4, os.cpu_count() or 2))


def query_page(named: dict[str, str] | None = None) -> str:
    """The offline query page (GET /): the shipped questions (or those given, by name), the
    endpoint's path, and the graph's prefixes to shorten IRIs with, pasted in as one JSON block.
    The page fetches each question's filled text from /questions/NAME."""
    from rdflib import RDF

    from kg.rdf.query import question_list
    from kg.rdf.vocab import PREFIXES

    config = {"endpoint": ENDPOINT_PATH, "questions_path": "/questions", "questions": question_list(named),
              "prefixes": {"rdf": str(RDF), **{p: str(ns) for p, ns in PREFIXES.items()}}}
    return text("web", "query.html").replace("__CONFIG__", script_json(config))


def _log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# --- what is served -------------------------------------------------------------------------


@dataclass
class Served:
    """The store the workers open: a build's store (followed through its links on every open, so
    a rebuild is seen), or a temporary one loaded from a graph file."""

    given: Path  # what the user named
    store: Path  # the store folder: OUT/store, or the temporary one
    temporary: bool

    def resolved(self) -> str:
        return os.path.realpath(self.store)

    def close(self) -> None:
        if self.temporary:
            shutil.rmtree(self.store.parent, ignore_errors=True)


def prepare(path: Path, allow_update: bool) -> Served:
    """What PATH serves: a store folder, a build folder (its store), or a graph file, which is
    loaded into a temporary store (deleted when the server stops). ValueError: not servable."""
    from kg.formats import is_store, of_path

    if path.is_dir():
        store = path if is_store(path) else path / "store"
        if not is_store(store):
            raise ValueError(f"{path}: not a store or a build folder with a store (kg build ARTICLES -o {path})")
        return Served(path, store, temporary=False)
    f = of_path(path)
    if not path.is_file() or f is None:
        raise ValueError(f"{path}: no such graph file or store")
    if allow_update:
        raise ValueError(f"{path}: updates are written to a store, and this is a file; serve a store "
                         f"(kg build writes OUT/store) to use --allow-update")
    import pyoxigraph as ox

    tmp = Path(tempfile.mkdtemp(prefix="kg-serve-"))
    store = tmp / "store"
    beside = path.parent / "store"
    hint = f" (kg serve {beside} serves the build's store without loading)" if is_store(beside) else ""
    print(f"Loading {path} into a temporary store{hint} ...", flush=True)
    t = time.perf_counter()
    try:
        s = ox.Store(str(store))
        s.bulk_load(path=str(path), format=f.ox)
        s.flush()
        n = len(s)
        del s
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    print(f"  {n:,} quads in {time.perf_counter() - t:.1f} s", flush=True)
    return Served(path, store, temporary=True)


# --- the workers ----------------------------------------------------------------------------


class _Timeout(Exception):
    pass


class _Worker:
    def __init__(self, proc, conn, generation: int, writable: bool):
        self.proc = proc
        self.conn = conn
        self.generation = generation
        self.writable = writable

    def stop(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(timeout=5)
        self.conn.close()


class WorkerPool:
    """Query workers, each a process with the store open read-only, and with --allow-update one
    more that holds it for writing. A job waits for an idle worker; a worker whose job timed out
    or whose client went away is killed and replaced. After an update, or when the store was
    rebuilt, the workers are replaced by ones that open the store as it is now (a read-only
    opener sees the store as it was when it opened)."""

    def __init__(self, served: Served, size: int, writer: bool):
        self.served = served
        self.size = size
        self.ctx = mp.get_context("spawn")  # not fork: the server has threads and an event loop
        self.threads = concurrent.futures.ThreadPoolExecutor(max_workers=2 * size + 4, thread_name_prefix="kg-serve")
        self.generation = 0
        self.path = served.resolved()
        self.ident = _identity(self.path)
        self.idle: asyncio.Queue[_Worker] | None = None
        self.waiting = 0
        self.live: set[_Worker] = set()
        self.writer: _Worker | None = None
        self.write_lock: asyncio.Lock | None = None
        self.has_writer = writer
        self.failure: str | None = None  # why the last worker could not open the store
        self.checked = 0.0
        self.gone = False
        self.closed = False

    # starting and stopping

    def _spawn(self, writable: bool = False) -> _Worker:
        from kg.app import sparql_worker

        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=sparql_worker.main, args=(child, self.path, writable), daemon=True)
        proc.start()
        child.close()
        w = _Worker(proc, parent, self.generation, writable)
        try:
            msg = parent.recv() if parent.poll(60) else ("failed", "the worker did not start in 60 s")
        except EOFError:
            msg = ("failed", "the worker ended while opening the store")
        if msg[0] != "ready":
            w.stop()
            raise OSError(msg[1])
        self.live.add(w)
        return w

    async def start(self) -> None:
        """Open the writer (first: it takes the store's lock), then the readers, in parallel."""
        loop = asyncio.get_running_loop()
        self.idle = asyncio.Queue()
        self.write_lock = asyncio.Lock()
        if self.has_writer:
            self.writer = await loop.run_in_executor(self.threads, self._spawn, True)
        for w in await asyncio.gather(*(loop.run_in_executor(self.threads, self._spawn) for _ in range(self.size))):
            self.idle.put_nowait(w)

    def kill(self) -> None:
        """Stop every worker at once: what a signal handler may do (no locks, no waiting), so
        that no request waits on a query while the server stops."""
        self.closed = True
        for w in list(self.live):
            if w.proc.is_alive():
                w.proc.kill()

    def close(self) -> None:
        self.kill()
        for w in list(self.live):
            w.stop()
        self.live.clear()
        self.threads.shutdown(wait=False, cancel_futures=True)

    def _retire(self, w: _Worker) -> None:
        self.live.discard(w)
        w.stop()

    async def _replace(self, w: _Worker | None) -> None:
        """Stop a worker (if any) and start another of its kind, in the background."""
        writable = w.writable if w is not None else False
        if self.closed:  # stopping: close() stops every worker
            return
        if w is not None:
            await asyncio.get_running_loop().run_in_executor(self.threads, self._retire, w)
        try:
            new = await asyncio.get_running_loop().run_in_executor(self.threads, self._spawn, writable)
        except OSError as e:
            self.failure = str(e)
            _log(f"kg serve: a query worker could not open the store: {e}")
            return
        self.failure = None
        if writable:
            self.writer = new
        else:
            assert self.idle is not None
            self.idle.put_nowait(new)

    def _renew(self, writer: bool = False) -> None:
        """A new generation of readers: idle ones are replaced now, busy ones when they finish;
        and of the writer too when the store itself changed."""
        self.generation += 1
        assert self.idle is not None
        while not self.idle.empty():
            asyncio.ensure_future(self._replace(self.idle.get_nowait()))
        if writer and self.writer is not None:
            old, self.writer = self.writer, None
            asyncio.ensure_future(self._replace(old))

    def check_source(self) -> None:
        """Whether the store served is still there, or was rebuilt (OUT/store now leads to
        another build): then the workers open the new one. ProtocolError 503 if it is gone."""
        now = time.monotonic()
        if now - self.checked < SOURCE_CHECK and not self.gone:
            return
        self.checked = now
        path = self.served.resolved()
        ident = _identity(path)
        if ident is None:
            self.gone = True
            raise ProtocolError(503, f"the store served is gone: {self.served.given} (rebuilt or removed); "
                                     "start kg serve again")
        self.gone = False
        if (path, ident) != (self.path, self.ident):
            _log(f"kg serve: {self.served.given} changed (a new build): serving {path} from now on")
            self.path, self.ident = path, ident
            self._renew(writer=True)

    # running a job

    def _wait(self, w: _Worker, seconds: float | None):
        if not w.conn.poll(seconds):
            raise _Timeout
        return w.conn.recv()

    async def _recv(self, w: _Worker, deadline: float | None):
        loop = asyncio.get_running_loop()
        left = None if deadline is None else max(0.0, deadline - loop.time())
        return await loop.run_in_executor(self.threads, self._wait, w, left)

    async def _acquire(self, update: bool, deadline: float | None) -> _Worker:
        loop = asyncio.get_running_loop()
        wait = 60.0 if deadline is None else max(0.0, deadline - loop.time())
        if update:
            assert self.write_lock is not None
            try:
                await asyncio.wait_for(self.write_lock.acquire(), wait)
            except asyncio.TimeoutError:
                raise ProtocolError(503, "another update is still running; try again") from None
            if self.writer is None:  # being replaced
                self.write_lock.release()
                raise ProtocolError(503, self.failure or "the update worker is restarting; try again")
            return self.writer
        if self.waiting >= MAX_WAITING:
            raise ProtocolError(503, f"{MAX_WAITING} requests are waiting already; try again")
        assert self.idle is not None
        self.waiting += 1
        try:
            while True:
                if self.idle.empty() and self.failure and not self.live:
                    raise ProtocolError(503, f"the store cannot be opened: {self.failure}")
                w = await asyncio.wait_for(self.idle.get(), wait)
                if w.generation == self.generation:
                    return w
                asyncio.ensure_future(self._replace(w))
        except asyncio.TimeoutError:
            raise ProtocolError(503, f"all {self.size} query workers are busy; try again") from None
        finally:
            self.waiting -= 1

    def _release(self, w: _Worker) -> None:
        if w.writable:
            assert self.write_lock is not None
            self.write_lock.release()
            return
        if w.generation != self.generation:
            asyncio.ensure_future(self._replace(w))
        else:
            assert self.idle is not None
            self.idle.put_nowait(w)

    async def _drop(self, w: _Worker) -> None:
        """A worker stopped in the middle of a job: replaced; the write lock is free again."""
        if w.writable:
            self.writer = None
            assert self.write_lock is not None
            self.write_lock.release()
        await self._replace(w)

    async def run(self, job: Job, timeout: float):
        """(media type, the answer's chunks) of one job; ProtocolError for a refused, failed or
        timed-out one. The answer's first chunk is read before this returns, so a query that
        fails or times out before it has anything to say gets an error status, not a cut answer."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout if timeout else None
        what = "update" if job.update else "query"
        w = await self._acquire(job.update, deadline)
        try:
            w.conn.send(job)
            head = await self._recv(w, deadline)
            if head[0] == "error":
                self._release(w)
                raise ProtocolError(head[1], head[2])
            first = await self._recv(w, deadline)
            if first[0] == "abort":
                self._release(w)
                raise ProtocolError(500, first[1])
        except ProtocolError:
            raise
        except _Timeout:
            await self._drop(w)
            _log(f"kg serve: a {what} ran past {timeout:g} s and was stopped (its worker is restarted)")
            raise ProtocolError(503, f"the {what} timed out after {timeout:g} s (kg serve --timeout sets the limit)") from None
        except (EOFError, OSError):
            await self._drop(w)
            if self.closed:
                raise ProtocolError(503, "the server is stopping") from None
            raise ProtocolError(500, f"the worker running the {what} ended without an answer (out of memory?)") from None
        except BaseException:  # the client went away (cancelled): its worker may be busy for long
            asyncio.ensure_future(self._drop(w))
            raise
        if job.update:
            self._renew()  # readers opened before the update do not see it
        return head[1], self._stream(w, first, deadline, timeout)

    async def _stream(self, w: _Worker, first, deadline: float | None, timeout: float):
        msg, done = first, False
        try:
            while True:
                if msg[0] == "chunk":
                    yield msg[1]
                elif msg[0] == "end":
                    done = True
                    return
                else:  # abort: the worker is fine, the answer is cut
                    _log(f"kg serve: {msg[1]}")
                    done = True
                    return
                msg = await self._recv(w, deadline)
        except _Timeout:
            _log(f"kg serve: an answer was still being written after {timeout:g} s; it was cut and its worker restarted")
        except (EOFError, OSError):
            _log("kg serve: a worker ended in the middle of an answer")
        finally:
            if done:
                self._release(w)
            else:  # cut short (a timeout, or the client went away): not awaited, we may be cancelled
                asyncio.ensure_future(self._drop(w))


def _identity(path: str):
    """What tells one store folder from the next at the same path (None: it is gone)."""
    from kg.formats import is_store

    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino) if is_store(Path(path)) else None


# --- the HTTP side ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Options:
    timeout: float = 30.0
    workers: int = 2
    allow_update: bool = False
    allow_federation: bool = False
    host: str = "127.0.0.1"
    port: int = 8000

    @property
    def authority(self) -> str:
        """host:port as a URL writes it (an IPv6 address in brackets)."""
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"


# anyone may read, without credentials (no cookies ride along); and no browser guesses that a
# text answer holding scraped names is HTML
CORS = {"Access-Control-Allow-Origin": "*", "X-Content-Type-Options": "nosniff"}


def _error(e: ProtocolError):
    from starlette.responses import PlainTextResponse

    return PlainTextResponse(e.message + "\n", status_code=e.status, headers=CORS)


async def _body(request) -> bytes:
    too_big = ProtocolError(413, f"a request body is at most {MAX_BODY // (1024 * 1024)} MB")
    size = request.headers.get("content-length")
    if size is not None and (not size.isdigit() or int(size) > MAX_BODY):
        raise too_big
    chunks, n = [], 0
    async for c in request.stream():
        n += len(c)
        if n > MAX_BODY:
            raise too_big
        chunks.append(c)
    return b"".join(chunks)


def make_app(pool: WorkerPool, opts: Options):
    """The Starlette application: /sparql (the protocol), / (the query page), /questions."""
    from starlette.applications import Starlette
    from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response, StreamingResponse
    from starlette.routing import Route

    from kg.rdf.query import question_list, question_text
    from kg.rdf.vocab import PREFIXES

    page = query_page()
    prefixes = {k: str(v) for k, v in PREFIXES.items()}
    fallback_host = opts.authority

    def describe(request) -> Response:
        import pyoxigraph as ox

        url = endpoint_url(request.headers.get("host"), fallback_host, request.url.scheme, ENDPOINT_PATH)
        ttl = service_description(url, opts.allow_update, opts.allow_federation)
        fmt = negotiate("graph", parse_accept(request.headers.get("accept")), [])
        if fmt is GRAPH[0]:
            return Response(ttl, media_type="text/turtle; charset=utf-8", headers=CORS)
        data = ox.serialize(ox.parse(ttl, ox.RdfFormat.TURTLE), format=getattr(ox.RdfFormat, fmt.ox))
        return Response(data, media_type=fmt.media, headers=CORS)

    async def sparql(request) -> Response:
        if request.method == "OPTIONS":  # a browser asking whether it may send a query
            return Response(status_code=204, headers={**CORS, "Access-Control-Allow-Methods": "GET, POST",
                                                      "Access-Control-Allow-Headers": "Content-Type, Accept",
                                                      "Access-Control-Max-Age": "600"})
        try:
            body = await _body(request) if request.method == "POST" else b""
            r: Request = read_request(request.method, request.url.query, request.headers.get("content-type"), body)
            accept = parse_accept(request.headers.get("accept"))
            if r.query is None and r.update is None and request.method == "GET":
                if accept and accept[0][0] in ("text/html", "application/xhtml+xml"):
                    return HTMLResponse(page)
                return describe(request)
            check(r, opts.allow_update, opts.allow_federation)
            if r.update is not None and not (
                same_origin(request.headers.get("origin"), request.headers.get("host"), request.url.scheme)
                and request.headers.get("sec-fetch-site", "same-origin") in ("same-origin", "none")
            ):
                raise ProtocolError(403, "updates are accepted from this server's own page or from non-browser clients only")
            pool.check_source()
            job = Job(update=r.update is not None, text=r.update if r.update is not None else r.query or "",
                      default_graphs=r.default_graphs, named_graphs=r.named_graphs, accept=accept,
                      formats=r.formats, prefixes=prefixes)
            media, chunks = await pool.run(job, opts.timeout)
        except ProtocolError as e:
            return _error(e)
        return StreamingResponse(chunks, media_type=media, headers=CORS)

    def index(request) -> Response:
        return HTMLResponse(page)

    def questions(request) -> Response:
        return JSONResponse(question_list())

    def question(request) -> Response:
        name = request.path_params["name"]
        try:
            filled = question_text(name, dict(request.query_params))
        except KeyError:
            return PlainTextResponse(f"no shipped question {name}\n", status_code=404)
        except ValueError as e:
            return PlainTextResponse(f"{e}\n", status_code=400)
        return PlainTextResponse(filled)

    routes = [
        Route(ENDPOINT_PATH, sparql, methods=["GET", "POST", "OPTIONS"]),
        Route("/", index, methods=["GET"]),
        Route("/questions", questions, methods=["GET"]),
        Route("/questions/{name}", question, methods=["GET"]),
        Route("/favicon.ico", lambda request: Response(status_code=204), methods=["GET"]),  # browsers ask
    ]

    @contextlib.asynccontextmanager
    async def lifespan(app):
        await pool.start()
        yield
        pool.close()

    return Starlette(routes=routes, lifespan=lifespan)


# --- the command ----------------------------------------------------------------------------


def _bind(host: str, port: int) -> socket.socket:
    """The socket, bound before anything is loaded, so that a port in use fails at once; it
    listens (uvicorn calls listen) once the workers are ready, and a client before that is
    refused rather than kept waiting."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    return sock


def serve(path: Path, opts: Options) -> None:
    """Bind, load, start the workers, print what is served where, and answer until stopped."""
    import uvicorn

    sock = _bind(opts.host, opts.port)
    served = prepare(path, opts.allow_update)
    pool = WorkerPool(served, opts.workers, writer=opts.allow_update)
    app = make_app(pool, opts)
    config = uvicorn.Config(app, log_level="warning", lifespan="on", timeout_graceful_shutdown=3)
    server = uvicorn.Server(config)
    _started = server.startup

    async def startup(sockets=None):  # the line is printed once the workers answer
        await _started(sockets=sockets)
        if server.should_exit:
            return
        mode = "read-write (SPARQL Update allowed)" if opts.allow_update else "read-only"
        limit = f"query timeout {opts.timeout:g} s" if opts.timeout else "no query timeout"
        what = f"{path}, loaded into a temporary store" if served.temporary else f"{path}"
        print(f"Serving {what} ({mode}, {opts.workers} workers, {limit}) at http://{opts.authority}{ENDPOINT_PATH}", flush=True)
        print(f"  query page: http://{opts.authority}/", flush=True)

    server.startup = startup  # type: ignore[method-assign]
    _exit = server.handle_exit

    def handle_exit(sig, frame):  # SIGTERM, Ctrl+C: the workers go first, so no request waits on a query
        pool.kill()
        _exit(sig, frame)
        # uvicorn raises the signal again once it has stopped, which would end the process
        # before the temporary store is deleted: the signal has been handled here
        captured = getattr(server, "_captured_signals", None)
        if isinstance(captured, list):
            captured.clear()

    server.handle_exit = handle_exit  # type: ignore[method-assign]
    try:
        server.run(sockets=[sock])
    finally:
        pool.close()
        served.close()
        sock.close()
