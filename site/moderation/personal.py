"""Personal data on the review page (a submitter's phone, e-mail, address): masked for everyone;
shown in full only to staff allowed by :func:`siteshell.privacy.access.can_view_full`, and every
full view is a log entry (``siteshell.view_personal_data``) in the item's history and the
site-wide log. A thin user of siteshell.privacy for ``moderation_personal_data()``."""

from __future__ import annotations

from siteshell.privacy import access
from siteshell.privacy.masking import mask

VIEW_ACTION = access.VIEW_ACTION
PERMISSION = access.PERMISSION


def mask_value(value) -> str:
    """A value of unknown kind: a phone number keeps its first three and last four digits, an
    e-mail its first letter and domain, anything else its first character."""
    return mask(value)


def can_view(request_or_user) -> bool:
    return access.can_view_full(request_or_user)


def masked(item) -> list[tuple[str, str]]:
    return access.masked(item.moderation_personal_data())


def reveal(item, user) -> list[tuple[str, str]]:
    """The item's personal data in full, logged; the caller has checked :func:`can_view`."""
    return access.reveal(item, user, item.moderation_personal_data())
