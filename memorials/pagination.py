"""Pagination at millions of rows: nothing ever counts the whole table or reads past an OFFSET.

- :func:`keyset_paginate` — public pages and the API: pages are found by the last id seen, so a
  deep page costs what the first one does (an index range scan of one page); the last page is
  the first one read from the other end;
- :func:`approximate_count` — totals capped at :data:`COUNT_CAP` and cached;
- :class:`CappedCountPaginator` — the admin listing's numbered pages, counted up to a cap.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.utils.functional import cached_property
from wagtail.admin.paginator import WagtailPaginator

from siteshell.inputs import MAX_ID, bounded_int

COUNT_CAP = 1_000
COUNT_CACHE_SECONDS = 600
#: Rows the admin listing counts at most (``MEMORIALS_ADMIN_COUNT_CAP`` overrides it).
ADMIN_COUNT_CAP = 10_000


@dataclass
class KeysetPage:
    items: list
    next_after: int | None
    prev_before: int | None
    is_first: bool
    #: Nothing follows (the last page, read from the end or reached page by page).
    is_last: bool = False

    @property
    def canonical_after(self) -> int | None:
        """The ``after`` that shows this page when paging forward (``None``: the first page),
        so that the page reached backwards or from the end has one address."""
        return None if self.is_first or not self.items else self.items[0].id - 1


def _int_or_none(value):
    """An id from the request (1 … 2⁶³−1), else ``None``."""
    return bounded_int(value, minimum=1, maximum=MAX_ID)


def keyset_paginate(queryset, *, after=None, before=None, last=False, size=30, with_previous=True) -> KeysetPage:
    """One page of ``queryset`` ordered by ``id``, after or before a given id, or the last one.

    ``after`` and ``before`` are taken as the request gives them (anything but a positive
    integer means the first page). ``last`` reads the last page from the end of the index,
    as cheaply as the first. ``with_previous=False`` pages forward only (the API's cursor)
    and spares the query that looks for a previous page.
    """
    after, before = _int_or_none(after), _int_or_none(before)
    if last and with_previous:
        rows = list(queryset.order_by("-id")[: size + 1])
        has_prev = len(rows) > size
        items = rows[:size][::-1]
        return KeysetPage(
            items=items,
            next_after=None,
            prev_before=items[0].id if items and has_prev else None,
            is_first=not has_prev,
            is_last=True,
        )
    if before is not None and with_previous:
        rows = list(queryset.filter(id__lt=before).order_by("-id")[: size + 1])
        has_prev = len(rows) > size
        items = rows[:size][::-1]
        has_next = True
    else:
        base = queryset.filter(id__gt=after) if after is not None else queryset
        rows = list(base.order_by("id")[: size + 1])
        has_next = len(rows) > size
        items = rows[:size]
        has_prev = with_previous and after is not None and queryset.filter(id__lte=after).exists()
    if before is not None and with_previous and not items:
        # Past the start (a stale link): fall back to the first page.
        return keyset_paginate(queryset, size=size)
    return KeysetPage(
        items=items,
        next_after=items[-1].id if items and has_next else None,
        prev_before=items[0].id if items and has_prev else None,
        is_first=not has_prev,
        is_last=not has_next,
    )


def approximate_count(queryset, cap=COUNT_CAP):
    """``(count, is_capped)``: counts at most ``cap`` rows, cached per query for ten minutes."""
    key = "memorials:count:" + hashlib.sha1(str(queryset.query).encode()).hexdigest()
    cached = cache.get(key)
    if cached is None:
        cached = queryset.order_by()[: cap + 1].count()
        cache.set(key, cached, COUNT_CACHE_SECONDS)
    return min(cached, cap), cached > cap


class CappedCountPaginator(WagtailPaginator):
    """A paginator that never counts a whole table: it counts at most ``cap + 1`` rows (a
    ``LIMIT``ed subquery, an index range scan) and reports "10,000+" beyond the cap.

    Pages past the cap are not offered; staff narrow the list with the filters or the search.
    """

    def __init__(
        self,
        object_list,
        per_page,
        orphans=0,
        allow_empty_first_page=True,
        *,
        cap=ADMIN_COUNT_CAP,
        parts=None,
        **kwargs,
    ):
        super().__init__(object_list, per_page, orphans, allow_empty_first_page, **kwargs)
        self.cap = cap
        #: Disjoint conditions that split a list ordered by ``id`` into lists an index each
        #: delivers in order (see ``page()``); ``None``: one query.
        self.parts = parts

    @cached_property
    def _rows_counted(self):
        rows = self.object_list
        if hasattr(rows, "query"):
            return rows.order_by()[: self.cap + 1].count()
        return len(rows)

    @cached_property
    def count(self):
        return min(self._rows_counted, self.cap)

    @cached_property
    def is_capped(self):
        return self._rows_counted > self.cap

    @cached_property
    def items_count_label(self):
        if self.is_capped:
            return f"{self.cap:,}+ {self.verbose_name_plural}"
        return super().items_count_label

    def page(self, number):
        """The page's ids first (an index-only scan, sorted without reading the rows), then
        its rows by primary key: a deep page with a filter reads 50 rows, not thousands."""
        rows = self.object_list
        if not hasattr(rows, "values_list"):
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        if self.parts:
            # Each part read in index order up to the end of the page, merged: no sorting of
            # every matching row, however rare or common the filtered value.
            ids = []
            for part in self.parts:
                ids += rows.filter(part).values_list("pk", flat=True)[:top]
            ids.sort(reverse=str(rows.query.order_by[0]).startswith("-"))
            ids = ids[bottom:top]
        else:
            ids = list(rows.values_list("pk", flat=True)[bottom:top])
        by_id = rows.order_by().in_bulk(ids) if ids else {}
        return self._get_page([by_id[pk] for pk in ids if pk in by_id], number, self)
