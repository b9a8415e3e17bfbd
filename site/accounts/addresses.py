"""The client's address, the same way for the login lockout (axes) and the rate limits.

Behind a reverse proxy, ``RATELIMIT_IP_META_KEY`` names the header the proxy sets (e.g.
``HTTP_X_REAL_IP``), or a callable / dotted path that returns the address; unset, the
connection's ``REMOTE_ADDR``. A list such as ``X-Forwarded-For`` counts its right-most entry:
the one the site's own proxy added, which a visitor cannot forge.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.utils.module_loading import import_string


def _valid(value) -> str | None:
    text = str(value or "").strip()
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        return None


def client_ip(request) -> str | None:
    """The visitor's address, or ``None`` when there is no valid one (worked out once per
    request: the rate limits, the lockout and the offerings each ask)."""
    try:
        return request._client_ip
    except AttributeError:
        request._client_ip = address = _client_ip(request)
        return address


def _client_ip(request) -> str | None:
    meta_key = getattr(settings, "RATELIMIT_IP_META_KEY", None)
    if callable(meta_key):
        return _valid(meta_key(request))
    if isinstance(meta_key, str) and "." in meta_key:
        return _valid(import_string(meta_key)(request))
    if meta_key:
        raw = request.META.get(meta_key, "") or ""
        parts = [part for part in raw.split(",") if part.strip()]
        address = _valid(parts[-1]) if parts else None
        return address or _valid(request.META.get("REMOTE_ADDR"))
    return _valid(request.META.get("REMOTE_ADDR"))
