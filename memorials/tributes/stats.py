"""Statistics by day for staff: a hall's offerings and messages, a ceremony's period (the whole
site's offerings), with a CSV export."""

from __future__ import annotations

import csv
import datetime
from dataclasses import dataclass

from django.db.models import Count, Sum
from django.db.models.functions import TruncDate
from django.http import HttpResponse
from django.utils.translation import gettext as _

from memorials.tributes.kinds import KIND_VALUES, OfferingKind
from memorials.tributes.models import Scope, TributeCount, TributeMessage

#: Longest period a table shows (a hall open for years is shown by its last days).
MAX_DAYS = 366


@dataclass
class DayRow:
    day: datetime.date
    counts: dict
    messages: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def cells(self) -> list[int]:
        return [self.counts.get(kind, 0) for kind in KIND_VALUES]


def _rows(queryset, messages_by_day=None) -> list[DayRow]:
    by_day: dict[datetime.date, DayRow] = {}
    for day, kind, number in queryset.values("day", "kind").annotate(n=Sum("count")).values_list("day", "kind", "n"):
        row = by_day.setdefault(day, DayRow(day, {}))
        row.counts[kind] = row.counts.get(kind, 0) + int(number)
    for day, number in (messages_by_day or {}).items():
        by_day.setdefault(day, DayRow(day, {})).messages = number
    return sorted(by_day.values(), key=lambda row: row.day, reverse=True)


def hall_days(record_id: int, start: datetime.date, end: datetime.date) -> list[DayRow]:
    offerings = TributeCount.objects.filter(scope=Scope.HALL, scope_id=record_id, day__range=(start, end))
    submitted = (
        TributeMessage.objects.filter(record_id=record_id)
        .annotate(day=TruncDate("submitted_at"))
        .filter(day__range=(start, end))
        .values("day")
        .annotate(n=Count("id"))
        .values_list("day", "n")
    )
    return _rows(offerings, dict(submitted))


def site_days(start: datetime.date, end: datetime.date) -> list[DayRow]:
    submitted = (
        TributeMessage.objects.annotate(day=TruncDate("submitted_at"))
        .filter(day__range=(start, end))
        .values("day")
        .annotate(n=Count("id"))
        .values_list("day", "n")
    )
    return _rows(TributeCount.objects.filter(scope=Scope.SITE, scope_id=0, day__range=(start, end)), dict(submitted))


def totals(rows: list[DayRow]) -> DayRow:
    total = DayRow(day=None, counts={}, messages=sum(row.messages for row in rows))
    for row in rows:
        for kind, number in row.counts.items():
            total.counts[kind] = total.counts.get(kind, 0) + number
    return total


def headings() -> list[str]:
    return [_("日期"), *(str(OfferingKind(kind).label) for kind in KIND_VALUES), _("合计"), _("寄语（提交）")]


def csv_response(rows: list[DayRow], filename: str) -> HttpResponse:
    """The rows as CSV, UTF-8 with a byte-order mark (so that Excel reads the Chinese)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(headings())
    for row in sorted(rows, key=lambda row: row.day):
        writer.writerow([row.day.isoformat(), *row.cells(), row.total, row.messages])
    return response
