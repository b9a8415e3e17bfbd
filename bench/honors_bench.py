"""Benchmark of the honour roll: index page (plain, filtered, deep page), profile page, API.

    nice -n 10 env SITE_PLUGINS=honors python bench/honors_bench.py               # 500 profiles
    nice -n 10 env SITE_PLUGINS=honors python bench/honors_bench.py --profiles 3000
    nice -n 10 env SITE_PLUGINS=honors DATABASE_URL=postgres://postgres@127.0.0.1:5432/honors_bench \\
        python bench/honors_bench.py

Fills a throwaway database (``/tmp/honors_bench.sqlite3`` unless DATABASE_URL is set; profiles
already there are kept) with generated profiles spread over rounds, titles, categories and
districts, then prints the median server time and the query count of each request, measured
through Django's test ``Client`` with warm caches. Profiles have no photo, so image encoding
(measured by bench/media_bench.py) does not blur the figures.
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

REGIONS = ["东城区", "西山区", "南湖区", "北塘县", "青河县", "石门县", "白沙区", "红旗区"]
CATEGORIES = ["veteran", "veteran", "veteran", "military_spouse", "volunteer_organisation"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "建国振华海波秀兰立军雪梅志刚丽娟国强晓燕卫东桂英文斌红霞德明小芳"


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "siteshell.settings.dev")
    os.environ.setdefault("SITE_PLUGINS", "honors")
    os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/honors_bench.sqlite3")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ["DEBUG"] = "0"
    import django

    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["*"]
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def fill(total):
    from django.utils import timezone
    from wagtail.models import Page, Site

    from honors.models import HonorIndexPage, HonourTitle, ProfileHonour, ProfilePage, SelectionRound
    from siteshell.models import HomePage

    home = HomePage.objects.first()
    if home is None:
        home = HomePage(title="首页", slug="bench-home")
        Page.get_first_root_node().add_child(instance=home)
        Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
        )
    index = HonorIndexPage.objects.child_of(home).first()
    if index is None:
        index = HonorIndexPage(title="最美退役军人风采", slug="zuimei")
        home.add_child(instance=index)
    titles = [
        HonourTitle.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in (
            ("zuimei-tuiyi-junren", "最美退役军人"),
            ("zuimei-junsao", "最美军嫂"),
            ("zuimei-zhiyuanzhe", "最美退役军人志愿者"),
        )
    ]
    rounds = []
    for year in range(2016, 2026):
        selection, created = SelectionRound.objects.get_or_create(
            year=year, edition=f"第{year - 2015}届", level="municipal"
        )
        if created:
            selection.titles.set(titles)
        rounds.append(selection)
    existing = ProfilePage.objects.child_of(index).count()
    start = time.perf_counter()
    for number in range(existing, total):
        name = SURNAMES[number % len(SURNAMES)] + GIVEN[(number * 2) % len(GIVEN) :][:2] + str(number)
        profile = ProfilePage(
            title=name,
            slug=f"p{number}",
            category=CATEGORIES[number % len(CATEGORIES)],
            region=REGIONS[number % len(REGIONS)],
            summary=f"{name}退役后扎根基层，热心志愿服务。",
            first_published_at=timezone.now(),
        )
        profile.honours.add(ProfileHonour(round=rounds[number % len(rounds)], title=titles[number % len(titles)]))
        if number % 4 == 0:
            profile.honours.add(ProfileHonour(round=rounds[(number + 3) % len(rounds)], title=titles[0]))
        index.add_child(instance=profile)
    if total > existing:
        print(f"created {total - existing} profiles in {time.perf_counter() - start:.1f} s")
    return index


def measure(client, url, repeat):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm caches (site root paths, settings)
    runs = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            runs.append(time.perf_counter() - start)
    assert response.status_code == 200, (url, response.status_code)
    return statistics.median(runs) * 1000, len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    setup_django()
    from django.db import connection
    from django.test import Client

    from honors.models import ProfilePage

    index = fill(args.profiles)
    profile = ProfilePage.objects.child_of(index).order_by("pk").first()
    client = Client(HTTP_HOST="localhost")
    pages = ProfilePage.objects.child_of(index).count() // index.per_page
    urls = [
        ("index, page 1", index.url),
        ("index, year + category", f"{index.url}?year=2020&category=veteran"),
        ("index, title + region + sort", f"{index.url}?title=zuimei-junsao&region=南湖区&sort=earliest"),
        (f"index, page {pages}", f"{index.url}?page={pages}"),
        ("index, garbage filters", f"{index.url}?year=abc&round=x&region=火星"),
        ("profile page", profile.url),
        ("home page (风采展示 strip)", "/"),
        ("API list, page 1", "/api/honors/profiles"),
        ("API list, filtered", "/api/honors/profiles?year=2020&region=南湖区"),
        ("API detail", f"/api/honors/profiles/{profile.pk}"),
    ]
    print(f"{connection.vendor}, {ProfilePage.objects.live().count()} live profiles, median of {args.repeat}")
    print(f"{'request':34} {'ms':>8} {'queries':>8}")
    for label, url in urls:
        ms, queries = measure(client, url, args.repeat)
        print(f"{label:34} {ms:8.1f} {queries:8d}")


if __name__ == "__main__":
    main()
