from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from siteshell.plugins import ModeratedKind, Offer, PluginConfig, StaffGroup


class TributesConfig(PluginConfig):
    name = "memorials.tributes"
    label = "tributes"
    verbose_name = pgettext_lazy("the plugin", "网上祭英烈")

    class PluginMeta:
        name = pgettext_lazy("the plugin", "网上祭英烈")
        version = "1.0.0"
        description = _("云祭扫：每位已公布烈士的网上纪念馆（献花、点烛、鞠躬、敬礼、寄语）和集体祭奠活动")
        author = _("退役军人事务局")
        category = "content"
        requires = ("memorials",)
        compatibility = ">=1.0,<2"

    def ready(self):
        from memorials.tributes import live
        from memorials.tributes.models import HallSettings
        from memorials.tributes.models.messages import hall_settings_tags
        from siteshell import pagecache

        # The counters on cached pages are filled in on every serve ({% live %}).
        live.register()
        # A hall's settings (a snippet) show on that hall only, not on every page.
        pagecache.register_model(HallSettings, hall_settings_tags)

    def page_types(self):
        return ["tributes.CeremonyPage"]

    def offers(self, request):
        from django.urls import reverse

        from memorials.interface import published_records

        # A hall for every published record: none to visit until one is published.
        if not published_records().exists():
            return ()
        return [Offer(_("网上祭奠英烈"), reverse("tributes:index"), order=30)]

    def home_sections(self, request, home_page):
        from memorials.tributes.ceremonies import home_section

        return [home_section(request)]

    def public_urls(self):
        from memorials.tributes.urls import urlpatterns

        return urlpatterns

    def api_router(self):
        from memorials.tributes.api import build_router

        return build_router()

    def load_demo(self, context):
        from memorials.tributes.demo import load_demo

        load_demo(context)

    def moderated_submissions(self):
        return [ModeratedKind("tributes.TributeMessage", label=_("祭奠寄语"), order=10)]

    def staff_groups(self):
        """留言审核员 review messages (in the shell's inbox); 站点管理员 switch a hall's messages
        off and see the statistics, as do 宣传干事 (for the campaign reports they write). The
        ceremony pages are written and reviewed by the shell's roles (siteshell.review.rights)."""
        from siteshell.review.rights import section_roles
        from siteshell.review.roles import SITE_MANAGERS, SUBMISSION_MODERATORS, WRITERS

        access = "wagtailadmin.access_admin"
        statistics = "tributes.view_statistics"
        return [
            StaffGroup(
                name=SUBMISSION_MODERATORS,
                permissions=(access, "tributes.view_tributemessage", "tributes.change_tributemessage"),
            ),
            StaffGroup(
                name=SITE_MANAGERS,
                permissions=(
                    access,
                    statistics,
                    "tributes.view_tributemessage",
                    "tributes.change_tributemessage",
                    *(f"tributes.{action}_hallsettings" for action in ("add", "change", "delete", "view")),
                ),
            ),
            StaffGroup(name=WRITERS, permissions=(access, statistics)),
            *section_roles(),
        ]
