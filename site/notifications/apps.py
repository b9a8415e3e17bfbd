from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "siteshell.notifications"
    label = "notifications"
    verbose_name = _("通知与查询码")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from siteshell import pagecache
        from siteshell.notifications.models import Notification, TrackingCode

        # Messages to the public and their codes are listed for staff only, never on a page.
        pagecache.exempt_models(Notification, TrackingCode)
