"""Where honour pages may live, and that editors can create, edit and preview them."""

from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from siteshell.models import HomePage
from tests.honors.factories import (
    HonorIndexPageFactory,
    HonourTitleFactory,
    ProfilePageFactory,
    SelectionRoundFactory,
)


class HonorPageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        root = Page.get_first_root_node()
        cls.home = HomePage(title="首页", slug="home-page")
        root.add_child(instance=cls.home)
        site = Site.objects.get(is_default_site=True)
        site.root_page = cls.home
        site.save()
        cls.index = HonorIndexPageFactory(parent=cls.home)
        cls.title = HonourTitleFactory(name="最美退役军人", slug="zuimei-tuiyi-junren")
        cls.round = SelectionRoundFactory(year=2023, edition="第三届", titles=[cls.title])
        cls.profile = ProfilePageFactory(
            parent=cls.index, title="马振华", honours=[(cls.round, cls.title)], region="西山区"
        )

    def setUp(self):
        self.user = self.login()

    def test_an_honour_roll_is_added_under_the_home_page(self):
        from honors.models import HonorIndexPage

        self.assertCanCreateAt(HomePage, HonorIndexPage)
        self.assertAllowedParentPageTypes(HonorIndexPage, {HomePage})

    def test_profiles_live_only_inside_an_honour_roll(self):
        from honors.models import HonorIndexPage, ProfilePage

        self.assertAllowedParentPageTypes(ProfilePage, {HonorIndexPage})
        self.assertAllowedSubpageTypes(HonorIndexPage, {ProfilePage})
        self.assertCanNotCreateAt(HomePage, ProfilePage)

    def test_a_profile_has_no_child_pages(self):
        from honors.models import ProfilePage

        self.assertAllowedSubpageTypes(ProfilePage, {})

    def test_editor_creates_a_profile_with_honours_and_a_story(self):
        from honors.models import ProfilePage

        data = nested_form_data(
            {
                "title": "周立军",
                "slug": "zhou-lijun",
                "summary": "退伍不褪色，带领乡亲种植中药材",
                "category": "veteran",
                "region": "青河县",
                "gender": "male",
                "birth_year": 1978,
                "enlisted_year": 1996,
                "retired_year": 2008,
                "service_branch": "army",
                "honours": inline_formset([{"round": self.round.pk, "title": self.title.pk, "citation": ""}]),
                "related_profiles": inline_formset([]),
                "story": streamfield(
                    [
                        ("paragraph", rich_text("<p>他回到家乡创办合作社。</p>")),
                        ("pull_quote", {"quote": "带着乡亲们一起往前冲。", "attribution": "周立军"}),
                        (
                            "timeline",
                            {
                                "heading": "成长足迹",
                                "events": streamfield(
                                    [
                                        ("item", {"year": 1996, "month": 9, "event": "参军入伍"}),
                                        ("item", {"year": 2008, "month": "", "event": "退出现役"}),
                                    ]
                                ),
                            },
                        ),
                    ]
                ),
                "tags": "创业带富, 乡村振兴",
            }
        )
        self.assertCanCreate(self.index, ProfilePage, data)
        profile = ProfilePage.objects.get(slug="zhou-lijun")
        self.assertEqual([str(honour) for honour in profile.honours.all()], ["2023年市级第三届“最美退役军人”"])
        self.assertEqual([block.block_type for block in profile.story], ["paragraph", "pull_quote", "timeline"])
        self.assertEqual(sorted(tag.name for tag in profile.tags.all()), ["乡村振兴", "创业带富"])

    def test_pages_render_and_can_be_edited_and_previewed(self):
        self.assertPageIsRenderable(self.index)
        self.assertPageIsEditable(self.index)
        self.assertPageIsPreviewable(self.index)
        honour = self.profile.honours.get()
        # Wagtail cannot derive StreamField and inline POST data from the form on its own.
        profile_data = nested_form_data(
            {
                "title": self.profile.title,
                "slug": self.profile.slug,
                "summary": self.profile.summary,
                "category": self.profile.category,
                "region": self.profile.region,
                "honours": inline_formset(
                    [{"id": honour.pk, "round": self.round.pk, "title": self.title.pk, "citation": "讲好英雄故事"}]
                ),
                "related_profiles": inline_formset([]),
                "story": streamfield([("paragraph", rich_text("<p>十余年来累计宣讲四百余场。</p>"))]),
                "tags": "",
            }
        )
        self.assertPageIsRenderable(self.profile)
        self.assertPageIsEditable(self.profile, post_data=profile_data)
        self.assertPageIsPreviewable(self.profile, post_data=profile_data)

    def test_the_profile_editor_is_organised_in_chinese_tabs(self):
        response = self.client.get(f"/admin/pages/{self.profile.pk}/edit/")
        html = response.content.decode()
        for heading in ("人物信息", "事迹", "标签与相关", "姓名或组织名称", "一句话事迹", "荣誉"):
            self.assertIn(heading, html)
