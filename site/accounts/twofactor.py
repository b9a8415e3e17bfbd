"""Two-factor authentication (django-otp): who must use it, whether a session is verified, the
devices of a user (one TOTP app, one set of recovery codes).

``ACCOUNTS_2FA_REQUIRED``:

- ``"staff"`` (production): every account that may open the admin;
- ``"personal_data"`` (the default elsewhere): accounts that may see personal data in full
  (``review.view_personal_data``; superusers have every permission).

Other parts ask :func:`is_verified` before they show personal data in full.
"""

from __future__ import annotations

import base64

from django.conf import settings
from django.db import transaction
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

STAFF = "staff"
PERSONAL_DATA = "personal_data"
PERSONAL_DATA_PERMISSION = "review.view_personal_data"
ADMIN_PERMISSION = "wagtailadmin.access_admin"
RECOVERY_CODE_COUNT = 10
TOTP_NAME = "authenticator"
RECOVERY_NAME = "recovery"


def required_mode() -> str:
    mode = str(getattr(settings, "ACCOUNTS_2FA_REQUIRED", PERSONAL_DATA)).strip().lower()
    return PERSONAL_DATA if mode == PERSONAL_DATA else STAFF


def must_use_2fa(user) -> bool:
    """Whether ``user`` must sign in with a second factor."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.has_perm(PERSONAL_DATA_PERMISSION):
        return True
    return required_mode() == STAFF and user.has_perm(ADMIN_PERMISSION)


def is_verified(request) -> bool:
    """Whether this session passed the second factor (django-otp's ``user.is_verified()``)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    check = getattr(user, "is_verified", None)
    return bool(check and check())


def may_see_personal_data(request) -> bool:
    """The user has the permission *and* a verified session: use before showing personal data
    in full."""
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated and user.has_perm(PERSONAL_DATA_PERMISSION) and is_verified(request))


def totp_device(user, *, confirmed=True):
    return TOTPDevice.objects.devices_for_user(user, confirmed=confirmed).first()


def has_device(user) -> bool:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def pending_totp_device(user) -> TOTPDevice:
    """The unconfirmed device of an enrolment in progress (one per user; a new secret each
    time enrolment starts over)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=False)
    return device


def secret_text(device) -> str:
    """The secret for manual entry in an authenticator app (base32, in groups of four)."""
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[index : index + 4] for index in range(0, len(secret), 4))


def qr_svg(device) -> str:
    """The ``otpauth://`` address as an inline SVG QR code (segno)."""
    import segno

    return segno.make(device.config_url, error="m").svg_inline(scale=5, border=2, dark="#000", light="#fff")


@transaction.atomic
def confirm_device(device) -> list[str]:
    """Confirm an enrolled TOTP device, drop any other, and issue recovery codes."""
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return new_recovery_codes(device.user)


@transaction.atomic
def new_recovery_codes(user) -> list[str]:
    """Replace the user's recovery codes with :data:`RECOVERY_CODE_COUNT` new ones; each works once."""
    device, _created = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_NAME, defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _index in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def remove_devices(user) -> None:
    """Remove every second-factor device of ``user`` (own removal, or a manager's reset)."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def verify_totp(user, token) -> TOTPDevice | None:
    device = totp_device(user)
    if device is not None and device.verify_is_allowed()[0] and device.verify_token(token):
        return device
    return None


def verify_recovery_code(user, token) -> StaticDevice | None:
    for device in StaticDevice.objects.devices_for_user(user, confirmed=True):
        if device.verify_token(token):
            return device
    return None


def forget_verification(request) -> None:
    request.session.pop(DEVICE_ID_SESSION_KEY, None)


def concrete_user(user):
    """``request.user`` without its lazy wrappers (django-otp wraps Django's lazy user again),
    for Wagtail's ``log()``, which looks at the instance's type."""
    from django.utils.functional import LazyObject, empty

    while isinstance(user, LazyObject):
        if user._wrapped is empty:
            user._setup()
        user = user._wrapped
    return user
