"""Personal data on the review page (a submitter's phone, e-mail, address): masked for everyone;
shown in full only to staff with ``review.view_personal_data``, and every full view is a log
entry (``siteshell.view_personal_data``) in the item's history and the site-wide log."""

from __future__ import annotations

import re

from wagtail.log_actions import log

from siteshell.notifications.recipients import mask_email, mask_phone

VIEW_ACTION = "siteshell.view_personal_data"
PERMISSION = "review.view_personal_data"

PHONE_DIGITS = re.compile(r"\d{7,}")


def mask_value(value) -> str:
    """A phone number keeps its first three and last four digits, an e-mail its first letter and
    domain, anything else its first character."""
    text = str(value or "").strip()
    if not text:
        return ""
    if "@" in text:
        return mask_email(text)
    digits = PHONE_DIGITS.search(text.replace(" ", "").replace("-", ""))
    if digits:
        return mask_phone(digits.group(0))
    return text[:1] + "*" * min(max(len(text) - 1, 2), 8)


def can_view(user) -> bool:
    return user.has_perm(PERMISSION)


def masked(item) -> list[tuple[str, str]]:
    return [(label, mask_value(value)) for label, value in item.moderation_personal_data() if value]


def reveal(item, user) -> list[tuple[str, str]]:
    """The item's personal data in full, logged; the caller has checked :func:`can_view`."""
    data = [(label, str(value)) for label, value in item.moderation_personal_data() if value]
    if data:
        log(item, VIEW_ACTION, user=user, data={"fields": [str(label) for label, _value in data]})
    return data
