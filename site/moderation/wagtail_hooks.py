from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from siteshell.moderation import log_actions, permissions
from siteshell.moderation.panels import InboxMenuItem, InboxPanel


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions):
    log_actions.register(actions)


@hooks.register("register_admin_urls")
def register_admin_urls():
    from siteshell.moderation.admin_urls import urlpatterns

    return [path("moderation/", include((urlpatterns, "moderation_admin")))]


@hooks.register("register_admin_menu_item")
def register_inbox_menu_item():
    return InboxMenuItem(
        _("待办"), reverse("moderation_admin:inbox"), name="moderation-inbox", icon_name="tasks", order=150
    )


@hooks.register("construct_homepage_panels")
def add_inbox_panel(request, panels):
    if permissions.can_moderate(request.user):
        panels.append(InboxPanel())
