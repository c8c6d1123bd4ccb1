"""Layer 3, many articles: extraction across workers (pipeline.py, distributed.py, batch.py),
the cache of results (cache.py, codec.py), the one serial merge (merge.py), publishing an output
folder (publish.py). Imports only the layers below."""
