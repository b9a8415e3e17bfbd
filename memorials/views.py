"""Public views of the archive, called from :class:`~memorials.models.MartyrArchivePage` routes.

Only published records (``live``) are ever shown.
"""

from __future__ import annotations

import json
import logging

from django.contrib import messages
from django.core.cache import cache
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from memorials.forms import ArchiveFilterForm, CorrectionForm
from memorials.models import FACILITY_CHOICES_CACHE_KEY, MartyrRecord, MartyrRecordPhoto, MemorialFacility
from memorials.pagination import approximate_count, keyset_paginate
from memorials.qr import qr_png, qr_svg, qr_svg_inline

logger = logging.getLogger(__name__)

LIST_FIELDS = (
    "id", "name", "gender", "native_place", "death_date", "death_precision", "battle",
    "burial_place", "unit", "war_period",
)
#: Most labels printed on one sheet; a cemetery section is printed section by section.
MAX_LABELS = 600


def _facility_choices():
    choices = cache.get(FACILITY_CHOICES_CACHE_KEY)
    if choices is None:
        choices = list(MemorialFacility.objects.order_by("name").values_list("id", "name"))
        cache.set(FACILITY_CHOICES_CACHE_KEY, choices, 3600)
    return choices


def _page_context(page, request, **extra):
    context = page.get_context(request)
    context.update(extra)
    return context


def archive_index(request, page):
    """The list with filters; keyset pages (``?after=`` / ``?before=``), capped counts."""
    form = ArchiveFilterForm(request.GET or None, facilities=_facility_choices())
    if form.is_bound:
        form.is_valid()
    records = MartyrRecord.objects.published().only(*LIST_FIELDS)
    records = form.apply(records)
    keyset = keyset_paginate(
        records, after=request.GET.get("after"), before=request.GET.get("before"), size=page.per_page
    )
    count, capped = approximate_count(records)
    query = request.GET.copy()
    for key in ("after", "before"):
        query.pop(key, None)
    base_query = query.urlencode()
    context = _page_context(
        page,
        request,
        form=form,
        records=keyset.items,
        keyset=keyset,
        count=count,
        count_capped=capped,
        base_query=base_query,
        filtered=bool(form.is_bound and form.active_filters()),
    )
    return TemplateResponse(request, "memorials/archive_page.html", context)


def _published_record(pk):
    record = MartyrRecord.objects.published().select_related("facility", "photo").filter(pk=pk).first()
    if record is None:
        raise Http404(_("没有找到这条烈士档案"))
    return record


def published_records_with_photos():
    """Published records with their portrait, gallery and the images' renditions prefetched:
    a fixed number of queries however many photos a record has (detail page and API)."""
    photos = MartyrRecordPhoto.objects.select_related("image").prefetch_related("image__renditions")
    return (
        MartyrRecord.objects.published()
        .select_related("facility", "photo")
        .prefetch_related("photo__renditions", Prefetch("photos", queryset=photos))
    )


def _record_for_detail_page(pk):
    record = published_records_with_photos().filter(pk=pk).first()
    if record is None:
        raise Http404(_("没有找到这条烈士档案"))
    return record


#: The rendition shared with search engines and API clients (JSON-LD ``image``, API URLs).
SHARE_RENDITION = "width-800|format-jpeg"


def record_images(record):
    """The record's images, portrait first, then the gallery in the editors' order."""
    images = [record.photo] if record.photo_id else []
    return images + [photo.image for photo in record.photos.all()]


def share_image_url(image, request):
    """Absolute URL of the shared rendition; ``None`` when the original cannot be read (a
    broken file must not take the page or the API response down)."""
    try:
        return request.build_absolute_uri(image.get_rendition(SHARE_RENDITION).url)
    except Exception:  # noqa: BLE001
        logger.exception("No rendition for image %s", image.pk)
        return None


def _iso_partial(value, precision):
    if value is None:
        return None
    return {"year": f"{value.year:04d}", "month": f"{value.year:04d}-{value.month:02d}"}.get(
        precision, value.isoformat()
    )


def person_json_ld(record, request):
    """schema.org ``Person`` for a record, partial dates as partial ISO 8601 dates."""
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": record.name,
        "url": record.get_full_url(request),
    }
    if record.gender:
        data["gender"] = "https://schema.org/Male" if record.gender == "male" else "https://schema.org/Female"
    if record.birth_date:
        data["birthDate"] = _iso_partial(record.birth_date, record.birth_precision)
    if record.death_date:
        data["deathDate"] = _iso_partial(record.death_date, record.death_precision)
    if record.native_place:
        data["birthPlace"] = {"@type": "Place", "name": record.native_place}
    if record.death_place:
        data["deathPlace"] = {"@type": "Place", "name": record.death_place}
    if record.unit:
        data["affiliation"] = {"@type": "Organization", "name": record.unit}
    if record.position:
        data["jobTitle"] = record.position
    if record.biography:
        data["description"] = Truncator(strip_tags(record.biography)).chars(300)
    images = [url for url in (share_image_url(image, request) for image in record_images(record)) if url]
    if images:
        data["image"] = images[0] if len(images) == 1 else images
    text = json.dumps(data, ensure_ascii=False)
    # Nothing inside the JSON may close the <script> element.
    return mark_safe(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def record_detail(request, page, pk):
    record = _record_for_detail_page(pk)
    context = _page_context(
        page,
        request,
        record=record,
        photos=list(record.photos.all()),
        json_ld=person_json_ld(record, request),
        record_url=record.get_url(request),
        correction_url=page.url + page.reverse_subpage("correction", args=[record.pk]),
        qr_svg_url=page.url + page.reverse_subpage("record_qr", args=[record.pk, "svg"]),
        qr_png_url=page.url + page.reverse_subpage("record_qr", args=[record.pk, "png"]),
        facility_url=record.facility.get_url(request) if record.facility_id else "",
    )
    return TemplateResponse(request, "memorials/record_detail.html", context)


def record_qr(request, page, pk, fmt):
    """The record's QR code (SVG for print, PNG for anything else)."""
    record = _published_record(pk)
    url = record.get_full_url(request)
    if fmt == "svg":
        response = HttpResponse(qr_svg(url, title=record.name), content_type="image/svg+xml")
    else:
        response = HttpResponse(qr_png(url), content_type="image/png")
    filename = f"martyr-{record.pk}-qr.{fmt}"
    if request.GET.get("download"):
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    patch_cache_control(response, public=True, max_age=86400)
    return response


def correction_form(request, page, pk):
    """纠错: a visitor proposes a correction; it waits in the moderation queue."""
    record = _published_record(pk)
    sent = request.GET.get("sent") == "1"
    if request.method == "POST":
        form = CorrectionForm(request.POST)
        if form.is_valid():
            if not form.cleaned_data.get("website"):
                correction = form.save(commit=False)
                correction.record = record
                correction.current_value = _current_value(record, correction.field)
                correction.save()
            return redirect(request.path + "?sent=1")
        messages.error(request, _("提交未成功，请根据提示修改后再提交。"))
    else:
        form = CorrectionForm()
    context = _page_context(page, request, record=record, form=form, sent=sent,
                            record_url=record.get_url(request))
    return TemplateResponse(request, "memorials/correction_form.html", context)


def _current_value(record, field):
    if field in ("birth", "enlistment", "death"):
        return getattr(record, f"{field}_display")
    if field == "gender":
        return record.get_gender_display()
    if field == "biography":
        return record.biography_text
    if field == "other":
        return ""
    return getattr(record, field, "")


def facility_detail(request, page, pk):
    facility = MemorialFacility.objects.select_related("photo").filter(pk=pk).first()
    if facility is None:
        raise Http404(_("没有找到这处纪念设施"))
    records = MartyrRecord.objects.published().filter(facility=facility).only(*LIST_FIELDS, "grave_section",
                                                                             "grave_row", "grave_number")
    keyset = keyset_paginate(records, after=request.GET.get("after"), before=request.GET.get("before"),
                             size=page.per_page)
    count, capped = approximate_count(records)
    sections = cache.get(f"memorials:sections:{facility.pk}") if request.user.is_staff else []
    if sections is None:
        sections = sorted(
            set(records.exclude(grave_section="").values_list("grave_section", flat=True).distinct()[:200])
        )
        cache.set(f"memorials:sections:{facility.pk}", sections, 300)
    context = _page_context(
        page, request, facility=facility, records=keyset.items, keyset=keyset, count=count,
        count_capped=capped, base_query="", sections=sections,
        labels_url=page.url + page.reverse_subpage("facility_labels", args=[facility.pk]),
    )
    return TemplateResponse(request, "memorials/facility_detail.html", context)


def facility_labels(request, page, pk):
    """A printable sheet of QR labels for the graves of one cemetery section (staff only:
    drawing hundreds of QR codes is too costly to offer to every visitor)."""
    if not request.user.has_perm("memorials.view_martyrrecord"):
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(request.get_full_path(), login_url="/admin/login/")
    facility = MemorialFacility.objects.filter(pk=pk).first()
    if facility is None:
        raise Http404(_("没有找到这处纪念设施"))
    section = request.GET.get("section", "").strip()
    records = MartyrRecord.objects.published().filter(facility=facility)
    if section:
        records = records.filter(grave_section=section)
    records = list(records.order_by("grave_section", "grave_row", "grave_number", "id")[: MAX_LABELS + 1])
    truncated = len(records) > MAX_LABELS
    records = records[:MAX_LABELS]
    base = page.full_url.rstrip("/") if page.full_url else request.build_absolute_uri(page.url).rstrip("/")
    labels = [
        {"record": record, "svg": mark_safe(qr_svg_inline(f"{base}/{record.pk}/"))}
        for record in records
    ]
    context = _page_context(page, request, facility=facility, section=section, labels=labels, truncated=truncated,
                            max_labels=MAX_LABELS)
    return TemplateResponse(request, "memorials/labels_sheet.html", context)

