"""Recipients: phone numbers and email addresses, checked and masked for display and logs."""

from __future__ import annotations

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

#: A mainland mobile number (11 digits starting with 1), after an optional +86 / 0086 / 86.
MOBILE = re.compile(r"(?:\+?86|0086)?(1[3-9][0-9]{9})")


def normalise_phone(value) -> str:
    """``"+86 138-0013-8000"`` → ``"13800138000"``; ``""`` when it is not a mobile number."""
    text = re.sub(r"[\s\-()（）]+", "", unicodedata.normalize("NFKC", str(value or "")))
    match = MOBILE.fullmatch(text)
    return match.group(1) if match else ""


def normalise_email(value) -> str:
    """The address with surrounding spaces removed; ``""`` when it is not an address."""
    text = unicodedata.normalize("NFKC", str(value or "")).strip()
    try:
        validate_email(text)
    except ValidationError:
        return ""
    return text


def mask_phone(phone) -> str:
    """``13812341234`` → ``138****1234``; anything short shows only its last two characters."""
    phone = str(phone or "")
    if len(phone) >= 11:
        return f"{phone[:3]}****{phone[-4:]}"
    return "*" * max(len(phone) - 2, 2) + phone[-2:] if phone else ""


def mask_email(address) -> str:
    """``zhangwei@example.com`` → ``z***@example.com``."""
    address = str(address or "")
    local, at, domain = address.rpartition("@")
    if not at:
        return "***"
    return f"{local[:1]}***@{domain}"


def mask(channel, recipient) -> str:
    return mask_email(recipient) if channel == "email" else mask_phone(recipient)
