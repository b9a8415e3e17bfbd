"""Background work of the media service, in the task system Wagtail uses (``django_tasks``)."""

from __future__ import annotations

import logging

from django_tasks import task
from wagtail.images import get_image_model

from media.renditions import generate_renditions

logger = logging.getLogger(__name__)


@task()
def generate_image_renditions(image_pk: int) -> int:
    """Generate every rendition the site's templates may ask of one image (see
    ``media.renditions``), so that no visitor waits for one. Returns how many there are."""
    image = get_image_model().objects.filter(pk=image_pk).first()
    if image is None:  # deleted before the task ran
        return 0
    return generate_renditions(image)
