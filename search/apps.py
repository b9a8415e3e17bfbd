from django.urls import path
from django.utils.translation import gettext_lazy as _

from siteshell.plugins import PluginConfig


class SearchConfig(PluginConfig):
    name = "search"
    label = "search"
    verbose_name = _("站内搜索")

    class PluginMeta:
        name = _("站内搜索")
        version = "1.0.0"
        description = _("支持中文分词、繁简转换和姓名拼音的全文搜索；内置数据库检索，规模大时可接入 Elasticsearch")
        category = "service"

    def ready(self):
        from search import signals  # noqa: F401  (the 搜索词典 reaches the tokenizer at once)

    def public_urls(self):
        """The search page; the shell includes it under the namespace ``search`` (``search:page``)."""
        from search import views

        return [path("search/", views.search_page, name="page")]

    def api_router(self):
        from search.api import build_router

        return build_router()
