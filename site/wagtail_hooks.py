from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from siteshell import health


@hooks.register(health.HOOK_NAME, order=-10)
def database_health_check():
    return "database", health.check_database


@hooks.register(health.HOOK_NAME, order=-10)
def cache_health_check():
    return "cache", health.check_cache


@hooks.register(health.HOOK_NAME, order=-10)
def search_health_check():
    return "search", health.check_search


@hooks.register("register_settings_menu_item")
def register_plugins_menu_item():
    return MenuItem(_("功能模块"), reverse("siteshell_admin:plugins"), icon_name="cogs", order=900)


@hooks.register("register_admin_urls")
def register_admin_urls():
    from django.urls import include, path

    from siteshell import admin_views

    return [path("plugins/", include((admin_views.urlpatterns, "siteshell_admin")))]
