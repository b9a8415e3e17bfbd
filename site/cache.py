"""Django's Redis cache with one client per connection pool, and whether a cache is shared
between processes at all.

``django.core.cache.backends.redis`` builds a new ``redis.Redis`` for every cache operation, and
redis-py's constructor copies its table of response callbacks each time: about a tenth of a
web worker's time at the peak, when an offering makes half a dozen cache calls
(``bench/tributes_bench.py --postgres --redis``). A client holds no connection of its own (the
pool does, and checks it out per command, safely across threads and after a fork), so one per
pool serves every call.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class ReusedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    """``BACKEND: "siteshell.cache.RedisCache"``: Django's, with the client kept."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient


#: Backends whose entries live in each process's own memory, or nowhere.
PER_PROCESS_BACKENDS = ("LocMemCache", "DummyCache")


def per_process(alias: str = "default") -> bool:
    """Whether what one process writes to the cache ``alias`` stays unseen by the others (the
    embedded default's local memory): no invalidation, count or refresh reaches them."""
    return settings.CACHES.get(alias, {}).get("BACKEND", "").endswith(PER_PROCESS_BACKENDS)


class ProcessMemo:
    """Values a process keeps in its own memory for ``LOCAL_MEMO_SECONDS`` (1 s by default) in
    front of a shared cache: a cached page and a hall's counters are read from Redis at most
    once a second per process at the peak instead of on every request.

    What another process changes is seen here at most that long after; what this process
    changes it clears itself (:meth:`clear`, called by whoever invalidates). Keys should be the
    cache's full keys (``cache.make_key``), so that a changed key prefix or version is a
    different key. Bounded: forgotten all at once when full. ``LOCAL_MEMO_SECONDS=0`` turns
    every memo off."""

    MISSING = object()

    def __init__(self, maximum: int = 10_000, scale: float = 1.0, seconds: float | None = None):
        self.maximum = maximum
        #: Times ``LOCAL_MEMO_SECONDS``: for what changes rarely and is checked again later.
        self.scale = scale
        #: A window of its own instead, whatever ``LOCAL_MEMO_SECONDS`` says.
        self.fixed_seconds = seconds
        self._held: dict = {}

    def seconds(self) -> float:
        if self.fixed_seconds is not None:
            return self.fixed_seconds
        return getattr(settings, "LOCAL_MEMO_SECONDS", 1.0) * self.scale

    def get(self, key):
        """The value kept under ``key``, or :attr:`MISSING`."""
        held = self._held.get(key)
        if held is None:
            return self.MISSING
        if held[0] <= time.monotonic():
            self._held.pop(key, None)
            return self.MISSING
        return held[1]

    def put(self, key, value) -> None:
        seconds = self.seconds()
        if seconds <= 0:
            return
        if len(self._held) >= self.maximum:
            self._held.clear()
        self._held[key] = (time.monotonic() + seconds, value)

    def forget(self, key) -> None:
        self._held.pop(key, None)

    def clear(self) -> None:
        self._held.clear()
