"""Uploads live outside the source tree by default, in S3-compatible storage when configured."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PRINT_STORAGE = """
import json
from siteshell.settings import base
print(json.dumps({
    "backend": base.STORAGES["default"]["BACKEND"],
    "media_root": str(base.MEDIA_ROOT),
    "bucket": base.AWS_STORAGE_BUCKET_NAME,
    "docs_serve_method": base.WAGTAILDOCS_SERVE_METHOD,
}))
"""


def settings_with(**env):
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith(("S3_", "MEDIA_ROOT", "DATA_DIR"))
    }
    environment.update(env)
    result = subprocess.run(
        [sys.executable, "-c", PRINT_STORAGE], env=environment, cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_uploads_are_stored_locally_outside_the_source_tree_by_default():
    configured = settings_with()

    assert configured["backend"] == "django.core.files.storage.FileSystemStorage"
    media_root = Path(configured["media_root"])
    assert media_root == ROOT / "var" / "media"
    assert "var/" in (ROOT / ".gitignore").read_text().splitlines()


def test_setting_a_bucket_selects_s3_compatible_storage():
    configured = settings_with(S3_BUCKET="commemoration-media", S3_ENDPOINT_URL="https://oss.example.cn")

    assert configured["backend"] == "storages.backends.s3.S3Storage"
    assert configured["bucket"] == "commemoration-media"
    # Documents still go through Wagtail's view, which adds the safe headers.
    assert configured["docs_serve_method"] == "serve_view"


@pytest.mark.django_db
def test_s3_storage_serves_public_urls_from_the_custom_domain(settings):
    # django-storages is the optional "s3" extra (also listed in the "test" extra).
    S3Storage = pytest.importorskip("storages.backends.s3").S3Storage

    settings.AWS_STORAGE_BUCKET_NAME = "commemoration-media"
    settings.AWS_S3_CUSTOM_DOMAIN = "media.example.cn"
    settings.AWS_QUERYSTRING_AUTH = False
    storage = S3Storage()

    assert storage.url("original_images/photo.jpg") == "https://media.example.cn/original_images/photo.jpg"
