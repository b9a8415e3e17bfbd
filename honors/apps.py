from django.utils.translation import gettext_lazy as _

from siteshell.plugins import ExtensionPoint, HomeSection, NavItem, Offer, PluginConfig, StaffGroup

#: How many profiles the home page strip shows.
HOME_STRIP_SIZE = 6

#: Where other plugins may add to a profile page, after the story (e.g. the talks this person
#: gives); contributors are called with ``profile`` (a ``ProfilePage``).
PROFILE_AFTER_STORY = "honors.profile.after_story"


class HonorsConfig(PluginConfig):
    name = "honors"
    label = "honors"
    verbose_name = _("荣誉风采")

    class PluginMeta:
        name = _("荣誉风采")
        version = "1.0.0"
        description = _("最美退役军人、最美军嫂等先进典型的评选届次、人物风采和事迹展示")
        author = _("示范市退役军人事务局")
        category = "content"

    def page_types(self):
        return ["honors.HonorIndexPage"]

    def _index_pages(self):
        from honors.models import HonorIndexPage

        return HonorIndexPage.objects.live().public().order_by("path")

    def navigation(self, request):
        return [NavItem(label=page.title, url=page.url, order=20) for page in self._index_pages()]

    def offers(self, request):
        from honors.models import ProfilePage

        for index in self._index_pages():
            if ProfilePage.objects.live().public().child_of(index).exists():
                return [Offer(_("了解身边的最美退役军人和最美军嫂"), index.url, order=10)]
        return ()

    def home_sections(self, request, home_page):
        from honors.filters import ProfileFilterSet, Sort
        from honors.models import ProfilePage
        from honors.models.profiles import honours_with_round_and_title
        from media.renditions import PORTRAIT_CARD, prefetch_renditions

        profiles = ProfilePage.objects.live().public().descendant_of(home_page)
        cards = ProfileFilterSet.sort_queryset(profiles, Sort.RECENT).select_related("photo")
        latest = list(
            cards.prefetch_related(prefetch_renditions("photo", PORTRAIT_CARD), honours_with_round_and_title())[
                :HOME_STRIP_SIZE
            ]
        )
        if not latest:
            return [None]
        index = self._index_pages().descendant_of(home_page).first()
        return [
            HomeSection(
                key="honors",
                title=_("风采展示"),
                template="honors/home_section.html",
                context={"profiles": latest},
                order=20,
                more_url=index.url if index else "",
                stylesheets=("honors/css/honors.css",),
            )
        ]

    def search_documents(self):
        from honors.models import ProfilePage

        return [ProfilePage]

    def search_examples(self, request):
        """The newest public profile's name and its honour title (one row), so the examples
        always find something; none while nothing is published."""
        from honors.models import ProfilePage

        latest = (
            ProfilePage.objects.live()
            .public()
            .order_by("-first_published_at", "-pk")
            .values_list("title", "honours__title__name")
            .first()
        )
        return list(dict.fromkeys(value for value in latest or () if value))

    def extension_points(self):
        return [
            ExtensionPoint(
                PROFILE_AFTER_STORY,
                _("人物页面事迹之后，例如该人物近期的宣讲活动"),
                context=("profile",),
            )
        ]

    def api_router(self):
        from honors.api import build_router

        return build_router()

    def load_demo(self, context):
        from honors.demo import load_demo

        load_demo(context)

    def staff_groups(self):
        """The honour roll's editors, and what the shell's roles (siteshell.review.roles) may do
        with honour titles and selection rounds. Page rights are on the honour rolls (the
        HonorIndexPage sections) and the profiles under them: the editors and 宣传干事 write,
        初审员 and 终审员 review (siteshell.review.rights); the home page is not theirs."""
        from siteshell.review.rights import section_roles
        from siteshell.review.roles import FINAL_APPROVERS, FIRST_REVIEWERS, SITE_MANAGERS, WRITERS

        def snippet_permissions(*actions):
            return tuple(
                f"honors.{action}_{model}" for model in ("honourtitle", "selectionround") for action in actions
            )

        access = "wagtailadmin.access_admin"
        return [
            StaffGroup(
                # Lazy: the shell stores the name in the site's language (siteshell.groups).
                name=_("荣誉风采编辑"),
                # Image upload rights are per collection and belong to media/.
                permissions=(access, *snippet_permissions("add", "change", "delete", "view")),
                page_permissions=("add", "change"),
            ),
            StaffGroup(name=WRITERS, permissions=(access, *snippet_permissions("add", "change", "view"))),
            StaffGroup(name=FIRST_REVIEWERS, permissions=(access, *snippet_permissions("change", "view"))),
            StaffGroup(name=FINAL_APPROVERS, permissions=(access, *snippet_permissions("change", "view"))),
            StaffGroup(
                name=SITE_MANAGERS, permissions=(access, *snippet_permissions("add", "change", "delete", "view"))
            ),
            *section_roles(),
        ]
