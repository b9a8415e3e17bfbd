"""A visitor's CSRF token for the forms of a cached page, as ``django.middleware.csrf.get_token``
makes it, with the randomness read in one call.

Django draws the 32 characters of a new visitor's secret and the 32 of each mask one at a time
(``get_random_string``: one ``os.urandom`` call per character). Every anonymous visitor of a
cached hall page is given a token, so at the peak that drawing was a seventh of serving the page
(``bench/tributes_bench.py``). The values are the same kind (characters of
``CSRF_ALLOWED_CHARS`` from the system's random source, uniformly), stored where Django keeps
them (``request.META["CSRF_COOKIE"]``), and checked by Django's ``CsrfViewMiddleware`` as usual;
the tests check a token made here with Django's own unmasking and middleware.
"""

from __future__ import annotations

import os

from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH

_COUNT = len(CSRF_ALLOWED_CHARS)
_POSITION = {char: number for number, char in enumerate(CSRF_ALLOWED_CHARS)}
#: Random bytes below this are used (a whole multiple of the characters: each equally likely).
_USABLE = 256 - 256 % _COUNT


def random_chars(length: int) -> str:
    """``length`` characters of ``CSRF_ALLOWED_CHARS``, each uniformly from the system's random
    source."""
    chars: list[str] = []
    while len(chars) < length:
        chars.extend(CSRF_ALLOWED_CHARS[byte % _COUNT] for byte in os.urandom(length + 8) if byte < _USABLE)
    return "".join(chars[:length])


def masked(secret: str) -> str:
    """``secret`` under a new mask: the mask, then each character shifted by the mask's (Django's
    ``_mask_cipher_secret``)."""
    mask = random_chars(CSRF_SECRET_LENGTH)
    cipher = "".join(
        CSRF_ALLOWED_CHARS[(_POSITION[s] + _POSITION[m]) % _COUNT] for s, m in zip(secret, mask, strict=True)
    )
    return mask + cipher


def get_token(request) -> str:
    """A masked token for this request's CSRF secret, giving the visitor a new secret (and so the
    cookie, set by ``CsrfViewMiddleware``) when they have none."""
    secret = request.META.get("CSRF_COOKIE")
    if not secret or len(secret) != CSRF_SECRET_LENGTH or secret.strip(CSRF_ALLOWED_CHARS):
        secret = random_chars(CSRF_SECRET_LENGTH)
    # As Django's get_token: the cookie is sent with the response (new, or its expiry renewed).
    request.META.update({"CSRF_COOKIE": secret, "CSRF_COOKIE_NEEDS_UPDATE": True})
    return masked(secret)
