"""A visitor filters the honour roll in a real browser and opens a profile."""

import pytest
from playwright.sync_api import expect

from tests.honors.conftest import honor_index, honour_roll, rounds, titles  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.plugin("honors")]


def test_visitor_filters_the_honour_roll_and_opens_a_profile(open_page, honour_roll):  # noqa: F811
    page = open_page(honour_roll.index.url)
    assert page.get_by_role("heading", level=1).inner_text() == "最美退役军人风采"

    page.get_by_label("类别").select_option(label="军嫂")
    page.get_by_label("所在区县").select_option(label="西山区")
    page.get_by_role("button", name="筛选").click()
    page.wait_for_url("**category=military_spouse**")

    cards = page.locator(".honors-card .card__title")
    assert cards.all_inner_texts() == ["陈秀兰"]
    assert "共 1 位" in page.locator("#honors-results-title").inner_text()
    # The choices stay selected, so the visitor can refine the list.
    assert page.get_by_label("所在区县").input_value() == "西山区"

    page.get_by_role("link", name="陈秀兰").click()
    page.wait_for_url(f"**{honour_roll.profiles.chen.url}")
    assert page.get_by_role("heading", level=1).inner_text() == "陈秀兰"
    expect(page.get_by_text("最美军嫂").first).to_be_visible()


def test_visitor_with_javascript_switched_off_can_still_filter(open_page, honour_roll):  # noqa: F811
    page = open_page(honour_roll.index.url, java_script_enabled=False)
    page.get_by_label("评选年度").select_option(label="2021年")
    page.get_by_role("button", name="筛选").click()
    page.wait_for_url("**year=2021**")
    assert sorted(page.locator(".honors-card .card__title").all_inner_texts()) == ["周立军", "韩雪梅"]
