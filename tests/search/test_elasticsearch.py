"""Contract tests for the Elasticsearch backend (no server needed) and the fallback when it is down."""

from unittest import mock

import pytest

from search import service
from search.backends import elasticsearch as es_backend
from search.backends.elasticsearch import ElasticsearchBackend

DOWN = {
    "BACKEND": "search.backends.elasticsearch",
    "URLS": ["http://127.0.0.1:1"],
    "INDEX": "test-search",
    "TIMEOUT": 1,
}


@pytest.fixture(autouse=True)
def fresh_circuit_breaker(monkeypatch):
    monkeypatch.setattr(service, "_elasticsearch_down_until", 0.0)


def backend(**params):
    return ElasticsearchBackend({"URLS": ["http://127.0.0.1:1"], "INDEX": "commemoration", "PINYIN": "false", **params})


def mocked_backend(**params):
    instance = backend(**params)
    instance.__dict__["client"] = mock.MagicMock(name="Elasticsearch")
    return instance


# -- mappings -------------------------------------------------------------------------------


def test_mapping_uses_the_builtin_cjk_analyzer_by_default():
    mappings = backend().index_body()["mappings"]["properties"]
    assert mappings["title"]["analyzer"] == "cjk"
    assert mappings["body"]["analyzer"] == "cjk"
    assert mappings["title"]["fields"]["raw"] == {"type": "keyword", "ignore_above": 256}
    assert "pinyin" not in mappings["title"]["fields"]
    assert mappings["doc_type"]["type"] == mappings["region"]["type"] == mappings["period"]["type"] == "keyword"
    assert mappings["public"]["type"] == "boolean"
    assert mappings["name_pinyin"]["type"] == "keyword"
    assert mappings["suggest"]["type"] == "completion"


def test_mapping_uses_smartcn_or_ik_when_configured():
    # Queries go through the same chain plus the synonyms (tests/search/test_elasticsearch_relaxed.py).
    smartcn = backend(ANALYZER="smartcn").index_body()
    assert smartcn["mappings"]["properties"]["body"]["analyzer"] == "smartcn"
    assert smartcn["settings"]["analysis"]["analyzer"]["commemoration_search"]["tokenizer"] == "smartcn_tokenizer"
    ik = backend(ANALYZER="ik").index_body()
    assert ik["mappings"]["properties"]["body"]["analyzer"] == "ik_max_word"
    assert ik["settings"]["analysis"]["analyzer"]["commemoration_search"]["tokenizer"] == "ik_smart"
    with pytest.raises(ValueError):
        backend(ANALYZER="english")


def test_pinyin_sub_fields_when_the_plugin_is_available():
    body = backend(PINYIN="true").index_body()
    properties = body["mappings"]["properties"]
    assert properties["title"]["fields"]["pinyin"]["analyzer"] == "name_pinyin"
    assert properties["names"]["fields"]["pinyin"]["analyzer"] == "name_pinyin"
    tokenizer = body["settings"]["analysis"]["tokenizer"]["name_pinyin"]
    assert tokenizer["type"] == "pinyin" and tokenizer["keep_first_letter"] and tokenizer["keep_joined_full_pinyin"]


def test_pinyin_plugin_is_detected_on_the_cluster():
    instance = mocked_backend(PINYIN="auto", URLS=["http://detect.invalid:9200"])
    instance.client.cat.plugins.return_value = [{"name": "node-1", "component": "analysis-pinyin"}]
    assert instance.pinyin is True


# -- query bodies ---------------------------------------------------------------------------


def test_query_body_filters_public_documents_and_builds_facets_and_highlights():
    body = (
        backend().build_search("黃繼光", filters={"type": "memorials.martyrrecord", "region": "四川"}, page=2).to_dict()
    )
    filters = body["query"]["bool"]["filter"]
    assert {"term": {"public": True}} in filters
    assert {"term": {"region": "四川"}} in filters
    assert body["post_filter"] == {"term": {"doc_type": "memorials.martyrrecord"}}
    assert set(body["aggs"]) == {"type", "region", "period"}
    assert body["aggs"]["type"]["terms"]["field"] == "doc_type"
    should = body["query"]["bool"]["should"]
    assert should[0]["multi_match"]["query"] == "黄继光"  # traditional → simplified
    assert should[0]["multi_match"]["operator"] == "and"
    assert body["highlight"]["encoder"] == "html"
    assert body["highlight"]["pre_tags"] == ["<mark>"]
    assert (body["from"], body["size"]) == (10, 10)


def test_pinyin_queries_match_the_precomputed_name_pinyin():
    should = backend().build_search("HJG").to_dict()["query"]["bool"]["should"]
    assert {"term": {"name_pinyin": {"value": "hjg", "boost": 5}}} in should


def test_query_body_uses_pinyin_sub_fields_when_available():
    should = backend(PINYIN="true").build_search("huangjiguang").to_dict()["query"]["bool"]["should"]
    assert any(clause.get("multi_match", {}).get("fields") == ["title.pinyin", "names.pinyin"] for clause in should)


def test_hostile_queries_are_sent_as_plain_match_text():
    body = backend().build_search('a"b AND (烈士* ' + "x" * 5000).to_dict()
    text = body["query"]["bool"]["should"][0]["multi_match"]["query"]
    assert len(text) <= 100
    assert "query_string" not in str(body)


def test_suggest_body_completes_public_titles_only():
    body = backend().build_suggest("黄继", limit=5).to_dict()
    completion = body["suggest"]["titles"]["completion"]
    assert body["suggest"]["titles"]["prefix"] == "黄继"
    assert completion["contexts"] == {"visibility": ["public"]} and completion["size"] == 5


def test_search_response_becomes_escaped_hits_and_facets(db):
    instance = mocked_backend()
    instance.client.search.return_value.body = {
        "hits": {
            "total": {"value": 1, "relation": "eq"},
            "max_score": 3.0,
            "hits": [
                {
                    "_index": "commemoration-1",
                    "_id": "memorials.martyrrecord:7",
                    "_score": 3.0,
                    "_source": {
                        "doc_type": "memorials.martyrrecord",
                        "type_label": "烈士档案",
                        "object_id": "7",
                        "display_title": "黄继光<b>",
                        "body": "特级英雄",
                        "url": "/martyrs/7/",
                    },
                    "highlight": {"body": ["在上甘岭&lt;i&gt;<mark>战役</mark>"]},
                }
            ],
        },
        "aggregations": {
            "type": {"buckets": [{"key": "memorials.martyrrecord", "doc_count": 1}]},
            "region": {"buckets": [{"key": "四川", "doc_count": 1}]},
            "period": {"buckets": []},
        },
    }
    results = instance.public_search("战役", filters={"type": "", "region": "", "period": ""})
    (hit,) = results.hits
    assert hit.title == "黄继光&lt;b&gt;" and hit.url == "/martyrs/7/"
    assert hit.snippet == "在上甘岭&lt;i&gt;<mark>战役</mark>"
    assert results.engine == "elasticsearch" and results.total == 1
    assert [(f.name, [v.value for v in f.values]) for f in results.facets] == [
        ("type", ["memorials.martyrrecord"]),
        ("region", ["四川"]),
    ]


def test_type_labels_are_read_from_the_models_not_from_the_index(db, monkeypatch):
    """A document keeps the type label of whoever indexed it (an editor working in English, say);
    visitors read the label in their own language, and place names as they were written."""
    from tests.sampleplugin.models import SampleStoryPage

    monkeypatch.setattr(SampleStoryPage._meta, "verbose_name", "纪念活动报道（现名）")
    instance = mocked_backend()
    document = {
        "doc_type": "sampleplugin.samplestorypage",
        "type_label": "Story",
        "object_id": "3",
        "display_title": "清明代祭扫服务",
        "body": "代祭扫",
        "url": "/events/3/",
    }
    instance.client.search.return_value.body = {
        "hits": {
            "total": {"value": 1, "relation": "eq"},
            "max_score": 1.0,
            "hits": [{"_index": "commemoration-1", "_id": "x", "_score": 1.0, "_source": document}],
        },
        "aggregations": {
            "type": {"buckets": [{"key": "sampleplugin.samplestorypage", "doc_count": 1}]},
            "region": {"buckets": [{"key": "西山区", "doc_count": 1}]},
            "period": {"buckets": []},
        },
    }
    results = instance.public_search("祭扫", filters={"type": "", "region": "", "period": ""})
    assert results.hits[0].type_label == "纪念活动报道（现名）"
    type_facet, region_facet = results.facets
    assert [(v.label, v.translated) for v in type_facet.values] == [("纪念活动报道（现名）", True)]
    assert [(v.label, v.translated) for v in region_facet.values] == [("西山区", False)]

    instance.client.search.return_value.body = {
        "suggest": {
            "titles": [
                {"text": "清明", "offset": 0, "length": 2, "options": [{"text": "清明代祭扫服务", "_source": document}]}
            ]
        }
    }
    assert instance.public_suggest("清明") == [
        {"title": "清明代祭扫服务", "url": "/events/3/", "type": "纪念活动报道（现名）"}
    ]


# -- indexing -------------------------------------------------------------------------------


def test_document_source_of_a_page(stories):
    page = stories["huang"]
    source = es_backend.to_document_source(page, public=True)
    assert source["doc_type"] == "sampleplugin.samplestorypage"
    assert source["display_title"] == "黄继光"
    assert source["name_pinyin"] == ["hjg", "huangjiguang", "jiguang"]
    assert "上甘岭" in source["body"]
    assert source["url"].startswith("/") and source["public"] is True
    assert source["suggest"]["contexts"] == {"visibility": ["public"]}


def test_publishing_and_unpublishing_update_elasticsearch(settings, stories, monkeypatch):
    settings.WAGTAILSEARCH_BACKENDS = {**settings.WAGTAILSEARCH_BACKENDS, "elasticsearch": DOWN}
    client = mock.MagicMock(name="Elasticsearch")
    monkeypatch.setitem(es_backend._clients, (("http://127.0.0.1:1",), 1), client)
    sent = []
    monkeypatch.setattr(es_backend.helpers, "bulk", lambda _client, actions, **kw: sent.extend(actions))
    page = stories["card"]
    page.save_revision().publish()
    assert sent[-1]["_id"] == f"sampleplugin.samplestorypage:{page.pk}"
    assert sent[-1]["_source"]["public"] is True
    page.unpublish()
    assert sent[-1]["_source"]["public"] is False
    page.delete()
    client.delete.assert_called_with(index="test-search", id=f"sampleplugin.samplestorypage:{page.pk}")


def test_rebuild_swaps_the_alias_to_a_new_index():
    instance = mocked_backend()
    instance.client.indices.get_alias.return_value = {"commemoration-old": {"aliases": {"commemoration": {}}}}
    rebuilder = instance.rebuilder_class(instance.get_index_for_model(None))
    new_index = rebuilder.start()
    assert new_index.name.startswith("commemoration-") and new_index.name != "commemoration-old"
    instance.client.indices.create.assert_called_once()
    assert instance.client.indices.create.call_args.kwargs["index"] == new_index.name
    rebuilder.finish()
    instance.client.indices.update_aliases.assert_called_once_with(
        actions=[
            {"remove": {"index": "commemoration-old", "alias": "commemoration"}},
            {"add": {"index": new_index.name, "alias": "commemoration"}},
        ]
    )
    instance.client.indices.delete.assert_called_with(index="commemoration-old", ignore_unavailable=True)


# -- Elasticsearch down ---------------------------------------------------------------------


@pytest.fixture
def elasticsearch_down(settings):
    settings.WAGTAILSEARCH_BACKENDS = {**settings.WAGTAILSEARCH_BACKENDS, "elasticsearch": DOWN}


def test_search_falls_back_to_the_embedded_index_when_elasticsearch_is_down(stories, elasticsearch_down):
    results = service.search("寻亲")
    assert results.fallback is True and results.engine == "embedded"
    assert [hit.plain_title for hit in results.hits] == ["为烈士寻亲活动启动"]
    assert [s["title"] for s in service.suggest("黄继")] == ["黄继光"]


def test_visitors_see_results_not_an_error_when_elasticsearch_is_down(client, stories, elasticsearch_down):
    response = client.get("/search/", {"q": "寻亲"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "为烈士<mark>寻亲</mark>活动启动" in page and "备用检索" in page
    data = client.get("/api/search/", {"q": "寻亲"}).json()
    assert data["fallback"] is True and data["total"] == 1


def test_healthz_reports_the_fallback_when_elasticsearch_is_down(admin_client, home_page, elasticsearch_down):
    response = admin_client.get("/healthz")
    check = response.json()["checks"]["search"]
    assert response.status_code == 200
    assert check["status"] == "degraded"
    assert check["elasticsearch"] == "unreachable" and check["engine"] == "embedded (fallback)"


def test_editors_can_publish_while_elasticsearch_is_down(stories, elasticsearch_down):
    page = stories["card"]
    page.title = "优待证换发通知"
    page.save_revision().publish()
    assert [hit.plain_title for hit in service.search("换发").hits] == ["优待证换发通知"]
