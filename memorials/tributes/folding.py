"""Folding: queued offerings become counted offerings and counters, in batches.

For each batch, in one database transaction: the offerings are inserted with
``INSERT … ON CONFLICT DO NOTHING RETURNING`` (the unique key record + kind + day + visitor lets
only the first of each count, and makes a batch folded twice count once), what was inserted is
added to the daily counters (``ON CONFLICT … DO UPDATE SET count = count + excluded.count``),
and — for the database queue — the entries are deleted. A Redis stream's entries are
acknowledged after the commit: a folder killed in between leaves them pending, another folder
takes them over and inserts nothing new. Then the counters that changed are refreshed in the
cache.

Run by ``manage.py fold_offerings`` beside the web server (``TRIBUTES_FOLD_WORKER=1``), or,
without that worker, right after each offering in the request that accepted it.
"""

from __future__ import annotations

import datetime
import logging
import os
import socket
import uuid
from collections import Counter
from dataclasses import dataclass

from django.db import connection, transaction

from memorials.interface import MemorialFacility, published_records
from memorials.tributes import ceremonies, conf, counters
from memorials.tributes.entries import chunks
from memorials.tributes.kinds import KIND_VALUES
from memorials.tributes.models import Offering, Scope, TributeCount
from memorials.tributes.queue import Entry, get_queue

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FoldResult:
    #: Entries taken from the queue (and acknowledged).
    taken: int = 0
    #: Offerings that counted (the others repeated a visitor's offering of the day, or their
    #: record is no longer published).
    counted: int = 0


def consumer_name() -> str:
    """A name no other folder has (host, process, a random part)."""
    return f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:8]}"


def fold_batch(queue=None, consumer: str | None = None, size: int | None = None, refresh: bool = True) -> FoldResult:
    """Claim up to ``size`` queued offerings, count them and acknowledge them; then, with
    ``refresh``, put the new sums of what changed in the cache."""
    queue = queue or get_queue()
    consumer = consumer or consumer_name()
    ceremonies.note_new_day()
    entries = queue.claim(consumer, size or conf.batch_size(), conf.lease_seconds())
    if not entries:
        return FoldResult()
    with transaction.atomic():
        counted = count(entries, refresh=False)
        if queue.acks_in_transaction:
            queue.ack(consumer, entries)
    if not queue.acks_in_transaction:
        queue.ack(consumer, entries)
    if refresh:
        _refresh(counted.scopes, queue)
    return FoldResult(taken=len(entries), counted=counted.number)


@dataclass(frozen=True)
class Counted:
    number: int
    scopes: set


def count(entries: list[Entry], refresh: bool = True) -> Counted:
    """Count ``entries`` (in the caller's transaction, if any): insert their offerings, add the
    inserted ones to the counters. Used by the folder, and by the demo loader directly."""
    with transaction.atomic():
        inserted = _insert_offerings(_countable(entries))
        scopes = _add_to_counters(inserted)
    if refresh:
        _refresh(scopes)
    return Counted(number=len(inserted), scopes=scopes)


def _refresh(scopes, queue=None) -> None:
    """The new sums in the cache and, for a queue that answers an offering with its hall's
    counters (Redis), in the queue too."""
    try:
        halls = counters.refresh(scopes)
        if halls and hasattr(queue, "publish_counts"):
            queue.publish_counts({record_id: counts.as_dict() for record_id, counts in halls.items()})
    except Exception:  # the counters expire on their own; the offerings are counted
        logger.exception("tributes: refreshing the cached counters failed")


def fold_all(
    queue=None, consumer: str | None = None, size: int | None = None, limit: int | None = None, refresh: bool = True
) -> FoldResult:
    """Fold batches until the queue has nothing free left (or ``limit`` entries were taken)."""
    queue = queue or get_queue()
    consumer = consumer or consumer_name()
    taken = counted = 0
    while limit is None or taken < limit:
        result = fold_batch(queue, consumer, size, refresh)
        if not result.taken:
            break
        taken += result.taken
        counted += result.counted
    return FoldResult(taken=taken, counted=counted)


def _countable(entries: list[Entry]) -> list[Entry]:
    """The entries of known kinds whose record is still published (a record unpublished since
    has no hall, and its offerings are not counted), with facilities that still exist."""
    entries = [entry for entry in entries if entry.kind in KIND_VALUES]
    published = set(
        published_records().filter(pk__in={entry.record_id for entry in entries}).values_list("pk", flat=True)
    )
    facility_ids = {entry.facility_id for entry in entries if entry.facility_id is not None}
    facilities = set(MemorialFacility.objects.filter(pk__in=facility_ids).values_list("pk", flat=True))
    kept = []
    for entry in entries:
        if entry.record_id not in published:
            continue
        if entry.facility_id is not None and entry.facility_id not in facilities:
            entry = Entry(**{**entry.__dict__, "facility_id": None})
        kept.append(entry)
    return kept


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _columns(*names) -> str:
    return ", ".join(connection.ops.quote_name(name) for name in names)


def _insert_offerings(entries: list[Entry]) -> list[tuple]:
    """Insert the offerings; returns ``(record_id, facility_id, kind, day)`` of those inserted."""
    inserted = []
    ops = connection.ops
    columns = ("record_id", "facility_id", "kind", "day", "visitor", "address", "offered_at")
    for chunk in _statements(entries):
        rows = [
            (
                entry.record_id,
                entry.facility_id,
                entry.kind,
                ops.adapt_datefield_value(entry.day),
                entry.visitor,
                entry.address,
                ops.adapt_datetimefield_value(entry.offered_at),
            )
            for entry in chunk
        ]
        values, params = _rows(Offering, columns, rows)
        sql = (
            f"INSERT INTO {_table(Offering)} ({_columns(*columns)}) {values} "
            f"ON CONFLICT ({_columns('record_id', 'kind', 'day', 'visitor')}) DO NOTHING "
            f"RETURNING {_columns('record_id', 'facility_id', 'kind', 'day')}"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            inserted += cursor.fetchall()
    return inserted


def _statements(rows: list) -> list[list]:
    """The rows of one statement each: a batch at once on PostgreSQL (one array a column),
    chunks elsewhere (SQLite limits a statement's parameters)."""
    if connection.vendor == "postgresql":
        return [rows] if rows else []
    return list(chunks(rows))


def _rows(model, columns: tuple[str, ...], rows: list[tuple]) -> tuple[str, list]:
    """``rows`` of ``columns`` as the source of an ``INSERT``: its SQL and parameters. On
    PostgreSQL one array a column (``unnest``): a short statement that psycopg parses once and
    keeps, where thousands of placeholders were parsed again for every batch (half of the
    folder's time at the peak). Elsewhere ``VALUES`` rows."""
    if connection.vendor == "postgresql":
        types = [model._meta.get_field(name).db_type(connection) for name in columns]
        arrays = ", ".join(f"%s::{db_type}[]" for db_type in types)
        return f"SELECT * FROM unnest({arrays})", [list(values) for values in zip(*rows, strict=True)]
    row = "(" + ", ".join(["%s"] * len(columns)) + ")"
    return f"VALUES {', '.join([row] * len(rows))}", [value for values in rows for value in values]


def _add_to_counters(inserted: list[tuple]) -> set[tuple[str, int]]:
    """Add the inserted offerings to the site's, the halls' and the facilities' daily counters;
    returns the ``(scope, id)`` whose sums changed."""
    increments: Counter = Counter()
    for record_id, facility_id, kind, day in inserted:
        day = str(day)  # a date (PostgreSQL) or its ISO text (SQLite): the same key either way
        increments[(Scope.SITE.value, 0, day, kind)] += 1
        increments[(Scope.HALL.value, int(record_id), day, kind)] += 1
        if facility_id is not None:
            increments[(Scope.FACILITY.value, int(facility_id), day, kind)] += 1
    if not increments:
        return set()
    ops = connection.ops
    table = _table(TributeCount)
    count = ops.quote_name("count")
    columns = ("scope", "scope_id", "day", "kind", "count")
    # One order for every folder: no deadlock between two.
    rows = [
        (scope, scope_id, ops.adapt_datefield_value(_date(day)), kind, number)
        for (scope, scope_id, day, kind), number in sorted(increments.items())
    ]
    for chunk in _statements(rows):
        values, params = _rows(TributeCount, columns, chunk)
        sql = (
            f"INSERT INTO {table} ({_columns(*columns)}) {values} "
            f"ON CONFLICT ({_columns('scope', 'scope_id', 'day', 'kind')}) "
            f"DO UPDATE SET {count} = {table}.{count} + excluded.{count}"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
    return {(scope, scope_id) for (scope, scope_id, _day, _kind) in increments}


def _date(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)
