"""The plugin's settings, read when used (tests and operators may change them).

Each comes from the Django setting of the same name, else from the environment variable of that
name, else the default below (docs/sweeping.md lists them).
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from siteshell.settings.env import env_int, env_str


def _setting(name, read_env, default):
    if hasattr(settings, name):
        return getattr(settings, name)
    return read_env(name, default)


def accept_days() -> int:
    """A request not accepted or declined this many days after it arrived is overdue."""
    return int(_setting("SWEEPING_ACCEPT_DAYS", env_int, 3))


def inform_days() -> int:
    """A request done this many days ago whose family has not been told is overdue."""
    return int(_setting("SWEEPING_INFORM_DAYS", env_int, 2))


def book_ahead_days() -> int:
    """How far ahead a family may ask for a date."""
    return int(_setting("SWEEPING_BOOK_AHEAD_DAYS", env_int, 180))


def window_days() -> int:
    """The longest preferred date window (from … until)."""
    return int(_setting("SWEEPING_WINDOW_DAYS", env_int, 31))


def max_photos() -> int:
    """Photos staff may attach to one request."""
    return int(_setting("SWEEPING_MAX_PHOTOS", env_int, 12))


def photo_link_seconds() -> int:
    """How long the photo links of a status page (and its erasure button) stay valid."""
    return int(_setting("SWEEPING_PHOTO_LINK_SECONDS", env_int, 1800))


def photo_root() -> Path:
    """Where the photos are kept on disk: outside ``MEDIA_ROOT``, so the web server never serves
    them; only the status page and the admin do. ``STORAGES["sweeping_photos"]`` replaces the disk
    (object storage with a private bucket)."""
    configured = _setting("SWEEPING_PHOTO_ROOT", env_str, "")
    if configured:
        return Path(configured)
    return Path(getattr(settings, "DATA_DIR", Path(settings.MEDIA_ROOT).parent)) / "private" / "sweeping"


def status_rates() -> tuple[str, str]:
    """Lookups per address and wrong pairs per code: the limits of the shell's status page
    ``/track/``, shared with it (one counter for both pages)."""
    return (
        getattr(settings, "NOTIFICATIONS_TRACK_RATE", "10/10m"),
        getattr(settings, "NOTIFICATIONS_TRACK_CODE_RATE", "20/h"),
    )
