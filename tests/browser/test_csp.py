"""Under the Content-Security-Policy the public pages, the admin and the API docs work, with no violation.

Every page is watched from its first script on: an init script records each
``securitypolicyviolation`` event, and the console's errors and warnings are collected.
"""

import base64
import datetime
import re

import pytest

from tests.sampleplugin.moderation_fixtures import *  # noqa: F403  (fixtures)

pytestmark = [pytest.mark.plugin("memorials", "sampleplugin"), pytest.mark.django_db(transaction=True)]

# A 1×1 PNG answers for other sites (the map tiles): the tests never leave this machine.
PIXEL = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=")
OTHER_SITES = re.compile(r"^https?://(?!127\.0\.0\.1|localhost)")

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__cspViolations.push(
    event.violatedDirective + " blocked " + (event.blockedURI || "inline") + " at " + event.sourceFile + ":" + event.lineNumber
  );
});
"""


@pytest.fixture
def watched(browser, live_server):
    """``watched(path, user=None)`` opens a page in a fresh tab that records CSP violations and console problems."""
    contexts, problems = [], []

    def _open(path, user=None):
        context = browser.new_context(base_url=live_server.url, locale="zh-CN")
        contexts.append(context)
        if user is not None:
            context.add_cookies([session_cookie(live_server.url, user)])
        context.add_init_script(RECORD_VIOLATIONS)
        context.route(OTHER_SITES, lambda route: route.fulfill(status=200, content_type="image/png", body=PIXEL))
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.on("console", lambda message: record_console(problems, page, message))
        page.goto(path)
        return page

    _open.problems = problems
    yield _open
    for context in contexts:
        context.close()


def record_console(problems, page, message):
    if message.type in ("error", "warning"):
        problems.append(f"{page.url}: console {message.type}: {message.text}")


def session_cookie(base_url, user):
    """A signed-in (and second-factor verified, tests/conftest.py) session for ``user``."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    return {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": base_url,
    }


def assert_no_violation(watched, page):
    violations = page.evaluate("window.__cspViolations")
    assert violations == [], f"{page.url}: {violations}"
    assert watched.problems == [], watched.problems


@pytest.fixture
def record(transactional_db, home_page):
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
        death_date=datetime.date(1952, 10, 20),
        death_precision="day",
        facility=cemetery,
    )
    return archive


def test_public_pages_work_under_the_policy(watched, record):
    from playwright.sync_api import expect

    page = watched("/")
    expect(page.locator("main")).to_be_visible()
    assert_no_violation(watched, page)

    page = watched(record.url)
    page.get_by_role("link", name="黄继光").click()
    expect(page.locator("h1")).to_contain_text("黄继光")
    assert_no_violation(watched, page)
    # The facility page draws its map with Leaflet, loaded from the hashed static files.
    page.get_by_role("link", name="示范市烈士陵园").first.click()
    expect(page.locator("h1")).to_contain_text("示范市烈士陵园")
    assert_no_violation(watched, page)

    page = watched("/search/?q=黄继光")
    expect(page.locator("main")).to_contain_text("黄继光")
    # The header's suggestions (search/suggest.js) ask the API while typing (connect-src 'self').
    with page.expect_response("**/api/search/suggest?*") as suggested:
        page.locator("#site-search-q").fill("黄继光")
    assert suggested.value.status == 200
    assert_no_violation(watched, page)


def test_the_api_docs_render_their_operations(watched, home_page):
    from playwright.sync_api import expect

    page = watched("/api/docs")
    expect(page.locator(".api-op").first).to_be_visible()
    assert page.locator(".api-op").count() > 3
    assert_no_violation(watched, page)


def test_the_admin_works_under_the_policy(watched, home_page, superuser):
    from playwright.sync_api import expect

    page = watched("/admin/login/")
    expect(page.locator("#id_username")).to_be_visible()
    assert_no_violation(watched, page)

    page = watched("/admin/", user=superuser)
    # The sidebar is drawn by React (sidebar.js) from JSON props: its menu proves the scripts ran.
    menu_links = page.locator("#wagtail-sidebar .sidebar__inner a[href^='/admin/']")
    expect(menu_links.first).to_be_attached()
    assert menu_links.count() > 3
    assert_no_violation(watched, page)

    page = watched(f"/admin/pages/{home_page.pk}/edit/", user=superuser)
    expect(page.locator("#id_title")).to_have_value(home_page.title)
    # The hero image chooser opens its modal, with the upload form and the listing.
    page.locator("[data-chooser-action-choose]").first.click()
    expect(page.locator(".modal-content")).to_be_visible()
    expect(page.locator(".modal-content form").first).to_be_attached()
    page.keyboard.press("Escape")
    # The scheduling dialog carries Wagtail's date-time pickers.
    assert_no_violation(watched, page)


def test_the_moderation_inbox_works_under_the_policy(watched, home_page, moderator, make_message):
    from playwright.sync_api import expect

    message = make_message("缅怀先烈，致敬英雄。")
    page = watched("/admin/moderation/", user=moderator)
    page.get_by_role("link", name="留言", exact=True).first.click()
    expect(page.get_by_role("table")).to_contain_text("缅怀先烈")
    page.get_by_role("link", name=message.moderation_title()).click()
    expect(page.locator("#moderation-keys")).to_contain_text("j 下一条")
    assert_no_violation(watched, page)
