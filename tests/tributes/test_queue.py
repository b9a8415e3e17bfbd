"""The durable queue between an accepted offering and the counters: what a folder claimed and
did not acknowledge (it was killed) is taken over after the lease, and folding an entry twice
counts it once. The same for the SQLite file (embedded default), the table (PostgreSQL without
Redis) and the Redis stream (production)."""

import datetime
import uuid

import pytest
from django.utils import timezone

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("tributes")]

REDIS_TEST_URL = "redis://127.0.0.1:6379/13"
LEASE = 60


def entry(record, visitor, kind="flower", day=None):
    from memorials.tributes.queue import Entry

    return Entry(
        record_id=record.pk,
        facility_id=record.facility_id,
        kind=kind,
        day=day or timezone.localdate(),
        visitor=visitor,
        address="a",
        offered_at=timezone.now(),
    )


@pytest.fixture
def database_queue():
    from memorials.tributes.queue import DatabaseQueue

    return DatabaseQueue()


@pytest.fixture
def redis_queue():
    """A stream of its own on Redis database 13 (skipped when Redis does not answer)."""
    redis = pytest.importorskip("redis")
    from memorials.tributes.queue import RedisStreamQueue

    try:
        redis.Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        pytest.skip("Redis is not reachable at 127.0.0.1:6379")
    queue = RedisStreamQueue(REDIS_TEST_URL, stream=f"tributes-test:{uuid.uuid4().hex}")
    yield queue
    queue.redis.delete(queue.stream, *queue.redis.scan_iter(f"{queue.stream}:*"))


@pytest.fixture
def file_queue(tmp_path):
    from memorials.tributes.queue_file import FileQueue

    return FileQueue(tmp_path / "queue.sqlite3")


@pytest.fixture(params=["database", "file", "redis"])
def queue(request):
    return request.getfixturevalue(f"{request.param}_queue")


def hall_total(record):
    from memorials.tributes import counters

    return counters.hall(record.pk).total


def test_a_claimed_entry_belongs_to_its_folder_until_acknowledged(queue, martyr):
    queue.put(entry(martyr, "v1"))
    queue.put(entry(martyr, "v2"))
    first = queue.claim("folder-a", 10, LEASE)
    assert [item.visitor for item in first] == ["v1", "v2"]
    assert queue.claim("folder-b", 10, LEASE) == []  # held by folder-a
    queue.ack("folder-a", first)
    assert queue.claim("folder-b", 10, 0) == []  # acknowledged: gone, even past any lease
    assert queue.waiting() == 0


def test_a_killed_folder_loses_nothing_another_takes_over_after_the_lease(queue, martyr, settings):
    from memorials.tributes.folding import fold_batch

    for number in range(3):
        queue.put(entry(martyr, f"visitor-{number}"))
    claimed = queue.claim("folder-killed", 10, LEASE)  # then kill -9: no count, no ack
    assert len(claimed) == 3
    assert fold_batch(queue, "folder-b").taken == 0  # within the lease nobody else takes them
    settings.TRIBUTES_FOLD_LEASE_SECONDS = 0  # the lease has run out (no waiting in a test)
    result = fold_batch(queue, "folder-b")
    assert (result.taken, result.counted) == (3, 3)
    assert hall_total(martyr) == 3
    assert queue.waiting() == 0


def test_a_folder_killed_after_counting_and_before_acknowledging_counts_nothing_twice(queue, martyr, settings):
    from memorials.tributes.folding import count, fold_batch

    for number in range(4):
        queue.put(entry(martyr, f"visitor-{number}"))
    claimed = queue.claim("folder-killed", 10, LEASE)
    count(claimed)  # committed… then killed before the acknowledgement
    assert hall_total(martyr) == 4
    settings.TRIBUTES_FOLD_LEASE_SECONDS = 0
    result = fold_batch(queue, "folder-b")
    assert (result.taken, result.counted) == (4, 0)
    assert hall_total(martyr) == 4


def test_two_folders_at_once_share_the_entries_without_counting_one_twice(queue, martyr):
    from memorials.tributes.folding import fold_batch

    for number in range(10):
        queue.put(entry(martyr, f"visitor-{number}"))
    a = queue.claim("folder-a", 6, LEASE)
    b = queue.claim("folder-b", 6, LEASE)
    assert len(a) == 6 and len(b) == 4
    assert not {item.ref for item in a} & {item.ref for item in b}
    queue.ack("folder-a", a)
    queue.ack("folder-b", b)
    assert fold_batch(queue, "folder-c").taken == 0


def test_an_entry_survives_the_round_trip_through_the_queue(queue, martyr):
    sent = entry(martyr, "v", kind="candle", day=datetime.date(2024, 4, 4))
    queue.put(sent)
    (received,) = queue.claim("folder", 1, LEASE)
    assert received == sent  # everything but the queue's own reference


def test_an_unreadable_stream_entry_is_dropped_not_retried_forever(redis_queue):
    redis_queue.redis.xadd(redis_queue.stream, {"record": "not a number"})
    assert redis_queue.claim("folder", 10, LEASE) == []
    assert redis_queue.waiting() == 0


def test_on_a_sqlite_file_the_queue_is_a_file_of_its_own_beside_the_database(settings, tmp_path, monkeypatch):
    """SQLite has one writer at a time: in the database's own file, every offering would wait for
    the folder's transactions."""
    from memorials.tributes import conf
    from memorials.tributes.queue import get_queue
    from memorials.tributes.queue_file import FileQueue

    del settings.TRIBUTES_QUEUE
    settings.REDIS_URL = ""
    assert conf._sqlite_file() == ""  # the tests' database is in memory: a table
    assert conf.queue_backend() == "database"
    database = tmp_path / "site" / "db.sqlite3"
    monkeypatch.setattr(conf, "_sqlite_file", lambda: str(database))
    assert conf.queue_backend() == "file"
    assert conf.queue_path() == str(tmp_path / "site" / "tributes-queue.sqlite3")
    assert isinstance(get_queue(), FileQueue)
    settings.TRIBUTES_QUEUE_PATH = str(tmp_path / "elsewhere.sqlite3")
    assert get_queue().path == str(tmp_path / "elsewhere.sqlite3")
    settings.REDIS_URL = "redis://127.0.0.1:6379/13"
    assert conf.queue_backend() == "redis"


def test_on_redis_an_offering_is_checked_and_queued_in_one_script(redis_queue, martyr):
    """The visitor's first of its kind today, the address within its limit, the stream: one
    round trip (a sync web worker otherwise waits on three at the peak)."""
    assert redis_queue.offer(entry(martyr, "v1"), "seen:v1", "addr:a", 60, 2) == (True, None)
    assert redis_queue.offer(entry(martyr, "v1"), "seen:v1", "addr:a", 60, 2) == (False, None)  # again today
    assert redis_queue.offer(entry(martyr, "v2"), "seen:v2", "addr:a", 60, 2) == (True, None)
    assert redis_queue.offer(entry(martyr, "v3"), "seen:v3", "addr:a", 60, 2) == (False, None)  # address limit
    assert redis_queue.waiting() == 2
    assert 0 < redis_queue.redis.ttl(f"{redis_queue.stream}:seen:v1") <= 60
    assert 0 < redis_queue.redis.ttl(f"{redis_queue.stream}:addr:a") <= 60
    assert [item.visitor for item in redis_queue.claim("folder", 10, LEASE)] == ["v1", "v2"]
    redis_queue.forget("seen:v1")  # after a failure: the visitor may count again
    assert redis_queue.offer(entry(martyr, "v1"), "seen:v1", "addr:b", 60, 2) == (True, None)


def test_on_redis_the_offering_brings_the_counters_the_folder_put_there(redis_queue, martyr, settings):
    """The folder gives each hall's new counters to the queue as well as the cache; an offering
    to that hall answers with them (no second round trip), until they expire with the cache's."""
    from memorials.tributes.folding import fold_all

    settings.TRIBUTES_COUNTER_SECONDS = 30
    redis_queue.offer(entry(martyr, "v1"), "seen:v1", "addr:a", 60, 9)
    fold_all(redis_queue, "folder")
    queued, counts = redis_queue.offer(entry(martyr, "v2", kind="candle"), "seen:v2", "addr:a", 60, 9)
    assert queued and counts["flower"] == 1 and counts["candle"] == 0 and counts["total"] == 1
    key = f"{redis_queue.stream}:counts:{martyr.pk}"
    assert 0 < redis_queue.redis.ttl(key) <= 30
    assert redis_queue.offer(entry(martyr, "v2", kind="candle"), "seen:v2", "addr:a", 60, 9) == (False, counts)


def test_an_offering_through_the_api_on_a_redis_queue_counts_once_a_day(redis_queue, martyr, monkeypatch, settings):
    from memorials.tributes import offerings
    from tests.tributes.test_offerings import api_offer, csrf_token_from

    settings.TRIBUTES_FOLD_WORKER = True
    monkeypatch.setattr(offerings, "get_queue", lambda: redis_queue)
    from django.test import Client

    visitor = Client(enforce_csrf_checks=True)
    token = csrf_token_from(visitor, f"/tributes/{martyr.pk}/")
    first = api_offer(visitor, martyr, "flower", token=token).json()
    again = api_offer(visitor, martyr, "flower", token=token).json()
    assert (first["counted"], again["counted"]) == (True, False)
    assert redis_queue.waiting() == 1
    # Folded: the next offering's answer has the counters from the queue, not from the cache.
    from memorials.tributes import counters
    from memorials.tributes.folding import fold_all

    fold_all(redis_queue, "folder")
    read = []
    real_hall_target = offerings.hall_target
    monkeypatch.setattr(
        offerings, "hall_target", lambda *a, **k: read.append(k.get("with_counts", True)) or real_hall_target(*a, **k)
    )
    counters.memo.clear()
    candle = api_offer(visitor, martyr, "candle", token=token).json()
    assert candle["counted"] and candle["counters"]["flower"] == 1 and candle["counters"]["total"] == 1
    assert read == [False]  # the hall looked up without its counters, and not again


def test_a_forked_process_opens_its_own_redis_connection(settings):
    """gunicorn forks its workers from a master that may have used the queue: a child that
    kept the parent's connection would read the parent's answers."""
    import os

    from memorials.tributes import queue as queues

    settings.TRIBUTES_QUEUE = "redis"
    settings.TRIBUTES_REDIS_URL = REDIS_TEST_URL
    parent = queues.get_queue()
    assert queues.get_queue() is parent
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover (the child reports through the pipe)
        try:
            os.write(writing, b"own" if queues.get_queue() is not parent else b"shared")
        finally:
            os._exit(0)
    os.close(writing)
    answer = os.read(reading, 16)
    os.close(reading)
    os.waitpid(child, 0)
    assert answer == b"own"
    assert queues.get_queue() is parent
