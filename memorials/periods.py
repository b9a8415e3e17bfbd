"""Historical periods (牺牲年代) derived from the date of death, for browsing the archive."""

from __future__ import annotations

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _


class WarPeriod(models.TextChoices):
    OLD_DEMOCRATIC = "old-democratic", _("旧民主主义革命时期")
    GREAT_REVOLUTION = "great-revolution", _("大革命时期")
    AGRARIAN = "agrarian", _("土地革命战争时期")
    ANTI_JAPANESE = "anti-japanese", _("抗日战争时期")
    LIBERATION = "liberation", _("解放战争时期")
    KOREA = "korea", _("抗美援朝战争")
    CONSTRUCTION = "construction", _("社会主义革命和建设时期")
    REFORM = "reform", _("改革开放和社会主义现代化建设新时期")
    NEW_ERA = "new-era", _("中国特色社会主义新时代")


_D = datetime.date
#: First day of each period, in order; a period lasts until the next one starts.
_STARTS = [
    (_D(1921, 7, 1), WarPeriod.GREAT_REVOLUTION),
    (_D(1927, 8, 1), WarPeriod.AGRARIAN),
    (_D(1937, 7, 7), WarPeriod.ANTI_JAPANESE),
    (_D(1945, 9, 3), WarPeriod.LIBERATION),
    (_D(1949, 10, 1), WarPeriod.CONSTRUCTION),
    (_D(1978, 12, 18), WarPeriod.REFORM),
    (_D(2012, 11, 8), WarPeriod.NEW_ERA),
]
KOREA_START, KOREA_END = _D(1950, 10, 19), _D(1953, 7, 27)
_KOREA_WORDS = ("朝鲜", "抗美援朝", "志愿军", "上甘岭", "长津湖")


def war_period_for(death_date: datetime.date | None, *texts: str) -> str:
    """The period a death belongs to; deaths in Korea during the war count as 抗美援朝."""
    if death_date is None:
        return ""
    if KOREA_START <= death_date <= KOREA_END and any(word in (t or "") for t in texts for word in _KOREA_WORDS):
        return WarPeriod.KOREA
    period = WarPeriod.OLD_DEMOCRATIC
    for start, candidate in _STARTS:
        if death_date >= start:
            period = candidate
    return period
