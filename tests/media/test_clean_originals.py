"""Originals stored before upload cleaning existed can be cleaned afterwards."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from PIL import Image as PILImage

from media.templatetags.media_tags import responsive_image
from tests.media import files

pytestmark = pytest.mark.django_db


def old_upload(make_image):
    """An image whose original still has GPS EXIF, as if stored before this app cleaned files."""
    image = make_image(title="老照片")
    name = image.file.name
    image.file.storage.delete(name)
    image.file.storage.save(name, ContentFile(files.jpeg_with_gps(orientation=6)))
    responsive_image(image)  # renditions made from the dirty original
    return image


def test_clean_originals_strips_metadata_and_regenerates_renditions(make_image):
    image = old_upload(make_image)
    assert image.renditions.exists()
    out = io.StringIO()

    call_command("media_clean_originals", stdout=out)

    image.refresh_from_db()
    with image.file.open("rb") as handle:
        data = handle.read()
    assert b"Apple" not in data and not PILImage.open(io.BytesIO(data)).getexif()
    assert (image.width, image.height) == (40, 80)
    assert not image.renditions.exists()
    assert "已清理 1 张" in out.getvalue()


def test_dry_run_only_lists(make_image):
    image = old_upload(make_image)
    out = io.StringIO()

    call_command("media_clean_originals", "--dry-run", stdout=out)

    assert "老照片: 含元数据" in out.getvalue()
    with image.file.open("rb") as handle:
        assert b"Apple" in handle.read()
