"""The record listing in the admin at millions of rows: a capped count, filters that use the
``(live, <field>, id)`` indexes, sorting only by indexed columns, search through indexes
(fragments: tests/memorials/test_admin_search_fragments.py)."""

import re

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from memorials.pagination import CappedCountPaginator

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/memorials/martyrrecord/"


def listing(admin_client, **params):
    with CaptureQueriesContext(connection) as queries:
        response = admin_client.get(LIST_URL, params)
    assert response.status_code == 200
    record_sql = [q["sql"] for q in queries.captured_queries if 'FROM "memorials_martyrrecord"' in q["sql"]]
    return response.content.decode(), record_sql


def counts(record_sql):
    return [sql for sql in record_sql if "COUNT(" in sql.upper()]


def page_query(record_sql):
    return next(sql for sql in record_sql if "COUNT(" not in sql.upper() and "ORDER BY" in sql.upper())


def names(body):
    return re.findall(r'<span id="snippet_\d+_title">([^<]+)</span>', body)


@pytest.fixture
def records(make_record, cemetery):
    made = [make_record(name=f"川{i}", native_place="四川中江", facility=cemetery if i % 2 else None) for i in range(4)]
    made += [make_record(name=f"冀{i}", native_place="河北怀来", live=i != 0) for i in range(4)]
    return made


def test_the_count_stops_at_the_cap(admin_client, records, settings):
    settings.MEMORIALS_ADMIN_COUNT_CAP = 5
    body, sql = listing(admin_client)
    assert "5+ 烈士档案" in body and "共 1+ 页" in body
    assert "只列出前 5 条" in body
    assert counts(sql) and all("LIMIT 6" in query for query in counts(sql))  # never the whole table
    assert len(names(body)) == 5  # only the first ``cap`` rows are listed

    filtered, sql = listing(admin_client, native_province="河北省")
    assert "超过 5 条" not in filtered and "5+" not in filtered and len(names(filtered)) == 4

    settings.MEMORIALS_ADMIN_COUNT_CAP = 3
    filtered, _sql = listing(admin_client, native_province="四川省")
    assert "超过 3 条符合条件" in filtered and "3+ 烈士档案" in filtered


def test_below_the_cap_the_listing_counts_as_usual(admin_client, records):
    body, sql = listing(admin_client)
    assert "8 烈士档案" in body and "+ 页" not in body and "只列出前" not in body
    assert all("LIMIT 10001" in query for query in counts(sql))


def test_capped_paginator_on_its_own(make_record):
    from memorials.models import MartyrRecord

    for i in range(7):
        make_record(name=f"烈士{i}")
    paginator = CappedCountPaginator(MartyrRecord.objects.order_by("-id"), 2, cap=4)
    assert paginator.count == 4 and paginator.is_capped and paginator.num_pages == 2
    assert "4+" in paginator.items_count_label
    assert len(paginator.page(2).object_list) == 2 and not paginator.page(2).has_next()
    exact = CappedCountPaginator(MartyrRecord.objects.order_by("-id"), 2, cap=10)
    assert exact.count == 7 and not exact.is_capped and exact.num_pages == 4


def test_published_and_drafts_are_merged_from_two_index_ordered_reads(make_record):
    from django.db.models import Q

    from memorials.models import MartyrRecord

    made = [make_record(name=f"烈士{i}", live=i % 3 != 0) for i in range(9)]
    rows = MartyrRecord.objects.filter(live__in=[True, False]).order_by("-id")
    parts = [Q(live__in=[True]), Q(live__in=[False])]
    paginator = CappedCountPaginator(rows, 4, cap=100, parts=parts)
    newest_first = [record.pk for record in reversed(made)]
    assert [[r.pk for r in paginator.page(n).object_list] for n in (1, 2, 3)] == [
        newest_first[0:4],
        newest_first[4:8],
        newest_first[8:9],
    ]
    with CaptureQueriesContext(connection) as queries:
        list(paginator.page(2).object_list)
    assert not any("OFFSET" in q["sql"].upper() for q in queries.captured_queries)


def test_filters_use_the_live_field_indexes(admin_client, records):
    body, sql = listing(admin_client, native_province="河北省")
    assert names(body) == ["冀3", "冀2", "冀1", "冀0"]  # published and draft, newest first
    # Both states wanted: still a term on ``live``, the leading column of the index, and
    # each state read in index order.
    assert re.search(r'"live" IN \((1, 0|true, false|True, False)\)', page_query(sql), re.I)
    assert any(re.search(r'"live" IN \((0|false|False)\)', query, re.I) for query in sql)

    body, sql = listing(admin_client, native_province="河北省", live="false")
    assert names(body) == ["冀0"]
    assert re.search(r'"live" IN \((0|false|False)\)', page_query(sql), re.I)

    body, _sql = listing(admin_client, live="true", facility=records[1].facility_id)
    assert sorted(names(body)) == ["川1", "川3"]
    body, sql = listing(admin_client)
    assert '"live" IN' not in page_query(sql)  # the whole list: newest first by primary key


def explain(sql):
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A tiny test table is cheapest to scan; ask whether an index *can* answer.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("EXPLAIN " + sql)
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql)
        return " ".join(str(row) for row in cursor.fetchall())


@pytest.mark.parametrize(
    "params, index",
    [
        ({"native_province": "四川省"}, "memorials_live_prov_id"),
        ({"native_province": "四川省", "live": "true"}, "memorials_live_prov_id"),
        ({"war_period": "korea", "live": "true"}, "memorials_live_period_id"),
        ({"death_decade": "1950", "live": "false"}, "memorials_live_decade_id"),
    ],
)
def test_the_database_answers_a_filtered_count_from_its_index(admin_client, records, params, index):
    _body, sql = listing(admin_client, **params)
    assert index in explain(counts(sql)[0])


def test_only_indexed_columns_sort(admin_client, records):
    body, _sql = listing(admin_client)
    sortable = set(re.findall(r"ordering=(-?\w+)", body))
    assert {"name", "external_id", "live"} <= sortable
    assert not sortable & {"native_place", "battle", "burial_place", "death_date", "-native_place"}

    _body, sql = listing(admin_client, ordering="native_place")  # not offered: falls back to -id
    assert re.search(r'ORDER BY "memorials_martyrrecord"\."id" DESC', page_query(sql))
    body, sql = listing(admin_client, ordering="name")
    assert re.search(r'ORDER BY "memorials_martyrrecord"\."name" ASC', page_query(sql))
    assert names(body)[0] == "冀0"


def test_search_looks_up_values_by_index(admin_client, make_record):
    make_record(name="杨根思", external_id="Y-1", certificate_number="烈证123")
    make_record(name="黄继光", external_id="H-1")
    body, sql = listing(admin_client, q="杨根思")
    assert names(body) == ["杨根思"] and '"certificate_number" =' not in page_query(sql)
    body, _sql = listing(admin_client, q="H-1")
    assert names(body) == ["黄继光"]
    # A 证书编号 (digits, no 姓名 or 编号 matches) is looked up in its own column.
    body, _sql = listing(admin_client, q="烈证123")
    assert names(body) == ["杨根思"]
    body, _sql = listing(admin_client, q="杨")  # one character of a name: the search service
    assert names(body) == ["杨根思"]
