"""The audit trail's retention (等保 2.0: audit records kept at least 180 days).

Every decision, workflow step, publish, import and view of personal data is a Wagtail log entry
(``log_action``): the admin's history of an item and the site-wide log (报告 → 站点历史) show
them. ``manage.py purge_audit_log`` deletes the entries older than ``AUDIT_LOG_RETENTION_DAYS``
and never anything younger than :data:`MINIMUM_RETENTION_DAYS`, whatever the setting says.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

#: The law's floor: no setting can make the trail shorter.
MINIMUM_RETENTION_DAYS = 180
DEFAULT_RETENTION_DAYS = 365


def retention_days() -> int:
    return int(getattr(settings, "AUDIT_LOG_RETENTION_DAYS", DEFAULT_RETENTION_DAYS))


def effective_retention_days() -> int:
    return max(retention_days(), MINIMUM_RETENTION_DAYS)


def log_entry_models():
    """Every model Wagtail writes log entries to (pages, snippets and other models, plugins')."""
    from wagtail.log_actions import registry

    return sorted(registry.get_log_entry_models(), key=lambda model: model._meta.label)


def purge_before(now=None):
    """The moment before which entries may go."""
    return (now or timezone.now()) - timedelta(days=effective_retention_days())


def purge(*, dry_run=False, now=None) -> dict[str, int]:
    """Delete the entries older than the retention; ``{model label: count}``. The staff login
    records (``accounts.LoginEvent``) go with the same retention."""
    from siteshell.accounts import records

    cutoff = purge_before(now)
    counts = {}
    for model in log_entry_models():
        old = model.objects.filter(timestamp__lt=cutoff)
        counts[model._meta.label] = old.count() if dry_run else old.delete()[0]
    counts[records.LOGIN_EVENT_LABEL] = records.purge(cutoff, dry_run=dry_run)
    return counts
