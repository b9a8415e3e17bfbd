"""Editors in any plugin's staff group can upload and choose media; forms are in Chinese."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model

from media.groups import MEDIA_MANAGERS, grant_media_permissions
from tests.media import files

pytestmark = pytest.mark.django_db


@pytest.fixture
def plugin_editor(client, django_user_model):
    """A member of the sample plugin's staff group, as migrate left it."""
    user = django_user_model.objects.create_user("editor", "editor@example.gov.cn", "pw")
    user.groups.add(Group.objects.get(name="示例模块编辑"))
    client.force_login(user)
    return client


def test_plugin_editors_can_upload_and_choose_images(plugin_editor, make_image):
    make_image(title="纪念碑")
    response = plugin_editor.post(
        reverse("wagtailimages:add"),
        {"title": "英雄塑像", "alt_text": "英雄塑像", "file": SimpleUploadedFile("statue.jpg", files.jpeg())},
    )
    assert response.status_code == 302

    chooser = plugin_editor.get(reverse("wagtailimages_chooser:choose"))
    assert chooser.status_code == 200
    html = chooser.json()["html"]
    assert "纪念碑" in html and "英雄塑像" in html


def test_plugin_editors_can_upload_documents_and_videos(plugin_editor):
    assert plugin_editor.get(reverse("wagtaildocs:add")).status_code == 200
    assert plugin_editor.get(reverse("wagtailmedia:add", args=["video"])).status_code == 200
    assert plugin_editor.get(reverse("wagtailmedia:chooser")).status_code == 200


def test_media_managers_group_exists_with_full_rights():
    group = Group.objects.get(name=str(MEDIA_MANAGERS))
    codenames = set(group.collection_permissions.values_list("permission__codename", flat=True))
    assert {"delete_image", "delete_document", "delete_media"} <= codenames


def test_granting_is_idempotent():
    group = Group.objects.get(name="示例模块编辑")
    before = group.collection_permissions.count()
    grant_media_permissions()
    assert group.collection_permissions.count() == before == 6


def test_video_form_offers_poster_captions_and_transcript_in_chinese(admin_client):
    html = admin_client.get(reverse("wagtailmedia:add", args=["video"])).content.decode()
    for label in ("封面图", "字幕文件（WebVTT）", "文字稿"):
        assert label in html
    assert 'accept=".mp4,.m4v,.webm"' in html


def test_image_form_asks_for_alt_text_and_credit(admin_client):
    html = admin_client.get(reverse("wagtailimages:add")).content.decode()
    for label in ("替代文字", "装饰性图片", "摄影/作者", "来源", "版权或许可", "拍摄日期"):
        assert label in html


def test_replacing_an_image_file_in_the_editor_is_cleaned_too(admin_client, make_image):
    image = make_image(title="合影")
    response = admin_client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {
            "title": "合影",
            "alt_text": "合影",
            "file": SimpleUploadedFile("new.jpg", files.jpeg_with_gps(orientation=6)),
        },
    )

    assert response.status_code == 302
    image = get_image_model().objects.get(pk=image.pk)
    assert (image.width, image.height) == (40, 80)
    with image.file.open("rb") as handle:
        assert b"Apple" not in handle.read()
