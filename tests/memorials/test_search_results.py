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


def test_a_word_in_very_many_records_lists_the_regions_found_without_counts(client, archive, make_record, monkeypatch):
    """Counting a common word's million matches by region would take seconds: above the count
    limit the facets come from a sample of the matches and show no numbers."""
    import importlib

    from wagtail.search.backends import get_search_backend

    from search import service

    compiler = importlib.import_module(type(get_search_backend()).__module__).RankedSearchMixin
    for n, province in enumerate(["四川省", "四川省", "江苏省", "山东省"]):
        make_record(name=f"王{n}", battle="上甘岭战役", native_province=province)
    exact = client.get("/api/search/", {"q": "上甘岭"}).json()
    regions = {facet["name"]: facet for facet in exact["facets"]}["region"]
    assert not regions["sampled"]
    assert [(value["label"], value["count"]) for value in regions["values"]] == [
        ("四川省", 2),
        ("山东省", 1),
        ("江苏省", 1),
    ]

    monkeypatch.setattr(service, "COUNT_LIMIT", 2)
    monkeypatch.setattr(compiler, "COUNT_LIMIT", 2)
    monkeypatch.setattr(service, "FACET_SAMPLE", 3)
    sampled = client.get("/api/search/", {"q": "上甘岭"}).json()
    regions = {facet["name"]: facet for facet in sampled["facets"]}["region"]
    assert regions["sampled"]
    assert all(value["count"] is None for value in regions["values"])
    assert {value["label"] for value in regions["values"]} < {"四川省", "江苏省", "山东省"}  # three matches of four
    page = client.get("/search/", {"q": "上甘岭"}).content.decode()
    assert "结果很多，这里列出其中常见的几项" in page
    assert '烈士档案 <span class="search-facet__count">(2+)</span>' in page  # not the capped count itself
    assert 'search-facet__count">(' not in page.split('aria-label="筛选结果"')[1].split("</section>")[1]
    # A region chosen from the sample still filters the whole result.
    chosen = client.get("/api/search/", {"q": "上甘岭", "region": "四川省"}).json()
    assert sorted(item["title"] for item in chosen["results"]) == ["王0", "王1"]


def test_the_search_page_offers_a_martyr_and_a_battle_from_the_archive_as_examples(
    rf, archive, make_record, django_assert_num_queries
):
    from django.apps import apps

    config = apps.get_app_config("memorials")
    make_record(name="未公布", battle="孟良崮战役", live=False)
    make_record(name="黄继光", battle="")
    make_record(name="邱少云", battle="上甘岭战役")
    make_record(name="杨根思", battle="长津湖战役")
    request = rf.get("/search/")
    assert config.search_examples(request) == ["黄继光", "上甘岭战役"]
    with django_assert_num_queries(0):  # cached: the search page asks on every visit
        assert config.search_examples(request) == ["黄继光", "上甘岭战役"]


def test_an_empty_archive_offers_no_search_examples(rf, archive):
    from django.apps import apps

    assert apps.get_app_config("memorials").search_examples(rf.get("/search/")) == []
