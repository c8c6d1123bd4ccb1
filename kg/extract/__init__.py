"""Layer 2, one article's extraction, a pure function (article.py: extract): find mentions
(mentions/), resolve them to entities (resolve.py), relate them (relations.py), read figures
(facts.py). Imports only the layers below (kg.io, kg.model, kg.resources)."""
