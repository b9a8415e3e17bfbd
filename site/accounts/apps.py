from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "siteshell.accounts"
    label = "accounts"
    verbose_name = _("员工登录与账户安全")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from siteshell.accounts import checks, records  # noqa: F401  (system checks, login signals)
