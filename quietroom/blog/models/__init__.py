from .article import ArticlePage
from .index import BlogIndexPage
from .taxonomy import ArticlePageTag, BlogCategory

__all__ = ["ArticlePage", "ArticlePageTag", "BlogCategory", "BlogIndexPage"]
