"""What the embedded backends share: Chinese analysis of indexed values and of queries."""

import hashlib
from functools import cached_property

from django.core.cache import cache
from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from modelsearch.query import PlainText

from search import analysis
from search.backends import relaxation
from search.backends.relaxation import relaxation_atoms
from search.documents import name_fields


def analyse_value(model, field, value):
    """The index form of one field value: jieba tokens; a person's name by all its pieces
    plus its pinyin (see :func:`search.analysis.name_tokens`)."""
    if isinstance(field, (SearchField, AutocompleteField)) and field.field_name in name_fields(model):
        if field.field_name != "title" or analysis.looks_like_a_name(value):
            return " ".join(analysis.name_tokens(value))
    return analysis.index_text(value)


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


def term_expression(term, quote, and_, or_, prefix=False):
    """One query term in the database's match syntax: its word, or all its parts, or all the
    terms of one of its alternatives (synonyms)."""
    options = [quote(term.word, prefix)]
    if term.parts:
        last = len(term.parts) - 1
        options.append("(" + and_.join(quote(part, prefix and i == last) for i, part in enumerate(term.parts)) + ")")
    for alternative in term.alternatives:
        options.append("(" + and_.join(term_expression(sub, quote, and_, or_) for sub in alternative) + ")")
    return options[0] if len(options) == 1 else "(" + or_.join(options) + ")"


def match_expression(query_string, quote, and_, or_, operator="and", prefix_last=False):
    """A full-text match expression over the analysed terms of a visitor's query.

    ``quote(token, prefix)`` quotes one token in the database's syntax and ``and_``/``or_``
    are its operators (`` AND ``/`` OR `` for FTS5, `` & ``/`` | `` for tsquery). A word the
    analyser also split into parts matches either whole or by all its parts, or by one of its
    synonyms. Returns ``None`` when nothing in the query is searchable.
    """
    terms = analysis.query_terms(query_string)
    if not terms:
        return None
    clauses = [
        term_expression(term, quote, and_, or_, prefix_last and position == len(terms) - 1)
        for position, term in enumerate(terms)
    ]
    expression = (or_ if str(operator).lower() == "or" else and_).join(clauses)
    whole = analysis.query_prefix(query_string) if prefix_last else ""
    if whole and whole != terms[-1].word:
        # Suggestions: 黄继 is cut into 黄 and 继, but it is also the start of the token 黄继光.
        expression = f"({quote(whole, True)}{or_}({expression}))"
    return expression


def atom_expressions(query_string, quote, and_, or_):
    """``(atoms, [expression of each atom])`` of a query for relaxed matching (see
    :mod:`search.backends.relaxation`)."""
    atoms = relaxation_atoms(analysis.query_terms(query_string))
    return atoms, [term_expression(atom, quote, and_, or_) for atom in atoms]


def relaxed_expression(plan, expressions, and_, or_):
    """The match expression of a relaxed query: one of the plan's combinations of atoms.

    The documents holding every word are among them (each holds every atom: a compound's
    sub-words are indexed with it), so the all-words expression is not repeated here: on
    SQLite, ``bm25()`` scans the matches of each phrase of the expression once to weigh it, and
    a common word would be scanned again for nothing.
    """
    options = []
    for combination in plan.combinations:
        parts = [expressions[index] for index in combination]
        options.append(parts[0] if len(parts) == 1 else "(" + and_.join(parts) + ")")
    return "(" + or_.join(options) + ")"


#: How long a process trusts its average title length (for the title norms of bulk writes).
TITLE_AVERAGE_SECONDS = 600
_title_averages = {}


def title_length_average(index):
    """The average length of the indexed titles, as the stock ``_refresh_title_norms`` computes
    it, cached per database for :data:`TITLE_AVERAGE_SECONDS` (it scans the whole index)."""
    import time

    from django.db.models import Avg
    from django.db.models.functions import Length

    alias = index.write_connection.alias
    cached = _title_averages.get(alias)
    if cached is None or cached[1] < time.monotonic():
        average = (
            index.entries.annotate(title_length=Length("title"))
            .filter(title_length__gt=0)
            .aggregate(Avg("title_length"))["title_length__avg"]
        )
        cached = (average, time.monotonic() + TITLE_AVERAGE_SECONDS)
        _title_averages[alias] = cached
    return cached[0]


def title_norms(index):
    """``norm(title)`` for a batch of bulk-indexed documents, as the stock
    ``_refresh_title_norms`` computes it; the average title length is looked up only when a
    document has a title (it scans the whole index, and a martyr record has none)."""
    average = []

    def norm(title):
        if not title:
            return 1.0
        if not average:
            average.append(title_length_average(index))
        return average[0] / len(title) if average[0] else 1.0

    return norm


class AnalysingIndexerMixin:
    """An object indexer that stores analysed tokens instead of raw field values.

    The stock indexer walks every field once for the title, once for the body and once for
    autocomplete: each value is analysed only the first time. The value is the last item of
    what the stock ``prepare_field`` yields (the PostgreSQL one also yields a weight).
    """

    def prepare_field(self, obj, field):
        if isinstance(field, RelatedFields):
            # The stock method recurses through this one for the related objects' fields.
            yield from super().prepare_field(obj, field)
            return
        key = (id(obj), id(field))
        if key not in self._analysed:
            self._analysed[key] = [
                (*item[:-1], analyse_value(type(obj), item[0], item[-1])) for item in super().prepare_field(obj, field)
            ]
        yield from self._analysed[key]

    @cached_property
    def _analysed(self):
        return {}


#: How long the raw match count of a query, and a "more than COUNT_LIMIT" count, are shared
#: between requests and processes. The first only chooses between relevance and newest-first
#: and whether a count may stop early, never a number shown; the second does not go stale in
#: minutes. A common word costs tens of milliseconds to probe or count at two million records,
#: and common words are the ones asked again and again. Exact counts are never cached.
PROBE_SECONDS = 300


def _cache_key(prefix, alias, sql, params):
    return prefix + hashlib.sha256(repr((alias, sql, list(params))).encode()).hexdigest()


def shared_row(prefix, alias, sql, params):
    """The one row of a statement that only counts (probes, capped counts), shared through
    Django's cache for :data:`PROBE_SECONDS` between requests and processes."""
    from django.db import connections

    cache_key = _cache_key(prefix, alias, sql, params)
    found = cache.get(cache_key)
    if found is None:
        with connections[alias].cursor() as cursor:
            cursor.execute(sql, list(params))
            found = tuple(cursor.fetchone())
        cache.set(cache_key, found, PROBE_SECONDS)
    return found


class MatchProbeMixin:
    """``has_more_matches_than()`` for the ranked compilers: the raw matches are counted once
    per compiler, up to the largest limit asked about (a page asks about ``RANK_LIMIT`` and
    ``COUNT_LIMIT``, and every probe evaluates the whole match again), and the count is kept
    in the cache for :data:`PROBE_SECONDS`.

    :meth:`relaxed_plan` has a probe of its own, which stops at ``RELAX_BELOW`` matches (a
    common word costs nothing more than before) and only then counts how many entries hold
    each atom of the query, up to ``RARE_MATCHES + 1``, in the same statement (an atom the
    database's statistics know to be common is not counted: :meth:`_common_atoms`).
    """

    def _probe_source(self, config):
        """``(key, "FROM … WHERE <match>", params)`` or ``None`` when nothing can match."""
        raise NotImplementedError

    def _atom_sources(self, config):
        """``(atoms, [("FROM … WHERE <atom>", params), …])`` of the query's atoms."""
        return (), []

    def _common_atoms(self, atoms):
        """The positions of ``atoms`` the database's own statistics already show to be on far
        more than ``RARE_MATCHES`` entries: they are not counted (see the PostgreSQL backend)."""
        return frozenset()

    def _relaxable_query_string(self):
        """The query string when this search may be relaxed: plain words, all required (not a
        phrase, nor :class:`~search.query.AllWords`, nor the suggestions' prefix match)."""
        query = self.query
        if self.LAST_TERM_IS_PREFIX or type(query) is not PlainText:
            return None  # a phrase, the suggestions' prefix match, AllWords: every word
        if str(getattr(query, "operator", "and")).lower() != "and":
            return None
        return query.query_string

    def has_more_matches_than(self, config, number):
        source = self._probe_source(config)
        if source is None:
            return False
        key, from_sql, params = source
        probe = getattr(self, "_match_probe", None)
        if probe is None or probe[0] != key or (probe[1] >= probe[2] and number >= probe[2]):
            limit = max(number, self.RANK_LIMIT, self.COUNT_LIMIT) + 1
            sql = f"SELECT count(*) FROM (SELECT 1 {from_sql} LIMIT %s) AS probe"
            (found,) = shared_row("search:probe-row:", self.queryset.db, sql, [*params, limit])
            probe = self._match_probe = (key, found, limit)
        return probe[1] > number

    def relaxed_plan(self, config):
        """The :class:`~search.backends.relaxation.RelaxedPlan` of this search, or ``None``
        when its words are all together in enough entries (or relaxing adds nothing)."""
        atoms, atom_sources = self._atom_sources(config)
        source = self._probe_source(config) if len(atom_sources) > 1 else None
        if source is None:
            return None
        _key, from_sql, params = source
        common = self._common_atoms(atoms)
        columns, column_params = ["n"], []
        for position, (atom_sql, atom_params) in enumerate(atom_sources):
            if position in common:
                columns.append("%s")
                column_params.append(relaxation.RARE_MATCHES + 1)
                continue
            columns.append(
                f"CASE WHEN n < %s THEN (SELECT count(*) FROM (SELECT 1 {atom_sql} LIMIT %s) AS a{position}) END"
            )
            column_params.extend([relaxation.RELAX_BELOW, *atom_params, relaxation.RARE_MATCHES + 1])
        sql = (
            f"SELECT {', '.join(columns)} FROM (SELECT count(*) AS n FROM (SELECT 1 {from_sql} LIMIT %s) AS probe) "
            "AS counted"
        )
        found = shared_row("search:relax:", self.queryset.db, sql, [*column_params, *params, relaxation.RELAX_BELOW])
        if found[0] >= relaxation.RELAX_BELOW:
            return None
        return relaxation.relaxed_plan(atoms, found[1:])

    #: Set by the count when more than ``COUNT_LIMIT`` results pass the caller's filters.
    count_is_capped = False

    def exact_count_is_cheap(self, config):
        """Whether an exact count costs less than the probe and the capped count it would
        spare (a backend says so for content types it reads from their own entries)."""
        return False

    def prefers_newest(self, config):
        """Whether results come newest first instead of by relevance: above ``RANK_LIMIT`` raw
        matches, or once the page's own count found more than ``COUNT_LIMIT`` (then the page
        asks to refine the query, and ranking a thousand records that all hold every word of
        it costs more than the order is worth)."""
        return self.count_is_capped or self.has_more_matches_than(config, self.RANK_LIMIT)


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
        if compiler.exact_count_is_cheap(config):
            return compiler.matched_queryset(config).count()
        # Among the first matches first: a common word is then counted in one pass.
        limit = 2 * compiler.COUNT_LIMIT
        sample = compiler.matched_queryset(config, limit=limit)
        cache_key = _cache_key("search:capped:", sample.db, *sample.query.sql_with_params())
        counted = None if cache.get(cache_key) else sample.count()
        if counted is None or counted > compiler.COUNT_LIMIT:
            cache.set(cache_key, True, PROBE_SECONDS)
            compiler.count_is_capped = True
            return compiler.COUNT_LIMIT + 1
        if not compiler.has_more_matches_than(config, limit):
            return counted  # the sample held every match
        return compiler.matched_queryset(config).count()  # the filters dropped most of them

    def sample_queryset(self, limit):
        """The caller's queryset narrowed to the first ``limit`` raw matches in index order
        (not by relevance), e.g. for the facet counts of a term found in a million records;
        ``None`` when this search cannot be sampled (no terms, or the stock path)."""
        compiler = self.query_compiler
        if not has_terms(compiler.query):
            return None
        return compiler.matched_queryset(compiler.get_config(self.backend), limit=limit)
