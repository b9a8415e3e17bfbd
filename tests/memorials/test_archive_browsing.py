"""Moving through the archive as a visitor: A–Z by the surname's pinyin initial, by province,
first / previous / next / last pages; and the query plans that keep each of them an index
range scan at two million records (bench/memorials_bench.py measures them at that size)."""

import datetime
import html
import importlib
import re
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .conftest import csv_bytes

pytestmark = pytest.mark.django_db

NAMES_RE = re.compile(r'class="memorials-list__name" href="[^"]+"[^>]*>([^<]+)</a>')


def names(response):
    return NAMES_RE.findall(response.content.decode())


def canonical(response):
    return html.unescape(re.search(r'<link rel="canonical" href="([^"]+)">', response.content.decode()).group(1))


def pager(response):
    match = re.search(r'<nav class="memorials-pager" aria-label="翻页">(.*?)</nav>', response.content.decode(), re.S)
    return match.group(1) if match else None


def letter_bar(response):
    return re.search(r'<nav class="memorials-letters".*?</nav>', response.content.decode(), re.S).group(0)


# -- the surname's letter ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, letter",
    [
        ("黄继光", "H"),
        ("黃繼光", "H"),  # traditional characters
        ("单雄信", "S"),  # a surname read apart from its character's commonest reading (dan)
        ("曾志", "Z"),
        ("尉迟恭", "Y"),  # compound surnames: 尉迟 yuchi, not 尉 wei
        ("长孙无忌", "Z"),
        ("欧阳海", "O"),
        ("Norman Bethune", "N"),
        ("ｂｅｔｈｕｎｅ", "B"),  # full-width Latin letters
        ("（无名）", ""),
        ("", ""),
    ],
)
def test_a_name_is_filed_under_its_surnames_pinyin_letter(name, letter):
    from memorials.surnames import surname_initial

    assert surname_initial(name) == letter


def test_saving_a_record_files_it_under_its_letter_and_renaming_moves_it(make_record):
    record = make_record(name="黄继光")
    assert record.surname_initial == "H"
    record.name = "邱少云"
    record.save()
    record.refresh_from_db()
    assert record.surname_initial == "Q"


def test_imported_records_are_filed_under_their_letter_and_a_reimport_moves_them(write_file):
    from memorials.importing import import_martyrs
    from memorials.models import MartyrRecord

    header = ["编号", "姓名", "籍贯"]
    import_martyrs(write_file("a.csv", csv_bytes([header, ["L-1", "单雄信", "山东"], ["L-2", "欧阳海", "湖南"]])))
    assert dict(MartyrRecord.objects.values_list("external_id", "surname_initial")) == {"L-1": "S", "L-2": "O"}
    import_martyrs(write_file("b.csv", csv_bytes([header, ["L-1", "杨根思", "江苏"]])))
    assert MartyrRecord.objects.get(external_id="L-1").surname_initial == "Y"


def test_the_migration_files_the_records_that_exist_in_batches(make_record, monkeypatch):
    from django.apps import apps

    from memorials.models import MartyrRecord

    fill = importlib.import_module("memorials.migrations.0010_fill_surname_initials")
    for name in ("黄继光", "邱少云", "杨根思", "（无名）", "欧阳海"):
        make_record(name=name)
    MartyrRecord.objects.update(surname_initial="")
    monkeypatch.setattr(fill, "BATCH", 2)
    fill.fill_initials(apps, SimpleNamespace(connection=connection, quote_name=connection.ops.quote_name))
    assert list(MartyrRecord.objects.order_by("id").values_list("surname_initial", flat=True)) == [
        "H",
        "Q",
        "Y",
        "",
        "O",
    ]


# -- browsing A–Z and by province -------------------------------------------------------------


def test_visitor_browses_by_letter_and_the_letter_bar_shows_where_names_are(client, archive, make_record):
    make_record(name="黄继光", native_place="四川中江")
    make_record(name="胡某", native_place="河北怀来")
    make_record(name="邱少云", native_place="重庆铜梁")
    assert names(client.get(archive.url, {"initial": "H"})) == ["黄继光", "胡某"]
    assert names(client.get(archive.url, {"initial": "h"})) == ["黄继光", "胡某"]  # either case
    response = client.get(archive.url, {"initial": "Q", "province": "重庆市"})
    assert names(response) == ["邱少云"]  # together with the other filters
    bar = letter_bar(response)
    assert '<span class="memorials-letters__current" aria-current="page">Q</span>' in bar
    # Another letter keeps the other filters and starts again at the first page.
    assert 'href="?initial=H&amp;province=%E9%87%8D%E5%BA%86%E5%B8%82">H</a>' in bar
    # A letter without names is no link.
    assert re.search(
        r'<span class="memorials-letters__empty">A<span class="visually-hidden">（暂无）</span></span>', bar
    )
    assert ">A</a>" not in bar and ">I</a>" not in bar
    assert 'href="?province=%E9%87%8D%E5%BA%86%E5%B8%82">全部</a>' in bar


def test_a_letter_that_is_not_one_is_explained_in_chinese(client, archive, make_record):
    make_record(name="黄继光")
    response = client.get(archive.url, {"initial": "黄"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "以下筛选条件无效" in body and "姓氏拼音首字母：" in body
    assert names(response) == ["黄继光"]


def test_visitor_browses_by_province_with_the_number_of_martyrs_of_each(client, archive, make_record):
    for name in ("甲", "乙", "丙"):
        make_record(name=name, native_place="四川中江")
    make_record(name="丁", native_place="河北怀来")
    body = client.get(archive.url).content.decode()
    provinces = re.search(r'<details class="memorials-provinces">(.*?)</details>', body, re.S).group(1)
    assert re.findall(
        r'<span lang="zh-hans">([^<]+)</span> <span class="memorials-provinces__count">(\d+) 位', provinces
    ) == [
        ("河北省", "1"),
        ("四川省", "3"),
    ]  # in the gazetteer's order, only the provinces that have records
    assert "共 4 位" in body
    response = client.get(archive.url, {"province": "四川省"})
    assert names(response) == ["甲", "乙", "丙"]
    body = response.content.decode()
    assert '（当前：<span lang="zh-hans">四川省</span>）</span></summary>' in body  # named on the fold
    assert 'aria-current="page"><span lang="zh-hans">四川省</span>' in body
    assert "共 3 位" in body


def test_the_counts_are_cached_not_counted_for_every_visitor(client, archive, make_record):
    from memorials import browsing

    make_record(name="黄继光", native_place="四川中江")
    client.get(archive.url)
    make_record(name="邱少云", native_place="重庆铜梁")
    with CaptureQueriesContext(connection) as queries:
        body = client.get(archive.url).content.decode()
    assert not [q for q in queries.captured_queries if "GROUP BY" in q["sql"].upper()]
    assert ">Q</a>" not in body and "共 1 位" in body  # until the counts are renewed
    browsing.forget_counts()
    body = client.get(archive.url).content.decode()
    assert ">Q</a>" in body and "共 2 位" in body


def test_stale_counts_are_renewed_by_one_request_while_others_are_shown_the_old_ones(make_record, monkeypatch):
    from django.core.cache import cache

    from memorials import browsing

    make_record(name="黄继光")
    first = browsing.browse_counts()
    make_record(name="邱少云")
    monkeypatch.setattr(browsing.time, "time", lambda: first.counted_at + browsing.FRESH_SECONDS + 1)
    cache.add(browsing.COUNTING_KEY, 1)  # another request is counting
    assert browsing.browse_counts().total == 1
    cache.delete(browsing.COUNTING_KEY)
    assert browsing.browse_counts().total == 2


@pytest.fixture
def queued(settings):
    """A task backend that only records what is queued, as a queue does before its worker runs."""
    from django_tasks import default_task_backend

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()
    yield default_task_backend
    default_task_backend.clear()


def test_with_a_task_worker_no_visitor_waits_for_the_counts(client, archive, make_record, queued):
    from memorials import browsing

    make_record(name="黄继光", native_place="四川中江")
    make_record(name="邱少云", native_place="重庆铜梁")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(archive.url)
        client.get(archive.url)
    assert not [q for q in queries.captured_queries if "GROUP BY" in q["sql"].upper()]
    [recount] = [result for result in queued.results if result.task.func is browsing.recount.func]  # queued once
    # Until the worker has counted: every letter leads somewhere, the provinces have no counts.
    bar = letter_bar(response)
    assert ">A</a>" in bar and ">H</a>" in bar and "memorials-letters__empty" not in bar
    body = response.content.decode()
    assert "memorials-provinces__count" not in body and ">山东省</span>" in body
    assert names(response) == ["黄继光", "邱少云"] and "共 2 位" in body  # counted, capped
    browsing.recount.call()  # the worker
    body = client.get(archive.url).content.decode()
    assert ">H</a>" in body and ">A</a>" not in body and ">山东省</span>" not in body
    assert '<span class="memorials-provinces__count">1 位' in body


def test_a_record_staff_change_is_counted_a_minute_later_not_at_every_save(make_record, monkeypatch):
    from memorials import browsing

    now = [1_000_000.0]
    monkeypatch.setattr(browsing.time, "time", lambda: now[0])
    make_record(name="黄继光")
    assert browsing.browse_counts().total == 1
    record = make_record(name="邱少云")
    record.save()
    now[0] += browsing.RENEW_AFTER_CHANGE_SECONDS - 1
    assert browsing.browse_counts().total == 1
    now[0] += 2
    assert browsing.browse_counts().total == 2


# -- first, previous, next, last --------------------------------------------------------------


def test_visitor_pages_first_previous_next_and_last_with_the_page_marked(client, archive, make_record):
    for i in range(25):
        make_record(name=f"烈士{i:02d}")
    first = client.get(archive.url)
    nav = pager(first)
    assert '<span class="memorials-pager__current" aria-current="page">首页</span>' in nav
    assert '<span class="memorials-pager__off">上一页</span>' in nav  # plain text, not a dead link
    assert re.search(r'<a rel="next" href="\?after=\d+">下一页</a>', nav)
    assert '<a href="?last=1">末页</a>' in nav

    last = client.get(archive.url, {"last": "1"})
    assert names(last) == [f"烈士{i:02d}" for i in range(15, 25)]
    nav = pager(last)
    assert '<span class="memorials-pager__current" aria-current="page">末页</span>' in nav
    assert '<span class="memorials-pager__off">下一页</span>' in nav
    assert '<a href="?">首页</a>' in nav
    before = re.search(r'rel="prev" href="\?before=(\d+)"', nav).group(1)
    assert names(client.get(archive.url, {"before": before})) == [f"烈士{i:02d}" for i in range(5, 15)]

    # Paging forward to the end marks the last page too.
    second = client.get(archive.url, {"after": re.search(r"after=(\d+)", pager(first)).group(1)})
    third = client.get(archive.url, {"after": re.search(r"after=(\d+)", pager(second)).group(1)})
    assert names(third) == [f"烈士{i:02d}" for i in range(20, 25)]
    assert 'aria-current="page">末页</span>' in pager(third)


def test_a_list_of_one_page_has_no_pager_and_one_heading_names_the_archive(client, archive, make_record):
    make_record(name="黄继光")
    response = client.get(archive.url)
    body = response.content.decode()
    assert pager(response) is None
    assert body.count("<h1") == 1
    assert "英名录" not in re.search(r'<h2 id="memorials-results-title".*?</h2>', body, re.S).group(0)


def test_the_pager_and_the_last_page_keep_the_letter(client, archive, make_record):
    for i in range(12):
        make_record(name=f"王{i:02d}")
        make_record(name=f"李{i:02d}")
    first = client.get(archive.url, {"initial": "W"})
    assert '<a href="?initial=W&amp;last=1">末页</a>' in pager(first)
    assert names(client.get(archive.url, {"initial": "W", "last": "1"})) == [f"王{i:02d}" for i in range(2, 12)]


def test_each_list_page_has_one_absolute_canonical_address(client, archive, make_record, settings):
    for i in range(25):
        make_record(name=f"王{i:02d}", native_place="四川中江")
    base = archive.get_full_url()
    assert base.startswith("http")
    assert canonical(client.get(archive.url)) == base
    # Filters in one order, in their cleaned form, invalid ones left out.
    response = client.get(archive.url, {"province": "四川省", "decade": "abc", "initial": "w"})
    assert canonical(response) == f"{base}?initial=W&province=%E5%9B%9B%E5%B7%9D%E7%9C%81"
    # A page reached backwards or from the end has the address paging forward gives it.
    second_after = re.search(r"after=(\d+)", pager(client.get(archive.url))).group(1)
    second = client.get(archive.url, {"after": second_after})
    assert canonical(second) == f"{base}?after={second_after}"
    third = client.get(archive.url, {"after": re.search(r"after=(\d+)", pager(second)).group(1)})
    back = client.get(archive.url, {"before": re.search(r"before=(\d+)", pager(third)).group(1)})
    assert names(back) == names(second) and canonical(back) == canonical(second)
    last = client.get(archive.url, {"last": "1"})
    forward = client.get(archive.url, {"after": canonical(last).rsplit("after=", 1)[1]})
    assert names(forward) == names(last)


# -- query plans ------------------------------------------------------------------------------


@pytest.fixture
def many_records(db):
    """Enough records across letters and provinces for the planners to choose as they do at two
    million (statistics gathered): twenty common surnames and a rare one (欧, O)."""
    from memorials.models import MartyrRecord

    surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
    places = ["四川中江", "河北怀来", "山东莒县", "江苏沛县", "湖南湘潭", "辽宁海城", "重庆铜梁", "广东梅县"]
    records = []
    for i in range(6000):
        surname = "欧" if i % 300 == 7 else surnames[i % len(surnames)]
        record = MartyrRecord(
            external_id=f"P{i:05d}",
            name=f"{surname}某{i}",
            native_place=places[i % len(places)],
            death_date=datetime.date(1930 + i % 30, 1, 1),
            live=i % 10 != 0,
        )
        record.fill_derived_fields()
        records.append(record)
    MartyrRecord.objects.bulk_create(records, batch_size=500)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return MartyrRecord.objects.order_by("-id").values_list("id", flat=True).first()


def plan_of(queryset):
    return queryset.explain()


def reads_index_in_order(plan, index, *, or_primary_key=False):
    """Whether the plan reads a range of ``index`` in the list's order: no sort, no full scan.

    PostgreSQL weighs the browse index against the primary key read in order with the filter
    applied to each row: for a value as common as a frequent surname's letter (one row in
    twenty) it may take the latter, which stops as soon as the page is full; the rare values,
    where that would read far, take the browse index (``or_primary_key`` allows the first)."""
    if connection.vendor == "sqlite":
        # SEARCH: a range of the index is read (SCAN would read all of it); no B-tree to sort in.
        return f"SEARCH memorials_martyrrecord USING INDEX {index} " in plan and "TEMP B-TREE" not in plan
    indexes = (index, "memorials_martyrrecord_pkey") if or_primary_key else (index,)
    return (
        re.search(rf"Index Scan (Backward )?using ({'|'.join(indexes)}) on memorials_martyrrecord", plan) is not None
        and "Sort" not in plan
        and "Seq Scan" not in plan
    )


def browse_lists(top):
    from memorials.models import MartyrRecord

    published = MartyrRecord.objects.published()
    common, rare = published.filter(surname_initial="H"), published.filter(surname_initial="O")
    province = published.filter(native_province="四川省")
    deep = top - 500
    initial, prov, every = "memorials_live_initial_id", "memorials_live_prov_id", "memorials_live_id"
    return {
        "rare letter: first page": (rare.order_by("id")[:31], initial, False),
        "rare letter: deep page": (rare.filter(id__gt=deep).order_by("id")[:31], initial, False),
        "rare letter: previous page": (rare.filter(id__lt=deep).order_by("-id")[:31], initial, False),
        "rare letter: last page": (rare.order_by("-id")[:31], initial, False),
        "common letter: first page": (common.order_by("id")[:31], initial, True),
        "common letter: deep page": (common.filter(id__gt=deep).order_by("id")[:31], initial, True),
        "common letter: previous page": (common.filter(id__lt=deep).order_by("-id")[:31], initial, True),
        "common letter: last page": (common.order_by("-id")[:31], initial, True),
        "province: deep page": (province.filter(id__gt=deep).order_by("id")[:31], prov, True),
        "province: last page": (province.order_by("-id")[:31], prov, True),
        "everything: deep page": (published.filter(id__gt=deep).order_by("id")[:31], every, True),
        "everything: last page": (published.order_by("-id")[:31], every, True),
        "letter within a province": (common.filter(native_province="四川省").order_by("id")[:31], initial, True),
    }


BROWSE_LISTS = [
    "rare letter: first page",
    "rare letter: deep page",
    "rare letter: previous page",
    "rare letter: last page",
    "common letter: first page",
    "common letter: deep page",
    "common letter: previous page",
    "common letter: last page",
    "province: deep page",
    "province: last page",
    "everything: deep page",
    "everything: last page",
]


@pytest.mark.parametrize("label", BROWSE_LISTS)
def test_every_browse_page_is_an_index_range_scan_without_sorting(many_records, label):
    queryset, index, or_primary_key = browse_lists(many_records)[label]
    plan = plan_of(queryset)
    assert reads_index_in_order(plan, index, or_primary_key=or_primary_key), plan


def test_a_letter_within_a_province_reads_one_index_in_order(many_records):
    queryset, _index, _pk = browse_lists(many_records)["letter within a province"]
    plan = plan_of(queryset)
    assert any(
        reads_index_in_order(plan, index, or_primary_key=True)
        for index in ("memorials_live_initial_id", "memorials_live_prov_id")
    ), plan


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's plan of the grouped counts")
def test_the_cached_counts_read_only_the_index_on_sqlite(many_records):
    from django.db.models import Count

    from memorials.models import MartyrRecord

    published = MartyrRecord.objects.published().order_by()
    for field, index in (
        ("surname_initial", "memorials_live_initial_id"),
        ("native_province", "memorials_live_prov_id"),
    ):
        plan = plan_of(published.values_list(field).annotate(n=Count("pk")))
        assert f"USING COVERING INDEX {index} " in plan and "TEMP B-TREE" not in plan, plan
