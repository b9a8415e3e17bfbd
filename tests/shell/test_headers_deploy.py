"""Production settings: `check --deploy` is clean, static files get hashed names and a ten-year cache.

Each step runs in a subprocess with the production settings, as a deployment would: the test
settings keep plain static storage.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SERVE_SCRIPT = """
import json, django
django.setup()
from django.contrib.staticfiles.storage import staticfiles_storage
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()
client = Client()
url = staticfiles_storage.url("siteshell/css/site.css")
response = client.get(url, secure=True)
result = {"url": url, "status": response.status_code, "cache": response.headers.get("Cache-Control", "")}
try:
    staticfiles_storage.url("siteshell/css/no-such-file.css")
except ValueError as error:
    result["missing"] = str(error)
print(json.dumps(result))
"""


@pytest.fixture(scope="module")
def production_env(tmp_path_factory):
    from cryptography.fernet import Fernet

    folder = tmp_path_factory.mktemp("production")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "siteshell.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "testserver,example.gov.cn",
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "STATIC_ROOT": str(folder / "static"),
        "TASKS_BACKEND": "immediate",
        # Production refuses to start without the personal-data keys (docs/privacy.md).
        "PERSONAL_DATA_KEYS": Fernet.generate_key().decode(),
        "PERSONAL_DATA_HASH_KEY": secrets.token_urlsafe(48),
        # Production counts failed logins in the shared cache (accounts.W001 without it); the
        # check does not connect.
        "REDIS_URL": "redis://127.0.0.1:6379/15",
        # An answerable sender for the bureau's mail (siteshell.staff.W001 at localhost).
        "DEFAULT_FROM_EMAIL": "noreply@example.gov.cn",
    }
    # DJANGO_ALLOW_ASYNC_UNSAFE: set by the browser tests in this worker (Playwright's loop).
    for name in ("ELASTICSEARCH_URL", "CSP_REPORT_ONLY", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        env.pop(name, None)
    return env


def manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


def test_check_deploy_wants_the_manifest_then_is_clean(production_env):
    before = manage(production_env, "check", "--deploy", "--fail-level", "WARNING")
    assert before.returncode != 0
    assert "siteshell.E101" in before.stderr and "collectstatic" in before.stderr

    collected = manage(production_env, "collectstatic", "--noinput", "-v0")
    assert collected.returncode == 0, collected.stderr
    assert (Path(production_env["STATIC_ROOT"]) / "staticfiles.json").exists()

    after = manage(production_env, "check", "--deploy", "--fail-level", "WARNING")
    assert after.returncode == 0, after.stderr
    assert "no issues" in after.stdout


def test_hashed_static_files_are_cached_for_ten_years(production_env):
    if not (Path(production_env["STATIC_ROOT"]) / "staticfiles.json").exists():
        assert manage(production_env, "collectstatic", "--noinput", "-v0").returncode == 0
    served = subprocess.run(
        [sys.executable, "-c", SERVE_SCRIPT],
        cwd=ROOT,
        env=production_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert served.returncode == 0, served.stderr
    result = json.loads(served.stdout.strip().splitlines()[-1])
    assert result["url"].startswith("/static/siteshell/css/site.") and result["url"] != "/static/siteshell/css/site.css"
    assert result["status"] == 200
    assert "max-age=315360000" in result["cache"] and "immutable" in result["cache"]
    # A name missing from the manifest fails at once with a clear message (the 500 page needs no static file).
    assert "Missing staticfiles manifest entry for 'siteshell/css/no-such-file.css'" in result["missing"]


def test_production_adds_upgrade_insecure_requests(production_env):
    script = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.CONTENT_SECURITY_POLICY['DIRECTIVES'].get('upgrade-insecure-requests'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=production_env, capture_output=True, text=True, timeout=60
    )
    assert out.stdout.strip().splitlines()[-1] == "True", out.stderr
