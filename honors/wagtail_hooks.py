"""The admin for honour titles and selection rounds: one "荣誉评选" menu with two snippet lists."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from honors.models import HonourTitle, SelectionRound


class SelectionRoundFilterSet(WagtailFilterSet):
    class Meta:
        model = SelectionRound
        fields = ["year", "level"]


class HonourTitleViewSet(SnippetViewSet):
    model = HonourTitle
    icon = "tag"
    menu_label = pgettext_lazy("plural", "荣誉称号")
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name", "description"]
    search_backend_name = None  # a short list: the database is enough
    ordering = ["sort_order", "name"]


class SelectionRoundViewSet(SnippetViewSet):
    model = SelectionRound
    icon = "calendar"
    menu_label = pgettext_lazy("plural", "评选届次")
    list_display = [
        "__str__",
        "organiser",
        Column("awarded_titles", label=_("评选的称号"), accessor="awarded_titles"),
        "announced_on",
    ]
    filterset_class = SelectionRoundFilterSet
    search_fields = ["edition", "organiser", "description"]
    search_backend_name = None

    def get_queryset(self, request):
        return SelectionRound.objects.prefetch_related("titles")


class HonorsSnippetGroup(SnippetViewSetGroup):
    items = (SelectionRoundViewSet, HonourTitleViewSet)
    menu_icon = "pick"
    menu_label = _("荣誉评选")
    menu_name = "honors"
    menu_order = 250


register_snippet(HonorsSnippetGroup)
