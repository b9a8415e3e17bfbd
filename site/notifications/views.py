"""The public status page: a submitter enters the tracking code and the second factor.

The lookup is a POST (no code in an address, a history or an access log), rate limited per
address (``NOTIFICATIONS_TRACK_RATE``, django-ratelimit's form ``"10/10m"``) and per code
(``NOTIFICATIONS_TRACK_CODE_RATE``, counting wrong pairs only); every wrong pair, unknown code
or malformed code gets the same answer. The page is never cached anywhere
(``Cache-Control: private, no-store``).

The form is protected as every public form is (``siteshell.publicforms``): a honeypot (a bot
that fills it gets the wrong-pair answer), field limits and character checks, and a CAPTCHA
after a few wrong pairs (``PUBLIC_FORM_RATES["notifications.track"]``, default three an hour per
visitor, twenty per address); the rate limits above stay this page's own.
"""

from __future__ import annotations

import math

from django.conf import settings
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import get_usage

from siteshell.notifications.codes import normalise_code
from siteshell.notifications.factors import get_factor_kind
from siteshell.notifications.forms import TrackForm
from siteshell.notifications.tracking import find_submission
from siteshell.publicforms import guard

DEFAULT_RATE = "10/10m"
DEFAULT_CODE_RATE = "20/h"
WRONG_PAIR = _("查询码或验证信息不正确，请核对后重新输入。")
#: The page's own limits above count lookups; the shared protection counts only wrong pairs.
PROTECTION_RATES = {"visitor": None, "address": None}


def _code_key(group, request):
    return normalise_code(request.POST.get("code"))


def _address_limit(request) -> int | None:
    """Seconds until this address may look up again, when this lookup is one too many."""
    rate = getattr(settings, "NOTIFICATIONS_TRACK_RATE", DEFAULT_RATE)
    usage = get_usage(request, group="notifications.track", key="ip", rate=rate, method="POST", increment=True)
    return max(usage["time_left"], 1) if usage and usage["should_limit"] else None


def _code_limit(request, *, count_failure=False) -> int | None:
    """Seconds until the code typed may be tried again, when it had too many wrong pairs.
    Only wrong pairs count (``count_failure``)."""
    rate = getattr(settings, "NOTIFICATIONS_TRACK_CODE_RATE", DEFAULT_CODE_RATE)
    if not rate or not _code_key(None, request):  # a malformed code cannot match anyway
        return None
    usage = get_usage(
        request, group="notifications.track-code", key=_code_key, rate=rate, method="POST", increment=count_failure
    )
    return max(usage["time_left"], 1) if usage and usage["count"] >= usage["limit"] else None


def _no_store(response):
    patch_cache_control(response, private=True, no_store=True)
    return response


@require_http_methods(["GET", "POST"])
def track(request):
    kind = get_factor_kind(request.GET.get("factor"))
    protection = guard(request, "notifications.track", defaults=PROTECTION_RATES)
    form = TrackForm(protection.data, factor_kind=kind, protection=protection)
    status = None
    if protection.posted:
        wait = _address_limit(request) or _code_limit(request)
        if wait:
            return protection.finish(_too_many(request, wait))
        if form.is_valid():
            honest = protection.accepts(form)  # a filled honeypot gets the wrong-pair answer
            submission = find_submission(form.cleaned_data["code"], form.cleaned_data["factor"]) if honest else None
            if submission is None:
                _code_limit(request, count_failure=True)
                protection.record_submission()
                form.add_error(None, WRONG_PAIR)
            else:
                status = submission.tracking_status()
                # The page does not repeat what was typed.
                form = TrackForm(factor_kind=kind, protection=protection)
    context = {"form": form, "status": status, "factor_kind": kind}
    return _no_store(protection.finish(render(request, "notifications/track.html", context)))


def _too_many(request, seconds):
    minutes = max(1, math.ceil(seconds / 60))
    response = render(request, "notifications/track_limited.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(seconds)
    return _no_store(response)
