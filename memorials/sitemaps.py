"""Sitemaps of the archive: every published record's page and every facility's page.

The records are listed without OFFSET and without counting the table: sitemap page *n*
holds the published records whose ids fall in the *n*-th range of ``limit`` ids after the
smallest published id (an index range scan on ``(live, id)``), and the number of pages comes
from the smallest and largest published ids (two index look-ups). The 40th page of 50,000
costs what the first one does. A page may hold fewer than ``limit`` records where ids were
left unused or records are unpublished; it never holds more.

The shell lists these sections in the ``/sitemap.xml`` index (see ``docs/plugins.md``).
"""

from __future__ import annotations

import math

from django.conf import settings
from django.core.paginator import Paginator
from django.utils.functional import cached_property
from wagtail.contrib.sitemaps import Sitemap

from memorials.models import MartyrArchivePage, MartyrRecord, MemorialFacility

#: URLs per sitemap page: the most the sitemap protocol allows (``MEMORIALS_SITEMAP_LIMIT``).
SITEMAP_LIMIT = 50_000


class IdRangePaginator(Paginator):
    """Pages of a queryset by ranges of ``id``: page *n* holds the rows with
    ``first + (n - 1) * per_page <= id < first + n * per_page``.

    ``count`` is the span of ids (an upper bound of the rows), not a count of them.
    """

    def __init__(self, object_list, per_page):
        super().__init__(object_list, per_page, allow_empty_first_page=True)

    @cached_property
    def id_bounds(self):
        # Two queries rather than MIN() and MAX() in one: SQLite answers a lone MIN or MAX
        # (and ORDER BY … LIMIT 1) from the index, but scans the table for both together.
        ids = self.object_list.values_list("id", flat=True)
        first = ids.order_by("id").first()
        if first is None:
            return None
        return first, ids.order_by("-id").first()

    @cached_property
    def count(self):
        if self.id_bounds is None:
            return 0
        first, last = self.id_bounds
        return last - first + 1

    @cached_property
    def num_pages(self):
        if not self.count:
            return 1
        return math.ceil(self.count / self.per_page)

    def page(self, number):
        number = self.validate_number(number)
        if self.id_bounds is None:
            return self._get_page(self.object_list.none(), number, self)
        start = self.id_bounds[0] + (number - 1) * self.per_page
        rows = self.object_list.filter(id__gte=start, id__lt=start + self.per_page).order_by("id")
        return self._get_page(rows, number, self)


class ArchiveSitemap(Sitemap):
    """A sitemap of pages that live under the archive page's routes (records, facilities).

    Items are ``(id, lastmod)`` rows; no model objects are built for 50,000 URLs.
    """

    def __init__(self, request=None):
        super().__init__(request)

    @cached_property
    def archive(self):
        return MartyrArchivePage.for_request(self.request)

    @cached_property
    def base_url(self):
        # The archive's full URL as Wagtail's page sitemap writes page URLs (the site's root URL).
        return self.archive.get_full_url(self.request) if self.archive is not None else ""

    @property
    def limit(self):
        return getattr(settings, "MEMORIALS_SITEMAP_LIMIT", SITEMAP_LIMIT)

    def rows(self):
        """The queryset of the section, as ``(id, lastmod)`` rows."""
        raise NotImplementedError

    def pairs(self, rows):
        return rows

    def items(self):
        if self.archive is None:
            # Without a live archive page no record or facility has a public URL.
            return self.rows().none()
        return self.rows()

    def path_for(self, pk):
        raise NotImplementedError

    def get_latest_lastmod(self):
        # The index would need MAX(updated_at) over millions of rows (no index): left out.
        return None

    def _urls(self, page, protocol, domain):
        rows = list(self.pairs(self.paginator.page(page).object_list))
        base, path_for = self.base_url, self.path_for
        urls = [
            {
                "item": pk,
                "location": base + path_for(pk),
                "lastmod": lastmod,
                "changefreq": None,
                "priority": "",
                "alternates": [],
            }
            for pk, lastmod in rows
        ]
        latest = max((lastmod for _pk, lastmod in rows if lastmod is not None), default=None)
        if latest is not None:
            self.latest_lastmod = latest
        return urls


class MartyrRecordSitemap(ArchiveSitemap):
    """Every published record's page (``<archive>/<id>/``), ``lastmod`` from ``updated_at``."""

    def rows(self):
        return MartyrRecord.objects.published().values_list("id", "updated_at")

    @property
    def paginator(self):
        return IdRangePaginator(self.items(), self.limit)

    def path_for(self, pk):
        # The archive page's ``record`` route: ``<int:pk>/``.
        return f"{pk}/"


class MemorialFacilitySitemap(ArchiveSitemap):
    """Every memorial facility's page (``<archive>/facility/<id>/``); a small table."""

    def rows(self):
        return MemorialFacility.objects.order_by("id").values_list("id", flat=True)

    def pairs(self, rows):
        # Facilities keep no modification time.
        return ((pk, None) for pk in rows)

    def path_for(self, pk):
        return f"facility/{pk}/"
