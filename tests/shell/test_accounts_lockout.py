"""Failed logins lock the username (and, at a higher count, the address) through the real Wagtail
sign-in form; a Chinese page says when to retry; a manager unlocks."""

import pytest
from axes.models import AccessAttempt
from django.test import override_settings
from wagtail.models import ModelLogEntry

from siteshell.accounts import locks
from siteshell.accounts.models import LoginEvent
from tests.shell.accounts_helpers import PASSWORD, make_staff, sign_in

pytestmark = pytest.mark.django_db


def fail(client, username, times, **extra):
    return [sign_in(client, username, "wrong-password", **extra).status_code for _ in range(times)]


def test_five_failures_lock_the_username_even_for_the_right_password(client, django_user_model):
    make_staff(django_user_model)
    assert fail(client, "writer", 4) == [200] * 4  # the form again, with an error
    locked = sign_in(client, "writer", "wrong-password")
    assert locked.status_code == 429
    text = locked.content.decode()
    assert "请于 15 分钟后重试" in text
    assert 'name="password"' in text  # Wagtail's sign-in page, with the notice above the form
    assert locked["Retry-After"] == "900"

    right = sign_in(client, "writer")
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session


@override_settings(AXES_COOLOFF_TIME=__import__("datetime").timedelta(minutes=42))
def test_the_retry_time_follows_the_setting(client, django_user_model):
    make_staff(django_user_model)
    fail(client, "writer", 4)
    assert "请于 42 分钟后重试" in sign_in(client, "writer", "x").content.decode()


def test_the_address_locks_only_after_its_own_higher_limit(client, django_user_model):
    """An office behind one NAT: failures for different usernames from one address."""
    make_staff(django_user_model)
    statuses = [sign_in(client, f"nobody{n}", "x").status_code for n in range(19)]
    assert statuses == [200] * 19
    # Another user from the same address still signs in.
    assert sign_in(client, "writer").status_code == 302
    client.logout()
    assert sign_in(client, "nobody-else", "x").status_code == 429  # the 20th failure
    assert sign_in(client, "writer").status_code == 429


def test_another_address_is_not_affected_by_a_locked_address(client, django_user_model):
    make_staff(django_user_model)
    for n in range(20):
        sign_in(client, f"nobody{n}", "x")
    assert sign_in(client, "writer", REMOTE_ADDR="10.0.0.7").status_code == 302


@override_settings(RATELIMIT_IP_META_KEY="HTTP_X_REAL_IP")
def test_behind_a_proxy_the_address_comes_from_the_same_header_as_the_rate_limits(client, django_user_model):
    make_staff(django_user_model)
    fail(client, "writer", 2, HTTP_X_REAL_IP="203.0.113.9")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.9"}
    assert set(LoginEvent.objects.values_list("ip_address", flat=True)) == {"203.0.113.9"}


def test_a_manager_sees_the_lock_and_unlocks_it(client, django_user_model, superuser):
    make_staff(django_user_model)
    fail(client, "writer", 5)
    assert sign_in(client, "writer").status_code == 429

    manager = make_staff(django_user_model, "guanli", groups=["站点管理员"])
    manager_client = type(client)()
    manager_client.force_login(manager)
    page = manager_client.get("/admin/accounts/lockouts/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "writer" in html and "已锁定" in html

    response = manager_client.post("/admin/accounts/lockouts/", {"kind": "username", "value": "writer"})
    assert response.status_code == 302
    entry = ModelLogEntry.objects.get(action="accounts.unlock")
    assert entry.user_id == manager.pk and entry.data["value"] == "writer"
    assert "已解除用户名" in manager_client.get("/admin/accounts/lockouts/").content.decode()

    assert sign_in(client, "writer").status_code == 302


def test_unlocking_an_address(client, django_user_model):
    make_staff(django_user_model)
    for n in range(20):
        sign_in(client, f"nobody{n}", "x")
    assert any(entry.kind == "ip_address" and entry.locked for entry in locks.entries())
    locks.unlock("ip_address", "127.0.0.1")
    assert sign_in(client, "writer").status_code == 302


def test_only_managers_open_the_lockout_view(client, django_user_model):
    writer = make_staff(django_user_model)
    client.force_login(writer)
    assert client.get("/admin/accounts/lockouts/").status_code in (302, 403)
    assert client.post("/admin/accounts/lockouts/", {"kind": "username", "value": "x"}).status_code in (302, 403)


def test_bad_unlock_input_is_a_chinese_message(client, django_user_model, superuser):
    client.force_login(superuser)
    response = client.post("/admin/accounts/lockouts/", {"kind": "nonsense", "value": ""}, follow=True)
    assert response.status_code == 200
    assert "请选择要解除锁定的用户名或地址" in response.content.decode()


@override_settings(AXES_HANDLER="siteshell.accounts.lockout.CacheHandler")
def test_the_cache_handler_production_uses_locks_and_unlocks_the_same_way(client, django_user_model):
    from axes.handlers.proxy import AxesProxyHandler

    AxesProxyHandler.get_implementation(force=True)
    try:
        make_staff(django_user_model)
        statuses = [sign_in(client, f"nobody{n}", "x").status_code for n in range(19)]
        assert statuses == [200] * 19  # the address limit, not the username one
        fail(client, "writer", 4)
        assert sign_in(client, "writer").status_code == 429
        assert not AccessAttempt.objects.exists()
        assert {entry.kind for entry in locks.entries() if entry.locked} == {"username", "ip_address"}
        locks.unlock("username", "writer")
        locks.unlock("ip_address", "127.0.0.1")
        assert sign_in(client, "writer").status_code == 302
    finally:
        with override_settings(AXES_HANDLER="siteshell.accounts.lockout.DatabaseHandler"):
            AxesProxyHandler.get_implementation(force=True)


def test_code_without_a_request_still_authenticates_and_http_stays_locked(client, django_user_model):
    from django.contrib.auth import authenticate

    make_staff(django_user_model)
    fail(client, "writer", 5)
    assert sign_in(client, "writer").status_code == 429
    # A shell or management command has no visitor to count: the password check alone.
    assert authenticate(username="writer", password=PASSWORD) is not None
    assert authenticate(username="writer", password="wrong") is None


def test_a_cache_handler_on_a_per_process_cache_is_a_deploy_warning():
    from siteshell.accounts.checks import lockout_counts_are_shared

    local = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    with override_settings(AXES_HANDLER="siteshell.accounts.lockout.CacheHandler", CACHES=local):
        assert [warning.id for warning in lockout_counts_are_shared()] == ["accounts.W001"]
    assert lockout_counts_are_shared() == []  # the database handler of the tests
