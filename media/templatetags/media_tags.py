"""The one way every plugin renders an image: ``{% responsive_image %}``."""

import itertools
import logging

from django import template
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from wagtail.embeds import embeds
from wagtail.embeds.exceptions import EmbedException

from media.embeds import player_html
from media.renditions import (
    LAYOUT_SIZES,
    LAYOUT_WIDTHS,  # noqa: F401  (where bench/media_bench.py reads it)
    SINGLE_RENDITIONS,
    PictureShape,
    fallback_format,
    modern_formats,
)
from siteshell.languages import content_language

logger = logging.getLogger(__name__)
register = template.Library()


@register.simple_tag
def responsive_image(image, layout="content", ratio="", sizes="", css_class="", eager=False, alt=None, alt_lang=None):
    """``<picture>`` with AVIF/WebP sources, a JPEG (or PNG) fallback, ``srcset``, width/height
    and lazy loading.

    ``ratio`` such as ``"4x3"`` crops around the focal point; without it the image keeps its
    proportions. ``eager`` is for the one image above the fold (no lazy loading, high fetch
    priority). ``alt`` overrides the image's own alt text (use ``""`` for an image that a
    caption next to it already describes). Decorative images get ``alt=""``. Alt text is what
    editors wrote, so it is marked with the content language (``lang`` on the ``<img>``); pass
    ``alt_lang`` with a translated ``alt``.

    A missing or unreadable original renders nothing rather than breaking the page.
    """
    if not image:
        return ""
    shape = PictureShape(layout, ratio)
    try:
        specs = shape.resize_specs(image)
        formats = [*modern_formats(), (fallback_format(image), "")]
        renditions = image.get_renditions(*shape.specs(image))
    except Exception:  # noqa: BLE001  a broken file on disk must not take the page down
        logger.exception("No renditions for image %s", getattr(image, "pk", None))
        return ""

    def srcset(fmt):
        return ", ".join(
            f"{renditions[f'{spec}|format-{fmt}'].url} {renditions[f'{spec}|format-{fmt}'].width}w" for spec in specs
        )

    sources = [{"type": mime, "srcset": srcset(fmt)} for fmt, mime in formats[:-1]]
    fallback = formats[-1][0]
    default = renditions[f"{specs[min(1, len(specs) - 1)]}|format-{fallback}"]
    return render_to_string(
        "media/picture.html",
        {
            "sources": sources,
            "srcset": srcset(fallback),
            "src": default,
            "sizes": sizes or LAYOUT_SIZES.get(layout, LAYOUT_SIZES["content"]),
            "alt": image.default_alt_text if alt is None else alt,
            "alt_lang": content_language() if alt_lang is None else alt_lang,
            "css_class": css_class,
            "eager": eager,
        },
    )


@register.simple_tag
def named_rendition(image, name):
    """One of ``media.renditions.SINGLE_RENDITIONS`` of ``image`` (``"video_poster"``…), or
    ``None`` when there is no image or its original cannot be read."""
    if not image:
        return None
    try:
        return image.get_rendition(SINGLE_RENDITIONS[name])
    except Exception:  # noqa: BLE001  a broken file on disk must not take the page down
        logger.exception("No %s rendition for image %s", name, getattr(image, "pk", None))
        return None


@register.filter
def media_duration(seconds):
    """``125.4`` → ``2分05秒``: the length of a recording as people say it."""
    try:
        total = int(round(float(seconds or 0)))
    except (TypeError, ValueError):
        return ""
    if total <= 0:
        return ""
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return _("%(h)d小时%(m)02d分") % {"h": hours, "m": minutes}
    if minutes:
        return _("%(m)d分%(s)02d秒") % {"m": minutes, "s": secs}
    return _("%(s)d秒") % {"s": secs}


@register.filter
def embed_html(value):
    """The HTML of an ``EmbedBlock`` value, as ``{{ value }}`` renders it, except that a 哔哩哔哩,
    腾讯视频 or 优酷 player is written in the visitor's language (``media.embeds.player_html``)
    rather than in the language it was stored in."""
    if not value:
        return ""
    fresh = player_html(value.url)
    if fresh is None:
        return value.html
    try:
        embed = embeds.get_embed(value.url, value.max_width, value.max_height)
    except EmbedException:
        return ""
    embed.html = fresh  # for this rendering only, never saved
    return render_to_string("wagtailembeds/embed_frontend.html", {"embed": embed})


_element_numbers = itertools.count(1)


@register.simple_tag
def media_element_id(prefix):
    """An ``id`` no other element of the page has, e.g. for ``aria-labelledby``."""
    return f"{prefix}-{next(_element_numbers)}"
