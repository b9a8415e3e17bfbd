"""The admin's record search finds fragments: part of a given name (铁柱 → 王铁柱), the start of
a 编号 (A20260), however typed — each through an index, usable at two million records."""

import re

import pytest
from django.db import connection, transaction

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("memorials")]

LIST_URL = "/admin/snippets/memorials/martyrrecord/"


def found(client, query, **params):
    response = client.get(LIST_URL, {"q": query, **params})
    assert response.status_code == 200
    return sorted(re.findall(r'<span id="snippet_\d+_title">([^<]+)</span>', response.content.decode()))


@pytest.fixture
def records(make_record):
    return [
        make_record(name="王铁柱", external_id="A2026010001"),
        make_record(name="李铁柱", external_id="A2026010002"),
        make_record(name="张大山", external_id="A2025120001"),
        make_record(name="赵小兰", external_id="B2026010001", certificate_number="烈证0042"),
    ]


def test_part_of_a_given_name_finds_the_records(admin_client, records):
    assert found(admin_client, "铁柱") == ["李铁柱", "王铁柱"]
    assert found(admin_client, "王铁") == ["王铁柱"]
    assert found(admin_client, "王铁柱") == ["王铁柱"]
    assert found(admin_client, "tiezhu") == ["李铁柱", "王铁柱"]  # pinyin, through the search service
    assert found(admin_client, "铁柱", live="true") == ["李铁柱", "王铁柱"]  # with the listing's filters


def test_the_start_of_a_code_finds_the_records_however_it_is_typed(admin_client, records):
    assert found(admin_client, "A20260") == ["李铁柱", "王铁柱"]
    assert found(admin_client, "a２０２６０") == ["李铁柱", "王铁柱"]  # lower case, full-width digits
    assert found(admin_client, " A2026 01 ") == ["李铁柱", "王铁柱"]
    assert found(admin_client, "A2025") == ["张大山"]
    assert found(admin_client, "A20") == []  # too short to be a prefix: half the archive
    assert found(admin_client, "B2026010001") == ["赵小兰"]
    assert found(admin_client, "烈证0042") == ["赵小兰"]


def test_drafts_are_found_by_part_of_a_name_while_they_are_few(admin_client, make_record, monkeypatch):
    from memorials import admin_search

    make_record(name="孙铁柱", external_id="D-1", live=False)  # a draft: not in the search index
    assert found(admin_client, "铁柱") == ["孙铁柱"]
    monkeypatch.setattr(admin_search, "DRAFT_SCAN_LIMIT", 0)
    assert found(admin_client, "铁柱") == []  # too many drafts to scan …
    assert found(admin_client, "孙铁") == ["孙铁柱"]  # … the start of the name still finds it
    assert found(admin_client, "D-1") == ["孙铁柱"]


def test_nothing_unrelated_is_found(admin_client, records):
    assert found(admin_client, "钢柱") == []
    assert found(admin_client, "C2026") == []


def plan(queryset):
    with transaction.atomic():
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # Only whether an index can answer, whatever a tiny table would prefer.
                cursor.execute("SET LOCAL enable_seqscan = off")
            return queryset.explain()


def test_prefixes_are_answered_by_an_index(records):
    from memorials.admin_search import prefix_condition
    from memorials.models import MartyrRecord

    code_plan = plan(MartyrRecord.objects.filter(prefix_condition("external_id", "A20260")).values("id"))
    if connection.vendor == "sqlite":
        assert re.search(r"SEARCH .*USING (COVERING )?INDEX", code_plan), code_plan
        name_plan = plan(MartyrRecord.objects.filter(prefix_condition("name", "王铁")).values("id"))
        assert "USING COVERING INDEX memorials_name" in name_plan or "USING INDEX memorials_name" in name_plan
    else:
        assert "Index" in code_plan and "external_id" in code_plan, code_plan


@pytest.mark.parametrize("query", ["\U0010ffff" * 3, "'; DROP TABLE x; --", "%_%", "A" * 5000])
def test_any_input_is_answered(admin_client, records, query):
    assert found(admin_client, query) == []


def test_a_nul_character_is_no_error(admin_client, records):
    found(admin_client, "王\x00铁")  # Wagtail's search form refuses it: the listing, unsearched
    from memorials.admin_search import search_condition
    from memorials.models import MartyrRecord

    assert [record.name for record in MartyrRecord.objects.filter(search_condition("王\x00铁"))] == ["王铁柱"]
