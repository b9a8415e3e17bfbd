"""A visitor's browser picks the smallest format it can decode, at the right size."""

from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model

from tests.media import files

pytestmark = pytest.mark.django_db(transaction=True)


def serve_uploads(page):
    """Serve /media/ from MEDIA_ROOT, as the production web server does (Django does not)."""

    def fulfil(route):
        path = Path(settings.MEDIA_ROOT) / urlparse(route.request.url).path.removeprefix(settings.MEDIA_URL)
        if path.is_file():
            route.fulfill(path=str(path))
        else:
            route.fulfill(status=404)

    page.route("**/media/**", fulfil)


def test_home_page_hero_is_delivered_as_avif_with_its_dimensions(home_page, open_page):
    image = get_image_model()(title="烈士纪念碑", alt_text="烈士纪念碑在晨光中")
    image.file = SimpleUploadedFile("monument.jpg", files.jpeg(width=1600, height=900))
    image.save()
    home_page.hero_image = image
    home_page.save_revision().publish()

    page = open_page("about:blank")
    serve_uploads(page)
    page.goto("/")
    hero = page.get_by_role("img", name="烈士纪念碑在晨光中")
    hero.wait_for()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=hero.element_handle())

    assert hero.evaluate("img => img.currentSrc").endswith(".avif")
    assert hero.get_attribute("width") and hero.get_attribute("height")
    assert hero.get_attribute("fetchpriority") == "high"
    # Rendered at the 20:7 crop the home page asks for.
    width, height = hero.evaluate("img => [img.naturalWidth, img.naturalHeight]")
    assert abs(width / height - 20 / 7) < 0.02
