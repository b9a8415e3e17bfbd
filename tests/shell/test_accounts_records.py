"""Login records: success, failure, logout through the real forms; the report; the purge."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from siteshell import audit
from siteshell.accounts.models import LoginEvent
from tests.shell.accounts_helpers import make_staff, sign_in

pytestmark = pytest.mark.django_db


def test_success_failure_and_logout_are_recorded(client, django_user_model):
    writer = make_staff(django_user_model)
    agent = "Mozilla/5.0 " + "x" * 400
    sign_in(client, "writer", "wrong", HTTP_USER_AGENT=agent)
    sign_in(client, "no-such-user", "wrong")
    sign_in(client, "writer", HTTP_USER_AGENT=agent)
    client.post("/admin/logout/")

    events = list(LoginEvent.objects.order_by("time", "pk"))
    assert [(event.result, event.username) for event in events] == [
        ("failure", "writer"),
        ("failure", "no-such-user"),
        ("success", "writer"),
        ("logout", "writer"),
    ]
    assert events[0].user == writer and events[1].user is None
    assert events[0].ip_address == "127.0.0.1"
    assert len(events[0].user_agent) == 255 and events[0].user_agent.startswith("Mozilla/5.0")


def test_refusals_during_a_lock_are_recorded_as_such(client, django_user_model):
    make_staff(django_user_model)
    for _ in range(5):
        sign_in(client, "writer", "wrong")
    sign_in(client, "writer")
    results = list(LoginEvent.objects.order_by("time", "pk").values_list("result", flat=True))
    assert results == ["failure"] * 5 + ["locked"]


def test_the_report_filters_and_exports(client, django_user_model, superuser):
    make_staff(django_user_model)
    sign_in(client, "writer", "wrong")
    sign_in(client, "writer")
    client.logout()
    client.force_login(superuser)

    page = client.get("/admin/accounts/logins/", {"result": "failure"})
    assert page.status_code == 200
    html = page.content.decode()
    rows = html.split('<table class="listing', 1)[1].split("</table>", 1)[0]
    assert "登录失败" in rows and "writer" in rows
    assert "登录成功" not in rows

    export = client.get("/admin/accounts/logins/", {"export": "csv", "username": "writer"})
    assert export.status_code == 200
    body = b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    assert "登录失败" in body and "登录成功" in body and "用户名" in body
    assert client.get("/admin/accounts/logins/", {"export": "xlsx"}).status_code == 200
    assert client.get("/admin/accounts/logins/", {"time_after": "not-a-date"}).status_code == 200


def test_the_report_is_for_managers_only(client, django_user_model):
    writer = make_staff(django_user_model)
    client.force_login(writer)
    assert client.get("/admin/accounts/logins/").status_code in (302, 403)
    manager = make_staff(django_user_model, "guanli", groups=["站点管理员"])
    client.force_login(manager)
    assert client.get("/admin/accounts/logins/").status_code == 200


def aged(days, username="old"):
    event = LoginEvent.objects.create(result="success", username=username)
    LoginEvent.objects.filter(pk=event.pk).update(time=timezone.now() - timedelta(days=days))
    return event.pk


def test_purged_with_the_audit_log_never_within_180_days(settings):
    settings.AUDIT_LOG_RETENTION_DAYS = 30
    kept, gone = aged(179), aged(181)
    out = StringIO()
    call_command("purge_audit_log", "--dry-run", stdout=out)
    assert "将删除 0 条操作记录、1 条登录记录" in out.getvalue()
    assert LoginEvent.objects.filter(pk=gone).exists()

    out = StringIO()
    call_command("purge_audit_log", stdout=out)
    assert "已删除 0 条操作记录、1 条登录记录" in out.getvalue()
    assert set(LoginEvent.objects.values_list("pk", flat=True)) == {kept}


def test_purge_reports_login_records_by_label():
    aged(400)
    assert audit.purge(dry_run=True)["accounts.LoginEvent"] == 1
