"""What staff of the talks group do with a school's booking: accept it (a talk on the calendar,
marked for the school), propose another date, or decline it with a reason.

Accepting and declining are moderation decisions (``siteshell.moderation.service``), so the
inbox, its log and its counts stay the one record; proposing a date is a step of the booking
that leaves it pending. Every step is logged and told to the school.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from campaigns.talks.choices import BookingStatus
from campaigns.talks.conflicts import find_conflicts
from campaigns.talks.models import Talk, TalkBooking, when_text
from siteshell.moderation import service
from siteshell.moderation.service import ModerationError


class ArrangementConflict(ModerationError):
    """The talk cannot be confirmed as asked; ``problems`` says why (for staff)."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("；".join(self.problems))


def accept(
    booking: TalkBooking, user, *, speakers, start, end, title, topic, place, address, district, capacity, summary=""
):
    """Create the talk for the school, published, and approve the booking. Raises
    :class:`ArrangementConflict` (nothing saved) when a speaker is taken or the place is too
    small, and ``ModerationError`` when someone decided the booking meanwhile."""
    speakers = list(speakers)
    with transaction.atomic():
        problems = find_conflicts(
            speakers=speakers, start=start, end=end, capacity=capacity, expected=booking.expected_audience
        )
        if problems:
            raise ArrangementConflict(problems)
        talk = Talk(
            title=title,
            topic=topic,
            audience=booking.audience,
            summary=summary,
            place=place,
            address=address,
            district=district,
            start=start,
            end=end,
            capacity=capacity,
            school=booking.school,
        )
        talk.speakers.set(speakers)
        talk.save()
        talk.save_revision(user=user, log_action=True).publish(user=user)
        booking.talk = talk
        TalkBooking.objects.filter(pk=booking.pk).update(talk=talk)
        service.approve(booking, user)
    return talk


def propose(booking: TalkBooking, user, *, start, end, note=""):
    """Suggest another time to the school; the booking stays pending until staff accept it."""
    if not booking.is_pending:
        raise ModerationError(_("这条预约已经处理，不能再建议改期。"))
    if end <= start:
        raise ModerationError(_("结束时间应晚于开始时间"))
    with translation.override(booking.language):  # the school reads it in its own language
        when = when_text(start, end)
    with transaction.atomic():
        TalkBooking.objects.filter(pk=booking.pk).update(proposed_start=start, proposed_end=end)
        booking.proposed_start, booking.proposed_end = start, end
        booking.move_to(BookingStatus.PROPOSED, note=when)
        log(booking, "talks.propose_date", user=user, data={"start": start.isoformat(), "note": note})
        booking.tell_school("talks/proposed", {"when": when, "note": note})


def decline(booking: TalkBooking, user, reason: str):
    """不予安排: a rejection in the inbox, with the reason the school is told."""
    return service.reject(booking, user, reason)
