"""The talks page (老兵宣讲): upcoming talks as a list and a month calendar, a page per talk,
iCalendar feeds, and the booking form for schools.

Talks are snippets (``Talk``), not pages: staff edit one form, and an accepted booking becomes
a talk without touching the page tree. The iCalendar files are served outside the page tree (``talks/feed.ics``, ``talks/<id>.ics``:
page addresses cannot hold a dot). The page declares its other routes and hands each
request to the handler ``campaigns.talks.views`` registered for it (``routing``), so models
never import views.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page, Site
from wagtail.search import index

from campaigns.talks import routing


class TalksIndexPage(RoutablePageMixin, Page):
    intro = RichTextField(
        _("导语"), blank=True, features=["bold", "italic", "link"], help_text=_("显示在宣讲列表上方的简短介绍")
    )
    booking_intro = RichTextField(
        _("预约说明"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("显示在学校预约表上方，例如提前多久预约、每场人数"),
    )
    per_page = models.PositiveSmallIntegerField(
        _("每页场次"), default=20, validators=[MinValueValidator(5), MaxValueValidator(100)]
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("booking_intro")]
    settings_panels = Page.settings_panels + [FieldPanel("per_page")]
    parent_page_types = ["siteshell.HomePage"]
    subpage_types = []
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("老兵宣讲栏目")
        verbose_name_plural = pgettext_lazy("plural", "老兵宣讲栏目")

    @classmethod
    def for_request(cls, request=None):
        """The live, public talks page of the request's site (else of the default site)."""
        site = Site.find_for_request(request) if request is not None else None
        site = site or Site.objects.filter(is_default_site=True).first()
        pages = cls.objects.live().public()
        if site is not None:
            pages = pages.descendant_of(site.root_page, inclusive=True)
        return pages.order_by("path").first()

    def route_url(self, name, *args, request=None) -> str:
        return (self.get_url(request=request) or "") + self.reverse_subpage(name, args=args)

    def talk_url(self, talk, request=None) -> str:
        return self.route_url("talk", talk.pk, request=request)

    def site_root_url(self) -> str:
        """``https://host`` of this page's site, for absolute addresses outside the page tree."""
        site = self.get_site()
        return site.root_url if site is not None else ""

    # -- routes ----------------------------------------------------------------------------

    @path("", name="index")
    def index_route(self, request):
        return routing.serve("index", request, self)

    @path("calendar/", name="calendar_now")
    def calendar_now_route(self, request):
        return routing.serve("calendar", request, self)

    @path("calendar/<int:year>/<int:month>/", name="calendar")
    def calendar_route(self, request, year, month):
        return routing.serve("calendar", request, self, year, month)

    @path("<int:pk>/", name="talk")
    def talk_route(self, request, pk):
        return routing.serve("talk", request, self, pk)

    @path("book/", name="book")
    def book_route(self, request):
        return routing.serve("book", request, self)
