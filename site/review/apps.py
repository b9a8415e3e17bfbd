from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "siteshell.review"
    label = "review"
    verbose_name = _("内容审核")
    default_auto_field = "django.db.models.BigAutoField"
