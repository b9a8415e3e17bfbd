"""The embedded Chinese search backend: SQLite FTS5 or PostgreSQL, whichever holds the data.

``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.embedded"}}``.
"""

from django.db import connection


def SearchBackend(params):  # noqa: N802 (Wagtail looks the backend up by this name)
    """The Chinese backend for the default database's vendor."""
    if connection.vendor == "postgresql":
        from search.backends.postgres import ChinesePostgresSearchBackend

        return ChinesePostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        from search.backends.sqlite import ChineseSQLiteSearchBackend

        return ChineseSQLiteSearchBackend(params)
    from modelsearch.backends.database import SearchBackend as stock_backend

    return stock_backend(params)
