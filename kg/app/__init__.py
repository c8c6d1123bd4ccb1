"""Layer 5, what users run: the build as a library function (build.py: kg.build), the command
line (cli.py, argument parsing and printing only), the SPARQL endpoint (serve.py, web/), the
HTML network view (view.py), kg explain (explain.py)."""
