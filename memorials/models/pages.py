"""英名录: the one routable page that serves the list, the filters and every record's page."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page, Site

from memorials import routing


class MartyrArchivePage(RoutablePageMixin, Page):
    """英名录: browse, filter and read the martyr records; one page serves them all.

    Records are data, not pages (the national list holds about 1.86 million): each route below
    is a public URL under this page, handled by the view registered for its name in
    :mod:`memorials.routing` (see ``memorials/views.py``).
    """

    intro = models.TextField(_("导语"), blank=True, max_length=500)
    per_page = models.PositiveSmallIntegerField(
        _("每页条数"), default=30, validators=[MinValueValidator(10), MaxValueValidator(100)]
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("per_page")]
    parent_page_types = ["siteshell.HomePage"]
    subpage_types = []
    max_count = 1
    template = "memorials/archive_page.html"

    class Meta:
        verbose_name = _("英名录")
        verbose_name_plural = pgettext_lazy("plural", "英名录")

    @classmethod
    def for_request(cls, request=None):
        """The live archive page of the request's site (or of any site), once per request."""
        cached = getattr(request, "_memorials_archive", None) if request is not None else None
        if cached is not None:
            return cached
        pages = cls.objects.live().public()
        archive = None
        if request is not None:
            site = Site.find_for_request(request)
            if site is not None:
                archive = pages.descendant_of(site.root_page).first()
        archive = archive or pages.first()
        if request is not None and archive is not None:
            request._memorials_archive = archive
        return archive

    def serve(self, request, *args, **kwargs):
        # Wagtail's routing has just found this page: record and facility URLs (for_request)
        # use it rather than looking the archive up again.
        if self.live and request is not None:
            request._memorials_archive = self
        return super().serve(request, *args, **kwargs)

    # -- routes ----------------------------------------------------------------------------

    @path("")
    def index_route(self, request):
        return routing.serve("index", request, self)

    @path("<int:pk>/", name="record")
    def record_route(self, request, pk):
        return routing.serve("record", request, self, pk)

    @re_path(r"^(?P<pk>\d+)/qr/(?P<fmt>svg|png)/$", name="record_qr")
    def record_qr_route(self, request, pk, fmt):
        return routing.serve("record_qr", request, self, int(pk), fmt)

    @path("<int:pk>/correction/", name="correction")
    def correction_route(self, request, pk):
        return routing.serve("correction", request, self, pk)

    @path("facility/<int:pk>/", name="facility")
    def facility_route(self, request, pk):
        return routing.serve("facility", request, self, pk)

    @path("facility/<int:pk>/labels/", name="facility_labels")
    def facility_labels_route(self, request, pk):
        return routing.serve("facility_labels", request, self, pk)
