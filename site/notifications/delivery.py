"""Sending one notification: claim it, render it, hand it to the mail or SMS backend, record.

Each attempt first claims the row (``queued`` → ``sending``, in one UPDATE), so a task and the
``send_pending_notifications`` command never send the same message twice at once; a claim is a
lease of :data:`SENDING_LEASE`, after which a row left ``sending`` by a crashed worker is due
again. A failure worth retrying puts the row back to ``queued`` with ``next_attempt_at`` after
the next delay of ``NOTIFICATIONS_RETRY_DELAYS``; when they are used up it is ``failed``. The
recipient and the context are cleared once the row is ``sent`` or ``failed``.

The log names the notification, the channel, the masked recipient and an error code: never the
text of the message, never the full address or number.
"""

from __future__ import annotations

import logging
import smtplib
from collections import Counter
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import F, Q
from django.utils import timezone, translation

from siteshell.notifications.models import Channel, Notification, Status
from siteshell.notifications.rendering import SMS_SINGLE_MESSAGE_LENGTH, render_message
from siteshell.notifications.sms import SMSDeliveryError, SMSRejected, get_sms_backend

logger = logging.getLogger("siteshell.notifications")

#: Seconds to wait before the 2nd, 3rd, … attempt; one attempt more than there are delays.
DEFAULT_RETRY_DELAYS = (60, 300, 1800)
#: How long a claimed row may stay ``sending`` before another worker may try it again.
SENDING_LEASE = timedelta(minutes=10)


class Retry(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


class GiveUp(Retry):
    pass


def retry_delays() -> tuple[int, ...]:
    return tuple(getattr(settings, "NOTIFICATIONS_RETRY_DELAYS", DEFAULT_RETRY_DELAYS))


def max_attempts() -> int:
    return len(retry_delays()) + 1


def due(now=None):
    """Rows to try now: queued and due, or left ``sending`` longer than the lease."""
    now = now or timezone.now()
    return Notification.objects.filter(Q(status=Status.QUEUED) | Q(status=Status.SENDING), next_attempt_at__lte=now)


def claim(notification_id, now) -> bool:
    return bool(
        due(now)
        .filter(pk=notification_id)
        .update(status=Status.SENDING, attempts=F("attempts") + 1, next_attempt_at=now + SENDING_LEASE, updated_at=now)
    )


def attempt(notification_id, *, now=None) -> Notification | None:
    """Try to send the notification once, if it is due; the row afterwards, or ``None`` when it
    was not due (already sent, failed, waiting for its next try, or claimed by another worker)."""
    now = now or timezone.now()
    if not claim(notification_id, now):
        return None
    notification = Notification.objects.get(pk=notification_id)
    try:
        message_id = deliver(notification)
    except GiveUp as failure:
        finish_failed(notification, failure.code)
    except Retry as failure:
        if notification.attempts >= max_attempts():
            finish_failed(notification, failure.code)
        else:
            schedule_retry(notification, failure.code, now)
    else:
        finish_sent(notification, message_id)
    return notification


def deliver(notification) -> str:
    """Render and send; the provider's message id. Raises :class:`Retry` or :class:`GiveUp`."""
    try:
        with translation.override(notification.language or settings.LANGUAGE_CODE):
            message = render_message(notification.template, notification.channel, notification.context or {})
    except Exception:  # a missing or broken template fails the same way on every attempt
        raise GiveUp("template_error") from None
    if notification.channel == Channel.EMAIL:
        return send_email(notification, message)
    return send_sms(notification, message)


def send_email(notification, message) -> str:
    email = EmailMessage(subject=message.subject, body=message.body, to=[notification.recipient])
    try:
        email.send(fail_silently=False)
    except smtplib.SMTPRecipientsRefused:
        raise GiveUp("email_refused") from None
    except smtplib.SMTPException:
        raise Retry("smtp_error") from None
    except OSError:
        raise Retry("email_connection") from None
    except Exception as error:  # a mail backend's own exception: its type only, never its text
        raise Retry(f"email_{type(error).__name__}") from None
    return ""


def send_sms(notification, message) -> str:
    if len(message.body) > SMS_SINGLE_MESSAGE_LENGTH:
        logger.warning(
            "notification %s: SMS of %s characters (%s) is split by the carrier",
            notification.pk,
            len(message.body),
            notification.template,
        )
    try:
        return str(get_sms_backend().send(notification.recipient, message.body) or "")
    except SMSRejected as error:
        raise GiveUp(error.code) from None
    except SMSDeliveryError as error:
        raise Retry(error.code) from None
    except Exception as error:
        raise Retry(f"sms_{type(error).__name__}") from None


def finish_sent(notification, message_id):
    notification.status = Status.SENT
    notification.sent_at = timezone.now()
    notification.provider_message_id = message_id[:100]
    notification.last_error = ""
    notification.next_attempt_at = None
    forget_recipient(notification)
    logger.info(
        "notification %s sent via %s to %s", notification.pk, notification.channel, notification.recipient_masked
    )


def schedule_retry(notification, code, now):
    delay = retry_delays()[notification.attempts - 1]
    notification.status = Status.QUEUED
    notification.last_error = code
    notification.next_attempt_at = now + timedelta(seconds=delay)
    notification.save(update_fields=["status", "last_error", "next_attempt_at", "updated_at"])
    logger.warning(
        "notification %s via %s to %s: attempt %s failed (%s), next attempt in %s s",
        notification.pk,
        notification.channel,
        notification.recipient_masked,
        notification.attempts,
        code,
        delay,
    )


def finish_failed(notification, code):
    notification.status = Status.FAILED
    notification.last_error = code
    notification.next_attempt_at = None
    forget_recipient(notification)
    logger.error(
        "notification %s via %s to %s failed after %s attempts (%s)",
        notification.pk,
        notification.channel,
        notification.recipient_masked,
        notification.attempts,
        code,
    )


def forget_recipient(notification):
    notification.recipient = ""
    notification.context = None
    notification.save()


def send_due(*, now=None, limit=None) -> Counter:
    """Try every due notification once (oldest first); how many ended in each status."""
    now = now or timezone.now()
    ids = due(now).order_by("next_attempt_at", "pk").values_list("pk", flat=True)
    results = Counter()
    for notification_id in list(ids[:limit] if limit else ids):
        notification = attempt(notification_id, now=now)
        if notification is not None:
            results[notification.status] += 1
    return results
