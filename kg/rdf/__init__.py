"""Layer 4, RDF: the namespaces and prefixes (vocab.py), the file formats (formats.py), the
merged graph as triples (graph.py), the Oxigraph store and its exports (store.py), SPARQL
questions (query.py, queries/), SHACL validation (validate.py), the ontology and shapes as
package data (kg.rdf.ontology, from ontology/ at the top of the repository)."""
