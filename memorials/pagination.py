"""Keyset pagination: pages are found by the last id seen, never by OFFSET.

A deep page costs the same as the first one (an index range scan of one page), and nothing
ever counts the whole table: totals are capped and cached (see :func:`approximate_count`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.core.cache import cache

COUNT_CAP = 1_000
COUNT_CACHE_SECONDS = 600


@dataclass
class KeysetPage:
    items: list
    next_after: int | None
    prev_before: int | None
    is_first: bool


def _int_or_none(value):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def keyset_paginate(queryset, *, after=None, before=None, size=30) -> KeysetPage:
    """One page of ``queryset`` ordered by ``id``, after or before a given id."""
    after, before = _int_or_none(after), _int_or_none(before)
    if before is not None:
        rows = list(queryset.filter(id__lt=before).order_by("-id")[: size + 1])
        has_prev = len(rows) > size
        items = rows[:size][::-1]
        has_next = True
    else:
        base = queryset.filter(id__gt=after) if after is not None else queryset
        rows = list(base.order_by("id")[: size + 1])
        has_next = len(rows) > size
        items = rows[:size]
        has_prev = after is not None and queryset.filter(id__lte=after).exists()
    if before is not None and not items:
        # Past the start (a stale link): fall back to the first page.
        return keyset_paginate(queryset, size=size)
    return KeysetPage(
        items=items,
        next_after=items[-1].id if items and has_next else None,
        prev_before=items[0].id if items and has_prev else None,
        is_first=not has_prev,
    )


def approximate_count(queryset, cap=COUNT_CAP):
    """``(count, is_capped)``: counts at most ``cap`` rows, cached per query for ten minutes."""
    key = "memorials:count:" + hashlib.sha1(str(queryset.query).encode()).hexdigest()
    cached = cache.get(key)
    if cached is None:
        cached = queryset.order_by()[: cap + 1].count()
        cache.set(key, cached, COUNT_CACHE_SECONDS)
    return min(cached, cap), cached > cap
