"""Benchmark of the martyr archive at national scale (英名录, about 1.86 million records).

Fills a separate database with generated records (bench/martyr_data.py) through the importer
itself, with search indexing, and prints its rate; then the rate of a province's list imported
into the full archive (new rows, then the same rows again as updates), and server-side timings
of the archive list, deep, previous and last pages, browsing A–Z and by province, filtered pages
and detail pages through Django's test ``Client``, and the cached letter and province counts
counted afresh. The filled database also serves ``bench/search_speed.py``.

    nice -n 10 env SITE_PLUGINS=memorials python bench/memorials_bench.py --rows 2000000
    # PostgreSQL (the database is reused between runs):
    nice -n 10 env SITE_PLUGINS=memorials DATABASE_URL=postgres://postgres@127.0.0.1:5432/memorials_bench \\
        python bench/memorials_bench.py --rows 2000000

By default the database is ``/tmp/memorials_bench.sqlite3``; rows already there are kept, so a
second run only measures.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("SITE_PLUGINS", "memorials")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/memorials_bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "siteshell.settings.test")

import django  # noqa: E402

django.setup()

import martyr_data  # noqa: E402  (bench/martyr_data.py)
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from memorials.models import MartyrArchivePage, MartyrRecord, MemorialFacility  # noqa: E402
from memorials.places import PROVINCE_NAMES  # noqa: E402


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


def fill(target, workers, index=True):
    """Import generated rows until the archive holds ``target`` records, through the importer
    itself (``import_martyrs --publish``: cleaning, search indexing unless ``index`` is false,
    batches) and report its rate."""
    from memorials.importing import MartyrImporter

    have = MartyrRecord.objects.count()
    if have >= target:
        print(f"已有 {have:,} 条记录，跳过导入")
        return
    facilities = list(MemorialFacility.objects.values_list("name", flat=True))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "national.csv"
        started = time.perf_counter()
        martyr_data.write_csv(path, target - have, seed=have, prefix=f"GEN{have}", facilities=facilities)
        print(f"生成 {target - have:,} 行 CSV 用时 {time.perf_counter() - started:.0f} 秒")
        for label, rows in (("导入", target - have),):
            cpu = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            result = MartyrImporter(path, path.name, publish=True, index=index, workers=workers).run()
            elapsed = time.perf_counter() - started
            after = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
            parent = after[0].ru_utime + after[0].ru_stime - cpu[0].ru_utime - cpu[0].ru_stime
            children = after[1].ru_utime + after[1].ru_stime - cpu[1].ru_utime - cpu[1].ru_stime
            print(
                f"{label} {rows:,} 行（{'含' if index else '不含'}搜索索引，发布）：{result.created / elapsed:,.0f} 行/秒，用时 {elapsed:.0f} 秒；"
                f"CPU：写库进程 {parent:.0f} 秒，清洗/分词进程 {children:.0f} 秒；错误 {len(result.errors)}"
            )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def measure_import(rows, workers):
    """Importing a province's list into the national archive: new records, then the same
    file again (every row an update by 编号)."""
    from memorials.importing import MartyrImporter

    facilities = list(MemorialFacility.objects.values_list("name", flat=True))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "province.csv"
        martyr_data.write_csv(path, rows, seed=int(time.time()), prefix=f"IMP{int(time.time())}", facilities=facilities)
        for label in ("新增（含搜索索引）", "重新导入=按编号更新（含搜索索引）"):
            started = time.perf_counter()
            result = MartyrImporter(path, path.name, publish=True, index=True, workers=workers).run()
            elapsed = time.perf_counter() - started
            print(
                f"导入 {rows:,} 行到 {MartyrRecord.objects.count():,} 条的档案，{label}：{rows / elapsed:,.0f} 行/秒"
                f"（新增 {result.created:,}，更新 {result.updated:,}，错误 {len(result.errors)}）"
            )


def time_requests(client, label, urls, repeat):
    """Whole request time in the server process, and the part of it spent in SQL (timed by an
    execute wrapper: the debug query log rounds each query to a millisecond)."""
    timings, sql_timings = [], []
    spent = [0.0]

    def timed_sql(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            spent[0] += time.perf_counter() - started

    for _ in range(repeat):
        for url in urls:
            spent[0] = 0.0
            with connection.execute_wrapper(timed_sql):
                started = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - started) * 1000)
            sql_timings.append(spent[0] * 1000)
            if response.status_code != 200:
                raise SystemExit(f"{url} → {response.status_code}")
    print(
        f"{label:<28} p50 {statistics.median(timings):6.1f} ms   p95 {percentile(timings, 95):6.1f} ms"
        f"   其中SQL p95 {percentile(sql_timings, 95):5.1f} ms   （{len(timings)} 次）"
    )


def letter_counts():
    """``{letter: records}`` of the published records (the A–Z bar's counts)."""
    from memorials.browsing import browse_counts

    return browse_counts().letters


def measure_counts(repeat):
    """The letter and province counts counted afresh (what one request in FRESH_SECONDS pays;
    every other request reads them from the cache)."""
    from memorials.browsing import count_now

    timings = []
    for _ in range(max(3, repeat // 20)):
        started = time.perf_counter()
        count_now()
        timings.append((time.perf_counter() - started) * 1000)
    print(
        f"{'字母与省份计数（重新计数）':<24} p50 {statistics.median(timings):6.1f} ms   "
        f"max {max(timings):6.1f} ms   （{len(timings)} 次；由后台任务计数，请求读缓存）"
    )


def walk(client, label, url, steps):
    """Follow 下一页 ``steps`` times from ``url``, as a visitor pages on; time each page."""
    urls, timings = [], []
    for _ in range(steps):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} → {response.status_code}")
        urls.append(url)
        found = re.search(r'rel="next" href="([^"]+)"', response.content.decode())
        if found is None:
            break
        url = url.split("?", 1)[0] + found.group(1).replace("&amp;", "&")
    print(f"{label:<28} p50 {statistics.median(timings):6.1f} ms   max {max(timings):6.1f} ms   （{len(timings)} 页）")


def measure_pages(archive, repeat):
    client = Client()
    base = archive.url
    top = MartyrRecord.objects.order_by("-id").values_list("id", flat=True).first()
    rng = random.Random(3)
    deep = [f"{base}?after={top - rng.randint(100, 5000)}" for _ in range(10)]
    mid = [f"{base}?after={rng.randint(1, top)}" for _ in range(10)]
    back = [f"{base}?before={rng.randint(top // 2, top)}" for _ in range(10)]
    prov = PROVINCE_NAMES[5]
    facility = MemorialFacility.objects.order_by("id").values_list("id", flat=True).first()
    ids = [rng.randint(1, top) for _ in range(50)]
    detail = [f"{base}{pk}/" for pk in MartyrRecord.objects.filter(id__in=ids, live=True).values_list("id", flat=True)]

    from django.core.cache import cache

    cache.clear()
    started = time.perf_counter()
    client.get(base)
    print(
        f"{'冷启动：列表首页（立即执行的任务后端：本请求计数）':<20} {(time.perf_counter() - started) * 1000:6.1f} ms"
    )
    started = time.perf_counter()
    client.get(f"{base}?province={prov}&period=liberation")
    print(f"{'冷启动（计数未缓存）筛选页':<24} {(time.perf_counter() - started) * 1000:6.1f} ms")
    counts = letter_counts()
    common = max(counts, key=counts.get)
    rare = min(counts, key=counts.get)
    empty = next((letter for letter in "IUVAEO" if letter not in counts), None)
    print(f"字母：最多 {common}（{counts[common]:,} 位），最少 {rare}（{counts[rare]:,} 位），无记录 {empty}")

    time_requests(client, "对照：/robots.txt（机器负载）", ["/robots.txt"], repeat)
    time_requests(client, "列表首页", [base], repeat)
    time_requests(client, "深页（接近末尾）", deep, max(1, repeat // 10))
    time_requests(client, "中间随机页", mid, max(1, repeat // 10))
    time_requests(client, "上一页（随机位置）", back, max(1, repeat // 10))
    time_requests(client, "末页", [f"{base}?last=1"], repeat)
    walk(client, "连续翻 20 页（从中间）", f"{base}?after={top // 2}", 20)
    time_requests(client, f"字母 {common}（最多）", [f"{base}?initial={common}"], repeat)
    time_requests(client, f"字母 {rare}（最少）", [f"{base}?initial={rare}"], repeat)
    if empty:
        time_requests(client, f"字母 {empty}（无记录）", [f"{base}?initial={empty}"], repeat)
    time_requests(client, f"字母 {common} + 深页", [f"{base}?initial={common}&after={top - 50_000}"], repeat)
    time_requests(client, f"字母 {common} + 上一页", [f"{base}?initial={common}&before={top // 2}"], repeat)
    time_requests(client, f"字母 {common} + 末页", [f"{base}?initial={common}&last=1"], repeat)
    time_requests(client, f"字母 {rare} + 末页", [f"{base}?initial={rare}&last=1"], repeat)
    walk(client, f"字母 {rare}：连续翻 20 页", f"{base}?initial={rare}", 20)
    time_requests(client, "筛选：籍贯省份", [f"{base}?province={prov}"], repeat)
    time_requests(client, "筛选：省份 + 深页", [f"{base}?province={prov}&after={top - 50_000}"], repeat)
    time_requests(client, "省份 + 末页", [f"{base}?province={prov}&last=1"], repeat)
    time_requests(client, f"省份 + 字母 {common}", [f"{base}?province={prov}&initial={common}"], repeat)
    time_requests(client, f"省份 + 字母 {rare}", [f"{base}?province={prov}&initial={rare}"], repeat)
    time_requests(client, "筛选：历史时期", [f"{base}?period=korea"], repeat)
    time_requests(client, "筛选：年代 + 战役", [f"{base}?decade=1940&battle=淮海战役"], repeat)
    time_requests(client, "筛选：安葬地", [f"{base}?facility={facility}"], repeat)
    time_requests(client, "详情页", detail, max(1, repeat // 10))
    time_requests(client, "API 列表（省份筛选）", [f"/api/memorials/records?province={prov}"], repeat)
    measure_counts(repeat)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=2_000_000, help="记录总数（默认 200 万）")
    parser.add_argument("--import-rows", type=int, default=20_000, help="导入速度测试的行数")
    parser.add_argument("--repeat", type=int, default=100, help="每个页面请求次数")
    parser.add_argument("--workers", type=int, default=None, help="导入的清洗/分词进程数（默认自动）")
    parser.add_argument("--skip-import", action="store_true", help="不测导入速度，只测页面")
    parser.add_argument(
        "--without-search-index", action="store_true", help="填充时不建搜索索引（只测英名录页面时更快）"
    )
    args = parser.parse_args()
    print(f"数据库：{connection.vendor} {connection.settings_dict['NAME']}")
    archive = setup_site()
    fill(args.rows, args.workers, index=not args.without_search_index)
    print(f"记录数：{MartyrRecord.objects.count():,}")
    if not args.skip_import:
        measure_import(args.import_rows, args.workers)
    measure_pages(archive, args.repeat)


if __name__ == "__main__":
    main()
