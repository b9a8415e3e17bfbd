"""Conditional GET of a record page, answered before the page is rendered.

A record page shows the record (``updated_at`` changes with every save, publishing included),
the archive page around it (``last_published_at``) and the site's navigation, in the visitor's
language, elder-friendly mode and today's display mode (mourning days). The ETag is made of
those, so a browser or a proxy that asks again with ``If-None-Match`` gets a 304 for the price of
the record's query — nothing is rendered. Today's date is part of it too: what the tag cannot
see (a footer setting, what other plugins add to the page) is at most a day old in a copy the
visitor already has.

There is no ``Last-Modified``: the page differs by language and display mode, which
``If-Modified-Since`` cannot tell apart. Signed-in visitors (staff see more) and visitors with a
message waiting always get the page.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.translation import get_language

from siteshell.context_processors import NAVIGATION_GENERATION_KEY
from siteshell.models import DisplaySettings
from siteshell.modes import elder_mode_from_request, is_mourning_day


def record_etag(request, archive, record) -> str | None:
    """The weak ETag of ``record``'s page for this visitor, or ``None`` when it cannot be known
    before rendering. Weak: each response carries its own CSP nonce, the content is the same."""
    if request.user.is_authenticated or "messages" in request.COOKIES:
        return None
    today = timezone.localdate()
    parts = (
        record.pk,
        record.updated_at.isoformat() if record.updated_at else "",
        record.facility_id or "",
        archive.pk,
        archive.last_published_at.isoformat() if archive.last_published_at else "",
        cache.get_or_set(NAVIGATION_GENERATION_KEY, 1, None),  # as the navigation does
        get_language(),
        "elder" if elder_mode_from_request(request) else "",
        "mourning" if is_mourning_day(DisplaySettings.for_request(request), today) else "",
        today.isoformat(),
    )
    digest = hashlib.blake2b("|".join(map(str, parts)).encode(), digest_size=16).hexdigest()
    return f'W/"{digest}"'


def not_modified(request, etag):
    """The 304 to answer ``request`` with if it already holds ``etag``, else ``None``."""
    if etag is None:
        return None
    response = get_conditional_response(request, etag=etag)
    if response is not None:
        response["ETag"] = etag
        # No Content-Security-Policy on the 304: a browser would replace the stored page's
        # policy (with the nonce its scripts carry) by one without a nonce.
        response._csp_exempt = True
        response._csp_exempt_ro = True
    return response
