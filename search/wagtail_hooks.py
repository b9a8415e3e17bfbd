from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.health import check_search
from search.models import SearchTerm


class SearchTermViewSet(SnippetViewSet):
    model = SearchTerm
    icon = "search"
    menu_label = _("搜索词典")
    menu_name = "search_terms"
    add_to_settings_menu = True
    list_display = ["term", "note", "created_at"]
    search_fields = ["term", "note"]


register_snippet(SearchTermViewSet)


@hooks.register("register_health_check")
def search_health_check():
    # Registered after the shell's check of the same name, which it replaces.
    return "search", check_search
