"""Stored first: a submission that passed validation is saved before anything that may fail."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from django.db import transaction

logger = logging.getLogger("siteshell.publicforms")
T = TypeVar("T")


def store_first(save: Callable[[], T], *after: Callable[[T], object]) -> T:
    """Run ``save()`` in its own transaction, then each ``after(saved)`` step (notifications,
    e-mails, counters). A failing step is logged and skipped: the submission stays stored and the
    visitor still gets the thanks page. Returns what ``save()`` returned."""
    with transaction.atomic():
        saved = save()
    for step in after:
        try:
            step(saved)
        except Exception:
            logger.exception("publicforms: a step after storing %r failed; the submission is stored", saved)
    return saved
