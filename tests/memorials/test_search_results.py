"""Martyr records found through the site-wide search link to their archive page."""

import pytest

pytestmark = pytest.mark.django_db


def test_search_results_link_to_the_record_page(client, archive, make_record):
    record = make_record(name="黄继光", native_place="四川省中江县", native_province="四川省")
    results = client.get("/api/search/", {"q": "黄继光"}).json()["results"]
    assert [(item["title"], item["url"]) for item in results] == [("黄继光", record.get_url())]
    assert f'href="{record.get_url()}"' in client.get("/search/", {"q": "黄继光"}).content.decode()


def test_search_offers_the_native_province_as_a_region_facet(client, archive, make_record):
    make_record(name="邱少云", native_place="四川省铜梁县", native_province="四川省")
    make_record(name="杨根思", native_place="江苏省泰兴县", native_province="江苏省")
    regions = client.get("/api/search/", {"q": "杨根思", "region": "江苏省"}).json()
    assert [item["title"] for item in regions["results"]] == ["杨根思"]
    assert client.get("/api/search/", {"q": "杨根思", "region": "四川省"}).json()["results"] == []
