"""Switching off any one plugin leaves a working site.

Each plugin needs its own process: INSTALLED_APPS is fixed when Django starts. The smoke
module boots the site (migrations, demo content, public pages, admin, API) without it.
"""

import pytest
from django.conf import settings

from tests.utils import run_python

SWITCHABLE = [module.rsplit(".", 1)[-1] for module in settings.SITE_PLUGINS]


def test_there_are_plugins_to_switch_off():
    assert "sampleplugin" in SWITCHABLE


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="runs in the suite's SQLite pass: each run boots on its own SQLite database either way",
)
@pytest.mark.parametrize("label", SWITCHABLE)
def test_site_works_with_plugin_switched_off(label, tmp_path):
    result = run_python(
        ["-m", "pytest", "tests/smoke", "-q", "-p", "no:cacheprovider", "-o", "addopts="],
        timeout=600,
        SITE_PLUGINS_DISABLED=label,
        SMOKE_DISABLED_PLUGIN=label,
        # Each run gets its own throw-away SQLite database and local cache: the suite's own
        # test database (PostgreSQL in the second pass) stays untouched.
        DATABASE_URL=f"sqlite:///{tmp_path / 'smoke.sqlite3'}",
        REDIS_URL="",
        TEST_MEDIA_ROOT=str(tmp_path / "media"),
        # Background work (renditions of the demo images: half a run's time) is kept, not run.
        TEST_TASKS_BACKEND="django_tasks.backends.dummy.DummyBackend",
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "failed" not in result.stdout
