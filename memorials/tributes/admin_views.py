"""Staff statistics (统计): the site's offerings by day, a hall's, a ceremony's period; CSV."""

from __future__ import annotations

import datetime

from django.contrib.auth.decorators import permission_required
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from memorials.interface import get_published_record, record_summary
from memorials.tributes import counters, stats
from memorials.tributes.models import CeremonyPage, HallSettings, TributeMessage
from siteshell.inputs import MAX_ID, bounded_int

can_view_statistics = permission_required("tributes.view_statistics", raise_exception=True)

#: Days the overview and a hall's table show by default.
RECENT_DAYS = 30


def _recent(days=RECENT_DAYS):
    end = timezone.localdate()
    return end - datetime.timedelta(days=days - 1), end


@can_view_statistics
def overview(request):
    """Today, the last 30 days of the site, the ceremonies; a hall found by its record's id."""
    asked = request.GET.get("record", "").strip()
    if asked:
        number = bounded_int(asked, minimum=1, maximum=MAX_ID)
        if number is not None and get_published_record(number) is not None:
            return redirect("tributes_admin:hall", record_id=number)
    start, end = _recent()
    rows = stats.site_days(start, end)
    if request.GET.get("format") == "csv":
        return stats.csv_response(rows, f"tributes-site-{start}-{end}.csv")
    return TemplateResponse(
        request,
        "tributes/admin/statistics.html",
        {
            "page_title": _("网上祭奠统计"),
            "header_icon": "pick",
            "heading": _("全站近30天"),
            "rows": rows,
            "total": stats.totals(rows),
            "headings": stats.headings(),
            "today": counters.today(),
            "all_time": counters.site(),
            "ceremonies": CeremonyPage.objects.order_by("-start_date")[:20],
            "asked": asked,
            "not_found": bool(asked),
            "csv_url": "?format=csv",
        },
    )


@can_view_statistics
def hall(request, record_id):
    record = get_published_record(bounded_int(record_id, minimum=1, maximum=MAX_ID))
    if record is None:
        raise Http404(_("没有找到这位烈士的网上纪念馆"))
    start, end = _recent(stats.MAX_DAYS)
    rows = stats.hall_days(record.pk, start, end)
    if request.GET.get("format") == "csv":
        return stats.csv_response(rows, f"tributes-hall-{record.pk}.csv")
    settings_row = HallSettings.objects.filter(record_id=record.pk).first()
    return TemplateResponse(
        request,
        "tributes/admin/statistics.html",
        {
            "page_title": _("%(name)s烈士纪念馆统计") % {"name": record_summary(record)["name"]},
            "header_icon": "pick",
            "heading": _("按日统计（最近一年）"),
            "rows": rows,
            "total": stats.totals(rows),
            "headings": stats.headings(),
            "all_time": counters.hall(record.pk),
            "hall_url": reverse("tributes:hall", args=[record.pk]),
            "pending": TributeMessage.objects.pending().filter(record_id=record.pk).count(),
            "settings_row": settings_row,
            "settings_url": (
                reverse("wagtailsnippets_tributes_hallsettings:edit", args=[record.pk])
                if settings_row
                else reverse("wagtailsnippets_tributes_hallsettings:add")
            ),
            "csv_url": "?format=csv",
        },
    )


@can_view_statistics
def ceremony(request, page_id):
    page = CeremonyPage.objects.filter(pk=bounded_int(page_id, minimum=1, maximum=MAX_ID) or 0).first()
    if page is None:
        raise Http404(_("没有找到这项集体祭奠活动"))
    rows = stats.site_days(page.start_date, page.end_date)
    if request.GET.get("format") == "csv":
        return stats.csv_response(rows, f"tributes-ceremony-{page.pk}.csv")
    return TemplateResponse(
        request,
        "tributes/admin/statistics.html",
        {
            "page_title": page.title,
            "header_icon": "pick",
            "heading": _("活动期间（%(start)s 至 %(end)s）全站按日统计")
            % {"start": page.start_date, "end": page.end_date},
            "rows": rows,
            "total": stats.totals(rows),
            "headings": stats.headings(),
            "all_time": counters.period(page.start_date, page.end_date),
            "csv_url": "?format=csv",
        },
    )
