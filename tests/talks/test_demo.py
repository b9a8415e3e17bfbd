"""The demo: a month of talks from the bureau reports' activities and bookings at each stage,
loaded twice without duplicates."""

import io

import pytest
from django.core.management.base import OutputWrapper
from django.core.management.color import no_style
from django.utils import timezone

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("talks")]


def load(home_page):
    from campaigns.talks.demo import load_demo
    from siteshell.plugins import DemoContext

    load_demo(DemoContext(home_page=home_page, stdout=OutputWrapper(io.StringIO()), style=no_style()))


def test_the_demo_fills_a_month_of_talks_and_bookings_at_each_stage(client, home_page):
    from campaigns.talks.models import Talk, TalkBooking

    load(home_page)
    load(home_page)
    talks = Talk.objects.filter(live=True)
    assert talks.count() == 15
    assert talks.filter(start__gte=timezone.now()).count() == 15
    assert talks.filter(cancelled=True).count() == 1 and talks.exclude(school="").exists()
    assert set(TalkBooking.objects.values_list("status", flat=True)) == {
        "received",
        "proposed",
        "confirmed",
        "declined",
    }
    assert client.get("/talks/").status_code == 200
    assert "近期宣讲" in client.get("/").content.decode()
