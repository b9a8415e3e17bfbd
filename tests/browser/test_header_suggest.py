"""Suggestions while typing in the header's search box, on every page, in a real browser:
an ARIA 1.2 combobox for the keyboard, mouse and touch, announced through a polite live region."""

import json
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.search.conftest import publish_story, stories, story_index  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db(transaction=True)

SUGGEST = "**/api/search/suggest?*"


def header_box(page):
    return page.get_by_role("banner").get_by_role("combobox", name="站内搜索")


def type_and_wait(page, box, text="黄继", option="黄继光"):
    """Type as a visitor does and wait for the suggestion to appear; returns the option."""
    box.press_sequentially(text, delay=30)
    found = page.locator(f"#{box.get_attribute('aria-controls')}").get_by_role("option", name=option)
    found.wait_for()
    return found


def assert_story_opened(page):
    page.wait_for_url("**/events/**")
    assert page.get_by_role("heading", level=1).inner_text() == "黄继光"


def suggest_queries(page):
    """The q of every suggest request the page sends, in order."""
    queries = []
    page.on(
        "request",
        lambda request: (
            "/api/search/suggest" in request.url
            and queries.append(parse_qs(urlsplit(request.url).query).get("q", [""])[0])
        ),
    )
    return queries


def home_with_fake_clock(open_page):
    """The home page with its timers under the test's control, its header box and the queries sent.

    ``clock.install()`` alone keeps the fake clock ticking with real time, so on a busy machine a
    debounce timer could fire between two steps of a test; paused, time moves only by ``run_for``.
    """
    page = open_page("/")
    start = datetime(2026, 4, 4, 8, 0, tzinfo=UTC)
    page.clock.install(time=start)
    page.clock.pause_at(start + timedelta(seconds=1))
    return page, header_box(page), suggest_queries(page)


def test_typing_a_name_in_the_header_suggests_it_and_the_keyboard_opens_it(stories, open_page):  # noqa: F811
    page = open_page("/")
    box = header_box(page)
    listbox = page.get_by_role("listbox", name="搜索提示")
    assert box.get_attribute("aria-expanded") == "false"
    assert box.get_attribute("aria-controls") == "site-search-suggestions"
    assert box.get_attribute("aria-autocomplete") == "list"

    option = type_and_wait(page, box)
    assert box.get_attribute("aria-expanded") == "true"
    assert listbox.get_attribute("id") == "site-search-suggestions"
    assert option.get_attribute("aria-selected") == "false"
    assert box.get_attribute("aria-activedescendant") is None
    expect(page.locator("#site-search-suggestions-status")).to_have_text("有1条建议")
    assert page.locator("#site-search-suggestions-status").get_attribute("aria-live") == "polite"

    box.press("ArrowDown")
    assert option.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == option.get_attribute("id")
    assert box.evaluate("el => el === document.activeElement")  # focus stays in the box
    box.press("ArrowDown")  # one option: the list wraps around to it
    assert option.get_attribute("aria-selected") == "true"
    box.press("Enter")
    assert_story_opened(page)


def test_escape_closes_the_list_and_keeps_the_text_arrow_down_opens_it_again(stories, open_page):  # noqa: F811
    page = open_page("/")
    box = header_box(page)
    type_and_wait(page, box)
    listbox = page.locator("#site-search-suggestions")
    box.press("ArrowDown")

    box.press("Escape")
    expect(listbox).to_be_hidden()
    assert box.get_attribute("aria-expanded") == "false"
    assert box.get_attribute("aria-activedescendant") is None
    assert box.input_value() == "黄继"

    box.press("ArrowDown")  # the same query: the list comes back without asking the server again
    expect(listbox).to_be_visible()
    option = listbox.get_by_role("option", name="黄继光")
    assert option.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == option.get_attribute("id")

    box.press("Tab")  # Tab closes the list and moves on as usual
    expect(listbox).to_be_hidden()
    assert box.get_attribute("aria-expanded") == "false"
    assert not box.evaluate("el => el === document.activeElement")


def test_enter_without_a_chosen_option_searches_for_what_is_typed(stories, open_page):  # noqa: F811
    page = open_page("/")
    box = header_box(page)
    type_and_wait(page, box)
    box.press("Enter")
    page.wait_for_url("**/search/?q=*")
    assert page.locator("#search-page-q").input_value() == "黄继"


def test_requests_are_debounced_and_never_sent_for_blank_input(stories, open_page):  # noqa: F811
    page, box, queries = home_with_fake_clock(open_page)
    box.fill("   ")
    page.clock.run_for(1000)
    box.fill("黄")
    page.clock.run_for(100)
    box.fill("黄继")
    page.clock.run_for(199)
    assert queries == []  # still typing
    with page.expect_request(SUGGEST):
        page.clock.run_for(1)
    page.get_by_role("option", name="黄继光").wait_for()
    assert queries == ["黄继"]

    box.fill(" ")  # emptied: the list closes at once and nothing is asked
    expect(page.locator("#site-search-suggestions")).to_be_hidden()
    page.clock.run_for(1000)
    assert queries == ["黄继"]
    assert page.locator("#site-search-suggestions-status").inner_text() == ""


def test_nothing_is_asked_while_the_input_method_is_composing_pinyin(stories, open_page):  # noqa: F811
    page, box, queries = home_with_fake_clock(open_page)
    box.focus()
    ime = page.context.new_cdp_session(page)
    for letters in ("h", "hu", "huang", "huangji"):
        end = len(letters)
        ime.send("Input.imeSetComposition", {"text": letters, "selectionStart": end, "selectionEnd": end})
    page.clock.run_for(1000)
    assert queries == []
    ime.send("Input.insertText", {"text": "黄继"})  # the visitor picks the characters
    with page.expect_request(SUGGEST):
        page.clock.run_for(200)
    assert queries == ["黄继"]
    page.get_by_role("option", name="黄继光").wait_for()


def test_a_newer_query_aborts_the_request_in_flight(stories, open_page):  # noqa: F811
    page = open_page("/")
    held = []

    def hold_the_first(route):
        if not held:
            held.append(route)  # never answered: the page has to give up on it
        else:
            route.continue_()

    page.route(SUGGEST, hold_the_first)
    box = header_box(page)
    with page.expect_request(SUGGEST):
        box.press_sequentially("黄继", delay=30)
    with page.expect_event("requestfailed") as failed:
        box.press_sequentially("光", delay=30)
    assert parse_qs(urlsplit(failed.value.url).query)["q"] == ["黄继"]
    page.get_by_role("option", name="黄继光").wait_for()


def test_an_answer_for_text_no_longer_in_the_box_is_not_shown(stories, open_page):  # noqa: F811
    page = open_page("/")
    box = header_box(page)

    def answer_late(route):
        # By the time the answer comes, the visitor has changed the text (no new request yet).
        box.evaluate("el => { el.value = '李'; }")
        route.fulfill(
            content_type="application/json",
            body=json.dumps([{"title": "黄继光", "url": "/events/", "type": "纪念活动报道"}]),
        )

    page.route(SUGGEST, answer_late)
    with page.expect_response(SUGGEST) as response:
        box.press_sequentially("黄继", delay=30)
    response.value.finished()
    page.evaluate("() => new Promise(requestAnimationFrame)")  # let the page handle the answer
    expect(page.locator("#site-search-suggestions")).to_be_hidden()
    assert page.locator("#site-search-suggestions [role=option]").count() == 0
    assert box.get_attribute("aria-expanded") == "false"


def test_clicking_a_suggestion_opens_it(stories, open_page):  # noqa: F811
    page = open_page("/")
    type_and_wait(page, header_box(page)).click()
    assert_story_opened(page)


def test_a_suggestion_without_a_page_searches_for_its_title(stories, open_page):  # noqa: F811
    page = open_page("/")
    suggestions = [
        {"title": "黄继光", "url": "", "type": "英烈"},
        {"title": "黄继光纪念馆", "url": "javascript:alert(1)", "type": "场馆"},  # never followed
    ]
    page.route(SUGGEST, lambda route: route.fulfill(content_type="application/json", body=json.dumps(suggestions)))
    box = header_box(page)
    box.press_sequentially("黄继", delay=30)
    expect(page.locator("#site-search-suggestions-status")).to_have_text("有2条建议")
    box.press("ArrowUp")  # from the box, Up goes to the last option
    assert page.get_by_role("option", name="黄继光纪念馆").get_attribute("aria-selected") == "true"
    box.press("Enter")
    page.wait_for_url("**/search/?q=*")
    assert page.locator("#search-page-q").input_value() == "黄继光纪念馆"


def test_elder_mode_on_a_phone_big_targets_inside_the_screen_and_tap_opens(stories, open_page):  # noqa: F811
    phone = {"viewport": {"width": 360, "height": 740}, "has_touch": True, "is_mobile": True}
    page = open_page("/display/elder-mode/?enable=1&next=/", **phone)  # the no-JavaScript switch
    assert "mode-elder" in page.locator("html").get_attribute("class").split()
    box = header_box(page)
    box.tap()
    option = type_and_wait(page, box)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # nothing sticks out sideways
    listbox = page.locator("#site-search-suggestions").bounding_box()
    assert listbox["x"] >= 0 and listbox["x"] + listbox["width"] <= 360
    assert listbox["width"] >= 250  # room for a name and its type on one line
    target = option.bounding_box()
    assert target["height"] >= 44 and target["width"] >= 44
    assert option.evaluate("el => parseFloat(getComputedStyle(el).fontSize)") >= 20  # 125 % text
    colours = option.evaluate("el => [getComputedStyle(el).color, getComputedStyle(el.parentNode).backgroundColor]")
    assert colours == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]  # dark on white, not the header's white text
    option.tap()
    assert_story_opened(page)


def test_every_page_has_the_box_and_the_search_page_keeps_two_separate_lists(stories, open_page):  # noqa: F811
    page = open_page("/search/")
    type_and_wait(page, header_box(page))
    expect(page.locator("#search-suggestions")).to_be_hidden()
    ids = page.eval_on_selector_all("[role=option]", "items => items.map(item => item.id)")
    assert ids == ["site-search-suggestions-0"]


def test_nothing_happens_when_the_search_service_is_switched_off(home_page, open_page, settings, live_server):
    settings.ROOT_URLCONF = "tests.search.test_search_page"  # the site's URLs without search
    errors = []
    page = open_page("/")
    page.on("pageerror", lambda error: errors.append(error))
    assert page.get_by_role("search").count() == 0
    assert page.locator("script[src*='search/']").count() == 0
    # Even loaded on such a page, the module finds no box and does nothing.
    page.add_script_tag(url=live_server.url + "/static/search/suggest.js")
    assert page.get_by_role("combobox").count() == 0
    assert page.locator("[role=listbox]").count() == 0
    assert errors == []
