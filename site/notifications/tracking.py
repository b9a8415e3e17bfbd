"""Tracking codes: issue one for a submission, find the submission from a code and factor.

A model whose objects carry codes implements the :class:`Trackable` protocol: its
``tracking_status()`` returns a :class:`TrackingStatus`, which is all the public status page
shows. Put nothing personal in it (no names, numbers, addresses or the submitted text): anyone
holding the code and the factor sees it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol, runtime_checkable

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils.crypto import constant_time_compare

from siteshell.notifications.codes import factor_hash, format_code, generate_code, normalise_code
from siteshell.notifications.factors import PHONE_LAST4, get_factor_kind
from siteshell.notifications.models import TrackingCode

#: Attempts at drawing a code that is not taken yet (one collision in 2^52 is already rare).
MAX_DRAWS = 8
#: Compared against when no code matches, so that every lookup computes and compares a hash.
_NO_MATCH = "0" * 64


@dataclass
class TrackingStatus:
    """What the status page shows about a submission.

    ``title`` names the kind of submission (“代为祭扫申请”), ``status_label`` its state,
    ``events`` are ``(datetime, text)`` pairs shown oldest first, ``next_step`` tells the
    submitter what happens next or what to do. Texts are translated (``gettext``).
    """

    title: str
    status_label: str
    updated_at: datetime | None = None
    events: Sequence[tuple[datetime, str]] = field(default_factory=list)
    next_step: str = ""


@runtime_checkable
class Trackable(Protocol):
    def tracking_status(self) -> TrackingStatus: ...


def issue_tracking_code(obj, second_factor, *, factor_kind=PHONE_LAST4) -> str:
    """Give ``obj`` a new tracking code and return it grouped for display (``K7QM-4XTP-9RA``).

    ``second_factor`` is what the submitter will type beside the code (by default the last four
    digits of their mobile); only its keyed hash is kept. An earlier code of ``obj`` stops
    working. Raises ``TypeError`` when ``obj`` is not :class:`Trackable` and ``ValueError`` when
    the factor does not fit ``factor_kind``.
    """
    if not isinstance(obj, Trackable):
        raise TypeError(f"{type(obj).__name__} has no tracking_status() method")
    if obj.pk is None:
        raise ValueError("save the object before issuing a tracking code")
    if not get_factor_kind(factor_kind).is_valid(second_factor):
        raise ValueError(f"the second factor does not fit the kind {factor_kind!r}")
    content_type = ContentType.objects.get_for_model(obj)
    with transaction.atomic():
        revoke_tracking_codes(obj)
        for _attempt in range(MAX_DRAWS):
            code = generate_code()
            try:
                with transaction.atomic():
                    TrackingCode.objects.create(
                        code=code,
                        content_type=content_type,
                        object_id=str(obj.pk),
                        factor_hash=factor_hash(code, second_factor),
                    )
            except IntegrityError:
                continue
            return format_code(code)
    raise RuntimeError("no free tracking code found")


def revoke_tracking_codes(obj) -> int:
    """Remove the codes of ``obj`` (before deleting it, or to issue a new one); how many."""
    content_type = ContentType.objects.get_for_model(obj)
    deleted, _details = TrackingCode.objects.filter(content_type=content_type, object_id=str(obj.pk)).delete()
    return deleted


def find_submission(code, second_factor):
    """The object whose code and factor these are, or ``None`` (for any wrong pair alike).

    Every call that gets as far as the database computes the keyed hash and compares it in
    constant time, whether the code exists or not.
    """
    normalised = normalise_code(code)
    row = None
    if normalised:
        row = TrackingCode.objects.filter(code=normalised).select_related("content_type").first()
    expected = row.factor_hash if row is not None else _NO_MATCH
    matches = constant_time_compare(expected, factor_hash(normalised, second_factor))
    if row is None or not matches:
        return None
    model = row.content_type.model_class()  # None when the plugin that made it is switched off
    return model._base_manager.filter(pk=row.object_id).first() if model is not None else None
