"""The plugin's settings.

Each comes from the Django setting of the same name, else from the environment variable of that
name, else the default below (docs/tributes.md lists them). A process reads each once (the
offering path asks for several on every offering) and again after a change of settings
(``override_settings`` in tests sends ``setting_changed``).
"""

from __future__ import annotations

import os

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

from siteshell.settings.env import env_bool, env_int, env_str

_read: dict[str, object] = {}


def _setting(name, read_env, default):
    try:
        return _read[name]
    except KeyError:
        value = getattr(settings, name) if hasattr(settings, name) else read_env(name, default)
        _read[name] = value
        return value


@receiver(setting_changed)
def _forget(**kwargs):
    _read.clear()


def queue_backend() -> str:
    """``"redis"`` (a Redis stream) when ``REDIS_URL`` is set; else ``"file"`` (a SQLite file of
    its own) when the site's database is a SQLite file, ``"database"`` (a table) otherwise;
    ``TRIBUTES_QUEUE`` chooses explicitly."""
    chosen = _setting("TRIBUTES_QUEUE", env_str, "")
    if chosen:
        return chosen
    if getattr(settings, "REDIS_URL", ""):
        return "redis"
    return "file" if _sqlite_file() else "database"


def _sqlite_file() -> str:
    database = settings.DATABASES["default"]
    name = str(database.get("NAME") or "")
    if database["ENGINE"].endswith("sqlite3") and name and name != ":memory:" and "mode=memory" not in name:
        return name
    return ""


def queue_path() -> str:
    """The file of the ``"file"`` queue: ``TRIBUTES_QUEUE_PATH``, else ``tributes-queue.sqlite3``
    beside the site's SQLite database (back it up with it)."""
    chosen = _setting("TRIBUTES_QUEUE_PATH", env_str, "")
    if chosen:
        return chosen
    database = _sqlite_file()
    folder = os.path.dirname(os.path.abspath(database)) if database else str(settings.DATA_DIR)
    return os.path.join(folder, "tributes-queue.sqlite3")


def redis_url() -> str:
    return _setting("TRIBUTES_REDIS_URL", env_str, "") or getattr(settings, "REDIS_URL", "")


def fold_worker() -> bool:
    """Whether a ``manage.py fold_offerings`` worker runs beside the web server. Without one
    (the default: ``make demo``, a small site), each offering is folded in the request that
    accepted it, after it was queued."""
    return bool(_setting("TRIBUTES_FOLD_WORKER", env_bool, False))


def batch_size() -> int:
    """Entries folded in one transaction. At the peak the folder takes full batches one after
    another, and refreshes the counters they changed after each: larger batches refresh them
    less often (the refresh, not the inserts, was most of the folder's work)."""
    return int(_setting("TRIBUTES_FOLD_BATCH", env_int, 2000))


def lease_seconds() -> int:
    """How long a claimed queue entry belongs to its folder; after that (the folder died) another
    folder takes it over."""
    return int(_setting("TRIBUTES_FOLD_LEASE_SECONDS", env_int, 60))


def counter_seconds() -> int:
    """How long counters are read from the cache before they are summed again. The folder
    refreshes the counters it changed at once in a shared cache (Redis); with the embedded
    local-memory cache each web process sees a change after at most this long."""
    return int(_setting("TRIBUTES_COUNTER_SECONDS", env_int, 10))


def counted_per_address() -> int:
    """Offerings of one kind to one hall counted per day from one address (a school or office
    behind one address is many visitors; a script that drops its cookie is one)."""
    return int(_setting("TRIBUTES_COUNTED_PER_ADDRESS", env_int, 200))


def _rate(name, default):
    value = _setting(name, env_str, default)
    return None if str(value).strip().lower() in ("", "none", "off", "0") else value


def offering_rates() -> dict:
    """The offering endpoint's own rate limits (``siteshell.publicforms`` form key
    ``tributes.offering``; ``PUBLIC_FORM_RATES["tributes.offering"]`` overrides them). No CAPTCHA:
    an offering stores nothing anyone reads."""
    return {
        "visitor": _rate("TRIBUTES_OFFERING_VISITOR_RATE", "30/10m"),
        "address": _rate("TRIBUTES_OFFERING_ADDRESS_RATE", "1200/h"),
        "captcha_visitor": None,
        "captcha_address": None,
    }


def messages_per_page() -> int:
    return int(_setting("TRIBUTES_MESSAGES_PER_PAGE", env_int, 20))
