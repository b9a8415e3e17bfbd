"""The durable queue between accepting an offering and counting it.

An offering answered with success is in the queue before the answer leaves; the folder
(:mod:`memorials.tributes.folding`) claims entries, counts them in the database and only then
acknowledges them. A folder that dies after claiming leaves its entries claimed but not
acknowledged: once the lease (``TRIBUTES_FOLD_LEASE_SECONDS``) has passed, another folder takes
them over. Folding an entry twice counts it once (the unique offering row), so nothing is lost
and nothing counted twice, whichever process is killed when.

- :class:`RedisStreamQueue` (production, ``REDIS_URL``): ``XADD``; a consumer group read with
  ``XREADGROUP``; entries of a dead consumer taken over with ``XAUTOCLAIM``; ``XACK`` + ``XDEL``.
- :class:`~memorials.tributes.queue_file.FileQueue` (the embedded default, on SQLite): a SQLite
  file of its own, so that offerings never wait for the folder's transactions in the site's
  database; acknowledged after the folder's commit, like the stream.
- :class:`DatabaseQueue` (PostgreSQL without Redis): rows of
  :class:`~memorials.tributes.models.QueuedOffering`, claimed with ``claimed_at``; acknowledged by
  deleting them in the folder's own transaction.
"""

from __future__ import annotations

import datetime
import os
from functools import cached_property, lru_cache

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from memorials.tributes import conf
from memorials.tributes.entries import ROW_COLUMNS, Entry, as_text, chunks
from memorials.tributes.models import QueuedOffering
from memorials.tributes.queue_file import FileQueue

STREAM = "tributes:offerings"
GROUP = "tributes-folders"


class DatabaseQueue:
    """The queue as a table (SQLite or PostgreSQL without Redis)."""

    #: Acknowledging deletes the rows: done inside the folder's transaction, so counting and
    #: acknowledging commit together.
    acks_in_transaction = True

    def put(self, entry: Entry) -> None:
        # One plain INSERT (no model instance, no signals): the peak's hottest write.
        ops = connection.ops
        columns = ("record_id", "facility_id", "kind", "day", "visitor", "address", "offered_at", "claimed_by")
        sql = (
            f"INSERT INTO {ops.quote_name(QueuedOffering._meta.db_table)} "
            f"({', '.join(ops.quote_name(column) for column in columns)}) VALUES (%s, %s, %s, %s, %s, %s, %s, '')"
        )
        params = [
            entry.record_id,
            entry.facility_id,
            entry.kind,
            ops.adapt_datefield_value(entry.day),
            entry.visitor,
            entry.address,
            ops.adapt_datetimefield_value(entry.offered_at),
        ]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)

    def claim(self, consumer: str, count: int, lease_seconds: int) -> list[Entry]:
        """Up to ``count`` entries nobody holds (never claimed, or claimed longer ago than the
        lease), oldest first, now held by ``consumer``."""
        now = timezone.now()
        free = Q(claimed_at__isnull=True) | Q(claimed_at__lte=now - datetime.timedelta(seconds=lease_seconds))
        with transaction.atomic():
            ids = list(QueuedOffering.objects.filter(free).order_by("id").values_list("id", flat=True)[:count])
            if not ids:
                return []
            # Conditional: of two folders claiming at once, each row goes to one of them.
            QueuedOffering.objects.filter(free, id__in=ids).update(claimed_at=now, claimed_by=consumer)
        rows = (
            QueuedOffering.objects.filter(id__in=ids, claimed_by=consumer, claimed_at=now)
            .order_by("id")
            .values_list(*ROW_COLUMNS)
        )
        return [Entry.from_row(row) for row in rows]

    def ack(self, consumer: str, entries: list[Entry]) -> None:
        # One plain DELETE: a queryset's delete() first loads the rows when any receiver listens
        # to deletions.
        ids = [int(entry.ref) for entry in entries]
        table = connection.ops.quote_name(QueuedOffering._meta.db_table)
        with connection.cursor() as cursor:
            for chunk in chunks(ids):
                cursor.execute(
                    f"DELETE FROM {table} WHERE id IN ({', '.join(['%s'] * len(chunk))}) AND claimed_by = %s",
                    [*chunk, consumer],
                )

    def waiting(self) -> int:
        return QueuedOffering.objects.count()


#: KEYS: the visitor's key of the day, the address's counter of the day, the stream, the hall's
#: counters. ARGV: seconds left today, offerings counted per address, then the entry's fields
#: and values. Answers whether it was queued, and the hall's counters (a flat list, empty when
#: the folder has not put them there lately).
OFFER_SCRIPT = """
local function answer(queued)
  return {queued, redis.call('HGETALL', KEYS[4])}
end
if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
  return answer(0)
end
local from_address = redis.call('INCR', KEYS[2])
if from_address == 1 then
  redis.call('EXPIRE', KEYS[2], ARGV[1])
end
if from_address > tonumber(ARGV[2]) then
  return answer(0)
end
redis.call('XADD', KEYS[3], '*', unpack(ARGV, 3))
return answer(1)
"""


class RedisStreamQueue:
    """The queue as a Redis stream with a consumer group."""

    acks_in_transaction = False

    def __init__(self, url: str, stream: str = STREAM, group: str = GROUP):
        import redis

        # One connection of its own, not a pool: a process offers (or folds) one at a time, and a
        # pool's checks on lending a connection (a poll of the socket, its own bookkeeping) were
        # a tenth of an offering's round trip. A lock guards it where threads share the queue.
        self.redis = redis.Redis.from_url(url, single_connection_client=True)
        self.stream = stream
        self.group = group
        self._group_ready = False

    def put(self, entry: Entry) -> None:
        self.redis.xadd(self.stream, entry.as_fields())

    def offer(
        self, entry: Entry, seen_key: str, address_key: str, seconds: int, per_address: int
    ) -> tuple[bool, dict[str, int] | None]:
        """Queue ``entry`` if it is the visitor's first of its kind today (``seen_key`` not set
        yet) and its address has not reached ``per_address``: one script, one round trip.
        Answers whether it was queued, and the hall's counters as the folder last put them here
        (:meth:`publish_counts`; ``None`` when it has not lately). The day's keys expire after
        ``seconds``."""
        fields = [part for pair in entry.as_fields().items() for part in pair]
        queued, flat = self._offer_script(
            keys=[
                f"{self.stream}:{seen_key}",
                f"{self.stream}:{address_key}",
                self.stream,
                self._counts_key(entry.record_id),
            ],
            args=[seconds, per_address, *fields],
        )
        counts = {as_text(flat[i]): int(flat[i + 1]) for i in range(0, len(flat) - 1, 2)} if flat else None
        return int(queued) == 1, counts

    def _counts_key(self, record_id: int) -> str:
        return f"{self.stream}:counts:{int(record_id)}"

    def publish_counts(self, halls: dict[int, dict[str, int]]) -> None:
        """The folder's new counters of ``halls`` (by record id), given back with each offering
        to them for as long as the cache keeps counters (``TRIBUTES_COUNTER_SECONDS``)."""
        pipeline = self.redis.pipeline(transaction=False)
        for record_id, counts in halls.items():
            key = self._counts_key(record_id)
            pipeline.hset(key, mapping=counts)
            pipeline.expire(key, conf.counter_seconds())
        pipeline.execute()

    def forget(self, seen_key: str) -> None:
        """After a failed :meth:`offer`: the visitor may try again and count."""
        try:
            self.redis.delete(f"{self.stream}:{seen_key}")
        except Exception:  # noqa: BLE001 — the offering was not promised either way
            pass

    @cached_property
    def _offer_script(self):
        return self.redis.register_script(OFFER_SCRIPT)

    def _ensure_group(self) -> None:
        if self._group_ready:
            return
        import redis

        try:
            self.redis.xgroup_create(self.stream, self.group, id="0", mkstream=True)
        except redis.ResponseError as error:
            if "BUSYGROUP" not in str(error):
                raise
        self._group_ready = True

    def claim(self, consumer: str, count: int, lease_seconds: int) -> list[Entry]:
        """First the entries another consumer read and did not acknowledge within the lease
        (it died), then new ones."""
        self._ensure_group()
        _next, taken_over, *_deleted = self.redis.xautoclaim(
            self.stream, self.group, consumer, min_idle_time=lease_seconds * 1000, start_id="0-0", count=count
        )
        messages = [(ref, fields) for ref, fields in taken_over if fields]
        if not messages:
            answer = self.redis.xreadgroup(self.group, consumer, {self.stream: ">"}, count=count)
            messages = answer[0][1] if answer else []
        entries, unreadable = [], []
        for ref, fields in messages:
            entry = Entry.from_fields(fields or {}, as_text(ref))
            if entry is None:
                unreadable.append(as_text(ref))
            else:
                entries.append(entry)
        if unreadable:  # never readable: acknowledged so that it does not come back forever
            self._ack_refs(unreadable)
        return entries

    def ack(self, consumer: str, entries: list[Entry]) -> None:
        self._ack_refs([entry.ref for entry in entries])

    def _ack_refs(self, refs: list[str]) -> None:
        if refs:
            pipeline = self.redis.pipeline()
            pipeline.xack(self.stream, self.group, *refs)
            pipeline.xdel(self.stream, *refs)
            pipeline.execute()

    def waiting(self) -> int:
        return int(self.redis.xlen(self.stream))


@lru_cache(maxsize=4)
def _redis_queue(url: str) -> RedisStreamQueue:
    return RedisStreamQueue(url)


# A forked process (gunicorn's workers, with preload_app) opens its own connection: a socket
# shared by two processes would mix their answers.
os.register_at_fork(after_in_child=_redis_queue.cache_clear)


@lru_cache(maxsize=4)
def _file_queue(path: str) -> FileQueue:
    return FileQueue(path)


def get_queue():
    """The configured queue (``TRIBUTES_QUEUE``: Redis when ``REDIS_URL`` is set, a file of its
    own beside a SQLite database, else a table)."""
    backend = conf.queue_backend()
    if backend == "redis":
        return _redis_queue(conf.redis_url())
    if backend == "file":
        return _file_queue(conf.queue_path())
    return DatabaseQueue()
