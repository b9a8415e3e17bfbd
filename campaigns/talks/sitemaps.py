"""The sitemap section of talk pages (they live under the talks page's routes, outside the page
tree): every published talk that has not long ended."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.contrib.sitemaps import Sitemap

from campaigns.talks.models import Talk, TalksIndexPage

#: Talks that ended longer ago drop out of the sitemap (their pages stay).
RECENT = datetime.timedelta(days=365)


class TalkSitemap(Sitemap):
    @cached_property
    def index_page(self):
        return TalksIndexPage.for_request(self.request)

    def items(self):
        if self.index_page is None:
            return Talk.objects.none()
        return Talk.objects.published().filter(end__gte=timezone.now() - RECENT).order_by("pk")

    def get_latest_lastmod(self):
        return None

    def _urls(self, page, protocol, domain):
        base = self.index_page.get_full_url(self.request) if self.index_page else ""
        return [
            {
                "item": talk,
                "location": base + self.index_page.reverse_subpage("talk", args=[talk.pk]),
                "lastmod": talk.updated_at,
                "changefreq": None,
                "priority": "",
                "alternates": [],
            }
            for talk in self.paginator.page(page).object_list
        ]
