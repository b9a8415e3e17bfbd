"""Wagtail's SQLite FTS5 backend with Chinese analysis at index and query time.

FTS5's ``unicode61`` tokenizer keeps a run of Chinese characters as one token, so the stock
backend finds 为烈士寻亲活动启动 only by its whole title. Here every indexed value is stored as
space-separated jieba tokens (see :mod:`search.analysis`), and a query becomes an FTS5
expression built only from analysed tokens, each one quoted: quotes, FTS operators, emoji or
control characters in what a visitor types can no longer break the ``MATCH`` syntax.
"""

import json
from functools import reduce

from django.db import connections, transaction
from django.db.models import Case, FloatField, Value, When
from django.db.models.expressions import RawSQL
from modelsearch.backends.database.sqlite import sqlite as stock
from modelsearch.backends.database.sqlite.query import AndNot, LexemeCombinable, SearchQueryExpression, normalize
from modelsearch.query import And, MatchAll, Not, Or, Phrase, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from search.backends.common import (
    AnalysingIndexerMixin,
    CappedCountMixin,
    MatchProbeMixin,
    atom_expressions,
    has_terms,
    match_expression,
    relaxed_expression,
    shared_row,
    title_norms,
)
from search.backends.relaxation import RELAXED_SCORE_OFFSET


class FTSExpression(LexemeCombinable):
    """A ready FTS5 match expression made of quoted, analysed tokens only."""

    def __init__(self, expression):
        super().__init__()
        self.expression = expression

    def as_sql(self, compiler, connection):
        return "%s", [self.expression]


def _quote(token, prefix=False):
    quoted = '"' + token.replace('"', '""') + '"'
    return quoted + "*" if prefix else quoted


def fts_match(query_string, operator="and", prefix_last=False):
    """The FTS5 expression for a visitor's query, or ``None`` when nothing is searchable."""
    return match_expression(query_string, _quote, " AND ", " OR ", operator, prefix_last)


class ChineseObjectIndexer(AnalysingIndexerMixin, stock.ObjectIndexer):
    pass


class ChineseSQLiteIndex(stock.SQLiteIndex):
    #: A bulk rebuild refreshes the title norms once at the end instead of after every batch
    #: (each refresh scans the whole table).
    defer_title_norms = False

    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        indexers = [ChineseObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        data = {indexer.id: (indexer.title, indexer.autocomplete, indexer.body) for indexer in indexers}
        entries = self.entries.filter(content_type_id=content_type_pk)
        indexed_ids = frozenset(entries.filter(object_id__in=data.keys()).values_list("object_id", flat=True))
        for object_id in indexed_ids:
            title, autocomplete, body = data[object_id]
            entries.filter(object_id=object_id).update(
                title=title, autocomplete=autocomplete, body=body, title_norm=1.0
            )
        self.entries.bulk_create(
            [
                stock.IndexEntry(
                    content_type_id=content_type_pk,
                    object_id=object_id,
                    title=title,
                    autocomplete=autocomplete,
                    body=body,
                )
                for object_id, (title, autocomplete, body) in data.items()
                if object_id not in indexed_ids
            ]
        )
        if not self.defer_title_norms:
            self._refresh_title_norms()

    def add_documents(self, model, plan, documents):
        """Index ``(pk, texts)`` documents analysed by :class:`search.bulk.BulkPlan`.

        New entries go in with two ``executemany`` inserts, one into the entries table and one
        straight into the FTS5 table, while the stock trigger that would copy each row is
        dropped and re-created inside the same transaction (SQLite's DDL is transactional:
        other connections never see the table without its trigger). Going through the trigger
        costs as much again as both inserts. Entries that exist already are updated through the
        triggers. Each title's norm is computed at once from the average title length instead
        of a scan of the whole index per batch.
        """
        table = stock.IndexEntry._meta.db_table
        fts_table = stock.SQLiteFTSIndexEntry._meta.db_table
        content_type_pk = get_content_type_pk(model)
        rows, norm = {}, title_norms(self)
        for pk, texts in documents:
            title, autocomplete, body = (" ".join(text for _field, text in part) for part in plan.parts(texts))
            rows[str(pk)] = (title, autocomplete, body, norm(title))
        with transaction.atomic(using=self.write_connection.alias), self.write_connection.cursor() as cursor:
            existing = set()
            ids = list(rows)
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                cursor.execute(
                    f"SELECT object_id FROM {table} WHERE content_type_id = %s AND object_id IN "
                    f"({', '.join(['%s'] * len(chunk))})",
                    [content_type_pk, *chunk],
                )
                existing.update(object_id for (object_id,) in cursor.fetchall())
            if existing:
                cursor.executemany(
                    f"UPDATE {table} SET title = %s, autocomplete = %s, body = %s, title_norm = %s "
                    "WHERE content_type_id = %s AND object_id = %s",
                    [(*rows[object_id], content_type_pk, object_id) for object_id in existing],
                )
            new = [(object_id, *values) for object_id, values in rows.items() if object_id not in existing]
            if not new:
                return
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s AND sql LIKE %s",
                [table, "%AFTER INSERT%"],
            )
            triggers = cursor.fetchall()
            for name, _sql in triggers:
                cursor.execute(f'DROP TRIGGER "{name}"')
            cursor.executemany(
                f"INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body, title_norm) "
                "VALUES (%s, %s, %s, %s, %s, %s)",
                [
                    (content_type_pk, object_id, title, autocomplete, body, norm)
                    for object_id, title, autocomplete, body, norm in new
                ],
            )
            cursor.execute(
                f"SELECT id, object_id FROM {table} WHERE content_type_id = %s AND object_id IN "
                f"(SELECT value FROM json_each(%s))",
                [content_type_pk, json.dumps([object_id for object_id, *_rest in new])],
            )
            entry_ids = {object_id: entry_id for entry_id, object_id in cursor.fetchall()}
            cursor.executemany(
                f"INSERT INTO {fts_table} (rowid, title, body, autocomplete) VALUES (%s, %s, %s, %s)",
                [(entry_ids[object_id], title, body, autocomplete) for object_id, title, autocomplete, body, _n in new],
            )
            for _name, sql in triggers:
                cursor.execute(sql)


class ChineseQueryMixin:
    """Builds FTS5 expressions from analysed tokens instead of the raw query string."""

    def build_search_query_content(self, query, config=None):
        if isinstance(query, (PlainText, Phrase)):
            # A phrase is matched as all of its words: search-mode tokens interleave sub-words,
            # so token adjacency says little about Chinese word order.
            operator = getattr(query, "operator", "and")
            expression = fts_match(query.query_string, operator, prefix_last=self.LAST_TERM_IS_PREFIX)
            return SearchQueryExpression(FTSExpression(expression)) if expression else None
        if isinstance(query, (And, Or)):
            built = [self.build_search_query_content(sub, config=config) for sub in query.subqueries]
            built = [part for part in built if part is not None]
            if not built:
                return None
            if isinstance(query, And):
                return reduce(lambda a, b: a & b, built)
            return reduce(lambda a, b: a | b, built)
        if isinstance(query, AndNot):
            first = self.build_search_query_content(query.subquery_a, config=config)
            second = self.build_search_query_content(query.subquery_b, config=config)
            if first is None or second is None:
                return first
            return first._combine(second, "NOT")
        return super().build_search_query_content(query, config=config)

    def search(self, config, start, stop, score_field=None):
        if not has_terms(self.query):
            return self.queryset.none()
        return super().search(config, start, stop, score_field=score_field)


class RankedSearchMixin(MatchProbeMixin):
    """Ranks inside one FTS5 query instead of once per matching row.

    The stock compiler annotates every matching row with a correlated subquery that runs the
    whole ``MATCH`` again, and compares the text ``object_id`` with an integer key: seconds for
    a term that matches thousands of martyr records. Here the match set is an uncorrelated
    ``IN`` subquery (for counts and filters), and the first results are ranked by ``bm25()`` in
    the FTS query itself, then checked against the caller's queryset (published, public, …)
    in widening windows until the page is full.
    """

    #: bm25 weights of the FTS5 columns (autocomplete, body, title): a title match counts more.
    COLUMN_WEIGHTS = "0.0, 1.0, 3.0"
    #: Above this many matches, bm25 (computed for every match) is no longer worth its cost —
    #: the term is in nearly every record — and the newest entries come first instead.
    RANK_LIMIT = 10_000
    #: Counts stop here (the page says "more than …"), so that a term found in two million
    #: records is counted as fast as a rare one.
    COUNT_LIMIT = 1_000
    #: Most candidate matches checked against the caller's filters for one page of results.
    MAX_WINDOW = 25_600

    def _all_words_parts(self, config):
        """``(match_string, content_type_pks)`` of every word of the query, or ``None`` when
        this needs the stock path."""
        cached = getattr(self, "_all_words", None)
        if cached is not None and cached[0] is config:
            return cached[1]
        query = normalize(self.query)
        parts = None
        if not isinstance(query, (MatchAll, Not)):
            built = self.build_search_query(query, config=config)
            if built is not None:
                compiler = self.queryset.query.get_compiler(using=self.queryset.db)
                _template, params = stock.MatchExpression(self._columns(), built).as_sql(compiler, compiler.connection)
                parts = params[0], list(get_descendants_content_types_pks(self.queryset.model))
        self._all_words = (config, parts)
        return parts

    def _match_parts(self, config):
        """``(match_string, content_type_pks)`` of the results: every word of the query, or
        the relaxed query when that finds too few (see :mod:`search.backends.relaxation`);
        ``None`` when this needs the stock path."""
        parts = self._all_words_parts(config)
        if parts is None:
            return None
        relaxed = self._relaxed_match(config)
        return (relaxed, parts[1]) if relaxed else parts

    def _columns(self):
        return self.fields or self.FTS_TABLE_FIELDS

    def _column_match(self, expression):
        return f"{{{' '.join(self._columns())}}} : ({expression})"

    def _atom_sources(self, config):
        text = self._relaxable_query_string()
        if text is None:
            return (), []
        fts = stock.SQLiteFTSIndexEntry._meta.db_table
        atoms, expressions = atom_expressions(text, _quote, " AND ", " OR ")
        return tuple(atoms), [(f"FROM {fts} WHERE {fts} MATCH %s", [self._column_match(e)]) for e in expressions]

    def _relaxed_match(self, config):
        """The relaxed query's match string, or ``None`` when the query is not relaxed."""
        return self._relaxed_matches(config)[0]

    def _relaxed_matches(self, config):
        """``(relaxed match, match of its rare atoms)``, or ``(None, None)``."""
        cached = getattr(self, "_relaxed", None)
        if cached is not None and cached[0] is config:
            return cached[1]
        matches = (None, None)
        text = self._relaxable_query_string()
        plan = self.relaxed_plan(config) if text is not None else None
        if plan is not None:
            _atoms, expressions = atom_expressions(text, _quote, " AND ", " OR ")
            matches = (
                self._column_match(relaxed_expression(plan, expressions, " AND ", " OR ")),
                self._column_match(" OR ".join(expressions[index] for index in plan.rare)),
            )
        self._relaxed = (config, matches)
        return matches

    def _object_id_sql(self):
        pk = self.queryset.model._meta.pk
        while pk.is_relation:  # a page's key is its parent link (page_ptr)
            pk = pk.target_field
        if pk.get_internal_type() in {"AutoField", "BigAutoField", "SmallAutoField", "IntegerField", "BigIntegerField"}:
            return 'CAST(e."object_id" AS INTEGER)'
        return 'e."object_id"'

    #: Content types with at most this many index entries (facilities, pages) are searched
    #: from their entries, each checked against the MATCH by its rowid: led by the FTS table,
    #: a word found in a million martyr records would be joined a million times to find none.
    SMALL_TYPE_ENTRIES = 5_000

    def _is_small(self, content_types):
        small = getattr(self, "_small_types", None)
        if small is None or small[0] != content_types:
            entries = stock.IndexEntry._meta.db_table
            placeholders = ", ".join(["%s"] * len(content_types))
            # Shared like the match probe: a search page asks this of every content type, and
            # counting the first 5,001 entries of a large one costs a millisecond each time.
            (found,) = shared_row(
                "search:small:",
                self.queryset.db,
                f'SELECT count(*) FROM (SELECT 1 FROM {entries} WHERE "content_type_id" IN ({placeholders}) LIMIT %s)',
                [*content_types, self.SMALL_TYPE_ENTRIES + 1],
            )
            small = self._small_types = (content_types, found <= self.SMALL_TYPE_ENTRIES)
        return small[1]

    def exact_count_is_cheap(self, config):
        """A small content type is counted exactly from its entries, without the probe of
        all the matches (which a common word makes as slow as the count it would spare)."""
        if self._relaxed_match(config):
            return True  # a relaxed query always holds a rare atom: its matches are few
        parts = self._match_parts(config)
        return parts is not None and self._is_small(parts[1])

    def _from_sql(self, match, content_types, ranked=False):
        """``(FROM … WHERE …, params)`` of the matches among the entries of ``content_types``.

        bm25() (``ranked``) needs the FTS table in the lead: from the entries, FTS5 would
        compute each term's document frequency again for every entry.
        """
        fts, entries = stock.SQLiteFTSIndexEntry._meta.db_table, stock.IndexEntry._meta.db_table
        placeholders = ", ".join(["%s"] * len(content_types))
        if not ranked and self._is_small(content_types):
            return (
                f'FROM {entries} e CROSS JOIN {fts} ON {fts}."rowid" = e."id" '
                f'WHERE e."content_type_id" IN ({placeholders}) AND {fts} MATCH %s'
            ), [*content_types, match]
        return (
            # CROSS JOIN keeps the FTS table in the lead: driven from the entries, SQLite would
            # evaluate the MATCH once per entry of the content type.
            f'FROM {fts} CROSS JOIN {entries} e ON e."id" = {fts}."rowid" '
            f'WHERE {fts} MATCH %s AND e."content_type_id" IN ({placeholders})'
        ), [match, *content_types]

    def matched_queryset(self, config, limit=None):
        """The caller's queryset narrowed to the matches (among the first ``limit`` ones)."""
        parts = self._match_parts(config)
        if parts is None:
            return None
        from_sql, params = self._from_sql(*parts)
        sql = f"SELECT {self._object_id_sql()} {from_sql}"
        if limit is not None:
            sql = f"SELECT * FROM ({sql} LIMIT %s)"
            params.append(limit)
        return self.queryset.filter(pk__in=RawSQL(sql, params))

    def _probe_source(self, config):
        parts = self._all_words_parts(config)
        if parts is None:
            return None
        fts = stock.SQLiteFTSIndexEntry._meta.db_table
        return parts[0], f"FROM {fts} WHERE {fts} MATCH %s", [parts[0]]

    def _ranked(self, config, match, content_types, needed):
        fts = stock.SQLiteFTSIndexEntry._meta.db_table
        relaxed, rare = self._relaxed_matches(config)
        if relaxed:
            # Every word first, then the relaxed matches, each by bm25() (one FTS query). bm25()
            # scans every match of each phrase of the MATCH once to weigh it: the FTS query
            # matches the rare atoms only (every relaxed match holds one), and the relaxed and
            # all-words expressions, with their common words, are checked apart, without bm25().
            from_sql, params = self._from_sql(rare, content_types, ranked=True)
            sql = (
                f"SELECT {self._object_id_sql()}, bm25({fts}, {self.COLUMN_WEIGHTS}) + CASE WHEN {fts}.rowid IN "
                f"(SELECT rowid FROM {fts} WHERE {fts} MATCH %s) THEN 0 ELSE {RELAXED_SCORE_OFFSET} END AS score "
                f"{from_sql} AND {fts}.rowid IN (SELECT rowid FROM {fts} WHERE {fts} MATCH %s) "
                "ORDER BY score, 1 DESC LIMIT %s"
            )
            params = [self._all_words_parts(config)[0], *params, relaxed]
        elif self.prefers_newest(config):
            from_sql, params = self._from_sql(match, content_types)
            # Newest first, read backwards from whichever table leads (the same key in both).
            newest = 'e."id"' if self._is_small(content_types) else f"{fts}.rowid"
            sql = f"SELECT {self._object_id_sql()}, 0.0 {from_sql} ORDER BY {newest} DESC LIMIT %s"
        else:
            from_sql, params = self._from_sql(match, content_types, ranked=True)
            sql = (
                f"SELECT {self._object_id_sql()}, bm25({fts}, {self.COLUMN_WEIGHTS}) AS score "
                f"{from_sql} ORDER BY score, 1 DESC LIMIT %s"
            )
        window = max(needed * 2, 100)
        with connections[self.queryset.db].cursor() as cursor:
            while True:
                cursor.execute(sql, [*params, window])
                rows = cursor.fetchall()
                allowed = set(self.queryset.filter(pk__in=[pk for pk, _score in rows]).values_list("pk", flat=True))
                kept = [(pk, score) for pk, score in rows if pk in allowed]
                # The window stays within SQLite's limit of bound parameters.
                if len(kept) >= needed or len(rows) < window or window >= self.MAX_WINDOW:
                    return kept
                window = min(window * 4, self.MAX_WINDOW)

    def search(self, config, start, stop, score_field=None):
        if not has_terms(self.query):
            return self.queryset.none()
        parts = self._match_parts(config)
        if parts is not None and stop is None and self.order_by_relevance and self._relaxed_match(config):
            stop = self.MAX_WINDOW // 2  # all of a relaxed query's matches, in tiers (they are few)
        if parts is None or (self.order_by_relevance and stop is None):
            return super().search(config, start, stop, score_field=score_field)
        if not self.order_by_relevance:
            queryset = self.matched_queryset(config)
            if not queryset.query.order_by:
                queryset = queryset.order_by("-pk")
            return queryset[start:stop]
        ranked = self._ranked(config, *parts, needed=stop)[start:stop]
        if not ranked:
            return self.queryset.none()
        field = score_field or "_score"
        scores = Case(*[When(pk=pk, then=Value(score)) for pk, score in ranked], output_field=FloatField())
        return (
            self.queryset.filter(pk__in=[pk for pk, _score in ranked])
            .annotate(**{field: scores})
            .order_by(field, "-pk")
        )


class ChineseSQLiteSearchQueryCompiler(RankedSearchMixin, ChineseQueryMixin, stock.SQLiteSearchQueryCompiler):
    pass


class ChineseSQLiteAutocompleteQueryCompiler(
    RankedSearchMixin, ChineseQueryMixin, stock.SQLiteAutocompleteQueryCompiler
):
    COLUMN_WEIGHTS = "1.0, 0.0, 0.0"


class ChineseSQLiteSearchResults(CappedCountMixin, stock.SQLiteSearchResults):
    pass


class ChineseSQLiteSearchBackend(stock.SQLiteSearchBackend):
    query_compiler_class = ChineseSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = ChineseSQLiteAutocompleteQueryCompiler
    index_class = ChineseSQLiteIndex
    results_class = ChineseSQLiteSearchResults
    #: bm25() is negative: the lower the score, the better the match.
    scores_ascending = True


SearchBackend = ChineseSQLiteSearchBackend
