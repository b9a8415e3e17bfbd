"""A visitor pays tribute in a real browser: one tap offers flowers without JavaScript (the hall
comes back with a thanks) and with it (a quiet line in the live region, the counter moves, the
page stays); two visitors leave a message from the same cached hall page."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.plugin("tributes"), pytest.mark.django_db(transaction=True)]


@pytest.fixture
def hall(home_page):
    from memorials.models import MartyrArchivePage
    from tests.memorials.factories import MartyrRecordFactory

    archive = MartyrArchivePage(title="英名录", slug="martyrs", per_page=10)
    home_page.add_child(instance=archive)
    archive.save_revision().publish()
    record = MartyrRecordFactory(name="黄继光", native_place="四川省中江县")
    return f"/tributes/{record.pk}/"


def flowers(page):
    return page.locator('.tributes-counters__number[data-kind="flower"]').first


def test_an_offering_without_javascript_comes_back_with_thanks(open_page, hall):
    page = open_page(hall, java_script_enabled=False)
    with page.expect_navigation():
        page.get_by_role("button", name="献花").click()
    assert "offered=flower" in page.url
    assert page.locator("#tributes-ack").inner_text() == "您献上了一束花，寄托哀思。"
    assert flowers(page).inner_text() == "1"


def test_an_offering_with_javascript_is_acknowledged_quietly_in_place(open_page, hall):
    page = open_page(hall)
    page.wait_for_load_state("load")  # tributes.js (deferred) is listening
    page.get_by_role("button", name="点烛").click()
    ack = page.locator("#tributes-ack")
    ack.filter(has_text="您点亮了一支蜡烛").wait_for()
    assert ack.get_attribute("aria-live") == "polite"
    assert page.url.endswith(hall)  # no navigation
    assert page.locator('.tributes-counters__number[data-kind="candle"]').first.inner_text() == "1"
    page.get_by_role("button", name="点烛").click()
    ack.filter(has_text="每人每天计一次").wait_for()
    assert page.locator('.tributes-counters__number[data-kind="candle"]').first.inner_text() == "1"


@pytest.fixture
def cached_pages(page_cache):
    from siteshell.pagecache import store

    store.clear()  # the live server's thread shares this local-memory cache
    yield
    store.clear()


def test_two_visitors_leave_a_message_from_one_cached_hall_page(open_page, hall, cached_pages, settings):
    from memorials.tributes.models import TributeMessage

    # Both browsers share one address and type faster than a person: no CAPTCHA for that here.
    settings.PUBLIC_FORM_MIN_SECONDS = 0

    first = open_page(hall)
    second = open_page(hall)
    assert second.reload().headers["x-page-cache"] == "hit"
    for page, text in ((first, "英雄永垂不朽"), (second, "缅怀先烈，珍惜和平")):
        page.locator("#id_text").fill(text)
        with page.expect_navigation():
            page.get_by_role("button", name="提交寄语").click()
        expect(page.get_by_text("已提交，审核通过后展示。")).to_be_visible()
    assert sorted(TributeMessage.objects.values_list("text", flat=True)) == ["缅怀先烈，珍惜和平", "英雄永垂不朽"]
