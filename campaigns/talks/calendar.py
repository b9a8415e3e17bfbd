"""The month calendar: weeks of days, Monday first, each with the talks that start on it."""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass, field

from django.utils import timezone

#: The months the calendar pages show (an address outside them is a 404).
FIRST_YEAR, LAST_YEAR = 2000, 2100


@dataclass
class Day:
    date: datetime.date
    in_month: bool
    is_today: bool
    talks: list = field(default_factory=list)


@dataclass
class Month:
    year: int
    month: int
    weeks: list[list[Day]]

    @property
    def first(self) -> datetime.date:
        return datetime.date(self.year, self.month, 1)

    @property
    def previous(self) -> tuple[int, int] | None:
        year, month = (self.year, self.month - 1) if self.month > 1 else (self.year - 1, 12)
        return (year, month) if year >= FIRST_YEAR else None

    @property
    def next(self) -> tuple[int, int] | None:
        year, month = (self.year, self.month + 1) if self.month < 12 else (self.year + 1, 1)
        return (year, month) if year <= LAST_YEAR else None

    def days_with_talks(self) -> list[Day]:
        """The agenda: this month's days that have a talk, in order."""
        return [day for week in self.weeks for day in week if day.in_month and day.talks]


def month_bounds(year: int, month: int) -> tuple[datetime.datetime, datetime.datetime]:
    """The first and the last moment of the month's grid (whole weeks), in the site's zone."""
    dates = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    zone = timezone.get_current_timezone()
    start = datetime.datetime.combine(dates[0][0], datetime.time.min, tzinfo=zone)
    end = datetime.datetime.combine(dates[-1][-1] + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone)
    return start, end


def build_month(year: int, month: int, talks) -> Month:
    """The grid of ``year``-``month`` with ``talks`` (ordered by start) on their first day."""
    today = timezone.localdate()
    by_day: dict[datetime.date, list] = {}
    for talk in talks:
        by_day.setdefault(timezone.localtime(talk.start).date(), []).append(talk)
    weeks = [
        [Day(date=day, in_month=day.month == month, is_today=day == today, talks=by_day.get(day, [])) for day in week]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    ]
    return Month(year=year, month=month, weeks=weeks)
