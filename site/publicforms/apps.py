from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicFormsConfig(AppConfig):
    name = "siteshell.publicforms"
    label = "publicforms"
    verbose_name = _("公众表单防护")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from siteshell.pagecache import register_live
        from siteshell.publicforms.fields import signed_now

        # The time a form on a cached page was shown: each serve's own (siteshell.pagecache).
        register_live("publicforms.started", lambda request: signed_now(), per_visitor=True)
