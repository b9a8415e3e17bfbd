import pytest
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model

from tests.media import files


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Each test writes its uploads into its own folder, so "nothing was stored" can be checked."""
    settings.MEDIA_ROOT = tmp_path / "media"
    # Wagtail caches renditions by image id, and ids are reused between tests.
    cache = caches["default"]
    if isinstance(cache, LocMemCache):
        cache.clear()
    return settings.MEDIA_ROOT


def stored_files(root):
    return (
        sorted(path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()) if root.exists() else []
    )


@pytest.fixture
def make_image(db):
    """``make_image(data=…, name=…, **fields)``: an image saved through the model (not the admin)."""

    def _make(data=None, name="photo.png", **fields):
        fields.setdefault("title", "黄继光纪念馆")
        fields.setdefault("alt_text", "黄继光纪念馆正门")
        image = get_image_model()(**fields)
        image.file = SimpleUploadedFile(name, data if data is not None else files.png(width=1600, height=1200))
        image.save()
        return image

    return _make
