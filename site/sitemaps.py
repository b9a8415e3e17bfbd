"""``/sitemap.xml``: an index over Wagtail's page sitemap and every enabled plugin's sitemaps."""

import datetime
import functools
import html

from django.contrib.sitemaps.views import x_robots_tag
from django.contrib.sites.shortcuts import get_current_site
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db.models import Max
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.http import http_date
from wagtail.contrib.sitemaps import Sitemap as WagtailPageSitemap
from wagtail.contrib.sitemaps.views import prepare_sitemaps

from siteshell.plugins import sitemaps as plugin_sitemaps


class PageSitemap(WagtailPageSitemap):
    """Wagtail's sitemap of the site's live public pages; the index asks it for the latest
    change with one query instead of loading every page."""

    def get_latest_lastmod(self):
        return (
            self.items()
            .order_by()
            .aggregate(latest=Max(Coalesce("last_published_at", "latest_revision_created_at")))["latest"]
        )


#: ``/sitemap.xml`` is an index of these sections: the pages, then every enabled plugin's
#: sitemaps (records and other content outside the page tree), each paginated.
SITEMAPS = {"pages": PageSitemap, **plugin_sitemaps()}


def _urlset_xml(urls):
    attr = functools.partial(html.escape, quote=True)
    zone = timezone.get_current_timezone()

    def w3c_date(value):
        # What Django's sitemap.xml template writes: the date in the site's time zone.
        if isinstance(value, datetime.datetime):
            if value.tzinfo is not None:
                value = value.astimezone(zone)
            value = value.date()
        return value.isoformat()

    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
    ]
    for url in urls:
        parts.append(f"<url><loc>{attr(url['location'])}</loc>")
        if url.get("lastmod"):
            parts.append(f"<lastmod>{w3c_date(url['lastmod'])}</lastmod>")
        if url.get("changefreq"):
            parts.append(f"<changefreq>{attr(str(url['changefreq']))}</changefreq>")
        if url.get("priority"):
            parts.append(f"<priority>{attr(str(url['priority']))}</priority>")
        for alternate in url.get("alternates") or ():
            parts.append(
                f'<xhtml:link rel="alternate" hreflang="{attr(alternate["lang_code"])}" '
                f'href="{attr(alternate["location"])}"/>'
            )
        parts.append("</url>\n")
    parts.append("</urlset>\n")
    return "".join(parts)


@x_robots_tag
def sitemap_section(request, section):
    """One page (``?p=``) of one section of the index: the XML of Django's ``sitemap`` view,
    written without the template engine, which needs about ten seconds for the 50,000 URLs
    of a full page; this takes a fraction of a second."""
    sitemaps = prepare_sitemaps(request, SITEMAPS)
    if section not in sitemaps:
        raise Http404(f"No sitemap available for section: {section!r}")
    site = sitemaps[section]
    if callable(site):
        site = site()
    try:
        urls = site.get_urls(page=request.GET.get("p", 1), site=get_current_site(request), protocol=request.scheme)
    except (EmptyPage, PageNotAnInteger):
        raise Http404(f"No page {request.GET.get('p')!r} in sitemap {section!r}") from None
    lastmod = getattr(site, "latest_lastmod", None)
    headers = {"Last-Modified": http_date(_aware(lastmod).timestamp())} if lastmod else None
    return HttpResponse(_urlset_xml(urls), content_type="application/xml", headers=headers)


def _aware(value):
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time.min)
    return timezone.make_aware(value, datetime.UTC) if timezone.is_naive(value) else value
