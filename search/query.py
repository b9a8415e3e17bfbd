"""Query objects the search service hands to the backends (beside Wagtail's own)."""

from modelsearch.query import PlainText


class AllWords(PlainText):
    """A query matched by every word only, never relaxed (``service.search(…, relaxed=False)``;
    see :mod:`search.backends.relaxation`)."""

    def __init__(self, query_string):
        super().__init__(query_string, operator="and")
