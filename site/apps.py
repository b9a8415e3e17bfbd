from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteShellConfig(AppConfig):
    name = "siteshell"
    label = "siteshell"
    verbose_name = _("站点")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from siteshell.groups import sync_staff_groups

        post_migrate.connect(sync_staff_groups, dispatch_uid="siteshell.sync_staff_groups")
