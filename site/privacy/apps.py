"""个人信息保护."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "siteshell.privacy"
    label = "privacy"
    verbose_name = _("个人信息保护")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from siteshell import pagecache
        from siteshell.privacy import checks  # noqa: F401  (registers the system checks)
        from siteshell.privacy.models import PersonalDataMixin

        # What holds a person's data is never shown on a public page: saving it (a request sent,
        # a consent recorded) leaves the page cache alone, even when staff list it as a snippet.
        pagecache.exempt_models(PersonalDataMixin)
