"""The public JSON API: schema, plugin routes, only published public content, caching."""

import pytest
from wagtail.models import PageViewRestriction

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("sampleplugin")]


@pytest.fixture
def stories(home_page):
    from tests.sampleplugin.models import SampleIndexPage, SampleStoryPage

    index = SampleIndexPage(title="纪念活动", slug="events")
    home_page.add_child(instance=index)
    published = SampleStoryPage(title="已发布的报道", summary="公开")
    index.add_child(instance=published)
    draft = SampleStoryPage(title="草稿报道", summary="未发布", live=False)
    index.add_child(instance=draft)
    private = SampleStoryPage(title="内部报道", summary="仅限登录")
    index.add_child(instance=private)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return published, draft, private


def test_openapi_schema_is_served_at_a_stable_url_with_plugin_routes(client, home_page):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert "/api/site" in schema["paths"]
    assert "/api/pages" in schema["paths"]
    assert "/api/sampleplugin/stories" in schema["paths"]


def test_interactive_docs_are_served(client, home_page):
    assert client.get("/api/docs").status_code == 200


def test_site_endpoint_lists_plugins_and_navigation_in_chinese(client, home_page):
    response = client.get("/api/site")
    data = response.json()
    assert data["bureau"] == "示范市退役军人事务局"
    assert {
        "label": "sampleplugin",
        "name": "示例模块",
        "version": "1.0.0",
        "description": "测试用模块：纪念活动报道",
    } in [{key: plugin[key] for key in ("label", "name", "version", "description")} for plugin in data["plugins"]]
    assert "示范市" in response.content.decode()  # not \\u-escaped


def test_unpublished_and_private_pages_are_never_exposed(client, stories):
    titles = [item["title"] for item in client.get("/api/pages").json()["items"]]
    assert "已发布的报道" in titles
    assert "草稿报道" not in titles and "内部报道" not in titles
    plugin_titles = [item["title"] for item in client.get("/api/sampleplugin/stories").json()]
    assert plugin_titles == ["已发布的报道"]


def test_pages_can_be_filtered_by_type(client, stories):
    published, _draft, _private = stories
    items = client.get("/api/pages?type=sampleplugin.SampleStoryPage").json()["items"]
    assert [(item["type"], item["url"]) for item in items] == [("sampleplugin.samplestorypage", published.url)]


def test_anonymous_read_responses_are_cacheable(client, home_page):
    response = client.get("/api/site")
    assert "public" in response.headers["Cache-Control"]
    assert "max-age=60" in response.headers["Cache-Control"]
    assert response.headers.get("ETag")


def test_anonymous_errors_are_not_kept_by_shared_caches(client, home_page):
    response = client.get("/api/pages?page=abc")
    assert response.status_code == 422
    assert "private" in response.headers["Cache-Control"] and "public" not in response.headers["Cache-Control"]


def test_signed_in_responses_are_private(admin_client, home_page):
    response = admin_client.get("/api/site")
    assert "private" in response.headers["Cache-Control"]


def test_bad_query_gives_a_clear_error_not_a_500(client, home_page):
    response = client.get("/api/pages?page=abc")
    assert response.status_code == 422
