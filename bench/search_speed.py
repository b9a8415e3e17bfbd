"""Search speed over the martyr archive at national scale: query latency and indexing rate.

    nice -n 10 env SITE_PLUGINS=memorials python bench/memorials_bench.py --rows 2000000 --skip-import --repeat 1
    nice -n 10 env SITE_PLUGINS=memorials python bench/search_speed.py
    # PostgreSQL: the same two commands with DATABASE_URL=postgres://postgres@127.0.0.1:5432/memorials_bench

Uses the database that ``bench/memorials_bench.py`` fills (default ``/tmp/memorials_bench.sqlite3``):
generated martyr records (bench/martyr_data.py) imported and indexed by ``import_martyrs``, the
indexing rate being the import rate that benchmark prints. Here the public search is timed as a
visitor meets it: Wagtail's search over the published records through this project's embedded
Chinese backend, the first page of ten results ranked by relevance, then the same with the
total count the page shows (counted up to 1,001) from the same results, as the page asks;
"first p95" is that again with Django's cache emptied before each call (the match probe, shared
between visitors for five minutes, paid every time). Terms are common (a large share of the
records), rare (a handful), pinyin names, words never found together (relaxed to the rare one)
and names typed in pinyin syllables. Last, the whole ``/search/`` page: every content
type, counts, facets and snippets. ``--reindex N`` also times ``rebuild_search``'s batched path
on the first N records.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
parser.add_argument("--repeat", type=int, default=20, help="timed runs of every query")
parser.add_argument("--reindex", type=int, default=0, help="also time re-indexing this many records object by object")
ARGS = parser.parse_args()

os.environ.setdefault("SITE_PLUGINS", "memorials")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/memorials_bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "siteshell.settings.test")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402

from memorials.models import MartyrRecord  # noqa: E402
from search import analysis  # noqa: E402

QUERIES = {
    "common": ["战士", "淮海战役", "山东", "志愿军", "牺牲 战斗", "排长 渡江战役"],
    "rare": ["黄继光", "杨根思", "上甘岭 黄继光", "邱少云 金城战役", "左权 山西"],
    "pinyin": ["huangjiguang", "hjg", "qiushaoyun", "dongcunrui"],
    # Words never found together: the relaxed query (the rare name, never the common word alone).
    "relaxed": ["黄继光 长津湖战役", "左权 淮海战役", "杨根思 山东 排长"],
    # A name typed in syllables, read as one name.
    "spaced": ["huang ji guang", "Qiu Shaoyun"],
}


def timed(function, repeat, cold=False):
    """Milliseconds per call; ``cold`` empties Django's cache before each call (the shared
    match probe is then paid every time, as by the first visitor asking)."""
    from django.core.cache import cache

    function()  # warm caches
    samples = []
    for _ in range(repeat):
        if cold:
            cache.clear()
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def search_page(backend, query, queryset):
    """What the search page asks of one content type: the (capped) count, then the first ten."""
    results = backend.search(query, queryset)
    return results.count(), list(results[:10])


def percentile(samples, share):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def reindex(backend, count, batch_size=2000):
    """Re-index records through Wagtail's object path (what rebuild_search does)."""
    index = backend.get_index_for_model(MartyrRecord)
    index.defer_title_norms = True
    started, done, last = time.perf_counter(), 0, 0
    while done < count:
        batch = list(MartyrRecord.objects.filter(pk__gt=last, live=True).order_by("pk")[:batch_size])
        if not batch:
            break
        with transaction.atomic():
            index.add_items(MartyrRecord, batch)
        last, done = batch[-1].pk, done + len(batch)
    return done / (time.perf_counter() - started)


def main():
    backend = get_search_backend()
    total = MartyrRecord.objects.count()
    if not total:
        raise SystemExit("没有记录：先运行 bench/memorials_bench.py 填充数据库")
    analysis.get_tokenizer()
    queryset = MartyrRecord.objects.published()
    print(f"{connection.vendor}, {total:,} records")
    if ARGS.reindex:
        print(f"re-indexing through the object path: {reindex(backend, ARGS.reindex):,.0f} records/s")
    print(
        f"{'kind':<8}{'query':<20}{'matches':>10}{'top10 p50':>12}{'top10 p95':>12}{'+count p50':>12}{'+count p95':>12}"
        f"{'first p95':>12}"
    )
    summary = {}
    for kind, queries in QUERIES.items():
        for query in queries:
            matches = backend.search(query, queryset).count()
            top = timed(lambda query=query: list(backend.search(query, queryset)[:10]), ARGS.repeat)
            page = timed(lambda query=query: search_page(backend, query, queryset), ARGS.repeat)
            first = timed(lambda query=query: search_page(backend, query, queryset), ARGS.repeat, cold=True)
            summary.setdefault(kind, ([], [], []))[0].extend(top)
            summary[kind][1].extend(page)
            summary[kind][2].extend(first)
            print(
                f"{kind:<8}{query:<20}{matches:>10,}{statistics.median(top):>10.1f}ms{percentile(top, 0.95):>10.1f}ms"
                f"{statistics.median(page):>10.1f}ms{percentile(page, 0.95):>10.1f}ms{percentile(first, 0.95):>10.1f}ms"
            )
    print("\nall queries of a kind together:")
    for kind, (top, page, first) in summary.items():
        print(
            f"{kind:<8} top10 p50 {statistics.median(top):.1f} ms, p95 {percentile(top, 0.95):.1f} ms; "
            f"with count p50 {statistics.median(page):.1f} ms, p95 {percentile(page, 0.95):.1f} ms; "
            f"first asked (no cached probe) p95 {percentile(first, 0.95):.1f} ms"
        )

    # The whole public page: every content type, counts, facets, highlighted snippets.
    from urllib.parse import quote

    from django.test import Client

    client = Client()
    print("\n/search/ page (server time, all content types with facets):")
    for kind, queries in QUERIES.items():
        samples = []
        for query in queries:
            url = f"/search/?q={quote(query)}"
            samples.extend(timed(lambda url=url: client.get(url), max(1, ARGS.repeat // 4)))
        print(f"{kind:<8} p50 {statistics.median(samples):.1f} ms, p95 {percentile(samples, 0.95):.1f} ms")


if __name__ == "__main__":
    main()
