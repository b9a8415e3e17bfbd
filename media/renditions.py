"""Every rendition the site asks for, in one list shared by the templates, the querysets that
prefetch renditions and the background generation after an upload.

A picture drawn with ``{% responsive_image %}`` has a *shape*: a layout (which widths the
browser is offered) and an optional crop ratio. :data:`SITE_PICTURE_SHAPES` lists the shapes the
site's templates use; a template that draws a new shape adds it here (a test reads the templates
and fails otherwise). Code that needs one fixed rendition (a share image, the API's portrait, a
video poster) uses one of the :data:`SINGLE_RENDITIONS`.

The specs of a shape are always taken from its fixed widths: an original narrower than a width
gets that width's rendition at its own size (Wagtail never upscales), so the spec strings do not
depend on the image and a list page can prefetch them for every card in one query.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.db.models import Prefetch, prefetch_related_objects
from wagtail.images import get_image_model
from wagtail.images.models import Filter

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
#: The <img> fallback: PNG for originals with transparency, JPEG for photos.
FALLBACK_FORMATS = ("jpeg", "png")


def modern_formats():
    if getattr(settings, "MEDIA_AVIF_RENDITIONS", True):
        return MODERN_FORMATS
    return MODERN_FORMATS[1:]


def fallback_format(image):
    # Keep transparency (logos, graphics) in the fallback; photos fall back to JPEG.
    extension = os.path.splitext(image.file.name)[1].lower()
    return "png" if extension in (".png", ".gif") else "jpeg"


@dataclass(frozen=True)
class PictureShape:
    """A picture as ``{% responsive_image image layout=… ratio=… %}`` draws it."""

    layout: str
    ratio: str = ""

    @property
    def widths(self):
        return LAYOUT_WIDTHS.get(self.layout, LAYOUT_WIDTHS["content"])

    def resize_specs(self, image=None):
        """``fill-320x427``, ``width-480``…: for ``image``, the widths up to the first one at
        least as wide as the original (it is rendered at the original's size); without an
        image, every width."""
        widths = list(self.widths)
        if image is not None:
            narrower = [width for width in widths if width < image.width]
            widths = widths[: len(narrower) + 1]
        if not self.ratio:
            return [f"width-{width}" for width in widths]
        w_part, h_part = (int(part) for part in self.ratio.split("x"))
        # fill crops around the focal point an editor set in the image library.
        return [f"fill-{width}x{max(1, round(width * h_part / w_part))}" for width in widths]

    def specs(self, image=None):
        """Every spec this picture asks for ``image`` (its fallback format only), or for any
        image (both fallback formats): each resize spec in each format."""
        fallbacks = [fallback_format(image)] if image is not None else list(FALLBACK_FORMATS)
        formats = [fmt for fmt, _mime in modern_formats()] + fallbacks
        return [f"{spec}|format-{fmt}" for fmt in formats for spec in self.resize_specs(image)]


HERO = PictureShape("full", "20x7")
CONTENT = PictureShape("content")
CARD = PictureShape("card")
PORTRAIT_CARD = PictureShape("card", "3x4")
GALLERY_CARD = PictureShape("card", "4x3")
SQUARE_THUMB = PictureShape("thumb", "1x1")

#: The shapes the site's templates draw (the home page's hero, image blocks and a memorial
#: facility's photo, a martyr record's portrait and gallery, honour profiles' portraits,
#: gallery blocks, a speaker's portrait on a talk).
SITE_PICTURE_SHAPES = (HERO, CONTENT, CARD, PORTRAIT_CARD, GALLERY_CARD, SQUARE_THUMB)

#: The Open Graph image of a page: 1200×630 around the focal point.
OPEN_GRAPH = "fill-1200x630|format-jpeg|jpegquality-80"
#: The whole picture, uncropped, for search engines and API clients (JSON-LD, API URLs).
SHARED_PICTURE = "width-800|format-jpeg"
#: A portrait for API clients, 3:4 around the focal point.
API_PORTRAIT = "fill-480x640|format-jpeg|jpegquality-80"
#: The still a video shows before it plays.
VIDEO_POSTER = "width-1280|format-jpeg"

#: Fixed renditions by name, for templates (``{% named_rendition image "video_poster" %}``).
SINGLE_RENDITIONS = {
    "open_graph": OPEN_GRAPH,
    "shared_picture": SHARED_PICTURE,
    "api_portrait": API_PORTRAIT,
    "video_poster": VIDEO_POSTER,
}


@lru_cache(maxsize=1024)
def image_filter(spec):
    """Wagtail's ``Filter`` for ``spec``, built once per process: building one checks each
    operation's arguments with ``inspect``, which a list of a dozen cards with nine renditions
    each would otherwise do a hundred times per request. Filters hold no state of an image."""
    return Filter(spec=spec)


def specs_for(*uses, image=None):
    """The specs of ``uses`` (shapes and single specs), for ``image`` or for any image."""
    specs = []
    for use in uses:
        specs.extend(use.specs(image) if isinstance(use, PictureShape) else [use])
    return list(dict.fromkeys(specs))


def site_rendition_specs(image=None):
    """Everything the site may ask of ``image`` (of any image without one)."""
    return specs_for(*SITE_PICTURE_SHAPES, *SINGLE_RENDITIONS.values(), image=image)


def _renditions(*uses):
    return get_image_model().get_rendition_model().objects.filter(filter_spec__in=specs_for(*uses))


def prefetch_renditions(lookup, *uses):
    """A ``Prefetch`` of the renditions for ``uses`` of the images at ``lookup`` (``"photo"``),
    as Wagtail's ``ImageQuerySet.prefetch_renditions`` does for images themselves. With
    ``select_related(lookup)`` a list of cards costs one query more, however many cards it has,
    and no rendition is looked up in (or written back to) the cache card by card."""
    return Prefetch(f"{lookup}__renditions", queryset=_renditions(*uses), to_attr="prefetched_renditions")


def prefetch_renditions_of(images, *uses):
    """Fetch the renditions for ``uses`` of images already loaded (a record's portrait and its
    gallery, from different relations) in one query."""
    images = [image for image in images if image is not None]
    if images:
        prefetch_related_objects(
            images, Prefetch("renditions", queryset=_renditions(*uses), to_attr="prefetched_renditions")
        )


def generate_renditions(image):
    """Create whatever the site may ask of ``image`` and is not there yet; returns how many
    renditions the image now has for the site's specs."""
    specs = site_rendition_specs(image)
    return len(image.get_renditions(*specs))
