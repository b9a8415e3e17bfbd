"""Who is locked out or has recent failures, for the unlock view; works with both axes handlers.

The candidates come from the login records (failed and refused logins within the cool-off
window); their current counts from axes' own store (database rows or cache entries).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from axes.conf import settings as axes_settings
from axes.helpers import get_cache, get_cool_off, make_cache_key_list
from axes.models import AccessAttempt
from axes.utils import reset
from django.db.models import Count, Max, Sum
from django.utils import timezone

from siteshell.accounts.lockout import address_failure_limit, username_failure_limit
from siteshell.accounts.models import LoginEvent

USERNAME, ADDRESS = "username", "ip_address"
FAILED = (LoginEvent.Result.FAILURE, LoginEvent.Result.LOCKED)
#: When no cool-off is set (locked until unlocked), look this far back for candidates.
PERMANENT_WINDOW = timedelta(days=30)


@dataclass
class LockEntry:
    kind: str
    value: str
    failures: int
    limit: int
    last_failure: object

    @property
    def locked(self) -> bool:
        return self.failures >= self.limit


def uses_cache_handler() -> bool:
    return "cache" in str(axes_settings.AXES_HANDLER).rsplit(".", 1)[-1].lower()


def window_start():
    cool_off = get_cool_off()
    return timezone.now() - (cool_off or PERMANENT_WINDOW)


def current_failures(kind: str, value: str) -> int:
    if uses_cache_handler():
        return int(get_cache().get(make_cache_key_list([{kind: value}])[0], 0) or 0)
    attempts = AccessAttempt.objects.filter(**{kind: value})
    if get_cool_off():
        attempts = attempts.filter(attempt_time__gte=window_start())
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def entries() -> list[LockEntry]:
    """Usernames and addresses with failures in the window, locked ones first."""
    recent = LoginEvent.objects.filter(result__in=FAILED, time__gte=window_start())
    found = []
    for kind, field, limit in (
        (USERNAME, "username", username_failure_limit()),
        (ADDRESS, "ip_address", address_failure_limit()),
    ):
        rows = recent.exclude(username="") if kind == USERNAME else recent.filter(ip_address__isnull=False)
        for row in rows.values(field).annotate(last=Max("time"), n=Count("id")).order_by("-last")[:200]:
            value = row[field]
            failures = current_failures(kind, value)
            if failures:
                found.append(LockEntry(kind, value, failures, limit, row["last"]))
    return sorted(found, key=lambda entry: (not entry.locked, entry.kind, -entry.last_failure.timestamp()))


def unlock(kind: str, value: str) -> int:
    """Forget the failures of one username or address (axes ``reset``)."""
    if kind == USERNAME:
        return reset(username=value)
    if kind == ADDRESS:
        return reset(ip=value)
    raise ValueError(kind)
