"""A relative far away asks for a proxy sweeping on a phone (chromium at 375×667): from the
martyr's page to the form, the tracking code, and the status page."""

import datetime

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.plugin("sweeping")

PHONE = {"viewport": {"width": 375, "height": 667}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


@pytest.fixture
def record(transactional_db, home_page, settings, tmp_path):
    from memorials.models import MartyrArchivePage
    from tests.memorials.factories import MartyrRecordFactory, MemorialFacilityFactory

    settings.SWEEPING_PHOTO_ROOT = str(tmp_path)
    # The test fills the form in far less time than a person: not a bot, no CAPTCHA afterwards.
    settings.PUBLIC_FORM_MIN_SECONDS = 0
    archive = MartyrArchivePage(title="英名录", slug="martyrs", per_page=10)
    home_page.add_child(instance=archive)
    archive.save_revision().publish()
    cemetery = MemorialFacilityFactory(name="示范市烈士陵园")
    return MartyrRecordFactory(
        name="黄继光",
        burial_place="示范市烈士陵园",
        facility=cemetery,
        grave_section="A",
        grave_row="3",
        grave_number="12",
    )


def fits_the_screen(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_relative_requests_a_sweeping_on_a_phone_and_looks_it_up(open_page, record):
    from stdnum.cn import ric

    body = "11010119600101001"
    id_number = body + ric.calc_check_digit(body + "0")
    start = datetime.date.today() + datetime.timedelta(days=3)

    page = open_page(f"/martyrs/{record.pk}/", **PHONE)
    page.get_by_role("link", name="申请代为祭扫").click()
    page.wait_for_url("**/sweeping/?record=*")
    expect(page.locator(".sweeping-martyr").get_by_text("A区3排12号")).to_be_visible()
    assert fits_the_screen(page)

    page.get_by_label("申请人姓名").fill("黄建国")
    page.get_by_label("与烈士关系").select_option(label="孙辈")
    page.get_by_label("手机号码").fill("13900138000")
    page.get_by_label("身份证号码").fill(id_number)
    page.get_by_label("擦拭墓碑").check()
    page.get_by_label("宣读寄语").check()
    page.get_by_role("textbox", name="寄语").fill("爷爷，我们来看您了。")
    page.get_by_label("希望日期（起）").fill(start.isoformat())
    page.get_by_label("希望日期（止）").fill((start + datetime.timedelta(days=5)).isoformat())
    page.get_by_label("我已阅读并同意《个人信息处理说明》").check()
    submit = page.get_by_role("button", name="提交申请")
    box = submit.bounding_box()
    assert box["height"] >= 44 and box["x"] >= 0 and box["x"] + box["width"] <= 375  # a thumb's target, on screen
    submit.click()

    page.wait_for_selector("[data-tracking-code]")
    code = page.locator("[data-tracking-code]").inner_text().strip()
    assert len(code.replace("-", "")) == 11 and fits_the_screen(page)

    page.get_by_role("link", name="查看办理进度").click()
    page.get_by_label("查询码").fill(code)
    page.get_by_label("手机号后四位").fill("8000")
    page.get_by_role("button", name="查询").click()
    page.wait_for_selector(".sweeping-result")
    assert "为黄继光烈士代为祭扫" in page.locator(".sweeping-result h2").inner_text()
    assert "已收到，待受理" in page.locator(".sweeping-result__status").inner_text()
    assert fits_the_screen(page)
