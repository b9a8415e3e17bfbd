"""The campaign's pages: the campaign itself (its list of martyrs, the clue form and the status
page are routes of it), success stories and announcements of results in batches."""

from __future__ import annotations

import datetime
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from campaigns.seekrelatives import routing
from campaigns.seekrelatives.models.cases import ClueCase
from campaigns.seekrelatives.stages import Stage
from memorials.interface import MartyrRecord, record_summary, record_url
from siteshell.privacy.masking import mask

RICH_TEXT = ["h3", "bold", "italic", "ol", "ul", "link"]


class SeekRelativesCampaignPage(RoutablePageMixin, Page):
    """为烈士寻亲: the introduction, the rules, live figures, the martyrs whose families are sought
    (filtered by province, searched), the success stories; the clue form and the clue status
    page are routes of this page."""

    intro = RichTextField(_("活动介绍"), blank=True, features=RICH_TEXT)
    rules = RichTextField(
        _("活动规则"), blank=True, features=RICH_TEXT, help_text=_("如何提供线索、如何核实、如何保护个人信息")
    )
    per_page = models.PositiveSmallIntegerField(
        _("名单每页人数"), default=20, validators=[MinValueValidator(10), MaxValueValidator(100)]
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("rules"), FieldPanel("per_page")]
    parent_page_types = ["siteshell.HomePage"]
    subpage_types = ["seekrelatives.SuccessStoryPage", "seekrelatives.ResultAnnouncementPage"]
    max_count = 1
    template = "seekrelatives/campaign_page.html"
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("为烈士寻亲活动")
        verbose_name_plural = _("为烈士寻亲活动")

    @classmethod
    def for_request(cls, request=None):
        """The live campaign page of the request's site (or of any site), once per request."""
        cached = getattr(request, "_seekrelatives_campaign", None) if request is not None else None
        if cached is not None:
            return cached
        pages = cls.objects.live().public()
        campaign = None
        if request is not None:
            from wagtail.models import Site

            site = Site.find_for_request(request)
            if site is not None:
                campaign = pages.descendant_of(site.root_page).first()
        campaign = campaign or pages.first()
        if request is not None and campaign is not None:
            request._seekrelatives_campaign = campaign
        return campaign

    def route_url(self, name, *args) -> str:
        return self.url + self.reverse_subpage(name, args=args)

    def stories(self):
        return SuccessStoryPage.objects.live().public().child_of(self).order_by("-first_published_at")

    def announcements(self):
        return ResultAnnouncementPage.objects.live().public().child_of(self).order_by("-period_end")

    # -- routes ----------------------------------------------------------------------------

    @path("")
    def index_route(self, request):
        return routing.serve("index", request, self)

    @path("clue/", name="clue")
    def clue_route(self, request):
        return routing.serve("clue", request, self)

    @path("track/", name="track")
    def track_route(self, request):
        return routing.serve("track", request, self)

    @path("add/", name="add")
    def add_route(self, request):
        return routing.serve("add", request, self)


class SuccessStoryPage(Page):
    """A family found (认亲成功), told with the family's written consent. Made from a confirmed
    case (寻亲案件 → 写成成功故事), then written and published through the two-step review."""

    case = models.ForeignKey(
        ClueCase, verbose_name=_("寻亲案件"), null=True, blank=True, on_delete=models.SET_NULL, related_name="stories"
    )
    record = models.ForeignKey(
        MartyrRecord, verbose_name=_("烈士档案"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    summary = models.TextField(_("摘要"), max_length=300, blank=True, help_text=_("列表中显示，一两句话"))
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("题图"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = RichTextField(_("正文"), features=RICH_TEXT)

    content_panels = Page.content_panels + [
        HelpPanel(
            content=_(
                "成功故事须有烈士亲属的书面同意（记录在寻亲案件中）。家属未同意公开姓名时，"
                "不要写出在世亲属的姓名，可以写“烈士的侄子王先生”。"
            )
        ),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    parent_page_types = ["seekrelatives.SeekRelativesCampaignPage"]
    subpage_types = []
    template = "seekrelatives/story_page.html"
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]

    class Meta:
        verbose_name = _("寻亲成功故事")
        verbose_name_plural = _("寻亲成功故事")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["martyr_url"] = record_url(self.record, request) if self.record_id else ""
        return context

    def clean(self):
        super().clean()
        if self.case_id is None:
            raise ValidationError(
                gettext("成功故事须从认亲成功的寻亲案件生成（寻亲案件 → 写成成功故事），以便核对家属的书面同意。")
            )
        case = self.case
        if case.stage not in (Stage.CONFIRMED, Stage.CLOSED) or case.confirmed_at is None:
            raise ValidationError(gettext("这个寻亲案件尚未认亲成功，不能写成成功故事。"))
        if case.story_consent_on is None:
            raise ValidationError(gettext("案件中还没有记录家属的书面同意，不能写成成功故事。"))
        if not case.story_names_consent:
            named = self.named_relatives()
            if named:
                raise ValidationError(
                    gettext("家属未同意公开在世亲属的姓名，请删去：%(names)s")
                    % {"names": "、".join(mask(name) for name in named)}
                )

    def named_relatives(self) -> list[str]:
        """The case's senders (living relatives) whose names the story's text contains."""
        text = " ".join((self.title or "", self.summary or "", strip_tags(self.body or "")))
        text = re.sub(r"\s+", "", text)
        names = {name.strip() for name in self.case.clues.values_list("submitter_name", flat=True)}
        return sorted(name for name in names if len(name) >= 2 and name in text)


class ResultAnnouncementPage(Page):
    """寻亲结果公布: the martyrs whose families were found in a period, announced in a batch as
    the ministry does. The list is read from the cases confirmed in the period, which has ended
    when the announcement is published."""

    period_start = models.DateField(_("起始日期"))
    period_end = models.DateField(_("截止日期"))
    intro = RichTextField(_("说明"), blank=True, features=RICH_TEXT)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")], heading=_("公布的认亲时间段")),
        FieldPanel("intro"),
    ]
    parent_page_types = ["seekrelatives.SeekRelativesCampaignPage"]
    subpage_types = []
    template = "seekrelatives/announcement_page.html"

    class Meta:
        verbose_name = _("寻亲结果公布")
        verbose_name_plural = _("寻亲结果公布")

    def clean(self):
        super().clean()
        if self.period_start and self.period_end:
            if self.period_start > self.period_end:
                raise ValidationError({"period_end": gettext("截止日期不能早于起始日期。")})
            if self.period_end > timezone.localdate():
                raise ValidationError({"period_end": gettext("只能公布已经结束的时间段：截止日期不能晚于今天。")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["found"] = [
            {
                "case": case,
                "summary": record_summary(case.record) if case.record_id else {"name": case.martyr_name},
                "url": record_url(case.record, request) if case.record_id else "",
            }
            for case in self.found_cases()
        ]
        return context

    def found_cases(self):
        """The cases confirmed in the period (their martyrs linked to a record), oldest first."""
        tz = timezone.get_current_timezone()
        start = datetime.datetime.combine(self.period_start, datetime.time.min, tzinfo=tz)
        end = datetime.datetime.combine(self.period_end, datetime.time.max, tzinfo=tz)
        return (
            ClueCase.objects.active()
            .filter(confirmed_at__range=(start, end), stage__in=[Stage.CONFIRMED, Stage.CLOSED])
            .select_related("record")
            .order_by("confirmed_at", "id")
        )
