"""The live fragments of the halls (``{% live %}``, ``siteshell.pagecache``): counters are filled
in on every serve of a cached page, read from the cache (:mod:`memorials.tributes.counters`)."""

from __future__ import annotations

import datetime
from functools import lru_cache

from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language

from memorials.tributes import counters
from memorials.tributes.kinds import COUNTER_LABELS, ONE_TAP, OfferingKind
from siteshell import pagecache


def _number(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


KINDS_SHOWN = (*ONE_TAP, OfferingKind.WREATH)


def render_counts(counts, *, label) -> str:
    """``<ul class="tributes-counters">`` with a number per kind. Built here rather than by a
    template, and kept for the same numbers: it is filled into every serve of a cached hall,
    record and ceremony page."""
    return _rendered(tuple(getattr(counts, kind.value) for kind in KINDS_SHOWN), label, get_language())


@lru_cache(maxsize=4096)
def _rendered(numbers, label, language) -> str:
    items = format_html_join(
        "",
        '<li class="tributes-counters__item"><span class="tributes-counters__number" data-kind="{}">{}</span>'
        ' <span class="tributes-counters__label">{}</span></li>',
        ((kind.value, f"{number:,}", COUNTER_LABELS[kind]) for kind, number in zip(KINDS_SHOWN, numbers, strict=True)),
    )
    return format_html(
        '<ul class="tributes-counters tributes-counters--{}" data-tributes-counters>{}</ul>', label, items
    )


def hall_counters(request, record_id) -> str:
    number = _number(record_id)
    if number is None:
        return ""
    return render_counts(counters.hall(number), label="hall")


def facility_counters(request, facility_id) -> str:
    number = _number(facility_id)
    if number is None:
        return ""
    return render_counts(counters.facility(number), label="facility")


def period_counters(request, start, end) -> str:
    try:
        start, end = datetime.date.fromisoformat(str(start)), datetime.date.fromisoformat(str(end))
    except ValueError:
        return ""
    return render_counts(counters.period(start, end), label="period")


def site_total(request) -> str:
    return f"{counters.site().total:,}"


def register() -> None:
    pagecache.register_live("tributes.counters", hall_counters)
    pagecache.register_live("tributes.facility_counters", facility_counters)
    pagecache.register_live("tributes.period_counters", period_counters)
    pagecache.register_live("tributes.site_total", site_total)
