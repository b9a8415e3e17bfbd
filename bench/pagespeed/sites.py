"""The two sites compared: this one on the demo content, and a stock Wagtail ``wagtail start``
project made from the same installed Wagtail. Both in a temporary folder, both with their
production settings and SQLite."""

from __future__ import annotations

import json
import os
import re
import secrets
import sys
import urllib.request
from pathlib import Path
from urllib.parse import quote

from bench.pagespeed.servers import ROOT, run_checked

PYTHON = sys.executable
REDIS_URL = "redis://127.0.0.1:6379/14"

#: Our pages, by what the issue's goals call them; the profile and the record are found in the
#: demo content (:func:`discover_pages`).
PAGES = {
    "home": "/",
    "honours index": "/zuimei/",
    "profile": None,
    "martyr archive": "/martyrs/",
    "record": None,
    "search": "/search/?q=" + quote("烈士"),
    "records API": "/api/memorials/records",
}
#: What every request carries: the reverse proxy's scheme header (production settings redirect
#: plain HTTP to HTTPS) and a Chinese phone's languages.
HEADERS = {"X-Forwarded-Proto": "https", "Accept-Language": "zh-CN,zh;q=0.9"}


def _clean_environment():
    """The caller's environment without settings that would point a server elsewhere."""
    env = dict(os.environ)
    for name in list(env):
        if name.startswith(("DJANGO_", "DATABASE_", "REDIS_", "ELASTICSEARCH_", "PAGE_CACHE", "GUNICORN_", "S3_")):
            del env[name]
    for name in ("SECRET_KEY", "ALLOWED_HOSTS", "DATA_DIR", "MEDIA_ROOT", "STATIC_ROOT", "WEB_CONCURRENCY"):
        env.pop(name, None)
    return env


def our_environment(folder, redis=False):
    """Production settings (with the bench's ``/bench-bare/`` URL) on a SQLite file in ``folder``;
    the keys are made once and kept there (the demo's personal data is encrypted with them)."""
    from cryptography.fernet import Fernet

    folder.mkdir(parents=True, exist_ok=True)
    keys_file = folder / "keys.json"
    if not keys_file.exists():
        keys = {
            "SECRET_KEY": secrets.token_urlsafe(64),
            "PERSONAL_DATA_KEYS": Fernet.generate_key().decode(),
            "PERSONAL_DATA_HASH_KEY": secrets.token_urlsafe(32),
        }
        keys_file.write_text(json.dumps(keys))
    env = _clean_environment()
    env.update(json.loads(keys_file.read_text()))
    env.update(
        DJANGO_SETTINGS_MODULE="bench.pagespeed.settings",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATA_DIR=str(folder),
        DATABASE_URL=f"sqlite:///{folder}/db.sqlite3",
        # No db_worker beside the benchmark: the demo's tasks (renditions, reference index) run
        # when they are queued.
        TASKS_BACKEND="immediate",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    if redis:
        env["REDIS_URL"] = REDIS_URL
    return env


def prepare_ours(folder, env, redis=False):
    """Migrate, collect static files and load the demo content, as ``make demo`` does; the demo
    content only once in ``folder`` (migrations and static files follow the code every time)."""
    if redis:
        import redis as redis_client

        redis_client.Redis.from_url(REDIS_URL).flushdb()
    manage = [PYTHON, str(ROOT / "manage.py")]
    run_checked([*manage, "migrate", "--noinput", "-v0"], env, ROOT, "migrate")
    run_checked([*manage, "collectstatic", "--noinput", "-v0"], env, ROOT, "collectstatic")
    loaded = folder / "demo-loaded"
    if not loaded.exists():
        run_checked([*manage, "load_demo"], env, ROOT, "load_demo")
        loaded.touch()


def prepare_stock(folder):
    """``wagtail start`` in ``folder``, its production settings (DEBUG off), migrated."""
    project = folder / "stockwagtail"
    if not (project / "manage.py").exists():
        project.mkdir(parents=True, exist_ok=True)
        wagtail = str(Path(PYTHON).with_name("wagtail"))
        run_checked([wagtail, "start", "stockwagtail", str(project)], None, folder, "wagtail start")
        (project / "stockwagtail" / "settings" / "local.py").write_text(
            f"SECRET_KEY = {secrets.token_urlsafe(64)!r}\nALLOWED_HOSTS = ['127.0.0.1', 'localhost']\n"
        )
    env = _clean_environment()
    env.update(DJANGO_SETTINGS_MODULE="stockwagtail.settings.production")
    run_checked([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env, project, "stock migrate")
    run_checked([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env, project, "stock collectstatic")
    return project, env


def fetch(url, timeout=120):
    """Status, headers and body of one GET with the benchmark's headers."""
    request = urllib.request.Request(url, headers=HEADERS)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8", "replace")


def discover_pages(base_url):
    """The demo's first profile and first martyr record, read from the index pages' links."""
    pages = dict(PAGES)
    for name, index, pattern in (
        ("profile", "/zuimei/", r'href="(/zuimei/[\w-]+/)"'),
        ("record", "/martyrs/", r'href="(/martyrs/\d+/)"'),
    ):
        status, _headers, body = fetch(base_url + index)
        found = re.search(pattern, body)
        if status != 200 or not found:
            raise RuntimeError(f"no {name} link on {index} (status {status})")
        pages[name] = found.group(1)
    return pages
