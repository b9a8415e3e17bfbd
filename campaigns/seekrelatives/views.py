"""The campaign page's public routes: the list of martyrs sought, the clue form, the clue
status page and the form that adds information to a clue.

The clue form and the status page are protected as every public form is
(``siteshell.publicforms``); the status page's lookups are limited per address and per code as
the shell's ``/track/`` is (same settings). Adding information is reached only with a signed,
short-lived token handed out on the confirmation and status pages; it takes files, so it keeps
its own body limit and rate (per clue and per address) instead of the public forms' 128 KB.
"""

from __future__ import annotations

import math

from django.core import signing
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django_ratelimit.core import get_usage
from wagtail.log_actions import log

from campaigns.seekrelatives import attachments, conf, grouping, messaging
from campaigns.seekrelatives.forms import AdditionForm, ClueForm
from campaigns.seekrelatives.models import Clue, ClueAddition, ClueAttachment, SoughtMartyr
from campaigns.seekrelatives.routing import handles
from search import documents as search_documents
from search import service as search_service
from siteshell import pagecache
from siteshell.inputs import MAX_PAGE, bounded_int, clean_query
from siteshell.moderation.models import ModerationStatus
from siteshell.notifications import find_submission, issue_tracking_code
from siteshell.notifications.codes import format_code, generate_code, normalise_code
from siteshell.notifications.factors import PHONE_LAST4, get_factor_kind
from siteshell.notifications.forms import TrackForm
from siteshell.notifications.views import WRONG_PAIR
from siteshell.privacy.consent import record_consent
from siteshell.publicforms import guard, store_first

ADDITION_SALT = "seekrelatives.addition"
#: The facts of a record the list shows, and names as missing when the record lacks them.
FACTS = ("native_place", "unit", "death", "death_place", "burial_place")


def fact_labels():
    return {
        "native_place": _("籍贯"),
        "unit": _("部队"),
        "death": _("牺牲时间"),
        "death_place": _("牺牲地点"),
        "burial_place": _("安葬地"),
    }


def no_store(response):
    patch_cache_control(response, private=True, no_store=True)
    return response


# -- the list ---------------------------------------------------------------------------------


def listed(entry, page, request):
    """One entry as the list shows it: what is known of the martyr and what is missing."""
    summary = entry.summary()
    labels = fact_labels()
    return {
        "entry": entry,
        "summary": summary,
        "known": [(labels[key], summary[key]) for key in FACTS if summary[key]],
        "missing": [labels[key] for key in FACTS if not summary[key]],
        "record_url": entry.get_url(request),
        "clue_url": page.route_url("clue") + f"?martyr={entry.pk}",
        "found": getattr(entry, "found", False),
    }


@handles("index")
def campaign_index(request, page):
    params = clean_query(request.GET) or {}
    query = (params.get("q") or "").strip()
    published = SoughtMartyr.objects.published()
    provinces = list(
        published.exclude(native_province="")
        .order_by("native_province")
        .values_list("native_province", flat=True)
        .distinct()
    )
    province = params.get("province") if params.get("province") in provinces else ""
    number = bounded_int(params.get("page"), maximum=MAX_PAGE, default=1)
    if query:
        results = search_service.search(
            query,
            type=search_documents.type_key(SoughtMartyr),
            region=province,
            page=number,
            per_page=page.per_page,
            request=request,
        )
        ids = [int(hit.id) for hit in results.hits]
        found = published.with_found().select_related("record").in_bulk(ids)
        entries = [found[pk] for pk in ids if pk in found]
        pager = {
            "number": results.page,
            "num_pages": results.num_pages,
            "has_previous": results.has_previous,
            "has_next": results.has_next,
            "count": results.total,
        }
    else:
        queryset = published.still_sought().select_related("record")
        if province:
            queryset = queryset.filter(native_province=province)
        paginator = Paginator(queryset, page.per_page)
        current = paginator.get_page(number)
        entries = list(current.object_list)
        pager = {
            "number": current.number,
            "num_pages": paginator.num_pages,
            "has_previous": current.has_previous(),
            "has_next": current.has_next(),
            "count": paginator.count,
        }
    # The list shows what each record says: a corrected record refreshes this page.
    pagecache.tag(request, *(pagecache.object_tag(entry.record) for entry in entries))
    context = page.get_context(request)
    context.update(
        entries=[listed(entry, page, request) for entry in entries],
        pager=pager,
        query=query,
        province=province,
        provinces=provinces,
        searching=bool(query),
        filtered=bool(query or province),
        stories=list(page.stories()[:6]),
        announcements=list(page.announcements()[:5]),
        clue_url=page.route_url("clue"),
        track_url=page.route_url("track"),
    )
    return TemplateResponse(request, "seekrelatives/campaign_page.html", context)


# -- the clue form ------------------------------------------------------------------------------


def _chosen_entry(request):
    pk = bounded_int(request.GET.get("martyr"))
    if pk is None:
        return None
    return SoughtMartyr.objects.published().still_sought().filter(pk=pk).first()


def _save_clue(form, request):
    clue = form.save(commit=False)
    sought = form.cleaned_data.get("sought")
    if sought is not None:
        clue.record = sought.record
        clue.martyr_name = ""
    clue.language = get_language() or "zh-hans"
    record_consent(clue)
    clue.save()
    grouping.group(clue)
    code = issue_tracking_code(clue, clue.mobile[-4:])
    return clue, code


def addition_token(clue) -> str:
    return signing.dumps(clue.pk if clue is not None else 0, salt=ADDITION_SALT, compress=True)


def clue_from_token(token):
    """The clue a token was handed out for, while it is valid and the clue takes additions."""
    try:
        pk = signing.loads(token or "", salt=ADDITION_SALT, max_age=conf.addition_link_seconds())
    except (signing.BadSignature, ValueError, TypeError):
        return None
    pk = bounded_int(pk)
    if pk is None:
        return None
    clue = Clue.objects.select_related("case").filter(pk=pk).first()
    return clue if clue is not None and takes_additions(clue) else None


def takes_additions(clue) -> bool:
    return clue.personal_data_erased_at is None and clue.moderation_status in (
        ModerationStatus.PENDING,
        ModerationStatus.APPROVED,
    )


@handles("clue")
def clue_form(request, page):
    """为烈士寻亲 · 提供线索: no account; the answer is a tracking code and a status page."""
    protection = guard(request, "seekrelatives.clue")
    chosen = _chosen_entry(request)
    form = ClueForm(protection.data, protection=protection, initial={"sought": chosen.pk} if chosen else None)
    if protection.posted and form.is_valid():
        if protection.accepts(form):
            clue, code = store_first(
                lambda: _save_clue(form, request),
                protection.record_submission,
                lambda saved: messaging.confirm_receipt(saved[0], saved[1], request),
            )
        else:  # a filled honeypot: the same answer, nothing stored
            clue, code = None, format_code(generate_code())
        context = page.get_context(request)
        context.update(
            code=code,
            track_url=page.route_url("track"),
            addition_form=AdditionForm(initial={"token": addition_token(clue)}),
            add_url=page.route_url("add"),
        )
        return no_store(protection.finish(TemplateResponse(request, "seekrelatives/clue_sent.html", context)))
    context = page.get_context(request)
    context.update(form=form, chosen=chosen, track_url=page.route_url("track"))
    return protection.finish(TemplateResponse(request, "seekrelatives/clue_form.html", context))


# -- the status page -------------------------------------------------------------------------


def _code_key(group, request):
    return normalise_code(request.POST.get("code"))


def _address_limit(request):
    usage = get_usage(
        request, group="seekrelatives.track", key="ip", rate=conf.track_rate(), method="POST", increment=True
    )
    return max(usage["time_left"], 1) if usage and usage["should_limit"] else None


def _code_limit(request, *, count_failure=False):
    rate = conf.track_code_rate()
    if not rate or not _code_key(None, request):
        return None
    usage = get_usage(
        request, group="seekrelatives.track-code", key=_code_key, rate=rate, method="POST", increment=count_failure
    )
    return max(usage["time_left"], 1) if usage and usage["count"] >= usage["limit"] else None


def too_many(request, seconds):
    minutes = max(1, math.ceil(seconds / 60))
    response = TemplateResponse(request, "notifications/track_limited.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(seconds)
    return no_store(response)


def status_context(clue, page, **extra):
    """What the status page shows of a clue: its stage and the messages meant for its sender."""
    context = {
        "clue": clue,
        "status": clue.tracking_status(),
        "attachment_count": clue.attachments.count(),
        "addition_dates": list(clue.additions.order_by("submitted_at").values_list("submitted_at", flat=True)),
        "can_add": takes_additions(clue),
        "add_url": page.route_url("add"),
    }
    if context["can_add"]:
        context["addition_form"] = extra.pop("addition_form", None) or AdditionForm(
            initial={"token": addition_token(clue)}
        )
    context.update(extra)
    return context


@handles("track")
def track(request, page):
    kind = get_factor_kind(PHONE_LAST4)
    protection = guard(request, "seekrelatives.track", defaults={"visitor": None, "address": None})
    form = TrackForm(protection.data, factor_kind=kind, protection=protection)
    context = page.get_context(request)
    if protection.posted:
        wait = _address_limit(request) or _code_limit(request)
        if wait:
            return protection.finish(too_many(request, wait))
        if form.is_valid():
            honest = protection.accepts(form)
            found = find_submission(form.cleaned_data["code"], form.cleaned_data["factor"]) if honest else None
            if not isinstance(found, Clue):
                _code_limit(request, count_failure=True)
                protection.record_submission()
                form.add_error(None, WRONG_PAIR)
            else:
                context.update(status_context(found, page))
                form = TrackForm(factor_kind=kind, protection=protection)
    context.update(form=form, track_url=page.route_url("track"))
    return no_store(protection.finish(TemplateResponse(request, "seekrelatives/track.html", context)))


# -- adding information ----------------------------------------------------------------------


def _content_length(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _addition_limit(request, clue):
    """Seconds to wait when this clue (from anywhere) or this address added too much today."""
    rate = conf.addition_rate()
    wait = 0
    for group, key in (("seekrelatives.add-clue", lambda g, r: str(clue.pk)), ("seekrelatives.add-ip", "ip")):
        usage = get_usage(request, group=group, key=key, rate=rate, method="POST", increment=True)
        if usage and usage["should_limit"]:
            wait = max(wait, usage["time_left"], 1)
    return wait


def _save_addition(form, clue):
    addition = ClueAddition.objects.create(clue=clue, text=form.cleaned_data.get("text", "").strip())
    for clean in getattr(form, "clean_uploads", []):
        ClueAttachment.objects.create(
            clue=clue,
            addition=addition,
            stored_name=attachments.store(clean),
            mime_type=clean.mime_type,
            size=len(clean.content),
        )
    if clue.case_id:
        log(clue.case, "seekrelatives.addition", data={"clue": clue.pk, "addition": addition.pk})
    return addition


@handles("add")
def add_information(request, page):
    """The sender adds text or files to their clue (the token says which, for two hours)."""
    if request.method != "POST":
        return redirect(page.route_url("track"))
    context = page.get_context(request)
    context.update(form=TrackForm(factor_kind=get_factor_kind(PHONE_LAST4)), track_url=page.route_url("track"))
    if _content_length(request) > conf.upload_max_body():
        context.update(notice=_("上传的文件太大，无法接收。请每次少选几个文件，或把照片拍得小一些。"))
        return no_store(TemplateResponse(request, "seekrelatives/track.html", context, status=413))
    clue = clue_from_token(request.POST.get("token"))
    if clue is None:
        context.update(notice=_("页面已过期，请重新输入查询码和手机号后四位，再补充信息。"))
        return no_store(TemplateResponse(request, "seekrelatives/track.html", context))
    wait = _addition_limit(request, clue)
    if wait:
        return too_many(request, wait)
    form = AdditionForm(request.POST, request.FILES, clue=clue)
    if form.is_valid():
        if not form.honeypot_filled:
            store_first(lambda: _save_addition(form, clue))
        context.update(status_context(clue, page, added=True))
    else:
        context.update(status_context(clue, page, addition_form=form))
    return no_store(TemplateResponse(request, "seekrelatives/track.html", context))
