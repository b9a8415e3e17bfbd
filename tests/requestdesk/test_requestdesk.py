"""The services seen from a plugin: a public request gets a tracking code and an SMS, its
submitter follows it on the shell's status page, and is told when staff change its status."""

import re

import pytest
from django.core import mail

from siteshell.notifications import sms

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("requestdesk")]

FORM = {"name": "王建国", "phone": "139 0013 8000", "email": "wjg@example.com", "text": "清明节请代为祭扫"}


@pytest.fixture(autouse=True)
def sms_outbox(settings):
    settings.NOTIFICATIONS_SMS_BACKEND = "siteshell.notifications.sms.LocmemBackend"
    sms.outbox.clear()
    yield sms.outbox
    sms.outbox.clear()


@pytest.fixture
def submitted(client, home_page, django_capture_on_commit_callbacks):
    """The public form sent; the confirmation page and the tracking code on it."""
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/requestdesk/", FORM)
    assert response.status_code == 200
    code = re.search(r'<strong class="tracking-code">([\w-]+)</strong>', response.content.decode()).group(1)
    return response, code


def track(client, code, factor):
    return client.post("/track/", {"code": code, "factor": factor}).content.decode()


def test_the_public_form_issues_a_code_and_confirms_by_sms(submitted, sms_outbox):
    from tests.requestdesk.models import ServiceRequest

    _response, code = submitted
    request = ServiceRequest.objects.get()
    assert request.phone == "13900138000" and request.language == "zh-hans"
    (message,) = sms_outbox
    assert message.phone == "13900138000" and code in message.text and message.text.startswith("【")
    assert len(message.text) <= 70
    assert mail.outbox[0].to == ["wjg@example.com"] and code in mail.outbox[0].body


def test_the_submitter_follows_the_request_with_code_and_last_four_digits(client, submitted):
    _response, code = submitted
    page = track(client, code, "8000")
    assert "服务申请" in page and "已受理" in page and "工作人员将在三个工作日内与您联系" in page
    for personal in ("王建国", "13900138000", "清明节请代为祭扫", "wjg@example.com"):
        assert personal not in page
    assert "查询码或验证信息不正确" in track(client, code, "0008")


def test_a_status_change_by_staff_tells_the_submitter(client, submitted, superuser, django_capture_on_commit_callbacks):
    from siteshell.notifications.models import Notification, Status
    from tests.requestdesk.models import ServiceRequest

    _response, code = submitted
    request = ServiceRequest.objects.get()
    sms.outbox.clear()
    mail.outbox.clear()
    client.force_login(superuser)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/snippets/requestdesk/servicerequest/edit/{request.pk}/", {"status": "scheduled"}
        )
    assert response.status_code == 302
    (message,) = sms.outbox
    assert "已安排" in message.text and "/track/" in message.text
    assert mail.outbox[0].subject == "您的服务申请有新进展"
    changed = Notification.objects.filter(purpose="requestdesk.status_changed")
    assert {(n.channel, n.status, n.recipient) for n in changed} == {
        ("sms", Status.SENT, ""),
        ("email", Status.SENT, ""),
    }
    assert {n.related for n in changed} == {request}
    client.logout()
    page = track(client, code, "8000")
    assert "已安排" in page and "请留意短信通知" in page


def test_saving_without_a_status_change_sends_nothing(submitted, django_capture_on_commit_callbacks):
    from tests.requestdesk.models import ServiceRequest

    sms.outbox.clear()
    request = ServiceRequest.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        request.text = "改为下午"
        request.save()
    assert sms.outbox == []


def test_the_submitter_is_told_in_their_own_language(client, home_page, django_capture_on_commit_callbacks):
    from siteshell.notifications.models import Notification
    from tests.requestdesk.models import ServiceRequest

    client.cookies["django_language"] = "en"
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/requestdesk/", FORM)
        request = ServiceRequest.objects.get()
        request.status = ServiceRequest.Status.DONE
        request.save()
    assert request.language == "en"
    assert set(Notification.objects.values_list("language", flat=True)) == {"en"}


def test_a_wrong_phone_number_is_refused_in_chinese(client, home_page):
    response = client.post("/requestdesk/", {**FORM, "phone": "12345"})
    assert "请输入11位手机号码" in response.content.decode()
