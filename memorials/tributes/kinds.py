"""The kinds of offering (祭奠方式). Nothing is sold and nothing is ranked: each kind is a gesture,
counted once a day per visitor and hall."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class OfferingKind(models.TextChoices):
    FLOWER = "flower", pgettext_lazy("an offering", "献花")
    CANDLE = "candle", pgettext_lazy("an offering", "点烛")
    BOW = "bow", pgettext_lazy("an offering", "鞠躬")
    SALUTE = "salute", pgettext_lazy("an offering", "敬礼")
    #: 敬献花篮: by organisations, with the organisation's name (shown after moderation).
    WREATH = "wreath", pgettext_lazy("an offering", "敬献花篮")


#: The kinds one tap offers (no name asked); a wreath comes with its organisation's name.
ONE_TAP = (OfferingKind.FLOWER, OfferingKind.CANDLE, OfferingKind.BOW, OfferingKind.SALUTE)
KIND_VALUES = tuple(OfferingKind.values)

#: What the counter under each button says ("1,234 人献花").
COUNTER_LABELS = {
    OfferingKind.FLOWER: _("人献花"),
    OfferingKind.CANDLE: _("人点烛"),
    OfferingKind.BOW: _("人鞠躬"),
    OfferingKind.SALUTE: _("人敬礼"),
    OfferingKind.WREATH: _("个花篮"),
}

#: The acknowledgement of a counted offering (quiet words; the page says to whom).
ACKNOWLEDGEMENTS = {
    OfferingKind.FLOWER: _("您献上了一束花，寄托哀思。"),
    OfferingKind.CANDLE: _("您点亮了一支蜡烛，寄托哀思。"),
    OfferingKind.BOW: _("您已鞠躬致敬，寄托哀思。"),
    OfferingKind.SALUTE: _("您已敬礼致敬，寄托哀思。"),
    OfferingKind.WREATH: _("花篮已敬献，单位名称经审核后展示。"),
}

#: The acknowledgement of one that is not counted again today.
ALREADY_TODAY = _("今天您已经表达过这份心意，每人每天计一次。谢谢您。")


def acknowledgement(kind: str, counted: bool) -> str:
    if not counted:
        return str(ALREADY_TODAY)
    return str(ACKNOWLEDGEMENTS[kind])  # a kind's value is its member's key (TextChoices)
