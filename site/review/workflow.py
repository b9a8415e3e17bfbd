"""The site's default workflow (内容审核) and the snippets it covers."""

import logging

from django.apps import apps
from django.contrib.contenttypes.models import ContentType

logger = logging.getLogger(__name__)


def default_workflow(using="default"):
    """The active workflow on the root page: 内容审核 unless the site chose another."""
    from wagtail.models import Page, Workflow

    root = Page.objects.using(using).filter(depth=1).first()
    if root is None:
        return None
    return Workflow.objects.using(using).filter(active=True, workflow_pages__page=root).first()


def assign_workflow_to_snippets(sender=None, using="default", **kwargs):
    """Give the default workflow to every snippet model with ``WorkflowMixin`` that has none.

    Runs after every migrate (the data migration cannot know which plugins are installed);
    a workflow the site assigned to a snippet itself is kept.
    """
    models_apps = [config for config in apps.get_app_configs() if config.models_module is not None]
    if sender is not None and models_apps and sender.label != models_apps[-1].label:
        return []
    from wagtail.models import WorkflowContentType
    from wagtail.snippets.models import get_workflow_enabled_models

    workflow = default_workflow(using)
    if workflow is None:
        return []
    assigned = []
    for model in get_workflow_enabled_models():
        content_type = ContentType.objects.db_manager(using).get_for_model(model)
        _link, created = WorkflowContentType.objects.using(using).get_or_create(
            content_type=content_type, defaults={"workflow": workflow}
        )
        if created:
            logger.info("Workflow %s now covers %s", workflow.name, model._meta.label)
            assigned.append(model)
    return assigned
