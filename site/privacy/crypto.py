"""Encryption of personal data (Fernet: AES-128-CBC + HMAC-SHA256, authenticated) and the keyed
hashes kept beside it for lookups.

Keys come from ``settings.PERSONAL_DATA_KEYS`` (the first encrypts, all decrypt); without them a
key is derived from ``SECRET_KEY`` (laptop and tests only, see docs/privacy.md). The hash key is
``settings.PERSONAL_DATA_HASH_KEY``, by default also derived from ``SECRET_KEY``.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import logging

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger("siteshell.privacy")

#: What a value that cannot be decrypted (its key is lost) reads as.
UNREADABLE = "〔无法解密〕"


class UnreadableValue(str):
    """The marker :data:`UNREADABLE`, carrying the token it stands for, so that saving the row
    again keeps the token (a key found later still decrypts it) instead of encrypting the marker."""

    token: str

    def __new__(cls, token):
        value = super().__new__(cls, UNREADABLE)
        value.token = token
        return value


def derived_key(purpose: str) -> bytes:
    """A key derived from ``SECRET_KEY`` (unsafe for production: anyone with the settings has it)."""
    digest = hashlib.sha256(f"siteshell.privacy.{purpose}:{settings.SECRET_KEY}".encode()).digest()
    return base64.urlsafe_b64encode(digest)


def configured_keys() -> tuple[str, ...]:
    return tuple(key.strip() for key in getattr(settings, "PERSONAL_DATA_KEYS", None) or () if key.strip())


def uses_derived_keys() -> bool:
    return not configured_keys()


@functools.lru_cache(maxsize=8)
def _fernet(keys: tuple[str, ...], secret: str) -> MultiFernet:
    if not keys:
        return MultiFernet([Fernet(derived_key("fernet"))])
    fernets = []
    for position, key in enumerate(keys, start=1):
        try:
            fernets.append(Fernet(key.encode()))
        except (ValueError, TypeError) as error:
            raise ImproperlyConfigured(
                f"PERSONAL_DATA_KEYS: key {position} is not a Fernet key (32 url-safe base64 bytes); "
                "generate one with Fernet.generate_key()"
            ) from error
    return MultiFernet(fernets)


def fernet() -> MultiFernet:
    return _fernet(configured_keys(), settings.SECRET_KEY)


def encrypt(value: str) -> str:
    return fernet().encrypt(str(value).encode("utf-8", "surrogatepass")).decode("ascii")


def decrypt(token: str, *, where: str = "") -> str:
    """The plain text, or :class:`UnreadableValue` (logged) when no key opens the token."""
    try:
        return fernet().decrypt(token.encode("ascii")).decode("utf-8", "surrogatepass")
    except (InvalidToken, UnicodeError, ValueError):
        logger.error(
            "A personal data value could not be decrypted (%s): its key is not in PERSONAL_DATA_KEYS",
            where or "unknown field",
        )
        return UnreadableValue(token)


def rotate(token: str) -> str:
    """The token re-encrypted with the first key (raises ``InvalidToken`` when no key opens it)."""
    return fernet().rotate(token.encode("ascii")).decode("ascii")


def hash_key() -> bytes:
    key = getattr(settings, "PERSONAL_DATA_HASH_KEY", "") or ""
    return key.encode() if key else derived_key("hash")


def keyed_hash(normalised: str) -> str:
    """HMAC-SHA256 of a normalised value, hex; ``""`` for an empty value."""
    if not normalised:
        return ""
    return hmac.new(hash_key(), normalised.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()
