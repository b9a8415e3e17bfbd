"""A form on a page served from the page cache posts for every visitor (siteshell.pagecache):
two browsers with no cookie in common load the same cached page, each gets a token of its own,
and both submissions are stored."""

import pytest

pytestmark = [pytest.mark.plugin("requestdesk"), pytest.mark.django_db(transaction=True)]


@pytest.fixture
def cached_pages(home_page, page_cache):
    from siteshell.pagecache import store

    store.clear()  # the live server's thread shares this local-memory cache
    yield
    store.clear()


def fill_and_send(page, name):
    page.fill("#id_name", name)
    page.fill("#id_phone", "13800138000")
    page.fill("#id_text", "请帮忙代为祭扫")
    with page.expect_navigation():
        page.click("form[method=post] button[type=submit]")


def test_two_visitors_send_the_form_of_one_cached_page(open_page, cached_pages):
    from tests.requestdesk.models import ServiceRequest

    first = open_page("/requestdesk/")
    second = open_page("/requestdesk/")
    assert second.reload().headers["x-page-cache"] == "hit"
    tokens = [page.input_value("input[name=csrfmiddlewaretoken]") for page in (first, second)]
    assert tokens[0] != tokens[1] and all(not token.startswith("pclive-") for token in tokens)
    fill_and_send(first, "王芳")
    fill_and_send(second, "李强")
    for page in (first, second):
        assert page.locator("h1").first.inner_text() != "" and "403" not in page.title()
    assert sorted(ServiceRequest.objects.values_list("name", flat=True)) == ["李强", "王芳"]
