"""The page cache for anonymous visitors (docs/page-cache.md).

Whole responses of Wagtail pages, and of views decorated with :func:`cacheable`, are stored in the
cache ``PAGE_CACHE_ALIAS`` (Redis in production, a local-memory cache on the embedded default)
for visitors who are not signed in, keyed by what changes a page for them
(:mod:`siteshell.pagecache.variant`). Each entry carries *tags* naming what it shows; when that
changes, the tag is invalidated and every entry carrying it is rendered again on its next visit:

- a Wagtail page: ``page:<id>``, the path, ``desc:<id>`` on the page's own view (it lists what
  is below it) and ``desc:<parent id>`` below the top level (it shows its siblings);
  publishing or unpublishing a page invalidates the page and ``desc:`` of each ancestor, a
  top-level page (the navigation changes) or a site setting or snippet invalidates everything;
- a moderation decision invalidates the submission (:func:`object_tag`) and the path of its
  ``moderation_public_url()``;
- a view adds its own: ``pagecache.tag(request, pagecache.object_tag(record))``.

Live fragments (``{% live %}``, ``{% csrf_token %}``, the public forms' start time) are filled in
on every serve, so a form on a cached page works for every visitor.
"""

from __future__ import annotations

from functools import wraps

from django.db import transaction

from siteshell.pagecache import store
from siteshell.pagecache.live import register_live

#: The tag of the public search page: every publication may change its results.
SEARCH_TAG = "search"

__all__ = [
    "SEARCH_TAG",
    "cacheable",
    "invalidate",
    "invalidate_all",
    "invalidate_paths",
    "object_tag",
    "path_tag",
    "register_live",
    "register_model",
    "tag",
]


def object_tag(obj) -> str:
    """The tag of one database row: ``obj:<app_label>.<model_name>:<pk>``."""
    meta = obj._meta
    return f"obj:{meta.app_label}.{meta.model_name}:{obj.pk}"


def path_tag(path: str) -> str:
    """The tag of a URL path: every query string, language and display mode of it."""
    return f"path:{path}"


def tag(request, *tags: str) -> None:
    """Say that the response to ``request`` shows what ``tags`` name (call it in the view)."""
    state = getattr(request, "_pagecache", None)
    if state is not None:
        state.tags.update(tags)


def opt_in(request) -> None:
    """Let the response to ``request`` be stored if it is fit for it (Wagtail pages do this
    through a ``before_serve_page`` hook; views through :func:`cacheable`)."""
    state = getattr(request, "_pagecache", None)
    if state is not None:
        state.opted_in = True


def cacheable(view):
    """Opt a view that is not a Wagtail page into the page cache (GET and HEAD, anonymous
    visitors, 200 responses that set no cookie)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        opt_in(request)
        return view(request, *args, **kwargs)

    return wrapped


#: Base classes whose rows say themselves what changed (e.g. moderated submissions, through their
#: decisions): a save of one of them invalidates nothing by itself.
SELF_INVALIDATING: tuple = ()


def exempt_models(*bases) -> None:
    global SELF_INVALIDATING
    SELF_INVALIDATING = (*SELF_INVALIDATING, *bases)


#: ``{model: function(instance) -> (tags, paths)}``: rows whose pages the plugin knows.
MODEL_TAGS = {}


def register_model(model, tags_and_paths) -> None:
    """When a row of ``model`` is saved or deleted, invalidate only what
    ``tags_and_paths(instance)`` returns — ``(tags, paths)`` — instead of every page (the default
    for snippets, which may be shown anywhere). A plugin calls it in its ``AppConfig.ready()``."""
    MODEL_TAGS[model] = tags_and_paths


def invalidate(*tags: str) -> None:
    """Every cached response carrying one of ``tags`` is rendered again on its next visit: at
    once, and again when the transaction commits (a page rendered in between, from what was not
    yet committed, must not stay)."""
    store.bump(*tags)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: store.bump(*tags))


def invalidate_paths(paths) -> None:
    """The pages at ``paths`` (every query string), here and in a front-end cache (CDN)."""
    from siteshell.pagecache import frontend

    paths = [path for path in paths if path]
    invalidate(*(path_tag(path) for path in paths))
    frontend.purge_paths(paths)


def invalidate_all() -> None:
    """Every cached page (a site setting changed, the navigation changed)."""
    invalidate(store.GLOBAL)
