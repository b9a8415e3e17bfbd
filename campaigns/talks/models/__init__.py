"""Talks: speakers (snippets), talks (snippets with drafts), the talks page, and schools'
bookings (moderated submissions)."""

from campaigns.talks.models.bookings import BookingEvent, TalkBooking, when_text
from campaigns.talks.models.pages import TalksIndexPage
from campaigns.talks.models.speakers import Speaker
from campaigns.talks.models.talks import MAX_CAPACITY, Talk

__all__ = ["MAX_CAPACITY", "BookingEvent", "Speaker", "Talk", "TalkBooking", "TalksIndexPage", "when_text"]
