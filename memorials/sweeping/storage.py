"""Where the photos of a sweeping live: not in the public media library and not under
``MEDIA_ROOT`` (which the web server serves to anyone), but in a private folder that only the
status page and the admin read from (``SWEEPING_PHOTO_ROOT``, by default ``var/private/sweeping``).

A site whose uploads live in object storage names a private bucket as
``STORAGES["sweeping_photos"]``; the views still read the files and serve them themselves.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.utils import timezone
from django.utils.deconstruct import deconstructible

from memorials.sweeping import conf

STORAGE_ALIAS = "sweeping_photos"


@deconstructible
class PrivatePhotoStorage(FileSystemStorage):
    """A folder outside ``MEDIA_ROOT`` with no URL: ``url()`` refuses, so no template can link to
    a file directly. The folder is read from the settings on every use (tests change it)."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return str(conf.photo_root())

    @property
    def location(self):
        return str(conf.photo_root().resolve())

    def url(self, name):
        raise ValueError("sweeping photos have no public URL: they are served by the status page only")


def photo_storage():
    """The storage of the photos (a callable for ``FileField(storage=…)``: not in migrations)."""
    if STORAGE_ALIAS in getattr(settings, "STORAGES", {}):
        return storages[STORAGE_ALIAS]
    return PrivatePhotoStorage()


def photo_name(instance, filename) -> str:
    """A random name, so that nothing about the request or the family is in a path."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "jpg"
    return f"{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{extension}"
