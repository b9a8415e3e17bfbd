"""Wagtail's PostgreSQL backend with Chinese analysis at index and query time.

PostgreSQL's parser, like FTS5, keeps a run of Chinese characters as one word. Indexed values
become space-separated jieba tokens in a ``simple`` (no stemming) tsvector, and a query becomes
a ``to_tsquery`` expression made only of analysed, quoted tokens, so no visitor input can
produce a tsquery syntax error.
"""

from functools import reduce

from django.contrib.postgres.search import SearchQuery
from django.db import connections
from django.db.models import Case, FloatField, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.sql import InsertQuery
from modelsearch.backends.database.postgres import postgres as stock
from modelsearch.backends.database.postgres.weights import get_weight
from modelsearch.query import And, Not, Or, Phrase, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from search.backends import pg_statistics
from search.backends.common import (
    AnalysingIndexerMixin,
    CappedCountMixin,
    MatchProbeMixin,
    atom_expressions,
    has_terms,
    match_expression,
    relaxed_expression,
    title_norms,
)
from search.backends.relaxation import RELAXED_SCORE_OFFSET


def _quote(token, prefix=False):
    quoted = "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"
    return quoted + ":*" if prefix else quoted


def tsquery_text(query_string, operator="and", prefix_last=False):
    """The ``to_tsquery`` text for a visitor's query, or ``None`` when nothing is searchable."""
    return match_expression(query_string, _quote, " & ", " | ", operator, prefix_last)


class ChineseObjectIndexer(AnalysingIndexerMixin, stock.ObjectIndexer):
    pass


class ChinesePostgresIndex(stock.PostgresIndex):
    defer_title_norms = False

    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        indexers = [ChineseObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        compiler = InsertQuery(stock.IndexEntry).get_compiler(connection=self.write_connection)
        rows, params = [], []
        for indexer in indexers:
            params.extend((content_type_pk, indexer.id))
            vectors = []
            for field_name, value in (
                ("title", indexer.title),
                ("autocomplete", indexer.autocomplete),
                ("body", indexer.body),
            ):
                prepared = compiler.prepare_value(stock.IndexEntry._meta.get_field(field_name), value)
                sql, value_params = prepared.as_sql(compiler, self.write_connection)
                vectors.append(sql)
                params.extend(value_params)
            params.extend((indexer.title_text, indexer.body_text))
            rows.append(f"(%s, %s, {vectors[0]}, {vectors[1]}, {vectors[2]}, 1.0, %s, %s)")
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {stock.IndexEntry._meta.db_table}
                    (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
                (VALUES {", ".join(rows)})
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0,
                              autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body,
                              title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
                """,
                params,
            )
        if not self.defer_title_norms:
            self._refresh_title_norms()

    def add_documents(self, model, plan, documents):
        """Index ``(pk, texts)`` documents analysed by :class:`search.bulk.BulkPlan`.

        The vectors are built as the stock indexer builds them (one weighted ``to_tsvector``
        per field, concatenated), in one ``executemany`` upsert per batch, with each title's
        norm computed at once from the average title length.
        """
        content_type_pk = get_content_type_pk(model)
        norm = title_norms(self)
        config, autocomplete_config = self.backend.config, self.backend.autocomplete_config

        def vector(fields, config):
            # One weighted vector per field (the weight from the field's boost), as the stock
            # indexer builds them; the config and the text are parameters.
            return (
                " || ".join(
                    f"setweight(to_tsvector(%s::regconfig, %s), '{get_weight(getattr(field, 'boost', None))}')"
                    for field, _text in fields
                )
                or "''::tsvector"
            )

        title_fields, autocomplete_fields, body_fields = plan.parts([""] * len(plan.fields))
        autocomplete_fields = [(None, text) for _field, text in autocomplete_fields]  # weight D
        sql = (
            f"INSERT INTO {stock.IndexEntry._meta.db_table} "
            "(content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text) "
            f"VALUES (%s, %s, {vector(title_fields, config)}, {vector(autocomplete_fields, autocomplete_config)}, "
            f"{vector(body_fields, config)}, %s, %s, %s) "
            "ON CONFLICT (content_type_id, object_id) DO UPDATE SET title = EXCLUDED.title, "
            "autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body, title_norm = EXCLUDED.title_norm, "
            "title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text"
        )
        rows = []
        for pk, texts in documents:
            title, autocomplete, body = plan.parts(texts)
            title_text = " ".join(text.strip() for _field, text in title if text.strip())
            params = [content_type_pk, str(pk)]
            for part, part_config in ((title, config), (autocomplete, autocomplete_config), (body, config)):
                for _field, text in part:
                    params.extend((part_config, text))
            body_text = " ".join(text.strip() for _field, text in body if text.strip())
            rows.append((*params, norm(title_text), title_text, body_text))
        with self.write_connection.cursor() as cursor:
            cursor.executemany(sql, rows)


class ChineseQueryMixin:
    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, (PlainText, Phrase)):
            operator = getattr(query, "operator", "and")
            text = tsquery_text(query.query_string, operator, prefix_last=self.LAST_TERM_IS_PREFIX)
            if text is None:
                return None
            if invert:
                text = f"!({text})"
            return SearchQuery(text, search_type="raw", config=config)
        if isinstance(query, Not):
            return self.build_tsquery_content(query.subquery, config=config, invert=not invert)
        if isinstance(query, (And, Or)):
            built = [self.build_tsquery_content(sub, config=config, invert=invert) for sub in query.subqueries]
            built = [part for part in built if part is not None]
            if not built:
                return None
            is_and = isinstance(query, And) != invert
            return reduce((lambda a, b: a & b) if is_and else (lambda a, b: a | b), built)
        return super().build_tsquery_content(query, config=config, invert=invert)

    def search(self, config, start, stop, score_field=None, backend=None):
        if not has_terms(self.query):
            return self.queryset.none()
        return super().search(config, start, stop, score_field=score_field, backend=backend)


class RankedSearchMixin(MatchProbeMixin):
    """Ranks plain-text queries in one query on the index table, like the SQLite backend.

    The stock compiler joins every indexed object to its index entry through a text/integer
    cast, which the planner cannot use an index for: with a poor row estimate it picks a nested
    loop over both tables. Here the matches are an uncorrelated ``IN`` subquery, the first
    results are ranked on the index table alone, and very common terms (more than
    ``RANK_LIMIT`` matches) are not ranked at all (newest first) nor counted beyond
    ``COUNT_LIMIT``.
    """

    #: Lower than SQLite's: GIN gives no "first N matches" cheaply, so a common term is found
    #: scanning the newest entries backwards, and ranking more matches costs more.
    RANK_LIMIT = 2_000
    COUNT_LIMIT = 1_000
    MAX_WINDOW = 25_600
    #: Matches the GIN index created by migration 0002.
    VECTOR_SQL = '(e."title" || e."body")'
    #: That index, whose statistics tell the common words (:mod:`search.backends.pg_statistics`).
    STATISTICS_INDEX = "search_indexentry_title_body_gin"

    def _plain_query(self):
        """The ``to_tsquery`` text of every word of the query (``None``: the stock path)."""
        query = self.query
        if isinstance(query, (PlainText, Phrase)):
            return tsquery_text(
                query.query_string, getattr(query, "operator", "and"), prefix_last=self.LAST_TERM_IS_PREFIX
            )
        return None

    def _atom_sources(self, config):
        text = self._relaxable_query_string()
        if text is None:
            return (), []
        atoms, expressions = atom_expressions(text, _quote, " & ", " | ")
        sources = [
            (
                f"FROM {stock.IndexEntry._meta.db_table} e WHERE ({self.VECTOR_SQL}) @@ to_tsquery(%s::regconfig, %s)",
                [config or "simple", expression],
            )
            for expression in expressions
        ]
        return tuple(atoms), sources

    def _common_atoms(self, atoms):
        if not self.STATISTICS_INDEX:
            return frozenset()
        common = pg_statistics.common_lexemes(self.queryset.db, self.STATISTICS_INDEX)
        return frozenset(position for position, atom in enumerate(atoms) if atom.word.lower() in common)

    def _relaxed_query(self, config):
        """The relaxed query's ``to_tsquery`` text, or ``None`` when the query is not relaxed."""
        cached = getattr(self, "_relaxed", None)
        if cached is not None and cached[0] == config:
            return cached[1]
        text = None
        query_string = self._relaxable_query_string()
        plan = self.relaxed_plan(config) if query_string is not None else None
        if plan is not None:
            _atoms, expressions = atom_expressions(query_string, _quote, " & ", " | ")
            text = relaxed_expression(plan, expressions, " & ", " | ")
        self._relaxed = (config, text)
        return text

    def _object_id_sql(self):
        pk = self.queryset.model._meta.pk
        while pk.is_relation:
            pk = pk.target_field
        if pk.get_internal_type() in {"AutoField", "BigAutoField", "SmallAutoField", "IntegerField", "BigIntegerField"}:
            return 'e."object_id"::bigint'
        return 'e."object_id"'

    def _from_sql(self, content_types, config):
        placeholders = ", ".join(["%s"] * len(content_types))
        return (
            f'FROM {stock.IndexEntry._meta.db_table} e WHERE e."content_type_id" IN ({placeholders}) '
            f"AND ({self.VECTOR_SQL}) @@ to_tsquery(%s::regconfig, %s)"
        ), [*content_types, config or "simple"]

    def _parts(self, config, all_words=False):
        """``(FROM … WHERE …, params, tsquery text)`` of the results: every word of the query,
        or the relaxed query when that finds too few (``all_words``: never relaxed)."""
        text = self._plain_query()
        if text is None:
            return None
        if not all_words:
            text = self._relaxed_query(config) or text
        content_types = list(get_descendants_content_types_pks(self.queryset.model))
        from_sql, params = self._from_sql(content_types, config)
        return from_sql, [*params, text], text

    def matched_queryset(self, config, limit=None):
        parts = self._parts(config)
        if parts is None:
            return None
        from_sql, params, _text = parts
        sql = f"SELECT {self._object_id_sql()} {from_sql}"
        if limit is not None:
            sql = f"SELECT * FROM ({sql} LIMIT %s) AS matched"
            params = [*params, limit]
        return self.queryset.filter(pk__in=RawSQL(sql, params))

    def exact_count_is_cheap(self, config):
        # A relaxed query always holds a rare atom: its matches are few.
        return self._relaxed_query(config) is not None

    def _probe_source(self, config):
        parts = self._parts(config, all_words=True)
        if parts is None:
            return None
        from_sql, params, text = parts
        return text, from_sql, params

    def _ranked(self, config, needed):
        from_sql, params, text = self._parts(config)
        if self._relaxed_query(config):
            # Every word first, then the relaxed matches, each by ts_rank.
            sql = (
                f"SELECT {self._object_id_sql()}, ts_rank({self.VECTOR_SQL}, to_tsquery(%s::regconfig, %s)) "
                f"- CASE WHEN ({self.VECTOR_SQL}) @@ to_tsquery(%s::regconfig, %s) THEN 0 ELSE {RELAXED_SCORE_OFFSET} END "
                f"AS score {from_sql} ORDER BY score DESC, 1 DESC LIMIT %s"
            )
            all_words = self._plain_query()
            query_params = [config or "simple", text, config or "simple", all_words, *params]
        elif self.prefers_newest(config):
            sql = f'SELECT {self._object_id_sql()}, 0.0 {from_sql} ORDER BY e."id" DESC LIMIT %s'
            query_params = params
        else:
            sql = (
                f"SELECT {self._object_id_sql()}, ts_rank({self.VECTOR_SQL}, to_tsquery(%s::regconfig, %s)) AS score "
                f"{from_sql} ORDER BY score DESC, 1 DESC LIMIT %s"
            )
            query_params = [config or "simple", text, *params]
        window = max(needed * 2, 100)
        with connections[self.queryset.db].cursor() as cursor:
            while True:
                cursor.execute(sql, [*query_params, window])
                rows = cursor.fetchall()
                allowed = set(self.queryset.filter(pk__in=[pk for pk, _score in rows]).values_list("pk", flat=True))
                kept = [(pk, score) for pk, score in rows if pk in allowed]
                if len(kept) >= needed or len(rows) < window or window >= self.MAX_WINDOW:
                    return kept
                window = min(window * 4, self.MAX_WINDOW)

    def search(self, config, start, stop, score_field=None, backend=None):
        if not has_terms(self.query):
            return self.queryset.none()
        if self._plain_query() is not None and stop is None and self.order_by_relevance and self._relaxed_query(config):
            stop = self.MAX_WINDOW // 2  # all of a relaxed query's matches, in tiers (they are few)
        if self._plain_query() is None or (self.order_by_relevance and stop is None):
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        if not self.order_by_relevance:
            queryset = self.matched_queryset(config)
            if not queryset.query.order_by:
                queryset = queryset.order_by("-pk")
            return queryset[start:stop]
        ranked = self._ranked(config, needed=stop)[start:stop]
        if not ranked:
            return self.queryset.none()
        field = score_field or "_score"
        scores = Case(*[When(pk=pk, then=Value(score)) for pk, score in ranked], output_field=FloatField())
        return (
            self.queryset.filter(pk__in=[pk for pk, _score in ranked])
            .annotate(**{field: scores})
            .order_by(f"-{field}", "-pk")
        )


class ChinesePostgresSearchQueryCompiler(RankedSearchMixin, ChineseQueryMixin, stock.PostgresSearchQueryCompiler):
    pass


class ChinesePostgresAutocompleteQueryCompiler(
    RankedSearchMixin, ChineseQueryMixin, stock.PostgresAutocompleteQueryCompiler
):
    VECTOR_SQL = 'e."autocomplete"'
    STATISTICS_INDEX = None


class ChinesePostgresSearchResults(CappedCountMixin, stock.PostgresSearchResults):
    pass


class ChinesePostgresSearchBackend(stock.PostgresSearchBackend):
    query_compiler_class = ChinesePostgresSearchQueryCompiler
    autocomplete_query_compiler_class = ChinesePostgresAutocompleteQueryCompiler
    index_class = ChinesePostgresIndex
    results_class = ChinesePostgresSearchResults

    def __init__(self, params):
        # Tokens are already analysed: "simple" only lower-cases, it never stems them.
        super().__init__({**params, "SEARCH_CONFIG": params.get("SEARCH_CONFIG") or "simple"})


SearchBackend = ChinesePostgresSearchBackend
