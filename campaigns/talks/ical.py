"""iCalendar (RFC 5545) for talks, built with the ``icalendar`` library: a feed of all talks or
of a filter, and one file per talk, so a teacher can subscribe from a phone calendar.

Every event carries the talk's permanent ``UID``, ``DTSTAMP``, ``SEQUENCE`` (raised by each
change of time, place, title or cancellation, ``Talk.sequence``), ``LAST-MODIFIED``, its times
in the zone Asia/Shanghai (with the ``VTIMEZONE``), the place with its address, and
``STATUS:CANCELLED`` once it is cancelled: a subscribed calendar updates or strikes the event
instead of adding another.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vDuration

from campaigns.talks.models import Talk

PRODUCT_ID = "-//Veterans Affairs Bureau//Veterans' talks//ZH"
#: How often a subscribed calendar should look again.
REFRESH_INTERVAL = datetime.timedelta(hours=6)
#: The zone's definition is written for the years talks can have.
ZONE_YEARS = (datetime.date(2000, 1, 1), datetime.date(2101, 1, 1))
#: How long a past or cancelled talk stays on the feeds (so a cancellation reaches subscribers).
FEED_HISTORY = datetime.timedelta(days=60)

UID_DOMAIN = "talks.commemoration"


def talk_uid(talk: Talk) -> str:
    return f"talk-{talk.uid}@{UID_DOMAIN}"


def new_calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def talk_event(talk: Talk, url: str = "", stamp: datetime.datetime | None = None) -> Event:
    zone = timezone.get_default_timezone()
    event = Event()
    event.add("uid", talk_uid(talk))
    event.add("dtstamp", stamp or timezone.now())
    event.add("sequence", talk.sequence)
    event.add("last-modified", talk.updated_at)
    event.add("dtstart", talk.start.astimezone(zone))
    event.add("dtend", talk.end.astimezone(zone))
    event.add("summary", talk.title)
    event.add("location", "，".join(part for part in (talk.place, talk.address) if part))
    event.add("description", _event_description(talk))
    if url:
        event.add("url", url)
    event.add("status", "CANCELLED" if talk.cancelled else "CONFIRMED")
    event.add("transp", "OPAQUE")
    return event


def _event_description(talk: Talk) -> str:
    lines = []
    names = [speaker.name for speaker in talk.speakers.all()]
    if names:
        lines.append(_("宣讲人：%(names)s") % {"names": "、".join(names)})
    lines.append(_("面向：%(audience)s") % {"audience": talk.get_audience_display()})
    if talk.school:
        lines.append(_("专场：%(school)s") % {"school": talk.school})
    if talk.cancelled:
        lines.append(_("本场宣讲已取消。%(reason)s") % {"reason": talk.cancel_reason})
    if talk.summary:
        lines.append(talk.summary)
    return "\n".join(lines)


def build_calendar(talks, name: str, url_for=lambda talk: "") -> bytes:
    """The iCalendar text of ``talks`` (``url_for(talk)`` gives each one's page address)."""
    calendar = new_calendar(name)
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL).to_ical().decode())
    stamp = timezone.now()
    for talk in talks:
        calendar.add_component(talk_event(talk, url_for(talk), stamp))
    calendar.add_missing_timezones(*ZONE_YEARS)
    return calendar.to_ical()


def feed_queryset(talks):
    """What a feed lists: talks that end from :data:`FEED_HISTORY` ago on, cancelled ones too."""
    return talks.filter(end__gte=timezone.now() - FEED_HISTORY).order_by("start", "pk")
