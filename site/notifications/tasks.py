"""The background task that sends a notification (``django_tasks``, as Wagtail's own tasks).

``notify()`` enqueues :func:`send_notification` once the transaction that created the rows has
committed. When an attempt fails and a retry is due later, a backend that can defer tasks (the
database queue of production) gets the retry enqueued with ``run_after``; the immediate backend
of development and tests cannot wait, so the row stays ``queued`` with its ``next_attempt_at``
and ``manage.py send_pending_notifications`` (run every minute from cron) sends it when due.
That command also catches anything whose task was lost.
"""

from __future__ import annotations

import logging

from django_tasks import task

from siteshell.notifications.delivery import attempt
from siteshell.notifications.models import Status

logger = logging.getLogger("siteshell.notifications")


@task()
def send_notification(notification_id: int):
    notification = attempt(notification_id)
    if notification is None:
        return None
    if notification.status == Status.QUEUED:
        enqueue(notification)
    return notification.status


def enqueue(notification) -> bool:
    """Queue the next attempt of ``notification``; ``False`` when it is left to the command."""
    try:
        if send_notification.get_backend().supports_defer:
            send_notification.using(run_after=notification.next_attempt_at).enqueue(notification.pk)
        elif not notification.attempts:
            send_notification.enqueue(notification.pk)
        else:
            return False
    except Exception as error:  # the queue is down: the command sends it later
        logger.error("notification %s could not be queued (%s)", notification.pk, type(error).__name__)
        return False
    return True
