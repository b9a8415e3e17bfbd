"""The production server's configuration (site/gunicorn_conf.py), read by gunicorn itself:
``gunicorn -c python:siteshell.gunicorn_conf siteshell.wsgi``."""

import importlib
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from gunicorn.config import Config

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def gunicorn_config(monkeypatch):
    """The configuration as gunicorn loads it, under the environment the test sets: every value
    goes through gunicorn's own validation (types, hook signatures)."""

    def load(**environment):
        for name in ("WEB_CONCURRENCY", "GUNICORN_BIND"):
            monkeypatch.delenv(name, raising=False)
        for name, value in environment.items():
            monkeypatch.setenv(name, value)
        module = importlib.reload(importlib.import_module("siteshell.gunicorn_conf"))
        config = Config()
        for name, value in vars(module).items():
            if name in config.settings:
                config.set(name, value)
        return config

    yield load
    monkeypatch.undo()
    importlib.reload(importlib.import_module("siteshell.gunicorn_conf"))


def test_a_two_core_server_gets_four_workers_on_localhost(gunicorn_config, monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    config = gunicorn_config()
    assert config.workers == 4
    assert config.bind == ["127.0.0.1:8000"]
    assert config.worker_class_str == "sync"


def test_workers_and_address_come_from_the_environment(gunicorn_config):
    config = gunicorn_config(WEB_CONCURRENCY="3", GUNICORN_BIND="unix:/run/commemoration/gunicorn.sock")
    assert config.workers == 3
    assert config.bind == ["unix:/run/commemoration/gunicorn.sock"]


def test_workers_are_forked_from_a_preloaded_master_and_recycled_apart(gunicorn_config):
    config = gunicorn_config()
    assert config.preload_app
    # Recycled from time to time, never all at once.
    assert 0 < config.max_requests_jitter < config.max_requests
    # A request in flight during a restart may finish before the stuck-worker timeout.
    assert 0 < config.graceful_timeout <= config.timeout
    if os.path.isdir("/dev/shm"):
        assert config.worker_tmp_dir == "/dev/shm"


def test_the_access_log_keeps_nothing_about_the_visitor(gunicorn_config):
    config = gunicorn_config()
    assert config.accesslog == "-"
    atoms = set(re.findall(r"%\((.+?)\)s", config.access_log_format))
    # Method, path without query, status, size, duration and the page cache's answer …
    assert {"m", "U", "s", "B", "M", "{x-page-cache}o"} <= atoms
    # … and no address, user, request line with its query string, referrer, user agent or
    # request header.
    assert not atoms & {"h", "u", "r", "q", "f", "a"}
    assert not [atom for atom in atoms if atom.endswith(("}i", "}e"))]


def test_the_master_loads_the_dictionaries_and_forks_without_a_database_connection(tmp_path):
    """The real gunicorn master (its Arbiter, preloading the application), without listening or
    forking: the hooks run as they do before the first worker is forked."""
    script = textwrap.dedent(
        """
        import gc, sys
        sys.argv = ["gunicorn", "-c", "python:siteshell.gunicorn_conf", "siteshell.wsgi"]
        from gunicorn.app.wsgiapp import WSGIApplication
        from gunicorn.arbiter import Arbiter

        master = Arbiter(WSGIApplication())  # loads the application: preload_app
        from django.db import connection
        from django.urls import get_resolver
        from search.analysis import dictionary

        assert dictionary._tokenizer is None
        master.cfg.when_ready(master)
        assert dictionary._tokenizer.initialized
        assert "url_patterns" in vars(get_resolver())  # the URLconf is imported
        assert connection.connection is None  # the warm-up read the 搜索词典, then closed

        # A connection the master opened later is closed before each fork, and what exists
        # then is frozen for the workers' garbage collector.
        connection.ensure_connection()
        master.cfg.pre_fork(master, None)
        assert connection.connection is None
        assert gc.get_freeze_count() > 0
        print("ok")
        """
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "siteshell.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
        "PYTHONPATH": str(ROOT),
    }
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip().endswith("ok")
