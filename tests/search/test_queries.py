"""Visitors find Chinese content by word, phrase, traditional characters and pinyin names."""

import pytest
from wagtail.models import PageViewRestriction
from wagtail.search.backends import get_search_backend

from search import service

pytestmark = pytest.mark.django_db


def titles(query, **filters):
    return [hit.plain_title for hit in service.search(query, **filters).hits]


def test_single_word_inside_a_title_is_found(stories):
    # Stock FTS5 keeps 为烈士寻亲活动启动 as one token: 烈士 and 寻亲 found nothing.
    assert titles("烈士") == ["为烈士寻亲活动启动"]
    assert titles("寻亲") == ["为烈士寻亲活动启动"]


def test_compound_word_is_found_in_the_body(stories):
    assert set(titles("退役军人")) == {"为烈士寻亲活动启动", "优待证集中发放"}


def test_documents_with_every_word_come_first(stories):
    # Then those with the most important of the words (relaxed matching, tests/search/test_relaxed.py).
    assert titles("退役军人 优待证")[0] == "优待证集中发放"
    assert titles("上甘岭 英雄")[0] == "黄继光"


def test_reordered_words_are_found(stories):
    assert set(titles("军人退役")) == {"为烈士寻亲活动启动", "优待证集中发放"}
    assert titles("寻亲烈士") == ["为烈士寻亲活动启动"]


def test_traditional_characters_find_simplified_content(stories):
    assert titles("為烈士尋親") == ["为烈士寻亲活动启动"]
    assert titles("黃繼光") == ["黄继光"]


def test_full_width_input_is_understood(publish_story):
    publish_story("2023年清明祭扫", "共接待群众12000人次")
    assert titles("２０２３年") == ["2023年清明祭扫"]


def test_pinyin_full_and_initials_find_a_name(stories):
    assert titles("huangjiguang") == ["黄继光"]
    assert titles("HJG") == ["黄继光"]
    assert titles("jiguang") == ["黄继光"]


def test_part_of_a_name_finds_the_person(stories):
    assert titles("继光") == ["黄继光"]


def test_domain_terms_are_found(stories):
    assert titles("代祭扫") == ["清明代祭扫服务"]
    assert titles("烈属") == ["清明代祭扫服务"]


def test_results_are_highlighted_and_escaped(publish_story):
    publish_story("烈士<script>alert(1)</script>档案", "记录<b>烈士</b>生平")
    hit = service.search("烈士").hits[0]
    assert "<script>" not in hit.title and "&lt;script&gt;" in hit.title
    assert "<mark>烈士</mark>" in hit.title
    assert hit.snippet == "记录<mark>烈士</mark>生平"  # the summary's tags never reach the page


@pytest.mark.parametrize(
    "query",
    [
        'a"b',
        '"',
        "'",
        '烈士"',
        "烈士 OR",
        "AND OR NOT",
        "NEAR(烈士 寻亲)",
        "烈士*",
        "col:烈士",
        "{title}:烈士",
        "^烈士",
        "烈士 -寻亲",
        "(((",
        "\\",
        "%_",
        "🙂🎖️",
        "烈士🙂",
        "\x00\x01\x1f烈士",
        "\u202e烈士",
        "烈" * 10_000,
        "烈士 " * 3000,
        "x" * 10_000,
        "<script>alert(1)</script>",
        "'; DROP TABLE wagtailcore_page; --",
    ],
)
def test_hostile_queries_never_raise(stories, client, query):
    results = service.search(query)
    # Whatever was typed, the answer is some of the four stories (all on the first page).
    assert {hit.plain_title for hit in results.hits} <= {story.title for story in stories.values()}
    assert results.total == len(results.hits)
    page = client.get("/search/", {"q": query})
    assert page.status_code == 200 and "<script>alert(1)</script>" not in page.content.decode()
    api = client.get("/api/search/", {"q": query})
    assert api.status_code == 200 and api.json()["total"] == results.total
    suggestions = client.get("/api/search/suggest", {"q": query})
    assert suggestions.status_code == 200
    assert {s["title"] for s in suggestions.json()} <= {story.title for story in stories.values()}


def test_hostile_queries_still_find_the_words_they_contain(stories):
    assert titles('烈士"') == ["为烈士寻亲活动启动"]
    assert titles("\x00烈士🙂") == ["为烈士寻亲活动启动"]


@pytest.mark.parametrize(
    "query, found",
    [
        ('a"b', []),
        ("烈士 AND (", ["为烈士寻亲活动启动"]),  # AND and brackets are no syntax
        ("烈士 -寻亲", ["为烈士寻亲活动启动"]),  # nor is a minus sign
        ("🙂", []),
        ("x" * 10_000, []),
    ],
)
def test_hostile_strings_reach_wagtail_querysets_as_plain_words(stories, query, found):
    from tests.sampleplugin.models import SampleStoryPage

    pages = SampleStoryPage.objects.live()
    assert [page.title for page in pages.search(query)] == found
    assert [page.title for page in pages.autocomplete(query)] == found


def test_unpublished_pages_are_never_found_by_the_public(stories, publish_story, client):
    publish_story("烈士档案草稿", "尚未审核的烈士资料", live=False)
    assert "烈士档案草稿" not in titles("烈士档案")
    page = client.get("/search/", {"q": "草稿"}).content.decode()
    assert "尚未审核" not in page and "没有找到" in page
    assert client.get("/api/search/", {"q": "草稿"}).json()["total"] == 0
    assert client.get("/api/search/suggest", {"q": "烈士档案"}).json() == []


def test_unpublishing_removes_a_page_from_public_results(stories):
    stories["huang"].unpublish()
    assert titles("黄继光") == []


def test_private_pages_are_never_found_by_the_public(stories):
    PageViewRestriction.objects.create(page=stories["huang"], restriction_type="password", password="secret")
    assert titles("黄继光") == []


def test_deleted_pages_leave_the_index(stories):
    stories["card"].delete()
    assert titles("优待证") == []


def test_edits_are_searchable_once_published(stories):
    story = stories["card"]
    story.title = "优待证和光荣牌发放"
    story.save_revision().publish()
    assert titles("光荣牌") == ["优待证和光荣牌发放"]


def test_results_paginate(publish_story):
    for number in range(23):
        publish_story(f"烈士事迹{number}", "烈士生平")
    first = service.search("烈士", page=1)
    third = service.search("烈士", page=3)
    assert first.total == 23 and first.num_pages == 3
    assert len(first.hits) == 10 and len(third.hits) == 3
    assert not {h.id for h in first.hits} & {h.id for h in third.hits}
    assert service.search("烈士", page=99).page == 3
    assert service.search("烈士", page="abc").page == 1


def test_type_facet_counts_and_filters(stories):
    results = service.search("烈士", type="sampleplugin.samplestorypage")
    (facet,) = [f for f in results.facets if f.name == "type"]
    assert facet.values[0].count == 1 and facet.values[0].selected
    assert service.search("烈士", type="honors.nothing").total == 0


def test_suggestions_complete_a_name_being_typed(stories):
    suggestions = service.suggest("黄继")
    assert [s["title"] for s in suggestions] == ["黄继光"]
    assert suggestions[0]["url"].startswith("/")


def test_a_plain_model_is_searched_like_a_page(stories, monkeypatch):
    """Plugins also register models that are not pages (a martyr record is plain data)."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from tests.sampleplugin.models import SampleStoryPage

    Document = get_document_model()
    document = Document.objects.create(title="黄继光烈士生平", file=ContentFile(b"x", name="huang.txt"))
    monkeypatch.setattr("search.documents.document_models", lambda: [SampleStoryPage, Document])
    results = service.search("黄继光")
    assert {(hit.type, hit.plain_title) for hit in results.hits} == {
        ("sampleplugin.samplestorypage", "黄继光"),
        ("wagtaildocs.document", document.title),
    }
    assert {value.value for facet in results.facets for value in facet.values} >= {"wagtaildocs.document"}


def test_models_declaring_facet_fields_get_region_facets_and_filters(stories, monkeypatch):
    # A plugin declares which of its fields hold the region (here a page field stands in).
    from wagtail.search import index

    from tests.sampleplugin.models import SampleStoryPage

    monkeypatch.setattr(SampleStoryPage, "search_facet_fields", {"region": "seo_title"}, raising=False)
    monkeypatch.setattr(
        SampleStoryPage, "search_fields", [*SampleStoryPage.search_fields, index.FilterField("seo_title")]
    )
    for key, region in (("seek", "四川"), ("card", "河北")):
        SampleStoryPage.objects.filter(pk=stories[key].pk).update(seo_title=region)
    results = service.search("退役军人")
    (region,) = [facet for facet in results.facets if facet.name == "region"]
    assert {(v.value, v.count) for v in region.values} == {("四川", 1), ("河北", 1)}
    assert titles("退役军人", region="河北") == ["优待证集中发放"]


def test_published_snippet_records_only_are_public(db):
    """A model with drafts (like a martyr record under review) is public once live."""
    from django.db import models
    from wagtail.models import DraftStateMixin

    from search.documents import public_queryset

    class DraftRecord(DraftStateMixin, models.Model):  # noqa: DJ008 (never shown)
        class Meta:
            app_label = "search"
            managed = False

        @classmethod
        def get_indexed_objects(cls):
            return cls.objects.all()

    assert 'WHERE "search_draftrecord"."live"' in str(public_queryset(DraftRecord).query)


def test_very_common_terms_are_counted_up_to_a_limit(stories, monkeypatch):
    import importlib

    from tests.sampleplugin.models import SampleStoryPage

    RankedSearchMixin = importlib.import_module(type(get_search_backend()).__module__).RankedSearchMixin

    monkeypatch.setattr(RankedSearchMixin, "COUNT_LIMIT", 1)
    monkeypatch.setattr(RankedSearchMixin, "RANK_LIMIT", 1)
    results = SampleStoryPage.objects.live().search("退役军人")
    assert results.count() == 2  # "more than one"
    assert len(list(results[:10])) == 2  # newest first instead of bm25, still every match
    page = service.search("退役军人")
    assert page.total == 2


@pytest.mark.parametrize("rank_limit", [10_000, 1])
def test_a_small_content_type_is_searched_from_its_entries_with_the_same_results(stories, monkeypatch, rank_limit):
    """A few pages beside two million martyr records: their matches are read from their own
    index entries, not from every match of a common word; the answers do not change."""
    import importlib

    from tests.sampleplugin.models import SampleStoryPage

    compiler = importlib.import_module(type(get_search_backend()).__module__).RankedSearchMixin
    if not hasattr(compiler, "SMALL_TYPE_ENTRIES"):
        pytest.skip("the PostgreSQL index filters by content type in the same table")
    monkeypatch.setattr(compiler, "RANK_LIMIT", rank_limit)

    def answers():
        out = []
        for query in ["退役军人", "烈士", "黄继光", "hjg", "上甘岭 英雄", "没有这个词"]:
            results = SampleStoryPage.objects.live().search(query)
            out.append((query, results.count(), [page.title for page in results[:10]]))
        return out

    from_entries = answers()
    monkeypatch.setattr(compiler, "SMALL_TYPE_ENTRIES", 0)  # every type led by the FTS table
    assert answers() == from_entries
    assert from_entries[0][1] == 2 and from_entries[-1][1] == 0


def test_whether_a_content_type_is_small_is_asked_once_for_every_search(stories):
    """The search page asks it of every content type on every search: the answer is shared
    like the match probe (a large type's first 5,001 entries are not counted each time)."""
    import importlib

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    compiler = importlib.import_module(type(get_search_backend()).__module__).RankedSearchMixin
    if not hasattr(compiler, "SMALL_TYPE_ENTRIES"):
        pytest.skip("the PostgreSQL index filters by content type in the same table")

    def size_probes(query):
        with CaptureQueriesContext(connection) as queries:
            titles = [hit.plain_title for hit in service.search(query).hits]
        return titles, sum(
            q["sql"].startswith("SELECT count(*) FROM (SELECT 1 FROM") and "MATCH" not in q["sql"] for q in queries
        )

    titles, probes = size_probes("退役军人")
    assert len(titles) == 2 and probes >= 1
    titles, probes = size_probes("烈士")
    assert titles == ["为烈士寻亲活动启动"] and probes == 0  # another query, another visitor: not asked again


def test_the_raw_match_count_is_shared_between_searches_and_never_makes_a_count_wrong(stories, publish_story):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.sampleplugin.models import SampleStoryPage

    def search():
        with CaptureQueriesContext(connection) as queries:
            results = SampleStoryPage.objects.live().search("退役军人")
            answer = results.count(), {page.title for page in results[:10]}
        return answer, sum("AS probe" in query["sql"] for query in queries.captured_queries)

    first, probes = search()
    assert first == (2, {"为烈士寻亲活动启动", "优待证集中发放"}) and probes == 1
    assert search() == (first, 0)  # the next visitor's search reuses the probe
    publish_story("退役军人之家挂牌", summary="退役军人服务站")
    (count, found), probes = search()
    assert probes == 0 and count == 3 and "退役军人之家挂牌" in found  # the count itself is always fresh


def test_more_than_the_limit_is_remembered_but_an_exact_count_never(stories, publish_story, monkeypatch):
    import importlib

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.sampleplugin.models import SampleStoryPage

    compiler = importlib.import_module(type(get_search_backend()).__module__).RankedSearchMixin
    monkeypatch.setattr(compiler, "COUNT_LIMIT", 1)
    monkeypatch.setattr("search.backends.relaxation.RELAX_BELOW", 0)  # a common word is not relaxed
    if hasattr(compiler, "SMALL_TYPE_ENTRIES"):
        monkeypatch.setattr(compiler, "SMALL_TYPE_ENTRIES", 0)  # as for two million records

    def count(query):
        with CaptureQueriesContext(connection) as queries:
            answer = SampleStoryPage.objects.live().search(query).count()
        return answer, sum('AS "__count"' in q["sql"] for q in queries.captured_queries)

    assert count("退役军人") == (2, 1)  # "more than one", counted once
    assert count("退役军人") == (2, 0)  # then remembered
    assert count("黄继光") == (1, 1)
    publish_story("黄继光连", summary="英雄黄继光生前所在连队")
    assert count("黄继光")[0] == 2  # exact counts are always fresh


def test_once_more_than_the_limit_is_counted_results_come_newest_first_without_ranking(stories, monkeypatch):
    import importlib

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.sampleplugin.models import SampleStoryPage

    compiler = importlib.import_module(type(get_search_backend()).__module__).RankedSearchMixin
    monkeypatch.setattr(compiler, "COUNT_LIMIT", 1)
    monkeypatch.setattr("search.backends.relaxation.RELAX_BELOW", 0)  # a common word is not relaxed
    if hasattr(compiler, "SMALL_TYPE_ENTRIES"):
        monkeypatch.setattr(compiler, "SMALL_TYPE_ENTRIES", 0)  # as for two million records

    def first_page(count_first):
        results = SampleStoryPage.objects.live().search("退役军人")
        if count_first:
            assert results.count() == 2  # "more than one"
        with CaptureQueriesContext(connection) as queries:
            pages = list(results[:10])
        ranked = any("bm25(" in q["sql"] or "ts_rank(" in q["sql"] for q in queries.captured_queries)
        return [page.title for page in pages], ranked

    by_relevance, ranked = first_page(count_first=False)
    assert ranked and sorted(by_relevance) == ["为烈士寻亲活动启动", "优待证集中发放"]
    newest, ranked = first_page(count_first=True)
    assert not ranked
    latest = SampleStoryPage.objects.live().filter(title__in=by_relevance).order_by("-pk")
    assert newest == [page.title for page in latest]
