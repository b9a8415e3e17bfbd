"""Demo media that plugins' demo loaders can use: generated, valid, created once."""

import io

import pytest

from media import demo, uploads

pytestmark = pytest.mark.django_db


def test_demo_image_audio_and_document_are_valid_and_idempotent():
    image = demo.make_image("英雄纪念碑", seed="monument")
    assert demo.make_image("英雄纪念碑") == image
    assert image.alt_text == "英雄纪念碑" and image.width == 1200

    audio = demo.make_audio("老兵口述：渡江战役", transcript="那年我十九岁。")
    assert demo.make_audio("老兵口述：渡江战役") == audio
    audio.file.open("rb")
    uploads.validate_media_file(audio.file, "audio")  # a real WAV, accepted like an upload
    audio.file.close()
    assert audio.mime_type in ("audio/x-wav", "audio/wav")

    document = demo.make_document("红星班国防教育教案")
    assert demo.make_document("红星班国防教育教案") == document
    document.file.open("rb")
    uploads.validate_document_file(document.file)  # a real PDF, accepted like an upload
    document.file.close()


@pytest.mark.parametrize("scene", ["monument", "chrysanthemums", "hall", "pines"])
def test_a_demo_scene_has_its_subject_as_focal_point_so_crops_keep_it(scene):
    image = demo.make_image(f"示例：{scene}", scene=scene)
    assert image.has_focal_point()
    box = image.get_focal_point()
    assert 0 <= box.left < box.right <= image.width and 0 <= box.top < box.bottom <= image.height
    # The subject fits a portrait (3:4) and a wide (16:9) crop of the picture: Wagtail's fill
    # crops around the focal point, so neither cuts it.
    assert box.width <= image.height * 3 / 4 and box.height <= image.width * 9 / 16


def test_the_home_hero_is_drawn_in_the_banner_shape_it_is_shown_in():
    hero = demo.make_image("首页题图", scene="monument", width=2000, height=700)
    assert (hero.width, hero.height) == (2000, 700) and hero.get_focal_point().height <= 700


def test_a_portrait_placeholder_is_neutral_and_bears_the_surname():
    from PIL import Image as PILImage

    from media import demo_art

    placeholder = demo.make_image("欧阳海（肖像占位图）", surname="欧阳")
    assert placeholder.height > placeholder.width and placeholder.has_focal_point()
    if demo_art._cjk_font(20) is None:
        pytest.skip("no CJK font on this machine: the placeholder is drawn without the surname")
    with_name = PILImage.open(io.BytesIO(demo_art.portrait("欧阳").png)).convert("L")
    without = PILImage.open(io.BytesIO(demo_art.portrait("").png)).convert("L")
    band = (0, int(with_name.height * 0.75), with_name.width, with_name.height)
    dark = sum(1 for value in with_name.crop(band).getdata() if value < 100)
    assert dark > 500 and not any(value < 100 for value in without.crop(band).getdata())
