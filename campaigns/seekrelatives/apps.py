from django.utils.translation import gettext_lazy as _

from campaigns.seekrelatives.team import CASE_TEAM
from siteshell.plugins import ModeratedKind, NavItem, Offer, PluginConfig, StaffGroup


class SeekRelativesConfig(PluginConfig):
    name = "campaigns.seekrelatives"
    label = "seekrelatives"
    verbose_name = _("为烈士寻亲")

    class PluginMeta:
        name = _("为烈士寻亲")
        version = "1.0.0"
        description = _("寻亲名单、公众线索（查询码跟踪进度）、寻亲专班办案（核实、DNA比对、认亲）、成功故事与结果公布")
        author = _("退役军人事务局")
        category = "content"
        requires = ("memorials",)
        compatibility = ">=1.0,<2"

    def ready(self):
        from siteshell.privacy.consent import ConsentNotice, register_notice

        register_notice(
            ConsentNotice(
                "seekrelatives.clue",
                "1",
                _(
                    "您的姓名、手机号、身份证号、地址和上传的材料只用于为烈士寻找亲属：由寻亲专班核实线索、"
                    "与您联系，必要时提供给DNA比对机构（只提供办理所需的信息）。这些信息加密保存，不会公开，"
                    "只有寻亲专班的工作人员可以查看，每次查看都有记录。案件办结两年后删除。"
                    "您可以随时致电本局服务电话，要求查询、更正或删除您的个人信息。"
                ),
            )
        )
        # After the notice: the clue form names it. The views register the page's routes.
        from campaigns.seekrelatives import signals, views  # noqa: F401
        from campaigns.seekrelatives.figures import register_live_figures
        from campaigns.seekrelatives.models import SoughtMartyr
        from campaigns.seekrelatives.pagecache import sought_martyr_pages
        from siteshell import pagecache

        # The figures on the (cached) campaign page are read on every serve.
        register_live_figures()
        # An entry of the list shows on the campaign page and its martyr's record page only.
        pagecache.register_model(SoughtMartyr, sought_martyr_pages)

    def page_types(self):
        return ["seekrelatives.SeekRelativesCampaignPage"]

    def navigation(self, request):
        from campaigns.seekrelatives.models import SeekRelativesCampaignPage

        return [NavItem(page.title, page.url, order=40) for page in SeekRelativesCampaignPage.objects.live().public()]

    def offers(self, request):
        from campaigns.seekrelatives.models import SeekRelativesCampaignPage

        campaign = SeekRelativesCampaignPage.objects.live().public().order_by("path").first()
        return [Offer(_("为烈士寻找亲人"), campaign.url, order=40)] if campaign else ()

    def home_sections(self, request, home_page):
        from campaigns.seekrelatives.figures import home_section

        return [home_section(request)]

    def search_documents(self):
        from campaigns.seekrelatives.models import SoughtMartyr, SuccessStoryPage

        return [SoughtMartyr, SuccessStoryPage]

    def api_router(self):
        from campaigns.seekrelatives.api import build_router

        return build_router()

    def load_demo(self, context):
        from campaigns.seekrelatives.demo import load_demo

        load_demo(context)

    def moderated_submissions(self):
        # Clues are long and each one is a family's hope: reviewed one at a time.
        return [
            ModeratedKind("seekrelatives.Clue", label=_("寻亲线索"), bulk=False, order=30),
            ModeratedKind("seekrelatives.ClueAddition", label=_("寻亲线索补充"), bulk=False, order=31),
        ]

    def search_examples(self, request):
        return [str(_("为烈士寻亲"))]

    def staff_groups(self):
        """寻亲专班 work the cases and alone see the senders in full; 宣传干事 keep the list of
        sought martyrs (reviewed by 初审员 and 终审员) and write the stories; 站点管理员 see the
        cases (masked) and the statistics; 留言审核员 review clues in the inbox (masked). The
        campaign page and its stories are written and reviewed by the shell's roles
        (siteshell.review.rights)."""
        from siteshell.review.rights import section_roles
        from siteshell.review.roles import (
            FINAL_APPROVERS,
            FIRST_REVIEWERS,
            SITE_MANAGERS,
            SUBMISSION_MODERATORS,
            WRITERS,
        )

        access = "wagtailadmin.access_admin"
        sought = tuple(f"seekrelatives.{action}_soughtmartyr" for action in ("add", "change", "view"))
        return [
            StaffGroup(
                name=CASE_TEAM,
                permissions=(
                    access,
                    "seekrelatives.view_cluecase",
                    "seekrelatives.change_cluecase",
                    "seekrelatives.view_clue_personal_data",
                    "seekrelatives.view_statistics",
                    "seekrelatives.view_clue",
                    "seekrelatives.change_clue",
                    "seekrelatives.view_clueaddition",
                    "seekrelatives.change_clueaddition",
                    *sought,
                    "memorials.view_martyrrecord",
                ),
            ),
            StaffGroup(name=WRITERS, permissions=(access, *sought, "seekrelatives.view_statistics")),
            StaffGroup(
                name=FIRST_REVIEWERS,
                permissions=(access, "seekrelatives.change_soughtmartyr", "seekrelatives.view_soughtmartyr"),
            ),
            StaffGroup(
                name=FINAL_APPROVERS,
                permissions=(access, *sought, "seekrelatives.publish_soughtmartyr"),
            ),
            StaffGroup(name=SUBMISSION_MODERATORS, permissions=(access,)),
            StaffGroup(
                name=SITE_MANAGERS,
                permissions=(
                    access,
                    "seekrelatives.view_cluecase",
                    "seekrelatives.view_statistics",
                    *sought,
                    "seekrelatives.delete_soughtmartyr",
                    "seekrelatives.publish_soughtmartyr",
                ),
            ),
            *section_roles(),
        ]
