"""The fast import path: cleaning and search analysis in worker processes, raw batch writes,
and search documents written without model objects — with the same result as the slow path."""

import pytest
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from .conftest import csv_bytes

pytestmark = pytest.mark.django_db(transaction=True)

HEADER = ["编号", "姓名", "籍贯", "生前单位", "牺牲年月", "牺牲地点", "战役", "安葬地", "墓位", "生平事迹"]


def rows(count, bad_every=0):
    body = [HEADER]
    for n in range(count):
        death = "1950年13月" if bad_every and n % bad_every == 3 else f"{1940 + n % 12}年{n % 12 + 1}月"
        body.append(
            [
                f"P-{n:04d}",
                ["黄继光", "邱少云", "杨根思", "欧阳海", "曾志"][n % 5] if n < 5 else f"王{'德富贵明国'[n % 5]}{n}",
                ["四川省中江县", "重庆铜梁", "江苏省泰州市泰兴县"][n % 3],
                "志愿军第15军",
                death,
                "朝鲜" if n % 2 else "山东临沂",
                ["上甘岭战役", "淮海战役", ""][n % 3],
                "示范市烈士陵园" if n % 4 == 0 else "",
                f"A区{n % 9 + 1}排{n % 7 + 1}号" if n % 4 == 0 else "",
                f"第{n}位烈士，在战斗中英勇牺牲。\n追记一等功。" if n % 3 == 0 else "",
            ]
        )
    return body


def snapshot():
    from memorials.models import MartyrRecord

    records = {
        record["external_id"]: record
        for record in MartyrRecord.objects.values(
            "external_id",
            "name",
            "native_province",
            "native_county",
            "death_date",
            "death_precision",
            "death_decade",
            "war_period",
            "facility_id",
            "grave_section",
            "grave_row",
            "grave_number",
            "biography",
            "live",
        )
    }
    ids = dict(MartyrRecord.objects.values_list("id", "external_id"))
    entries = {
        ids[int(entry.object_id)]: (str(entry.title), str(entry.autocomplete), str(entry.body))
        for entry in IndexEntry.objects.all()
        if int(entry.object_id) in ids
    }
    return records, entries


def test_workers_give_the_same_records_index_and_errors_as_one_process(write_file, cemetery):
    from memorials.importing import import_martyrs
    from memorials.models import MartyrRecord

    path = write_file("list.csv", csv_bytes(rows(60, bad_every=17)))
    single = import_martyrs(path, publish=True, workers=0, batch_size=7)
    expected = snapshot()
    MartyrRecord.objects.all().delete()
    IndexEntry.objects.all().delete()
    from memorials.models import ImportJob

    ImportJob.objects.all().delete()

    parallel = import_martyrs(path, publish=True, workers=2, batch_size=7)
    assert (parallel.created, parallel.updated) == (single.created, single.updated) == (56, 0)
    assert [(e.row, e.reason) for e in parallel.errors] == [(e.row, e.reason) for e in single.errors]
    assert [e.row for e in parallel.errors] == [5, 22, 39, 56]
    assert snapshot() == expected
    assert expected[0]["P-0000"]["facility_id"] == cemetery.pk


def test_parallel_import_is_searchable_by_name_pinyin_and_place(write_file, monkeypatch):
    from memorials.importing import import_martyrs, workers
    from memorials.models import MartyrRecord

    # The pool starts on its own above the threshold; lower it so a small file takes that path.
    monkeypatch.setattr(workers, "PARALLEL_THRESHOLD", 10)
    monkeypatch.setattr(workers, "CHUNK_SIZE", 8)
    path = write_file("list.csv", csv_bytes(rows(40)))
    job = import_martyrs(path, publish=True)
    assert job.created == 40
    backend = get_search_backend()
    live = MartyrRecord.objects.published()
    for query, expected in [
        ("黄继光", "P-0000"),
        ("hjg", "P-0000"),
        ("qiushaoyun", "P-0001"),
        ("欧阳海", "P-0003"),
        ("ouyanghai", "P-0003"),
        ("zengzhi", "P-0004"),
    ]:
        assert expected in [record.external_id for record in backend.search(query, live)], query
    assert len(backend.search("泰兴", live)) == len([n for n in range(40) if n % 3 == 2])
    assert "P-0003" in [record.external_id for record in backend.search("追记一等功", live)]


def test_reimport_updates_the_index_and_keeps_fields_the_file_lacks(write_file):
    from memorials.importing import import_martyrs
    from memorials.models import MartyrRecord

    path = write_file("list.csv", csv_bytes(rows(12)))
    import_martyrs(path, publish=True, workers=0)
    renamed = [["编号", "姓名"], ["P-0000", "黄继光同志"]]
    result = import_martyrs(write_file("fix.csv", csv_bytes(renamed)), publish=True, workers=0)
    assert (result.created, result.updated) == (0, 1)
    record = MartyrRecord.objects.get(external_id="P-0000")
    assert record.name == "黄继光同志"
    assert record.native_county == "中江县"  # not in the second file: kept
    assert "舍身" not in record.biography and "第0位烈士" in record.biography
    backend = get_search_backend()
    found = [r.external_id for r in backend.search("同志", MartyrRecord.objects.published())]
    assert found == ["P-0000"]
    # Still found by what the second file did not touch.
    assert "P-0000" in [r.external_id for r in backend.search("第0位烈士", MartyrRecord.objects.published())]


def test_unpublished_import_writes_no_search_entries(write_file):
    from memorials.importing import import_martyrs
    from memorials.models import MartyrRecord

    import_martyrs(write_file("list.csv", csv_bytes(rows(10))), publish=False, workers=0)
    ids = [str(pk) for pk in MartyrRecord.objects.values_list("id", flat=True)]
    assert len(ids) == 10
    assert not IndexEntry.objects.filter(object_id__in=ids).exists()
    assert not list(get_search_backend().search("黄继光", MartyrRecord.objects.published()))


def test_reimport_of_a_complete_file_reindexes_from_the_workers_analysis(write_file):
    from memorials.importing import import_martyrs
    from memorials.models import MartyrRecord

    body = rows(12)
    import_martyrs(write_file("list.csv", csv_bytes(body)), publish=True, workers=0)
    body[1][-1] = "改正后的生平：在上甘岭坚守坑道。"
    result = import_martyrs(write_file("list2.csv", csv_bytes(body)), publish=True, workers=0)
    assert (result.created, result.updated) == (0, 12)
    backend = get_search_backend()
    assert [r.external_id for r in backend.search("坚守坑道", MartyrRecord.objects.published())] == ["P-0000"]
    # The old text is gone from P-0000's entry (a phrase: relaxed matching would offer other words).
    from wagtail.search.query import Phrase

    assert not list(backend.search(Phrase("第0位烈士"), MartyrRecord.objects.published()))


def test_an_import_leaves_the_database_connection_and_collector_as_it_found_them(write_file, monkeypatch):
    import gc

    from django.db import connection

    from memorials.importing import MartyrImporter, import_martyrs
    from memorials.importing.writing import SQLITE_BULK_PRAGMAS

    def pragmas():
        if connection.vendor != "sqlite":
            return None
        with connection.cursor() as cursor:
            return {name: cursor.execute(f"PRAGMA {name}").fetchone()[0] for name in SQLITE_BULK_PRAGMAS}

    seen = []
    original_write = MartyrImporter._write

    def write_and_look(self, batch, last_row):
        seen.append((gc.isenabled(), pragmas()))
        return original_write(self, batch, last_row)

    monkeypatch.setattr(MartyrImporter, "_write", write_and_look)
    before = pragmas()
    assert import_martyrs(write_file("list.csv", csv_bytes(rows(12))), publish=True, workers=0).created == 12
    collecting, during = seen[0]
    assert collecting is False and gc.isenabled()
    assert pragmas() == before
    if connection.vendor == "sqlite":
        assert during == SQLITE_BULK_PRAGMAS != before


def test_the_importing_process_keeps_a_cpu_for_itself(write_file, monkeypatch):
    from memorials.importing import MartyrImporter, workers

    monkeypatch.setattr(workers, "PARALLEL_THRESHOLD", 10)
    path = write_file("list.csv", csv_bytes(rows(20)))
    for cpus, expected in [(1, 0), (2, 1), (4, 3), (16, 4)]:
        monkeypatch.setattr(workers.os, "cpu_count", lambda cpus=cpus: cpus)
        assert MartyrImporter(path, "list.csv", publish=True)._worker_count() == expected


def test_reimporting_the_same_list_rewrites_only_the_rows_that_changed(write_file):
    from memorials.importing import import_martyrs
    from memorials.models import MartyrRecord

    body = rows(12)
    import_martyrs(write_file("list.csv", csv_bytes(body)), publish=True, workers=0)
    written = dict(MartyrRecord.objects.values_list("external_id", "updated_at"))
    entries = {entry.object_id: entry.pk for entry in IndexEntry.objects.all()}

    again = import_martyrs(write_file("again.csv", csv_bytes(body)), publish=True, workers=0)
    assert (again.created, again.updated, again.errors) == (0, 12, [])
    assert dict(MartyrRecord.objects.values_list("external_id", "updated_at")) == written
    assert {entry.object_id: entry.pk for entry in IndexEntry.objects.all()} == entries

    body[3][1] = "王德富贵"
    corrected = import_martyrs(write_file("corrected.csv", csv_bytes(body)), publish=True, workers=0)
    assert (corrected.created, corrected.updated) == (0, 12)
    now = dict(MartyrRecord.objects.values_list("external_id", "updated_at"))
    assert [key for key in now if now[key] != written[key]] == ["P-0002"]
    found = get_search_backend().search("王德富贵", MartyrRecord.objects.published())
    assert [record.external_id for record in found] == ["P-0002"]
