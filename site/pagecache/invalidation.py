"""What makes cached pages stale, wired to Wagtail's and Django's signals.

- a page published or unpublished: the page, ``desc:`` of each ancestor (the lists that show it
  and the pages that show their siblings) and the search page; everything when the page is the
  home page or a top-level section (the navigation of every page shows them);
- a page moved, renamed in its URL or deleted; a site setting, a snippet, an image or a document
  saved or deleted; a site changed: everything;
- a moderation decision: the submission and the page that shows it (:func:`on_decision`).
"""

from __future__ import annotations

import logging
from functools import cache
from urllib.parse import urlsplit

from django.db.models.signals import post_delete, post_save

from siteshell.pagecache import SEARCH_TAG, invalidate, invalidate_all, invalidate_paths, object_tag

logger = logging.getLogger("siteshell.pagecache")

#: A site root and its children carry the navigation of every page.
TOP_LEVEL_DEPTH = 3


def page_tags(page) -> list[str]:
    """What publishing or unpublishing ``page`` makes stale (the tree path gives the ancestors
    without a query)."""
    steplen = type(page).steplen
    ancestors = [page.path[:length] for length in range(2 * steplen, len(page.path), steplen)]
    return [f"page:{page.pk}", f"desc:{page.path}", *(f"desc:{path}" for path in ancestors), SEARCH_TAG]


def on_page_changed(sender, instance, **kwargs):
    if instance.depth <= TOP_LEVEL_DEPTH:
        invalidate_all()
    else:
        invalidate(*page_tags(instance))


def on_everything_changed(sender, **kwargs):
    invalidate_all()


def on_model_saved(sender, instance, created=False, **kwargs):
    """Rows a plugin registered: what it says they are shown on. Site settings, snippets, images
    and documents: everything (they may be shown on any page) — except a settings row, image or
    document just created, which no page showed yet (a site's settings are created with their
    defaults on first use, during a page view)."""
    from siteshell.pagecache import MODEL_TAGS

    if sender in MODEL_TAGS:
        tags, paths = MODEL_TAGS[sender](instance)
        invalidate(*tags)
        invalidate_paths(paths)
    elif (shown := _shown_everywhere(sender)) and not (created and shown == "when changed"):
        invalidate_all()


def on_decision(sender, item, **kwargs):
    """A moderation decision (``siteshell.moderation.signals.decision_taken``, connected by the
    moderation app): the submission and the page at its ``moderation_public_url()``."""
    paths = []
    try:
        paths.append(item.moderation_public_url())
    except Exception:  # noqa: BLE001 — a submission whose page is gone has nothing to refresh
        logger.exception("pagecache: no public URL for %s", object_tag(item))
    invalidate(object_tag(item))
    invalidate_paths([urlsplit(path).path for path in paths if path and path.startswith("/")])


@cache
def _shown_everywhere(model) -> str:
    """``"always"`` (snippets: a new one may join a list), ``"when changed"`` (settings, images,
    documents) or ``""``."""
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Site
    from wagtail.snippets.models import get_snippet_models

    from siteshell.pagecache import SELF_INVALIDATING

    if issubclass(model, SELF_INVALIDATING):
        return ""
    if issubclass(model, (BaseSiteSetting, BaseGenericSetting)) or model in (get_image_model(), get_document_model()):
        return "when changed"
    if issubclass(model, Site) or model in get_snippet_models():
        return "always"
    return ""


def connect() -> None:
    from wagtail.models import Page
    from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

    page_published.connect(on_page_changed, dispatch_uid="pagecache.published")
    page_unpublished.connect(on_page_changed, dispatch_uid="pagecache.unpublished")
    post_page_move.connect(on_everything_changed, dispatch_uid="pagecache.moved")
    page_slug_changed.connect(on_everything_changed, dispatch_uid="pagecache.slug")
    post_delete.connect(on_everything_changed, sender=Page, dispatch_uid="pagecache.page_deleted")
    post_save.connect(on_model_saved, dispatch_uid="pagecache.saved")
    post_delete.connect(on_model_saved, dispatch_uid="pagecache.deleted")
