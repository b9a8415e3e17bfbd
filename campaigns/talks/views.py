"""The talks page's public routes — the list of upcoming talks, the month calendar, a talk's
page, the schools' booking form — and, outside the page tree (``public_urls``), the iCalendar
files: a talk's ``.ics`` and the feed of any filter.

Everything but the booking form is the same for every visitor and is kept by the page cache.
"""

from __future__ import annotations

import logging

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, QueryDict
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy, pgettext_lazy
from django.utils.translation import gettext as _

from campaigns.talks import calendar as month_calendar
from campaigns.talks import ical
from campaigns.talks.filters import TalkFilterSet
from campaigns.talks.forms import BookingForm
from campaigns.talks.models import Speaker, Talk, TalksIndexPage
from campaigns.talks.routing import handles
from siteshell import pagecache
from siteshell.inputs import MAX_ID, bounded_int
from siteshell.notifications import issue_tracking_code
from siteshell.notifications.codes import format_code, generate_code
from siteshell.privacy.consent import record_consent
from siteshell.publicforms import guard, store_first

logger = logging.getLogger(__name__)


#: The calendar's columns, Monday first: full name and the short one in the header.
WEEKDAYS = [
    (gettext_lazy("星期一"), pgettext_lazy("weekday, short", "一")),
    (gettext_lazy("星期二"), pgettext_lazy("weekday, short", "二")),
    (gettext_lazy("星期三"), pgettext_lazy("weekday, short", "三")),
    (gettext_lazy("星期四"), pgettext_lazy("weekday, short", "四")),
    (gettext_lazy("星期五"), pgettext_lazy("weekday, short", "五")),
    (gettext_lazy("星期六"), pgettext_lazy("weekday, short", "六")),
    (gettext_lazy("星期日"), pgettext_lazy("weekday, short", "日")),
]


def _page_context(page, request, **extra):
    context = page.get_context(request)
    context.update(extra)
    return context


def _talks():
    return Talk.objects.published().prefetch_related("speakers")


def _feed_links(request, params):
    """The feed of this filter: to download (https) and to subscribe (webcal)."""
    url = request.build_absolute_uri(reverse("talks:feed"))
    query = params.urlencode()
    url = f"{url}?{query}" if query else url
    return {"feed_url": url, "subscribe_url": "webcal://" + url.split("://", 1)[-1]}


@handles("index")
def talk_list(request, page):
    """Upcoming talks, soonest first, filtered and paged."""
    filterset = TalkFilterSet(request.GET, queryset=_talks().upcoming(), districts_from=Talk.objects.published())
    paginator = Paginator(filterset.qs, page.per_page)
    asked = request.GET.get("page")
    talks = paginator.get_page(asked)
    params = filterset.canonical_params()
    today = timezone.localdate()
    context = _page_context(
        page,
        request,
        filterset=filterset,
        talks=talks,
        paginator=paginator,
        page_notice=asked not in (None, "", str(talks.number)),
        filter_params=params,
        is_filtered=filterset.is_filtered(),
        calendar_url=page.route_url("calendar", today.year, today.month, request=request),
        **_feed_links(request, params),
    )
    return TemplateResponse(request, "talks/talks_index_page.html", context)


@handles("calendar")
def talk_calendar(request, page, year=None, month=None):
    """A month as a table (a phone shows it as an agenda), with the same filters."""
    if year is None:
        today = timezone.localdate()
        year, month = today.year, today.month
    year = bounded_int(year, minimum=month_calendar.FIRST_YEAR, maximum=month_calendar.LAST_YEAR)
    month = bounded_int(month, minimum=1, maximum=12)
    if year is None or month is None:
        raise Http404(_("没有这个月份的日历"))
    start, end = month_calendar.month_bounds(year, month)
    in_grid = _talks().overlapping(start, end).order_by("start", "pk")
    filterset = TalkFilterSet(request.GET, queryset=in_grid, districts_from=Talk.objects.published())
    grid = month_calendar.build_month(year, month, filterset.qs)
    params = filterset.canonical_params()
    context = _page_context(
        page,
        request,
        filterset=filterset,
        month=grid,
        filter_params=params,
        is_filtered=filterset.is_filtered(),
        weekdays=WEEKDAYS,
        previous_url=page.route_url("calendar", *grid.previous, request=request) if grid.previous else "",
        next_url=page.route_url("calendar", *grid.next, request=request) if grid.next else "",
        **_feed_links(request, params),
    )
    return TemplateResponse(request, "talks/calendar.html", context)


def _published_talk(pk) -> Talk:
    number = bounded_int(pk, minimum=1, maximum=MAX_ID)
    talk = _talks().filter(pk=number).first() if number is not None else None
    if talk is None:
        raise Http404(_("没有找到这场宣讲"))
    return talk


@handles("talk")
def talk_detail(request, page, pk):
    talk = _published_talk(pk)
    context = _page_context(
        page,
        request,
        talk=talk,
        speakers=list(talk.speakers.all()),
        is_past=talk.end < timezone.now(),
        ics_url=reverse("talks:talk_ics", args=[talk.pk]),
        book_url=page.route_url("book", request=request),
        **_feed_links(request, QueryDict()),
    )
    return TemplateResponse(request, "talks/talk_detail.html", context)


def _calendar_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@pagecache.cacheable
def talk_ics(request, pk):
    """One talk as an iCalendar file (``talks/<id>.ics``), to add to a phone calendar."""
    talk = _published_talk(pk)
    content = ical.build_calendar([talk], talk.title, _talk_page_url(request))
    return _calendar_response(content, f"talk-{talk.pk}.ics")


@pagecache.cacheable
def talk_feed(request):
    """The talks of a filter as a calendar to subscribe to (``talks/feed.ics?audience=…``): past
    and cancelled ones for a while, so that a subscriber's calendar learns of a cancellation."""
    filterset = TalkFilterSet(request.GET, queryset=ical.feed_queryset(_talks()))
    index_page = TalksIndexPage.for_request(request)
    name = index_page.title if index_page else _("老兵宣讲")
    labels = [str(value) for value in _filter_labels(filterset)]
    if labels:
        name = f"{name}（{'、'.join(labels)}）"
    content = ical.build_calendar(filterset.qs, name, _talk_page_url(request, index_page))
    return _calendar_response(content, "talks.ics")


def _talk_page_url(request, index_page=None):
    """``talk -> its page's absolute address`` (``""`` without a live talks page)."""
    index_page = index_page or TalksIndexPage.for_request(request)
    if index_page is None:
        return lambda talk: ""
    base = index_page.get_full_url(request)
    return lambda talk: base + index_page.reverse_subpage("talk", args=[talk.pk])


def _filter_labels(filterset):
    form = filterset.form
    for name, value in filterset.active_values().items():
        field = form.fields[name]
        yield dict(field.choices).get(value, value)


@handles("book")
def booking_form(request, page):
    """预约宣讲: protected (``siteshell.publicforms``), stored first, answered with the tracking
    code (shown once, never in an address)."""
    protection = guard(request, "talks.booking")
    initial = {}
    speaker_pk = bounded_int(request.GET.get("speaker"), minimum=1, maximum=MAX_ID)
    if speaker_pk and Speaker.objects.filter(pk=speaker_pk, accepts_bookings=True).exists():
        initial["speaker"] = speaker_pk
    form = BookingForm(protection.data, initial=initial, protection=protection)
    if protection.posted and form.is_valid():
        if protection.accepts(form):
            booking = store_first(lambda: _save_booking(form), protection.record_submission)
            code = _issue_code(booking) if booking is not None else None
        else:  # a filled honeypot: the same thanks with a code that finds nothing
            code = format_code(generate_code())
        context = _page_context(page, request, code=code, list_url=page.url)
        return protection.finish(TemplateResponse(request, "talks/booking_done.html", context))
    context = _page_context(page, request, form=form, failed=protection.posted)
    return protection.finish(TemplateResponse(request, "talks/booking_form.html", context))


def _save_booking(form):
    booking = form.save(commit=False)
    booking.language = get_language()
    record_consent(booking)
    booking.save()
    return booking


def _issue_code(booking):
    """The tracking code, and the school told by SMS (and e-mail). The booking is stored
    already: a failure here is logged, and the answer page says staff will phone instead."""
    try:
        code = issue_tracking_code(booking, booking.contact_phone[-4:])
    except Exception:  # noqa: BLE001 — stored first; the school still gets its answer page
        logger.exception("talks: booking %s stored, but no tracking code could be issued", booking.pk)
        return None
    try:
        booking.tell_school("talks/received", {"code": code})
    except Exception:  # noqa: BLE001 — the code is on the answer page anyway
        logger.exception("talks: booking %s stored, the confirmation message failed", booking.pk)
    return code
