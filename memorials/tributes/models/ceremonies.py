"""集体祭奠: a campaign such as “2024·清明祭英烈” or “9·30 烈士纪念日” — a Wagtail page (there are
few of them), with its period, an introduction, an optional livestream or VR hall, featured
halls and facilities, and its own counters: everything offered on the site during the period."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

import media.blocks as media_blocks
from memorials.interface import MartyrRecord, MemorialFacility, published_records


class CeremonyPage(Page):
    """One collective ceremony (集体祭奠). Listed on the home page while it runs."""

    start_date = models.DateField(_("开始日期"))
    end_date = models.DateField(_("结束日期"))
    intro = RichTextField(
        _("活动介绍"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("活动的缘起、安排和参与方式"),
    )
    broadcast = StreamField(
        [
            ("video_embed", media_blocks.VideoEmbedBlock()),
            ("video", media_blocks.VideoBlock()),
            ("image", media_blocks.ImageBlock()),
        ],
        verbose_name=_("直播与视频"),
        blank=True,
        help_text=_("公祭仪式的直播或录像（哔哩哔哩、腾讯视频、优酷等视频页面地址），或现场照片"),
    )
    vr_url = models.URLField(_("VR云展厅地址"), blank=True, help_text=_("全景云展厅的网址；访客在新窗口中打开"))

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")])], heading=_("活动时间")),
        FieldPanel("intro"),
        FieldPanel("broadcast"),
        FieldPanel("vr_url"),
        InlinePanel("halls", label=_("推荐纪念馆"), heading=_("推荐纪念馆")),
        InlinePanel("facilities", label=_("推荐纪念设施"), heading=_("推荐纪念设施")),
    ]

    parent_page_types = ["siteshell.HomePage"]
    subpage_types: list[str] = []
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("集体祭奠活动")
        verbose_name_plural = pgettext_lazy("plural", "集体祭奠活动")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("结束日期不能早于开始日期")})

    def is_running(self, day=None) -> bool:
        day = day or timezone.localdate()
        return self.start_date <= day <= self.end_date

    def featured_records(self):
        """The featured halls whose records are published, in the editors' order."""
        ids = list(self.halls.order_by("sort_order").values_list("record_id", flat=True))
        found = published_records().in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]

    def featured_facilities(self):
        return [item.facility for item in self.facilities.select_related("facility").order_by("sort_order")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            featured_records=self.featured_records(),
            featured_facilities=self.featured_facilities(),
            running=self.is_running(),
        )
        return context


class CeremonyHall(Orderable):
    page = ParentalKey(CeremonyPage, on_delete=models.CASCADE, related_name="halls")
    record = models.ForeignKey(MartyrRecord, verbose_name=_("烈士"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("record")]

    class Meta(Orderable.Meta):
        verbose_name = _("推荐纪念馆")


class CeremonyFacility(Orderable):
    page = ParentalKey(CeremonyPage, on_delete=models.CASCADE, related_name="facilities")
    facility = models.ForeignKey(
        MemorialFacility, verbose_name=_("纪念设施"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("facility")]

    class Meta(Orderable.Meta):
        verbose_name = _("推荐纪念设施")
