"""Search speed: indexing throughput and query latency with martyr-like records.

    nice -n 10 python bench/search_speed.py --rows 200000
    nice -n 10 python bench/search_speed.py --rows 2000000          # the national scale (slow)
    nice -n 10 env DATABASE_URL=postgres://postgres@127.0.0.1:5432/search_speed \\
        python bench/search_speed.py --rows 200000                    # PostgreSQL (database must exist)

Generates records shaped like the martyr archive (name, 籍贯, unit, battle, place of death,
a short biography) in a benchmark-only table, indexes them through this project's embedded
Chinese backend (batched, as ``rebuild_search`` does), then times Wagtail searches against
them: the first page of ten results ranked by relevance, and the same with the total count
that the public page shows. Terms are "common" (matching a large share of the records),
"rare" (a handful of records) and pinyin names. SQLite uses ``/tmp/search_speed_<rows>.sqlite3``,
which is rebuilt unless ``--keep`` is given and it already holds the records.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
parser.add_argument("--rows", type=int, default=200_000)
parser.add_argument("--batch-size", type=int, default=2000)
parser.add_argument("--repeat", type=int, default=20, help="timed runs of every query")
parser.add_argument("--keep", action="store_true", help="reuse an existing database with the records")
ARGS = parser.parse_args()

os.environ.setdefault("DATABASE_URL", f"sqlite:////tmp/search_speed_{ARGS.rows}.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "siteshell.settings.test")
os.environ.setdefault("LOG_LEVEL", "WARNING")
if os.environ["DATABASE_URL"].startswith("sqlite") and not ARGS.keep:
    Path(os.environ["DATABASE_URL"].removeprefix("sqlite:///")).unlink(missing_ok=True)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, models, transaction  # noqa: E402
from modelsearch.index import AutocompleteField, FilterField, Indexed, SearchField  # noqa: E402
from tqdm import tqdm  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402

from modelsearch.abstract_models import TextIDGenericRelation  # noqa: E402
from wagtail.search.models import IndexEntry  # noqa: E402

from search import analysis  # noqa: E402

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "德富贵明国华建军兴志文玉福长春海山林成生永秀英兰桂荣贤忠良义宝金田光辉有才占元振庆祥瑞云飞鹏宏伟强勇刚毅"
PROVINCES = ["河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "四川", "贵州", "云南", "陕西", "甘肃"]
COUNTIES = ["东城", "西乡", "南岗", "北镇", "清河", "长宁", "平安", "永和", "新华", "红旗"]
BATTLES = ["台儿庄战役", "百团大战", "平型关战斗", "孟良崮战役", "淮海战役", "辽沈战役", "平津战役", "渡江战役", "上甘岭战役", "长津湖战役", "金城战役", "抗洪抢险", "边境作战"]
UNITS = ["八路军一二九师", "新四军第三支队", "华东野战军", "东北野战军", "中国人民志愿军第十五军", "中国人民志愿军第二十军", "某部工兵连", "某部侦察连"]
DEEDS = ["在战斗中英勇牺牲", "为掩护战友壮烈牺牲", "身负重伤仍坚持战斗", "带领全班打退敌人多次进攻", "在抢修工事时牺牲", "在执行侦察任务时牺牲"]
PERIODS = ["抗日战争", "解放战争", "抗美援朝", "社会主义建设"]
RARE = [("黄继光", "四川中江", "上甘岭战役"), ("邱少云", "重庆铜梁", "金城战役"), ("杨根思", "江苏泰兴", "长津湖战役")]


class SpeedMartyr(Indexed, models.Model):
    """Benchmark-only martyr-like record (table created by this script, never migrated)."""

    name = models.CharField(max_length=50)
    native_place = models.CharField(max_length=100)
    unit = models.CharField(max_length=100)
    battle = models.CharField(max_length=100)
    death_place = models.CharField(max_length=100)
    biography = models.TextField()
    region = models.CharField(max_length=20, db_index=True)
    period = models.CharField(max_length=20, db_index=True)
    live = models.BooleanField(default=True)

    search_fields = [
        SearchField("name", boost=10),
        AutocompleteField("name"),
        SearchField("native_place"),
        SearchField("unit"),
        SearchField("battle"),
        SearchField("death_place"),
        SearchField("biography"),
        FilterField("live"),
    ]

    class Meta:
        app_label = "search"
        managed = False


# Wagtail adds this relation to indexed models when the app registry starts; this model comes
# later. The PostgreSQL backend searches through it.
TextIDGenericRelation(IndexEntry).contribute_to_class(SpeedMartyr, "index_entries")


def generated(count, rng):
    for number in range(count):
        if number % 30_000 == 7:
            name, place, battle = RARE[(number // 30_000) % len(RARE)]
        else:
            name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
            province = rng.choice(PROVINCES)
            place = f"{province}{rng.choice(COUNTIES)}县"
            battle = rng.choice(BATTLES)
        unit = rng.choice(UNITS)
        yield SpeedMartyr(
            name=name,
            native_place=place,
            unit=unit,
            battle=battle,
            death_place=f"{rng.choice(PROVINCES)}{rng.choice(COUNTIES)}",
            biography=f"{name}，{place}人，{unit}战士，{rng.randint(1930, 1980)}年在{battle}中{rng.choice(DEEDS)}，年仅{rng.randint(17, 35)}岁。",
            region=place[:2],
            period=rng.choice(PERIODS),
            live=rng.random() > 0.02,
        )


def create(rows):
    call_command("migrate", verbosity=0)
    with connection.schema_editor() as editor:
        editor.create_model(SpeedMartyr)
    rng = random.Random(1949)
    batch = []
    with tqdm(total=rows, desc="insert records", unit="rec") as bar:
        for record in generated(rows, rng):
            batch.append(record)
            if len(batch) == 20_000:
                SpeedMartyr.objects.bulk_create(batch)
                bar.update(len(batch))
                batch = []
        if batch:
            SpeedMartyr.objects.bulk_create(batch)
            bar.update(len(batch))


def build_index(backend, batch_size):
    index = backend.get_index_for_model(SpeedMartyr)
    index.defer_title_norms = True
    total = SpeedMartyr.objects.count()
    started = time.perf_counter()
    last_pk, done = 0, 0
    with tqdm(total=total, desc="index records", unit="rec") as bar:
        while True:
            batch = list(SpeedMartyr.objects.filter(pk__gt=last_pk).order_by("pk")[:batch_size])
            if not batch:
                break
            with transaction.atomic():
                index.add_items(SpeedMartyr, batch)
            last_pk = batch[-1].pk
            done += len(batch)
            bar.update(len(batch))
    index._refresh_title_norms(full=True)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO wagtailsearch_indexentry_fts(wagtailsearch_indexentry_fts) VALUES('optimize')")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE wagtailsearch_indexentry")
    return done / (time.perf_counter() - started)


QUERIES = {
    "common": ["战士", "淮海战役", "四川", "志愿军", "牺牲 战斗"],
    "rare": ["黄继光", "杨根思", "上甘岭 黄继光", "邱少云 金城战役"],
    "pinyin": ["huangjiguang", "hjg", "qiushaoyun"],
}


def timed(function, repeat):
    function()  # warm caches
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def percentile(samples, share):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main():
    backend = get_search_backend("search.backends.embedded")
    if ARGS.keep and connection.vendor == "sqlite" and "search_speedmartyr" in connection.introspection.table_names():
        rate = None
        print(f"reusing {SpeedMartyr.objects.count()} records and their index")
    else:
        if "search_speedmartyr" in connection.introspection.table_names():
            with connection.schema_editor() as editor:
                editor.delete_model(SpeedMartyr)
        create(ARGS.rows)
        analysis.get_tokenizer()
        rate = build_index(backend, ARGS.batch_size)
    queryset = SpeedMartyr.objects.filter(live=True)
    print(f"\n{connection.vendor}, {SpeedMartyr.objects.count():,} records")
    if rate:
        print(f"indexing throughput: {rate:,.0f} records/s")
    print("(matches are counted up to 10,001 on SQLite, as the public page does)")
    print(f"{'kind':<8}{'query':<20}{'matches':>10}{'top10 p50':>12}{'top10 p95':>12}{'+count p50':>12}{'+count p95':>12}")
    summary = {}
    for kind, queries in QUERIES.items():
        for query in queries:
            matches = backend.search(query, queryset).count()
            top = timed(lambda: list(backend.search(query, queryset)[:10]), ARGS.repeat)
            page = timed(lambda: (list(backend.search(query, queryset)[:10]), backend.search(query, queryset).count()), ARGS.repeat)
            summary.setdefault(kind, ([], []))[0].extend(top)
            summary[kind][1].extend(page)
            print(
                f"{kind:<8}{query:<20}{matches:>10,}{statistics.median(top):>10.1f}ms{percentile(top, 0.95):>10.1f}ms"
                f"{statistics.median(page):>10.1f}ms{percentile(page, 0.95):>10.1f}ms"
            )
    print("\nall queries of a kind together:")
    for kind, (top, page) in summary.items():
        print(
            f"{kind:<8} top10 p50 {statistics.median(top):.1f} ms, p95 {percentile(top, 0.95):.1f} ms; "
            f"with count p50 {statistics.median(page):.1f} ms, p95 {percentile(page, 0.95):.1f} ms"
        )


if __name__ == "__main__":
    main()
