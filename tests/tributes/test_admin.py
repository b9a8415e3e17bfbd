"""Staff side: the dashboard panel (today's offerings, messages waiting), statistics by day for
a hall and a ceremony with a CSV export, and switching a hall's messages off."""

import csv
import datetime
import io

import pytest
from django.utils import timezone

from tests.tributes.conftest import offer

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("tributes")]


def counted(record, kind, day, visitors):
    from memorials.tributes.folding import count
    from memorials.tributes.queue import Entry

    count([Entry(record.pk, record.facility_id, kind, day, f"v{n}", "", timezone.now()) for n in range(visitors)])


def csv_rows(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_the_dashboard_shows_todays_offerings_and_the_messages_waiting(admin_client, visitor, martyr):
    from memorials.tributes.models import TributeMessage

    offer(visitor, martyr, "flower")
    offer(visitor, martyr, "bow")
    TributeMessage.objects.create(record_id=martyr.pk, text="待审核")
    body = admin_client.get("/admin/").content.decode()
    assert "今天 2 次：献花 1，点烛 0，鞠躬 1，敬礼 0，花篮 0。" in body
    assert "待审核的寄语和花篮 1 条" in body and "/admin/moderation/tributes.tributemessage/" in body


def test_a_halls_statistics_by_day_and_their_csv(admin_client, martyr):
    today = timezone.localdate()
    counted(martyr, "flower", today, 3)
    counted(martyr, "candle", today - datetime.timedelta(days=1), 2)
    page = admin_client.get(f"/admin/tributes/statistics/hall/{martyr.pk}/")
    assert page.status_code == 200 and "黄继光烈士纪念馆统计" in page.content.decode()
    rows = csv_rows(admin_client.get(f"/admin/tributes/statistics/hall/{martyr.pk}/", {"format": "csv"}))
    assert rows[0] == ["日期", "献花", "点烛", "鞠躬", "敬礼", "敬献花篮", "合计", "寄语（提交）"]
    assert rows[1:] == [
        [(today - datetime.timedelta(days=1)).isoformat(), "0", "2", "0", "0", "0", "2", "0"],
        [today.isoformat(), "3", "0", "0", "0", "0", "3", "0"],
    ]


def test_a_ceremonys_statistics_cover_its_period(admin_client, home_page, martyr):
    from memorials.tributes.models import CeremonyPage

    page = CeremonyPage(
        title="2024·清明祭英烈", start_date=datetime.date(2024, 4, 1), end_date=datetime.date(2024, 4, 7)
    )
    home_page.add_child(instance=page)
    counted(martyr, "flower", datetime.date(2024, 4, 4), 5)
    counted(martyr, "flower", datetime.date(2024, 4, 8), 9)  # after it ended
    rows = csv_rows(admin_client.get(f"/admin/tributes/statistics/ceremony/{page.pk}/", {"format": "csv"}))
    assert [row[0] for row in rows[1:]] == ["2024-04-04"] and rows[1][1] == "5"


def test_the_overview_finds_a_hall_by_record_id(admin_client, martyr):
    response = admin_client.get("/admin/tributes/statistics/", {"record": str(martyr.pk)})
    assert response.status_code == 302 and response["Location"].endswith(f"/statistics/hall/{martyr.pk}/")
    page = admin_client.get("/admin/tributes/statistics/", {"record": "999999"}).content.decode()
    assert "没有找到这条已公布的烈士档案" in page


def test_statistics_need_their_permission(client, django_user_model, martyr):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("reader", password="x" * 12)
    user.user_permissions.add(Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"))
    client.force_login(user)
    turned_away = client.get("/admin/tributes/statistics/")
    assert turned_away.status_code == 302 and turned_away["Location"] == "/admin/"  # Wagtail's "no permission"
    user.user_permissions.add(Permission.objects.get(codename="view_statistics", content_type__app_label="tributes"))
    user = django_user_model.objects.get(pk=user.pk)
    client.force_login(user)
    assert client.get("/admin/tributes/statistics/").status_code == 200


def test_staff_switch_a_halls_messages_off_in_the_admin(admin_client, visitor, martyr):
    response = admin_client.post(
        "/admin/snippets/tributes/hallsettings/add/", {"record": martyr.pk, "note": "受到恶意留言攻击"}
    )
    assert response.status_code == 302
    assert "暂不展示和接受寄语" in visitor.get(f"/tributes/{martyr.pk}/").content.decode()
