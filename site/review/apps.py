from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "siteshell.review"
    label = "review"
    verbose_name = _("内容审核")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate, post_save

        from siteshell.groups import grant_rights_on_new_section
        from siteshell.review.workflow import assign_workflow_to_snippets

        post_migrate.connect(assign_workflow_to_snippets, dispatch_uid="siteshell.review.assign_workflow")
        # A new section page (honour roll, archive…) gets its groups' page rights (siteshell.review.rights).
        post_save.connect(grant_rights_on_new_section, dispatch_uid="siteshell.review.section_rights")
