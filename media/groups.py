"""Who may upload and choose media: collection permissions for the plugins' staff groups.

Wagtail grants image, document, video and audio rights per collection, which a plugin's
``StaffGroup`` cannot express. After every migrate (and after the shell has created the
groups) each plugin staff group, plus media's own 媒体库管理员, gets them on the root collection.
"""

import logging

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

MEDIA_MANAGERS = _("媒体库管理员")

#: (app label, model) -> collection permissions for editors. Wagtail checks image and media
#: rights against its own models (``wagtailimages.Image``, ``wagtailmedia.Media``) even when a
#: custom model is used. Editors upload and pick media and
#: may edit what they uploaded themselves. wagtailmedia has no "choose" permission: its
#: chooser lists what a user may change, so editors get "change" on video and audio.
EDITOR_ACTIONS = {
    ("wagtailimages", "image"): ("add", "choose"),
    ("wagtaildocs", "document"): ("add", "choose"),
    ("wagtailmedia", "media"): ("add", "change"),
}
#: The media managers also edit and delete anyone's uploads.
MANAGER_ACTIONS = {
    ("wagtailimages", "image"): ("add", "change", "delete", "choose"),
    ("wagtaildocs", "document"): ("add", "change", "delete", "choose"),
    ("wagtailmedia", "media"): ("add", "change", "delete"),
}


def _collection_permissions(actions_by_model, using):
    for (app_label, model), actions in actions_by_model.items():
        for action in actions:
            permission = (
                Permission.objects.using(using)
                .filter(content_type__app_label=app_label, codename=f"{action}_{model}")
                .first()
            )
            if permission is not None:
                yield permission


def grant_media_permissions(sender=None, using="default", **kwargs):
    """Grant collection permissions on the root collection (never revokes)."""
    models_apps = [config for config in apps.get_app_configs() if config.models_module is not None]
    if sender is not None and models_apps and sender.label != models_apps[-1].label:
        return
    from wagtail.models import Collection, GroupCollectionPermission

    from siteshell.groups import group_name
    from siteshell.plugins import staff_groups

    root = Collection.get_first_root_node()
    if root is None:
        return
    grants = {group_name(spec.name): EDITOR_ACTIONS for spec in staff_groups()}
    grants[group_name(MEDIA_MANAGERS)] = MANAGER_ACTIONS
    for name, actions in grants.items():
        group, _created = Group.objects.using(using).get_or_create(name=name)
        if name == group_name(MEDIA_MANAGERS):
            access = Permission.objects.using(using).filter(
                content_type__app_label="wagtailadmin", codename="access_admin"
            )
            group.permissions.add(*access)
        for permission in _collection_permissions(actions, using):
            GroupCollectionPermission.objects.using(using).get_or_create(
                group=group, collection=root, permission=permission
            )
