"""The list of martyrs whose families are sought (寻亲名单): editorial content, reviewed like
a page (内容审核: 初审 → 终审) before the public sees it."""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from campaigns.seekrelatives.stages import Stage
from memorials.interface import MartyrRecord, published_records, record_province, record_summary, record_url


class SoughtMartyrQuerySet(models.QuerySet):
    def published(self):
        """Entries the public sees: published, about a record the public sees (an index lookup
        per entry, whatever the size of the archive)."""
        return self.filter(live=True).filter(Exists(published_records().filter(pk=OuterRef("record_id"))))

    def with_found(self):
        """Each entry with ``found``: a case about its martyr ended in 认亲成功 (and may have been
        closed since)."""
        from campaigns.seekrelatives.models.cases import ClueCase

        confirmed = ClueCase.objects.filter(
            record_id=OuterRef("record_id"), confirmed_at__isnull=False, stage__in=[Stage.CONFIRMED, Stage.CLOSED]
        )
        return self.annotate(found=Exists(confirmed))

    def still_sought(self):
        return self.with_found().filter(found=False)


class SoughtMartyr(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, models.Model):
    """One martyr of the campaign's list, linked to the martyr's record.

    What the list shows of the record (籍贯, 部队, 牺牲时间地点, 安葬地) is read from the record
    itself; ``name`` … ``burial_place`` are copies taken when the entry is saved, for the search
    index and the province filter only.
    """

    record = models.OneToOneField(
        MartyrRecord,
        verbose_name=_("烈士档案"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("从英名录中选择已公布的烈士档案"),
    )
    missing = models.TextField(
        _("尚缺的信息"),
        blank=True,
        max_length=1000,
        help_text=_("例如：亲属下落不明；籍贯只知到县；入伍前住址不详。会在名单上公开显示"),
    )
    appeal = models.TextField(
        _("寻亲说明"), blank=True, max_length=2000, help_text=_("公开显示：已知的线索、家乡的旧地名等")
    )
    name = models.CharField(_("姓名"), max_length=100, editable=False)
    native_province = models.CharField(_("籍贯（省）"), max_length=20, blank=True, editable=False)
    native_place = models.CharField(_("籍贯"), max_length=200, blank=True, editable=False)
    unit = models.CharField(_("部队"), max_length=255, blank=True, editable=False)
    death_place = models.CharField(_("牺牲地点"), max_length=200, blank=True, editable=False)
    burial_place = models.CharField(_("安葬地"), max_length=200, blank=True, editable=False)
    created_at = models.DateTimeField(_("加入名单时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="soughtmartyr")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="soughtmartyr",
        for_concrete_model=False,
    )

    objects = SoughtMartyrQuerySet.as_manager()

    panels = [FieldPanel("record"), FieldPanel("missing"), FieldPanel("appeal")]

    search_fields = [
        index.SearchField("name", boost=10),
        index.AutocompleteField("name"),
        index.SearchField("native_place"),
        index.SearchField("unit"),
        index.SearchField("death_place"),
        index.SearchField("burial_place"),
        index.SearchField("missing"),
        index.SearchField("appeal"),
        index.FilterField("live"),
        index.FilterField("native_province"),
    ]
    # The public search page's region facet, and the campaign list's province filter.
    search_facet_fields = {"region": "native_province"}
    search_name_fields = ("name",)
    # What a search result shows first, each with its label (籍贯 …, 生前单位 …).
    search_result_fields = ("native_place", "unit", "death_place", "burial_place")

    class Meta:
        verbose_name = _("寻亲烈士")
        verbose_name_plural = _("寻亲名单")
        ordering = ["native_province", "name", "id"]
        indexes = [models.Index(fields=["live", "native_province"], name="seekrel_sought_live_prov")]

    def __str__(self):
        return self.name or str(self.record)

    def save(self, *args, **kwargs):
        if self.record_id:
            self.copy_record_facts()
        super().save(*args, **kwargs)
        if not self.live:
            index.remove_object(self)

    @property
    def revisions(self):
        return self._revisions

    def clean(self):
        super().clean()
        if self.record_id and not published_records().filter(pk=self.record_id).exists():
            raise ValidationError({"record": gettext("请选择已公布的烈士档案：未公布的档案不能列入寻亲名单。")})

    def copy_record_facts(self):
        """Take the facts the search index and the filter use from the record."""
        summary = record_summary(self.record)
        self.name = summary["name"]
        self.native_place = summary["native_place"]
        self.native_province = record_province(self.record)
        self.unit = summary["unit"]
        self.death_place = summary["death_place"]
        self.burial_place = summary["burial_place"]

    @classmethod
    def get_indexed_objects(cls):
        return cls.objects.filter(live=True)

    def get_url(self, request=None):
        """Its martyr's record page, which says that the family is sought and links to the
        clue form."""
        return record_url(self.record, request)

    def summary(self):
        """The record's facts as the list shows them (``memorials.interface.record_summary``)."""
        return record_summary(self.record)
