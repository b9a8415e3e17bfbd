"""The public JSON API of talks, mounted at ``/api/talks/``: upcoming talks with the calendar's
filters, one talk, and a school's booking status by its tracking code.

The status lookup is a POST (the code never goes into an address or a log), counted against
the same limits as the status page (``NOTIFICATIONS_TRACK_RATE`` per address,
``NOTIFICATIONS_TRACK_CODE_RATE`` wrong pairs per code), and answers only what the status page
shows: nothing personal.
"""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import get_usage
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from campaigns.talks.choices import Audience, Topic
from campaigns.talks.filters import TalkFilterSet
from campaigns.talks.models import Talk, TalkBooking, TalksIndexPage
from siteshell.accounts.addresses import client_ip
from siteshell.api_errors import ErrorOut, ValidationErrorOut
from siteshell.inputs import MAX_TEXT_LENGTH, BoundedPageNumberPagination, choice_field, id_path
from siteshell.notifications import find_submission
from siteshell.notifications.codes import normalise_code


class SpeakerOut(Schema):
    name: str
    role: str


class TalkOut(Schema):
    id: int
    title: str
    topic: str
    topic_label: str
    audience: str
    audience_label: str
    speakers: list[SpeakerOut]
    summary: str
    place: str
    address: str
    district: str
    start: datetime.datetime
    end: datetime.datetime
    capacity: int
    open_to_public: bool
    school: str = Field(description=_("专场单位（面向一所学校的专场；公开宣讲为空）"))
    cancelled: bool
    url: str
    ics_url: str

    # Times in the site's zone (Asia/Shanghai), as the calendar shows them.
    @staticmethod
    def resolve_start(talk):
        return timezone.localtime(talk.start)

    @staticmethod
    def resolve_end(talk):
        return timezone.localtime(talk.end)

    @staticmethod
    def resolve_topic_label(talk):
        return talk.get_topic_display()

    @staticmethod
    def resolve_audience_label(talk):
        return talk.get_audience_display()

    @staticmethod
    def resolve_speakers(talk):
        return list(talk.speakers.all())

    @staticmethod
    def resolve_url(talk, context):
        return _route_url(context["request"], "talk", talk)

    @staticmethod
    def resolve_ics_url(talk, context):
        return context["request"].build_absolute_uri(reverse("talks:talk_ics", args=[talk.pk]))


def _route_url(request, name, talk) -> str:
    page = getattr(request, "_talks_index", None)
    if page is None:
        page = request._talks_index = TalksIndexPage.for_request(request) or False
    if not page:
        return ""
    return page.get_full_url(request) + page.reverse_subpage(name, args=[talk.pk])


class TalkFilters(Schema):
    district: str | None = Field(None, max_length=MAX_TEXT_LENGTH, description=_("区县，例如 南湖区"))
    audience: str | None = choice_field(None, Audience.values, description=_("面向对象"))
    topic: str | None = choice_field(None, Topic.values, description=_("内容类别"))
    date_from: datetime.date | None = Field(
        None,
        ge=datetime.date(2000, 1, 1),
        le=datetime.date(2100, 12, 31),
        description=_("从这一天起（默认今天）仍未结束的宣讲"),
    )


class StatusQuery(Schema):
    code: str = Field(..., max_length=40, description=_("预约时得到的查询码"))
    factor: str = Field(..., max_length=20, description=_("联系人手机号后四位"))


class EventOut(Schema):
    at: datetime.datetime
    text: str


class BookingStatusOut(Schema):
    title: str
    status: str
    status_label: str
    updated_at: datetime.datetime | None
    events: list[EventOut]
    next_step: str


def _published():
    return Talk.objects.published().prefetch_related("speakers")


def _address(group, request) -> str:
    # Requests without a valid address (behind a broken proxy) are counted together.
    return client_ip(request) or "unknown"


def _lookup_limited(request, code: str, *, failed: bool = False) -> bool:
    """Whether this address or this code is over the status page's limits (counting this one)."""
    rate = getattr(settings, "NOTIFICATIONS_TRACK_RATE", "10/10m")
    usage = get_usage(
        request, group="notifications.track", key=_address, rate=rate, method="POST", increment=not failed
    )
    if usage and usage["should_limit"]:
        return True
    code_rate = getattr(settings, "NOTIFICATIONS_TRACK_CODE_RATE", "20/h")
    normalised = normalise_code(code)
    if not code_rate or not normalised:
        return False
    usage = get_usage(
        request,
        group="notifications.track-code",
        key=lambda group, req: normalised,
        rate=code_rate,
        method="POST",
        increment=failed,
    )
    return bool(usage and usage["count"] >= usage["limit"])


def build_router():
    router = Router()

    @router.get(
        "/talks",
        response=list[TalkOut],
        summary=_("宣讲活动列表"),
        description=_("默认列出今天起仍未结束的已发布宣讲，按开始时间排序；筛选条件与宣讲日历相同。"),
    )
    @paginate(BoundedPageNumberPagination)
    def talk_list(request, filters: Query[TalkFilters]):
        values = filters.dict()
        start = values.pop("date_from", None) or timezone.localdate()
        since = datetime.datetime.combine(start, datetime.time.min, tzinfo=timezone.get_current_timezone())
        data = {name: str(value) for name, value in values.items() if value not in (None, "")}
        filterset = TalkFilterSet(data, queryset=_published().filter(end__gte=since).order_by("start", "pk"))
        if filterset.ignored_fields:
            raise HttpError(
                422, gettext("无法识别的筛选条件：%(filters)s") % {"filters": filterset.ignored_fields_text()}
            )
        return filterset.qs

    @router.get("/talks/{talk_id}", response=TalkOut, summary=_("宣讲活动详情"))
    def talk_detail(request, talk_id: int = id_path(_("宣讲活动的 id"))):
        talk = _published().filter(pk=talk_id).first()
        if talk is None:
            raise HttpError(404, gettext("没有找到所请求的内容，它可能尚未公开或已被删除。"))
        return talk

    @router.post(
        "/bookings/status",
        response={200: BookingStatusOut, 404: ErrorOut, 422: ValidationErrorOut, 429: ErrorOut},
        summary=_("学校预约的办理进度"),
        description=_("用查询码和联系人手机号后四位查询；与“查询办理进度”页面相同，只返回进度，不含个人信息。"),
    )
    def booking_status(request, query: StatusQuery):
        if _lookup_limited(request, query.code):
            raise HttpError(429, gettext("查询次数过多，请稍后再试。"))
        booking = find_submission(query.code, query.factor)
        if not isinstance(booking, TalkBooking):
            _lookup_limited(request, query.code, failed=True)
            raise HttpError(404, gettext("查询码或验证信息不正确，请核对后重新输入。"))
        status = booking.tracking_status()
        return {
            "title": str(status.title),
            "status": booking.status,
            "status_label": str(status.status_label),
            "updated_at": status.updated_at,
            "events": [{"at": when, "text": str(text)} for when, text in status.events],
            "next_step": str(status.next_step),
        }

    return router
