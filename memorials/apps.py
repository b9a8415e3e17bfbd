from django.core.cache import cache
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from siteshell.plugins import ExtensionPoint, HomeSection, ModeratedKind, NavItem, Offer, PluginConfig, StaffGroup

#: The search page's example queries, cached: they come from the published records.
SEARCH_EXAMPLES_CACHE_KEY = "memorials:search-examples"
SEARCH_EXAMPLES_SECONDS = 3600
#: The records the examples are taken from: the oldest published ones, an index range scan.
SEARCH_EXAMPLES_SAMPLE = 200


class MemorialsConfig(PluginConfig):
    name = "memorials"
    label = "memorials"
    verbose_name = pgettext_lazy("the plugin", "烈士档案")

    def ready(self):
        # The archive page's routes call the views registered in memorials.routing.
        from memorials import pagecache, views  # noqa: F401

        # A record or facility saved refreshes its page and the archive's lists, not the site.
        pagecache.register()

    class PluginMeta:
        name = pgettext_lazy("the plugin", "烈士档案")
        version = "1.0.0"
        description = _("英名录：烈士档案、烈士纪念设施、墓位二维码、名录导入导出与公众纠错")
        author = _("退役军人事务局")
        category = "content"

    def page_types(self):
        return ["memorials.MartyrArchivePage"]

    def navigation(self, request):
        from memorials.models import MartyrArchivePage

        return [NavItem(page.title, page.url, order=20) for page in MartyrArchivePage.objects.live().public()]

    def offers(self, request):
        from memorials.models import MartyrArchivePage, MartyrRecord

        archive = MartyrArchivePage.for_request(request)
        if archive is None or not MartyrRecord.objects.published().exists():
            return ()
        return [Offer(_("查阅英烈名录"), archive.url, order=20)]

    def home_sections(self, request, home_page):
        from memorials.models import MartyrArchivePage, MartyrRecord

        archive = MartyrArchivePage.for_request(request)
        if archive is None:
            return [None]
        # The newest published records: an index range scan, never a count of the table.
        # Names, places and dates only: the cards have no photo.
        records = list(
            MartyrRecord.objects.published()
            .only("id", "name", "native_place", "death_date", "death_precision")
            .order_by("-id")[:6]
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

    def extension_points(self):
        return [
            ExtensionPoint(
                "memorials.record.actions",
                _("烈士档案页：姓名与生卒年月下方，放献花、点烛、寄语等操作和寻亲提示"),
                context=("record",),
            ),
            ExtensionPoint("memorials.record.after_body", _("烈士档案页：生平事迹之后"), context=("record",)),
            ExtensionPoint(
                "memorials.facility.after_details", _("纪念设施页：基本信息和简介之后"), context=("facility",)
            ),
        ]

    def moderated_submissions(self):
        # Each correction changes a record: reviewed one at a time, never in bulk.
        return [ModeratedKind("memorials.MartyrCorrection", label=_("档案纠错"), bulk=False, order=20)]

    def search_examples(self, request):
        """A martyr's name and a battle from the oldest published records (cached)."""
        examples = cache.get(SEARCH_EXAMPLES_CACHE_KEY)
        if examples is None:
            from memorials.models import MartyrRecord

            rows = list(
                MartyrRecord.objects.published().order_by("id").values_list("name", "battle")[:SEARCH_EXAMPLES_SAMPLE]
            )
            examples = []
            if rows:
                examples.append(rows[0][0])
                battle = next((battle for _name, battle in rows if battle), "")
                if battle and battle not in examples:
                    examples.append(battle)
            cache.set(SEARCH_EXAMPLES_CACHE_KEY, examples, SEARCH_EXAMPLES_SECONDS)
        return examples

    def staff_groups(self):
        """The archive's own managers, and what the shell's roles (siteshell.review.roles) may
        do with martyr records: 宣传干事 write and submit, 初审员 edit at the first step,
        终审员 publish and review import jobs, 站点管理员 everything. The archive page itself is
        written and reviewed by the same roles (siteshell.review.rights)."""
        from siteshell.review.rights import section_roles
        from siteshell.review.roles import (
            FINAL_APPROVERS,
            FIRST_REVIEWERS,
            SITE_MANAGERS,
            SUBMISSION_MODERATORS,
            WRITERS,
        )

        crud = ("add", "change", "delete", "view")
        access = "wagtailadmin.access_admin"
        see_facilities = "memorials.view_memorialfacility"
        return [
            StaffGroup(
                # Lazy: the shell stores the name in the site's language (siteshell.groups).
                name=_("烈士档案管理员"),
                permissions=(
                    access,
                    *(f"memorials.{action}_martyrrecord" for action in crud),
                    "memorials.publish_martyrrecord",
                    *(f"memorials.{action}_memorialfacility" for action in crud),
                    *(f"memorials.{action}_martyrcorrection" for action in ("change", "view")),
                    "memorials.add_importjob",
                    "memorials.view_importjob",
                ),
            ),
            StaffGroup(
                name=WRITERS,
                permissions=(
                    access,
                    *(f"memorials.{action}_martyrrecord" for action in ("add", "change", "view")),
                    see_facilities,
                ),
            ),
            StaffGroup(
                name=FIRST_REVIEWERS,
                permissions=(access, "memorials.change_martyrrecord", "memorials.view_martyrrecord", see_facilities),
            ),
            StaffGroup(
                name=FINAL_APPROVERS,
                permissions=(
                    access,
                    *(f"memorials.{action}_martyrrecord" for action in ("change", "view", "publish")),
                    see_facilities,
                    "memorials.view_importjob",
                    "memorials.review_importjob",
                ),
            ),
            StaffGroup(
                name=SUBMISSION_MODERATORS,
                permissions=(
                    access,
                    "memorials.view_martyrrecord",
                    "memorials.view_martyrcorrection",
                    "memorials.change_martyrcorrection",
                ),
            ),
            StaffGroup(
                name=SITE_MANAGERS,
                permissions=(
                    access,
                    *(f"memorials.{action}_martyrrecord" for action in crud),
                    "memorials.publish_martyrrecord",
                    *(f"memorials.{action}_memorialfacility" for action in crud),
                    *(f"memorials.{action}_martyrcorrection" for action in ("change", "view")),
                    *(f"memorials.{action}_importjob" for action in ("add", "view", "review")),
                ),
            ),
            *section_roles(),
        ]
