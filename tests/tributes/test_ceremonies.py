"""集体祭奠: a ceremony page with its period, its own counters (everything offered on the site
during the period), featured halls; listed on the home page while it runs."""

import datetime

import pytest
from django.utils import timezone

from tests.tributes.conftest import offer

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("tributes")]


@pytest.fixture
def make_ceremony(home_page):
    from memorials.tributes.models import CeremonyPage

    def make(title="2024·清明祭英烈", start=None, end=None, records=()):
        today = timezone.localdate()
        page = CeremonyPage(
            title=title,
            start_date=start or today - datetime.timedelta(days=2),
            end_date=end or today + datetime.timedelta(days=5),
            intro="<p>社会各界网上祭英烈。</p>",
        )
        home_page.add_child(instance=page)
        for record in records:
            page.halls.create(record=record)
        page.save_revision().publish()
        return page

    return make


def test_the_ceremony_counts_everything_offered_during_its_period(visitor, martyr, make_ceremony):
    from memorials.tributes.folding import count
    from memorials.tributes.queue import Entry

    page = make_ceremony(records=[martyr])
    offer(visitor, martyr, "flower")
    before = page.start_date - datetime.timedelta(days=1)
    count([Entry(martyr.pk, None, "candle", before, "early", "", timezone.now())])  # before it began
    body = visitor.get(page.url).content.decode()
    assert "2024·清明祭英烈" in body and 'data-kind="flower">1<' in body and 'data-kind="candle">0<' in body
    assert f'href="/tributes/{martyr.pk}/"' in body


def test_a_running_ceremony_is_listed_on_the_home_page_and_an_ended_one_is_not(visitor, martyr, make_ceremony):
    today = timezone.localdate()
    make_ceremony(title="9·30烈士纪念日（进行中）")
    make_ceremony(
        title="去年清明（已结束）", start=today - datetime.timedelta(days=400), end=today - datetime.timedelta(days=360)
    )
    make_ceremony(
        title="明年清明（未开始）", start=today + datetime.timedelta(days=100), end=today + datetime.timedelta(days=110)
    )
    home = visitor.get("/").content.decode()
    assert "9·30烈士纪念日（进行中）" in home
    assert "去年清明（已结束）" not in home and "明年清明（未开始）" not in home


def test_no_ceremony_no_section(visitor, martyr):
    assert "tributes-home" not in visitor.get("/").content.decode()


def test_a_ceremony_cannot_end_before_it_begins(make_ceremony):
    from django.core.exceptions import ValidationError

    from memorials.tributes.models import CeremonyPage

    page = CeremonyPage(title="x", slug="x", start_date=datetime.date(2024, 4, 5), end_date=datetime.date(2024, 4, 1))
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "结束日期不能早于开始日期" in str(error.value)


def test_a_new_day_refreshes_the_cached_pages_that_list_ceremonies(new_visitor, martyr, make_ceremony, page_cache):
    from django.core.cache import cache

    from memorials.tributes import ceremonies

    make_ceremony(title="正在进行的活动")
    reader = new_visitor()
    reader.get("/")
    assert reader.get("/")["X-Page-Cache"] == "hit"
    ceremonies.note_new_day()  # the folder's first batch of the day
    assert reader.get("/")["X-Page-Cache"] == "miss"
    assert cache.get("tributes:ceremonies-day") == timezone.localdate().isoformat()
    ceremonies.note_new_day()  # later the same day: nothing happens
    assert reader.get("/")["X-Page-Cache"] == "hit"
