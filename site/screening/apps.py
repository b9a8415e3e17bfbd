from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScreeningConfig(AppConfig):
    name = "siteshell.screening"
    label = "screening"
    verbose_name = _("敏感词")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from siteshell.screening import signals  # noqa: F401
