"""Purging a cache in front of the site (a CDN, Varnish, nginx) through Wagtail's
``frontend_cache``: configured from the environment (``siteshell.settings.pagecache``); pages are
purged by Wagtail itself when published or unpublished, the paths below by the page cache."""

from __future__ import annotations

import logging

from django.conf import settings

logger = logging.getLogger("siteshell.pagecache")


def configured() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge_paths(paths) -> None:
    """Purge ``paths`` on every site's host (after the transaction, so the CDN fetches the new
    version)."""
    if not configured() or not paths:
        return
    from django.db import transaction

    transaction.on_commit(lambda: _purge(list(paths)))


def _purge(paths) -> None:
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
    from wagtail.models import Site

    urls = [site.root_url.rstrip("/") + path for site in Site.objects.all() for path in paths]
    try:
        purge_urls_from_cache(urls)
    except Exception:  # noqa: BLE001 — a CDN that refuses must not fail the editor's action
        logger.exception("pagecache: front-end cache purge failed for %d URLs", len(urls))
