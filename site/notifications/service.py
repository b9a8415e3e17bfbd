"""``notify()``: a templated message to a submitter, by email and/or SMS, sent in the background."""

from __future__ import annotations

import json
import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language

from siteshell.notifications.models import Channel, Notification, Status
from siteshell.notifications.recipients import mask, normalise_email, normalise_phone
from siteshell.notifications.rendering import check_templates
from siteshell.notifications.tasks import enqueue

logger = logging.getLogger("siteshell.notifications")


def notify(*, to_email=None, to_phone=None, template, context, purpose, related=None) -> list[Notification]:
    """Send ``template`` to the submitter: one :class:`Notification` per channel given.

    ``template`` names ``notifications/<template>/`` (``subject.txt`` and ``email.txt`` for email,
    ``sms.txt`` for SMS), starting with the plugin's label; ``context`` is what the templates use
    (strings and numbers: it is kept as JSON until the message is sent); ``purpose`` says why, for
    the admin list (``"requestdesk.status_changed"``); ``related`` is the submission.

    The messages are sent by a background task after the current transaction commits, in the
    language active now. An empty recipient is skipped; one that is not an address or a mobile
    number gives a ``failed`` row (``invalid_recipient``) rather than an exception, so a staff
    action never fails because of a submitter's typo. A missing template raises
    ``TemplateDoesNotExist``, a context that is not JSON raises ``TypeError``.
    """
    wanted = [(Channel.EMAIL, to_email, normalise_email), (Channel.SMS, to_phone, normalise_phone)]
    wanted = [(channel, raw, normalise) for channel, raw, normalise in wanted if raw]
    for channel, _raw, _normalise in wanted:
        check_templates(template, channel)
    context = json.loads(json.dumps(context or {}, cls=DjangoJSONEncoder))
    related_fields = {}
    if related is not None:
        related_fields = {"content_type": ContentType.objects.get_for_model(related), "object_id": str(related.pk)}
    now = timezone.now()
    created = []
    for channel, raw, normalise in wanted:
        recipient = normalise(raw)
        notification = Notification(
            channel=channel,
            recipient=recipient,
            recipient_masked=mask(channel, recipient or str(raw)),
            template=template,
            purpose=purpose,
            context=context if recipient else None,
            language=get_language() or settings.LANGUAGE_CODE,
            status=Status.QUEUED if recipient else Status.FAILED,
            last_error="" if recipient else "invalid_recipient",
            next_attempt_at=now if recipient else None,
            **related_fields,
        )
        notification.save()
        created.append(notification)
        if recipient:
            transaction.on_commit(lambda n=notification: enqueue(n))
        else:
            logger.warning(
                "notification %s via %s to %s not sent (invalid_recipient)",
                notification.pk,
                channel,
                notification.recipient_masked,
            )
    return created
