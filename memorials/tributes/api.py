"""Public JSON API under ``/api/tributes/``: a hall's counters and approved messages, and the
offering endpoint that ``tributes.js`` uses.

``POST /api/tributes/halls/<id>/offerings`` is a write by an anonymous visitor: it needs the
site's CSRF token (header ``X-CSRFToken``, from the hall page's form, with the CSRF cookie) and
is rate limited like the form it stands in for (``siteshell.publicforms``, form key
``tributes.offering``). Every status it answers is in the schema.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from django.http import Http404, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Router, Schema
from ninja.errors import ValidationError
from ninja.pagination import paginate
from pydantic import ValidationError as PydanticValidationError

from memorials.interface import get_published_record, record_summary, record_url
from memorials.tributes import conf, counters, offerings
from memorials.tributes.kinds import acknowledgement
from memorials.tributes.models import TributeMessage
from memorials.tributes.models.messages import messages_open
from siteshell.api_errors import ErrorOut
from siteshell.inputs import BoundedPageNumberPagination, id_path
from siteshell.publicforms import guard

OFFERING_FORM_KEY = "tributes.offering"


class CountersOut(Schema):
    flower: int
    candle: int
    bow: int
    salute: int
    wreath: int
    total: int


class HallOut(Schema):
    id: int
    name: str
    url: str
    record_url: str
    messages_open: bool
    counters: CountersOut


class MessageOut(Schema):
    id: int
    kind: str
    text: str
    signature: str
    organisation: str
    submitted_at: datetime


class OfferingIn(Schema):
    kind: Literal["flower", "candle", "bow", "salute"]


class OfferingOut(Schema):
    kind: str
    counted: bool
    message: str
    #: The hall's counters when the cache has them (``null`` otherwise: the answer reads no
    #: database at the peak).
    counters: CountersOut | None


class SiteCountersOut(Schema):
    total: CountersOut
    today: CountersOut


def _record(record_id):
    record = get_published_record(record_id)
    if record is None:
        raise Http404
    return record


def _answer(data: dict, status: int) -> JsonResponse:
    """JSON as django-ninja writes it (UTF-8, not escaped)."""
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def offering_kind(request) -> str:
    """The body of an offering (:class:`OfferingIn`), with django-ninja's 422 answer when it does
    not fit."""
    try:
        return OfferingIn.model_validate_json(request.body or b"{}").kind
    except PydanticValidationError as error:
        issues = error.errors(include_url=False)
        raise ValidationError([{**issue, "loc": ("body", "payload", *issue["loc"])} for issue in issues]) from None


def csrf_refused(request) -> bool:
    """Whether Django's CSRF check refuses this request (django-ninja exempts its views; this
    operation is a form post by other means and must not be)."""
    return CsrfViewMiddleware(lambda _request: None).process_view(request, None, (), {}) is not None


def build_router():
    router = Router()

    @router.get("/halls/{record_id}", response=HallOut, summary=gettext_lazy("烈士网上纪念馆的祭奠统计"))
    def hall(request, record_id: int = id_path(gettext_lazy("烈士档案的 id"))):
        record = _record(record_id)
        return {
            "id": record.pk,
            "name": record_summary(record)["name"],
            "url": reverse("tributes:hall", args=[record.pk]),
            "record_url": record_url(record, request),
            "messages_open": messages_open(record.pk),
            "counters": counters.hall(record.pk).as_dict(),
        }

    @router.get(
        "/halls/{record_id}/messages",
        response=list[MessageOut],
        summary=gettext_lazy("纪念馆中审核通过的寄语（新的在前）"),
        description=gettext_lazy("单位敬献的花篮（kind=wreath）带单位名称；寄语关闭的纪念馆返回空列表。"),
    )
    @paginate(BoundedPageNumberPagination, page_size=20)
    def messages(request, record_id: int = id_path(gettext_lazy("烈士档案的 id"))):
        record = _record(record_id)
        if not messages_open(record.pk):
            return TributeMessage.objects.none()
        return TributeMessage.objects.public().filter(record_id=record.pk).order_by("-submitted_at", "-id")

    @router.post(
        "/halls/{record_id}/offerings",
        response={202: OfferingOut, 403: ErrorOut, 429: ErrorOut, 503: ErrorOut},
        summary=gettext_lazy("献花、点烛、鞠躬或敬礼"),
        description=gettext_lazy(
            "需要本站的 CSRF 令牌（请求头 X-CSRFToken 和 csrftoken Cookie）。每位访客每天对每位烈士每种方式计一次，"
            "其余的也会收到回复（counted=false）。counters 为纪念馆当前的统计（暂时取不到时为 null）。403：CSRF 校验未通过；429：过于频繁（见 Retry-After）；"
            "503：暂时无法记录。"
        ),
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": OfferingIn.model_json_schema()}},
            }
        },
        url_name="tributes_offer",
    )
    def offer(request, record_id: int = id_path(gettext_lazy("烈士档案的 id"))):
        # The peak's hottest path: the body is read and the answer written here rather than
        # through django-ninja's models (a quarter of an offering's time at the peak; the
        # schema above documents both), and the hall is looked up in the cache, not read.
        if csrf_refused(request):
            return _answer({"detail": _("页面已过期或未启用 Cookie，请刷新页面后再试。")}, status=403)
        kind = offering_kind(request)
        # With a Redis queue the offering itself brings the counters (one round trip in all).
        queue = offerings.get_queue()
        counts_with_offer = offerings.counts_come_with_offer(queue)
        hall = offerings.hall_target(record_id, with_counts=not counts_with_offer)
        if not hall.exists:
            raise Http404
        protection = guard(request, OFFERING_FORM_KEY, defaults=conf.offering_rates())
        if protection.limited:
            response = _answer({"detail": str(protection.refusal)}, status=429)
            response["Retry-After"] = str(protection.limited)
            return response
        try:
            accepted = offerings.accept(request, record_id, hall.facility_id, kind, queue)
        except offerings.QueueUnavailable:
            return _answer({"detail": _("系统繁忙，暂时无法记录，请稍后再试。")}, status=503)
        counts = accepted.counts or hall.counts
        if not conf.fold_worker() or (counts is None and counts_with_offer):
            # Folded in this request (the counters include it now), or the queue had none.
            counts = offerings.hall_target(record_id).counts
        response = _answer(
            {
                "kind": kind,
                "counted": accepted.counted,
                "message": str(acknowledgement(kind, accepted.counted)),
                "counters": counts.as_dict() if counts is not None else None,
            },
            status=202,
        )
        accepted.set_cookie(response)
        return response

    @router.get("/counters", response=SiteCountersOut, summary=gettext_lazy("全站网上祭奠统计：累计和今天"))
    def site_counters(request):
        return {"total": counters.site().as_dict(), "today": counters.today().as_dict()}

    return router
