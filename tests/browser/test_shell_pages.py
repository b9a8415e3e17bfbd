"""A visitor in a real browser: Chinese home page, elder-friendly toggle, mourning mode."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Site

from siteshell.models import DisplaySettings

pytestmark = pytest.mark.django_db(transaction=True)


def test_home_page_renders_in_chinese(home_page, open_page):
    page = open_page("/")
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    assert page.get_by_role("heading", level=1).inner_text() == "崇尚英雄 · 关爱退役军人"
    expect(page.get_by_role("navigation", name="主导航")).to_be_visible()
    assert "示范市退役军人事务局" in page.locator("footer").inner_text()


def test_skip_link_is_the_first_stop_and_jumps_to_the_content(home_page, open_page):
    page = open_page("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "跳到正文"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def root_font_size(page):
    return page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")


def test_elder_mode_toggle_enlarges_text_and_is_remembered(home_page, open_page):
    page = open_page("/")
    normal = root_font_size(page)
    toggle = page.get_by_role("button", name="关怀模式")
    toggle.click()
    assert page.locator("html").get_attribute("class").split() == ["mode-elder"]
    assert root_font_size(page) >= normal * 1.2
    assert page.get_by_role("button", name="退出关怀模式").get_attribute("aria-pressed") == "true"
    page.reload()
    assert "mode-elder" in page.locator("html").get_attribute("class")
    assert root_font_size(page) >= normal * 1.2
    page.get_by_role("button", name="退出关怀模式").click()
    page.reload()
    assert "mode-elder" not in (page.locator("html").get_attribute("class") or "")


def test_elder_mode_toggle_works_without_javascript(home_page, open_page):
    page = open_page("/", java_script_enabled=False)
    page.get_by_role("button", name="关怀模式").click()
    # The form posts and comes back to the same address: wait for the page it returns.
    expect(page.locator("html")).to_have_class(re.compile(r"\bmode-elder\b"))


def test_mourning_mode_turns_the_page_grayscale(home_page, open_page):
    settings = DisplaySettings.for_site(Site.objects.get(is_default_site=True))
    settings.mourning_mode = "on"
    settings.save()
    page = open_page("/")
    assert page.evaluate("getComputedStyle(document.documentElement).filter") == "grayscale(1)"


def test_normal_days_are_in_colour(home_page, open_page):
    settings = DisplaySettings.for_site(Site.objects.get(is_default_site=True))
    settings.mourning_mode = "off"
    settings.save()
    page = open_page("/")
    assert page.evaluate("getComputedStyle(document.documentElement).filter") == "none"
