"""Settings from the environment, SQLite tuned for several workers, a clean deploy check."""

import os

import pytest

from siteshell.settings.base import database_from_url
from tests.utils import run_python


def test_sqlite_is_configured_for_concurrent_web_use(tmp_path):
    config = database_from_url(f"sqlite:///{tmp_path / 'site.sqlite3'}")
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]
    assert config["OPTIONS"]["timeout"] >= 5
    # Kept between requests: opening one maps the write-ahead log again and closing the last one
    # checkpoints and deletes it (half of an offering's time when each request did both).
    assert config["CONN_MAX_AGE"] > 0


def test_postgres_url_is_accepted():
    config = database_from_url("postgres://bureau:pw@db.internal:5432/commemoration")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["NAME"] == "commemoration" and config["HOST"] == "db.internal"


CONCURRENT_WRITERS = """
import threading, django
django.setup()
from django.db import connection, transaction
with connection.cursor() as cursor:
    cursor.execute("PRAGMA journal_mode")
    print("journal", cursor.fetchone()[0])
    cursor.execute("CREATE TABLE counter (n integer)")
    cursor.execute("INSERT INTO counter VALUES (0)")
errors = []
def worker():
    try:
        for _ in range(40):
            # read, then write: under SQLite's default DEFERRED transactions two workers
            # doing this at once fail with "database is locked"
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SELECT n FROM counter")
                n = cursor.fetchone()[0]
                cursor.execute("UPDATE counter SET n = %s", [n + 1])
    except Exception as error:
        errors.append(repr(error))
    finally:
        connection.close()
threads = [threading.Thread(target=worker) for _ in range(6)]
[t.start() for t in threads]
[t.join() for t in threads]
with connection.cursor() as cursor:
    cursor.execute("SELECT n FROM counter")
    print("count", cursor.fetchone()[0])
print("errors", errors)
"""


def test_several_writers_never_see_database_is_locked(tmp_path):
    result = run_python(
        ["-c", CONCURRENT_WRITERS],
        DJANGO_SETTINGS_MODULE="siteshell.settings.dev",
        DATABASE_URL=f"sqlite:///{tmp_path / 'concurrent.sqlite3'}",
    )
    assert result.returncode == 0, result.stderr
    assert "journal wal" in result.stdout
    assert "count 240" in result.stdout
    assert "errors []" in result.stdout


def test_production_refuses_to_start_without_a_real_secret():
    result = run_python(
        ["-c", "import django; django.setup()"],
        DJANGO_SETTINGS_MODULE="siteshell.settings.production",
        SECRET_KEY="short",
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_redis_url_selects_redis_for_cache_and_sessions():
    result = run_python(
        [
            "-c",
            "from django.conf import settings; import django; django.setup();"
            "print(settings.CACHES['default']['BACKEND'], settings.SESSION_ENGINE)",
        ],
        DJANGO_SETTINGS_MODULE="siteshell.settings.dev",
        REDIS_URL="redis://127.0.0.1:6379/3",
    )
    assert result.returncode == 0, result.stderr
    assert "RedisCache django.contrib.sessions.backends.cached_db" in result.stdout


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="runs in the suite's Redis pass (REDIS_URL set)")
def test_cache_round_trips_through_redis():
    from django.core.cache import caches

    cache = caches["default"]
    assert cache.__class__.__name__ == "RedisCache"
    cache.set("health-probe", "烈士", 5)
    assert cache.get("health-probe") == "烈士"


def test_interface_is_chinese_in_shanghai_time(settings):
    assert settings.LANGUAGE_CODE == "zh-hans"
    assert settings.TIME_ZONE == "Asia/Shanghai"
    assert settings.LANGUAGES[0][0] == "zh-hans"
