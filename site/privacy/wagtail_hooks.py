from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from siteshell.privacy import log_actions
from siteshell.privacy.access import can_view_full


class SubjectRequestMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_full(request)


@hooks.register("register_log_actions")
def register_privacy_log_actions(actions):
    log_actions.register(actions)


@hooks.register("register_admin_urls")
def register_admin_urls():
    from siteshell.privacy.admin_urls import urlpatterns

    return [path("privacy/", include((urlpatterns, "privacy_admin")))]


@hooks.register("register_settings_menu_item")
def register_subject_request_menu_item():
    return SubjectRequestMenuItem(
        _("个人信息查询"), reverse("privacy_admin:subject"), name="personal-data", icon_name="user", order=620
    )
