"""A staff member's admin asks no other site for anything: no Gravatar (blocked in China: a
broken image), no font, script or style from abroad — every request goes to this server.

Each page is watched from its first request: one to another host is recorded (and answered
with an error, so nothing leaves this machine), and the test fails naming it.
"""

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def staff_member(superuser):
    superuser.first_name = "王小明"
    superuser.save()
    return superuser


@pytest.fixture
def an_image(transactional_db, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.images import get_image_model

    from tests.media import files

    settings.MEDIA_ROOT = tmp_path / "media"
    image = get_image_model()(title="烈士陵园", alt_text="烈士陵园正门")
    image.file = SimpleUploadedFile("cemetery.png", files.png(width=400, height=300))
    image.save()
    return image


def session_cookie(base_url, user):
    """A signed-in, second-factor verified session (tests/conftest.py) for ``user``."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    return {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": base_url,
    }


@pytest.fixture
def admin_tab(browser, live_server):
    """``admin_tab(user=None)``: a tab on the live server that records requests to other hosts."""
    here = urlsplit(live_server.url).netloc
    contexts, elsewhere = [], []

    def leaves(request_url):
        parts = urlsplit(request_url)
        return parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != here

    def route(route):
        if leaves(route.request.url):
            elsewhere.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    def _open(user=None):
        context = browser.new_context(base_url=live_server.url, locale="zh-CN")
        contexts.append(context)
        if user is not None:
            context.add_cookies([session_cookie(live_server.url, user)])
        context.route("**/*", route)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.on("request", lambda request: leaves(request.url) and elsewhere.append(request.url))
        return page

    _open.elsewhere = elsewhere
    yield _open
    for context in contexts:
        context.close()


def visit(page, path):
    response = page.goto(path)
    assert response.status == 200, path
    page.wait_for_load_state("networkidle")


def test_the_login_page_asks_no_other_site(admin_tab, home_page):
    from playwright.sync_api import expect

    page = admin_tab()
    visit(page, "/admin/login/")
    expect(page.locator("h1")).to_contain_text("示范市退役军人事务局")
    expect(page).to_have_title("登录 - 示范市退役军人事务局")
    assert admin_tab.elsewhere == []


def test_the_main_admin_pages_ask_no_other_site(admin_tab, home_page, staff_member, an_image):
    from playwright.sync_api import expect

    page = admin_tab(staff_member)
    visit(page, "/admin/")
    # The sidebar (drawn by React) greets 王小明 with initials drawn in the page, not Gravatar.
    expect(page.locator("#wagtail-sidebar .sidebar-footer__account-label")).to_contain_text("王小明")
    avatar = page.locator("#wagtail-sidebar .sidebar-footer__account img")
    assert avatar.get_attribute("src").startswith("data:image/svg+xml")
    expect(page.locator("#wagtail-sidebar .sidebar-custom-branding img")).to_have_attribute(
        "alt", "示范市退役军人事务局"
    )

    visit(page, "/admin/snippets/")
    snippet_lists = page.eval_on_selector_all(
        "main a[href^='/admin/snippets/']", "links => [...new Set(links.map(link => link.getAttribute('href')))]"
    )
    assert snippet_lists, "no snippet list to visit"

    paths = [
        "/admin/pages/",
        f"/admin/pages/{home_page.id}/",
        f"/admin/pages/{home_page.id}/edit/",
        *snippet_lists,
        "/admin/users/",
        f"/admin/users/edit/{staff_member.pk}/",
        "/admin/account/",
        "/admin/images/",
        f"/admin/images/{an_image.pk}/",
        "/admin/settings/siteshell/bureausettings/",
    ]
    for path in paths:
        visit(page, path)
        assert admin_tab.elsewhere == [], f"{path}: {admin_tab.elsewhere}"

    # The edit view's image chooser opens its modal (images listed with their thumbnails).
    visit(page, f"/admin/pages/{home_page.id}/edit/")
    page.locator("[data-chooser-action-choose]").first.click()
    expect(page.locator(".modal-content")).to_contain_text("烈士陵园")
    page.wait_for_load_state("networkidle")
    assert admin_tab.elsewhere == []
