"""Partial dates as bureaus write them: 1950年, 1950年10月, 1950.10, 一九五〇年十月 …

A date is stored as the first day of what is known plus its precision, and shown again the way
it was known (``1950年`` stays ``1950年``, it never becomes ``1950年1月1日``).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

YEAR, MONTH, DAY = "year", "month", "day"
PRECISION_CHOICES = [(YEAR, "年"), (MONTH, "年月"), (DAY, "年月日")]

MIN_YEAR, MAX_YEAR = 1800, 2100

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．－／　", "0123456789.-/ ")
_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUMBER = re.compile(r"[〇○零Ｏ一二三四五六七八九十]+")


class PartialDateError(ValueError):
    """The text is not a date; the message is Chinese and meant for the person who typed it."""


@dataclass(frozen=True)
class PartialDate:
    date: datetime.date
    precision: str

    def __str__(self):
        return format_partial_date(self.date, self.precision)


def format_partial_date(value: datetime.date | None, precision: str) -> str:
    """``1950年`` / ``1950年10月`` / ``1950年10月25日``; empty when unknown."""
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
        raise PartialDateError("无法识别的日期")
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
            raise PartialDateError(f"年份{year}超出范围（{MIN_YEAR}—{MAX_YEAR}）")
        if len(parts) == 1:
            return PartialDate(datetime.date(year, 1, 1), YEAR)
        month = parts[1]
        if not 1 <= month <= 12:
            raise PartialDateError(f"月份{month}不存在")
        if len(parts) == 2:
            return PartialDate(datetime.date(year, month, 1), MONTH)
        try:
            return PartialDate(datetime.date(year, month, parts[2]), DAY)
        except ValueError:
            raise PartialDateError(f"{year}年{month}月没有{parts[2]}日") from None
    raise PartialDateError(f"无法识别的日期“{raw}”，请写成 1950年10月、1950.10 或 1950-10-25")
