"""The one way every plugin renders an image: ``{% responsive_image %}``."""

from django import template
from django.template.loader import render_to_string

register = template.Library()

#: Widths offered to the browser for each layout, smallest first.
LAYOUT_WIDTHS = {
    "full": (480, 800, 1200, 1600),
    "content": (400, 720, 1080),
    "card": (320, 480, 640),
    "thumb": (120, 240),
}


@register.simple_tag
def responsive_image(image, layout="content", ratio="", sizes="", css_class="", eager=False, alt=None):
    """``<picture>`` with AVIF/WebP/JPEG sources, ``srcset``, width/height and lazy loading.

    ``ratio`` such as ``"4x3"`` crops around the focal point; without it the image keeps its
    proportions. ``eager`` is for the one image above the fold. ``alt`` overrides the image's
    own alt text (use ``""`` for an image that a caption already describes).
    """
    if not image:
        return ""
    widths = LAYOUT_WIDTHS.get(layout, LAYOUT_WIDTHS["content"])
    if ratio:
        w_part, h_part = (int(part) for part in ratio.split("x"))
        specs = [f"fill-{w}x{round(w * h_part / w_part)}" for w in widths]
    else:
        specs = [f"width-{w}" for w in widths]
    sources = []
    for fmt, mime in (("avif", "image/avif"), ("webp", "image/webp")):
        renditions = [image.get_rendition(f"{spec}|format-{fmt}") for spec in specs]
        sources.append({"type": mime, "srcset": ", ".join(f"{r.url} {r.width}w" for r in renditions)})
    fallback = [image.get_rendition(f"{spec}|format-jpeg") for spec in specs]
    default = fallback[min(1, len(fallback) - 1)]
    return render_to_string(
        "media/picture.html",
        {
            "sources": sources,
            "srcset": ", ".join(f"{r.url} {r.width}w" for r in fallback),
            "src": default,
            "sizes": sizes or "100vw",
            "alt": image.default_alt_text if alt is None else alt,
            "css_class": css_class,
            "eager": eager,
        },
    )
