"""Serve anonymous visitors from the page cache, and store what may be stored.

It sits inside ``CsrfViewMiddleware`` (so a CSRF token filled into a cached page still gets its
cookie) and inside the CSP middleware (so a cached page gets this response's nonce), after the
session and authentication middleware.
"""

from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import cc_delim_re, patch_cache_control
from django.utils.http import parse_etags

from siteshell.cache import ProcessMemo
from siteshell.pagecache import live, store
from siteshell.pagecache.variant import variant

logger = logging.getLogger("siteshell.pagecache")

HEADER = "X-Page-Cache"
#: Response headers that are this response's own, never stored.
_NOT_STORED = {"set-cookie", "date", "expires", "x-page-cache", "etag", "cache-control", "content-length"}
#: Vary values the cache key already accounts for (the cookies it reads; the body is not encoded).
_VARY_UNDERSTOOD = {"cookie", "accept-encoding"}
_STORED_TYPES = ("text/html", "application/json", "application/xml", "text/xml", "text/plain")


#: Entry keys whose view did not opt in to the cache when last rendered here (a bare view, an
#: API read, a page with a form), until when: their next requests skip the lookup that would
#: find nothing (a round trip to Redis on every request). Only the lookup is skipped: each such
#: request renders in caching mode as before, and a view that opts in again is stored and
#: forgotten here. Per process, bounded.
NOT_OPTED_IN_SECONDS = 30
_not_opted_in = ProcessMemo(maximum=20_000, seconds=NOT_OPTED_IN_SECONDS)


@dataclass
class State:
    key: str
    started_ns: int
    opted_in: bool = False
    tags: set = field(default_factory=set)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE:
            return self.get_response(request)
        if not self.may_serve_from_cache(request):
            response = self.get_response(request)
            fill_in(request, response)
            if request.method in ("GET", "HEAD") and not self.excluded(request):
                mark_private(request, response)
            return response
        try:
            key = store.entry_key(variant(request))
            if _not_opted_in.get(key) is not ProcessMemo.MISSING:
                return self.render_and_store(request, key)
            entry = store.load(key)
        except Exception:  # noqa: BLE001 — a cache that is down must not take the site with it
            logger.exception("pagecache: could not read the cache")
            return self.get_response(request)
        if entry is not None:
            return self.from_entry(request, entry)
        return self.render_and_store(request, key)

    # -- which requests --------------------------------------------------------------------

    @staticmethod
    def excluded(request) -> bool:
        return request.path.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PREFIXES))

    def may_serve_from_cache(self, request) -> bool:
        """Anonymous GET or HEAD: no session (staff, a visitor who opened a password-protected
        page), no message waiting to be shown, no credentials, not a Wagtail preview."""
        if request.method not in ("GET", "HEAD") or self.excluded(request):
            return False
        cookies = request.COOKIES
        if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
            return False
        return "HTTP_AUTHORIZATION" not in request.META and not getattr(request, "is_preview", False)

    # -- a hit ------------------------------------------------------------------------------

    def from_entry(self, request, entry: store.Entry):
        if entry.etag in parse_etags(request.META.get("HTTP_IF_NONE_MATCH", "")):
            response = HttpResponseNotModified()
            response._csp_exempt = True  # no body, so no nonce to announce
        else:
            content, _per_visitor = live.substitute(request, entry.content)
            response = HttpResponse(content, status=entry.status)
            for name, value in entry.headers:
                response[name] = value
        finish(response, entry, "hit")
        return response

    # -- a miss -----------------------------------------------------------------------------

    def render_and_store(self, request, key: str):
        request._pagecache = state = State(key=key, started_ns=time.time_ns())
        token = live.start_caching()
        try:
            response = self.get_response(request)
        finally:
            live.stop_caching(token)
        if state.opted_in:
            _not_opted_in.forget(key)
        else:
            _not_opted_in.put(key, True)
        entry = self.entry_for(request, response, state)
        if entry is None:
            fill_in(request, response)  # rendered with markers all the same
            mark_private(request, response)
            response.headers.setdefault(HEADER, "skip")
            return response
        # One pass over the page: this visitor's values, and whether one belongs to them alone.
        content, entry.per_visitor = live.substitute(request, entry.content)
        try:
            stored = store.save(key, entry, state.started_ns, settings.PAGE_CACHE_SECONDS)
        except Exception:  # noqa: BLE001
            logger.exception("pagecache: could not store %s", request.path)
            stored = False
        response.content = content
        if "Content-Length" in response:
            del response["Content-Length"]
        finish(response, entry, "miss" if stored else "skip")
        return response

    def entry_for(self, request, response, state: State) -> store.Entry | None:
        """What to store of ``response``, or ``None`` when it must not be shared."""
        if not state.opted_in or response.status_code != 200 or response.streaming or response.cookies:
            return None
        cache_control = {part.strip().split("=")[0].lower() for part in response.get("Cache-Control", "").split(",")}
        if cache_control & {"private", "no-store", "no-cache"}:
            return None
        vary = {value.strip().lower() for value in cc_delim_re.split(response.get("Vary", "")) if value.strip()}
        if vary - _VARY_UNDERSTOOD:
            return None
        if not response.get("Content-Type", "").startswith(_STORED_TYPES):
            return None
        content = response.content
        nonce = getattr(request, "_csp_nonce", None)
        if isinstance(nonce, str) and nonce:
            content = content.replace(nonce.encode(), live.marker("csp_nonce").encode())
        headers = [(name, value) for name, value in response.items() if name.lower() not in _NOT_STORED]
        path = request.path
        tags = {store.GLOBAL, f"path:{path}", *state.tags}
        return store.Entry(
            status=response.status_code,
            headers=headers,
            content=content,
            etag=f'W/"{hashlib.blake2b(content, digest_size=16).hexdigest()}"',
            tags=dict.fromkeys(tags, ""),
        )


def finish(response, entry: store.Entry, status: str) -> None:
    """The headers of a response that is (or could be) shared: the ETag of the stored page and,
    for a cache in front of the site, ``s-maxage`` and ``stale-while-revalidate`` — unless it
    carries one visitor's token, then ``private``."""
    response[HEADER] = status
    response["ETag"] = entry.etag
    if "Cache-Control" in response:
        del response["Cache-Control"]
    if entry.per_visitor:
        patch_cache_control(response, private=True, no_cache=True)
    else:
        patch_cache_control(
            response,
            public=True,
            max_age=0,
            s_maxage=settings.PAGE_CACHE_CDN_SECONDS,
            stale_while_revalidate=settings.PAGE_CACHE_STALE_SECONDS,
        )


def fill_in(request, response) -> None:
    """Fill in the live fragments of a response that is not stored (rendered while it might have
    been, or holding a fragment cached by a template)."""
    if response.streaming or not isinstance(getattr(response, "content", None), bytes):
        return
    if b"pclive-" in response.content:
        response.content, _per_visitor = live.substitute(request, response.content)
        if "Content-Length" in response:
            del response["Content-Length"]


def mark_private(request, response) -> None:
    """A page rendered for one person (staff, a form with their data) is not for shared caches."""
    if "Cache-Control" not in response:
        patch_cache_control(response, private=True, no_cache=True)
