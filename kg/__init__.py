"""Chanye KG: a knowledge graph of China's local industrial development, read from news articles.

From Python, the same as `kg build` (README: "Use it from Python")::

    import kg

    result = kg.build(["articles/"], "output", html=False)  # kg.app.build.BuildResult
    print(result.articles, result.entities["Company"], result.skipped)

    r = kg.extract("湖州市经济和信息化局局长王明……")  # one text, or a kg.model.Article
    print([(e.type, e.name) for e in r.entities])  # a kg.model.ArticleResult

`import kg` loads nothing else: build and extract are loaded when first used (module
__getattr__), so the command line starts fast and a notebook pays for what it calls.
"""
import importlib

__version__ = "0.1.0"
__all__ = ["build", "extract", "__version__"]

# what each name is, loaded on first use. Named by string: the package root is below every
# layer (tests/test_layers.py) and imports none of them; they come in only when called for.
# kg.extract is the extraction package itself, made callable (kg/extract/__init__.py): the name
# is the package's as soon as any of it is imported, so the package is what a caller calls.
_LAZY = {"build": ("kg.app.build", "build"), "extract": ("kg.extract", None)}


def __getattr__(name: str):
    if name not in _LAZY:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    module, attr = _LAZY[name]
    loaded = importlib.import_module(module)
    return getattr(loaded, attr) if attr else loaded


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
