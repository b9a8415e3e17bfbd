"""A request from start to finish: a family far away fills in the form, staff accept, schedule
and sweep (photos uploaded through the admin), and the family sees it done on the status page —
told by SMS and e-mail at each step."""

import re

import pytest
from django.core import mail
from PIL import Image

from .conftest import status_page, upload

pytestmark = pytest.mark.django_db


def test_a_family_asks_staff_sweep_and_the_family_sees_it_done(
    client, submitted, staff, sms_outbox, django_capture_on_commit_callbacks
):
    from django.test import Client

    from memorials.sweeping.models import Status

    sweeping_request, code = submitted
    assert sweeping_request.status == Status.RECEIVED and sweeping_request.martyr_name == "黄继光"
    assert sweeping_request.facility.name == "示范市烈士陵园"
    (received,) = sms_outbox
    assert code in received.text and len(received.text) <= 70
    assert mail.outbox[0].to == ["hjg@example.com"] and code in mail.outbox[0].body

    desk = Client()
    desk.force_login(staff)
    detail = f"/admin/sweeping/{sweeping_request.pk}/"
    steps = [
        (f"{detail}accept/", {}, "已受理"),
        (
            f"{detail}schedule/",
            {"day": sweeping_request.preferred_from.isoformat(), "staff": str(staff.pk)},
            sweeping_request.preferred_from.isoformat(),
        ),
        (
            f"{detail}complete/",
            {"note": "已擦拭墓碑、敬献鲜花，并代为宣读寄语。", "photos": [upload("one.jpg"), upload("two.jpg")]},
            "已完成",
        ),
    ]
    for url, data, told in steps:
        sms_outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            response = desk.post(url, data)
        assert response.status_code == 302 and response["Location"] == detail, response.content.decode()[:3000]
        (message,) = sms_outbox
        assert told in message.text and len(message.text) <= 70
    assert desk.post(f"{detail}inform/").status_code == 302

    sweeping_request.refresh_from_db()
    assert sweeping_request.status == Status.INFORMED and sweeping_request.photos.count() == 2

    page = status_page(client, code).content.decode()
    for text in ("黄继光", "已告知家属", "已受理", "已安排祭扫", "已擦拭墓碑、敬献鲜花，并代为宣读寄语。", "祭扫照片"):
        assert text in page
    photo_links = re.findall(r'<img src="(/sweeping/status/photo/[^"]+/)"', page)
    assert len(photo_links) == 2
    shown = client.get(photo_links[0])
    assert shown.status_code == 200 and shown["Content-Type"] == "image/jpeg"
    assert "no-store" in shown["Cache-Control"]
    download = client.get(photo_links[0] + "?download=1")
    assert download.status_code == 200 and "attachment" in download["Content-Disposition"]


def test_the_photos_staff_upload_lose_their_gps_position_and_camera(submitted, advance, photo_root):
    from memorials.sweeping.models import SweepingPhoto

    sweeping_request, _code = submitted
    advance(sweeping_request, "done")
    photo = SweepingPhoto.objects.get()
    for field in (photo.image, photo.preview):
        with field.open("rb") as handle:
            data = handle.read()
        assert b"PhoneMakerCo" not in data
        with Image.open(field.path) as image:
            assert not image.getexif() and 0x8825 not in image.getexif()
    # Kept privately: in the plugin's folder, not under MEDIA_ROOT, with no URL.
    assert str(photo_root) in photo.image.path
    with pytest.raises(ValueError):
        _ = photo.image.url


def test_staff_see_who_did_each_step_and_when(submitted, advance, staff, client):
    sweeping_request, _code = submitted
    advance(sweeping_request, "informed")
    client.force_login(staff)
    page = client.get(f"/admin/sweeping/{sweeping_request.pk}/").content.decode()
    from wagtail.models import ModelLogEntry

    entries = ModelLogEntry.objects.for_instance(sweeping_request).order_by("timestamp", "id")
    actions = list(entries.values_list("action", "user__username"))
    assert actions == [
        ("moderation.approve", "liming"),
        ("sweeping.schedule", "liming"),
        ("sweeping.complete", "liming"),
        ("sweeping.inform", "liming"),
    ]
    for shown in ("安排了代祭扫的日期和人员", "记录了代祭扫完成并上传照片", "记录已告知家属", "照片1张"):
        assert shown in page


def test_a_declined_request_tells_the_family_why(
    client, submitted, staff, sms_outbox, django_capture_on_commit_callbacks
):
    from memorials.sweeping.models import Status

    sweeping_request, code = submitted
    client.force_login(staff)
    sms_outbox.clear()
    reason = "该烈士安葬在外省，请向安葬地退役军人事务部门申请。"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/sweeping/{sweeping_request.pk}/decline/", {"reason": reason})
    assert response.status_code == 302
    sweeping_request.refresh_from_db()
    assert sweeping_request.status == Status.DECLINED and sweeping_request.closed_at is not None
    assert "未能受理" in sms_outbox[0].text and reason in mail.outbox[-1].body
    client.logout()
    page = status_page(client, code).content.decode()
    assert "未能受理" in page and reason in page


def test_declining_without_a_reason_is_refused_with_a_message(client, submitted, staff):
    sweeping_request, _code = submitted
    client.force_login(staff)
    response = client.post(f"/admin/sweeping/{sweeping_request.pk}/decline/", {"reason": "  "})
    assert response.status_code == 400 and "请填写未能受理的原因" in response.content.decode()


def test_the_inbox_decision_is_the_same_acceptance(
    submitted, superuser, sms_outbox, django_capture_on_commit_callbacks
):
    from memorials.sweeping.models import Status
    from siteshell.moderation import service

    sweeping_request, _code = submitted
    sms_outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        service.approve(sweeping_request, superuser)
    sweeping_request.refresh_from_db()
    assert sweeping_request.status == Status.ACCEPTED and "已受理" in sms_outbox[0].text


def test_a_family_that_asked_for_photos_gets_at_least_one(client, submitted, advance, staff):
    sweeping_request, _code = submitted
    advance(sweeping_request, "scheduled")
    client.force_login(staff)
    response = client.post(f"/admin/sweeping/{sweeping_request.pk}/complete/", {"note": "已祭扫"})
    assert response.status_code == 302
    sweeping_request.refresh_from_db()
    assert sweeping_request.status == "scheduled"
    page = client.get(f"/admin/sweeping/{sweeping_request.pk}/").content.decode()
    assert "家属申请了拍照反馈，请至少上传一张照片" in page


def test_a_file_that_is_no_photo_is_refused_in_chinese(client, submitted, advance, staff):
    sweeping_request, _code = submitted
    advance(sweeping_request, "scheduled")
    client.force_login(staff)
    response = client.post(
        f"/admin/sweeping/{sweeping_request.pk}/complete/",
        {"note": "已祭扫", "photos": [upload("fake.jpg", b"not an image at all")]},
    )
    assert response.status_code == 400 and "无法识别这个文件" in response.content.decode()
    assert sweeping_request.photos.count() == 0
