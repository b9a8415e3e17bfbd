"""A relative on a phone finds a martyr's record, sends a clue and follows it (chromium, a
phone-sized screen with touch)."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.plugin("seekrelatives")

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}


@pytest.fixture
def sought_martyr(transactional_db, home_page, settings, tmp_path):
    from campaigns.seekrelatives.models import SeekRelativesCampaignPage, SoughtMartyr
    from memorials.models import MartyrArchivePage
    from tests.memorials.factories import MartyrRecordFactory

    settings.SEEKRELATIVES_PRIVATE_ROOT = str(tmp_path)
    settings.NOTIFICATIONS_SMS_BACKEND = "siteshell.notifications.sms.LocmemBackend"
    # A test types faster than a person: no CAPTCHA for posting sooner than 3 seconds.
    settings.PUBLIC_FORM_MIN_SECONDS = 0
    archive = MartyrArchivePage(title="英名录", slug="martyrs", per_page=10)
    home_page.add_child(instance=archive)
    archive.save_revision().publish()
    campaign = SeekRelativesCampaignPage(title="为烈士寻亲", slug="xunqin", intro="<p>帮烈士回家</p>")
    home_page.add_child(instance=campaign)
    campaign.save_revision().publish()
    record = MartyrRecordFactory(name="王德胜", native_place="四川省中江县", unit="志愿军第15军第45师")
    entry = SoughtMartyr(record=record, missing="亲属下落不明", live=False)
    entry.save()
    entry.save_revision().publish()
    return record


def fits_the_screen(page):
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def test_a_relative_sends_a_clue_from_a_phone_and_follows_it(open_page, sought_martyr):
    page = open_page(sought_martyr.get_url(), **PHONE)
    page.get_by_role("link", name="提供线索").first.tap()
    page.wait_for_selector("h1:has-text('提供寻亲线索')")
    assert fits_the_screen(page)
    assert page.locator(".seekrel-notice").inner_text() == "您正在为王德胜烈士提供线索。"
    assert page.get_by_label("您提供的是哪位烈士的线索").input_value() != ""
    mobile = page.get_by_label("您的手机号")
    assert mobile.get_attribute("inputmode") == "tel"
    assert page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('#id_mobile')).fontSize)") >= 16

    page.get_by_label("您了解的情况").fill("我伯父1951年参军，家里保存着他寄回的一封信。")
    page.get_by_label("您与烈士的关系").select_option("nephew")
    page.get_by_label("您的姓名").fill("张卫国")
    mobile.fill("13912345678")
    page.get_by_label("我已阅读并同意《个人信息处理说明》").check()
    page.get_by_role("button", name="提交线索").tap()

    code = page.locator(".tracking-code")
    code.wait_for()
    tracking_code = code.inner_text()
    assert fits_the_screen(page)
    expect(page.get_by_role("button", name="提交补充信息")).to_be_visible()

    page.get_by_role("link", name="查询线索办理进度").tap()
    page.get_by_label("查询码").fill(tracking_code)
    page.get_by_label("手机号后四位").fill("5678")
    page.get_by_role("button", name="查询").tap()
    page.wait_for_selector(".seekrel-status__stage")
    assert "已收到，等待受理" in page.locator(".seekrel-status__stage").inner_text()
    assert "已收到您提供的线索" in page.content() and "13912345678" not in page.content()
    assert fits_the_screen(page)
