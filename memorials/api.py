"""Public JSON API under ``/api/memorials/``: published records only, keyset pagination.

The record list filters exactly like the archive page (``memorials.filters``) and pages with
the same keyset paginator (``?after=`` the ``next_cursor`` of the previous page). A filter value
that matches nothing known is answered with 400 and a message naming the parameter.

Summaries are lazy translations (django-ninja builds the schema for each request, in the
visitor's language); error messages are translated when the request is answered. The values
are data: dates and grave positions in the notation of the lists (``1952年10月``, ``A区3排12号``),
whatever the language, with ``*_date``/``*_precision`` for programs.
"""

from __future__ import annotations

from datetime import date

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from media.renditions import SHARED_PICTURE
from memorials.filters import DECADES, MartyrRecordFilterSet
from memorials.models import MartyrRecord, MemorialFacility
from memorials.pagination import approximate_count, keyset_paginate
from memorials.periods import WarPeriod
from memorials.places import PROVINCE_NAMES
from memorials.sharing import share_rendition
from siteshell.inputs import MAX_ID, choice_field, id_path
from siteshell.languages import join_list

MAX_LIMIT = 100
#: Parameters whose error lists the values one may use instead.
LISTED_CHOICES = ("period", "decade", "province")


class ImageOut(Schema):
    """One image as a JPEG rendition at most 800 pixels wide (never upscaled)."""

    url: str
    width: int
    height: int
    alt: str
    caption: str
    source: str


def image_out(image, request, *, caption="", source="", alt=None):
    rendition = share_rendition(image)
    if rendition is None:
        return None  # an unreadable original leaves the image out, not the record
    return {
        "url": request.build_absolute_uri(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": image.default_alt_text if alt is None else alt,
        "caption": caption,
        "source": source or image.source,
    }


class FacilityOut(Schema):
    id: int
    name: str
    kind: str
    level: str
    province: str
    address: str
    latitude: float | None
    longitude: float | None
    opening_hours: str


class RecordSummaryOut(Schema):
    id: int
    external_id: str
    name: str
    gender: str
    native_place: str
    native_province: str
    death: str
    war_period: str
    battle: str
    burial_place: str
    url: str

    @staticmethod
    def resolve_death(record):
        return record.death_notation

    @staticmethod
    def resolve_url(record, context):
        return record.get_url(context["request"])


class RecordOut(RecordSummaryOut):
    ethnicity: str
    birth: str
    birth_date: date | None
    birth_precision: str
    native_city: str
    native_county: str
    enlistment: str
    unit: str
    position: str
    death_date: date | None
    death_precision: str
    death_place: str
    facility: FacilityOut | None
    grave: str
    certificate_number: str
    biography: str
    sources: str
    photo: ImageOut | None
    photos: list[ImageOut]

    @staticmethod
    def resolve_photo(record, context):
        return image_out(record.photo, context["request"]) if record.photo_id else None

    @staticmethod
    def resolve_photos(record, context):
        items = (
            image_out(photo.image, context["request"], caption=photo.caption, source=photo.source, alt=photo.alt_text)
            for photo in record.photos.all()
        )
        return [item for item in items if item is not None]

    @staticmethod
    def resolve_birth(record):
        return record.birth_notation

    @staticmethod
    def resolve_enlistment(record):
        return record.enlistment_notation

    @staticmethod
    def resolve_grave(record):
        return record.grave_notation


class RecordPageOut(Schema):
    items: list[RecordSummaryOut]
    next_cursor: int | None
    approximate_count: int
    count_is_capped: bool


class RecordFilters(Schema):
    """The archive page's filters. ``province``, ``period`` and ``decade`` take one of the
    listed values (another is answered with a 400 that lists them); ``limit`` is 1 … 100
    (another: 400)."""

    province: str | None = choice_field(None, PROVINCE_NAMES, description=gettext_lazy("籍贯（省），例如 四川省"))
    period: str | None = choice_field(None, WarPeriod.values, description=gettext_lazy("历史时期，例如 korea"))
    decade: int | None = choice_field(None, list(DECADES), description=gettext_lazy("牺牲年代，例如 1950"))
    battle: str | None = Field(None, max_length=200, description=gettext_lazy("战役/事件（完全一致）"))
    facility: int | None = Field(None, ge=1, le=MAX_ID, description=gettext_lazy("安葬的纪念设施的 id"))
    name: str | None = Field(None, max_length=100, description=gettext_lazy("姓名（完全一致）"))
    after: int | None = Field(
        None, ge=1, le=MAX_ID, description=gettext_lazy("上一页的 next_cursor：从这条档案之后开始")
    )
    limit: int = Field(
        30,
        description=gettext_lazy("每页条数，1 到 100"),
        json_schema_extra={"minimum": 1, "maximum": MAX_LIMIT},
    )


def invalid_filter_message(filterset, parameter, errors):
    """``period 取值无效，可选：…`` for a value outside a short list of choices, else the
    parameter with the form's own message."""
    if parameter in LISTED_CHOICES:
        values = [str(value) for value, _label in filterset.form.fields[parameter].choices if value != ""]
        return _("%(parameter)s 取值无效，可选：%(values)s") % {"parameter": parameter, "values": join_list(values)}
    return _("%(parameter)s 取值无效：%(error)s") % {"parameter": parameter, "error": " ".join(errors)}


def build_router():
    router = Router()

    @router.get(
        "/records",
        response=RecordPageOut,
        summary=gettext_lazy("已公布的烈士档案（按编号顺序，游标分页）"),
        description=gettext_lazy(
            "筛选条件与英名录页面相同，取值须完全一致（如 province=四川省、period=korea、decade=1950）；"
            "无效的取值返回 400 并说明可用的取值。下一页：把上一页的 next_cursor 作为 after 传入。"
            "数量最多计到 1000（count_is_capped）。"
        ),
    )
    def record_list(request, filters: Query[RecordFilters]):
        if not 1 <= filters.limit <= MAX_LIMIT:
            raise HttpError(400, _("limit 须在 1 到 %(max)s 之间") % {"max": MAX_LIMIT})
        data = {
            name: str(value)
            for name, value in filters.model_dump(exclude={"after", "limit"}).items()
            if value not in (None, "")
        }
        filterset = MartyrRecordFilterSet(data, queryset=MartyrRecord.objects.published())
        invalid = filterset.invalid_parameters()
        if invalid:
            raise HttpError(
                400,
                pgettext("between the messages of an error", "；").join(
                    invalid_filter_message(filterset, parameter, errors) for parameter, errors in invalid.items()
                ),
            )
        records = filterset.qs
        count, capped = approximate_count(records)
        page = keyset_paginate(records, after=filters.after, size=filters.limit, with_previous=False)
        return {
            "items": page.items,
            "next_cursor": page.next_after,
            "approximate_count": count,
            "count_is_capped": capped,
        }

    @router.get("/records/{record_id}", response=RecordOut, summary=gettext_lazy("一条已公布的烈士档案"))
    def record_detail(request, record_id: int = id_path(gettext_lazy("档案的 id"))):
        record = get_object_or_404(MartyrRecord.objects.published().for_detail(), pk=record_id)
        record.load_gallery(SHARED_PICTURE)
        return record

    @router.get("/facilities", response=list[FacilityOut], summary=pgettext_lazy("plural", "烈士纪念设施"))
    def facility_list(request):
        return list(MemorialFacility.objects.all()[:1000])

    return router
