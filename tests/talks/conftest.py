"""Fixtures of the talks tests: a talks page, speakers and published talks, an SMS outbox.

Plugin models are imported inside the fixtures, so that the folder collects with talks off."""

import datetime

import pytest
from django.utils import timezone

from siteshell.notifications import sms

SHANGHAI = datetime.timezone(datetime.timedelta(hours=8))


def at(year, month, day, hour=9, minute=0):
    """A moment in the site's time zone (Asia/Shanghai)."""
    return datetime.datetime(year, month, day, hour, minute, tzinfo=SHANGHAI)


@pytest.fixture
def talks_page(home_page):
    from campaigns.talks.models import TalksIndexPage

    page = TalksIndexPage(title="老兵宣讲", slug="talks", intro="<p>老兵宣讲团走进学校。</p>")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def make_speaker(db):
    def make(name="马振华", **fields):
        from campaigns.talks.models import Speaker

        fields.setdefault("role", "参战老兵")
        return Speaker.objects.create(name=name, **fields)

    return make


@pytest.fixture
def make_talk(db):
    """``make_talk(title=…, start=…, speakers=[…], live=True, …)``: a talk, published as staff
    publish it (a revision), unless ``live=False``."""

    def make(speakers=(), live=True, **fields):
        from campaigns.talks.models import Talk

        start = fields.pop("start", None) or timezone.now() + datetime.timedelta(days=3)
        values = {
            "title": "追寻英烈足迹 传承红色基因",
            "topic": "heroes",
            "audience": "primary",
            "place": "示范市第三小学",
            "address": "南湖区育才路12号",
            "district": "南湖区",
            "capacity": 300,
            "start": start,
            "end": start + datetime.timedelta(minutes=90),
            **fields,
        }
        talk = Talk(**values, live=False)
        talk.speakers.set(list(speakers))
        talk.save()
        if live:
            talk.save_revision().publish()
            talk.refresh_from_db()
        return talk

    return make


@pytest.fixture
def sms_outbox(settings):
    settings.NOTIFICATIONS_SMS_BACKEND = "siteshell.notifications.sms.LocmemBackend"
    sms.outbox.clear()
    yield sms.outbox
    sms.outbox.clear()
