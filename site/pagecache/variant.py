"""What a cached page is keyed by: what changes it for an anonymous visitor, and nothing else.

The address (scheme, host, path), the query string in a canonical order (tracking parameters
dropped), the visitor's language and elder-friendly mode (their two cookies), and today's date
(mourning days switch themselves on by date). Other cookies — the CSRF token, the public forms'
visitor cookie, analytics — do not change the page and are ignored.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.utils import timezone

from siteshell.modes import elder_mode_from_request

#: Query parameters that never change a page (campaign tracking, share links).
IGNORED_PARAMETERS = frozenset(
    {"utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "from", "isappinstalled", "fbclid"}
)


def language(request) -> str:
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    return chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def canonical_query(request) -> str:
    pairs = parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
    return urlencode(sorted((key, value) for key, value in pairs if key not in IGNORED_PARAMETERS))


def variant(request) -> str:
    return "|".join(
        (
            "https" if request.is_secure() else "http",
            request.get_host(),
            request.path,
            canonical_query(request),
            language(request),
            "elder" if elder_mode_from_request(request) else "",
            timezone.localdate().isoformat(),
        )
    )
