"""Counts for the inbox, the menu badge and the dashboard, cached briefly.

Each count is one indexed query (``moderation_indexes``); the results are kept for
``MODERATION_COUNTS_CACHE_SECONDS`` (default 30) and dropped at once by every decision and
report (:func:`invalidate` moves a version number that is part of every key).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from siteshell.moderation.models import ModerationStatus, Report

VERSION_KEY = "moderation:counts:version"


def _seconds() -> int:
    return int(getattr(settings, "MODERATION_COUNTS_CACHE_SECONDS", 30))


def _version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, None)
        version = cache.get(VERSION_KEY) or 1
    return version


def invalidate() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)


def today_start() -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time.min))


def _cached(name, compute):
    key = f"moderation:counts:{_version()}:{name}:{timezone.localdate().isoformat()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, _seconds())
    return value


def kind_counts(kind) -> dict[str, int]:
    """``pending``, ``flagged`` (pending with sensitive words) and ``today`` (submitted today)."""

    def compute():
        objects = kind.model._default_manager
        pending = objects.filter(moderation_status=ModerationStatus.PENDING)
        return {
            "pending": pending.count(),
            "flagged": pending.filter(screening_flagged=True).count(),
            "today": objects.filter(submitted_at__gte=today_start()).count(),
        }

    return _cached(kind.slug, compute)


def open_reports() -> int:
    return _cached("reports", lambda: Report.objects.filter(status=Report.Status.OPEN).count())


def reports_today() -> int:
    return _cached("reports-today", lambda: Report.objects.filter(created_at__gte=today_start()).count())


def total_waiting(kinds) -> int:
    """Everything waiting for a moderator: pending items of every kind and open reports."""
    return sum(kind_counts(kind)["pending"] for kind in kinds) + open_reports()
