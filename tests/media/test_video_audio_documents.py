"""Video, audio and documents: allowed by content, limited in size, served safely."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection
from wagtailmedia.models import get_media_model

from tests.media import files
from tests.media.conftest import stored_files

pytestmark = pytest.mark.django_db

Media = get_media_model()
Document = get_document_model()


def add_media(admin_client, media_type, name, data, **extra):
    form = {
        "title": "老兵口述：上甘岭的四十三天",
        "collection": Collection.get_first_root_node().pk,
        "captions_language": "zh-Hans",
        "duration": "75",
        "file": SimpleUploadedFile(name, data),
        **extra,
    }
    return admin_client.post(reverse("wagtailmedia:add", args=[media_type]), form)


def field_errors(response, field):
    return " ".join(str(error) for error in response.context["form"].errors.get(field, []))


def test_editor_uploads_a_video_with_poster_and_webvtt_captions(admin_client, make_image):
    poster = make_image(title="视频封面")
    response = add_media(
        admin_client,
        "video",
        "film.mp4",
        files.mp4(),
        poster=poster.pk,
        captions=SimpleUploadedFile("film.vtt", files.webvtt()),
        transcript="我是一名老兵。",
    )

    assert response.status_code == 302, response.context and response.context["form"].errors
    video = Media.objects.get()
    assert (video.type, video.poster, video.mime_type) == ("video", poster, "video/mp4")
    assert video.captions.name.endswith(".vtt")


def test_editor_uploads_an_oral_history_recording_with_transcript(admin_client):
    response = add_media(admin_client, "audio", "interview.wav", files.wav(), transcript="那年我十九岁……")

    assert response.status_code == 302
    assert Media.objects.get().transcript == "那年我十九岁……"


@pytest.mark.parametrize(
    ("media_type", "name", "data", "message"),
    [
        ("video", "film.mp4", b"just some text pretending to be a film" * 10, "无法识别这个视频文件的格式"),
        ("video", "film.webm", files.mp4(), "与扩展名“.webm”不符"),
        ("audio", "interview.mp3", files.wav(), "与扩展名“.mp3”不符"),
        ("audio", "interview.wav", files.png(), "无法识别这个音频文件的格式"),
    ],
    ids=["text-as-mp4", "mp4-as-webm", "wav-as-mp3", "png-as-wav"],
)
def test_media_whose_content_does_not_match_is_refused(admin_client, media_root, media_type, name, data, message):
    response = add_media(admin_client, media_type, name, data)

    assert response.status_code == 200
    assert message in field_errors(response, "file")
    assert Media.objects.count() == 0
    assert stored_files(media_root) == []


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("film.srt", files.srt(), "WebVTT"),
        ("film.vtt", files.srt(), "第一行必须是“WEBVTT”"),
        ("film.vtt", "WEBVTT\n\n字幕".encode("gb18030"), "UTF-8"),
    ],
    ids=["srt-file", "srt-named-vtt", "not-utf8"],
)
def test_captions_must_be_webvtt(admin_client, media_root, name, data, message):
    response = add_media(admin_client, "video", "film.mp4", files.mp4(), captions=SimpleUploadedFile(name, data))

    assert message in field_errors(response, "captions")
    assert Media.objects.count() == 0
    assert stored_files(media_root) == []


def test_oversized_video_is_refused(admin_client, settings, media_root):
    settings.MEDIA_VIDEO_MAX_UPLOAD_SIZE = 50

    response = add_media(admin_client, "video", "film.mp4", files.mp4() + b"\x00" * 100)

    assert "视频文件过大" in field_errors(response, "file")
    assert stored_files(media_root) == []


def add_document(admin_client, name, data):
    return admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "国防教育教案",
            "file": SimpleUploadedFile(name, data),
            "collection": Collection.get_first_root_node().pk,
        },
    )


@pytest.mark.parametrize(
    ("name", "data"),
    [("lesson.pdf", files.pdf()), ("lesson.docx", files.docx()), ("notes.txt", "红星班第一课".encode())],
)
def test_editor_uploads_allowed_documents(admin_client, name, data):
    response = add_document(admin_client, name, data)

    assert response.status_code == 302
    assert Document.objects.get().file_extension == name.rsplit(".", 1)[1]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("lesson.exe", b"MZ\x90\x00", "不支持"),
        ("lesson.html", b"<script>alert(1)</script>", "不支持"),
        ("lesson.pdf", b"<html><script>alert(1)</script></html>", "文件内容与扩展名“.pdf”不符"),
        ("lesson.docx", files.pdf(), "文件内容与扩展名“.docx”不符"),
        ("notes.txt", b"\x00\x01binary", "文件内容与扩展名“.txt”不符"),
    ],
    ids=["exe", "html", "html-as-pdf", "pdf-as-docx", "binary-as-txt"],
)
def test_documents_of_other_types_or_disguised_are_refused(admin_client, media_root, name, data, message):
    response = add_document(admin_client, name, data)

    assert response.status_code == 200
    assert message in field_errors(response, "file")
    assert Document.objects.count() == 0
    assert stored_files(media_root) == []


def test_oversized_document_is_refused(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 100

    response = add_document(admin_client, "lesson.pdf", files.pdf() + b"%" * 200)

    assert response.status_code == 200
    assert [e.replace("\xa0", " ") for e in response.context["form"].errors["file"]] == [
        "文件过大 (325 字节)，文件大小上限为 100 字节。"
    ]
    assert Document.objects.count() == 0


def make_document(name, data):
    document = Document(title="教案")
    document.file.save(name, SimpleUploadedFile(name, data), save=False)
    document.save()
    return document


@pytest.mark.parametrize(
    ("name", "data", "disposition"),
    [
        ("lesson.docx", files.docx(), "attachment"),
        ("notes.txt", "第一课".encode(), "attachment"),
        ("lesson.pdf", files.pdf(), "inline"),
    ],
)
def test_documents_are_served_with_safe_headers(client, name, data, disposition):
    document = make_document(name, data)

    response = client.get(document.url)

    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["Content-Disposition"].startswith(disposition)
    assert name in response["Content-Disposition"]
