"""Where cached pages live: entries and tag generations in the cache ``PAGE_CACHE_ALIAS``.

A tag's generation is a fresh time-based value written when something it names changes
(:func:`bump`). An entry remembers the generation of each of its tags when it was rendered and is
served only while all of them are unchanged. A generation that is missing (never written,
evicted, the cache restarted) is written anew, so an eviction costs a render, never a stale page.
"""

from __future__ import annotations

import hashlib
import logging
import time
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import caches

from siteshell.cache import ProcessMemo

logger = logging.getLogger("siteshell.pagecache")

#: The tag every entry has: bumped when everything must be rendered again.
GLOBAL = "all"


def cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def _tag_key(tag: str) -> str:
    return "pc:t:" + hashlib.blake2b(tag.encode(), digest_size=16).hexdigest()


def entry_key(variant: str) -> str:
    return "pc:e:" + hashlib.blake2b(variant.encode(), digest_size=20).hexdigest()


def new_generation() -> str:
    """Nanoseconds since the epoch, then a random part: comparable with a request's start time."""
    return f"{time.time_ns():020d}.{uuid.uuid4().hex[:8]}"


def generation_time_ns(generation: str) -> int:
    try:
        return int(generation.split(".", 1)[0])
    except (AttributeError, ValueError):
        return 0


def bump(*tags: str) -> None:
    """Every entry carrying one of ``tags`` is stale from now on (in this process at once, in
    the others after at most ``LOCAL_MEMO_SECONDS``)."""
    if not tags:
        return
    _served.clear()
    generation = new_generation()
    try:
        cache().set_many({_tag_key(tag): generation for tag in set(tags)}, timeout=None)
    except Exception:  # noqa: BLE001 — a cache that is down holds no page to make stale
        logger.exception("pagecache: could not invalidate %s", ", ".join(sorted(tags))[:200])


def generations(tags) -> dict[str, str | None]:
    tags = list(tags)
    found = cache().get_many([_tag_key(tag) for tag in tags])
    return {tag: found.get(_tag_key(tag)) for tag in tags}


def ensure_generations(tags) -> dict[str, str]:
    """The current generation of each tag, writing one for tags that have none."""
    current = generations(tags)
    missing = [tag for tag, generation in current.items() if generation is None]
    for tag in missing:
        key = _tag_key(tag)
        # Time zero: a first generation is not a change that happened during a render.
        cache().add(key, f"{0:020d}.{uuid.uuid4().hex[:8]}", timeout=None)
        current[tag] = cache().get(key)
    return current


@dataclass
class Entry:
    """A stored response: its body with live-fragment markers, the headers to send again, and
    the generations of its tags when it was rendered."""

    status: int
    headers: list[tuple[str, str]]
    content: bytes
    etag: str
    tags: dict[str, str] = field(default_factory=dict)
    per_visitor: bool = False


#: The tags last seen on each entry key, so that a hit reads the entry and its tags' generations
#: in one cache call (one round trip to Redis instead of two). Per process, bounded: forgotten
#: all at once when full, and a wrong guess costs only the second read.
_known_tags: dict[str, tuple[str, ...]] = {}
KNOWN_TAGS_MAX = 20_000


#: Entries this process served in the last ``LOCAL_MEMO_SECONDS``: served again without a cache
#: read (at the peak, the same hall is asked for many times a second).
_served = ProcessMemo()


def load(key: str) -> Entry | None:
    """The entry under ``key`` if every one of its tags is unchanged: from this process's memo
    when it served the entry within ``LOCAL_MEMO_SECONDS``, else one cache read when this process
    has seen the entry before, else two."""
    memo_key = cache().make_key(key)
    entry = _served.get(memo_key)
    if entry is not ProcessMemo.MISSING:
        return entry
    entry = _load(key)
    if entry is not None:
        _served.put(memo_key, entry)
    return entry


def _load(key: str) -> Entry | None:
    known = _known_tags.get(key, ())
    found = cache().get_many([key, *(_tag_key(tag) for tag in known)])
    entry = found.get(key)
    if not isinstance(entry, Entry):
        return None
    if set(entry.tags) == set(known):
        current = {tag: found.get(_tag_key(tag)) for tag in known}
    else:
        _know_tags(key, entry)
        current = generations(entry.tags)
    if any(current[tag] is None or current[tag] != generation for tag, generation in entry.tags.items()):
        return None
    return entry


def _know_tags(key: str, entry: Entry) -> None:
    if len(_known_tags) >= KNOWN_TAGS_MAX:
        _known_tags.clear()
    _known_tags[key] = tuple(entry.tags)


def save(key: str, entry: Entry, started_ns: int, timeout: int) -> bool:
    """Store ``entry`` unless one of its tags was invalidated after ``started_ns`` (the render may
    then show what was there before the change)."""
    entry.tags = ensure_generations(entry.tags)
    margin = int(settings.PAGE_CACHE_CLOCK_SKEW * 1e9)
    if any(generation_time_ns(generation) >= started_ns - margin for generation in entry.tags.values()):
        return False
    cache().set(key, entry, timeout=timeout)
    _served.put(cache().make_key(key), entry)
    _know_tags(key, entry)
    return True


def clear() -> None:
    _served.clear()
    cache().clear()
