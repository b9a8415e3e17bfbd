"""What PostgreSQL's own statistics know of the index's words: the lexemes that ``ANALYZE`` found
on many entries (``pg_stats.most_common_elems`` of the GIN index's expression, from a sample of
the table), read once per process every :data:`STATISTICS_SECONDS`.

The relaxed-matching probe counts how many entries hold each word of a query, up to
``RARE_MATCHES + 1``; for a common word that is a heap visit per entry counted. A word these
statistics put on at least :data:`COMMON_ESTIMATE` entries is common without counting it.
"""

from __future__ import annotations

import logging
import time

from django.db import DatabaseError, connections, transaction

from search.backends.relaxation import RARE_MATCHES

logger = logging.getLogger("search")

STATISTICS_SECONDS = 600
#: Estimated entries from which a word is common without being counted: five times the rare
#: limit, so that a sampling error (ANALYZE reads 30,000 rows at the default statistics
#: target) never makes a rare word look common.
COMMON_ESTIMATE = 5 * (RARE_MATCHES + 1)

_SQL = """
SELECT s.most_common_elems::text::text[], s.most_common_elem_freqs, c.reltuples
FROM pg_stats s JOIN pg_class c ON c.relname = s.tablename
WHERE s.schemaname = current_schema() AND s.tablename = %s
"""

_read: dict[tuple[str, str], tuple[float, frozenset[str]]] = {}


def common_lexemes(alias: str, index: str) -> frozenset[str]:
    """The lexemes of ``index`` (an expression index on a tsvector) that the statistics put on
    at least :data:`COMMON_ESTIMATE` rows; empty before the table was first analysed."""
    now = time.monotonic()
    known = _read.get((alias, index))
    if known is not None and now - known[0] < STATISTICS_SECONDS:
        return known[1]
    lexemes = frozenset()
    try:
        # In a savepoint: a failure must not abort the request's transaction.
        with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
            cursor.execute(_SQL, [index])
            row = cursor.fetchone()
    except DatabaseError:  # no statistics view to read: every word is counted, as before
        logger.warning("search: could not read the statistics of %s", index, exc_info=True)
        row = None
    if row and row[0] and row[1]:
        elements, frequencies, rows = row
        # The frequencies end with three figures of their own (minimum, maximum, null share).
        lexemes = frozenset(
            element
            for element, frequency in zip(elements, frequencies[: len(elements)], strict=True)
            if frequency * rows >= COMMON_ESTIMATE
        )
    _read[(alias, index)] = (now, lexemes)
    return lexemes


def forget() -> None:
    """Read the statistics again on next use (tests)."""
    _read.clear()
