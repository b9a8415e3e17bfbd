"""Every shared block renders on a page, accessibly and without JavaScript."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.embeds.blocks import EmbedValue
from wagtailmedia.models import get_media_model

from media import blocks as media_blocks
from media.embeds import ChineseVideoPlatformFinder
from media.templatetags.media_tags import media_duration, responsive_image
from tests.media import files
from tests.utils import cjk_outside_user_content

pytestmark = pytest.mark.django_db

Media = get_media_model()


@pytest.fixture
def video(make_image):
    film = Media(title="最美退役军人张建国", type="video", width=1280, height=720, transcript="大家好，我是张建国。")
    film.file.save("film.mp4", SimpleUploadedFile("film.mp4", files.mp4()), save=False)
    film.captions.save("film.vtt", SimpleUploadedFile("film.vtt", files.webvtt()), save=False)
    film.poster = make_image(title="视频封面", data=files.jpeg(width=1280, height=720), name="poster.jpg")
    film.save()
    return film


@pytest.fixture
def audio():
    recording = Media(
        title="口述历史：渡江战役", type="audio", duration=125, transcript="那年我十九岁。\n\n部队夜里渡江。"
    )
    recording.file.save("oral.wav", SimpleUploadedFile("oral.wav", files.wav()), save=False)
    recording.save()
    return recording


@pytest.fixture
def document():
    lesson = get_document_model()(title="红星班教案")
    lesson.file.save("lesson.pdf", SimpleUploadedFile("lesson.pdf", files.pdf()), save=False)
    lesson.save()
    return lesson


def body_with_every_block(photo, video, audio, document):
    """A MediaStreamBlock value with one block of each media type."""
    return media_blocks.MediaStreamBlock().to_python(
        [
            {"type": "image", "value": {"image": photo.pk, "caption": "清明节祭扫"}},
            {"type": "gallery", "value": {"title": "英烈风采", "images": [{"image": photo.pk, "caption": ""}]}},
            {"type": "video", "value": {"video": video.pk, "caption": ""}},
            {
                "type": "video_embed",
                "value": {"video": "https://www.bilibili.com/video/BV1GJ411x7h7", "caption": "纪录片"},
            },
            {"type": "audio", "value": {"audio": audio.pk, "caption": "", "show_transcript": True}},
            {"type": "document", "value": {"document": document.pk, "title": ""}},
        ]
    )


def test_a_body_using_every_media_block_renders(make_image, video, audio, document):
    photo = make_image(title="纪念碑", alt_text="烈士纪念碑全景", author="李明", source="示范市退役军人事务局")
    value = body_with_every_block(photo, video, audio, document)
    request = RequestFactory().get("/")
    html = Template("{% load wagtailcore_tags %}{% include_block body %}").render(
        Context({"body": value, "request": request})
    )

    # image with caption and credit
    assert 'alt="烈士纪念碑全景"' in html
    assert "清明节祭扫" in html
    assert '摄影/作者：<span lang="zh-hans">李明</span>' in html
    assert '来源：<span lang="zh-hans">示范市退役军人事务局</span>' in html
    # gallery: a region named by its heading
    gallery_id = re.search(r'<section class="media-gallery" aria-labelledby="([^"]+)"', html).group(1)
    assert f'<h2 class="media-gallery__title" id="{gallery_id}" lang="zh-hans">英烈风采</h2>' in html
    # uploaded video: poster, captions track, fallback link
    assert re.search(r'<video[^>]+poster="[^"]+\.jpg"', html)
    assert '<track kind="captions"' in html and 'srclang="zh-Hans"' in html
    assert 'type="video/mp4"' in html and 'width="1280" height="720"' in html
    # platform embed
    assert "player.bilibili.com/player.html?bvid=BV1GJ411x7h7" in html
    # audio with its transcript next to the player
    assert "<audio controls" in html and "media-audio--with-transcript" in html
    assert "部队夜里渡江。" in html and "时长 2分05秒" in html
    # document link with type and size
    assert document.url in html and "红星班教案" in html and "PDF" in html


def test_every_block_reads_in_english_apart_from_what_editors_wrote(make_image, video, audio, document):
    photo = make_image(
        title="纪念碑", alt_text="烈士纪念碑全景", author="李明", source="示范市退役军人事务局", licence="版权所有"
    )
    value = body_with_every_block(photo, video, audio, document)
    # The embed is first fetched (and stored) in Chinese, as an editor adding it would.
    Template("{% load wagtailcore_tags %}{% include_block body %}").render(Context({"body": value}))

    with translation.override("en"):
        html = Template("{% load wagtailcore_tags %}{% include_block body %}").render(Context({"body": value}))

    assert cjk_outside_user_content(f'<html lang="en"><body>{html}</body></html>') == []
    assert 'Photo: <span lang="zh-hans">李明</span>' in html
    assert 'Source: <span lang="zh-hans">示范市退役军人事务局</span>' in html
    assert 'title="Bilibili video player"' in html
    assert "(2 min 5 s)" in html and "<summary>Transcript</summary>" in html
    assert '<span class="media-document__meta">(PDF' in html


def test_each_block_renders_on_its_own(make_image, video, audio, document):
    photo = make_image(title="英雄塑像", alt_text="英雄塑像")
    cases = [
        (media_blocks.ImageBlock(), {"image": photo.pk, "caption": ""}, "<picture>"),
        (media_blocks.GalleryBlock(), {"title": "", "images": [{"image": photo.pk, "caption": "塑像"}]}, "<figcaption"),
        (media_blocks.VideoBlock(), {"video": video.pk, "caption": "风采展示"}, "风采展示"),
        (media_blocks.AudioBlock(), {"audio": audio.pk, "caption": "", "show_transcript": False}, "口述历史：渡江战役"),
        (media_blocks.DocumentLinkBlock(), {"document": document.pk, "title": "下载教案"}, "下载教案"),
    ]
    for block, raw, expected in cases:
        assert expected in block.render(block.to_python(raw)), block


def test_audio_transcript_can_be_hidden(audio):
    block = media_blocks.AudioBlock()
    html = block.render(block.to_python({"audio": audio.pk, "caption": "", "show_transcript": False}))
    assert "部队夜里渡江" not in html


def test_embed_from_an_unknown_platform_falls_back_to_a_link():
    block = media_blocks.VideoEmbedBlock()
    html = block.render({"video": EmbedValue("https://video.example.invalid/watch/1"), "caption": ""})
    assert 'href="https://video.example.invalid/watch/1"' in html and "到视频平台观看" in html


@pytest.mark.parametrize(
    ("url", "player"),
    [
        (
            "https://www.bilibili.com/video/BV1GJ411x7h7/?spm_id_from=333",
            "https://player.bilibili.com/player.html?bvid=BV1GJ411x7h7&amp;autoplay=0",
        ),
        (
            "https://v.qq.com/x/cover/mzc00200abc/k3540xzmwfo.html",
            "https://v.qq.com/txp/iframe/player.html?vid=k3540xzmwfo",
        ),
        ("https://v.qq.com/x/page/k3540xzmwfo.html", "https://v.qq.com/txp/iframe/player.html?vid=k3540xzmwfo"),
        ("https://v.youku.com/v_show/id_XNDk2MzE5NjAwMA==.html", "https://player.youku.com/embed/XNDk2MzE5NjAwMA=="),
    ],
)
def test_chinese_video_platforms_are_embedded_without_a_network_call(url, player):
    finder = ChineseVideoPlatformFinder()
    assert finder.accept(url)
    embed = finder.find_embed(url)
    assert f'src="{player}"' in embed["html"] and 'title="' in embed["html"] and 'loading="lazy"' in embed["html"]
    assert not finder.accept("https://www.youtube.com/watch?v=abc")


def picture_attributes(html):
    img = re.search(r"<img [^>]*>", html).group(0)
    return dict(re.findall(r'\s([a-z]+)="([^"]*)"', img))


def test_responsive_image_offers_avif_webp_and_a_fallback_with_dimensions(make_image):
    image = make_image(data=files.jpeg(width=2000, height=1500), name="big.jpg", alt_text="纪念馆")

    html = responsive_image(image, layout="card", ratio="4x3")

    assert '<source type="image/avif"' in html and '<source type="image/webp"' in html
    assert re.search(r'srcset="[^"]+ 320w, [^"]+ 480w, [^"]+ 640w"', html)
    attributes = picture_attributes(html)
    assert attributes["width"] == "480" and attributes["height"] == "360"
    assert attributes["alt"] == "纪念馆" and attributes["loading"] == "lazy"
    assert attributes["src"].endswith(".jpg")


def test_responsive_image_above_the_fold_loads_eagerly(make_image):
    html = responsive_image(make_image(), layout="full", eager=True)
    attributes = picture_attributes(html)
    assert attributes["fetchpriority"] == "high" and "loading" not in attributes


def test_small_images_are_not_upscaled(make_image):
    image = make_image(data=files.png(width=500, height=250), name="small.png")

    html = responsive_image(image, layout="full")

    widths = {int(w) for w in re.findall(r" (\d+)w", html)}
    assert widths == {480, 500}
    # transparent graphics keep a PNG fallback
    assert picture_attributes(html)["src"].endswith(".png")


def test_crops_follow_the_focal_point(make_image):
    image = make_image(data=files.png(width=1600, height=400), name="wide.png")
    image.focal_point_x, image.focal_point_y, image.focal_point_width, image.focal_point_height = 1500, 200, 100, 100
    image.save()

    responsive_image(image, layout="thumb", ratio="1x1")

    rendition = image.renditions.get(filter_spec="fill-120x120|format-webp")
    assert rendition.focal_point_key  # the crop was computed around the focal point
    # A centred crop would show the red top-left quarter of the picture; the crop around the
    # focal point (far right) is white.
    with rendition.file.open("rb") as handle:
        crop = PILImage.open(handle).convert("RGB")
        assert min(crop.getpixel((10, 10))) > 240


def test_decorative_images_get_empty_alt_text(make_image):
    image = make_image(alt_text="", is_decorative=True)
    assert picture_attributes(responsive_image(image))["alt"] == ""


def test_a_missing_original_renders_nothing_instead_of_an_error(make_image):
    image = make_image()
    image.file.storage.delete(image.file.name)
    assert responsive_image(image) == ""


@pytest.mark.parametrize(("seconds", "text"), [(0, ""), (45, "45秒"), (125.4, "2分05秒"), (3720, "1小时02分")])
def test_durations_read_naturally(seconds, text):
    assert media_duration(seconds) == text


@pytest.mark.parametrize(("seconds", "text"), [(45, "45 s"), (125.4, "2 min 5 s"), (3720, "1 h 2 min")])
def test_durations_read_naturally_in_english(seconds, text):
    with translation.override("en"):
        assert media_duration(seconds) == text
