"""Renditions are generated when an image is saved (uploaded, replaced, its focal point moved,
imported or made by ``load_demo``), in the background, never on a visitor's first view.

The task is enqueued once the transaction that saved the image has committed: a worker must find
the image, and the admin's edit form deletes the old renditions after saving a replaced file
(``media.forms.SafeImageForm`` saves in one transaction, so the new ones come after that). With
a queued backend (production: ``manage.py db_worker``) the upload returns at once; with the
embedded default's immediate backend the task runs at the end of the request or command that
saved the image — the uploader waits a few seconds, the first visitor does not.
"""

from __future__ import annotations

from functools import partial

from django.db import transaction

#: A save that changes only these fields changes no rendition.
RENDITION_FIELDS = frozenset(
    {"file", "width", "height", "focal_point_x", "focal_point_y", "focal_point_width", "focal_point_height"}
)


def enqueue_rendition_generation(sender, instance, created, raw=False, update_fields=None, **kwargs):
    if raw:  # fixtures
        return
    if update_fields is not None and not RENDITION_FIELDS.intersection(update_fields):
        return
    from media.tasks import generate_image_renditions

    transaction.on_commit(partial(generate_image_renditions.enqueue, instance.pk))
