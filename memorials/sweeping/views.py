"""The public pages: the request form (with a martyr search), the confirmation with the tracking
code, the status page (code + last four digits of the mobile), its photos and the family's
erasure request. None of them is cached anywhere: each answer is for one family."""

from __future__ import annotations

import logging
import math

from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from memorials.interface import get_published_record, record_grave, record_summary, search_records
from memorials.sweeping import lookup, workflow
from memorials.sweeping.family import tell_family
from memorials.sweeping.forms import EraseForm, SweepingRequestForm, search_query
from siteshell.notifications import PHONE_LAST4, issue_tracking_code
from siteshell.notifications.codes import format_code, generate_code
from siteshell.notifications.factors import get_factor_kind
from siteshell.notifications.forms import TrackForm
from siteshell.notifications.views import WRONG_PAIR
from siteshell.privacy.consent import record_consent
from siteshell.publicforms import guard, store_first

logger = logging.getLogger(__name__)

#: The status page's own limits are the shell's (``lookup``); the shared protection counts
#: wrong pairs towards the CAPTCHA only.
STATUS_PROTECTION = {"visitor": None, "address": None}


def _private(response):
    patch_cache_control(response, private=True, no_store=True)
    return response


# -- the request form ------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def request_form(request):
    """代祭扫申请. The martyr is picked from the archive (``?q=`` searches it, ``?record=`` picks
    one) or typed; the answer to a valid POST is the confirmation with the tracking code, shown
    once and never in an address."""
    record = get_published_record(request.POST.get("record") or request.GET.get("record"))
    query = "" if record is not None else search_query(request.GET.get("q"))
    found = [record_summary(hit) for hit in search_records(query, limit=10, request=request)] if query else []
    protection = guard(request, "sweeping.request")
    form = SweepingRequestForm(protection.data, protection=protection, record=record, initial=_initial(request))
    if protection.posted and form.is_valid():
        if not protection.accepts(form):
            # A filled honeypot: the same kind of answer, with a code that opens nothing.
            return _private(protection.finish(_confirmation(request, format_code(generate_code()))))
        saved = store_first(
            lambda: _save(form),
            protection.record_submission,
            lambda pair: tell_family(pair[0], "received", code=pair[1]),
        )
        return _private(protection.finish(_confirmation(request, saved[1])))
    context = {
        "form": form,
        "record": record,
        "summary": record_summary(record) if record is not None else None,
        "grave": record_grave(record) if record is not None else "",
        "query": query,
        "found": found,
    }
    return _private(protection.finish(render(request, "sweeping/request_form.html", context)))


def _initial(request) -> dict:
    facility = request.GET.get("facility", "")
    return {"facility": int(facility)} if facility.isdigit() and len(facility) < 10 else {}


def _save(form):
    """The request and its tracking code, in one transaction (``store_first``): a family never
    gets a confirmation without a code, nor a code without a request."""
    sweeping_request = form.save(commit=False)
    sweeping_request.language = get_language() or "zh-hans"
    record_consent(sweeping_request)
    sweeping_request.save()
    return sweeping_request, issue_tracking_code(sweeping_request, sweeping_request.phone[-4:])


def _confirmation(request, code):
    return render(request, "sweeping/request_done.html", {"code": code})


# -- the status page --------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def status(request):
    """代祭扫进度: the steps with their dates, the staff's note and the photos, for whoever has
    the code and the last four digits of the mobile. Every wrong pair gets the same answer."""
    kind = get_factor_kind(PHONE_LAST4)
    protection = guard(request, "sweeping.status", defaults=STATUS_PROTECTION)
    form = TrackForm(protection.data, factor_kind=kind, protection=protection)
    found = None
    if protection.posted:
        wait = lookup.address_limit(request) or lookup.code_limit(request, request.POST.get("code"))
        if wait:
            return _private(protection.finish(_too_many(request, wait)))
        if form.is_valid():
            honest = protection.accepts(form)
            found = lookup.find_request(form.cleaned_data["code"], form.cleaned_data["factor"]) if honest else None
            if found is None:
                lookup.code_limit(request, request.POST.get("code"), count_failure=True)
                protection.record_submission()
                form.add_error(None, WRONG_PAIR)
            else:
                form = TrackForm(factor_kind=kind, protection=protection)  # never repeat what was typed
    context = {"form": form, "found": found}
    if found is not None:
        context.update(_status_context(request, found))
    return _private(protection.finish(render(request, "sweeping/status.html", context)))


def _status_context(request, found):
    photos = list(found.photos.all()) if found.photos_shown else []
    return {
        "steps": found.steps(),
        "next_step": found.NEXT_STEPS[found.status],
        "grave": found.grave_display,
        "photos": [(photo, lookup.photo_token(request, photo)) for photo in photos],
        "erase_form": EraseForm(initial={"access": lookup.access_token(request, found)}, auto_id="erase_%s"),
    }


def _too_many(request, seconds):
    minutes = max(1, math.ceil(seconds / 60))
    response = render(request, "notifications/track_limited.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(seconds)
    return response


@require_GET
def photo(request, token):
    """One photo of a status page: only through the signed link that page gave this visitor.
    ``?download=1`` gives the cleaned original as a file."""
    found = lookup.photo_from_token(request, token)
    if found is None:
        raise Http404
    download = request.GET.get("download") == "1"
    field = found.image if download else found.preview
    try:
        handle = field.storage.open(field.name, "rb")
    except (OSError, ValueError):
        logger.warning("sweeping photo %s: its file is missing", found.pk)
        raise Http404 from None
    extension = field.name.rsplit(".", 1)[-1]
    response = FileResponse(
        handle,
        as_attachment=download,
        filename=f"sweeping-{found.request_id}-{found.pk}.{extension}",
        content_type=found.content_type if download else "image/jpeg",
    )
    response["Content-Security-Policy"] = "default-src 'none'"
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return _private(response)


@require_POST
def erase(request):
    """The family's erasure request (删除我的个人信息), from a status page they opened with the
    code: the signed, expiring ``access`` token proves it."""
    protection = guard(request, "sweeping.erase")
    form = EraseForm(protection.data, protection=protection, auto_id="erase_%s")
    expired = False
    if form.is_valid():
        found = lookup.request_from_access(request, form.cleaned_data["access"]) if protection.accepts(form) else None
        if found is not None:
            workflow.withdraw(found)
            return _private(protection.finish(render(request, "sweeping/erased.html", {})))
        expired = True
    context = {"form": form, "expired": expired}
    return _private(protection.finish(render(request, "sweeping/erase_failed.html", context, status=400)))
