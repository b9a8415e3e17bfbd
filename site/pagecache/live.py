"""Live fragments: the parts of a cached page computed again on every serve.

A cached page is stored with a marker where a fragment goes; each serve, from the cache or not,
replaces the markers with this request's values. So each visitor gets their own CSRF token and
form start time on a page that every visitor shares, and counters are read fresh from the cache
without rendering the page again. Markers carry a keyed hash, so text that someone typed into a
page cannot forge one.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote, unquote

from django.conf import settings
from django.utils.html import conditional_escape

#: True while a response that may be stored is being rendered: fragments render as markers.
_caching = ContextVar("pagecache_caching", default=False)

_MARKER = re.compile(rb"pclive-([0-9a-f]{16})-([a-z0-9_.]+)((?:~[A-Za-z0-9%._-]*)*)-end")


@dataclass(frozen=True)
class Fragment:
    name: str
    compute: object
    #: Whether the value belongs to one visitor (a CSRF token): such a page is never stored by a
    #: shared cache in front of the site (``Cache-Control: private``).
    per_visitor: bool


_REGISTRY: dict[str, Fragment] = {}


def register_live(name: str, compute, *, per_visitor: bool = False) -> None:
    """Register the fragment ``name`` (lower case, dots and underscores): ``compute(request,
    *args)`` returns its text — escaped on output unless it is a ``SafeString``. Call it from
    your ``AppConfig.ready()``; in templates: ``{% load pagecache %}{% live "name" arg %}``."""
    if not re.fullmatch(r"[a-z0-9_.]+", name):
        raise ValueError(f"live fragment names are lower case letters, digits, '.' and '_': {name!r}")
    _REGISTRY[name] = Fragment(name, compute, per_visitor)


def caching() -> bool:
    """Whether the response being rendered may be stored (fragments render as markers)."""
    return _caching.get()


def start_caching():
    return _caching.set(True)


def stop_caching(token) -> None:
    _caching.reset(token)


def _signature(name: str, args: str) -> str:
    return _signed(settings.SECRET_KEY, name, args)


@lru_cache(maxsize=8192)
def _signed(secret: str, name: str, args: str) -> str:
    # Kept: the same few markers are checked on every serve of a cached page.
    return hmac.new(secret.encode(), f"pagecache.live:{name}:{args}".encode(), hashlib.blake2b).hexdigest()[:16]


def marker(name: str, *args) -> str:
    """The placeholder of ``name`` with ``args`` in a stored page."""
    encoded = "".join("~" + quote(str(arg), safe="") for arg in args)
    return f"pclive-{_signature(name, encoded)}-{name}{encoded}-end"


def render(request, name: str, *args) -> str:
    """The fragment as the template shows it: a marker while caching, else its value."""
    if caching():
        return marker(name, *args)
    return _value(request, _REGISTRY[name], args)


def _value(request, fragment: Fragment, args) -> str:
    return str(conditional_escape(fragment.compute(request, *args)))


def substitute(request, content: bytes) -> tuple[bytes, bool]:
    """``content`` with every marker replaced by this request's value; also whether one of them
    was a per-visitor fragment. Markers of unknown fragments (a plugin switched off since the page
    was stored) become empty."""
    if b"pclive-" not in content:
        return content, False
    per_visitor = False

    def replace(match):
        nonlocal per_visitor
        signature, name, encoded = (part.decode() for part in match.groups())
        fragment = _REGISTRY.get(name)
        if fragment is None or not hmac.compare_digest(signature, _signature(name, encoded)):
            return b""
        per_visitor = per_visitor or fragment.per_visitor
        args = [unquote(arg) for arg in encoded.split("~")[1:]]
        return _value(request, fragment, args).encode()

    return _MARKER.sub(replace, content), per_visitor


def _csrf_token(request) -> str:
    """This visitor's CSRF token, masked once for all the forms of the page
    (:mod:`siteshell.pagecache.csrf`)."""
    from siteshell.pagecache.csrf import get_token

    try:
        return request._pagecache_csrf_token
    except AttributeError:
        request._pagecache_csrf_token = token = get_token(request)
        return token


def register_builtins() -> None:
    """The fragments of every page: the CSRF token and the CSP nonce."""
    register_live("csrf_token", _csrf_token, per_visitor=True)
    # The CSP nonce of this response (django-csp): a cached page gets the nonce of its header.
    register_live("csp_nonce", lambda request: str(request.csp_nonce))
