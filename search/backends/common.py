"""What the embedded backends share: Chinese analysis of indexed values and of queries."""

from modelsearch.index import AutocompleteField, SearchField

from search import analysis
from search.documents import name_fields


def analysed_value(obj, field, value):
    """The index form of one field value: jieba tokens, plus pinyin when it holds a name."""
    text = analysis.index_text(value)
    if isinstance(field, (SearchField, AutocompleteField)) and field.field_name in name_fields(type(obj)):
        if field.field_name != "title" or analysis.looks_like_a_name(value):
            extra = analysis.name_pinyin(value) + analysis.name_bigrams(value)
            if extra:
                text = f"{text} {' '.join(extra)}"
    return text


def has_terms(query):
    """Whether a Wagtail search query holds at least one searchable word after analysis."""
    from modelsearch.query import MatchAll, Phrase, PlainText

    if isinstance(query, MatchAll):
        return True
    if isinstance(query, (PlainText, Phrase)):
        return bool(analysis.query_terms(query.query_string))
    subqueries = getattr(query, "subqueries", None)
    if subqueries is not None:
        return any(has_terms(sub) for sub in subqueries)
    subquery = getattr(query, "subquery", None)
    if subquery is not None:
        return has_terms(subquery)
    return True


class CappedCountMixin:
    """Search results whose count stops just above the compiler's ``COUNT_LIMIT``.

    Counted among the first matches only: "more than COUNT_LIMIT" once that many pass the
    caller's filters, else (filters drop most matches) the exact count after all.
    """

    def _do_count(self):
        compiler = self.query_compiler
        config = compiler.get_config(self.backend)
        if not has_terms(compiler.query) or compiler.matched_queryset(config) is None:
            return super()._do_count()
        if compiler.has_more_matches_than(config, compiler.COUNT_LIMIT):
            sample = compiler.matched_queryset(config, limit=2 * compiler.COUNT_LIMIT).count()
            if sample > compiler.COUNT_LIMIT:
                return compiler.COUNT_LIMIT + 1
        return compiler.matched_queryset(config).count()
