from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteShellConfig(AppConfig):
    name = "siteshell"
    label = "siteshell"
    verbose_name = _("站点")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        import logging

        from django.conf import settings
        from django.db.models.signals import post_migrate

        from siteshell import checks  # noqa: F401  (registers the plugin checks)

        for left_out in getattr(settings, "PLUGINS_LEFT_OUT", ()):
            logging.getLogger("siteshell.plugins").warning(
                "Plugin %s is left out: it requires %s, which is switched off",
                left_out.label,
                ", ".join(left_out.missing),
            )

        from siteshell.slugs.setup import install as install_pinyin_slugs

        install_pinyin_slugs()

        from siteshell.groups import sync_staff_groups

        post_migrate.connect(sync_staff_groups, dispatch_uid="siteshell.sync_staff_groups")

        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Page, PageViewRestriction, Site
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from siteshell.context_processors import forget_navigation

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(forget_navigation, dispatch_uid=f"siteshell.forget_navigation.{id(signal)}")
        for sender in (Page, Site, PageViewRestriction):
            post_save.connect(forget_navigation, sender=sender, dispatch_uid=f"siteshell.nav.save.{sender.__name__}")
            post_delete.connect(forget_navigation, sender=sender, dispatch_uid=f"siteshell.nav.del.{sender.__name__}")
