"""GET /api/search/: the public search as JSON, described in the OpenAPI schema."""

import pytest

pytestmark = pytest.mark.django_db


def test_api_returns_total_and_results_with_highlighted_snippets(client, stories):
    data = client.get("/api/search/", {"q": "烈士"}).json()
    assert data["total"] == 1 and data["page"] == 1 and data["engine"] == "embedded"
    (result,) = data["results"]
    assert set(result) >= {"type", "id", "title", "url", "snippet"}
    assert result["type"] == "sampleplugin.samplestorypage"
    assert result["title"] == "为烈士寻亲活动启动"
    assert "<mark>烈士</mark>" in result["snippet"]
    assert data["facets"][0]["name"] == "type"


def test_api_filters_by_type_and_pages(client, publish_story):
    for number in range(12):
        publish_story(f"烈士事迹{number}", "烈士生平")
    data = client.get("/api/search/", {"q": "烈士", "type": "sampleplugin.samplestorypage", "page": 2}).json()
    assert data["total"] == 12 and data["num_pages"] == 2 and len(data["results"]) == 2
    assert client.get("/api/search/", {"q": "烈士", "type": "other.type"}).json()["total"] == 0


def test_api_with_an_empty_query_returns_nothing(client, stories):
    assert client.get("/api/search/").json()["total"] == 0


def test_api_rejects_a_non_numeric_page_with_a_clear_error(client, stories):
    assert client.get("/api/search/", {"q": "烈士", "page": "abc"}).status_code == 422


def test_suggest_api(client, stories):
    assert client.get("/api/search/suggest", {"q": "优待"}).json()[0]["title"] == "优待证集中发放"


def test_search_endpoints_are_in_the_openapi_schema(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/search/" in paths and "/api/search/suggest" in paths
    parameters = {p["name"] for p in paths["/api/search/"]["get"]["parameters"]}
    assert {"q", "type", "page"} <= parameters
