"""StreamField blocks for a profile's story.

Images, galleries, video (uploaded or on a video platform) and documents come from the shared
``media.blocks``; the blocks here are the two that only an honour profile needs: a pull quote
and a timeline of service.
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks

import media.blocks as media_blocks


class PullQuoteBlock(blocks.StructBlock):
    """A sentence the person said, set apart from the running text."""

    quote = blocks.TextBlock(label=_("引语"), max_length=300)
    attribution = blocks.CharBlock(
        label=_("出处"), required=False, max_length=80, help_text=_("例如“张建国在颁奖仪式上”；不填则不显示")
    )

    class Meta:
        icon = "openquote"
        label = _("引语")
        template = "honors/blocks/pull_quote.html"


class TimelineEventValue(blocks.StructValue):
    @property
    def month_start(self):
        """The first day of the event's month, for ``|date:"YEAR_MONTH_FORMAT"`` (“1996年9月”,
        “September 1996”); ``None`` when only the year is known, or not even the year (a draft
        is saved with the required parts left for later)."""
        if not self.get("month") or not self.get("year"):
            return None
        return datetime.date(self["year"], self["month"], 1)


class TimelineEventBlock(blocks.StructBlock):
    year = blocks.IntegerBlock(label=_("年份"), min_value=1900, max_value=2100)
    month = blocks.IntegerBlock(label=_("月份"), required=False, min_value=1, max_value=12)
    event = blocks.CharBlock(label=_("经历"), max_length=200, help_text=_("例如“入伍，服役于某部侦察连”"))

    class Meta:
        icon = "date"
        label = _("经历")
        value_class = TimelineEventValue


class ServiceTimelineBlock(blocks.StructBlock):
    """Milestones of service and of life after it, shown in year order."""

    # The default is content, so it is in the content language whichever language the editor's
    # admin is in (a translated default would put English into a Chinese story).
    heading = blocks.CharBlock(label=_("标题"), required=False, default="成长足迹", max_length=40)
    events = blocks.ListBlock(TimelineEventBlock(), label=pgettext_lazy("plural", "经历"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("时间线")
        template = "honors/blocks/service_timeline.html"

    def clean(self, value):
        value = super().clean(value)
        # A draft (and an autosave) may keep an entry whose year is still to be filled in:
        # the entries with a year must already be in order.
        years = [event["year"] for event in value["events"] if event.get("year") is not None]
        if years != sorted(years):
            raise blocks.StructBlockValidationError(
                block_errors={"events": ValidationError(_("请按年份从早到晚排列经历"))}
            )
        return value


class StoryBlock(blocks.StreamBlock):
    """The body of a profile: text, quotes, pictures, video, a timeline and documents."""

    paragraph = blocks.RichTextBlock(
        label=_("段落"), features=["h2", "h3", "bold", "italic", "ol", "ul", "link"], icon="pilcrow"
    )
    pull_quote = PullQuoteBlock()
    image = media_blocks.ImageBlock()
    gallery = media_blocks.GalleryBlock()
    video = media_blocks.VideoBlock()
    video_embed = media_blocks.VideoEmbedBlock()
    timeline = ServiceTimelineBlock()
    document = media_blocks.DocumentLinkBlock()

    class Meta:
        label = _("事迹")
