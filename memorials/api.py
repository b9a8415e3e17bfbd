"""Public JSON API under ``/api/memorials/``: published records only, keyset pagination."""

from __future__ import annotations

import logging
from datetime import date

from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from memorials.models import MartyrRecord, MemorialFacility
from memorials.periods import WarPeriod

MAX_LIMIT = 100

logger = logging.getLogger(__name__)


class ImageOut(Schema):
    """One image as a JPEG rendition at most 800 pixels wide (never upscaled)."""

    url: str
    width: int
    height: int
    alt: str
    caption: str
    source: str


def image_out(image, request, *, caption="", source="", alt=None):
    from memorials.views import SHARE_RENDITION

    try:
        rendition = image.get_rendition(SHARE_RENDITION)
    except Exception:  # noqa: BLE001  an unreadable original leaves the image out, not the record
        logger.exception("No rendition for image %s", image.pk)
        return None
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
        return record.death_display

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
        return record.birth_display

    @staticmethod
    def resolve_enlistment(record):
        return record.enlistment_display

    @staticmethod
    def resolve_grave(record):
        return record.grave_display


class RecordPageOut(Schema):
    items: list[RecordSummaryOut]
    next_cursor: int | None
    approximate_count: int
    count_is_capped: bool


class RecordFilters(Schema):
    province: str = ""
    period: str = ""
    decade: int | None = None
    battle: str = ""
    facility: int | None = None
    name: str = ""
    after: int | None = None
    limit: int = 30


def build_router():
    from memorials.pagination import approximate_count

    router = Router()

    @router.get("/records", response=RecordPageOut, summary="已公布的烈士档案（按编号顺序，游标分页）")
    def record_list(request, filters: Query[RecordFilters]):
        if not 1 <= filters.limit <= MAX_LIMIT:
            raise HttpError(400, f"limit 须在 1 到 {MAX_LIMIT} 之间")
        if filters.period and filters.period not in WarPeriod.values:
            raise HttpError(400, "period 取值无效，可选：" + "、".join(WarPeriod.values))
        records = MartyrRecord.objects.published()
        for value, lookup in (
            (filters.province, "native_province"),
            (filters.period, "war_period"),
            (filters.decade, "death_decade"),
            (filters.battle, "battle"),
            (filters.facility, "facility_id"),
            (filters.name, "name"),
        ):
            if value not in (None, ""):
                records = records.filter(**{lookup: value})
        count, capped = approximate_count(records)
        page_records = records.filter(id__gt=filters.after) if filters.after else records
        items = list(page_records.order_by("id")[: filters.limit + 1])
        has_next = len(items) > filters.limit
        items = items[: filters.limit]
        return {
            "items": items,
            "next_cursor": items[-1].id if has_next else None,
            "approximate_count": count,
            "count_is_capped": capped,
        }

    @router.get("/records/{record_id}", response=RecordOut, summary="一条已公布的烈士档案")
    def record_detail(request, record_id: int):
        from memorials.views import published_records_with_photos

        return get_object_or_404(published_records_with_photos(), pk=record_id)

    @router.get("/facilities", response=list[FacilityOut], summary="烈士纪念设施")
    def facility_list(request):
        return list(MemorialFacility.objects.all()[:1000])

    return router
