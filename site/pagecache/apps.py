from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "siteshell.pagecache"
    label = "pagecache"
    verbose_name = _("页面缓存")

    def ready(self):
        from siteshell.pagecache import checks, invalidation, live  # noqa: F401 — registers

        invalidation.connect()
        live.register_builtins()
