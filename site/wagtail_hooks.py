from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.staticfiles import versioned_static

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


class SiteManagersMenuItem(MenuItem):
    """Shown to 站点管理员 and superusers only (siteshell.review.rights.is_site_manager)."""

    def is_shown(self, request):
        from siteshell.review.rights import is_site_manager

        return is_site_manager(request.user)


@hooks.register("register_settings_menu_item")
def register_plugins_menu_item():
    # Model names and API paths: for who runs the site, not for editors.
    return SiteManagersMenuItem(_("功能模块"), reverse("siteshell_admin:plugins"), icon_name="cogs", order=900)


@hooks.register("register_admin_urls")
def register_admin_urls():
    from django.urls import include, path

    from siteshell import admin_views

    return [path("plugins/", include((admin_views.urlpatterns, "siteshell_admin")))]


@hooks.register("insert_global_admin_js")
def admin_init_script():
    """Runs the widget start-up calls that siteshell.admin_scripts took out of inline scripts."""
    return format_html('<script src="{}"></script>', versioned_static("siteshell/js/admin-init.js"))
