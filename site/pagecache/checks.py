"""Deployment check: a page cache in each process's own memory cannot be invalidated across
processes."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

from siteshell.cache import per_process


@register(Tags.caches, deploy=True)
def page_cache_is_shared(app_configs=None, **kwargs):
    if not settings.PAGE_CACHE:
        return []
    if per_process(settings.PAGE_CACHE_ALIAS):
        return [
            Warning(
                "The page cache is kept in each process's own memory",
                hint=(
                    "With several gunicorn workers, a page published in one is shown stale by the "
                    "others for up to PAGE_CACHE_SECONDS. Set REDIS_URL (a shared cache) or PAGE_CACHE=0."
                ),
                id="pagecache.W001",
            )
        ]
    return []
