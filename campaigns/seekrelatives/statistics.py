"""Figures for staff: clues per week, and how long clues wait for a first answer, for DNA
comparison and for 认亲成功; a CSV export of one row per clue without any personal data."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count
from django.db.models.functions import TruncWeek
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.seekrelatives.models import Clue

#: Weeks the weekly counts go back.
WEEKS = 12


@dataclass(frozen=True)
class Duration:
    label: str
    count: int
    median_days: float | None
    mean_days: float | None


def days_between(start, end) -> float | None:
    """Days from ``start`` to ``end`` (one decimal), ``None`` when either is missing or ``end``
    came first (a clue sent after its case had already reached that stage)."""
    if start is None or end is None or end < start:
        return None
    return round((end - start).total_seconds() / 86400, 1)


def clues_per_week(weeks: int = WEEKS, now=None) -> list[tuple]:
    """``(monday, count)`` for the last ``weeks`` weeks, oldest first, empty weeks included."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    this_monday = today - timedelta(days=today.weekday())
    first = this_monday - timedelta(weeks=weeks - 1)
    counts = {
        row["week"].date() if hasattr(row["week"], "date") else row["week"]: row["count"]
        for row in Clue.objects.filter(submitted_at__date__gte=first)
        .annotate(week=TruncWeek("submitted_at"))
        .values("week")
        .annotate(count=Count("id"))
    }
    return [(first + timedelta(weeks=n), counts.get(first + timedelta(weeks=n), 0)) for n in range(weeks)]


def clue_rows():
    """One dict per clue (oldest first): the dates and durations, never who sent it."""
    clues = Clue.objects.select_related("case", "record").order_by("submitted_at", "id")
    for clue in clues.iterator(chunk_size=500):
        case = clue.case
        yield {
            "clue": clue.pk,
            "case": case.reference if case else "",
            "martyr": clue.about,
            "submitted": clue.submitted_at,
            "status": clue.get_moderation_status_display(),
            "relationship": clue.get_relationship_display(),
            "stage": case.get_stage_display() if case else "",
            "first_answer": clue.first_answer_at,
            "to_first_answer": days_between(clue.submitted_at, clue.first_answer_at),
            "dna": case.dna_started_at if case else None,
            "to_dna": days_between(clue.submitted_at, case.dna_started_at) if case else None,
            "confirmed": case.confirmed_at if case else None,
            "to_confirmed": days_between(clue.submitted_at, case.confirmed_at) if case else None,
        }


def durations(rows=None) -> list[Duration]:
    rows = list(clue_rows() if rows is None else rows)
    result = []
    for key, label in (
        ("to_first_answer", _("从收到线索到首次答复")),
        ("to_dna", _("从收到线索到DNA比对")),
        ("to_confirmed", _("从收到线索到认亲成功")),
    ):
        values = [row[key] for row in rows if row[key] is not None]
        result.append(
            Duration(
                label=label,
                count=len(values),
                median_days=round(statistics.median(values), 1) if values else None,
                mean_days=round(statistics.fmean(values), 1) if values else None,
            )
        )
    return result


def csv_headings() -> list[str]:
    return [
        _("线索编号"),
        _("案件编号"),
        _("烈士"),
        _("提交日期"),
        _("受理状态"),
        _("与烈士的关系"),
        _("案件阶段"),
        _("首次答复日期"),
        _("至首次答复（天）"),
        _("转入DNA比对日期"),
        _("至DNA比对（天）"),
        _("认亲成功日期"),
        _("至认亲成功（天）"),
    ]


def _date(value) -> str:
    return f"{timezone.localtime(value):%Y-%m-%d}" if value else ""


def _days(value) -> str:
    return "" if value is None else f"{value:g}"


def csv_values(row) -> list[str]:
    return [
        str(row["clue"]),
        row["case"],
        row["martyr"],
        _date(row["submitted"]),
        str(row["status"]),
        str(row["relationship"]),
        str(row["stage"]),
        _date(row["first_answer"]),
        _days(row["to_first_answer"]),
        _date(row["dna"]),
        _days(row["to_dna"]),
        _date(row["confirmed"]),
        _days(row["to_confirmed"]),
    ]
