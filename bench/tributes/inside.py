"""What the tribute benchmark asks of the site itself, run in a process of its own with the
site's environment (production settings, the benchmark's database):

    python bench/tributes/inside.py halls                 # JSON: hall and record paths
    python bench/tributes/inside.py counted               # offerings counted today (site-wide)
    python bench/tributes/inside.py waiting               # entries still in the queue
    python bench/tributes/inside.py fill-messages N HALL  # N pending messages (10 % on HALL)
    python bench/tributes/inside.py pages HALL REPEAT     # server time of the inbox and the hall
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from django.utils import timezone  # noqa: E402


def halls():
    from memorials.interface import published_records, record_url

    records = list(published_records().order_by("id")[:400])
    print(
        json.dumps(
            {
                "halls": [f"/tributes/{record.pk}/" for record in records],
                "ids": [record.pk for record in records],
                "record": record_url(records[0]),
                "demo_hall": next(
                    (f"/tributes/{r.pk}/" for r in records if r.external_id == "DEMO-HJG"),
                    f"/tributes/{records[0].pk}/",
                ),
            }
        )
    )


def counted():
    from django.db.models import Sum

    from memorials.tributes.models import Scope, TributeCount

    total = TributeCount.objects.filter(scope=Scope.SITE, day=timezone.localdate()).aggregate(n=Sum("count"))["n"]
    print(total or 0)


def waiting():
    from memorials.tributes.queue import get_queue

    print(get_queue().waiting())


def fill_messages(total, hall_id):
    """``total`` pending messages (2 % flagged), a tenth of them on the measured hall, plus 500
    approved ones there so that its message pages are full."""
    import random

    from memorials.interface import published_records
    from memorials.tributes.models import TributeMessage

    names = dict(published_records().values_list("pk", "name")[:400])
    names.setdefault(hall_id, published_records().get(pk=hall_id).name)
    ids = list(names)
    chooser = random.Random(14)
    now = timezone.now()
    batch = []
    for number in range(total):
        record_id = hall_id if number % 10 == 0 else chooser.choice(ids)
        batch.append(
            TributeMessage(
                record_id=record_id,
                record_name=names[record_id],
                text=f"第{number}条寄语：英雄永垂不朽，缅怀先烈，珍惜今天的和平生活。",
                signature="访客",
                submitted_at=now - timezone.timedelta(seconds=total - number),
                screening_flagged=number % 50 == 0,
                bulk_approvable=number % 50 != 0,
            )
        )
    for number in range(500):
        batch.append(
            TributeMessage(
                record_id=hall_id,
                record_name=names[hall_id],
                text=f"已通过的第{number}条寄语",
                moderation_status="approved",
                submitted_at=now - timezone.timedelta(days=1, seconds=number),
            )
        )
    TributeMessage.objects.bulk_create(batch, batch_size=5000)
    print(TributeMessage.objects.pending().count())


def _verified_moderator(client):
    from django.contrib.auth import get_user_model
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user, _created = get_user_model().objects.get_or_create(username="bench-moderator", defaults={"is_staff": True})
    user.is_superuser = True
    user.save()
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="bench", confirmed=True
    )
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def _time(client, url, repeat):
    times = []
    for _ in range(repeat + 2):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url}: {response.status_code}")
    times = sorted(times[2:])  # the first two warm the caches
    return {"p50": statistics.median(times), "p95": times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]}


def pages(hall_id, repeat):
    from django.test import Client

    staff = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
    _verified_moderator(staff)
    visitor = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
    kind = "/admin/moderation/tributes.tributemessage/"
    print(
        json.dumps(
            {
                "inbox (待办)": _time(staff, "/admin/moderation/", repeat),
                "祭奠寄语 list, page 1": _time(staff, kind, repeat),
                "祭奠寄语 list, flagged": _time(staff, kind + "?flagged=on", repeat),
                "dashboard": _time(staff, "/admin/", repeat),
                "hall, uncached": _time(visitor, f"/tributes/{hall_id}/", repeat),
                "hall, messages page 20, uncached": _time(visitor, f"/tributes/{hall_id}/?page=20", repeat),
            }
        )
    )


if __name__ == "__main__":
    command, *arguments = sys.argv[1:]
    if command == "halls":
        halls()
    elif command == "counted":
        counted()
    elif command == "waiting":
        waiting()
    elif command == "fill-messages":
        fill_messages(int(arguments[0]), int(arguments[1]))
    elif command == "pages":  # run with PAGE_CACHE=0: the hall's own render is measured
        pages(int(arguments[0]), int(arguments[1]))
    else:
        raise SystemExit(__doc__)
