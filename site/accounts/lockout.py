"""Failed-login lockout (django-axes) with two thresholds and a Chinese lockout page.

Failures are counted per username and per address (``AXES_LOCKOUT_PARAMETERS``). A username is
locked after ``AXES_FAILURE_LIMIT`` failures; an address after ``ACCOUNTS_ADDRESS_FAILURE_LIMIT``
(higher: a whole office may share one address behind its NAT). Axes compares one number with one
limit, so the handlers here report each count scaled to the username limit: an address count of
``i`` weighs ``i × username limit ÷ address limit``. Both axes handlers (database on a laptop and
in the tests, cache in production) get the same treatment.
"""

from __future__ import annotations

import math

from axes.conf import settings as axes_settings
from axes.handlers.cache import AxesCacheHandler
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off, get_failure_limit, get_lockout_parameters
from django.conf import settings
from django.db.models import Sum
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

DEFAULT_ADDRESS_LIMIT = 20


def address_failure_limit() -> int:
    return max(1, int(getattr(settings, "ACCOUNTS_ADDRESS_FAILURE_LIMIT", DEFAULT_ADDRESS_LIMIT)))


def username_failure_limit() -> int:
    return int(axes_settings.AXES_FAILURE_LIMIT) if isinstance(axes_settings.AXES_FAILURE_LIMIT, int) else 5


def parameter_limit(parameter, base: int) -> int:
    return address_failure_limit() if parameter == "ip_address" else base


def scaled_failures(request, credentials, counts) -> int:
    """The highest count, each scaled to the username limit (see the module docstring)."""
    base = get_failure_limit(request, credentials)
    parameters = get_lockout_parameters(request, credentials)
    return max(
        (count * base // parameter_limit(parameter, base) for parameter, count in zip(parameters, counts, strict=True)),
        default=0,
    )


class ResetUsernameOnSuccess:
    """A successful login forgets that username's failures, not the address's: one colleague
    signing in must not wipe the count of someone guessing passwords from the same address."""

    def user_logged_in(self, sender, request, user, **kwargs):
        super().user_logged_in(sender, request, user, **kwargs)
        self.reset_attempts(username=user.get_username())


class DatabaseHandler(ResetUsernameOnSuccess, AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        counts = [
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        ]
        return scaled_failures(request, credentials, counts)


class CacheHandler(ResetUsernameOnSuccess, AxesCacheHandler):
    def get_failures(self, request, credentials=None) -> int:
        from axes.helpers import get_client_cache_keys

        counts = [self.cache.get(key, default=0) for key in get_client_cache_keys(request, credentials)]
        return scaled_failures(request, credentials, counts)

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        # The cache handler decides on the raw counts it just incremented; decide again on the
        # scaled ones (the database handler already asks get_failures).
        was_locked = bool(getattr(request, "axes_locked_out", False))
        super().user_login_failed(sender, credentials, request=request, **kwargs)
        if request is None or was_locked or not axes_settings.AXES_LOCK_OUT_AT_FAILURE:
            return
        failures = self.get_failures(request, credentials)
        request.axes_failures_since_start = failures
        request.axes_locked_out = failures >= get_failure_limit(request, credentials)
        if request.axes_locked_out:
            request.axes_credentials = credentials


def retry_minutes(request=None) -> int:
    """Whole minutes until a locked login may try again (each refused try restarts the wait)."""
    cool_off = get_cool_off(request)
    if not cool_off:
        return 0
    return max(1, math.ceil(cool_off.total_seconds() / 60))


def lockout_message(request=None) -> str:
    minutes = retry_minutes(request)
    if minutes:
        return _("登录失败次数过多，账户或地址已被暂时锁定。请于 %(minutes)d 分钟后重试。") % {"minutes": minutes}
    return _("登录失败次数过多，账户或地址已被锁定。请联系站点管理员解除锁定。")


def lockout_response(request, original_response=None, credentials=None):
    """``AXES_LOCKOUT_CALLABLE``: Wagtail's login page with the message, status 429."""
    from wagtail.admin.forms.auth import LoginForm

    status = axes_settings.AXES_HTTP_RESPONSE_CODE
    message = lockout_message(request)
    if request.headers.get("x-requested-with") == "XMLHttpRequest" or request.path.startswith("/api/"):
        return JsonResponse({"detail": message, "retry_minutes": retry_minutes(request)}, status=status)
    username = ""
    if credentials:
        username = str(credentials.get("username", ""))[:150]
    form = LoginForm(request, initial={"username": username})
    context = {"form": form, "lockout_message": message, "next": request.POST.get("next", "")}
    response = TemplateResponse(request, "accounts/lockout.html", context, status=status)
    minutes = retry_minutes(request)
    if minutes:
        response["Retry-After"] = str(minutes * 60)
    return response.render()
