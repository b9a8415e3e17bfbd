"""What other plugins may use of the martyr archive — and nothing else of it.

A plugin that names ``"memorials"`` in ``PluginMeta.requires`` (tribute halls, proxy sweeping,
seek-relatives …) imports only this module: the model classes it may point a foreign key at,
and the read functions below. Everything else in ``memorials`` (where the models live, views,
forms, templates, the importer) may change without notice; this module stays small and
stable, and grows by addition.

Only published records are ever returned: a draft or unpublished record does not exist for
other plugins, as for the public.
"""

from __future__ import annotations

from memorials.models import MartyrRecord, MemorialFacility

__all__ = [
    "MartyrRecord",
    "MemorialFacility",
    "facility_url",
    "get_published_record",
    "published_records",
    "record_full_url",
    "record_grave",
    "record_photo",
    "record_province",
    "record_summary",
    "record_url",
    "search_records",
]


def published_records():
    """A queryset of the records the public may see (published), ordered by id.

    Filter it further as needed (``published_records().filter(native_province="四川省")``);
    at millions of rows, filter on an indexed field and never count it whole.
    """
    return MartyrRecord.objects.published()


def get_published_record(pk):
    """The published record with primary key ``pk`` (its facility fetched along), or ``None``
    when there is none, it is not published, or ``pk`` is not a number."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    return published_records().select_related("facility").filter(pk=pk).first()


def record_url(record, request=None) -> str:
    """The path of the record's public page (``/martyrs/123/``) on the request's site; empty
    when no archive page is live."""
    return record.get_url(request)


def record_full_url(record, request) -> str:
    """The absolute URL of the record's public page (for QR codes, e-mails, sharing); empty
    when no archive page is live."""
    return record.get_full_url(request)


def record_grave(record) -> str:
    """The record's grave position (墓位) in the active language (``A区3排12号`` /
    ``Section A, Row 3, No. 12``), empty when it is not known. The facility is
    ``record.facility`` (a :class:`MemorialFacility`, or ``None``)."""
    return record.grave_display


def facility_url(facility, request=None) -> str:
    """The path of a memorial facility's public page (``/martyrs/facility/7/``) on the request's
    site; empty when no archive page is live."""
    return facility.get_url(request)


def record_photo(record):
    """The record's portrait (遗像或证件照) as an image for ``{% responsive_image %}``
    (``media_tags``), or ``None`` when it has none."""
    return record.photo if record.photo_id else None


def record_province(record) -> str:
    """The province of the record's 籍贯 (``四川省``), as the archive's province filter names it;
    empty when it is not known. For a list of records filtered by province (a campaign's list)."""
    return record.native_province


def search_records(query, limit=10, request=None) -> list[MartyrRecord]:
    """Published records found by the site's search service for ``query`` (a name, also in
    pinyin, a place, a battle …), best first, at most ``limit``: for a "pick the martyr"
    widget. An empty or unsearchable query finds nothing."""
    # Imported here: other plugins import this module while their models load, before the
    # search service needs to be ready.
    from search import documents, service

    results = service.search(query, type=documents.type_key(MartyrRecord), per_page=limit, request=request)
    ids = [int(hit.id) for hit in results.hits[:limit]]
    found = published_records().in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def record_summary(record) -> dict:
    """The few facts a list of records shows (a campaign's list, a tribute hall's heading):

    ``id``, ``name``, ``native_place`` (籍贯), ``unit`` (部队/生前单位), ``death`` (牺牲时间 as
    precisely as it is known, in the active language: ``1952年10月`` / ``October 1952``),
    ``death_place`` (牺牲地点) and
    ``burial_place`` (安葬地: as written, else the memorial facility's name). Missing facts are
    empty strings.
    """
    burial_place = record.burial_place
    if not burial_place and record.facility_id:
        burial_place = record.facility.name
    return {
        "id": record.pk,
        "name": record.name,
        "native_place": record.native_place,
        "unit": record.unit,
        "death": record.death_display,
        "death_place": record.death_place,
        "burial_place": burial_place,
    }
