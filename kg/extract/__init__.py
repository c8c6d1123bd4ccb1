"""Layer 2, one article's extraction, a pure function (article.py: extract): find mentions
(mentions/), resolve them to entities (resolve.py), relate them (relations.py), read figures
(facts.py). Imports only the layers below (kg.io, kg.model, kg.resources). Called, the package
is that function for the library: kg.extract(article), or kg.extract(text)."""
from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.model import Article, ArticleResult


class _Package(types.ModuleType):
    """This package, callable: kg.extract(article) is the library's one-article extraction
    (kg/__init__.py). The name kg.extract is this package's once any of it is imported, so the
    package itself is what a caller calls."""

    def __call__(self, article: Article | str, path: str = "text") -> ArticleResult:
        """article.extract of an Article, or of a text: an Article of it as a UTF-8 .txt file of
        that text reads (the same id), at path."""
        from kg.extract.article import extract
        from kg.io.read import article_id
        from kg.model import Article

        if isinstance(article, str):
            article = Article(id=article_id(article.encode("utf-8")), path=path, text=article, encoding="utf-8")
        return extract(article)


sys.modules[__name__].__class__ = _Package
