"""Renditions are made when an image is saved, never when a visitor first opens a page, and a
page that shows them reads them without writing anything back."""

import re
from pathlib import Path

import pytest
from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.images import get_image_model

from media import renditions
from media.renditions import SITE_PICTURE_SHAPES, PictureShape, site_rendition_specs
from media.templatetags.media_tags import named_rendition, responsive_image
from tests.media import files

pytestmark = pytest.mark.django_db

REPOSITORY = Path(__file__).resolve().parents[2]


def stored_specs(image):
    return set(image.renditions.values_list("filter_spec", flat=True))


def upload(client, name="statue.jpg", **fields):
    data = {"title": "英雄塑像", "alt_text": "英雄塑像", **fields}
    data.setdefault("file", SimpleUploadedFile(name, files.jpeg(width=700, height=500)))
    return client.post(reverse("wagtailimages:add"), data)


def test_an_uploaded_image_has_every_rendition_the_site_asks_for_before_anyone_views_it(
    admin_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert upload(admin_client).status_code == 302

    image = get_image_model().objects.get(title="英雄塑像")
    assert stored_specs(image) == set(site_rendition_specs(image))


def test_renditions_wait_until_the_image_is_saved_for_good(make_image, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        image = make_image(data=files.jpeg(width=300, height=200), name="old.jpg")
        # A worker must find the image: nothing is queued before the transaction commits.
        assert not stored_specs(image)
    for callback in callbacks:
        callback()

    assert stored_specs(image) == set(site_rendition_specs(image))


def test_a_replaced_file_gets_renditions_of_the_new_file(admin_client, make_image, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = make_image(data=files.jpeg(width=300, height=200), name="old.jpg")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtailimages:edit", args=[image.pk]),
            {
                "title": "合影",
                "alt_text": "合影",
                "file": SimpleUploadedFile("new.jpg", files.jpeg(width=500, height=400)),
            },
        )
    assert response.status_code == 302

    image.refresh_from_db()
    assert image.width == 500
    assert stored_specs(image) == set(site_rendition_specs(image))
    rendition = image.renditions.get(filter_spec="width-480|format-jpeg")
    assert rendition.width == 480  # made from the new file (the old one was 300 wide)


def test_a_page_drawing_any_of_the_sites_pictures_makes_no_rendition(make_image, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = make_image(data=files.png(width=900, height=600), name="graphic.png")
    before = image.renditions.count()

    for shape in SITE_PICTURE_SHAPES:
        assert "<picture>" in responsive_image(image, layout=shape.layout, ratio=shape.ratio)
    for name in renditions.SINGLE_RENDITIONS:
        assert named_rendition(image, name) is not None

    assert image.renditions.count() == before


def test_small_originals_are_rendered_at_their_own_size_under_the_next_width(make_image):
    image = make_image(data=files.jpeg(width=500, height=1000), name="small.jpg")

    assert PictureShape("card", "3x4").resize_specs(image) == ["fill-320x427", "fill-480x640", "fill-640x853"]
    html = responsive_image(image, layout="card", ratio="3x4")
    # The widest crop is the whole width of the original, not an upscaled copy.
    assert set(re.findall(r" (\d+)w", html)) == {"320", "480", "500"}


def test_renditions_read_from_the_cache_are_not_written_back(make_image, monkeypatch):
    image = make_image(data=files.jpeg(width=700, height=500), name="photo.jpg")
    responsive_image(image, layout="card", ratio="3x4")  # made, and put in the cache
    named_rendition(image, "open_graph")
    image = get_image_model().objects.get(pk=image.pk)  # a later request: nothing prefetched

    cache = caches["default"]
    writes = []
    monkeypatch.setattr(cache, "set", lambda *args, **kwargs: writes.append(args[0]))
    monkeypatch.setattr(cache, "set_many", lambda data, *args, **kwargs: writes.extend(data))
    responsive_image(image, layout="card", ratio="3x4")
    named_rendition(image, "open_graph")

    assert writes == []


def test_the_command_generates_what_existing_images_miss(make_image):
    image = make_image(data=files.jpeg(width=300, height=200), name="old.jpg")
    image.renditions.create(
        filter_spec="width-320|format-webp", file="images/old.width-320.webp", width=300, height=200
    )

    call_command("warm_renditions", verbosity=0)

    assert stored_specs(image) == set(site_rendition_specs(image))
    assert image.renditions.filter(filter_spec="width-320|format-webp").count() == 1  # kept, not made twice


def test_the_command_reports_an_unreadable_original_and_goes_on(make_image, capsys):
    broken = make_image(data=files.jpeg(width=300, height=200), name="broken.jpg")
    broken.file.storage.delete(broken.file.name)
    fine = make_image(data=files.jpeg(width=300, height=200), name="fine.jpg")

    call_command("warm_renditions", verbosity=0)

    assert stored_specs(fine) == set(site_rendition_specs(fine))
    output = capsys.readouterr()
    assert f"#{broken.pk}" in output.err and "失败 1 张" in output.out


def template_files():
    for path in REPOSITORY.glob("*/**/templates/**/*.html"):
        relative = path.relative_to(REPOSITORY)
        if relative.parts[0] not in {".venv", "tests", "var", "node_modules"}:
            yield relative, path.read_text(encoding="utf-8")


def test_every_picture_a_template_draws_is_one_the_site_prepares():
    drawn = []
    for relative, text in template_files():
        for tag in re.findall(r"{%\s*responsive_image\s+(.*?)%}", text, flags=re.S):
            layout = re.search(r'layout="([^"]*)"', tag)
            ratio = re.search(r'ratio="([^"]*)"', tag)
            shape = PictureShape(layout.group(1) if layout else "content", ratio.group(1) if ratio else "")
            drawn.append((str(relative), shape))
        # Wagtail's own tags would ask for sizes media.renditions does not know of.
        assert not re.search(r"{%\s*(image|picture|srcset_image)\s", text), relative

    assert drawn, "no template draws a picture: the pattern above no longer matches"
    assert [(where, shape) for where, shape in drawn if shape not in SITE_PICTURE_SHAPES] == []
