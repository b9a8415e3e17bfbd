"""Daily upkeep: attachments and additions of clues whose personal data was erased, files no
attachment names any more, and reminders of cases near their deadline."""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from campaigns.seekrelatives import attachments, conf, messaging
from campaigns.seekrelatives.models import Clue, ClueAddition, ClueAttachment, ClueCase
from campaigns.seekrelatives.stages import FINISHED

logger = logging.getLogger("campaigns.seekrelatives")


def erase_clue_files(clue) -> int:
    """Delete the attachments of ``clue`` and blank the text of its additions; how many files."""
    names = list(ClueAttachment.objects.filter(clue=clue).values_list("stored_name", flat=True))
    with transaction.atomic():
        ClueAttachment.objects.filter(clue=clue).delete()
        ClueAddition.objects.filter(clue=clue).update(text="")
    transaction.on_commit(lambda: [attachments.delete(name) for name in names])
    return len(names)


def erase_files_of_erased_clues() -> int:
    """The clues erased by the retention command (a bulk update sends no signal)."""
    ClueAddition.objects.filter(clue__personal_data_erased_at__isnull=False).exclude(text="").update(text="")
    clues = Clue.objects.filter(personal_data_erased_at__isnull=False, attachments__isnull=False).distinct()
    return sum(erase_clue_files(clue) for clue in clues)


def sweep_orphan_files() -> int:
    """Files in the private folder that no attachment names (an upload whose row was rolled
    back); only files older than a day, so an upload in progress is never touched."""
    files = attachments.storage()
    root = conf.private_root()
    if not root.exists():
        return 0
    known = set(ClueAttachment.objects.values_list("stored_name", flat=True))
    cutoff = timezone.now() - timedelta(days=1)
    removed = 0
    for path in root.rglob("*.enc"):
        name = path.relative_to(root).as_posix()
        if name not in known and files.get_modified_time(name) < cutoff:
            files.delete(name)
            removed += 1
    return removed


def due_cases(today=None):
    """Open, assigned cases whose deadline is within ``SEEKRELATIVES_REMINDER_DAYS`` (or past),
    not yet reminded today."""
    today = today or timezone.localdate()
    horizon = today + timedelta(days=conf.reminder_days())
    return (
        ClueCase.objects.active()
        .exclude(stage__in=FINISHED)
        .filter(assignee__isnull=False, deadline__isnull=False, deadline__lte=horizon)
        .exclude(reminded_on=today)
        .select_related("assignee", "record")
        .order_by("deadline", "id")
    )


def send_reminders(today=None) -> int:
    """E-mail each officer the list of their due cases; how many cases were reminded."""
    today = today or timezone.localdate()
    by_officer = defaultdict(list)
    for case in due_cases(today):
        by_officer[case.assignee].append(case)
    reminded = 0
    for officer, cases in by_officer.items():
        messaging.remind_officer(officer, cases)
        ClueCase.objects.filter(pk__in=[case.pk for case in cases]).update(reminded_on=today)
        reminded += len(cases)
    if reminded:
        logger.info("seekrelatives: reminded %d officer(s) of %d case(s)", len(by_officer), reminded)
    return reminded
