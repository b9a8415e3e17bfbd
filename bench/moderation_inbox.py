"""Benchmark of the moderation inbox (待办) with 100,000 pending items of one kind.

    nice -n 10 python bench/moderation_inbox.py                    # 100,000 pending messages
    nice -n 10 python bench/moderation_inbox.py --items 300000 --repeat 100
    nice -n 10 env DATABASE_URL=postgres://postgres@127.0.0.1:5432/moderation_bench python bench/moderation_inbox.py

Fills a throwaway database (``/tmp/moderation_bench.sqlite3`` unless DATABASE_URL is set; rows
already there are kept) with pending messages of the test suite's sample plugin (2 % of them
flagged by screening), then prints the server time (p50/p95, through Django's test ``Client``,
logged in as a moderator) of the inbox landing, a kind's list (page 1, a page 50,000 items
deep, flagged only), the dashboard with its panel, and the panel alone, each also as a ratio
to a bare Django view on the same server. Counts are cached for
``MODERATION_COUNTS_CACHE_SECONDS``; the "cold" rows empty the cache before every request.
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SITE_PLUGINS", "")  # the test settings add the sample plugin
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/moderation_bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "siteshell.settings.test")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import Client, RequestFactory  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import clear_url_caches, path, reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from siteshell import urls as site_urls  # noqa: E402


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def reference_view(request):
    return HttpResponse("ok")


def fill(total):
    from tests.sampleplugin.models import GuestbookMessage

    existing = GuestbookMessage.objects.count()
    if existing >= total:
        return
    start = time.perf_counter()
    base = timezone.now() - datetime.timedelta(days=60)
    batch = []
    for number in range(existing, total):
        flagged = number % 50 == 0
        batch.append(
            GuestbookMessage(
                name=f"访客{number}",
                text=f"缅怀先烈，致敬英雄。第{number}条留言" + ("，加我测试广告词" if flagged else ""),
                submitted_at=base + datetime.timedelta(seconds=number * 30),
                screening_matches=[{"word": "测试广告词", "category": "spam"}] if flagged else [],
                screening_flagged=flagged,
            )
        )
        if len(batch) == 5000:
            GuestbookMessage.objects.bulk_create(batch)
            batch = []
    GuestbookMessage.objects.bulk_create(batch)
    print(f"created {total - existing} pending messages in {time.perf_counter() - start:.1f} s")


def moderator():
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(username="bench-moderator").first()
    if user is None:
        user = get_user_model().objects.create_superuser("bench-moderator", "bench@example.gov.cn", "x")
    return user


def measure(client, url, repeat, cold=False):
    client.get(url)  # warm
    timings, queries = [], 0
    for _ in range(repeat):
        if cold:
            cache.clear()
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        queries = len(captured)
        assert response.status_code == 200, (url, response.status_code)
    return timings, queries


def measure_panel(user, repeat):
    from siteshell.moderation.panels import InboxPanel

    request = RequestFactory().get("/admin/")
    request.user = user
    timings = []
    for _ in range(repeat + 1):
        start = time.perf_counter()
        InboxPanel().render_html({"request": request, "csrf_token": ""})
        timings.append((time.perf_counter() - start) * 1000)
    return timings[1:]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    site_urls.urlpatterns.insert(0, path("bench-reference/", reference_view))
    clear_url_caches()
    fill(args.items)

    from tests.sampleplugin.models import GuestbookMessage

    user = moderator()
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    kind_url = reverse("moderation_admin:kind", args=["sampleplugin.guestbookmessage"])
    middle = GuestbookMessage.objects.pending().order_by("submitted_at", "pk")[args.items // 2]
    deep = f"{kind_url}?after={middle.submitted_at.isoformat()}~{middle.pk}".replace("+", "%2B")
    urls = [
        ("reference (bare view)", "/bench-reference/", False),
        ("Wagtail's own user list (reference)", reverse("wagtailusers_users:index"), False),
        ("inbox landing", reverse("moderation_admin:inbox"), False),
        ("inbox landing, cold counts", reverse("moderation_admin:inbox"), True),
        ("kind list, page 1", kind_url, False),
        ("kind list, page 1, cold counts", kind_url, True),
        (f"kind list, {args.items // 2:,} deep", deep, False),
        ("kind list, newest first", f"{kind_url}?order=newest", False),
        ("kind list, flagged only", f"{kind_url}?flagged=on", False),
        ("review page", reverse("moderation_admin:review", args=["sampleplugin.guestbookmessage", middle.pk]), False),
        ("dashboard (all panels)", reverse("wagtailadmin_home"), False),
    ]
    pending = GuestbookMessage.objects.pending().count()
    print(f"{connection.vendor}, {pending:,} pending messages, {args.repeat} requests each")
    print(f"{'request':34} {'p50 ms':>8} {'p95 ms':>8} {'p95 ×ref':>9} {'queries':>8}")
    reference_p95 = None
    for label, url, cold in urls:
        timings, queries = measure(client, url, args.repeat, cold)
        p95 = percentile(timings, 95)
        reference_p95 = reference_p95 or p95
        print(f"{label:34} {statistics.median(timings):8.1f} {p95:8.1f} {p95 / reference_p95:9.1f} {queries:8d}")
    timings = measure_panel(user, args.repeat)
    p95 = percentile(timings, 95)
    print(f"{'dashboard panel alone':34} {statistics.median(timings):8.1f} {p95:8.1f} {p95 / reference_p95:9.1f}")


if __name__ == "__main__":
    main()
