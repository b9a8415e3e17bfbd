"""The audit trail is kept at least 180 days, whatever the setting says."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from wagtail.models import ModelLogEntry

from siteshell import audit
from siteshell.checks import audit_retention_is_long_enough


def entry_aged(days, user=None):
    from django.contrib.auth.models import Group

    group = Group.objects.get_or_create(name="审计测试")[0]
    from wagtail.log_actions import log

    entry = log(group, "wagtail.edit", user=user)
    ModelLogEntry.objects.filter(pk=entry.pk).update(timestamp=timezone.now() - timedelta(days=days))
    return entry.pk


@pytest.mark.django_db
def test_purge_keeps_what_is_younger_than_the_retention():
    young, old = entry_aged(100), entry_aged(400)
    out = StringIO()
    call_command("purge_audit_log", stdout=out)
    remaining = set(ModelLogEntry.objects.values_list("pk", flat=True))
    assert young in remaining and old not in remaining
    assert "365" in out.getvalue() and "1" in out.getvalue()


@pytest.mark.django_db
@override_settings(AUDIT_LOG_RETENTION_DAYS=30)
def test_a_short_setting_never_purges_within_180_days_and_fails_the_checks():
    kept, gone = entry_aged(179), entry_aged(181)
    call_command("purge_audit_log", stdout=StringIO())
    remaining = set(ModelLogEntry.objects.values_list("pk", flat=True))
    assert kept in remaining and gone not in remaining
    errors = audit_retention_is_long_enough()
    assert [error.id for error in errors] == ["siteshell.E004"]
    assert "180" in errors[0].msg


@pytest.mark.django_db
def test_dry_run_counts_without_deleting():
    old = entry_aged(500)
    out = StringIO()
    call_command("purge_audit_log", "--dry-run", stdout=out)
    assert ModelLogEntry.objects.filter(pk=old).exists()
    assert "将删除 1 条" in out.getvalue()


def test_the_default_setting_passes_the_checks():
    assert audit.effective_retention_days() == 365
    assert audit_retention_is_long_enough() == []
