"""Start-up checks of the staff settings: time zones that exist, a sender that can be answered."""

import zoneinfo
from email.utils import parseaddr

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.compatibility)
def check_time_zones(app_configs=None, **kwargs):
    zones = getattr(settings, "WAGTAIL_USER_TIME_ZONES", [])
    unknown = sorted(set(zones) - zoneinfo.available_timezones())
    if unknown:
        return [
            checks.Error(
                f"WAGTAIL_USER_TIME_ZONES names unknown time zones: {', '.join(unknown)}",
                hint="Use IANA names such as Asia/Shanghai or Asia/Urumqi.",
                id="siteshell.staff.E001",
            )
        ]
    if not zones:
        return [
            checks.Error(
                "WAGTAIL_USER_TIME_ZONES is empty: Wagtail would offer every time zone in the world.",
                hint="Leave it unset for Asia/Shanghai, or name the zones the bureau uses.",
                id="siteshell.staff.E002",
            )
        ]
    return []


@checks.register(checks.Tags.security, deploy=True)
def check_sender(app_configs=None, **kwargs):
    # The address as configured (DEFAULT_FROM_EMAIL itself adds the bureau's name from the database).
    address = getattr(settings, "EMAIL_SENDER_ADDRESS", settings.DEFAULT_FROM_EMAIL)
    if parseaddr(address)[1].endswith("@localhost"):
        return [
            checks.Warning(
                "DEFAULT_FROM_EMAIL is an address at localhost: replies and bounces are lost.",
                hint="Set DEFAULT_FROM_EMAIL (or BASE_URL with the site's host name).",
                id="siteshell.staff.W001",
            )
        ]
    return []
