"""Staff groups that plugins declare, created and kept in step after every migrate.

A group's page rights (``StaffGroup.page_permissions``) are granted on its sections — the pages
of the page types it names, by default its plugin's own page types — never on the site root:
after every migrate on the sections that exist, and on each new section page as it is saved
for the first time (:func:`grant_rights_on_new_section`, connected by ``siteshell.review``).
"""

import logging
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.utils import translation

from siteshell.plugins import get_plugins, staff_groups

logger = logging.getLogger(__name__)


def group_name(name) -> str:
    """A group's name as stored: in the site's language, whichever language is active, so that
    running ``migrate`` under another language never creates a second group."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(name)


@dataclass(frozen=True)
class SectionGrant:
    """Page rights of one group on the pages of some page types (its sections)."""

    name: str
    models: tuple[type, ...]
    codenames: tuple[str, ...]


def page_models(dotted_names) -> tuple[type, ...]:
    """The installed page models among ``"app_label.ModelName"`` names (a switched-off plugin's
    page types are left out)."""
    models = []
    for dotted in dotted_names:
        try:
            models.append(apps.get_model(dotted))
        except (LookupError, ValueError):
            continue
    return tuple(models)


def section_grants() -> list[SectionGrant]:
    """Every declared group's page rights with the page types of its sections."""
    grants = []
    for plugin in get_plugins():
        try:
            specs = [spec for spec in plugin.staff_groups() or () if spec.page_permissions]
            own_types = tuple(plugin.page_types() or ()) if specs else ()
        except Exception:
            logger.exception("Plugin %s failed in staff_groups()", plugin.label)
            continue
        for spec in specs:
            models = page_models(spec.sections or own_types)
            if not models:
                logger.warning("Staff group %s: page rights but no section page type installed", spec.name)
                continue
            grants.append(SectionGrant(group_name(spec.name), models, tuple(spec.page_permissions)))
    return grants


def page_permission(codename, using="default"):
    return Permission.objects.using(using).get(content_type__app_label="wagtailcore", codename=f"{codename}_page")


def grant_page_permissions(group, pages, codenames, using="default"):
    """Grant ``codenames`` (``"add"``, ``"change"``, …) to ``group`` on each page (kept, never
    doubled)."""
    from wagtail.models import GroupPagePermission

    for codename in codenames:
        permission = page_permission(codename, using)
        for page in pages:
            GroupPagePermission.objects.using(using).get_or_create(group=group, page=page, permission=permission)


def sync_staff_groups(sender=None, using="default", **kwargs):
    """Create each declared group, grant the permissions it names and its page rights on its
    sections (never revokes).

    Runs once per migrate, after the last app's permissions exist.
    """
    models_apps = [config for config in apps.get_app_configs() if config.models_module is not None]
    if sender is not None and models_apps and sender.label != models_apps[-1].label:
        return
    from wagtail.models import Page

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
    for grant in section_grants():
        group = Group.objects.using(using).get(name=grant.name)
        sections = Page.objects.using(using).type(*grant.models)
        grant_page_permissions(group, sections, grant.codenames, using)


def grant_rights_on_new_section(sender, instance, created=False, raw=False, using="default", **kwargs):
    """``post_save``: a new section page (an honour roll, an archive…) gets the page rights of
    the groups whose sections are of its type."""
    from wagtail.models import Page

    if not created or raw or not isinstance(instance, Page):
        return
    for grant in section_grants():
        if not isinstance(instance, grant.models):
            continue
        group = Group.objects.using(using).filter(name=grant.name).first()
        if group is not None:  # else made, with these rights, by the next migrate
            grant_page_permissions(group, [instance], grant.codenames, using)
