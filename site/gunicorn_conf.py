"""Gunicorn configuration for production, behind a reverse proxy (nginx) that ends TLS:

    gunicorn -c python:siteshell.gunicorn_conf siteshell.wsgi

``WEB_CONCURRENCY`` sets the number of workers and ``GUNICORN_BIND`` the address; any other
value is overridden on the command line or in ``GUNICORN_CMD_ARGS`` (e.g. ``--timeout 120``).

The application is loaded once in the master and the workers are forked from it
(``preload_app``), with the search dictionaries already loaded (``when_ready``): a worker
starts in milliseconds, answers its first search at once, and the ~130 MB of dictionaries are
shared by all the workers instead of copied into each. A deployment therefore restarts the
service (``systemctl restart``): ``kill -HUP`` would fork new workers from the old code.
"""

import gc
import os

# -- workers --------------------------------------------------------------------------------
# Pages are CPU-bound (SQL is a few per cent of a render), so workers beyond the cores add no
# throughput; two per core keep the CPUs busy while some wait on the database, Redis or disk
# (uploads, images), and bound the memory: measured with the demo, the master holds ~250 MB
# that its workers share and each worker adds ~40 MB of its own (bench/page_speed.py).
workers = int(os.environ.get("WEB_CONCURRENCY") or 2 * (os.cpu_count() or 1))
# Sync workers: one request at a time each. The proxy buffers slow phones' requests and
# responses, so a worker is never held by a slow connection.
worker_class = "sync"
# The proxy on the same host connects here; never expose gunicorn itself.
bind = [os.environ.get("GUNICORN_BIND") or "127.0.0.1:8000"]

# -- timeouts -------------------------------------------------------------------------------
# A page takes tens of milliseconds; the slowest legitimate requests are staff uploads and
# exports of a few seconds. A worker silent for 60 s (nginx's default proxy_read_timeout,
# after which nobody is waiting for the answer any more) is stuck and is restarted.
timeout = 60
# On a restart or a recycle (max_requests), a request in flight gets this long to finish.
graceful_timeout = 30
# Used by threaded/async workers only (sync workers close after each response): longer than
# nginx's idle upstream connections (keepalive_timeout 60 s), so that the proxy closes an idle
# connection, never gunicorn at the moment the proxy reuses it (a 502 for the visitor).
keepalive = 75

# -- recycling ------------------------------------------------------------------------------
# Per-process caches (analysed words, compiled templates, renditions looked up) grow with what
# a worker has seen, up to their bounds; a worker is replaced after this many requests, which
# with preload_app is a fork of the master (milliseconds, dictionaries included). Counted high:
# under a peak a worker answers a few hundred cached pages a second, and a recycled worker
# starts with an empty local page cache (without Redis) and cold per-process caches; at 50,000
# a worker lives minutes at the peak and hours on a normal day. The jitter spreads the
# recycling so that the workers never restart together.
max_requests = 50_000
max_requests_jitter = 5_000

# -- loading --------------------------------------------------------------------------------
# Load Django and the search dictionaries once in the master; workers share them (above).
preload_app = True
# The workers' heartbeat file on tmpfs: a heartbeat written to a disk-backed /tmp can block
# for seconds under I/O load (containers' overlay file systems) and get a worker killed.
if os.path.isdir("/dev/shm"):
    worker_tmp_dir = "/dev/shm"
# No runtime control socket (gunicornc): systemd starts, restarts and stops the service, and
# every gunicorn of a user on the host would take the same default path (~/.gunicorn/gunicorn.ctl).
control_socket_disable = True

# -- logging --------------------------------------------------------------------------------
# Errors and the access log to stdout/stderr (the journal). The access log holds what Django's
# own log holds and nothing more about the visitor: no address, user agent, referrer or query
# string (search words and tracking codes are typed by visitors). X-Page-Cache tells whether
# the page cache answered.
accesslog = "-"
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms cache=%({x-page-cache}o)s pid=%(p)s'


# -- hooks ----------------------------------------------------------------------------------


def when_ready(server):
    """In the master, after the application was preloaded and before any worker is forked."""
    if server.cfg.preload_app:
        warm_up(server.log)


def pre_fork(server, worker):
    """In the master, just before each fork (the first workers and every replacement)."""
    close_connections()
    # Objects that exist now are the master's: frozen, the workers' garbage collector never
    # writes to them, so their memory pages stay shared instead of being copied on first
    # collection (the recipe of Python's gc.freeze documentation).
    gc.freeze()


def warm_up(log):
    """Load what every worker would otherwise load on its first requests."""
    from django.apps import apps
    from django.conf import settings
    from django.core.cache import caches
    from django.template import engines
    from django.urls import get_resolver
    from django.utils import formats, translation

    if apps.is_installed("search"):
        from search.analysis import warm_up as warm_up_search

        warm_up_search()
    # The URLconf imports every view it names, the admin's too (some 700 modules, 0.3 s), and
    # compiles its patterns once per language on first use.
    # Dates and numbers are formatted with each language's format module.
    resolver = get_resolver()
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            resolver.reverse_dict  # noqa: B018 (the property fills the resolver's caches)
            formats.get_format("DATE_FORMAT")
    # The template engines with their tag libraries, loaders and context processors.
    for backend in engines.all():
        if engine := getattr(backend, "engine", None):
            engine.template_loaders  # noqa: B018 (cached properties: loaded on first access)
            engine.template_context_processors  # noqa: B018
    # The cache backends (no connection is opened before their first use).
    caches.all()
    close_connections()
    log.info("Application warmed up: search dictionaries, URLs, templates")


def close_connections():
    """Close the database and cache connections the master opened (the warm-up reads the
    搜索词典), so no socket is shared by two processes after a fork: a worker opens its own.

    Closing here, before the fork, and not in the worker: a worker closing an inherited
    PostgreSQL connection would end the master's session too.
    """
    from django.core.cache import caches
    from django.db import connections

    connections.close_all()
    for cache in caches.all(initialized_only=True):
        cache.close()
