"""Against a real cluster: runs only when ELASTICSEARCH_URL is set (e.g. in the ES CI job)."""

import io
import os
import uuid

import pytest
from django.core.management import call_command

from search import service
from search.backends.elasticsearch import ElasticsearchBackend

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not ELASTICSEARCH_URL, reason="ELASTICSEARCH_URL is not set"),
]


@pytest.fixture
def live_elasticsearch(settings, monkeypatch):
    alias = f"test-search-{uuid.uuid4().hex[:8]}"
    params = {"BACKEND": "search.backends.elasticsearch", "URLS": [ELASTICSEARCH_URL], "INDEX": alias, "REPLICAS": 0}
    settings.WAGTAILSEARCH_BACKENDS = {**settings.WAGTAILSEARCH_BACKENDS, "elasticsearch": params}
    monkeypatch.setattr(service, "_elasticsearch_down_until", 0.0)
    backend = ElasticsearchBackend(params)
    yield backend
    # Wildcard deletes are refused by default (action.destructive_requires_name).
    for name in backend.client.indices.get(index=f"{alias}-*"):
        backend.client.indices.delete(index=name)


def rebuild():
    call_command("rebuild_search", "--backend", "elasticsearch", stdout=io.StringIO(), stderr=io.StringIO())


def test_rebuild_and_search_in_chinese(stories, live_elasticsearch):
    rebuild()
    results = service.search("寻亲")
    assert results.engine == "elasticsearch" and not results.fallback
    assert [hit.plain_title for hit in results.hits][0] == "为烈士寻亲活动启动"
    assert "<mark>" in results.hits[0].snippet or "<mark>" in results.hits[0].title


def test_traditional_and_pinyin_queries(stories, live_elasticsearch):
    rebuild()
    assert service.search("為烈士尋親").hits[0].plain_title == "为烈士寻亲活动启动"
    assert [hit.plain_title for hit in service.search("hjg").hits] == ["黄继光"]


def test_unpublished_pages_are_not_found(stories, publish_story, live_elasticsearch):
    publish_story("烈士档案草稿", "尚未审核", live=False)
    rebuild()
    assert "烈士档案草稿" not in [hit.plain_title for hit in service.search("草稿").hits]


def test_rebuild_twice_keeps_one_index_behind_the_alias(stories, live_elasticsearch):
    rebuild()
    rebuild()
    indices = live_elasticsearch.client.indices.get_alias(name=live_elasticsearch.alias)
    assert len(indices) == 1


def test_suggestions(stories, live_elasticsearch):
    rebuild()
    assert [s["title"] for s in service.suggest("黄继")] == ["黄继光"]
