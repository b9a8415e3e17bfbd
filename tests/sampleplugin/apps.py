"""A small plugin that lives only in the test suite and exercises the whole plugin contract."""

from django.urls import path

from siteshell.plugins import ExtensionPoint, HomeSection, ModeratedKind, NavItem, Offer, PluginConfig, StaffGroup


class SamplePluginConfig(PluginConfig):
    name = "tests.sampleplugin"
    label = "sampleplugin"
    verbose_name = "示例模块"

    class PluginMeta:
        name = "示例模块"
        version = "1.0.0"
        description = "测试用模块：纪念活动报道"
        author = "测试"
        compatibility = ">=1.0,<2"

    def page_types(self):
        return ["sampleplugin.SampleIndexPage"]

    def _index_pages(self):
        from tests.sampleplugin.models import SampleIndexPage

        return SampleIndexPage.objects.live().public()

    def home_sections(self, request, home_page):
        from tests.sampleplugin.models import SampleStoryPage

        stories = list(SampleStoryPage.objects.live().public().order_by("-first_published_at")[:3])
        if not stories:
            return [None]
        index = self._index_pages().first()
        return [
            HomeSection(
                key="sample-stories",
                title="纪念活动报道",
                template="sampleplugin/home_section.html",
                context={"stories": stories},
                more_url=index.url if index else "",
                stylesheets=("sampleplugin/sample.css",),
            )
        ]

    def navigation(self, request):
        return [NavItem(label=page.title, url=page.url, order=50) for page in self._index_pages()]

    def offers(self, request):
        index = self._index_pages().first()
        # The index page's title: what editors wrote, not a translated text.
        return [Offer(index.title, index.url, order=90, translated=False)] if index else ()

    def search_documents(self):
        from tests.sampleplugin.models import SampleStoryPage

        return [SampleStoryPage]

    def api_router(self):
        from tests.sampleplugin.api import build_router

        return build_router()

    def public_urls(self):
        from tests.sampleplugin.views import guestbook, story_count

        return [
            path("sample-stories/count/", story_count, name="story_count"),
            path("sample-guestbook/", guestbook, name="guestbook"),
        ]

    def load_demo(self, context):
        from tests.sampleplugin.models import SampleIndexPage, SampleStoryPage

        index = SampleIndexPage.objects.child_of(context.home_page).first()
        if index is None:
            index = SampleIndexPage(title="纪念活动", slug="events")
            context.home_page.add_child(instance=index)
            index.save_revision().publish()
        for title in ("清明祭扫活动", "烈士纪念日公祭仪式"):
            if not SampleStoryPage.objects.filter(title=title).exists():
                story = SampleStoryPage(title=title, summary=f"{title}在烈士陵园举行。")
                index.add_child(instance=story)
                story.save_revision().publish()
        context.log("  纪念活动：2 篇报道")

    def staff_groups(self):
        from siteshell.review.rights import section_roles

        return [
            StaffGroup(
                name="示例模块编辑",
                permissions=("wagtailadmin.access_admin",),
                page_permissions=("add", "change"),
            ),
            *section_roles(),
        ]

    def search_examples(self, request):
        return ["清明祭扫"]

    def extension_points(self):
        return [ExtensionPoint("sampleplugin.story.after_summary", "报道页：摘要之后", context=("story",))]

    def moderated_submissions(self):
        return [
            ModeratedKind("sampleplugin.GuestbookMessage", order=10),
            ModeratedKind("sampleplugin.Letter", label="来信", bulk=False, order=20),
        ]
