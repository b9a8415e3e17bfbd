"""The word categories and what each one means for the moderator: the only place that says
which categories keep an item out of bulk approval."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WordCategory(models.TextChoices):
    INSULT = "insult", _("侮辱英烈")
    POLITICS = "politics", _("政治敏感")
    SPAM = "spam", _("广告/垃圾信息")
    OBSCENITY = "obscenity", _("色情低俗")


#: Value → member (``WordCategory.values`` builds a new list at every call).
BY_VALUE = {category.value: category for category in WordCategory}

#: Categories whose match keeps an item out of bulk approval: a moderator must open it and
#: decide on it alone.
#:
#: - 侮辱英烈: the law (英雄烈士保护法 art. 23) requires such content to be stopped and kept on
#:   record; publishing it by a careless bulk click is the harm this service exists to prevent.
#: - 政治敏感: a wrong decision is serious and context decides (a quotation, a history lesson).
#: - 色情低俗: never acceptable on a memorial site, and a false alarm costs one extra look.
#:
#: 广告/垃圾信息 alone does not: its words ("加微信", phone-number phrases) often occur in
#: honest messages (relatives seeking each other leave contacts); the matched words are shown
#: in the inbox list, so the moderator still sees them before a bulk approval.
BULK_APPROVAL_FORBIDDEN = frozenset({WordCategory.INSULT, WordCategory.POLITICS, WordCategory.OBSCENITY})


def allows_bulk_approval(category) -> bool:
    """Whether an item whose only matches are of ``category`` may be approved in bulk; an
    unknown category (one removed from the code since the item was screened) does not."""
    return category in BY_VALUE and category not in BULK_APPROVAL_FORBIDDEN


def as_category(value):
    """The :class:`WordCategory` of ``value``; an unknown value is returned unchanged."""
    return BY_VALUE.get(value, value)
