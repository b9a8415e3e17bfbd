"""Partial dates as bureaus write them: 1950年, 1950年10月, 1950.10, 一九五〇年十月 …

A date is stored as the first day of what is known plus its precision, and shown again the way
it was known (``1950年`` stays ``1950年``, it never becomes ``1950年1月1日``): to people in
their language (:func:`format_partial_date`: ``1950年10月`` / ``October 1950``), in lists and
exports in the notation the parser reads back (:func:`partial_date_notation`: ``1950年10月``).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import pgettext, pgettext_lazy

YEAR, MONTH, DAY = "year", "month", "day"
PRECISION_CHOICES = [
    (YEAR, pgettext_lazy("how precisely a date is known", "年")),
    (MONTH, pgettext_lazy("how precisely a date is known", "年月")),
    (DAY, pgettext_lazy("how precisely a date is known", "年月日")),
]

#: The months as a partial date shows them: ``10月`` in Chinese, ``October`` in English.
MONTHS = (
    pgettext_lazy("month of a date", "1月"),
    pgettext_lazy("month of a date", "2月"),
    pgettext_lazy("month of a date", "3月"),
    pgettext_lazy("month of a date", "4月"),
    pgettext_lazy("month of a date", "5月"),
    pgettext_lazy("month of a date", "6月"),
    pgettext_lazy("month of a date", "7月"),
    pgettext_lazy("month of a date", "8月"),
    pgettext_lazy("month of a date", "9月"),
    pgettext_lazy("month of a date", "10月"),
    pgettext_lazy("month of a date", "11月"),
    pgettext_lazy("month of a date", "12月"),
)

MIN_YEAR, MAX_YEAR = 1800, 2100

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．－／　", "0123456789.-/ ")
_CN_DIGITS = {
    "〇": 0,
    "○": 0,
    "零": 0,
    "Ｏ": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_NUMBER = re.compile(r"[〇○零Ｏ一二三四五六七八九十]+")


class PartialDateError(ValueError):
    """The text is not a date; the message (in the active language) is meant for the person
    who typed it."""


@dataclass(frozen=True)
class PartialDate:
    date: datetime.date
    precision: str

    def __str__(self):
        return format_partial_date(self.date, self.precision)


def format_partial_date(value: datetime.date | None, precision: str) -> str:
    """The date as precisely as it is known, in the active language: ``1950年`` /
    ``1950年10月`` / ``1950年10月25日``, or ``1950`` / ``October 1950`` / ``25 October 1950``;
    empty when unknown."""
    if value is None:
        return ""
    if precision == YEAR:
        return pgettext("a date known to the year", "%(year)s年") % {"year": value.year}
    month = MONTHS[value.month - 1]
    if precision == MONTH:
        # Translators: %(month)s is a month as "month of a date" translates it (10月 / October).
        return pgettext("a date known to the month", "%(year)s年%(month)s") % {"year": value.year, "month": month}
    # Translators: %(month)s is a month as "month of a date" translates it (10月 / October).
    return pgettext("a date known to the day", "%(year)s年%(month)s%(day)s日") % {
        "year": value.year,
        "month": month,
        "day": value.day,
    }


def partial_date_notation(value: datetime.date | None, precision: str) -> str:
    """``1950年`` / ``1950年10月`` / ``1950年10月25日`` in every language: the notation of the
    lists, which :func:`parse_partial_date` reads back (exports round-trip); empty when unknown."""
    if value is None:
        return ""
    if precision == YEAR:
        return f"{value.year}年"
    if precision == MONTH:
        return f"{value.year}年{value.month}月"
    return f"{value.year}年{value.month}月{value.day}日"


def _chinese_number(text: str) -> str:
    """一九五〇 → 1950 (digit by digit); 十二 → 12, 二十五 → 25 (small numbers)."""
    if "十" not in text:
        return "".join(str(_CN_DIGITS[ch]) for ch in text)
    tens, _, units = text.partition("十")
    value = (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)
    return str(value)


_PATTERNS = [
    re.compile(r"^(\d{4})\s*年?$"),
    re.compile(r"^(\d{4})\s*(?:年|[.\-/])\s*(\d{1,2})\s*月?$"),
    re.compile(r"^(\d{4})\s*(?:年|[.\-/])\s*(\d{1,2})\s*(?:月|[.\-/])\s*(\d{1,2})\s*日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
    re.compile(r"^(\d{4})(\d{2})$"),
]


def parse_partial_date(raw) -> PartialDate | None:
    """Parse what a bureau typed into a :class:`PartialDate`; ``None`` for an empty cell.

    Accepts full-width digits, Chinese numerals, ``年月日`` or ``. - /`` separators, and
    ``date``/``datetime``/number cells from spreadsheets. Raises :class:`PartialDateError`.
    """
    if raw is None:
        return None
    if isinstance(raw, datetime.datetime):
        raw = raw.date()
    if isinstance(raw, datetime.date):
        return PartialDate(raw, DAY)
    if isinstance(raw, bool):
        raise PartialDateError(_("无法识别的日期"))
    if isinstance(raw, int):
        raw = str(raw)
    elif isinstance(raw, float):
        # A spreadsheet turns a typed 1950.10 into the number 1950.1; keep what is left.
        raw = repr(raw).rstrip("0").rstrip(".")
    text = str(raw).translate(_FULL_WIDTH).strip()
    if not text:
        return None
    text = _CN_NUMBER.sub(lambda m: _chinese_number(m.group()), text)
    text = re.sub(r"\s+", "", text)
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        parts = [int(part) for part in match.groups()]
        year = parts[0]
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise PartialDateError(
                _("年份%(year)s超出范围（%(min)s—%(max)s）") % {"year": year, "min": MIN_YEAR, "max": MAX_YEAR}
            )
        if len(parts) == 1:
            return PartialDate(datetime.date(year, 1, 1), YEAR)
        month = parts[1]
        if not 1 <= month <= 12:
            raise PartialDateError(_("月份%(month)s不存在") % {"month": month})
        if len(parts) == 2:
            return PartialDate(datetime.date(year, month, 1), MONTH)
        try:
            return PartialDate(datetime.date(year, month, parts[2]), DAY)
        except ValueError:
            raise PartialDateError(
                _("%(year)s年%(month)s月没有%(day)s日") % {"year": year, "month": month, "day": parts[2]}
            ) from None
    raise PartialDateError(_("无法识别的日期“%(text)s”，请写成 1950年10月、1950.10 或 1950-10-25") % {"text": raw})
