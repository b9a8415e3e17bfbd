"""Site-wide display modes: mourning (grayscale) days and the elder-friendly mode."""

import datetime
import re
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from lunar_python import Solar

#: Cookie that remembers a visitor's elder-friendly choice (no personal data, one year).
ELDER_MODE_COOKIE = "elder_mode"
ELDER_MODE_MAX_AGE = 365 * 24 * 3600

MARTYRS_DAY = (9, 30)  # 烈士纪念日
NATIONAL_MEMORIAL_DAY = (12, 13)  # 南京大屠杀死难者国家公祭日

_EXTRA_DATE = re.compile(r"^(?:(\d{4})-)?(\d{1,2})-(\d{1,2})$")


@lru_cache(maxsize=256)
def qingming(year: int) -> datetime.date:
    """The date of the Qingming solar term (清明) in ``year``, from the astronomical tables."""
    term = Solar.fromYmd(year, 6, 1).getLunar().getJieQiTable()["清明"]
    return datetime.date(term.getYear(), term.getMonth(), term.getDay())


def parse_extra_dates(text: str):
    """Parse one date per line, ``MM-DD`` (every year) or ``YYYY-MM-DD`` (that day only).

    Returns ``[(year_or_None, month, day), …]``; raises ``ValidationError`` naming bad lines.
    """
    parsed, errors = [], []
    for number, raw in enumerate((text or "").splitlines(), start=1):
        line = raw.strip().translate(_FULL_WIDTH_DIGITS)
        if not line:
            continue
        match = _EXTRA_DATE.match(line)
        try:
            if not match:
                raise ValueError
            year, month, day = match.groups()
            # Validate against a leap year so that 02-29 is accepted as a yearly date.
            datetime.date(int(year) if year else 2000, int(month), int(day))
        except ValueError:
            errors.append(
                _("第 %(number)d 行“%(line)s”不是有效日期，请写成 09-30 或 2025-04-04")
                % {"number": number, "line": raw.strip()}
            )
            continue
        parsed.append((int(year) if year else None, int(month), int(day)))
    if errors:
        raise ValidationError(errors)
    return parsed


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９－／", "0123456789--")


def is_mourning_day(display_settings, day: datetime.date) -> bool:
    """Whether ``day`` is a mourning day under the configured switch and dates."""
    mode = display_settings.mourning_mode
    if mode == "on":
        return True
    if mode != "auto":
        return False
    if display_settings.mourning_on_qingming and day == qingming(day.year):
        return True
    if display_settings.mourning_on_martyrs_day and (day.month, day.day) == MARTYRS_DAY:
        return True
    if display_settings.mourning_on_memorial_day and (day.month, day.day) == NATIONAL_MEMORIAL_DAY:
        return True
    try:
        extra = parse_extra_dates(display_settings.extra_mourning_dates)
    except ValidationError:
        return False
    return any(
        (year is None or year == day.year) and (month, dom) == (day.month, day.day) for year, month, dom in extra
    )


def elder_mode_from_request(request) -> bool:
    return request.COOKIES.get(ELDER_MODE_COOKIE) == "1"
