"""The SPARQL 1.1 Protocol as kg serve speaks it, without the HTTP server: what a request asks
(a query or an update, its dataset), which result format answers it, what is refused, and the
service description. Pure functions of the request's parts, so the rules are tested without a
socket and the worker processes import only this and pyoxigraph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from kg.rdf.sparql_text import has_keyword


class ProtocolError(Exception):
    """A request the endpoint answers with an error status and one line of text."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Format:
    """A result format: its name in format=/output= parameters, the media type sent, the media
    types that ask for it, and pyoxigraph's name for it (QueryResultsFormat or RdfFormat)."""

    name: str
    media: str
    asked_by: tuple[str, ...]
    ox: str


# SELECT and ASK answer as solutions, CONSTRUCT and DESCRIBE as a graph; the first of each is the
# default. application/json and application/xml ask for different formats by kind.
SOLUTIONS = (
    Format("json", "application/sparql-results+json", ("application/sparql-results+json", "application/json",
                                                      "text/javascript", "application/javascript"), "JSON"),
    Format("xml", "application/sparql-results+xml", ("application/sparql-results+xml", "application/xml", "text/xml"), "XML"),
    Format("csv", "text/csv", ("text/csv",), "CSV"),
    Format("tsv", "text/tab-separated-values", ("text/tab-separated-values",), "TSV"),
)
GRAPH = (
    Format("turtle", "text/turtle", ("text/turtle", "application/turtle", "application/x-turtle", "text/n3",
                                     "text/rdf+n3", "application/n3"), "TURTLE"),
    Format("ntriples", "application/n-triples", ("application/n-triples", "text/plain"), "N_TRIPLES"),
    Format("rdfxml", "application/rdf+xml", ("application/rdf+xml", "application/xml", "text/xml"), "RDF_XML"),
    Format("jsonld", "application/ld+json", ("application/ld+json", "application/x-json+ld", "application/json"), "JSON_LD"),
)
# the names clients put in format=/output=/results= (SPARQLWrapper sends all three), by kind
_ALIASES = {
    "solutions": {"json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv"},
    "graph": {"turtle": "turtle", "ttl": "turtle", "n3": "turtle", "ntriples": "ntriples", "nt": "ntriples",
              "n-triples": "ntriples", "rdfxml": "rdfxml", "rdf+xml": "rdfxml", "xml": "rdfxml", "rdf": "rdfxml",
              "jsonld": "jsonld", "json-ld": "jsonld", "json": "jsonld"},
}
FORMAT_PARAMS = ("format", "output", "results")


def formats_of(kind: str) -> tuple[Format, ...]:
    return SOLUTIONS if kind == "solutions" else GRAPH


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """The media ranges of an Accept header with their q, best first (ties in the header's order)."""
    if not header:
        return [("*/*", 1.0)]
    ranges = []
    for i, part in enumerate(header.split(",")):
        bits = [b.strip() for b in part.split(";")]
        media = bits[0].lower()
        if not media:
            continue
        q = 1.0
        for b in bits[1:]:
            if b.lower().startswith("q="):
                try:
                    q = max(0.0, min(1.0, float(b[2:])))
                except ValueError:
                    q = 0.0
        ranges.append((media, q, i))
    ranges.sort(key=lambda r: (-r[1], r[2]))
    return [(m, q) for m, q, _ in ranges if q > 0]


def negotiate(kind: str, accept: list[tuple[str, float]], asked: list[str]) -> Format:
    """The format for an answer of this kind: a format=/output= value first (a name or a media
    type; values it does not know are passed over), else the Accept header; 406 if nothing fits."""
    fmts = formats_of(kind)
    by_name = {f.name: f for f in fmts}
    for value in asked:
        v = value.strip().lower()
        if v in _ALIASES[kind]:
            return by_name[_ALIASES[kind][v]]
        for f in fmts:
            if v in f.asked_by:
                return f
    for media, _ in accept:
        if media in ("*/*", "*"):
            return fmts[0]
        if media.endswith("/*"):
            for f in fmts:
                if f.media.startswith(media[:-1]):
                    return f
        for f in fmts:
            if media in f.asked_by:
                return f
    offered = ", ".join(f.media for f in fmts)
    raise ProtocolError(406, f"none of the accepted types can answer this query; it can answer as {offered}")


@dataclass
class Request:
    """What one protocol request asks: a query or an update, with its dataset."""

    query: str | None = None
    update: str | None = None
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    formats: list[str] = field(default_factory=list)  # format=/output=/results= values, in order


_FORM = "application/x-www-form-urlencoded"


def read_request(method: str, url_query: str, content_type: str | None, body: bytes) -> Request:
    """The protocol request in a GET's URL or a POST's body (form, sparql-query, sparql-update);
    parameters in the URL count for every POST too. ProtocolError for what the protocol forbids."""
    params = parse_qsl(url_query, keep_blank_values=True)
    ctype = (content_type or "").split(";")[0].strip().lower()
    direct: tuple[str, str] | None = None
    if method == "POST":
        text = _decode(body)
        if ctype == _FORM:
            params += parse_qsl(text, keep_blank_values=True)
        elif ctype == "application/sparql-query":
            direct = ("query", text)
        elif ctype == "application/sparql-update":
            direct = ("update", text)
        else:
            raise ProtocolError(415, "POST a form (application/x-www-form-urlencoded), application/sparql-query "
                                     "or application/sparql-update")
    elif method != "GET":
        raise ProtocolError(405, "use GET or POST")
    r = Request()
    for k, v in params:
        if k == "query" or k == "update":
            if getattr(r, k) is not None:
                raise ProtocolError(400, f"more than one {k} parameter")
            setattr(r, k, v)
        elif k == "default-graph-uri":
            r.default_graphs.append(_iri(v))
        elif k == "named-graph-uri":
            r.named_graphs.append(_iri(v))
        elif k in ("using-graph-uri", "using-named-graph-uri"):
            raise ProtocolError(400, f"{k} is not supported: name the graphs with USING in the update")
        elif k in FORMAT_PARAMS:
            r.formats.append(v)
    if direct is not None:
        if r.query is not None or r.update is not None:
            raise ProtocolError(400, f"a {direct[0]} in the body and another in the URL")
        setattr(r, direct[0], direct[1])
    if r.query is not None and r.update is not None:
        raise ProtocolError(400, "a request is a query or an update, not both")
    if r.update is not None and method == "GET":
        raise ProtocolError(405, "SPARQL Update is sent with POST")
    if r.update is not None and (r.default_graphs or r.named_graphs):
        raise ProtocolError(400, "default-graph-uri and named-graph-uri are for queries")
    return r


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise ProtocolError(400, "the request body is not UTF-8") from None


_IRI = re.compile(r"[^\x00-\x20<>\"{}|^`\\]+:[^\x00-\x20<>\"{}|^`\\]*")


def _iri(value: str) -> str:
    if not _IRI.fullmatch(value):
        raise ProtocolError(400, "a graph parameter is not an absolute IRI")
    return value


# --- what is refused -----------------------------------------------------------------------

FEDERATION_REFUSED = "SERVICE and LOAD are turned off on this endpoint (kg serve --allow-federation turns them on)"

def reaches_out(sparql: str) -> bool:
    """Whether a query or update could make the server fetch something: SERVICE (federation) or
    LOAD. Oxigraph sends HTTP requests for both; FROM only picks graphs of the store."""
    return has_keyword(sparql, r"SERVICE|LOAD")


def check(r: Request, allow_update: bool, allow_federation: bool) -> None:
    """What this endpoint refuses, before any worker sees the request."""
    text = r.query if r.query is not None else r.update
    if text is None:
        raise ProtocolError(400, "no query or update parameter")
    if r.update is not None and not allow_update:
        raise ProtocolError(403, "this endpoint is read-only (kg serve --allow-update accepts SPARQL Update)")
    if not allow_federation and reaches_out(text):
        raise ProtocolError(400, FEDERATION_REFUSED)


def same_origin(origin: str | None, host: str | None, scheme: str = "http") -> bool:
    """Whether a browser sent this from the server's own page: no Origin (curl, SPARQLWrapper,
    any non-browser client) or the Origin of the address the request came to."""
    if origin is None:
        return True
    return host is not None and origin.rstrip("/").lower() == f"{scheme}://{host}".lower()


# --- the service description ---------------------------------------------------------------

_HOST = re.compile(r"[A-Za-z0-9.\-]+(:\d{1,5})?|\[[0-9A-Fa-f:.]+\](:\d{1,5})?")


def endpoint_url(host_header: str | None, fallback: str, scheme: str = "http", path: str = "/sparql") -> str:
    """The endpoint's address as the client reached it (the Host header), or the one it listens
    on when the header is missing or not a host name: the header is the client's text."""
    host = host_header if host_header and _HOST.fullmatch(host_header) else fallback
    return f"{scheme}://{host}{path}"


def service_description(endpoint: str, allow_update: bool, allow_federation: bool) -> str:
    """The service description (Turtle): the endpoint, languages, result formats, features. It
    describes the service only, not every graph of the store (those are a query away)."""
    langs = ["sd:SPARQL11Query"] + (["sd:SPARQL11Update"] if allow_update else [])
    names = {"json": "SPARQL_Results_JSON", "xml": "SPARQL_Results_XML", "csv": "SPARQL_Results_CSV",
             "tsv": "SPARQL_Results_TSV", "turtle": "Turtle", "ntriples": "N-Triples", "rdfxml": "RDF_XML",
             "jsonld": "JSON-LD"}
    fmts = ", ".join(f"<http://www.w3.org/ns/formats/{names[f.name]}>" for f in SOLUTIONS + GRAPH)
    feature = "    sd:feature sd:BasicFederatedQuery ;\n" if allow_federation else ""
    return (
        "@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .\n"
        "@prefix dcterms: <http://purl.org/dc/terms/> .\n\n"
        f"<{endpoint}> a sd:Service ;\n"
        f"    sd:endpoint <{endpoint}> ;\n"
        f"    sd:supportedLanguage {', '.join(langs)} ;\n"
        f"    sd:resultFormat {fmts} ;\n"
        f"{feature}"
        '    dcterms:title "Chanye KG" ;\n'
        "    sd:defaultDataset [ a sd:Dataset ; sd:defaultGraph [ a sd:Graph ] ] .\n"
    )
