"""Staff session middleware: idle timeout, then the second factor (after django-otp's
``OTPMiddleware`` and Django's ``MessageMiddleware``)."""

from __future__ import annotations

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _

from siteshell.accounts import twofactor
from siteshell.accounts.records import TIMEOUT_FLAG

LAST_ACTIVITY_KEY = "accounts_last_activity"
#: Write the session at most this often just to move the last-activity time on.
ACTIVITY_WRITE_SECONDS = 30
#: The views a user who still owes the second factor may open.
OPEN_VIEWS = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "accounts_admin:enrol",
    "accounts_admin:verify",
    "accounts_admin:recovery",
    "accounts_admin:recovery_codes",
}


def admin_prefix() -> str:
    return reverse("wagtailadmin_home")


def idle_timeout_seconds() -> int:
    return max(1, int(getattr(settings, "ACCOUNTS_IDLE_TIMEOUT_MINUTES", 30))) * 60


def login_redirect(request):
    query = urlencode({"next": request.get_full_path()}) if request.method == "GET" else ""
    return redirect(reverse("wagtailadmin_login") + (f"?{query}" if query else ""))


class IdleTimeoutMiddleware:
    """Signed-in users are signed out after ``ACCOUNTS_IDLE_TIMEOUT_MINUTES`` without a request.
    Public visitors (not signed in) are untouched."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            last = request.session.get(LAST_ACTIVITY_KEY)
            if isinstance(last, int) and now - last > idle_timeout_seconds():
                setattr(request, TIMEOUT_FLAG, True)
                logout(request)
                if request.path.startswith(admin_prefix()):
                    messages.warning(request, _("长时间未操作，已自动退出，请重新登录"))
                    return login_redirect(request)
            elif not isinstance(last, int) or now - last >= ACTIVITY_WRITE_SECONDS:
                request.session[LAST_ACTIVITY_KEY] = now
        return self.get_response(request)


def view_name(request) -> str:
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return ""
    return match.view_name


class TwoFactorMiddleware:
    """An admin request from a user who must use 2FA (``twofactor.must_use_2fa``) and has not
    verified this session goes to the verify page (device enrolled) or the enrol page (none),
    with ``next`` kept."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and request.path.startswith(admin_prefix())
            and not twofactor.is_verified(request)
            and twofactor.must_use_2fa(user)
            and view_name(request) not in OPEN_VIEWS
        ):
            target = "accounts_admin:verify" if twofactor.has_device(user) else "accounts_admin:enrol"
            next_path = request.get_full_path() if request.method == "GET" else admin_prefix()
            return redirect(f"{reverse(target)}?{urlencode({'next': next_path})}")
        return self.get_response(request)
