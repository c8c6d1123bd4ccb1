"""The namespaces of the graph, defined once: the Chanye ontology's (CY), the entities' IRIs
(ID), the W3C and schema.org vocabularies it uses, and the prefixes the exports and rdflib
graphs bind. Imported by the graph builders (graph.py), the store's exports (store.py) and
everything that reads the graph back (kg.app.view, kg.app.explain)."""
from __future__ import annotations

from rdflib import RDFS, SKOS, XSD, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV


class CachedNamespace(Namespace):
    """rdflib's Namespace makes (and validates) a new URIRef on every CY.memberOf."""

    def term(self, name: str) -> URIRef:
        cache = _TERMS.setdefault(str(self), {})
        t = cache.get(name)
        if t is None:
            t = cache[name] = super().term(name)
        return t


_TERMS: dict[str, dict[str, URIRef]] = {}
CY = CachedNamespace("https://w3id.org/chanye/ontology#")
ID = Namespace("https://w3id.org/chanye/id/")
ORG = CachedNamespace("http://www.w3.org/ns/org#")
SCHEMA = CachedNamespace("https://schema.org/")
OA = CachedNamespace("http://www.w3.org/ns/oa#")

PREFIXES = {
    "cy": CY, "cyid": ID, "rdfs": RDFS, "skos": SKOS, "xsd": XSD, "prov": PROV,
    "dcterms": DCTERMS, "org": ORG, "schema": SCHEMA, "owl": OWL, "oa": OA,
}

# The language tag of a Chinese literal, by its script: zh-Hant when OpenCC's traditional ->
# simplified conversion changes the text (it holds a traditional form), else zh-Hans (simplified,
# or only characters both scripts share, which are simplified text too). Oxigraph writes tags in
# lower case (zh-hans); tags compare case-insensitively in SPARQL and rdflib.
HANS, HANT = "zh-Hans", "zh-Hant"


def zh_lang(text: str) -> str:
    from kg.io.normalize import to_simplified

    return HANT if to_simplified(text) != text else HANS
