from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "siteshell.moderation"
    label = "moderation"
    verbose_name = _("留言与投稿审核")
    default_auto_field = "django.db.models.BigAutoField"
