from django.utils.translation import gettext_lazy as _

from siteshell.plugins import ExtensionPoint, HomeSection, ModeratedKind, NavItem, Offer, PluginConfig, StaffGroup

#: How many talks the home page section shows.
HOME_TALKS = 4


class TalksConfig(PluginConfig):
    name = "campaigns.talks"
    label = "talks"
    verbose_name = _("老兵宣讲")

    class PluginMeta:
        name = _("老兵宣讲")
        version = "1.0.0"
        description = _("老兵宣讲团的宣讲日历（列表、月历、iCalendar 订阅）和学校预约宣讲")
        author = _("示范市退役军人事务局")
        category = "content"
        compatibility = ">=1.0,<2"

    def ready(self):
        from campaigns.talks.models.bookings import CONSENT_NOTICE
        from siteshell.privacy.consent import ConsentNotice, register_notice

        register_notice(
            ConsentNotice(
                CONSENT_NOTICE,
                "1",
                _(
                    "联系人姓名、手机号和电子邮箱只用于安排这次宣讲：告知查询码和安排结果、商定时间。"
                    "这些信息加密保存，不会公开，只有宣讲活动的工作人员可以查看，每次查看都有记录。"
                    "预约处理完毕一年后删除。您可以随时致电本局服务电话，要求查询、更正或删除。"
                ),
            )
        )
        # The page's route handlers (after the notice: the booking form names it).
        from campaigns.talks import views  # noqa: F401

    def page_types(self):
        return ["talks.TalksIndexPage"]

    def _index_pages(self):
        from campaigns.talks.models import TalksIndexPage

        return TalksIndexPage.objects.live().public().order_by("path")

    def navigation(self, request):
        return [NavItem(label=page.title, url=page.url, order=50) for page in self._index_pages()]

    def offers(self, request):
        index = self._index_pages().first()
        return [Offer(_("预约老兵宣讲"), index.url, order=50)] if index else ()

    def home_sections(self, request, home_page):
        from campaigns.talks.models import Talk

        index = self._index_pages().descendant_of(home_page).first()
        if index is None:
            return [None]
        talks = list(Talk.objects.upcoming().going_ahead().prefetch_related("speakers")[:HOME_TALKS])
        if not talks:
            return [None]
        return [
            HomeSection(
                key="talks",
                title=_("近期宣讲"),
                template="talks/home_section.html",
                context={"talks": talks, "index": index},
                order=50,
                more_url=index.url,
                stylesheets=("talks/css/talks.css",),
            )
        ]

    def public_urls(self):
        from campaigns.talks.urls import urlpatterns

        return urlpatterns

    def api_router(self):
        from campaigns.talks.api import build_router

        return build_router()

    def sitemaps(self):
        from campaigns.talks.sitemaps import TalkSitemap

        return {"talks": TalkSitemap}

    def load_demo(self, context):
        from campaigns.talks.demo import load_demo

        load_demo(context)

    def extension_points(self):
        from campaigns.talks.extensions import TALK_SPEAKER

        return [
            ExtensionPoint(TALK_SPEAKER, _("宣讲页面：每位宣讲人之后，例如其荣誉和人物风采链接"), context=("speaker",))
        ]

    def moderated_submissions(self):
        # Each booking is arranged on its own (speakers, time, place): never approved in bulk.
        return [ModeratedKind("talks.TalkBooking", label=_("学校预约宣讲"), bulk=False, order=40)]

    def staff_groups(self):
        """宣讲活动管理员 run the calendar and arrange schools' bookings (in the inbox, with the
        contacts in full to phone them); the shell's roles write and review talks as content,
        and the talks page (siteshell.review.rights)."""
        from siteshell.review.rights import section_roles
        from siteshell.review.roles import (
            FINAL_APPROVERS,
            FIRST_REVIEWERS,
            SITE_MANAGERS,
            SUBMISSION_MODERATORS,
            WRITERS,
        )

        access = "wagtailadmin.access_admin"
        crud = ("add", "change", "delete", "view")
        talks_all = (*(f"talks.{a}_talk" for a in crud), "talks.publish_talk")
        speakers_all = tuple(f"talks.{a}_speaker" for a in crud)
        bookings = ("talks.view_talkbooking", "talks.change_talkbooking")
        return [
            StaffGroup(
                # Lazy: the shell stores the name in the site's language (siteshell.groups).
                name=_("宣讲活动管理员"),
                permissions=(
                    access,
                    *talks_all,
                    *speakers_all,
                    *bookings,
                    "review.moderate_submissions",
                    "review.view_personal_data",
                ),
            ),
            StaffGroup(
                name=WRITERS,
                permissions=(access, "talks.add_talk", "talks.change_talk", "talks.view_talk", "talks.view_speaker"),
            ),
            StaffGroup(name=FIRST_REVIEWERS, permissions=(access, "talks.change_talk", "talks.view_talk")),
            StaffGroup(
                name=FINAL_APPROVERS, permissions=(access, "talks.change_talk", "talks.view_talk", "talks.publish_talk")
            ),
            StaffGroup(name=SUBMISSION_MODERATORS, permissions=(access, "talks.view_talkbooking")),
            StaffGroup(name=SITE_MANAGERS, permissions=(access, *talks_all, *speakers_all, *bookings)),
            *section_roles(),
        ]
