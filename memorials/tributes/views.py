"""The public halls: ``/tributes/<record id>/`` for every published record, and the index.

The hall page is cached whole for anonymous visitors (``siteshell.pagecache``); its counters
are live fragments, its forms carry per-visitor tokens filled in on every serve. So the GET
renders the forms without ``guard(...).finish()`` (a cookie would make it uncacheable); the
POSTs go through the guard. Without JavaScript an offering is a form POST answered with a
redirect back to the hall and a thank-you (``?offered=flower``); with JavaScript,
``tributes.js`` sends the same offering to the API (``/api/tributes/halls/<id>/offerings``).
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from memorials.interface import get_published_record, record_photo, record_summary, record_url, search_records
from memorials.tributes import ceremonies, conf, offerings
from memorials.tributes.forms import MessageForm, OfferingForm, WreathForm
from memorials.tributes.kinds import KIND_VALUES, ONE_TAP, OfferingKind, acknowledgement
from memorials.tributes.models import TributeMessage
from memorials.tributes.models.messages import messages_open, messages_tag
from siteshell import pagecache
from siteshell.inputs import MAX_ID, bounded_int, clean_text
from siteshell.publicforms import guard, store_first

OFFERING_FORM_KEY = "tributes.offering"
MESSAGE_FORM_KEY = "tributes.message"
WREATH_FORM_KEY = "tributes.wreath"


def published_record_or_404(record_id):
    """The published record (the hall exists only for those), else a 404 in Chinese."""
    number = bounded_int(record_id, minimum=1, maximum=MAX_ID)
    record = get_published_record(number) if number is not None else None
    if record is None:
        raise Http404(_("没有找到这位烈士的网上纪念馆"))
    return record


def hall_url(record) -> str:
    return reverse("tributes:hall", args=[record.pk])


def offer_api_url(record_id) -> str:
    """The API endpoint ``tributes.js`` sends offerings to."""
    return reverse("api:tributes_offer", args=[record_id])


def public_messages(record_id):
    return TributeMessage.objects.public().filter(record_id=record_id).order_by("-submitted_at", "-id")


# -- the hall ---------------------------------------------------------------------------------


@pagecache.cacheable
def hall(request, record_id):
    return render_hall(request, published_record_or_404(record_id))


def render_hall(request, record, *, message_form=None, notice="", status=200):
    """The hall; after a refused POST with the forms as the visitor filled them."""
    pagecache.tag(request, messages_tag(record.pk))
    open_for_messages = messages_open(record.pk)
    page = None
    if open_for_messages:
        paginator = Paginator(public_messages(record.pk), conf.messages_per_page())
        page = paginator.get_page(request.GET.get("page"))
    offered = request.GET.get("offered")
    summary = record_summary(record)
    context = {
        "record": record,
        "summary": summary,
        "photo": record_photo(record),
        "record_url": record_url(record, request),
        "hall_url": hall_url(record),
        "offer_api": offer_api_url(record.pk),
        "one_tap": ONE_TAP,
        "messages_open": open_for_messages,
        "messages_page": page,
        "message_form": message_form or MessageForm(),
        "acknowledgement": (
            acknowledgement(offered, counted=request.GET.get("again") != "1") if offered in KIND_VALUES else ""
        ),
        "sent": request.GET.get("sent") if request.GET.get("sent") in ("message", "wreath") else "",
        "notice": notice,
    }
    return TemplateResponse(request, "tributes/hall.html", context, status=status)


# -- posts --------------------------------------------------------------------------------------


def _redirect(url):
    response = HttpResponseRedirect(url)
    response.status_code = 303  # see the hall again with GET
    return response


@require_POST
def offer(request, record_id):
    """One tap without JavaScript: counted (or acknowledged) and back to the hall."""
    record = published_record_or_404(record_id)
    protection = guard(request, OFFERING_FORM_KEY, defaults=conf.offering_rates())
    if protection.refusal:
        return protection.finish(render_hall(request, record, notice=protection.refusal))
    form = OfferingForm(protection.data)
    if not form.is_valid():
        return render_hall(request, record, notice=_("请选择祭奠方式后再提交。"), status=400)
    kind = form.cleaned_data["kind"]
    try:
        accepted = offerings.accept(request, record.pk, record.facility_id, kind)
    except offerings.QueueUnavailable:
        return render_hall(request, record, notice=_("系统繁忙，暂时无法记录，请稍后再试。"), status=503)
    query = f"?offered={kind}" + ("" if accepted.counted else "&again=1")
    response = _redirect(hall_url(record) + query + "#tributes-ack")
    accepted.set_cookie(response)
    return response


@require_POST
def message(request, record_id):
    """寄语: stored first, pending moderation; the visitor is told it shows once approved."""
    record = published_record_or_404(record_id)
    protection = guard(request, MESSAGE_FORM_KEY)
    form = MessageForm(protection.data, protection=protection)
    if not messages_open(record.pk):
        notice = _("本纪念馆暂停接受寄语。您写的内容保留在下方，可以复制保存。")
        return protection.finish(render_hall(request, record, message_form=form, notice=notice))
    if form.is_valid():
        if protection.accepts(form):  # a filled honeypot: the same thanks, nothing stored
            store_first(lambda: _save(form, record), protection.record_submission)
        return protection.finish(_redirect(hall_url(record) + "?sent=message#tributes-message-form"))
    return protection.finish(render_hall(request, record, message_form=form, notice=_("提交未成功，请根据提示修改。")))


@pagecache.cacheable
@require_http_methods(["GET", "HEAD", "POST"])
def wreath(request, record_id):
    """敬献花篮 by an organisation, on a page of its own (the hall stays light): counted as an
    offering at once; the organisation's name shows in the hall once approved."""
    record = published_record_or_404(record_id)
    if request.method != "POST":
        return render_wreath(request, record, WreathForm())
    protection = guard(request, WREATH_FORM_KEY)
    form = WreathForm(protection.data, protection=protection)
    if form.is_valid():
        accepted = None
        if protection.accepts(form):
            store_first(lambda: _save(form, record), protection.record_submission)
            try:
                accepted = offerings.accept(request, record.pk, record.facility_id, OfferingKind.WREATH)
            except offerings.QueueUnavailable:
                pass  # the wreath and its name are stored; only the counter misses it
        response = protection.finish(_redirect(hall_url(record) + "?sent=wreath#tributes-wreath"))
        if accepted is not None:
            accepted.set_cookie(response)
        return response
    notice = _("提交未成功，请根据提示修改。")
    return protection.finish(render_wreath(request, record, form, notice=notice))


def render_wreath(request, record, form, notice=""):
    context = {
        "record": record,
        "summary": record_summary(record),
        "hall_url": hall_url(record),
        "wreath_form": form,
        "notice": notice,
    }
    return TemplateResponse(request, "tributes/wreath.html", context)


def _save(form, record):
    item = form.save(commit=False)
    item.record_id = record.pk
    item.record_name = record_summary(record)["name"]
    item.save()
    return item


# -- the index ------------------------------------------------------------------------------------


@pagecache.cacheable
def index(request):
    """云祭扫: find a martyr's hall by name (or place, battle), and the running ceremonies."""
    pagecache.tag(request, ceremonies.CEREMONIES_TAG)
    query = clean_text(request.GET.get("q", ""), max_length=50)
    found = search_records(query, limit=20, request=request) if query else []
    context = {"query": query, "found": found, "ceremonies": ceremonies.running(request)}
    return TemplateResponse(request, "tributes/index.html", context)
