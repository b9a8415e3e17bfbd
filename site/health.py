"""Health checks behind ``GET /healthz``.

The public sees only ``{"status": "ok"}`` or ``{"status": "degraded"}``; the checks' details
(backends, timings, errors) go to a signed-in staff member or a request that carries
``Authorization: Bearer <HEALTHZ_TOKEN>`` (``may_see_details``).

Each check is registered through the ``register_health_check`` Wagtail hook as a function that
returns ``(name, callable)``; the callable raises when its service is down and may return a
dict of details. A later registration with the same name replaces an earlier one, so a service
app (e.g. search/) can supply a better check than the shell's default.
"""

import time
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.utils.crypto import constant_time_compare
from wagtail import hooks

HOOK_NAME = "register_health_check"


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"backend": connection.vendor}


def check_cache():
    cache = caches["default"]
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", 10)
    if cache.get(key) != "ok":
        raise RuntimeError("cache did not return the value just written")
    cache.delete(key)
    return {"backend": cache.__class__.__name__}


def check_search():
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    client = getattr(backend, "es", None) or getattr(backend, "client", None)
    if client is not None and hasattr(client, "ping"):
        if not client.ping():
            raise RuntimeError("search server did not answer")
    else:
        # The embedded backend lives in the database: run a real, tiny query against it.
        list(backend.search("healthz", Page.objects.live())[:1])
    return {"backend": backend.__class__.__module__}


def registered_checks():
    checks = {}
    for hook in hooks.get_hooks(HOOK_NAME):
        name, func = hook()
        checks[name] = func
    return checks


def run_checks():
    """Run every check; returns ``(all_ok, {name: result})``."""
    results, all_ok = {}, True
    for name, func in registered_checks().items():
        started = time.perf_counter()
        try:
            details = func() or {}
            result = {"status": "ok", **details}
        except Exception as error:  # a health check reports failures, it never raises
            all_ok = False
            result = {"status": "error", "error": f"{error.__class__.__name__}: {error}"[:300]}
        result["ms"] = round((time.perf_counter() - started) * 1000, 1)
        results[name] = result
    return all_ok, results


def may_see_details(request):
    """Staff signed in, or the monitoring token from HEALTHZ_TOKEN (compared in constant time)."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.is_active and user.is_staff:
        return True
    token = getattr(settings, "HEALTHZ_TOKEN", "")
    scheme, _, offered = request.headers.get("Authorization", "").partition(" ")
    return bool(token) and scheme.lower() == "bearer" and constant_time_compare(offered.strip(), token)


def overall_status(all_ok, results):
    """``"ok"`` when every check says ok; ``"degraded"`` when one failed or runs on a fallback."""
    if all_ok and all(result.get("status") == "ok" for result in results.values()):
        return "ok"
    return "degraded"
