"""The admin's read-only list of notifications (设置 → 通知记录).

Staff see when and how a submitter was told, with the recipient masked and no message text; no
one adds, edits or deletes a notification here. Tracking codes are not listed anywhere.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from siteshell.notifications.models import Notification


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Only ``view`` (``notifications.view_notification``), for superusers too."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class NotificationViewSet(SnippetViewSet):
    model = Notification
    icon = "mail"
    menu_label = _("通知记录")
    menu_name = "notifications"
    add_to_settings_menu = True
    list_display = ["created_at", "channel", "recipient_masked", "purpose", "status", "attempts", "last_error"]
    list_filter = ["status", "channel"]
    search_fields = ["purpose", "template"]
    search_backend_name = None
    ordering = ["-created_at", "-id"]
    list_per_page = 50
    inspect_view_enabled = True
    inspect_view_fields = [
        "channel",
        "recipient_masked",
        "template",
        "purpose",
        "status",
        "attempts",
        "last_error",
        "provider_message_id",
        "created_at",
        "sent_at",
        "next_attempt_at",
    ]
    permission_policy = ReadOnlyPermissionPolicy(Notification)


register_snippet(NotificationViewSet)
