"""The test suite: SQLite by default, PostgreSQL/Redis when DATABASE_URL/REDIS_URL are set."""

import os
from pathlib import Path

from siteshell.plugins import resolve_enabled_plugins
from siteshell.settings.base import *  # noqa: F403
from siteshell.settings.base import INSTALLED_APPS, SITE_PLUGINS
from siteshell.settings.env import env_list, env_str

SECRET_KEY = "test-only-not-secret-7a1e4c9b2d8f0a3c6e5b1d7f9a2c4e8b"
DEBUG = False
ALLOWED_HOSTS = ["*"]

# The suite adds its own sample plugin (tests/sampleplugin) that proves the plugin contract.
TEST_PLUGINS = resolve_enabled_plugins(
    ["tests.sampleplugin"], disabled=env_list("SITE_PLUGINS_DISABLED", []), discovered=[]
)
SITE_PLUGINS = [*SITE_PLUGINS, *TEST_PLUGINS]
_plugin_position = INSTALLED_APPS.index("wagtail.contrib.forms")
INSTALLED_APPS = [*INSTALLED_APPS[:_plugin_position], *TEST_PLUGINS, *INSTALLED_APPS[_plugin_position:]]

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

# Test processes (xdist workers, the plugin switch-off runs) may share one Redis: keep their
# cache entries apart.
if CACHES["default"]["BACKEND"].endswith("RedisCache"):  # noqa: F405
    CACHES["default"]["KEY_PREFIX"] = f"test-{os.getpid()}"  # noqa: F405
