"""Public views of the archive: the handlers of :class:`~memorials.models.MartyrArchivePage`'s
routes, registered by name in :mod:`memorials.routing`.

Only published records (``live``) are ever shown. Other plugins add to the record and facility
pages through extension points (see the templates and ``MemorialsConfig.extension_points``).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from media.renditions import CARD, SHARED_PICTURE
from memorials.browsing import ArchiveBrowse
from memorials.conditional import not_modified, record_etag
from memorials.filters import MartyrRecordFilterSet
from memorials.forms import CorrectionForm
from memorials.models import MartyrRecord, MemorialFacility
from memorials.pagination import approximate_count, keyset_paginate
from memorials.qr import qr_png, qr_svg, qr_svg_inline
from memorials.routing import handles
from memorials.sharing import person_json_ld
from siteshell.inputs import MAX_ID, bounded_int
from siteshell.privacy.consent import record_consent
from siteshell.publicforms import guard, store_first

LIST_FIELDS = (
    "id",
    "name",
    "gender",
    "native_place",
    "death_date",
    "death_precision",
    "battle",
    "burial_place",
    "unit",
    "war_period",
)
#: Most labels printed on one sheet; a cemetery section is printed section by section.
MAX_LABELS = 600


def _page_context(page, request, **extra):
    context = page.get_context(request)
    context.update(extra)
    return context


def _keyset(request, records, page):
    """The page of ``records`` the request asks for: ``?after=``, ``?before=`` or ``?last=1``."""
    return keyset_paginate(
        records,
        after=request.GET.get("after"),
        before=request.GET.get("before"),
        last=request.GET.get("last") == "1",
        size=page.per_page,
    )


@handles("index")
def archive_index(request, page):
    """The list with filters, A–Z and province browsing (``memorials.browsing``); keyset pages
    (``?after=`` / ``?before=`` / ``?last=1``); counts cached or capped."""
    filterset = MartyrRecordFilterSet(request.GET or None, queryset=MartyrRecord.objects.published().only(*LIST_FIELDS))
    records = filterset.qs
    keyset = _keyset(request, records, page)
    browse = ArchiveBrowse(filterset)
    count, capped = browse.known_count(), False
    if count is None:
        count, capped = approximate_count(records)
    query = browse.canonical_query(keyset)
    context = _page_context(
        page,
        request,
        filterset=filterset,
        form=filterset.form,
        records=keyset.items,
        keyset=keyset,
        browse=browse,
        count=count,
        count_capped=capped,
        filtered=filterset.is_filtered(),
        canonical_url=page.get_full_url(request) + (f"?{query}" if query else ""),
    )
    return TemplateResponse(request, "memorials/archive_page.html", context)


def _existing_id(pk, message):
    """``pk`` from the URL if a row could have it (1 … 2⁶³−1); else a 404 with ``message``."""
    number = bounded_int(pk, minimum=1, maximum=MAX_ID)
    if number is None:
        raise Http404(message)
    return number


def _published_record(pk):
    pk = _existing_id(pk, _("没有找到这条烈士档案"))
    record = next(iter(MartyrRecord.objects.published().filter(pk=pk).order_by()[:1]), None)
    if record is None:
        raise Http404(_("没有找到这条烈士档案"))
    return record


@handles("record")
def record_detail(request, page, pk):
    pk = _existing_id(pk, _("没有找到这条烈士档案"))
    # One row by primary key: no ORDER BY to compile or run.
    record = next(iter(MartyrRecord.objects.published().for_detail().filter(pk=pk).order_by()[:1]), None)
    if record is None:
        raise Http404(_("没有找到这条烈士档案"))
    etag = record_etag(request, page, record)
    unchanged = not_modified(request, etag)
    if unchanged is not None:
        return unchanged
    context = _page_context(
        page,
        request,
        record=record,
        photos=record.load_gallery(CARD, SHARED_PICTURE),
        json_ld=person_json_ld(record, request),
        record_url=record.get_url(request),
        correction_url=page.url + page.reverse_subpage("correction", args=[record.pk]),
        qr_svg_url=page.url + page.reverse_subpage("record_qr", args=[record.pk, "svg"]),
        qr_png_url=page.url + page.reverse_subpage("record_qr", args=[record.pk, "png"]),
        facility_url=record.facility.get_url(request) if record.facility_id else "",
    )
    response = TemplateResponse(request, "memorials/record_detail.html", context)
    if etag is not None:
        response["ETag"] = etag
    return response


@handles("record_qr")
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


@handles("correction")
def correction_form(request, page, pk):
    """纠错: a visitor proposes a correction; it waits in the moderation queue. Protected as every
    public form is (``siteshell.publicforms``); a valid correction is stored before anything else."""
    record = _published_record(pk)
    sent = request.GET.get("sent") == "1"
    protection = guard(request, "memorials.correction")
    form = CorrectionForm(protection.data, protection=protection)
    if protection.posted:
        if form.is_valid():
            if protection.accepts(form):  # a filled honeypot: the same thanks, nothing stored
                store_first(lambda: _save_correction(form, record), protection.record_submission)
            return protection.finish(redirect(request.path + "?sent=1"))
        messages.error(request, _("提交未成功，请根据提示修改后再提交。"))
    context = _page_context(page, request, record=record, form=form, sent=sent, record_url=record.get_url(request))
    return protection.finish(TemplateResponse(request, "memorials/correction_form.html", context))


def _save_correction(form, record):
    correction = form.save(commit=False)
    correction.record = record
    correction.current_value = _current_value(record, correction.field)
    if form.cleaned_data.get("consent"):
        record_consent(correction)
    correction.save()
    return correction


def _current_value(record, field):
    """What the record says now, kept with the correction for staff: as the lists write it,
    whatever the visitor's language."""
    if field in ("birth", "enlistment", "death"):
        return getattr(record, f"{field}_notation")
    if field == "gender":
        return {"male": "男", "female": "女"}.get(record.gender, "")
    if field == "biography":
        return record.biography_text
    if field == "other":
        return ""
    return getattr(record, field, "")


@handles("facility")
def facility_detail(request, page, pk):
    pk = _existing_id(pk, _("没有找到这处纪念设施"))
    facility = MemorialFacility.objects.select_related("photo").filter(pk=pk).first()
    if facility is None:
        raise Http404(_("没有找到这处纪念设施"))
    records = (
        MartyrRecord.objects.published()
        .filter(facility=facility)
        .only(*LIST_FIELDS, "grave_section", "grave_row", "grave_number")
    )
    keyset = _keyset(request, records, page)
    count, capped = approximate_count(records)
    sections = cache.get(f"memorials:sections:{facility.pk}") if request.user.is_staff else []
    if sections is None:
        sections = sorted(
            set(records.exclude(grave_section="").values_list("grave_section", flat=True).distinct()[:200])
        )
        cache.set(f"memorials:sections:{facility.pk}", sections, 300)
    context = _page_context(
        page,
        request,
        facility=facility,
        records=keyset.items,
        keyset=keyset,
        count=count,
        count_capped=capped,
        sections=sections,
        labels_url=page.url + page.reverse_subpage("facility_labels", args=[facility.pk]),
    )
    return TemplateResponse(request, "memorials/facility_detail.html", context)


@handles("facility_labels")
def facility_labels(request, page, pk):
    """A printable sheet of QR labels for the graves of one cemetery section (staff only:
    drawing hundreds of QR codes is too costly to offer to every visitor)."""
    if not request.user.has_perm("memorials.view_martyrrecord"):
        return redirect_to_login(request.get_full_path(), login_url="/admin/login/")
    pk = _existing_id(pk, _("没有找到这处纪念设施"))
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
    labels = [{"record": record, "svg": mark_safe(qr_svg_inline(f"{base}/{record.pk}/"))} for record in records]
    context = _page_context(
        page, request, facility=facility, section=section, labels=labels, truncated=truncated, max_labels=MAX_LABELS
    )
    return TemplateResponse(request, "memorials/labels_sheet.html", context)
