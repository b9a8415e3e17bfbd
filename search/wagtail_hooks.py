from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.health import check_search
from search.models import SearchSynonym, SearchTerm


class SearchTermViewSet(SnippetViewSet):
    model = SearchTerm
    icon = "search"
    menu_label = _("搜索词典")
    menu_name = "search_terms"
    add_to_settings_menu = True
    list_display = ["term", "note", "created_at"]
    search_fields = ["term", "note"]


register_snippet(SearchTermViewSet)


class SearchSynonymViewSet(SnippetViewSet):
    """Groups of words that find one another (搜索同义词). Creating, editing and deleting a group
    is logged by Wagtail's snippet views (``log_action``: 设置 → 日志, and its history)."""

    model = SearchSynonym
    icon = "resubmit"
    menu_label = _("搜索同义词")
    menu_name = "search_synonyms"
    add_to_settings_menu = True
    list_display = ["words", "note", "active", "updated_at"]
    list_filter = ["active"]
    search_fields = ["words", "note"]


register_snippet(SearchSynonymViewSet)


@hooks.register("register_health_check")
def search_health_check():
    # Registered after the shell's check of the same name, which it replaces.
    return "search", check_search
