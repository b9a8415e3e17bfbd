"""Masking personal data for display: ``138****1234``, ``1101**********1234``, ``z***@example.com``,
an address's first characters (province, city), free text as ``（已隐去 N 字）``."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from siteshell.notifications.recipients import mask_email, mask_phone, normalise_phone
from siteshell.privacy import kinds
from siteshell.privacy.crypto import UNREADABLE

DIGITS = re.compile(r"\d{7,}")
#: The most stars a mask shows, whatever the length of what it hides.
MAX_STARS = 10


def _stars(count: int) -> str:
    return "*" * min(max(count, 2), MAX_STARS)


def mask_id_number(value: str) -> str:
    text = kinds.normalise(value, kinds.ID_NUMBER)
    if len(text) >= 12:
        return f"{text[:4]}{'*' * (len(text) - 8)}{text[-4:]}"
    return _stars(len(text) - 2) + text[-2:]


def mask_address(value: str) -> str:
    text = value.strip()
    keep = min(6, len(text) // 2)
    return text[:keep] + _stars(len(text) - keep)


def mask_text(value: str) -> str:
    return _("（已隐去 %(count)d 字）") % {"count": len(value.strip())}


def mask_guess(value: str) -> str:
    """Something of unknown kind: an e-mail address or a phone number (found in the text) keeps
    its usual parts, anything else its first character."""
    text = value.strip()
    if "@" in text:
        return mask_email(text)
    digits = DIGITS.search(text.replace(" ", "").replace("-", ""))
    if digits:
        return mask_phone(digits.group(0))
    return text[:1] + "*" * min(max(len(text) - 1, 2), 8)


def mask_mobile(value: str) -> str:
    phone = normalise_phone(value)
    return mask_phone(phone) if phone else mask_guess(value)


MASKS = {
    kinds.MOBILE: mask_mobile,
    kinds.ID_NUMBER: mask_id_number,
    kinds.ADDRESS: mask_address,
    kinds.EMAIL: lambda value: mask_email(value.strip()),
    kinds.CONTACT: mask_guess,
    kinds.TEXT: mask_text,
}


def mask(value, kind: str | None = None) -> str:
    """``value`` masked as a ``kind`` (see :mod:`siteshell.privacy.kinds`); ``None`` guesses.
    Empty stays empty; a value that could not be decrypted shows the marker."""
    text = "" if value is None else str(value)
    if not text.strip():
        return ""
    if text == UNREADABLE:
        return UNREADABLE
    if kind is None:
        return mask_guess(text)
    return MASKS[kinds.check_kind(kind)](text)
