"""Season planning: how many graves each facility's team has to sweep on each day (scheduled, and
accepted but not scheduled yet whose family wants that day), the printable day sheet, and the
CSV export. At a Qingming peak a bureau handles a few thousand requests: each grid is two
queries, whatever the range."""

from __future__ import annotations

import csv
import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from memorials.sweeping.models import Relationship, Service, Status
from siteshell.privacy.masking import mask

#: The key of requests whose facility is not known (named by their burial place).
NO_FACILITY = 0


@dataclass
class Cell:
    day: datetime.date | None = None
    scheduled: int = 0
    waiting: int = 0
    #: What a screen reader says for the cell's link.
    label: str = ""

    @property
    def total(self) -> int:
        return self.scheduled + self.waiting


@dataclass
class Row:
    facility_id: int
    name: str
    cells: list[Cell] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(cell.total for cell in self.cells)


def grid(requests, start: datetime.date, days: int) -> tuple[list[datetime.date], list[Row]]:
    """Rows of facilities (those with work in the range), a cell per day."""
    dates = [start + datetime.timedelta(days=offset) for offset in range(days)]
    end = dates[-1]
    counts: dict[int, dict[datetime.date, Cell]] = defaultdict(lambda: defaultdict(Cell))
    names: dict[int, str] = {}
    scheduled = (
        requests.filter(status=Status.SCHEDULED, scheduled_for__range=(start, end))
        .values("facility_id", "facility__name", "scheduled_for")
        .annotate(count=Count("id"))
    )
    for row in scheduled:
        key = row["facility_id"] or NO_FACILITY
        names[key] = row["facility__name"] or ""
        counts[key][row["scheduled_for"]].scheduled += row["count"]
    waiting = requests.filter(status=Status.ACCEPTED, preferred_from__lte=end, preferred_until__gte=start).values_list(
        "facility_id", "facility__name", "preferred_from", "preferred_until"
    )
    for facility_id, name, first, last in waiting.iterator():
        key = facility_id or NO_FACILITY
        names[key] = name or ""
        day = max(first, start)
        while day <= min(last, end):
            counts[key][day].waiting += 1
            day += datetime.timedelta(days=1)
    # Translated once: a season of 62 days × dozens of facilities is thousands of cells.
    label = _("%(day)s：已安排%(scheduled)d，待安排%(waiting)d")
    rows = []
    for key, by_day in counts.items():
        cells = []
        for day in dates:
            cell = by_day.get(day) or Cell()
            text = label % {"day": day.isoformat(), "scheduled": cell.scheduled, "waiting": cell.waiting}
            cells.append(Cell(day, cell.scheduled, cell.waiting, text if cell.total else ""))
        rows.append(Row(key, names[key] or _("纪念设施未知"), cells))
    rows.sort(key=lambda row: (row.facility_id == NO_FACILITY, row.name))
    return dates, rows


def day_sheet(requests, day: datetime.date):
    """The requests a team works on ``day``, in grave order, with what the sheet prints."""
    found = list(
        requests.for_day(day).select_related("record", "facility", "assigned_to").order_by("grave", "martyr_name", "id")
    )
    for item in found:
        item.grave_for_sheet = item.grave_display
    found.sort(key=lambda item: (item.status != Status.SCHEDULED, item.grave_for_sheet, item.martyr_name))
    return found


EXPORT_HEADINGS = [
    gettext_lazy("编号"),
    gettext_lazy("提交时间"),
    gettext_lazy("烈士姓名"),
    gettext_lazy("纪念设施"),
    gettext_lazy("安葬地点"),
    gettext_lazy("墓位"),
    gettext_lazy("祭扫内容"),
    gettext_lazy("寄语"),
    gettext_lazy("希望日期（起）"),
    gettext_lazy("希望日期（止）"),
    gettext_lazy("办理状态"),
    gettext_lazy("安排日期"),
    gettext_lazy("祭扫人员"),
    gettext_lazy("完成时间"),
    gettext_lazy("告知家属时间"),
    gettext_lazy("申请人"),
    gettext_lazy("与烈士关系"),
    gettext_lazy("手机号码"),
    gettext_lazy("逾期"),
]


def export_rows(requests):
    """One row per request for the CSV: the requester's name as initials and the phone masked
    (the full data is on each request's page, each view logged). Labels are translated once,
    not once per row."""
    statuses = {key: str(label) for key, label in Status.choices}
    relationships = {key: str(label) for key, label in Relationship.choices}
    services = {key: str(label) for key, label in Service.choices}
    today = timezone.localdate()
    for item in requests.select_related("record", "facility", "assigned_to").order_by("id").iterator(chunk_size=500):
        yield [
            item.pk,
            _local(item.submitted_at),
            item.martyr_name,
            item.facility.name if item.facility_id else "",
            item.burial_place,
            item.grave_display,
            "、".join(services[key] for key in item.services if key in services),
            item.message,
            item.preferred_from.isoformat(),
            item.preferred_until.isoformat(),
            statuses.get(item.status, item.status),
            item.scheduled_for.isoformat() if item.scheduled_for else "",
            _staff_name(item.assigned_to),
            _local(item.done_at),
            _local(item.informed_at),
            item.requester_initials,
            relationships.get(item.relationship, ""),
            mask(item.phone, "mobile"),
            item.overdue_reason(today),
        ]


def _staff_name(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


class Echo:
    """A file-like object that hands back what the CSV writer writes (streamed rows)."""

    def write(self, value):
        return value


def stream_csv(requests):
    writer = csv.writer(Echo())
    yield "\ufeff"  # Excel reads UTF-8 with a BOM
    yield writer.writerow([str(heading) for heading in EXPORT_HEADINGS])
    for row in export_rows(requests):
        yield writer.writerow([_safe_cell(value) for value in row])


def _safe_cell(value):
    """No formula injection: a cell a spreadsheet would run (=, +, -, @) is quoted as text."""
    text = str(value)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
