"""kg serve: a SPARQL 1.1 Protocol endpoint over a built graph (rdflib-endpoint on uvicorn).

The protocol is rdflib-endpoint's (GET/POST query, content negotiation, service description);
this module only loads the graph, turns SPARQL Update off unless asked, and adds an offline page
to type queries in.
"""
from __future__ import annotations

from pathlib import Path

from kg.resources import text
from kg.app.web import script_json

ENDPOINT_PATH = "/sparql"


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


def make_app(path: Path, allow_update: bool = False):
    from fastapi.responses import HTMLResponse
    from rdflib_endpoint import SparqlEndpoint

    from kg.rdf.query import load_rdflib, named_queries

    # a store built by kg build is served in place, read-only (others may read it at the same
    # time) unless updates are allowed
    graph = load_rdflib(path, read_only=not allow_update)
    named = named_queries()
    app = SparqlEndpoint(
        graph=graph,
        path=ENDPOINT_PATH,
        title="Chanye KG",
        description=f"SPARQL endpoint over {path.name}. Read-only unless started with --allow-update.",
        enable_update=allow_update,
        cors_enabled=True,
        example_queries={name: {"query": text} for name, text in named.items()},
    )
    page = query_page(named)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index() -> str:
        return page

    return app, path.name


def serve(path: Path, host: str = "127.0.0.1", port: int = 8000, allow_update: bool = False) -> None:
    import uvicorn

    app, _ = make_app(path, allow_update)
    mode = "read-write (SPARQL Update allowed)" if allow_update else "read-only"
    print(f"Serving {path}, {mode}")
    print(f"  SPARQL endpoint: http://{host}:{port}{ENDPOINT_PATH}")
    print(f"  query page:      http://{host}:{port}/")
    uvicorn.run(app, host=host, port=port, log_level="warning")
