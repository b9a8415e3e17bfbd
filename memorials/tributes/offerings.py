"""Accepting an offering: who the visitor is, whether it counts today, and into the queue.

A visitor is a random token in the signed cookie ``tributes_visitor`` (given with the first
offering, so the first and every later offering of the day are the same visitor); an address is
a keyed hash of the IP and the day. Only keyed hashes are queued and stored, never a token or
an address. One offering of each kind per visitor, hall and day counts: the cache answers at
once (exactly with Redis, per process with the local-memory cache), and the folder's unique
offering row decides for good. At most ``TRIBUTES_COUNTED_PER_ADDRESS`` a day count from one
address (a script that drops its cookie is still one address).
"""

from __future__ import annotations

import datetime
import logging
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from memorials.interface import published_records
from memorials.tributes import conf, counters
from memorials.tributes.kinds import KIND_VALUES
from memorials.tributes.queue import Entry, RedisStreamQueue, get_queue
from siteshell.accounts.addresses import client_ip
from siteshell.cache import ProcessMemo
from siteshell.publicforms.visitor import digest

logger = logging.getLogger(__name__)

COOKIE_NAME = "tributes_visitor"
COOKIE_SALT = "memorials.tributes.visitor"
COOKIE_MAX_AGE = 365 * 24 * 3600


#: How long a hall's existence (its record published) and facility are taken from the cache on
#: the offering path. An offering to a record unpublished meanwhile is not counted: the folder
#: checks again.
HALL_SECONDS = 600


@dataclass(frozen=True)
class HallTarget:
    exists: bool
    facility_id: int | None
    #: The hall's counters if the cache has them (``None`` otherwise: the answer reads no
    #: database, the page shows its numbers until the next visit).
    counts: counters.Counts | None


#: Halls (existence and facility) this process looked up lately, by their cache key: for a
#: minute (the cache keeps them for HALL_SECONDS, and the folder checks the record again).
_targets = ProcessMemo(scale=60)


def hall_target(record_id: int, with_counts: bool = True) -> HallTarget:
    """Whether the hall of ``record_id`` exists, its facility and (``with_counts``) its counters:
    from this process's memos (:data:`_targets`, ``counters.memo``) when it holds them, else in
    one cache call. The offering path reads no record."""
    target_key, counts_key = f"tributes:hall-target:{record_id}", counters.hall_key(record_id)
    target_memo, counts_memo = cache.make_key(target_key), cache.make_key(counts_key)
    target = _targets.get(target_memo)
    counts = counters.memo.get(counts_memo) if with_counts else None
    if target is ProcessMemo.MISSING or counts is ProcessMemo.MISSING:
        keys = [target_key, counts_key] if with_counts else [target_key]
        cached = cache.get_many(keys)
        target = cached.get(target_key)
        if with_counts:
            counts = cached.get(counts_key)
            counters.memo.put(counts_memo, counts)  # None too: not summed yet, the answer says null
        if target is None:
            row = published_records().filter(pk=record_id).values_list("facility_id", flat=True)[:1]
            found = list(row)
            target = [bool(found), found[0] if found else None]
            cache.set(target_key, target, HALL_SECONDS)
        _targets.put(target_memo, target)
    return HallTarget(bool(target[0]), target[1], counters.from_cache(counts))


def counts_come_with_offer(queue) -> bool:
    """Whether ``queue`` answers an offering with its hall's counters (Redis: the folder puts
    them there), so that the offering path need not read them from the cache."""
    return isinstance(queue, RedisStreamQueue)


class QueueUnavailable(Exception):
    """The offering could not be queued: nothing was promised to the visitor."""


@dataclass(frozen=True)
class Acceptance:
    kind: str
    #: Whether it counts (the first of its kind today from this visitor for this hall).
    counted: bool
    #: A new visitor token to give the visitor (``None`` when they have one).
    new_token: str | None = None
    #: The hall's counters as the queue gave them with the offering (Redis), if it had them.
    counts: counters.Counts | None = None

    def set_cookie(self, response) -> None:
        if self.new_token:
            response.set_signed_cookie(
                COOKIE_NAME,
                self.new_token,
                salt=COOKIE_SALT,
                max_age=COOKIE_MAX_AGE,
                httponly=True,
                samesite="Lax",
                secure=getattr(settings, "SESSION_COOKIE_SECURE", False),
            )


def visitor_token(request) -> str | None:
    return request.get_signed_cookie(COOKIE_NAME, default=None, salt=COOKIE_SALT, max_age=COOKIE_MAX_AGE)


def _seconds_left_today(now: datetime.datetime) -> int:
    local = timezone.localtime(now)
    midnight = datetime.datetime.combine(local.date() + datetime.timedelta(days=1), datetime.time(), local.tzinfo)
    return int((midnight - local).total_seconds()) + 60


def accept(request, record_id: int, facility_id: int | None, kind: str, queue=None) -> Acceptance:
    """Accept one offering of ``kind`` to the hall of ``record_id`` (a published record the view
    found) into ``queue`` (the configured one by default). Raises :class:`QueueUnavailable` when
    it cannot be queued."""
    if kind not in KIND_VALUES:
        raise ValueError(f"unknown offering kind {kind!r}")
    token = visitor_token(request)
    new_token = None
    if not token:
        token = new_token = secrets.token_urlsafe(16)
    now = timezone.now()
    day = timezone.localdate(now)
    visitor = digest(f"tributes:v:{token}")
    address = digest(f"tributes:a:{day.isoformat()}:{client_ip(request) or ''}")
    seconds = _seconds_left_today(now)
    seen_key = f"tributes:seen:{day.isoformat()}:{record_id}:{kind}:{visitor}"
    address_key = f"tributes:addr:{day.isoformat()}:{record_id}:{kind}:{address}"
    entry = Entry(
        record_id=int(record_id),
        facility_id=int(facility_id) if facility_id else None,
        kind=kind,
        day=day,
        visitor=visitor,
        address=address,
        offered_at=now,
    )
    queue = get_queue() if queue is None else queue
    counts = None
    if isinstance(queue, RedisStreamQueue):
        counted, counts = _offer_on_redis(queue, entry, seen_key, address_key, seconds)
    else:
        counted = _offer(queue, entry, seen_key, address_key, seconds)
    if counted and not conf.fold_worker():
        _fold_now()
    return Acceptance(kind, counted=counted, new_token=new_token, counts=counters.from_cache(counts))


def _offer(queue, entry: Entry, seen_key: str, address_key: str, seconds: int) -> bool:
    """The first of its kind today from this visitor (the cache), and from this address within
    the limit: queued, and ``True``."""
    if not cache.add(seen_key, 1, seconds):
        return False
    # One call when the address was seen today (many visitors share one behind a carrier's NAT).
    try:
        from_address = cache.incr(address_key)
    except ValueError:  # its first today (or expired)
        from_address = 1 if cache.add(address_key, 1, seconds) else cache.incr(address_key)
    if from_address > conf.counted_per_address():
        return False
    try:
        queue.put(entry)
    except Exception as error:
        # Not promised: the visitor may try again and count.
        cache.delete(seen_key)
        logger.exception("tributes: an offering could not be queued")
        raise QueueUnavailable from error
    return True


def _offer_on_redis(
    queue: RedisStreamQueue, entry: Entry, seen_key: str, address_key: str, seconds: int
) -> tuple[bool, dict | None]:
    """The same with the queue's Redis keeping the day's keys: one round trip for the three
    steps (a sync worker otherwise waits on each at the peak), which also brings the hall's
    counters."""
    try:
        return queue.offer(entry, seen_key, address_key, seconds, conf.counted_per_address())
    except Exception as error:
        queue.forget(seen_key)
        logger.exception("tributes: an offering could not be queued")
        raise QueueUnavailable from error


def _fold_now() -> None:
    """Without a folding worker: fold what is queued (this offering included) at once. A
    failure leaves the entries queued for the next fold; the visitor's offering is safe."""
    from memorials.tributes.folding import fold_all

    try:
        fold_all(limit=conf.batch_size())
    except Exception:
        logger.exception("tributes: folding in the request failed; the offerings stay queued")
