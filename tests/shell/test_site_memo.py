"""The Wagtail site of a host is found by a query once, then taken from the process's memory for
``LOCAL_MEMO_SECONDS`` (siteshell.sites): a page's later requests ask nothing about sites, and a
site or page saved in the process is looked up again at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def site_queries(client, path="/"):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return [query["sql"] for query in captured if "wagtailcore_site" in query["sql"]]


@pytest.fixture
def memo(settings):
    from siteshell import sites

    settings.LOCAL_MEMO_SECONDS = 60
    sites._rows.clear()
    yield sites._rows
    sites._rows.clear()


def test_the_site_is_looked_up_once_then_remembered(client, home_page, memo):
    assert site_queries(client)
    assert site_queries(client) == []
    assert "崇尚英雄 · 关爱退役军人" in client.get("/").content.decode()


def test_a_site_or_page_saved_here_is_looked_up_again(client, home_page, memo):
    from wagtail.models import Site

    site_queries(client)
    site = Site.objects.get(is_default_site=True)
    site.site_name = "另一个名字"
    site.save()
    assert site_queries(client)
    assert site_queries(client) == []
    home_page.save_revision().publish()
    assert site_queries(client)


def test_no_memo_when_its_window_is_zero(client, home_page, memo, settings):
    settings.LOCAL_MEMO_SECONDS = 0
    site_queries(client)
    assert site_queries(client)


def test_each_request_has_its_own_site_and_root_page(client, home_page, memo, rf):
    from siteshell.sites import SiteMemoMiddleware

    seen = []
    middleware = SiteMemoMiddleware(lambda request: seen.append(request._wagtail_site) or client.get("/"))
    site_queries(client)
    for _ in range(2):
        middleware(rf.get("/", HTTP_HOST="testserver"))
    assert seen[0] is not seen[1] and seen[0].root_page is not seen[1].root_page
    assert seen[0].pk == seen[1].pk and seen[0].root_page.pk == seen[1].root_page.pk
