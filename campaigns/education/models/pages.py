"""Pages of national-defence education (国防教育).

- ``EducationIndexPage``: every resource below it, filtered by grade band, topic and kind, and
  the school programmes (红星班, 少年军校);
- ``ResourcePage``: a lesson plan, reader, video or story for one grade band, printable on A4
  with its source and date, its file downloadable through the media service (Wagtail
  documents), linked to the honour profiles, memorial pages and martyr records it is about;
- ``SchoolProgrammePage``: a programme with its participating schools and their activities.
"""

from urllib.parse import unquote

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from campaigns.education.blocks import ResourceBodyBlock
from campaigns.education.choices import GradeBand, Programme, ResourceKind, Topic
from campaigns.education.filters import ResourceFilterSet


class EducationIndexPage(Page):
    intro = RichTextField(
        _("导语"), blank=True, features=["bold", "italic", "link"], help_text=_("显示在资源列表上方的简短介绍")
    )
    per_page = models.PositiveSmallIntegerField(
        _("每页条数"), default=12, validators=[MinValueValidator(4), MaxValueValidator(60)]
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    settings_panels = Page.settings_panels + [FieldPanel("per_page")]
    parent_page_types = ["siteshell.HomePage"]
    subpage_types = ["education.ResourcePage", "education.SchoolProgrammePage"]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("国防教育栏目")
        verbose_name_plural = pgettext_lazy("plural", "国防教育栏目")

    def resources(self):
        return ResourcePage.objects.child_of(self).live().public()

    def programmes(self):
        return SchoolProgrammePage.objects.child_of(self).live().public().order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filterset = ResourceFilterSet(request.GET, queryset=self.resources().order_by("-first_published_at", "-pk"))
        paginator = Paginator(filterset.qs.select_related("attachment"), self.per_page)
        asked = request.GET.get("page")
        page_obj = paginator.get_page(asked)
        context.update(
            filterset=filterset,
            resources=page_obj,
            paginator=paginator,
            page_notice=asked not in (None, "", str(page_obj.number)),
            filter_params=filterset.canonical_params(),
            is_filtered=filterset.is_filtered(),
            programmes=self.programmes(),
        )
        return context


class ResourcePage(Page):
    kind = models.CharField(_("类型"), max_length=20, choices=ResourceKind.choices)
    grade_band = models.CharField(_("学段"), max_length=20, choices=GradeBand.choices)
    topic = models.CharField(_("主题"), max_length=20, choices=Topic.choices)
    summary = models.CharField(_("简介"), max_length=200, help_text=_("列表中显示，不超过200字"))
    body = StreamField(ResourceBodyBlock(), verbose_name=_("正文"), blank=True)
    attachment = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("下载文件"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("教案、读本的文件（PDF、Word 等），通过媒体库下载"),
    )
    source = models.CharField(_("来源"), max_length=200, help_text=_("编写单位或出处，打印时印在页脚"))
    source_date = models.DateField(_("资料日期"), help_text=_("编写或发布日期，打印时印在页脚"))
    lesson_minutes = models.PositiveSmallIntegerField(
        _("课时（分钟）"), null=True, blank=True, validators=[MinValueValidator(5), MaxValueValidator(600)]
    )
    featured = models.BooleanField(_("首页推荐"), default=False, help_text=_("勾选后显示在首页“推荐课程”"))

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("kind"), FieldPanel("grade_band"), FieldPanel("topic")]), FieldPanel("summary")],
            heading=_("分类"),
        ),
        FieldPanel("body"),
        FieldPanel("attachment"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("source"), FieldPanel("source_date")]), FieldPanel("lesson_minutes")],
            heading=_("来源"),
        ),
        InlinePanel("links", heading=_("相关人物与烈士"), label=_("链接")),
    ]
    promote_panels = Page.promote_panels + [FieldPanel("featured")]
    parent_page_types = ["education.EducationIndexPage"]
    subpage_types = []
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("source"),
        index.FilterField("grade_band"),
        index.FilterField("topic"),
        index.FilterField("kind"),
    ]

    class Meta:
        verbose_name = _("国防教育资源")
        verbose_name_plural = pgettext_lazy("plural", "国防教育资源")
        indexes = [models.Index(fields=["featured"], name="education_resource_featured")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        links = (link.link(request) for link in self.links.select_related("page"))
        context["links"] = [link for link in links if link is not None]
        # The address printed in the footer, readable (not percent-encoded).
        context["print_url"] = unquote(self.get_full_url(request) or "")
        return context


class ResourceLink(Orderable):
    """A page this resource is about — an honour profile, a memorial page — or a martyr record
    or another address on this site (records are data, not pages)."""

    resource = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="links")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("本站页面"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("例如荣誉风采人物页"),
    )
    path = models.CharField(
        _("本站地址"),
        max_length=200,
        blank=True,
        help_text=_("不是页面的内容（例如烈士档案）填写本站地址，如“/martyrs/123/”"),
    )
    title = models.CharField(_("链接文字"), max_length=100, blank=True, help_text=_("不填则用页面标题"))

    panels = [PageChooserPanel("page"), FieldPanel("path"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("相关链接")
        verbose_name_plural = _("相关链接")

    def clean(self):
        super().clean()
        if bool(self.page_id) == bool(self.path):
            raise ValidationError(_("请选择一个本站页面，或填写一个本站地址（二选一）"))
        if self.path and (not self.path.startswith("/") or self.path.startswith("//")):
            raise ValidationError({"path": _("请填写以“/”开头的本站地址")})
        if self.path and not self.title:
            raise ValidationError({"title": _("填写本站地址时，请同时填写链接文字")})

    def link(self, request=None):
        """``(title, url)``, or ``None`` when the page is not live and public any more."""
        if self.page_id:
            page = self.page
            if not page.live or page.get_view_restrictions().exists():
                return None
            return (self.title or page.title, page.get_url(request) or "")
        return (self.title, self.path)


class SchoolProgrammePage(Page):
    programme = models.CharField(_("项目"), max_length=20, choices=Programme.choices)
    intro = models.CharField(_("简介"), max_length=300)
    body = RichTextField(_("介绍"), blank=True, features=["h3", "bold", "italic", "ol", "ul", "link"])

    content_panels = Page.content_panels + [
        FieldPanel("programme"),
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("schools", heading=_("参与学校"), label=_("学校")),
    ]
    parent_page_types = ["education.EducationIndexPage"]
    subpage_types = []
    search_fields = Page.search_fields + [
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
        index.RelatedFields("schools", [index.SearchField("name"), index.SearchField("activities")]),
        index.FilterField("programme"),
    ]

    class Meta:
        verbose_name = _("红星班、少年军校页面")
        verbose_name_plural = pgettext_lazy("plural", "红星班、少年军校页面")


class ProgrammeSchool(Orderable):
    page = ParentalKey(SchoolProgrammePage, on_delete=models.CASCADE, related_name="schools")
    name = models.CharField(_("学校"), max_length=100)
    district = models.CharField(_("所在区县"), max_length=30)
    since_year = models.PositiveSmallIntegerField(
        _("创建年份"), null=True, blank=True, validators=[MinValueValidator(1950), MaxValueValidator(2100)]
    )
    activities = models.TextField(
        _("特色活动"), max_length=1000, help_text=_("例如“每周一次国防知识课，每学期一次军营开放日”")
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("district"), FieldPanel("since_year")]),
        FieldPanel("activities"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("参与学校")
        verbose_name_plural = _("参与学校")

    def __str__(self):
        return self.name
