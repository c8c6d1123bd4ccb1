"""Layer 5, what users run: the command line (cli.py, argument parsing and printing only), the
SPARQL endpoint (serve.py, web/), the HTML network view (view.py), kg explain (explain.py)."""
