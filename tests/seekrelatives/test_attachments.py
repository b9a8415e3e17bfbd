"""Attachments of clues (photos of family documents, letters): sent from the confirmation or
status page, cleaned by the media service (no GPS or camera data), encrypted, kept outside the
media library, and read only by 寻亲专班 with a verified second factor — each reading logged."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("seekrelatives")]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def photo_with_metadata():
    image = Image.new("RGB", (64, 48), (180, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "TestCam Maker"  # Make
    exif[0x0131] = "PhoneEditor 1.0"  # Software
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif.tobytes())
    return buffer.getvalue()


def refused(response):
    """Wagtail's admin answers a refusal by sending staff back to the dashboard with a notice."""
    return (response.status_code, response.get("Location")) in ((403, None), (302, "/admin/"))


def token_of(html):
    return re.search(r'name="token" value="([^"]+)"', html).group(1)


@pytest.fixture
def sent(send_clue, sought):
    """A clue just sent: the confirmation page (with the upload form) and the clue."""
    from campaigns.seekrelatives.models import Clue

    response, code = send_clue(sought=sought.pk)
    return response.content.decode(), code, Clue.objects.get()


def upload(client, campaign, html, *files, text=""):
    data = {"token": token_of(html), "text": text, "files": list(files)}
    return client.post(campaign.url + "add/", data)


def test_photos_and_pdfs_are_kept_cleaned_and_encrypted_outside_the_media_library(
    client, campaign, sent, private_files, settings
):
    from campaigns.seekrelatives import attachments
    from campaigns.seekrelatives.models import ClueAddition

    html, _code, clue = sent
    response = upload(
        client,
        campaign,
        html,
        SimpleUploadedFile("家书.jpg", photo_with_metadata(), content_type="image/jpeg"),
        SimpleUploadedFile("烈士证.pdf", PDF, content_type="application/pdf"),
        text="找到了伯父寄回的家书",
    )
    assert response.status_code == 200 and "已收到您补充的信息" in response.content.decode()
    addition = ClueAddition.objects.get()
    assert addition.clue == clue and addition.is_pending and addition.text == "找到了伯父寄回的家书"
    photo, pdf = clue.attachments.order_by("pk")
    assert (photo.mime_type, pdf.mime_type) == ("image/jpeg", "application/pdf")
    for item in (photo, pdf):
        path = private_files / item.stored_name
        assert path.exists() and not str(path).startswith(str(settings.MEDIA_ROOT))
        raw = path.read_bytes()
        assert not raw.startswith(b"\xff\xd8") and b"%PDF" not in raw and b"TestCam" not in raw
        assert "家书" not in item.stored_name and "烈士证" not in item.stored_name
    cleaned = Image.open(io.BytesIO(attachments.read(photo.stored_name)))
    assert cleaned.size == (64, 48) and not dict(cleaned.getexif())
    assert attachments.read(pdf.stored_name) == PDF


def test_what_is_not_a_photo_or_a_pdf_is_refused(client, campaign, sent):
    from campaigns.seekrelatives.models import ClueAttachment

    html, _code, _clue = sent
    page = upload(
        client, campaign, html, SimpleUploadedFile("照片.jpg", b"MZ\x90\x00not an image", content_type="image/jpeg")
    ).content.decode()
    assert "只能上传照片" in page and "或PDF文件" in page
    assert not ClueAttachment.objects.exists()


def test_too_many_files_at_once_are_refused(client, campaign, sent, settings):
    settings.SEEKRELATIVES_FILES_PER_UPLOAD = 2
    html, _code, _clue = sent
    files = [SimpleUploadedFile(f"{n}.pdf", PDF, content_type="application/pdf") for n in range(3)]
    assert "一次最多上传 2 个文件" in upload(client, campaign, html, *files).content.decode()


def test_a_forged_or_expired_link_adds_nothing(client, campaign, sent, settings):
    from campaigns.seekrelatives.models import ClueAddition

    html, _code, _clue = sent
    forged = client.post(campaign.url + "add/", {"token": token_of(html) + "x", "text": "伪造"})
    assert "页面已过期" in forged.content.decode()
    settings.SEEKRELATIVES_ADDITION_LINK_SECONDS = -1
    assert "页面已过期" in upload(client, campaign, html, text="过期").content.decode()
    assert not ClueAddition.objects.exists()
    assert client.get(campaign.url + "add/").status_code == 302


@pytest.fixture
def stored_photo(client, campaign, sent):
    html, _code, clue = sent
    upload(client, campaign, html, SimpleUploadedFile("家书.jpg", photo_with_metadata(), content_type="image/jpeg"))
    client.logout()
    return clue.attachments.get()


def test_only_the_team_reads_an_attachment_and_each_reading_is_logged(client, stored_photo, team_member, staff_user):
    from wagtail.log_actions import registry as log_registry

    url = f"/admin/seekrelatives/attachments/{stored_photo.pk}/"
    assert client.get(url)["Location"].startswith("/admin/login/")
    for group in ("站点管理员", "留言审核员", "宣传干事"):
        client.force_login(staff_user(group))
        assert refused(client.get(url))
    client.force_login(team_member)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"\xff\xd8")
    (entry,) = log_registry.get_logs_for_instance(stored_photo.clue).filter(action="seekrelatives.view_attachment")
    assert entry.user == team_member and entry.data == {"attachment": stored_photo.pk}


@pytest.mark.unverified_force_login
def test_a_team_member_without_the_second_factor_cannot_read_it(client, stored_photo, team_member):
    client.force_login(team_member)
    assert refused(client.get(f"/admin/seekrelatives/attachments/{stored_photo.pk}/"))
    page = client.get(f"/admin/seekrelatives/cases/{stored_photo.clue.case_id}/").content.decode()
    assert "两步验证" in page and f"/admin/seekrelatives/attachments/{stored_photo.pk}/" not in page
