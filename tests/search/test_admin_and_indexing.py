"""Staff search in Chinese in the Wagtail admin; indexes stay current and can be rebuilt."""

import io
import re

import pytest
from django.core.management import call_command
from django.utils import translation
from wagtail.search.backends import get_search_backend

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("sampleplugin")]


def test_admin_page_search_finds_chinese_words(admin_client, stories):
    response = admin_client.get("/admin/pages/search/", {"q": "寻亲"})
    assert response.status_code == 200
    assert "为烈士寻亲活动启动" in response.content.decode()
    assert "优待证集中发放" not in response.content.decode()


def test_admin_search_finds_drafts_by_pinyin(admin_client, publish_story):
    publish_story("邱少云", "潜伏在烈火中", live=False)
    response = admin_client.get("/admin/pages/search/", {"q": "qiushaoyun"})
    assert "邱少云" in response.content.decode()


def test_admin_search_with_hostile_input_does_not_fail(admin_client, stories):
    for query in ['a"b', "🙂", "x" * 10_000, "烈士 AND ("]:
        assert admin_client.get("/admin/pages/search/", {"q": query}).status_code == 200


def test_default_backend_is_the_chinese_embedded_backend():
    from django.db import connection

    backend = get_search_backend()
    expected = {"sqlite": "ChineseSQLiteSearchBackend", "postgresql": "ChinesePostgresSearchBackend"}
    assert type(backend).__name__ == expected[connection.vendor]


def test_rebuild_command_indexes_everything_in_batches(stories):
    from wagtail.search.models import IndexEntry

    from tests.sampleplugin.models import SampleStoryPage

    IndexEntry.objects.all().delete()
    assert not SampleStoryPage.objects.live().search("寻亲")
    out, err = io.StringIO(), io.StringIO()
    call_command("rebuild_search", "--batch-size", "2", stdout=out, stderr=err)
    assert re.fullmatch(r"default：已索引 \d+ 条\n", out.getvalue())  # in the site's language
    assert "sampleplugin.SampleStoryPage" in err.getvalue()  # the progress bar
    assert [p.title for p in SampleStoryPage.objects.live().search("寻亲")] == ["为烈士寻亲活动启动"]
    assert [p.title for p in SampleStoryPage.objects.live().search("hjg")] == ["黄继光"]


@pytest.mark.parametrize(
    ("language", "description"), [("zh-hans", "重建搜索索引"), ("en", "Rebuild the search indexes")]
)
def test_the_rebuild_command_explains_itself_in_the_operators_language(language, description):
    from search.management.commands.rebuild_search import Command

    with translation.override(language):
        assert description in Command().create_parser("manage.py", "rebuild_search").format_help()


def test_the_rebuild_command_reports_in_english_to_an_english_operator(stories):
    out = io.StringIO()
    with translation.override("en"):
        call_command("rebuild_search", "--model", "sampleplugin.SampleStoryPage", stdout=out, stderr=io.StringIO())
    assert out.getvalue() == "default: 4 objects indexed\n"


def test_rebuild_drops_entries_of_deleted_objects(stories):
    from wagtail.search.models import IndexEntry

    from tests.sampleplugin.models import SampleStoryPage

    page = stories["card"]
    # Deleted behind the signal handlers' back (a raw SQL import, say).
    SampleStoryPage.objects.filter(pk=page.pk).update(title="优待证旧条目")
    count_before = IndexEntry.objects.count()
    call_command(
        "rebuild_search", "--model", "sampleplugin.SampleStoryPage", stdout=io.StringIO(), stderr=io.StringIO()
    )
    assert IndexEntry.objects.count() == count_before
    assert [p.title for p in SampleStoryPage.objects.search("旧条目")] == ["优待证旧条目"]


def test_healthz_reports_the_embedded_search_backend(admin_client, home_page):
    data = admin_client.get("/healthz").json()
    assert data["checks"]["search"]["status"] == "ok"
    assert data["checks"]["search"]["engine"] == "embedded"


def test_staff_manage_dictionary_terms_in_the_admin(admin_client):
    from search.models import SearchTerm

    response = admin_client.post(
        "/admin/snippets/search/searchterm/add/", {"term": " 红色宣讲站 ", "note": "新设立的宣讲阵地"}
    )
    assert response.status_code == 302
    assert SearchTerm.objects.get().term == "红色宣讲站"
