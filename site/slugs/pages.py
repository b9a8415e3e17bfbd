"""Every page type's slug from its title in pinyin, unique among the page's siblings.

Wagtail fills an empty slug from the title when a page is saved (``Page._set_core_field_defaults``,
called by ``full_clean``, ``minimal_clean`` and so ``save`` and ``add_child``) with Django's
``slugify``: with ``WAGTAIL_ALLOW_UNICODE_SLUGS`` a Chinese title stays in characters (李卫国),
without it nothing is left. :func:`siteshell.slugs.setup.install` puts :func:`page_slug` in
front of that for every page type.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.text import slugify
from wagtail.models import Page

from siteshell.slugs.pinyin import pinyin_slug

#: The longest slug Wagtail stores.
SLUG_MAX_LENGTH = Page._meta.get_field("slug").max_length


def page_slug(title: str, parent, page=None) -> str:
    """The slug for a page titled ``title`` under ``parent``: its pinyin (or, for a title
    without Chinese, letters or digits, Wagtail's own), numbered when a sibling has it
    (``li-weiguo-2``); ``""`` when the title gives nothing to write."""
    base = pinyin_slug(title) or slugify(
        title or "", allow_unicode=getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True)
    )
    if not base:
        return ""
    return available_slug(base[: SLUG_MAX_LENGTH - 4].strip("-"), parent, page)


def available_slug(base: str, parent, page=None) -> str:
    """``base``, or ``base-2``, ``base-3``… whichever no other child of ``parent`` has."""
    if parent is None:
        return base
    siblings = Page.objects.child_of(parent).filter(slug__startswith=base)
    if page is not None and page.pk:
        siblings = siblings.exclude(pk=page.pk)
    taken = set(siblings.values_list("slug", flat=True))
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate
