"""notify(): a templated message by email and SMS, sent by a background task after commit,
retried with backoff, recorded with a masked recipient, and logged without its content."""

import logging
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.template import TemplateDoesNotExist
from django.utils import timezone

from siteshell.notifications import notify, sms
from siteshell.notifications.models import Notification, Status
from siteshell.notifications.sms import SMSDeliveryError, SMSRejected

pytestmark = pytest.mark.django_db

PHONE = "13812345678"
EMAIL = "zhangwei@example.com"
SECRET_TEXT = "张伟同志您好"


@pytest.fixture(autouse=True)
def message_templates(settings, tmp_path):
    """``notifications/tests/greeting/``: subject, email and SMS templates."""
    folder = tmp_path / "templates" / "notifications" / "tests" / "greeting"
    folder.mkdir(parents=True)
    (folder / "subject.txt").write_text("{{ greeting }}：办理进度\n", encoding="utf-8")
    (folder / "email.txt").write_text(
        "{{ greeting }}，状态：{{ status }}。\n查询：{{ tracking_url }}\n", encoding="utf-8"
    )
    (folder / "sms.txt").write_text("{{ greeting }}，状态：{{ status }} & 更新\n", encoding="utf-8")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path / "templates"]}]
    settings.NOTIFICATIONS_SMS_BACKEND = "siteshell.notifications.sms.LocmemBackend"
    settings.NOTIFICATIONS_SMS_SIGNATURE = "示范市退役军人事务局"
    sms.outbox.clear()
    sms.LocmemBackend.failures = []
    yield
    sms.LocmemBackend.failures = []


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """Call notify() and run what it queued on commit (the immediate task backend sends it)."""

    def send(**kwargs):
        arguments = {"template": "tests/greeting", "context": {"greeting": SECRET_TEXT, "status": "已安排"}}
        arguments["purpose"] = "tests.greeting"
        with django_capture_on_commit_callbacks(execute=True):
            created = notify(**{**arguments, **kwargs})
        for notification in created:
            notification.refresh_from_db()
        return created

    return send


def test_an_email_is_sent_and_recorded(send, home_page):
    (notification,) = send(to_email=EMAIL)
    (message,) = mail.outbox
    assert message.to == [EMAIL]
    assert message.subject == f"{SECRET_TEXT}：办理进度"
    assert "状态：已安排" in message.body and "http://localhost/track/" in message.body
    assert notification.status == Status.SENT and notification.attempts == 1 and notification.sent_at
    assert notification.channel == "email" and notification.recipient_masked == "z***@example.com"


def test_an_sms_is_short_signed_and_not_escaped(send):
    (notification,) = send(to_phone="+86 138-1234-5678")
    (message,) = sms.outbox
    assert message.phone == PHONE
    assert message.text == f"【示范市退役军人事务局】{SECRET_TEXT}，状态：已安排 & 更新"
    assert notification.status == Status.SENT and notification.provider_message_id == message.message_id
    assert notification.recipient_masked == "138****5678"


def test_both_channels_give_one_row_each(send):
    created = send(to_email=EMAIL, to_phone=PHONE)
    assert [n.channel for n in created] == ["email", "sms"]
    assert len(mail.outbox) == len(sms.outbox) == 1


def test_the_recipient_and_context_are_kept_only_until_sent(send):
    (notification,) = send(to_phone=PHONE)
    assert notification.recipient == "" and notification.context is None
    assert notification.template == "tests/greeting" and notification.purpose == "tests.greeting"


def test_nothing_is_sent_before_the_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        (notification,) = notify(
            to_phone=PHONE, template="tests/greeting", context={"greeting": "x", "status": "y"}, purpose="t"
        )
    assert len(callbacks) == 1 and sms.outbox == []
    notification.refresh_from_db()
    assert notification.status == Status.QUEUED and notification.recipient == PHONE


def test_the_log_names_the_masked_recipient_and_never_the_content(send, caplog):
    sms.LocmemBackend.failures = [SMSDeliveryError("gateway_timeout")]
    with caplog.at_level(logging.DEBUG):
        email, notification = send(to_email=EMAIL, to_phone=PHONE)
        call_command("send_pending_notifications", stdout=StringIO())  # not due yet: nothing
        Notification.objects.filter(pk=notification.pk).update(next_attempt_at=timezone.now())
        sms.LocmemBackend.failures = [SMSRejected("gateway_101")]
        call_command("send_pending_notifications", stdout=StringIO())
    log = caplog.text
    assert f"notification {email.pk} sent via email to z***@example.com" in log
    assert "138****5678" in log and "gateway_timeout" in log and "gateway_101" in log
    for secret in (PHONE, EMAIL, SECRET_TEXT, "已安排", "zhangwei"):
        assert secret not in log


def test_a_failed_attempt_is_retried_later_then_sent(send, settings):
    settings.NOTIFICATIONS_RETRY_DELAYS = [60, 300]
    sms.LocmemBackend.failures = [SMSDeliveryError("gateway_timeout")]
    before = timezone.now()
    (notification,) = send(to_phone=PHONE)
    assert notification.status == Status.QUEUED and notification.attempts == 1
    assert notification.last_error == "gateway_timeout" and notification.recipient == PHONE
    assert before + timedelta(seconds=59) < notification.next_attempt_at < timezone.now() + timedelta(seconds=61)

    # The immediate backend cannot wait: the command sends it once it is due, not before.
    out = StringIO()
    call_command("send_pending_notifications", stdout=out)
    assert sms.outbox == [] and "已发送 0 条" in out.getvalue()
    Notification.objects.filter(pk=notification.pk).update(next_attempt_at=timezone.now())
    call_command("send_pending_notifications", stdout=out)
    notification.refresh_from_db()
    assert notification.status == Status.SENT and notification.attempts == 2 and len(sms.outbox) == 1
    assert notification.last_error == "" and notification.recipient == ""


def test_the_final_failure_is_recorded_and_forgets_the_recipient(send, settings):
    settings.NOTIFICATIONS_RETRY_DELAYS = [60]
    sms.LocmemBackend.failures = [SMSDeliveryError("gateway_busy"), SMSDeliveryError("gateway_busy")]
    (notification,) = send(to_phone=PHONE)
    Notification.objects.filter(pk=notification.pk).update(next_attempt_at=timezone.now())
    call_command("send_pending_notifications", stdout=StringIO())
    notification.refresh_from_db()
    assert notification.status == Status.FAILED and notification.attempts == 2
    assert notification.last_error == "gateway_busy"
    assert notification.recipient == "" and notification.context is None and notification.next_attempt_at is None
    # A failed notification is not tried again.
    Notification.objects.filter(pk=notification.pk).update(next_attempt_at=timezone.now())
    call_command("send_pending_notifications", stdout=StringIO())
    notification.refresh_from_db()
    assert notification.attempts == 2 and sms.outbox == []


def test_a_rejected_message_is_not_retried(send):
    sms.LocmemBackend.failures = [SMSRejected("gateway_invalid_number")]
    (notification,) = send(to_phone=PHONE)
    assert notification.status == Status.FAILED and notification.attempts == 1
    assert notification.last_error == "gateway_invalid_number"


def test_an_unexpected_backend_error_is_retried_under_its_type_only(send):
    sms.LocmemBackend.failures = [RuntimeError(f"could not send {SECRET_TEXT} to {PHONE}")]
    (notification,) = send(to_phone=PHONE)
    assert notification.status == Status.QUEUED and notification.last_error == "sms_RuntimeError"


def test_an_email_server_failure_is_retried(send, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 1
    (notification,) = send(to_email=EMAIL)
    assert notification.status == Status.QUEUED and notification.last_error == "email_connection"


def test_a_backend_that_can_wait_gets_the_retry_with_run_after(settings, django_capture_on_commit_callbacks):
    from django_tasks import default_task_backend

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    settings.NOTIFICATIONS_RETRY_DELAYS = [120]
    with django_capture_on_commit_callbacks(execute=True):
        (notification,) = notify(
            to_phone=PHONE, template="tests/greeting", context={"greeting": "x", "status": "y"}, purpose="t"
        )

    def queued():
        return [result for result in default_task_backend.results if result.task.name == "send_notification"]

    (first,) = queued()
    assert list(first.args) == [notification.pk]
    sms.LocmemBackend.failures = [SMSDeliveryError("gateway_timeout")]
    assert first.task.call(*first.args) == Status.QUEUED
    retry = queued()[-1]
    notification.refresh_from_db()
    assert len(queued()) == 2 and retry.task.run_after == notification.next_attempt_at
    # Run early (a worker ignoring run_after) it does nothing; when due it sends.
    assert retry.task.call(*retry.args) is None
    Notification.objects.filter(pk=notification.pk).update(next_attempt_at=timezone.now())
    assert retry.task.call(*retry.args) == Status.SENT


def test_a_message_is_sent_in_the_language_active_when_notify_was_called(send):
    from django.utils import translation

    with translation.override("en"):
        (notification,) = send(to_phone=PHONE)
    assert Notification.objects.get(pk=notification.pk).language == "en"


def test_an_invalid_recipient_is_recorded_as_failed_without_raising(send, caplog):
    created = send(to_phone="12345", to_email="not-an-address")
    assert [(n.status, n.last_error) for n in created] == [(Status.FAILED, "invalid_recipient")] * 2
    assert sms.outbox == [] and mail.outbox == []
    assert "12345" not in caplog.text and "not-an-address" not in caplog.text


def test_empty_recipients_send_nothing(send):
    assert send(to_phone="", to_email=None) == []


def test_a_missing_template_raises_at_once(send):
    with pytest.raises(TemplateDoesNotExist):
        send(to_phone=PHONE, template="tests/nonexistent")
    assert not Notification.objects.exists()


def test_a_context_that_is_not_json_raises_at_once(send):
    with pytest.raises(TypeError):
        send(to_phone=PHONE, context={"greeting": object()})


def test_the_related_submission_is_recorded(send, superuser):
    (notification,) = send(to_phone=PHONE, related=superuser)
    assert notification.related == superuser


def test_a_claimed_notification_is_not_sent_twice(send):
    from siteshell.notifications.delivery import attempt

    sms.LocmemBackend.failures = [SMSDeliveryError("gateway_timeout")]
    (notification,) = send(to_phone=PHONE)
    now = timezone.now() + timedelta(hours=1)
    first = attempt(notification.pk, now=now)
    assert first.status == Status.SENT
    assert attempt(notification.pk, now=now) is None and len(sms.outbox) == 1


def test_a_row_left_sending_by_a_crashed_worker_is_due_after_the_lease(send):
    from siteshell.notifications.delivery import SENDING_LEASE, send_due

    (notification,) = send(to_phone="13900000000")
    Notification.objects.filter(pk=notification.pk).update(
        status=Status.SENDING, recipient=PHONE, context={"greeting": "x", "status": "y"}, next_attempt_at=timezone.now()
    )
    assert send_due(now=timezone.now() - timedelta(seconds=1))[Status.SENT] == 0
    assert send_due(now=timezone.now() + SENDING_LEASE)[Status.SENT] == 1
