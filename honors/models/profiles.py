"""A profile page (one honoured person or volunteer organisation), its honours and the profiles
related to it.

A profile (``ProfilePage``) holds one or more honours (``ProfileHonour``), each pairing a title
such as 最美军嫂 with the selection round that awarded it (2023年 · 市级 · 第三届).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from honors.blocks import StoryBlock
from honors.choices import YEAR_VALIDATORS, Category, Gender, ServiceBranch
from honors.models.snippets import HonourTitle, SelectionRound
from media.renditions import OPEN_GRAPH, PORTRAIT_CARD, prefetch_renditions
from siteshell.languages import content_language


class ProfilePageTag(TaggedItemBase):
    content_object = ParentalKey("honors.ProfilePage", related_name="tagged_items", on_delete=models.CASCADE)


class ProfilePage(Page):
    """One honoured person or volunteer organisation. The page title is the name."""

    category = models.CharField(_("类别"), max_length=30, choices=Category.choices, default=Category.VETERAN)
    gender = models.CharField(
        _("性别"), max_length=10, choices=Gender.choices, blank=True, help_text=_("志愿服务组织不填")
    )
    photo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("照片"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("竖版人物照（3:4），请在图片库里填写替代文字和摄影者；组织可用集体照或标志"),
    )
    birth_year = models.PositiveSmallIntegerField(_("出生年份"), null=True, blank=True, validators=YEAR_VALIDATORS)
    native_place = models.CharField(_("籍贯"), max_length=50, blank=True, help_text=_("例如“山东临沂”"))
    service_branch = models.CharField(_("服役军种"), max_length=30, choices=ServiceBranch.choices, blank=True)
    enlisted_year = models.PositiveSmallIntegerField(_("入伍年份"), null=True, blank=True, validators=YEAR_VALIDATORS)
    retired_year = models.PositiveSmallIntegerField(_("退役年份"), null=True, blank=True, validators=YEAR_VALIDATORS)
    region = models.CharField(
        _("所在区县"),
        max_length=30,
        help_text=_("人物所在的区（县），例如“南湖区”；写法请与其他人物保持一致，列表页按它筛选"),
    )
    summary = models.CharField(
        _("一句话事迹"),
        max_length=120,
        help_text=_("列表和分享时显示，例如“退伍不褪色，十年义务巡河守护一方水土”，不超过120字"),
    )
    story = StreamField(StoryBlock(), verbose_name=_("事迹"), blank=True)
    tags = ClusterTaggableManager(
        through=ProfilePageTag, blank=True, verbose_name=_("标签"), help_text=_("例如：志愿服务、创业带富、抢险救灾")
    )

    content_panels = [
        FieldPanel("title", heading=_("姓名或组织名称"), help_text=_("人物姓名，或志愿服务组织的全称")),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("category"), FieldPanel("region")]),
                FieldRowPanel([FieldPanel("gender"), FieldPanel("birth_year"), FieldPanel("native_place")]),
                FieldRowPanel([FieldPanel("service_branch"), FieldPanel("enlisted_year"), FieldPanel("retired_year")]),
            ],
            heading=_("基本信息"),
        ),
        FieldPanel("photo"),
        InlinePanel(
            "honours",
            heading=pgettext_lazy("plural", "荣誉"),
            label=_("荣誉"),
            min_num=1,
            help_text=_("获得的荣誉称号，可添加多项（例如先获市级、后获省级）"),
        ),
    ]
    story_panels = [FieldPanel("story")]
    relations_panels = [
        FieldPanel("tags"),
        InlinePanel("related_profiles", heading=pgettext_lazy("plural", "相关人物"), label=_("相关人物"), max_num=6),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("人物信息")),
            ObjectList(story_panels, heading=_("事迹")),
            ObjectList(relations_panels, heading=_("标签与相关")),
            ObjectList(Page.promote_panels, heading=_("推广")),
            ObjectList(Page.settings_panels, heading=_("设置")),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("story"),
        index.SearchField("region"),
        index.SearchField("native_place"),
        index.SearchField("honours_text"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("category"),
        index.FilterField("region"),
    ]

    #: The search service offers a region facet on its results page (see search/documents.py).
    search_facet_fields = {"region": "region"}

    parent_page_types = ["honors.HonorIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("荣誉人物")
        verbose_name_plural = pgettext_lazy("plural", "荣誉人物")

    def clean(self):
        super().clean()
        errors = {}
        self.region = self.region.strip()
        if self.enlisted_year and self.retired_year and self.retired_year < self.enlisted_year:
            errors["retired_year"] = _("退役年份不能早于入伍年份")
        if self.birth_year and self.enlisted_year and self.enlisted_year - self.birth_year < 14:
            errors["enlisted_year"] = _("入伍年份与出生年份相差过小，请核对")
        if self.category == Category.VOLUNTEER_ORGANISATION and self.gender:
            errors["gender"] = _("志愿服务组织不填写性别")
        if errors:
            raise ValidationError(errors)

    # -- facts for templates, the API and search -------------------------------------------

    @property
    def is_organisation(self):
        return self.category == Category.VOLUNTEER_ORGANISATION

    @cached_property
    def honour_list(self):
        """Honours, newest round first."""
        return sorted(self.honours.all(), key=lambda honour: (honour.round.year, honour.sort_order or 0), reverse=True)

    @property
    def latest_honour(self):
        return self.honour_list[0] if self.honour_list else None

    def honour_labels(self):
        """Each honour as one line (“2021年市级第二届“最美退役军人””) in the content language,
        whichever language is active: they describe the content (search index, structured data)."""
        with translation.override(content_language()):
            return [str(honour) for honour in self.honour_list]

    def honours_text(self):
        """All honours as one line of text, for the search index."""
        return "；".join(self.honour_labels())

    @cached_property
    def tag_list(self):
        """The tags, read once for the page and its structured data."""
        return list(self.tags.all())

    @property
    def service_years(self):
        """“1996—2008”, or “1996—” while the person still serves, in the active language."""
        if self.enlisted_year and self.retired_year:
            return gettext("%(enlisted)s—%(retired)s") % {"enlisted": self.enlisted_year, "retired": self.retired_year}
        if self.enlisted_year:
            return gettext("%(enlisted)s—") % {"enlisted": self.enlisted_year}
        return ""

    def related_live_profiles(self):
        """Related profiles that the public may see (drafts and private pages left out)."""
        ids = [link.profile_id for link in self.related_profiles.all() if link.profile_id]
        profiles = ProfilePage.objects.filter(pk__in=ids).live().public().select_related("photo")
        by_id = {profile.pk: profile for profile in profiles}
        return [by_id[pk] for pk in ids if pk in by_id]

    def get_share_image(self):
        """The Open Graph image: 1200×630, cropped around the photo's focal point."""
        if self.photo is None:
            return None
        return self.photo.get_rendition(OPEN_GRAPH)

    def get_structured_data(self, request):
        """schema.org ``Person`` (``Organization`` for a volunteer organisation) as a dict."""
        data = {
            "@context": "https://schema.org",
            "@type": "Organization" if self.is_organisation else "Person",
            "name": self.title,
            "description": self.summary,
            "url": self.get_full_url(request),
            "award": self.honour_labels(),
        }
        if self.region:
            data["address"] = {"@type": "PostalAddress", "addressRegion": self.region}
        if self.photo is not None:
            data["image"] = request.build_absolute_uri(self.get_share_image().url)
        if not self.is_organisation:
            if self.gender:
                data["gender"] = (
                    "https://schema.org/Male" if self.gender == Gender.MALE else "https://schema.org/Female"
                )
            if self.birth_year:
                data["birthDate"] = str(self.birth_year)
            if self.native_place:
                data["birthPlace"] = {"@type": "Place", "name": self.native_place}
        keywords = [tag.name for tag in self.tag_list]
        if keywords:
            data["keywords"] = "，".join(keywords)
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        related = self.related_live_profiles()
        # The page lists its own honours and each related card its latest one: each honour
        # comes with its round and title, in one query for all related profiles.
        # (A preview of a new page has no primary key yet, and its honours are in memory.)
        prefetch_related_objects([self, *related] if self.pk else related, honours_with_round_and_title())
        # The portrait and the renditions of it and of each related card's photo: two queries,
        # and no rendition looked up in the cache card by card.
        prefetch_related_objects([self, *related], prefetch_renditions("photo", PORTRAIT_CARD, OPEN_GRAPH))
        share_image = self.get_share_image()
        context.update(
            related=related,
            share_image=share_image,
            share_image_url=request.build_absolute_uri(share_image.url) if share_image else "",
            structured_data=self.get_structured_data(request),
        )
        return context


class ProfileHonour(Orderable):
    """One honour of a profile: a title awarded in a selection round."""

    page = ParentalKey(ProfilePage, on_delete=models.CASCADE, related_name="honours")
    round = models.ForeignKey(
        SelectionRound, verbose_name=_("评选届次"), on_delete=models.PROTECT, related_name="honours"
    )
    title = models.ForeignKey(HonourTitle, verbose_name=_("称号"), on_delete=models.PROTECT, related_name="honours")
    citation = models.CharField(_("颁奖词"), max_length=200, blank=True, help_text=_("评选时的颁奖词或推荐语，可不填"))

    panels = [FieldRowPanel([FieldPanel("round"), FieldPanel("title")]), FieldPanel("citation")]

    class Meta(Orderable.Meta):
        verbose_name = _("荣誉")
        verbose_name_plural = pgettext_lazy("plural", "荣誉")

    def __str__(self):
        # Translators: an honour, e.g. 2021年市级第二届“最美退役军人” (the round, then the title).
        return gettext("%(round)s“%(title)s”") % {"round": self.round.label, "title": self.title.name}

    def clean(self):
        super().clean()
        if self.round_id and self.title_id:
            offered = set(self.round.titles.values_list("pk", flat=True))
            if offered and self.title_id not in offered:
                raise ValidationError({"title": _("所选届次没有评选这个称号")})


def honours_with_round_and_title():
    """A prefetch of profiles' honours with their rounds and titles (one query)."""
    return Prefetch("honours", queryset=ProfileHonour.objects.select_related("round", "title"))


class RelatedProfile(Orderable):
    page = ParentalKey(ProfilePage, on_delete=models.CASCADE, related_name="related_profiles")
    profile = models.ForeignKey(ProfilePage, verbose_name=_("人物"), on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("profile", "honors.ProfilePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("相关人物")
        verbose_name_plural = pgettext_lazy("plural", "相关人物")
