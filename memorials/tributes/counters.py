"""Counters, read from the cache.

A hall's, a facility's and the site's counters are the sums of their daily rows
(:class:`~memorials.tributes.models.TributeCount`); a period's (a ceremony's) are the site's days
in it. Each is cached for ``TRIBUTES_COUNTER_SECONDS``; the folder puts the new sums of what it
changed in the cache at once (:func:`refresh`), so with a shared cache (Redis) the numbers are
right as soon as an offering is folded.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Sum
from django.utils import timezone

from memorials.tributes import conf
from memorials.tributes.kinds import KIND_VALUES
from memorials.tributes.models import Scope, TributeCount
from siteshell.cache import ProcessMemo, per_process


@dataclass(frozen=True)
class Counts:
    """Offerings by kind (``counts.flower`` …, ``counts.total``)."""

    flower: int = 0
    candle: int = 0
    bow: int = 0
    salute: int = 0
    wreath: int = 0

    @property
    def total(self) -> int:
        return self.flower + self.candle + self.bow + self.salute + self.wreath

    def as_dict(self) -> dict[str, int]:
        return {**{kind: getattr(self, kind) for kind in KIND_VALUES}, "total": self.total}

    @classmethod
    def from_rows(cls, rows) -> Counts:
        """From ``(kind, count)`` pairs (unknown kinds ignored)."""
        values = {kind: int(count or 0) for kind, count in rows if kind in KIND_VALUES}
        return cls(**values)


def _key(scope: str, scope_id: int) -> str:
    return f"tributes:counts:{scope}:{scope_id}"


def _sum(queryset) -> Counts:
    return Counts.from_rows(queryset.values("kind").annotate(n=Sum("count")).values_list("kind", "n"))


def _compute(scope: str, scope_id: int) -> Counts:
    return _sum(TributeCount.objects.filter(scope=scope, scope_id=scope_id))


#: Counters this process read in the last ``LOCAL_MEMO_SECONDS``: a hall page served many times
#: a second reads its counters from Redis once a second (cleared by :func:`refresh` here).
memo = ProcessMemo()


def _cached(key: str, compute) -> Counts:
    memo_key = cache.make_key(key)
    value = memo.get(memo_key)
    if value is ProcessMemo.MISSING or value is None:
        value = cache.get(key)
        if value is None:
            value = compute().as_dict()
            cache.set(key, value, conf.counter_seconds())
        memo.put(memo_key, value)
    return from_cache(value)


def hall_key(record_id: int) -> str:
    """The cache key of a hall's counters (to read them with other keys in one call)."""
    return _key(Scope.HALL, int(record_id))


def from_cache(value) -> Counts | None:
    """Counters as the cache holds them (``None`` when it does not)."""
    return None if value is None else Counts(**{kind: value.get(kind, 0) for kind in KIND_VALUES})


def hall(record_id: int) -> Counts:
    return _cached(_key(Scope.HALL, int(record_id)), lambda: _compute(Scope.HALL, int(record_id)))


def facility(facility_id: int) -> Counts:
    return _cached(_key(Scope.FACILITY, int(facility_id)), lambda: _compute(Scope.FACILITY, int(facility_id)))


def site() -> Counts:
    return _cached(_key(Scope.SITE, 0), lambda: _compute(Scope.SITE, 0))


def period(start: datetime.date, end: datetime.date) -> Counts:
    """Everything offered on the site from ``start`` to ``end`` (both included)."""
    return _cached(
        f"tributes:counts:period:{start.isoformat()}:{end.isoformat()}",
        lambda: _sum(TributeCount.objects.filter(scope=Scope.SITE, scope_id=0, day__range=(start, end))),
    )


def today() -> Counts:
    day = timezone.localdate()
    return period(day, day)


def cache_shared() -> bool:
    """Whether other processes read the counters this one caches (Redis). A folder beside the
    web server refreshes them only then: the embedded default's cache is each process's own,
    and the web workers sum the counters again when theirs expire."""
    return not per_process("default")


def refresh(scopes) -> dict[int, Counts]:
    """Sum again the counters of ``scopes`` (``(scope, id)`` pairs) and cache them, with
    today's site counters: called by the folder after it committed. Returns the halls' new
    counters by record id."""
    by_scope = {}
    for scope, scope_id in set(scopes):
        by_scope.setdefault(scope, set()).add(int(scope_id))
    values, halls = {}, {}
    for scope, ids in by_scope.items():
        # One grouped sum per kind of scope: a batch touches hundreds of halls at the peak.
        rows = {scope_id: [] for scope_id in ids}
        summed = (
            TributeCount.objects.filter(scope=scope, scope_id__in=ids)
            .values("scope_id", "kind")
            .annotate(n=Sum("count"))
            .values_list("scope_id", "kind", "n")
        )
        for scope_id, kind, number in summed:
            rows[scope_id].append((kind, number))
        summed_counts = {scope_id: Counts.from_rows(pairs) for scope_id, pairs in rows.items()}
        values.update({_key(scope, scope_id): counts.as_dict() for scope_id, counts in summed_counts.items()})
        if scope == Scope.HALL:
            halls = summed_counts
    day = timezone.localdate()
    values[f"tributes:counts:period:{day.isoformat()}:{day.isoformat()}"] = _sum(
        TributeCount.objects.filter(scope=Scope.SITE, scope_id=0, day=day)
    ).as_dict()
    cache.set_many(values, conf.counter_seconds())
    memo.clear()
    return halls
