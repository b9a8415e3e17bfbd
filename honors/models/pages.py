"""The honour roll's index page: every profile under it, filtered and paged."""

from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from honors.choices import Category
from honors.filters import ProfileFilterSet
from honors.models.profiles import ProfilePage, honours_with_round_and_title
from media.renditions import PORTRAIT_CARD, prefetch_renditions


class HonorIndexPage(Page):
    """The honour roll (e.g. 最美退役军人风采): every profile under it, filtered and paged."""

    intro = RichTextField(
        _("导语"), blank=True, features=["bold", "italic", "link"], help_text=_("显示在人物列表上方的简短介绍")
    )
    per_page = models.PositiveSmallIntegerField(
        _("每页人数"), default=12, validators=[MinValueValidator(4), MaxValueValidator(60)]
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    settings_panels = Page.settings_panels + [FieldPanel("per_page")]

    parent_page_types = ["siteshell.HomePage"]
    subpage_types = ["honors.ProfilePage"]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("荣誉风采栏目")
        verbose_name_plural = pgettext_lazy("plural", "荣誉风采栏目")

    def profiles(self):
        """Live, public profiles under this index."""
        return ProfilePage.objects.child_of(self).live().public()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filterset = ProfileFilterSet(request.GET, queryset=self.profiles(), request=request)
        results = filterset.qs.select_related("photo").prefetch_related(
            prefetch_renditions("photo", PORTRAIT_CARD), honours_with_round_and_title()
        )
        paginator = Paginator(results, self.per_page)
        # People and organisations are counted apart (共 20 位人物、2 个组织), in the one query
        # that also gives the paginator its total.
        # (The filtered list may join honours, one row per honour: counted through its ids.)
        matching = ProfilePage.objects.filter(pk__in=filterset.qs.order_by().values("pk"))
        by_category = dict(matching.values_list("category").annotate(Count("pk")).order_by())
        organisations = by_category.get(Category.VOLUNTEER_ORGANISATION, 0)
        paginator.count = sum(by_category.values())
        asked = request.GET.get("page")
        page_obj = paginator.get_page(asked)
        context.update(
            # A page number that is not one (text, 0, beyond the last page): the nearest page is
            # shown, and the visitor is told so rather than left to wonder.
            page_notice=asked not in (None, "", str(page_obj.number)),
            filterset=filterset,
            profiles=page_obj,
            paginator=paginator,
            people_count=paginator.count - organisations,
            organisation_count=organisations,
            page_range=paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1),
            # Keeps the filters when a visitor moves between pages.
            filter_params=filterset.canonical_params(),
            is_filtered=filterset.is_filtered(),
        )
        return context
