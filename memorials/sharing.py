"""What the archive shares with search engines and API clients: a record's images as one
shared rendition, and its schema.org ``Person`` data (rendered by the shell's
``{% json_ld %}`` tag)."""

from __future__ import annotations

import logging

from django.utils.html import strip_tags
from django.utils.text import Truncator

from media.renditions import SHARED_PICTURE

logger = logging.getLogger(__name__)

#: The rendition shared with search engines and API clients (JSON-LD ``image``, API URLs); one
#: of the renditions ``media`` generates when an image is uploaded.
SHARE_RENDITION = SHARED_PICTURE


def record_images(record):
    """The record's images, portrait first, then the gallery in the editors' order."""
    images = [record.photo] if record.photo_id else []
    return images + [photo.image for photo in record.photos.all()]


def share_rendition(image):
    """The shared rendition of ``image``; ``None`` when the original cannot be read (a broken
    file must not take the page or the API response down)."""
    try:
        return image.get_rendition(SHARE_RENDITION)
    except Exception:  # noqa: BLE001
        logger.exception("No rendition for image %s", image.pk)
        return None


def share_image_url(image, request):
    """Absolute URL of the shared rendition, or ``None`` (see :func:`share_rendition`)."""
    rendition = share_rendition(image)
    return request.build_absolute_uri(rendition.url) if rendition is not None else None


def _iso_partial(value, precision):
    if value is None:
        return None
    return {"year": f"{value.year:04d}", "month": f"{value.year:04d}-{value.month:02d}"}.get(
        precision, value.isoformat()
    )


def person_json_ld(record, request) -> dict:
    """schema.org ``Person`` for a record, partial dates as partial ISO 8601 dates."""
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": record.name,
        "url": record.get_full_url(request),
    }
    if record.gender:
        data["gender"] = "https://schema.org/Male" if record.gender == "male" else "https://schema.org/Female"
    if record.birth_date:
        data["birthDate"] = _iso_partial(record.birth_date, record.birth_precision)
    if record.death_date:
        data["deathDate"] = _iso_partial(record.death_date, record.death_precision)
    if record.native_place:
        data["birthPlace"] = {"@type": "Place", "name": record.native_place}
    if record.death_place:
        data["deathPlace"] = {"@type": "Place", "name": record.death_place}
    if record.unit:
        data["affiliation"] = {"@type": "Organization", "name": record.unit}
    if record.position:
        data["jobTitle"] = record.position
    if record.biography:
        data["description"] = Truncator(strip_tags(record.biography)).chars(300)
    images = [url for url in (share_image_url(image, request) for image in record_images(record)) if url]
    if images:
        data["image"] = images[0] if len(images) == 1 else images
    return data
