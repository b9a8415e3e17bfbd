"""The plugin's settings (prefixed ``SEEKRELATIVES_``), read when used so that tests and
operators may change them."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

#: Files a visitor may attach to one clue, in all (the first sending and later additions).
DEFAULT_MAX_ATTACHMENTS = 12
#: Files in one sending.
DEFAULT_FILES_PER_UPLOAD = 5
#: Bytes of one file (a phone photo of a letter, a scanned PDF).
DEFAULT_FILE_MAX_BYTES = 10 * 1024 * 1024
#: Additions (text and files) one clue may receive a day.
DEFAULT_ADDITION_RATE = "10/d"
#: Days before a case's deadline when its assignee is reminded.
DEFAULT_REMINDER_DAYS = 3
#: How long a signed link to add information to a clue stays valid (seconds).
DEFAULT_ADDITION_LINK_SECONDS = 2 * 3600


def private_root() -> Path:
    """Where attachments are kept: outside ``MEDIA_ROOT``, never served by the web server."""
    configured = getattr(settings, "SEEKRELATIVES_PRIVATE_ROOT", None)
    if configured:
        return Path(configured)
    return Path(settings.DATA_DIR) / "private" / "seekrelatives"


def max_attachments() -> int:
    return int(getattr(settings, "SEEKRELATIVES_MAX_ATTACHMENTS", DEFAULT_MAX_ATTACHMENTS))


def files_per_upload() -> int:
    return int(getattr(settings, "SEEKRELATIVES_FILES_PER_UPLOAD", DEFAULT_FILES_PER_UPLOAD))


def file_max_bytes() -> int:
    return int(getattr(settings, "SEEKRELATIVES_FILE_MAX_BYTES", DEFAULT_FILE_MAX_BYTES))


def upload_max_body() -> int:
    """The largest request an upload may be: every file at its largest, and the text."""
    return files_per_upload() * file_max_bytes() + 256 * 1024


def addition_rate() -> str:
    return str(getattr(settings, "SEEKRELATIVES_ADDITION_RATE", DEFAULT_ADDITION_RATE))


def reminder_days() -> int:
    return int(getattr(settings, "SEEKRELATIVES_REMINDER_DAYS", DEFAULT_REMINDER_DAYS))


def addition_link_seconds() -> int:
    return int(getattr(settings, "SEEKRELATIVES_ADDITION_LINK_SECONDS", DEFAULT_ADDITION_LINK_SECONDS))


def track_rate() -> str:
    """Status lookups per address: the shell's status page setting, shared."""
    return str(getattr(settings, "NOTIFICATIONS_TRACK_RATE", "10/10m"))


def track_code_rate() -> str:
    """Wrong pairs per code from anywhere: the shell's setting, shared."""
    return str(getattr(settings, "NOTIFICATIONS_TRACK_CODE_RATE", "20/h") or "")
