"""The test suite: SQLite by default, PostgreSQL/Redis when DATABASE_URL/REDIS_URL are set."""

import os
from pathlib import Path

from siteshell.plugins import resolve_enabled_plugins, satisfy_requirements
from siteshell.settings.base import *  # noqa: F403
from siteshell.settings.base import DEFAULT_PLUGINS, FRAMEWORK_APPS, SERVICE_APPS, SHELL_APPS
from siteshell.settings.env import env_list, env_str

SECRET_KEY = "test-only-not-secret-7a1e4c9b2d8f0a3c6e5b1d7f9a2c4e8b"
DEBUG = False
ALLOWED_HOSTS = ["*"]

# The suite adds its own plugins that prove the plugin contract: tests/sampleplugin (every
# contribution method) and tests/recordnotes (requires memorials, adds to its record page
# through an extension point, imports only memorials.interface).
TEST_PLUGINS = ["tests.sampleplugin", "tests.recordnotes", "tests.requestdesk"]
SITE_PLUGINS, PLUGINS_LEFT_OUT = satisfy_requirements(
    resolve_enabled_plugins(
        [*env_list("SITE_PLUGINS", DEFAULT_PLUGINS), *TEST_PLUGINS],
        disabled=env_list("SITE_PLUGINS_DISABLED", []),
        discovered=[],
    ),
    available_labels=SERVICE_APPS,
)
INSTALLED_APPS = [*SHELL_APPS, *SERVICE_APPS, *SITE_PLUGINS, *FRAMEWORK_APPS]

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = Path(env_str("TEST_MEDIA_ROOT", "/tmp/commemoration-test-media"))
STORAGES = {  # noqa: F405
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tests that count queries must not meet the periodic dictionary check; the dictionary tests
# turn it on themselves.
SEARCH_DICTIONARY_CHECK_SECONDS = None
# Likewise the sensitive-word list's check (tests/conftest.py forgets the list after each test).
SCREENING_CHECK_SECONDS = None
# What a process keeps in memory for a moment (siteshell.cache.ProcessMemo: pages served, a
# hall's counters, the site of a host) would make a test's queries and cache calls depend on how
# long its steps take; the tests of those memos set a window themselves.
LOCAL_MEMO_SECONDS = 0

# Test processes (xdist workers, the plugin switch-off runs) may share one Redis: keep their
# cache entries apart.
if CACHES["default"]["BACKEND"].endswith("RedisCache"):  # noqa: F405
    CACHES["default"]["KEY_PREFIX"] = f"test-{os.getpid()}"  # noqa: F405
    CACHES["pages"]["KEY_PREFIX"] = f"test-{os.getpid()}:pages"  # noqa: F405

# Most tests change content in the database directly and look at the page again: the page cache
# is off, and the tests of the cache (and of pages that rely on it) turn it on with the
# `page_cache` fixture (tests/conftest.py), which also empties it.
PAGE_CACHE = False
PAGE_CACHE_CLOCK_SKEW = 0

# Offerings queue in the database table even when REDIS_URL is set: one Redis stream shared by
# the xdist workers would hand one worker's offerings to another's folder. The Redis stream queue
# is tested on a stream of its own (tests/tributes/test_queue.py).
TRIBUTES_QUEUE = "database"
# The plugin switch-off runs (tests/shell/test_plugins_switched_off.py) boot the demo on a
# database of their own and need none of its background work (renditions, recounts): a backend
# that keeps the tasks and runs none (TEST_TASKS_BACKEND=django_tasks.backends.dummy.DummyBackend).
if env_str("TEST_TASKS_BACKEND", ""):
    TASKS = {"default": {"BACKEND": env_str("TEST_TASKS_BACKEND", "")}}
