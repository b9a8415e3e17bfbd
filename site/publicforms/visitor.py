"""Who is posting: the visitor (a signed random cookie) and the address.

The visitor key is a random token in a signed cookie set by :meth:`Guard.finish` the first time
a protected form is shown: no session is created for it and it says nothing about the person.
A visitor without the cookie (a first post, a bot that keeps no cookies) is keyed by address.
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings

from siteshell.accounts.addresses import client_ip

COOKIE_NAME = "publicforms_visitor"
COOKIE_SALT = "siteshell.publicforms.visitor"
COOKIE_MAX_AGE = 365 * 24 * 3600


def client_address(request) -> str:
    """The visitor's address as the login lockout and the rate limits see it
    (:func:`siteshell.accounts.addresses.client_ip`: ``RATELIMIT_IP_META_KEY`` behind a proxy)."""
    return client_ip(request) or ""


def visitor_token(request) -> str | None:
    """The token of this visitor's signed cookie, or ``None`` (absent, forged or expired)."""
    return request.get_signed_cookie(COOKIE_NAME, default=None, salt=COOKIE_SALT, max_age=COOKIE_MAX_AGE)


def digest(value: str) -> str:
    """A short keyed hash, so cache keys hold neither an address nor a token."""
    return hashlib.blake2b(value.encode(), key=settings.SECRET_KEY.encode()[:64], digest_size=12).hexdigest()


def visitor_key(request) -> str:
    token = visitor_token(request)
    return digest(f"v:{token}" if token else f"a:{client_address(request)}")


def address_key(request) -> str:
    return digest(f"a:{client_address(request)}")


def set_visitor_cookie(request, response) -> None:
    """Give the visitor a token unless they have one."""
    if visitor_token(request):
        return
    response.set_signed_cookie(
        COOKIE_NAME,
        secrets.token_urlsafe(16),
        salt=COOKIE_SALT,
        max_age=COOKIE_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=getattr(settings, "SESSION_COOKIE_SECURE", False),
    )
