"""Staff groups that plugins declare, created and kept in step after every migrate."""

import logging

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.utils import translation

from siteshell.plugins import staff_groups

logger = logging.getLogger(__name__)


def group_name(name) -> str:
    """A group's name as stored: in the site's language, whichever language is active, so that
    running ``migrate`` under another language never creates a second group."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(name)


def sync_staff_groups(sender=None, using="default", **kwargs):
    """Create each declared group and grant the permissions it names (never revokes).

    Runs once per migrate, after the last app's permissions exist.
    """
    models_apps = [config for config in apps.get_app_configs() if config.models_module is not None]
    if sender is not None and models_apps and sender.label != models_apps[-1].label:
        return
    from wagtail.models import GroupPagePermission, Page

    root = Page.get_first_root_node()
    for spec in staff_groups():
        group, _created = Group.objects.using(using).get_or_create(name=group_name(spec.name))
        for dotted in spec.permissions:
            app_label, codename = dotted.split(".", 1)
            permission = (
                Permission.objects.using(using).filter(content_type__app_label=app_label, codename=codename).first()
            )
            if permission is None:
                logger.warning("Staff group %s: unknown permission %s", spec.name, dotted)
                continue
            group.permissions.add(permission)
        if root is not None:
            for codename in spec.page_permissions:
                permission = Permission.objects.using(using).get(
                    content_type__app_label="wagtailcore", codename=f"{codename}_page"
                )
                GroupPagePermission.objects.using(using).get_or_create(group=group, page=root, permission=permission)
