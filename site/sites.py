"""Which Wagtail site answers a request, remembered by each process for a moment.

Wagtail finds the site of every request it serves with a query (the host and port against the
sites table, ordered by how well they match): about a tenth of an uncached record page. The
answer changes only when staff edit the sites (设置 → 站点). :class:`SiteMemoMiddleware` keeps
the row Wagtail found per host and port for ``LOCAL_MEMO_SECONDS`` (``siteshell.cache``) and
gives each later request fresh instances of it and of its root page (as Wagtail's query selects
them together), as Wagtail's own ``request._wagtail_site``, which ``Site.find_for_request``
reads first. Saving or deleting a site or a page clears this process's memo at once; other
processes follow within the window.
"""

from __future__ import annotations

from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, Site

from siteshell.cache import ProcessMemo

#: By host and port: the rows of the site and of its root page (database alias, field names,
#: values of each).
_rows = ProcessMemo(maximum=256)


def _key(request) -> str | None:
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    # The cache's full key: a test's key prefix (another database's sites) is another key.
    return cache.make_key(f"siteshell:site:{host}:{request.get_port()}")


class SiteMemoMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = _key(request)
        row = _rows.get(key) if key else ProcessMemo.MISSING
        if row is not ProcessMemo.MISSING:
            site_row, root_row = row
            site = Site.from_db(*site_row)
            site._state.fields_cache["root_page"] = Page.from_db(*root_row)
            request._wagtail_site = site
        response = self.get_response(request)
        site = request.__dict__.get("_wagtail_site")
        if key and row is ProcessMemo.MISSING and isinstance(site, Site) and "root_page" in site._state.fields_cache:
            # As Wagtail's query found them (the root page selected with the site).
            _rows.put(key, (_row(site), _row(site._state.fields_cache["root_page"])))
        return response


def _row(instance) -> tuple:
    names = [field.attname for field in type(instance)._meta.concrete_fields]
    return instance._state.db, names, [getattr(instance, name) for name in names]


@receiver(post_save)
@receiver(post_delete)
def _forget(sender, instance, **kwargs):
    """A site or any page (the root page's path, locale or type) saved or deleted."""
    if isinstance(instance, (Site, Page)):
        _rows.clear()
