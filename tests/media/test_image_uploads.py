"""Upload safety for images: judged by content, limited in size and pixels, stripped of metadata."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model

from media.templatetags.media_tags import responsive_image
from tests.media import files
from tests.media.conftest import stored_files

pytestmark = pytest.mark.django_db

Image = get_image_model()


def upload(admin_client, data, name, title="烈士陵园"):
    return admin_client.post(
        reverse("wagtailimages:add"),
        {"title": title, "file": SimpleUploadedFile(name, data), "alt_text": "烈士陵园纪念碑"},
    )


def open_stored(field_file):
    with field_file.open("rb") as handle:
        data = handle.read()
    return data, PILImage.open(io.BytesIO(data))


def form_errors(response):
    return " ".join(str(error) for error in response.context["form"].errors.get("file", []))


@pytest.mark.parametrize(
    ("make", "name", "stored_format"),
    [
        (files.jpeg, "photo.jpg", "JPEG"),
        (files.png, "photo.png", "PNG"),
        (files.webp, "photo.webp", "WEBP"),
        (files.avif, "photo.avif", "AVIF"),
        (files.gif, "photo.gif", "GIF"),
        # iPhone photos are kept as JPEG so every browser can open the original.
        (files.heic, "IMG_0001.HEIC", "JPEG"),
    ],
)
def test_editor_uploads_each_allowed_format(admin_client, make, name, stored_format):
    response = upload(admin_client, make(), name)

    assert response.status_code == 302, response.context and response.context["form"].errors
    image = Image.objects.get()
    _data, stored = open_stored(image.file)
    assert stored.format == stored_format
    assert (image.width, image.height) == stored.size == (64, 48)
    assert image.file_size == image.file.size


def test_animated_gif_keeps_its_frames(admin_client):
    upload(admin_client, files.gif(frames=3), "salute.gif")

    _data, stored = open_stored(Image.objects.get().file)
    assert stored.n_frames == 3


def test_png_named_jpg_is_stored_as_the_png_it_is(admin_client):
    response = upload(admin_client, files.png(), "photo.jpg")

    assert response.status_code == 302
    image = Image.objects.get()
    assert image.file.name.endswith(".png")
    assert open_stored(image.file)[1].format == "PNG"


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"This is a plain text file, not a picture.\n" * 20, "photo.png", "无法识别这个文件"),
        (files.truncated_jpeg(), "photo.jpg", "图片文件已损坏或不完整"),
        (files.decompression_bomb(), "bomb.png", "图片像素过多"),
        (files.image_bytes("BMP"), "scan.bmp", "请上传 JPEG、PNG、WebP、AVIF、HEIC、GIF"),
        (files.image_bytes("TIFF"), "scan.jpg", "不支持 TIFF 格式的图片"),
    ],
    ids=["text-named-png", "truncated-jpeg", "decompression-bomb", "bmp", "tiff-named-jpg"],
)
def test_bad_image_is_refused_in_chinese_and_nothing_is_saved(admin_client, media_root, data, name, message):
    response = upload(admin_client, data, name)

    assert response.status_code == 200
    assert message in form_errors(response)
    assert len(response.context["form"].errors["file"]) == 1
    assert Image.objects.count() == 0
    assert stored_files(media_root) == []


def test_image_with_more_pixels_than_allowed_is_refused(admin_client, settings, media_root):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1000

    response = upload(admin_client, files.png(width=64, height=48), "wide.png")

    assert "图片像素过多（0 万像素），上限为 0 万像素" in form_errors(response)
    assert Image.objects.count() == 0


def test_oversized_upload_is_refused(admin_client, settings, media_root):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10_000
    big = files.png(width=400, height=400, compress_level=0)
    assert len(big) > 10_000

    response = upload(admin_client, big, "big.png")

    assert response.status_code == 200
    assert "图片文件过大" in form_errors(response)
    assert "请压缩后再上传" in form_errors(response)
    assert Image.objects.count() == 0
    assert stored_files(media_root) == []


def test_multiple_upload_refuses_a_corrupt_file_in_chinese(admin_client, media_root):
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("photo.jpg", files.truncated_jpeg())},
    )

    assert response.status_code == 200
    assert response.json()["success"] is False
    assert "图片文件已损坏或不完整" in response.json()["error_message"]
    assert Image.objects.count() == 0
    assert stored_files(media_root) == []


def has_personal_metadata(data, image):
    exif = image.getexif()
    return bool(exif.get_ifd(files.GPS_IFD)) or files.ARTIST in exif or b"Apple" in data or "张建国".encode() in data


def test_gps_and_personal_metadata_are_stripped_from_original_and_renditions(admin_client):
    source = files.jpeg_with_gps(orientation=6)
    assert has_personal_metadata(source, PILImage.open(io.BytesIO(source)))

    upload(admin_client, source, "family.jpg")

    image = Image.objects.get()
    data, original = open_stored(image.file)
    assert not has_personal_metadata(data, original)
    assert files.ORIENTATION not in original.getexif()
    # The phone said "rotate 90° clockwise": the stored pixels are upright, the red corner
    # that was top-left is now top-right.
    assert original.size == (40, 80) == (image.width, image.height)
    assert original.convert("RGB").getpixel((35, 5))[0] > 200 and original.convert("RGB").getpixel((5, 5))[1] > 200

    responsive_image(image, layout="card", ratio="4x3")
    renditions = list(image.renditions.all())
    assert {r.filter_spec.rsplit("-", 1)[-1] for r in renditions} == {"avif", "webp", "jpeg"}
    for rendition in renditions:
        data, picture = open_stored(rendition.file)
        assert not has_personal_metadata(data, picture), rendition.filter_spec


@pytest.mark.parametrize("make", [files.png, files.webp, files.avif])
def test_gps_is_stripped_from_every_format(make_image, make):
    image = make_image(make(exif=files.personal_exif(orientation=1)), name="family.img")

    data, stored = open_stored(image.file)
    assert not has_personal_metadata(data, stored)


def test_images_saved_outside_the_admin_are_cleaned_too(make_image):
    image = make_image(files.jpeg_with_gps(orientation=6), name="import.jpg")

    data, stored = open_stored(image.file)
    assert not has_personal_metadata(data, stored)
    assert (image.width, image.height) == stored.size == (40, 80)
    assert image.file_size == len(data)


def test_a_broken_file_saved_by_a_script_is_refused_before_anything_is_written(make_image, media_root):
    from django.core.exceptions import ValidationError

    # Wagtail already fails reading the dimensions on assignment; our check is the backstop.
    with pytest.raises((ValidationError, OSError)):
        make_image(files.truncated_jpeg(), name="broken.jpg")

    assert Image.objects.count() == 0
    assert stored_files(media_root) == []


def test_multiple_upload_stores_clean_images(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("family.jpg", files.jpeg_with_gps(orientation=6))},
    )

    assert response.json()["success"] is True
    image = Image.objects.get()
    data, stored = open_stored(image.file)
    assert not has_personal_metadata(data, stored)
    assert (image.width, image.height) == stored.size == (40, 80)
    assert image.file_size == len(data)


def test_an_editor_who_works_in_english_is_told_in_english(admin_client, superuser, settings, media_root):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(superuser)
    profile.preferred_language = "en"
    profile.save()
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 2_500_000

    bmp = form_errors(upload(admin_client, files.image_bytes("BMP"), "scan.bmp"))
    too_big = form_errors(upload(admin_client, files.png(width=2000, height=1500), "wide.png"))

    assert "Please upload an image in JPEG, PNG, WebP, AVIF, HEIC, GIF format." in bmp
    assert "The image has too many pixels (3 megapixels); the limit is 2.5 megapixels." in too_big
