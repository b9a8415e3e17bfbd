from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, IndexView, SnippetViewSet

from siteshell.screening import admin_views
from siteshell.screening.models import SensitiveWord


class SensitiveWordIndexView(IndexView):
    bulk_add_url_name = None
    test_url_name = None

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.user_has_permission("add"):
            buttons.append(
                HeaderButton(_("批量添加"), url=reverse(self.bulk_add_url_name), icon_name="list-ul", priority=1010)
            )
        buttons.append(HeaderButton(_("检测文本"), url=reverse(self.test_url_name), icon_name="search", priority=1020))
        return buttons


class SensitiveWordCreateView(CreateView):
    def save_instance(self):
        self.form.instance.created_by = self.request.user
        return super().save_instance()


class SensitiveWordViewSet(SnippetViewSet):
    model = SensitiveWord
    icon = "warning"
    menu_label = _("敏感词库")
    menu_name = "sensitive_words"
    add_to_settings_menu = True
    index_view_class = SensitiveWordIndexView
    add_view_class = SensitiveWordCreateView
    list_display = ["word", "category", "note", "created_by", "created_at"]
    list_filter = ["category"]
    search_fields = ["word", "note"]
    search_backend_name = None
    list_per_page = 50
    form_fields = ["word", "category", "note"]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            bulk_add_url_name=self.get_url_name("bulk_add"),
            test_url_name=self.get_url_name("test_text"),
            **kwargs,
        )

    def _word_list_view(self, view_class):
        return view_class.as_view(
            breadcrumbs_items=self.breadcrumbs_items,
            permission_policy=self.permission_policy,
            index_url_name=self.get_url_name("list"),
            index_label=self.model._meta.verbose_name_plural,
            header_icon=self.icon,
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("bulk-add/", self._word_list_view(admin_views.BulkAddView), name="bulk_add"),
            path("test/", self._word_list_view(admin_views.TestTextView), name="test_text"),
        ]


register_snippet(SensitiveWordViewSet)
