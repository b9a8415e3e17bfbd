"""The one way every plugin renders an image: ``{% responsive_image %}``."""

import itertools
import logging
import os

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from wagtail.embeds import embeds
from wagtail.embeds.exceptions import EmbedException

from media.embeds import player_html
from siteshell.languages import content_language

logger = logging.getLogger(__name__)
register = template.Library()

#: Widths offered to the browser for each layout, smallest first.
LAYOUT_WIDTHS = {
    "full": (480, 800, 1200, 1600),
    "content": (400, 720, 1080),
    "card": (320, 480, 640),
    "thumb": (120, 240),
}

#: What the browser assumes about the displayed width before CSS is loaded.
LAYOUT_SIZES = {
    "full": "100vw",
    "content": "(min-width: 48rem) 45rem, 100vw",
    "card": "(min-width: 72rem) 22rem, (min-width: 40rem) 45vw, 100vw",
    "thumb": "7.5rem",
}

#: Modern formats offered in <source> elements, best first. AVIF can be switched off with the
#: MEDIA_AVIF_RENDITIONS setting where encoding time matters more than bytes.
MODERN_FORMATS = (("avif", "image/avif"), ("webp", "image/webp"))


def _modern_formats():
    if getattr(settings, "MEDIA_AVIF_RENDITIONS", True):
        return MODERN_FORMATS
    return MODERN_FORMATS[1:]


def _fallback_format(image):
    # Keep transparency (logos, graphics) in the fallback; photos fall back to JPEG.
    extension = os.path.splitext(image.file.name)[1].lower()
    return "png" if extension in (".png", ".gif") else "jpeg"


def _specs(image, layout, ratio):
    """Resize specs for the layout, never wider than the original (no upscaled copies)."""
    widths = LAYOUT_WIDTHS.get(layout, LAYOUT_WIDTHS["content"])
    usable = [w for w in widths if w < image.width] or [min(widths[0], image.width)]
    if len(usable) < len(widths) and image.width not in usable and image.width > usable[-1]:
        usable.append(image.width)
    if ratio:
        w_part, h_part = (int(part) for part in ratio.split("x"))
        # fill crops around the focal point an editor set in the image library.
        return [f"fill-{w}x{max(1, round(w * h_part / w_part))}" for w in usable]
    return [f"width-{w}" for w in usable]


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
    try:
        specs = _specs(image, layout, ratio)
        formats = [*_modern_formats(), (_fallback_format(image), "")]
        all_specs = [f"{spec}|format-{fmt}" for fmt, _mime in formats for spec in specs]
        renditions = image.get_renditions(*all_specs)
    except Exception:  # noqa: BLE001  a broken file on disk must not take the page down
        logger.exception("No renditions for image %s", getattr(image, "pk", None))
        return ""

    def srcset(fmt):
        return ", ".join(
            f"{renditions[f'{spec}|format-{fmt}'].url} {renditions[f'{spec}|format-{fmt}'].width}w" for spec in specs
        )

    sources = [{"type": mime, "srcset": srcset(fmt)} for fmt, mime in formats[:-1]]
    fallback_format = formats[-1][0]
    default = renditions[f"{specs[min(1, len(specs) - 1)]}|format-{fallback_format}"]
    return render_to_string(
        "media/picture.html",
        {
            "sources": sources,
            "srcset": srcset(fallback_format),
            "src": default,
            "sizes": sizes or LAYOUT_SIZES.get(layout, LAYOUT_SIZES["content"]),
            "alt": image.default_alt_text if alt is None else alt,
            "alt_lang": content_language() if alt_lang is None else alt_lang,
            "css_class": css_class,
            "eager": eager,
        },
    )


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
