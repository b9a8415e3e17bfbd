"""Browsing the archive A–Z (the surname's pinyin initial) and by province (籍贯).

How many published records each letter and each province holds is counted by two grouped
queries, each reading one index from end to end (``(live, surname_initial, id)`` and
``(live, native_province, id)``): about two seconds at two million records, far too costly for
a request, so the counts are cached and counted by a background task (:func:`recount`, in
``django_tasks`` as the imports are). Fresh counts are kept :data:`FRESH_SECONDS`; after that
the next request queues a recount and is shown the previous counts (kept a day) meanwhile. A
record saved or deleted by staff brings the recount forward to a minute later (not at once: an
editing session would recount for every save); an import, which writes without signals, shows
within :data:`FRESH_SECONDS`. Until the first count is done (a new site, an emptied cache) the
page shows every letter as a link and the provinces without counts.

With the immediate task backend (development, tests, a small site without a worker) the
request that queues the recount runs it itself.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from functools import cached_property
from urllib.parse import quote_plus, urlencode

from django.core.cache import cache
from django.db.models import Count
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.formats import number_format
from django.utils.translation import ngettext
from django_tasks import task

from memorials.models import MartyrRecord
from memorials.places import PROVINCE_NAMES
from memorials.surnames import LETTERS

COUNTS_KEY = "memorials:browse-counts:1"
COUNTING_KEY = "memorials:browse-counting:1"
FRESH_SECONDS = 15 * 60
#: How soon after a record changes the counts are renewed.
RENEW_AFTER_CHANGE_SECONDS = 60
KEEP_SECONDS = 24 * 3600
#: How long a queued recount may take before another request queues one again.
COUNTING_SECONDS = 300


@dataclass(frozen=True)
class BrowseCounts:
    """Published records per pinyin letter and per province, and in all."""

    letters: dict = field(default_factory=dict)
    provinces: dict = field(default_factory=dict)
    total: int = 0
    counted_at: float = 0.0

    @property
    def is_fresh(self) -> bool:
        return time.time() - self.counted_at < FRESH_SECONDS


def count_now() -> BrowseCounts:
    """Counts the published records by letter and by province (two grouped index scans)."""
    published = MartyrRecord.objects.published().order_by()
    letters = dict(published.values_list("surname_initial").annotate(n=Count("pk")).values_list("surname_initial", "n"))
    provinces = dict(
        published.values_list("native_province").annotate(n=Count("pk")).values_list("native_province", "n")
    )
    return BrowseCounts(
        letters={letter: n for letter, n in letters.items() if letter},
        provinces={name: n for name, n in provinces.items() if name},
        total=sum(letters.values()),
        counted_at=time.time(),
    )


@task()
def recount() -> int:
    """Counts again unless the counts are fresh (a recount queued twice counts once); the
    number of published records."""
    try:
        cached = cache.get(COUNTS_KEY)
        if isinstance(cached, BrowseCounts) and cached.is_fresh:
            return cached.total
        counts = count_now()
        cache.set(COUNTS_KEY, counts, KEEP_SECONDS)
        return counts.total
    finally:
        cache.delete(COUNTING_KEY)


def browse_counts() -> BrowseCounts | None:
    """The cached counts; when they are stale or missing, a recount is queued (by one request
    at a time) and the previous counts are returned, ``None`` if there are none yet."""
    cached = cache.get(COUNTS_KEY)
    if isinstance(cached, BrowseCounts) and cached.is_fresh:
        return cached
    if cache.add(COUNTING_KEY, 1, COUNTING_SECONDS):
        recount.enqueue()
        if not isinstance(cached, BrowseCounts) or not cached.is_fresh:
            # The immediate backend has counted already; a worker has not.
            cached = cache.get(COUNTS_KEY, cached)
    return cached if isinstance(cached, BrowseCounts) else None


def forget_counts():
    """Drops the cached counts (the next request queues a recount)."""
    cache.delete(COUNTS_KEY)


@receiver(post_save, sender=MartyrRecord, dispatch_uid="memorials-browse-counts-save")
@receiver(post_delete, sender=MartyrRecord, dispatch_uid="memorials-browse-counts-delete")
def renew_counts_soon(**kwargs):
    """The counts are renewed by the first request a minute from now (or sooner, as planned)."""
    cached = cache.get(COUNTS_KEY)
    if isinstance(cached, BrowseCounts):
        soon = time.time() - FRESH_SECONDS + RENEW_AFTER_CHANGE_SECONDS
        if cached.counted_at > soon:
            cache.set(COUNTS_KEY, replace(cached, counted_at=soon), KEEP_SECONDS)


@dataclass(frozen=True)
class Letter:
    letter: str
    #: ``None``: not counted yet.
    count: int | None
    url: str

    @property
    def may_have_names(self) -> bool:
        return self.count is None or self.count > 0


@dataclass(frozen=True)
class Province:
    name: str
    count: int | None
    url: str

    @property
    def count_label(self) -> str:
        """``12,345 位`` (written here rather than by a template tag per province: a tenth of
        the time)."""
        if self.count is None:
            return ""
        number = number_format(self.count, force_grouping=True)
        return ngettext("%(number)s 位", "%(number)s 位", self.count) % {"number": number}


class ArchiveBrowse:
    """What the archive list shows about browsing: the A–Z bar, the provinces, the number of
    records listed and the list's canonical address.

    Links are written with the filters in effect, in one order (the filter set's), the page
    left out: the same list always has the same address."""

    def __init__(self, filterset, counts: BrowseCounts | None = None):
        self.active = {name: str(value) for name, value in filterset.active_values().items()}
        #: The filters' parameters, in the filter set's order.
        self.parameters = list(filterset.filters)
        self.counts = counts if counts is not None else browse_counts()

    @property
    def letter(self) -> str:
        return self.active.get("initial", "")

    @property
    def province(self) -> str:
        return self.active.get("province", "")

    def query(self, **changes) -> str:
        """``?…`` of the filters in effect with ``changes`` (``None`` drops a filter)."""
        values = {**self.active, **changes}
        pairs = [(name, values[name]) for name in self.parameters if values.get(name) is not None]
        return "?" + urlencode(pairs)

    def _prefixed(self, name):
        """``(prefix, suffix)`` around ``name=<value>`` in :meth:`query`, worked out once for
        a list of links that differ only in ``name``."""
        marker = "\x00"
        query = self.query(**{name: marker})
        prefix, suffix = query.split(f"{name}=%00", 1)
        return prefix + f"{name}=", suffix

    def letters(self) -> list[Letter]:
        """Every letter A–Z, with the records under it (0: shown, but not as a link)."""
        prefix, suffix = self._prefixed("initial")
        counts = self.counts.letters if self.counts else None
        return [
            Letter(letter, counts.get(letter, 0) if counts is not None else None, prefix + letter + suffix)
            for letter in LETTERS
        ]

    def provinces(self) -> list[Province]:
        """The provinces that have records, in the gazetteer's order (every province, without
        counts, before the first count)."""
        prefix, suffix = self._prefixed("province")
        counts = self.counts.provinces if self.counts else None
        names = PROVINCE_NAMES if counts is None else [name for name in PROVINCE_NAMES if name in counts]
        return [
            Province(name, counts[name] if counts is not None else None, prefix + quote_plus(name) + suffix)
            for name in names
        ]

    def all_letters_url(self) -> str:
        return self.query(initial=None)

    def all_provinces_url(self) -> str:
        return self.query(province=None)

    @cached_property
    def province_counts_apply(self) -> bool:
        """Whether a province's count is what its link lists (no other filter narrows it)."""
        return self.counts is not None and not set(self.active) - {"province"}

    def known_count(self) -> int | None:
        """The number of records listed when the cached counts know it (everything, one
        letter or one province); ``None`` otherwise (the list counts, capped)."""
        if self.counts is None:
            return None
        keys = set(self.active)
        if not keys:
            return self.counts.total
        if keys == {"initial"}:
            return self.counts.letters.get(self.letter, 0)
        if keys == {"province"}:
            return self.counts.provinces.get(self.province, 0)
        return None

    def canonical_query(self, keyset) -> str:
        """The list's query in one order, with only the filters in effect and the page as paging
        forward reaches it (``?after=``): one address for one list page."""
        query = self.query()
        after = keyset.canonical_after
        if after is not None:
            query += ("&" if len(query) > 1 else "") + urlencode({"after": after})
        return query[1:]
