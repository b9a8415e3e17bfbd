"""A visitor searches in a real browser: results, facets and suggestions while typing."""

import pytest
from playwright.sync_api import expect

from tests.search.conftest import publish_story, stories, story_index  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db(transaction=True)


def results_status(page):
    """The live region that tells how many results there are (the search boxes have their own)."""
    return page.get_by_role("status").and_(page.locator("[data-search-status]"))


def test_visitor_searches_from_the_header_and_sees_highlighted_results(stories, open_page):  # noqa: F811
    page = open_page("/")
    page.get_by_label("站内搜索").fill("寻亲")
    page.get_by_label("站内搜索").press("Enter")
    page.wait_for_url("**/search/?q=*")
    assert results_status(page).inner_text().strip() == "找到 1 条与“寻亲”相关的结果"
    result = page.get_by_role("heading", level=2, name="为烈士寻亲活动启动")
    assert result.locator("mark").inner_text() == "寻亲"


def test_visitor_picks_a_suggestion_with_the_keyboard(stories, open_page):  # noqa: F811
    page = open_page("/search/")
    combobox = page.get_by_role("combobox", name="搜索关键词")
    combobox.press_sequentially("黄继", delay=50)
    option = page.get_by_role("option", name="黄继光")
    option.wait_for()
    assert combobox.get_attribute("aria-expanded") == "true"
    combobox.press("ArrowDown")
    assert option.get_attribute("aria-selected") == "true"
    assert combobox.get_attribute("aria-activedescendant") == option.get_attribute("id")
    combobox.press("Enter")
    page.wait_for_url("**/events/**")
    assert page.get_by_role("heading", level=1).inner_text() == "黄继光"


def test_search_page_box_announces_its_suggestions_and_a_click_opens_one(stories, open_page):  # noqa: F811
    page = open_page("/search/?q=退役军人")
    combobox = page.get_by_role("combobox", name="搜索关键词")
    combobox.fill("")
    combobox.press_sequentially("黄继", delay=50)
    expect(page.locator("#search-suggestions-status")).to_have_text("有1条建议")
    assert page.locator("#site-search-suggestions-status").inner_text() == ""  # the header's box was not used
    assert results_status(page).inner_text().strip().startswith("找到 2 条")  # the results' count stays
    combobox.press("Escape")
    expect(page.get_by_role("listbox", name="搜索关键词的提示")).to_be_hidden()
    assert combobox.input_value() == "黄继"
    combobox.press("ArrowDown")
    page.get_by_role("option", name="黄继光").click()
    page.wait_for_url("**/events/**")
    assert page.get_by_role("heading", level=1).inner_text() == "黄继光"


def test_visitor_narrows_results_by_type(stories, open_page):  # noqa: F811
    page = open_page("/search/?q=退役军人")
    page.get_by_role("complementary", name="筛选结果").get_by_role("link", name="纪念活动报道").click()
    page.wait_for_url("**type=sampleplugin.samplestorypage**")
    assert page.get_by_role("link", name="纪念活动报道").get_attribute("aria-current") == "true"
    assert results_status(page).inner_text().strip().startswith("找到 2 条")


def test_search_works_without_javascript(stories, open_page):  # noqa: F811
    page = open_page("/search/", java_script_enabled=False)
    page.get_by_label("搜索关键词", exact=True).fill("hjg")
    page.get_by_role("button", name="搜索", exact=True).last.click()
    page.wait_for_url("**q=hjg**")
    expect(page.get_by_role("link", name="黄继光")).to_be_visible()
