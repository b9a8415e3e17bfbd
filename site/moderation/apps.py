from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "siteshell.moderation"
    label = "moderation"
    verbose_name = _("留言与投稿审核")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from siteshell import pagecache
        from siteshell.moderation.models import ModeratedSubmission
        from siteshell.moderation.signals import decision_taken
        from siteshell.pagecache.invalidation import on_decision

        # Submissions are saved all day long; the page that shows one changes only with a decision.
        pagecache.exempt_models(ModeratedSubmission)
        decision_taken.connect(on_decision, dispatch_uid="pagecache.decision")
