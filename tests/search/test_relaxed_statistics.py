"""PostgreSQL: a word its statistics show to be common is not counted by the relaxed-matching
probe (a heap visit per entry counted), and the results are those of the counted probe."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import service
from search.backends import pg_statistics

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("sampleplugin")]


@pytest.fixture
def on_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's statistics (pg_stats)")
    pg_statistics.forget()
    yield
    pg_statistics.forget()


@pytest.fixture
def community_stories(publish_story):
    for number in range(30):
        publish_story(f"社区服务站第{number}期", "社区志愿者为老兵上门服务。")
    publish_story("双拥共建进社区", "驻军官兵走进社区开展双拥共建活动。")
    publish_story("街道双拥工作站揭牌", "街道办事处设立双拥工作站。")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE wagtailsearch_indexentry")


def relax_probe_sql(query):
    with CaptureQueriesContext(connection) as queries:
        titles = [hit.plain_title for hit in service.search(query).hits]
    probes = [entry["sql"] for entry in queries if "AS counted" in entry["sql"]]
    return titles, probes


def test_a_word_the_statistics_know_as_common_is_not_counted(on_postgres, community_stories, monkeypatch):
    from django.core.cache import cache

    monkeypatch.setattr(pg_statistics, "COMMON_ESTIMATE", 20)
    assert "社区" in pg_statistics.common_lexemes("default", "search_indexentry_title_body_gin")
    assert "双拥" not in pg_statistics.common_lexemes("default", "search_indexentry_title_body_gin")

    cache.clear()
    titles, probes = relax_probe_sql("双拥 社区")
    assert titles[0] == "双拥共建进社区" and "街道双拥工作站揭牌" in titles
    # One probe per content type searched: each counts the all-words matches and 双拥 alone.
    assert probes and all(probe.count("SELECT count(*)") == 2 for probe in probes)

    # Without statistics every word is counted, and the answer is the same.
    monkeypatch.setattr(pg_statistics, "COMMON_ESTIMATE", 10**9)
    pg_statistics.forget()
    cache.clear()
    counted_titles, probes = relax_probe_sql("双拥 社区")
    assert counted_titles == titles and all(probe.count("SELECT count(*)") == 3 for probe in probes)


def test_statistics_that_cannot_be_read_leave_every_word_counted(on_postgres, monkeypatch):
    from django.contrib.auth.models import Group

    assert pg_statistics.common_lexemes("default", "no_such_index") == frozenset()
    # A failing read is logged and rolled back to its savepoint: the request goes on.
    monkeypatch.setattr(pg_statistics, "_SQL", "SELECT * FROM no_such_view WHERE %s IS NOT NULL")
    pg_statistics.forget()
    assert pg_statistics.common_lexemes("default", "search_indexentry_title_body_gin") == frozenset()
    assert Group.objects.filter(name="nobody").count() == 0
