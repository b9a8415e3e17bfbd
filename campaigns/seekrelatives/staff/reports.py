"""统计: clues per week, the time to a first answer, to DNA comparison and to 认亲成功, and the
CSV export (one row per clue, no personal data)."""

from __future__ import annotations

import csv

from django.contrib.auth.decorators import permission_required
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.http import StreamingHttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.views.mixins import Echo
from wagtail.log_actions import log

from campaigns.seekrelatives import statistics
from campaigns.seekrelatives.figures import campaign_figures
from campaigns.seekrelatives.models import ClueCase
from campaigns.seekrelatives.stages import Stage

can_view_statistics = permission_required("seekrelatives.view_statistics", raise_exception=True)


@can_view_statistics
def statistics_page(request):
    weekly = statistics.clues_per_week()
    most = max((count for _week, count in weekly), default=0) or 1
    counts = dict(ClueCase.objects.active().values_list("stage").annotate(count=Count("id")).order_by())
    by_stage = [(label, counts.get(value, 0)) for value, label in Stage.choices]
    return TemplateResponse(
        request,
        "seekrelatives/admin/statistics.html",
        {
            "page_title": _("寻亲统计"),
            "header_icon": "table",
            "weekly": [(week, count, round(count * 100 / most)) for week, count in weekly],
            "durations": statistics.durations(),
            "figures": campaign_figures(),
            "by_stage": by_stage,
        },
    )


@can_view_statistics
def statistics_csv(request):
    """Every clue as a row: dates, durations, stage; never a name, number or address."""
    log(ContentType.objects.get_for_model(ClueCase), "seekrelatives.export", user=request.user)
    writer = csv.writer(Echo())

    def rows():
        yield "\ufeff"  # Excel reads the Chinese text as UTF-8
        yield writer.writerow(statistics.csv_headings())
        for row in statistics.clue_rows():
            yield writer.writerow(statistics.csv_values(row))

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="seekrelatives-clues-{timezone.localdate():%Y%m%d}.csv"'
    return response
