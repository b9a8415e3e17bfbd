from django.utils.translation import gettext_lazy as _

from siteshell.plugins import HomeSection, NavItem, Offer, PluginConfig, StaffGroup

#: How many featured lessons the home page shows.
HOME_LESSONS = 4


class EducationConfig(PluginConfig):
    name = "campaigns.education"
    label = "education"
    verbose_name = _("国防教育")

    class PluginMeta:
        name = _("国防教育")
        version = "1.0.0"
        description = _("按学段和主题的国防教育资源（教案、读本、视频、英雄故事），红星班和少年军校")
        author = _("示范市退役军人事务局")
        category = "content"
        compatibility = ">=1.0,<2"

    def page_types(self):
        return ["education.EducationIndexPage"]

    def _index_pages(self):
        from campaigns.education.models import EducationIndexPage

        return EducationIndexPage.objects.live().public().order_by("path")

    def navigation(self, request):
        return [NavItem(label=page.title, url=page.url, order=60) for page in self._index_pages()]

    def offers(self, request):
        index = self._index_pages().first()
        return [Offer(_("学习国防教育课程"), index.url, order=60)] if index else ()

    def home_sections(self, request, home_page):
        from campaigns.education.models import ResourcePage

        featured = list(
            ResourcePage.objects.live()
            .public()
            .descendant_of(home_page)
            .filter(featured=True)
            .order_by("-first_published_at", "-pk")[:HOME_LESSONS]
        )
        if not featured:
            return [None]
        index = self._index_pages().descendant_of(home_page).first()
        return [
            HomeSection(
                key="education",
                title=_("推荐课程"),
                template="education/home_section.html",
                context={"resources": featured},
                order=60,
                more_url=index.url if index else "",
                stylesheets=("education/css/education.css",),
            )
        ]

    def search_documents(self):
        from campaigns.education.models import ResourcePage, SchoolProgrammePage

        return [ResourcePage, SchoolProgrammePage]

    def search_examples(self, request):
        """The newest resource's title, so the example always finds something."""
        from campaigns.education.models import ResourcePage

        latest = (
            ResourcePage.objects.live()
            .public()
            .order_by("-first_published_at", "-pk")
            .values_list("title", flat=True)
            .first()
        )
        return [latest] if latest else []

    def api_router(self):
        from campaigns.education.api import build_router

        return build_router()

    def load_demo(self, context):
        from campaigns.education.demo import load_demo

        load_demo(context)

    def staff_groups(self):
        """国防教育编辑 write resources and programme pages in the education sections, with the
        shell's roles (siteshell.review.rights); they go through the review workflow like every
        page."""
        from siteshell.review.rights import section_roles

        return [
            StaffGroup(
                # Lazy: the shell stores the name in the site's language (siteshell.groups).
                name=_("国防教育编辑"),
                permissions=("wagtailadmin.access_admin",),
                page_permissions=("add", "change"),
            ),
            *section_roles(),
        ]
