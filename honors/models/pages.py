"""The honour roll's index page: every profile under it, filtered and paged."""

from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from honors.filters import ProfileFilterSet
from honors.models.profiles import ProfilePage


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
        results = filterset.qs.select_related("photo").prefetch_related("honours__title", "honours__round")
        paginator = Paginator(results, self.per_page)
        page_obj = paginator.get_page(request.GET.get("page"))
        context.update(
            filterset=filterset,
            profiles=page_obj,
            paginator=paginator,
            page_range=paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1),
            # Keeps the filters when a visitor moves between pages.
            filter_params=filterset.canonical_params(),
            is_filtered=filterset.is_filtered(),
        )
        return context
