"""Benchmark of the martyr archive at national scale (英名录, about 1.86 million records).

Fills a separate database with generated records (fast, raw ``executemany``), then prints:
the import rate of ``import_martyrs`` (with search indexing), and server-side timings of the
archive list, a deep page, filtered pages and detail pages through Django's test ``Client``.

    nice -n 10 env SITE_PLUGINS=memorials python bench/memorials_bench.py --rows 2000000
    # PostgreSQL (the database is reused between runs):
    nice -n 10 env SITE_PLUGINS=memorials DATABASE_URL=postgres://postgres@127.0.0.1:5432/memorials_bench \\
        python bench/memorials_bench.py --rows 2000000

By default the database is ``/tmp/memorials_bench.sqlite3``; rows already there are kept, so a
second run only measures.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SITE_PLUGINS", "memorials")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/memorials_bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "siteshell.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from memorials.models import MartyrArchivePage, MartyrRecord, MemorialFacility  # noqa: E402
from memorials.periods import war_period_for  # noqa: E402
from memorials.places import PROVINCE_NAMES  # noqa: E402

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
GIVEN = "德富贵明国华建军兴志文玉福长春海山林成生永秀英兰桂荣贤忠良义宝金田光辉有才占元"
BATTLES = ["台儿庄战役", "百团大战", "平型关战斗", "孟良崮战役", "淮海战役", "辽沈战役", "平津战役", "渡江战役",
           "济南战役", "长津湖战役", "上甘岭战役", "第五次战役", "金城战役", "剿匪作战", "边境防御作战"]


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def setup_site():
    call_command("migrate", verbosity=0)
    from wagtail.models import Page, Site

    from siteshell.models import HomePage

    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(title="首页", slug="bench-home")
        root.add_child(instance=home)
        home.save_revision().publish()
        site = Site.objects.get(is_default_site=True)
        site.root_page = home
        site.save()
    archive = MartyrArchivePage.objects.first()
    if archive is None:
        archive = MartyrArchivePage(title="英名录", slug="martyrs", per_page=30)
        home.add_child(instance=archive)
        archive.save_revision().publish()
    for i in range(20):
        MemorialFacility.objects.get_or_create(name=f"第{i + 1}烈士陵园", defaults={"province": PROVINCE_NAMES[i]})
    return archive


def generated_rows(start, count, facility_ids, rng):
    """Rows as tuples in the order of :data:`COLUMNS` below."""
    now = timezone.now()
    for n in range(start, start + count):
        year = rng.choice((rng.randint(1927, 1953), rng.randint(1937, 1949), rng.randint(1950, 1990)))
        precision = rng.choice(("year", "month", "day"))
        death = datetime.date(year, rng.randint(1, 12) if precision != "year" else 1,
                              rng.randint(1, 28) if precision == "day" else 1)
        province = PROVINCE_NAMES[rng.randrange(34)]
        battle = rng.choice(BATTLES)
        place = "朝鲜" if battle in ("长津湖战役", "上甘岭战役", "第五次战役", "金城战役") else ""
        yield (
            f"BENCH-{n:08d}", rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN), "male", "汉族",
            datetime.date(year - 20, 1, 1), "year", f"{province}某县", province, "", "某县", None, "",
            "某部", "战士", death, precision, death.year // 10 * 10, war_period_for(death, place, battle),
            place, battle, "", rng.choice(facility_ids) if rng.random() < 0.5 else None, "", "", "", "", "", "",
            True, False, now, now, now, now, False,
        )


COLUMNS = [
    "external_id", "name", "gender", "ethnicity", "birth_date", "birth_precision", "native_place",
    "native_province", "native_city", "native_county", "enlistment_date", "enlistment_precision", "unit",
    "position", "death_date", "death_precision", "death_decade", "war_period", "death_place", "battle",
    "burial_place", "facility_id", "grave_section", "grave_row", "grave_number", "certificate_number",
    "biography", "sources", "live", "has_unpublished_changes", "first_published_at", "last_published_at",
    "created_at", "updated_at", "expired",
]


def fill(target):
    have = MartyrRecord.objects.count()
    if have >= target:
        print(f"已有 {have:,} 条记录，跳过生成")
        return
    facility_ids = list(MemorialFacility.objects.values_list("id", flat=True))
    table = MartyrRecord._meta.db_table
    quoted = ", ".join(connection.ops.quote_name(c) for c in COLUMNS)
    placeholders = ", ".join(["%s"] * len(COLUMNS))
    sql = f"INSERT INTO {table} ({quoted}) VALUES ({placeholders})"
    rng = random.Random(have)
    initial = have
    started = time.perf_counter()
    # Loading is several times faster without the secondary indexes; they are built after.
    indexes = MartyrRecord._meta.indexes
    with connection.cursor() as cursor:
        for index in indexes:
            cursor.execute(f"DROP INDEX IF EXISTS {connection.ops.quote_name(index.name)}")
    batch = 50_000
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA synchronous=OFF")
    while have < target:
        count = min(batch, target - have)
        rows = generated_rows(have, count, facility_ids, rng)
        with transaction.atomic(), connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # COPY is an order of magnitude faster than INSERT on PostgreSQL.
                with cursor.cursor.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                cursor.executemany(sql, list(rows))
        have += count
        rate = (have - initial) / (time.perf_counter() - started)
        print(f"\r生成 {have:,}/{target:,}（{rate:,.0f} 行/秒）", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    index_started = time.perf_counter()
    with connection.schema_editor() as editor:
        for index in indexes:
            editor.add_index(MartyrRecord, index)
    print(f"建立 {len(indexes)} 个索引用时 {time.perf_counter() - index_started:.0f} 秒")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"生成 {target - initial:,} 条用时 {time.perf_counter() - started:.0f} 秒（含建索引）")


def measure_import(rows):
    from memorials.importer import MartyrImporter

    rng = random.Random(7)
    stamp = int(time.time())
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "import.csv"
        with open(path, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["编号", "姓名", "性别", "民族", "出生年月", "籍贯", "生前单位", "职务", "牺牲年月",
                             "牺牲地点", "战役", "安葬地", "墓位", "生平事迹"])
            for n in range(rows):
                year = rng.randint(1930, 1953)
                writer.writerow([f"IMP-{stamp}-{n}", rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN),
                                 "男", "汉族", f"{year - 20}年", f"{rng.choice(PROVINCE_NAMES)}某县", "某部", "战士",
                                 f"{year}.{rng.randint(1, 12)}", "朝鲜", rng.choice(BATTLES), "第1烈士陵园",
                                 f"A区{rng.randint(1, 30)}排{rng.randint(1, 50)}号", "在战斗中英勇牺牲。"])
        for index in (True, False):
            started = time.perf_counter()
            result = MartyrImporter(path, path.name, publish=True, index=index).run()
            elapsed = time.perf_counter() - started
            label = "含搜索索引" if index else "不含搜索索引（重新导入=按编号更新）"
            print(f"导入 {rows:,} 行 CSV，{label}：{rows / elapsed:,.0f} 行/秒"
                  f"（新增 {result.created:,}，更新 {result.updated:,}，错误 {len(result.errors)}）")


def time_requests(client, label, urls, repeat):
    """Whole request time in the server process, and the part of it spent in SQL."""
    from django.test.utils import CaptureQueriesContext

    timings, sql_timings = [], []
    for _ in range(repeat):
        for url in urls:
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - started) * 1000)
            sql_timings.append(sum(float(query["time"]) for query in queries.captured_queries) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"{url} → {response.status_code}")
    print(f"{label:<28} p50 {statistics.median(timings):6.1f} ms   p95 {percentile(timings, 95):6.1f} ms"
          f"   其中SQL p95 {percentile(sql_timings, 95):5.1f} ms   （{len(timings)} 次）")


def measure_pages(archive, repeat):
    client = Client()
    base = archive.url
    top = MartyrRecord.objects.order_by("-id").values_list("id", flat=True).first()
    rng = random.Random(3)
    deep = [f"{base}?after={top - rng.randint(100, 5000)}" for _ in range(10)]
    mid = [f"{base}?after={rng.randint(1, top)}" for _ in range(10)]
    prov = PROVINCE_NAMES[5]
    facility = MemorialFacility.objects.order_by("id").values_list("id", flat=True).first()
    ids = [rng.randint(1, top) for _ in range(50)]
    detail = [f"{base}{pk}/" for pk in MartyrRecord.objects.filter(id__in=ids, live=True).values_list("id", flat=True)]

    from django.core.cache import cache

    cache.clear()
    started = time.perf_counter()
    client.get(f"{base}?province={prov}&period=liberation")
    print(f"{'冷启动（计数未缓存）筛选页':<24} {(time.perf_counter() - started) * 1000:6.1f} ms")

    time_requests(client, "对照：/robots.txt（机器负载）", ["/robots.txt"], repeat)
    time_requests(client, "列表首页", [base], repeat)
    time_requests(client, "深页（接近末尾）", deep, max(1, repeat // 10))
    time_requests(client, "中间随机页", mid, max(1, repeat // 10))
    time_requests(client, "筛选：籍贯省份", [f"{base}?province={prov}"], repeat)
    time_requests(client, "筛选：省份 + 深页", [f"{base}?province={prov}&after={top - 50_000}"], repeat)
    time_requests(client, "筛选：历史时期", [f"{base}?period=korea"], repeat)
    time_requests(client, "筛选：年代 + 战役", [f"{base}?decade=1940&battle=淮海战役"], repeat)
    time_requests(client, "筛选：安葬地", [f"{base}?facility={facility}"], repeat)
    time_requests(client, "详情页", detail, max(1, repeat // 10))
    time_requests(client, "API 列表（省份筛选）", [f"/api/memorials/records?province={prov}"], repeat)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=2_000_000, help="记录总数（默认 200 万）")
    parser.add_argument("--import-rows", type=int, default=20_000, help="导入速度测试的行数")
    parser.add_argument("--repeat", type=int, default=100, help="每个页面请求次数")
    args = parser.parse_args()
    print(f"数据库：{connection.vendor} {connection.settings_dict['NAME']}")
    archive = setup_site()
    fill(args.rows)
    print(f"记录数：{MartyrRecord.objects.count():,}")
    measure_import(args.import_rows)
    measure_pages(archive, args.repeat)


if __name__ == "__main__":
    main()
