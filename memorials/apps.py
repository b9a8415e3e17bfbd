from django.utils.translation import gettext_lazy as _

from siteshell.plugins import HomeSection, NavItem, PluginConfig, StaffGroup


class MemorialsConfig(PluginConfig):
    name = "memorials"
    label = "memorials"
    verbose_name = _("烈士档案")

    class PluginMeta:
        name = _("烈士档案")
        version = "1.0.0"
        description = _("英名录：烈士档案、烈士纪念设施、墓位二维码、名录导入导出与公众纠错")
        author = _("退役军人事务局")
        category = "content"

    def page_types(self):
        return ["memorials.MartyrArchivePage"]

    def navigation(self, request):
        from memorials.models import MartyrArchivePage

        return [NavItem(page.title, page.url, order=20) for page in MartyrArchivePage.objects.live().public()]

    def home_sections(self, request, home_page):
        from memorials.models import MartyrArchivePage, MartyrRecord

        archive = MartyrArchivePage.for_request(request)
        if archive is None:
            return [None]
        # The newest published records: an index range scan, never a count of the table.
        records = list(
            MartyrRecord.objects.published().select_related("photo").order_by("-id")[:6]
        )
        if not records:
            return [None]
        return [
            HomeSection(
                key="memorials-archive",
                title=str(_("英名录")),
                template="memorials/home_section.html",
                context={"records": records, "archive": archive},
                order=20,
                more_url=archive.url,
            )
        ]

    def search_documents(self):
        from memorials.models import MartyrRecord, MemorialFacility

        return [MartyrRecord, MemorialFacility]

    def api_router(self):
        from memorials.api import build_router

        return build_router()

    def sitemaps(self):
        from memorials.sitemaps import MartyrRecordSitemap, MemorialFacilitySitemap

        return {"records": MartyrRecordSitemap, "facilities": MemorialFacilitySitemap}

    def load_demo(self, context):
        from memorials.demo import load_demo

        load_demo(context)

    def staff_groups(self):
        crud = ("add", "change", "delete", "view")
        return [
            StaffGroup(
                name="烈士档案管理员",
                permissions=(
                    "wagtailadmin.access_admin",
                    *(f"memorials.{action}_martyrrecord" for action in crud),
                    "memorials.publish_martyrrecord",
                    *(f"memorials.{action}_memorialfacility" for action in crud),
                    *(f"memorials.{action}_martyrcorrection" for action in ("change", "view")),
                    "memorials.add_importjob",
                    "memorials.view_importjob",
                ),
            ),
            StaffGroup(
                name="烈士档案审核员",
                permissions=(
                    "wagtailadmin.access_admin",
                    "memorials.view_martyrrecord",
                    "memorials.change_martyrrecord",
                    "memorials.publish_martyrrecord",
                    "memorials.view_martyrcorrection",
                    "memorials.change_martyrcorrection",
                ),
            ),
        ]
