"""The one public API operation of proxy sweeping: ``POST /api/sweeping/status``, the status
lookup by tracking code and the last four digits of the mobile (for a bureau's app or mini
program). It answers what the status page shows and is limited as that page is (the shell's
counters per address and per code, ``memorials.sweeping.lookup``); every wrong pair gets the
same 404. Nothing else of a request — and nothing about the family — is in the API."""

from __future__ import annotations

import datetime

from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Field, Router, Schema

from memorials.sweeping import lookup
from siteshell.api_errors import ErrorOut
from siteshell.notifications.views import WRONG_PAIR


class LookupIn(Schema):
    code: str = Field(..., max_length=40, description=gettext_lazy("查询码，如 K7QM-4XTP-9RA"))
    factor: str = Field(..., max_length=8, description=gettext_lazy("申请时所填手机号码的后四位"))


class StepOut(Schema):
    at: datetime.datetime
    text: str
    detail: str


class PhotoOut(Schema):
    url: str
    download_url: str


class StatusOut(Schema):
    martyr_name: str
    facility: str
    grave: str
    services: list[str]
    status: str
    status_label: str
    scheduled_for: datetime.date | None
    next_step: str
    steps: list[StepOut]
    photos: list[PhotoOut]


def build_router():
    router = Router()

    @router.post(
        "/status",
        response={200: StatusOut, 404: ErrorOut, 429: ErrorOut},
        summary=gettext_lazy("凭查询码和手机号后四位查询代祭扫进度"),
        description=gettext_lazy(
            "与代祭扫进度页相同：每个地址、每个查询码的查询次数有限（429，见 Retry-After）；查询码或后四位不对时一律返回 404。"
            "照片链接只对本次查询的访客在一段时间内有效。"
        ),
        url_name="sweeping_status",
    )
    def status(request, response: HttpResponse, payload: LookupIn):
        wait = lookup.address_limit(request) or lookup.code_limit(request, payload.code)
        if wait:
            response["Retry-After"] = str(wait)
            return 429, {"detail": _("查询次数过多，请稍后再试。")}
        found = lookup.find_request(payload.code, payload.factor)
        if found is None:
            lookup.code_limit(request, payload.code, count_failure=True)
            return 404, {"detail": str(WRONG_PAIR)}
        response["Cache-Control"] = "private, no-store"
        return 200, _status(request, found)

    return router


def _status(request, found) -> dict:
    photos = list(found.photos.all()) if found.photos_shown else []
    links = [reverse("sweeping:photo", args=[lookup.photo_token(request, photo)]) for photo in photos]
    return {
        "martyr_name": found.martyr_name,
        "facility": found.facility_display,
        "grave": found.grave_display,
        "services": found.service_labels(),
        "status": found.status,
        "status_label": str(found.get_status_display()),
        "scheduled_for": found.scheduled_for if found.status == "scheduled" else None,
        "next_step": str(found.NEXT_STEPS[found.status]),
        "steps": [{"at": step.at, "text": str(step.text), "detail": step.detail} for step in found.steps()],
        "photos": [{"url": link, "download_url": f"{link}?download=1"} for link in links],
    }
