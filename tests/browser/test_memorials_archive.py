"""A visitor browses the martyr archive in a real browser (chromium)."""

import datetime
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.plugin("memorials")


@pytest.fixture
def archive_with_records(transactional_db, home_page):
    from memorials.models import MartyrArchivePage
    from tests.memorials.factories import MartyrRecordFactory, MemorialFacilityFactory

    archive = MartyrArchivePage(title="英名录", slug="martyrs", per_page=10)
    home_page.add_child(instance=archive)
    archive.save_revision().publish()
    cemetery = MemorialFacilityFactory(name="示范市烈士陵园", latitude="36.65", longitude="117.12")
    MartyrRecordFactory(
        external_id="B-1",
        name="黄继光",
        native_place="四川省中江县",
        battle="上甘岭战役",
        death_place="朝鲜上甘岭",
        death_date=datetime.date(1952, 10, 20),
        death_precision="day",
        facility=cemetery,
        burial_place="示范市烈士陵园",
    )
    MartyrRecordFactory(
        external_id="B-2",
        name="董存瑞",
        native_place="察哈尔省怀来县",
        death_date=datetime.date(1948, 5, 1),
        death_precision="month",
    )
    MartyrRecordFactory(external_id="B-3", name="未公布", native_place="四川省", live=False)
    for i in range(12):
        MartyrRecordFactory(external_id=f"G-{i}", name=f"河南烈士{i:02d}", native_place="河南省")
    return archive


def test_visitor_filters_the_archive_pages_through_and_opens_a_record(open_page, archive_with_records):
    page = open_page(archive_with_records.url)
    # A click only waits for the next page to start loading: every check after one retries
    # (expect) until the new page shows what it should.
    names = page.locator(".memorials-list__name")
    expect(page.locator("h1")).to_have_text("英名录")
    expect(names).to_have_count(10)
    page.get_by_role("link", name="下一页").click()
    expect(names).to_have_count(4)
    page.get_by_role("link", name="上一页").click()
    expect(names).to_have_count(10)

    page.get_by_label("籍贯（省）").select_option("四川省")
    page.get_by_role("button", name="查询").click()
    expect(names).to_have_text(["黄继光"])
    assert "未公布" not in page.content()

    page.get_by_role("link", name="黄继光").click()
    expect(page.locator("h1")).to_have_text(re.compile("^黄继光"))
    expect(page.get_by_text("1952年10月20日").first).to_be_visible()
    assert page.locator('script[type="application/ld+json"]').count() == 1
    # The QR code image is served and decodes (waits until the browser has loaded it).
    page.wait_for_function(
        "() => { const img = document.querySelector('.memorials-qr img');"
        " return img && img.complete && img.naturalWidth > 0; }"
    )

    page.get_by_role("link", name="示范市烈士陵园").click()
    expect(page.locator("h1")).to_have_text("示范市烈士陵园")
    expect(page.get_by_role("link", name="在高德地图中查看")).to_be_visible()


def test_visitor_sends_a_correction_and_gets_a_confirmation(open_page, archive_with_records):
    from memorials.models import MartyrRecord

    record = MartyrRecord.objects.get(external_id="B-2")
    page = open_page(f"{archive_with_records.url}{record.pk}/")
    page.get_by_role("link", name="发现信息有误？我要纠错").click()
    page.get_by_label("需要更正的项目").select_option("death")
    page.get_by_label("建议更正为").fill("1948年5月25日")
    page.get_by_role("button", name="提交纠错意见").click()
    expect(page.get_by_text("已收到您的纠错意见，谢谢！")).to_be_visible()
    record.refresh_from_db()
    assert record.death_display == "1948年5月"


@pytest.fixture
def tile_server(settings):
    """A tile server on the site itself (the tiles are not there: Leaflet draws the map and its
    marker all the same; nothing leaves the machine)."""
    settings.MAP_TILE_URL = "/map-tiles/{z}/{x}/{y}.png"
    settings.MAP_ATTRIBUTION = "测试底图"


def test_cemetery_map_loads_the_vendored_leaflet_when_scrolled_into_view(open_page, archive_with_records, tile_server):
    from memorials.models import MemorialFacility

    cemetery = MemorialFacility.objects.get()
    page = open_page(cemetery.get_url())
    page.get_by_role("heading", name="位置").scroll_into_view_if_needed()
    page.wait_for_selector(".memorials-map.is-live .leaflet-container, .memorials-map.leaflet-container")
    assert page.evaluate("typeof window.L") == "object"
    assert page.locator(".leaflet-marker-icon").count() == 1


def test_visitor_chooses_english_and_reads_the_archive_in_english(open_page, archive_with_records, tile_server):
    from memorials.models import MartyrRecord

    MartyrRecord.objects.filter(external_id="B-1").update(grave_section="东", grave_row="3", grave_number="12")
    page = open_page(archive_with_records.url)
    page.get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.locator("h1").inner_text() == "英名录"  # the page's title, as editors wrote it
    assert page.locator("h1").get_attribute("lang") == "zh-hans"

    page.get_by_label("Decade of death").select_option(label="1950s")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator(".memorials-list__name")).to_have_text(["黄继光"])
    expect(page.get_by_text("Died: 20 October 1952")).to_be_visible()

    page.get_by_role("link", name="黄继光").click()
    expect(page.locator(".memorials-record__life")).to_have_text("? — 20 October 1952")
    expect(page.get_by_text("Section 东, Row 3, No. 12")).to_be_visible()

    page.get_by_role("link", name="示范市烈士陵园").click()
    page.get_by_role("heading", name="Location").scroll_into_view_if_needed()
    marker = page.locator(".leaflet-marker-icon")
    marker.wait_for()
    assert marker.get_attribute("title") == "示范市烈士陵园" and marker.get_attribute("lang") == "zh-hans"
