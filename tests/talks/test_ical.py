"""A teacher subscribes to the talks from a phone calendar: the iCalendar feeds (all talks, any
filter) and each talk's ``.ics``, validated by parsing them back (RFC 5545)."""

import datetime

import pytest
from icalendar import Calendar

from tests.talks.conftest import at

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("talks")]


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events_by_summary(calendar):
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def test_the_feed_lists_every_published_talk_as_an_event(client, talks_page, make_talk, make_speaker):
    speaker = make_speaker("李秀英", role="烈士亲属")
    talk = make_talk(title="家书里的英雄", start=at(2031, 5, 12, 14, 30), speakers=[speaker])
    make_talk(title="草稿", live=False, start=at(2031, 5, 13))
    calendar = parse(client.get("/talks/feed.ics"))
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == f"talk-{talk.uid}@talks.commemoration"
    assert event["DTSTAMP"].dt.tzinfo is not None
    assert event.DTSTART == datetime.datetime(2031, 5, 12, 14, 30, tzinfo=event.DTSTART.tzinfo)
    assert str(event["DTSTART"].params["TZID"]) == "Asia/Shanghai"
    assert event.DTEND - event.DTSTART == datetime.timedelta(minutes=90)
    assert str(event["LOCATION"]) == "示范市第三小学，南湖区育才路12号"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert "李秀英" in str(event["DESCRIPTION"])
    assert str(event["URL"]).endswith(f"/talks/{talk.pk}/")
    # The time zone is defined in the file, so any calendar application reads the times right.
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Asia/Shanghai"
    assert zone.walk("STANDARD")[0]["TZOFFSETTO"].td == datetime.timedelta(hours=8)


def test_each_filter_has_its_own_feed(client, talks_page, make_talk):
    make_talk(title="南湖区小学", district="南湖区", audience="primary", start=at(2031, 5, 6))
    make_talk(title="东城区高中", district="东城区", audience="senior", start=at(2031, 5, 7))
    calendar = parse(client.get("/talks/feed.ics", {"district": "东城区"}))
    assert set(events_by_summary(calendar)) == {"东城区高中"}
    assert "东城区" in str(calendar["X-WR-CALNAME"])
    # The list offers the feed of the filter it shows, to download and to subscribe to.
    page = client.get("/talks/", {"audience": "primary"}).content.decode()
    assert "/talks/feed.ics?audience=primary" in page and "webcal://" in page


def test_a_changed_talk_keeps_its_uid_and_raises_its_sequence(client, talks_page, make_talk):
    talk = make_talk(title="原定的宣讲", start=at(2031, 5, 12))
    before = events_by_summary(parse(client.get("/talks/feed.ics")))["原定的宣讲"]
    revision_talk = talk.get_latest_revision_as_object()
    revision_talk.start, revision_talk.end = at(2031, 5, 14), at(2031, 5, 14, 10, 30)
    revision_talk.save_revision().publish()
    after = events_by_summary(parse(client.get("/talks/feed.ics")))["原定的宣讲"]
    assert after["UID"] == before["UID"]
    assert after["SEQUENCE"] == before["SEQUENCE"] + 1
    assert after.DTSTART.date() == datetime.date(2031, 5, 14)


def test_saving_without_a_change_of_time_or_place_keeps_the_sequence(make_talk):
    talk = make_talk(start=at(2031, 5, 12))
    sequence = talk.sequence
    talk.summary = "补充了内容简介"
    talk.save()
    talk.save_revision().publish()
    talk.refresh_from_db()
    assert talk.sequence == sequence


def test_a_cancelled_talk_is_sent_as_cancelled(client, talks_page, make_talk):
    talk = make_talk(title="取消的宣讲", start=at(2031, 5, 12))
    uid = talk.uid
    draft = talk.get_latest_revision_as_object()
    draft.cancelled, draft.cancel_reason = True, "学校临时考试"
    draft.save_revision().publish()
    event = events_by_summary(parse(client.get("/talks/feed.ics")))["取消的宣讲"]
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["UID"]) == f"talk-{uid}@talks.commemoration"
    assert event["SEQUENCE"] == 1
    assert "学校临时考试" in str(event["DESCRIPTION"])


def test_each_talk_has_its_own_ics_file(client, talks_page, make_talk):
    talk = make_talk(title="单场宣讲", start=at(2031, 5, 12))
    make_talk(title="另一场", start=at(2031, 5, 13))
    response = client.get(f"/talks/{talk.pk}.ics")
    assert f'filename="talk-{talk.pk}.ics"' in response["Content-Disposition"]
    assert set(events_by_summary(parse(response))) == {"单场宣讲"}


def test_no_ics_for_a_draft_or_a_talk_that_is_not_there(client, talks_page, make_talk):
    draft = make_talk(live=False)
    for path in (f"/talks/{draft.pk}.ics", "/talks/999999.ics", "/talks/99999999999999999999.ics"):
        assert client.get(path).status_code == 404
