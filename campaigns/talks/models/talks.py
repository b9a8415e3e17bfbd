"""A talk on the calendar: who speaks, about what, for whom, where and when.

Talks are snippets with drafts under the review workflow (内容审核), listed and shown by the
talks page (``TalksIndexPage``). A talk accepted from a school's booking is created published,
marked for that school. Calendar feeds identify a talk by ``uid`` for its whole life and count
its significant changes in ``sequence`` (RFC 5545), so a subscribed phone calendar updates the
event instead of adding a second one; a cancelled talk stays on the feed as cancelled.
"""

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from campaigns.talks.choices import Audience, Topic
from campaigns.talks.models.speakers import Speaker

#: Changes a calendar application must show: they raise the talk's ``sequence``.
SCHEDULE_FIELDS = ("title", "start", "end", "place", "address", "cancelled")

MAX_CAPACITY = 5000


class TalkQuerySet(models.QuerySet):
    def published(self):
        return self.filter(live=True)

    def upcoming(self, now=None):
        """Published talks that have not ended, soonest first (cancelled ones included: the
        calendar shows them as cancelled)."""
        return self.published().filter(end__gte=now or timezone.now()).order_by("start", "pk")

    def overlapping(self, start, end):
        return self.filter(start__lt=end, end__gt=start)

    def going_ahead(self):
        return self.filter(cancelled=False)


class Talk(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, ClusterableModel):
    title = models.CharField(_("宣讲主题"), max_length=100, help_text=_("例如“追寻英烈足迹 传承红色基因”"))
    topic = models.CharField(_("内容类别"), max_length=20, choices=Topic.choices)
    audience = models.CharField(_("面向对象"), max_length=20, choices=Audience.choices)
    speakers = ParentalManyToManyField(Speaker, verbose_name=_("宣讲人"), blank=True, related_name="talks")
    summary = models.TextField(_("内容简介"), blank=True, max_length=2000)
    place = models.CharField(_("地点"), max_length=100, help_text=_("学校、社区或纪念设施的名称"))
    address = models.CharField(_("地址"), max_length=200, blank=True)
    district = models.CharField(_("所在区县"), max_length=30, help_text=_("例如“南湖区”；写法请保持一致，公众按它筛选"))
    start = models.DateTimeField(_("开始时间"))
    end = models.DateTimeField(_("结束时间"))
    capacity = models.PositiveIntegerField(
        _("容纳人数"), validators=[MinValueValidator(1), MaxValueValidator(MAX_CAPACITY)]
    )
    school = models.CharField(
        _("专场单位"),
        max_length=100,
        blank=True,
        help_text=_("为一所学校（单位）安排的专场填写其名称；留空表示面向公众开放"),
    )
    cancelled = models.BooleanField(_("已取消"), default=False, help_text=_("取消的宣讲仍显示在日历上，标明已取消"))
    cancel_reason = models.CharField(_("取消原因"), max_length=200, blank=True)
    #: The calendar identity (iCalendar UID): never changes.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    #: iCalendar SEQUENCE: raised by every change of :data:`SCHEDULE_FIELDS`.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TalkQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("topic"), FieldPanel("audience")]),
        FieldPanel("speakers"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("capacity")],
            heading=_("时间"),
        ),
        MultiFieldPanel(
            [FieldPanel("place"), FieldPanel("address"), FieldPanel("district"), FieldPanel("school")],
            heading=_("地点"),
        ),
        MultiFieldPanel([FieldPanel("cancelled"), FieldPanel("cancel_reason")], heading=_("取消")),
    ]
    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("summary"),
        index.SearchField("place"),
        index.FilterField("live"),
        index.FilterField("district"),
    ]

    class Meta:
        verbose_name = _("宣讲活动")
        verbose_name_plural = pgettext_lazy("plural", "宣讲活动")
        ordering = ["start", "pk"]
        indexes = [models.Index(fields=["live", "end", "start"], name="talks_talk_calendar")]

    def __str__(self):
        return self.title

    @property
    def open_to_public(self) -> bool:
        return not self.school

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("结束时间应晚于开始时间")})
        if self.cancel_reason and not self.cancelled:
            raise ValidationError({"cancelled": _("填写了取消原因：请同时勾选“已取消”，或清空取消原因")})

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        touches_schedule = update_fields is None or set(update_fields) & set(SCHEDULE_FIELDS)
        if self.pk and touches_schedule and self._schedule_changed():
            self.sequence += 1
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "sequence"}
        super().save(*args, **kwargs)

    def _schedule_changed(self) -> bool:
        stored = type(self).objects.filter(pk=self.pk).values(*SCHEDULE_FIELDS, "sequence").first()
        if stored is None:
            return False
        # A revision published later carries the sequence of its time: never go back.
        self.sequence = max(self.sequence, stored["sequence"])
        return any(stored[name] != getattr(self, name) for name in SCHEDULE_FIELDS)

    def speaker_names(self):
        return [speaker.name for speaker in self.speakers.all()]
