"""Two-factor authentication through the real sign-in form: enrol, verify with a TOTP made in the
test, recovery codes once each, throttling, removal, a manager's reset; who must use it."""

import re

import pytest
from django.test import override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from siteshell.accounts import twofactor
from tests.shell.accounts_helpers import make_staff, sign_in

pytestmark = pytest.mark.django_db


def code_for(device, offset=0):
    device.refresh_from_db()
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=offset):06d}"


def enrol(client, user):
    """Sign in and enrol; returns the device and the recovery codes shown once."""
    response = sign_in(client, user.username)
    assert response.status_code == 302
    page = client.get("/admin/", follow=True)
    assert page.redirect_chain[-1][0].startswith("/admin/accounts/two-factor/enrol/")
    html = page.content.decode()
    assert "<svg" in html and "密钥" in html
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    secret = re.search(r'class="accounts-secret">([A-Z2-7 ]+)<', html).group(1).replace(" ", "")
    assert __import__("base64").b32decode(secret + "=" * (-len(secret) % 8)) == device.bin_key
    done = client.post(
        "/admin/accounts/two-factor/enrol/", {"code": code_for(device), "next": "/admin/accounts/security/"}
    )
    assert done.status_code == 302
    codes_page = client.get(done["Location"])
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", codes_page.content.decode())
    assert len(codes) == 10
    # Shown once.
    assert client.get("/admin/accounts/two-factor/recovery-codes/").status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    return device, codes


@override_settings(ACCOUNTS_2FA_REQUIRED="staff")
def test_production_setting_forces_every_staff_account_to_enrol_then_verify(client, django_user_model, home_page):
    writer = make_staff(django_user_model)
    device, codes = enrol(client, writer)
    assert client.get("/admin/").status_code == 200
    assert ModelLogEntry.objects.filter(action="accounts.2fa_enrol", object_id=str(writer.pk)).exists()

    client.logout()
    sign_in(client, "writer")
    redirected = client.get("/admin/accounts/security/")
    assert redirected.status_code == 302
    assert redirected["Location"].startswith(
        "/admin/accounts/two-factor/verify/?next=%2Fadmin%2Faccounts%2Fsecurity%2F"
    )
    wrong = client.post("/admin/accounts/two-factor/verify/", {"code": "000000", "next": "/admin/accounts/security/"})
    assert wrong.status_code == 400 and "验证码不正确" in wrong.content.decode()
    # django-otp throttles a device after a failure: wait out its (one-second) delay.
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=None, throttling_failure_count=0)
    right = client.post(
        "/admin/accounts/two-factor/verify/", {"code": code_for(device, 1), "next": "/admin/accounts/security/"}
    )
    assert right.status_code == 302 and right["Location"] == "/admin/accounts/security/"
    assert client.get("/admin/accounts/security/").status_code == 200


@override_settings(ACCOUNTS_2FA_REQUIRED="staff")
def test_a_recovery_code_works_once(client, django_user_model, home_page):
    writer = make_staff(django_user_model)
    _device, codes = enrol(client, writer)
    client.logout()

    sign_in(client, "writer")
    used = client.post("/admin/accounts/two-factor/recovery/", {"code": codes[0], "next": "/admin/"})
    assert used.status_code == 302
    assert client.get("/admin/").status_code == 200
    assert StaticToken.objects.filter(device__user=writer).count() == 9

    client.logout()
    sign_in(client, "writer")
    again = client.post("/admin/accounts/two-factor/recovery/", {"code": codes[0], "next": "/admin/"})
    assert again.status_code == 400
    assert client.get("/admin/").status_code == 302


@override_settings(ACCOUNTS_2FA_REQUIRED="staff", ACCOUNTS_OTP_RATE="3/m")
def test_code_entries_are_rate_limited_per_user(client, django_user_model, home_page):
    writer = make_staff(django_user_model)
    device, _codes = enrol(client, writer)
    client.logout()
    sign_in(client, "writer")
    for _ in range(2):
        client.post("/admin/accounts/two-factor/recovery/", {"code": "nonsense1"})
    blocked = client.post("/admin/accounts/two-factor/verify/", {"code": code_for(device)})
    assert blocked.status_code == 400
    assert "尝试次数过多" in blocked.content.decode()
    assert client.get("/admin/").status_code == 302


def test_by_default_only_personal_data_accounts_must_use_it(client, django_user_model, home_page):
    make_staff(django_user_model, "writer")
    make_staff(django_user_model, "reviewer", personal_data=True)
    sign_in(client, "writer")
    assert client.get("/admin/").status_code == 200
    client.logout()
    sign_in(client, "reviewer")
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/accounts/two-factor/enrol/")


def test_a_superuser_must_use_it_by_default(client, superuser, home_page):
    sign_in(client, "chief", "correct-horse-battery")
    assert client.get("/admin/").status_code == 302
    assert twofactor.must_use_2fa(superuser)


def test_is_verified_tells_other_parts_whether_the_session_passed(rf, django_user_model):
    from django.contrib.auth.models import AnonymousUser

    request = rf.get("/")
    request.user = AnonymousUser()
    assert not twofactor.is_verified(request)
    request.user = make_staff(django_user_model, personal_data=True)
    request.user.is_verified = lambda: False
    assert not twofactor.is_verified(request) and not twofactor.may_see_personal_data(request)
    request.user.is_verified = lambda: True
    assert twofactor.is_verified(request) and twofactor.may_see_personal_data(request)


def test_the_sign_out_and_script_catalogue_stay_open_before_the_second_factor(client, superuser, home_page):
    sign_in(client, "chief", "correct-horse-battery")
    assert client.get("/admin/jsi18n/").status_code == 200
    assert client.post("/admin/logout/").status_code == 302
    assert "_auth_user_id" not in client.session


def test_new_recovery_codes_and_removal_need_a_current_code(client, django_user_model, home_page):
    reviewer = make_staff(django_user_model, "reviewer", personal_data=True)
    device, old_codes = enrol(client, reviewer)
    assert "剩余恢复码：10 个" in client.get("/admin/accounts/security/").content.decode()

    response = client.post("/admin/accounts/two-factor/new-codes/", {"code": "12345"})
    assert response.status_code == 400
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=None, throttling_failure_count=0)
    response = client.post("/admin/accounts/two-factor/new-codes/", {"code": code_for(device, 1)})
    new_codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", client.get(response["Location"]).content.decode())
    assert len(new_codes) == 10 and not set(new_codes) & set(old_codes)

    removed = client.post("/admin/accounts/two-factor/remove/", {"code": new_codes[0]})
    assert removed.status_code == 302
    assert not TOTPDevice.objects.filter(user=reviewer).exists()
    assert ModelLogEntry.objects.filter(action="accounts.2fa_remove").exists()
    # Must use it: the admin asks to enrol again.
    response = client.get("/admin/")
    assert response.status_code == 302 and "/two-factor/enrol/" in response["Location"]


def test_a_manager_resets_another_users_two_factor(client, django_user_model, home_page):
    reviewer = make_staff(django_user_model, "reviewer", personal_data=True)
    TOTPDevice.objects.create(user=reviewer, name="phone", confirmed=True)
    twofactor.new_recovery_codes(reviewer)
    manager = make_staff(django_user_model, "guanli", groups=["站点管理员"])
    client.force_login(manager)
    listing = client.get("/admin/users/")
    assert f"/admin/accounts/users/{reviewer.pk}/reset-two-factor/" in listing.content.decode()
    assert "重置两步验证" in client.get(f"/admin/accounts/users/{reviewer.pk}/reset-two-factor/").content.decode()
    client.post(f"/admin/accounts/users/{reviewer.pk}/reset-two-factor/")
    assert not TOTPDevice.objects.filter(user=reviewer).exists()
    assert not StaticToken.objects.filter(device__user=reviewer).exists()
    entry = ModelLogEntry.objects.get(action="accounts.2fa_reset")
    assert entry.object_id == str(reviewer.pk) and entry.user_id == manager.pk


def test_a_writer_cannot_reset_anyone(client, django_user_model, superuser):
    TOTPDevice.objects.create(user=superuser, name="phone", confirmed=True)
    writer = make_staff(django_user_model)
    client.force_login(writer)
    response = client.post(f"/admin/accounts/users/{superuser.pk}/reset-two-factor/")
    assert response.status_code in (302, 403)
    assert TOTPDevice.objects.filter(user=superuser, name="phone").exists()
    assert not ModelLogEntry.objects.filter(action="accounts.2fa_reset").exists()


def test_the_totp_in_the_qr_code_names_the_site(django_user_model):
    device = twofactor.pending_totp_device(make_staff(django_user_model))
    assert device.config_url.startswith("otpauth://totp/")
    assert "<svg" in twofactor.qr_svg(device)
    assert len(code_for(device)) == 6
