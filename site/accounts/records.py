"""Login records: Django's login signals write a :class:`LoginEvent` each; purged with the audit
trail (``siteshell.audit.purge``, ``manage.py purge_audit_log``)."""

from __future__ import annotations

from axes.handlers.proxy import AxesProxyHandler
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from siteshell.accounts.addresses import client_ip
from siteshell.accounts.models import LoginEvent

USER_AGENT_LENGTH = 255
LOGIN_EVENT_LABEL = "accounts.LoginEvent"
#: Set on the request by the idle-timeout middleware so its logout is recorded as a timeout.
TIMEOUT_FLAG = "accounts_idle_timeout"


def record(request, result, *, user=None, username="") -> LoginEvent:
    meta = getattr(request, "META", {}) if request is not None else {}
    if user is not None and not username:
        username = user.get_username()
    return LoginEvent.objects.create(
        result=result,
        user=user if user is not None and user.pk else None,
        username=str(username or "")[:150],
        ip_address=client_ip(request) if request is not None else None,
        user_agent=str(meta.get("HTTP_USER_AGENT", ""))[:USER_AGENT_LENGTH],
    )


@receiver(user_logged_in, dispatch_uid="accounts.record_login")
def record_login(sender, request, user, **kwargs):
    record(request, LoginEvent.Result.SUCCESS, user=user)


@receiver(user_logged_out, dispatch_uid="accounts.record_logout")
def record_logout(sender, request, user, **kwargs):
    if user is None:
        return
    timed_out = getattr(request, TIMEOUT_FLAG, False)
    record(request, LoginEvent.Result.TIMEOUT if timed_out else LoginEvent.Result.LOGOUT, user=user)


@receiver(user_login_failed, dispatch_uid="accounts.record_failure")
def record_failure(sender, credentials, request=None, **kwargs):
    User = get_user_model()
    username = str((credentials or {}).get(User.USERNAME_FIELD) or (credentials or {}).get("username") or "")
    user = User._default_manager.filter(**{User.USERNAME_FIELD: username}).first() if username else None
    # This receiver runs before axes' (siteshell.accounts is installed first): locked here
    # means the attempt was refused because of an earlier lockout, not the one it causes.
    locked = request is not None and AxesProxyHandler.is_locked(request, credentials)
    record(request, LoginEvent.Result.LOCKED if locked else LoginEvent.Result.FAILURE, user=user, username=username)


def purge(cutoff, *, dry_run=False) -> int:
    """Delete (or count) the records older than ``cutoff``."""
    old = LoginEvent.objects.filter(time__lt=cutoff)
    return old.count() if dry_run else old.delete()[0]
