"""Martyr records (烈士档案) and their photo galleries."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, LockableMixin, Orderable, RevisionMixin, WorkflowMixin
from wagtail.search import index

from media.renditions import prefetch_renditions_of
from memorials.dates import PRECISION_CHOICES, format_partial_date, partial_date_notation
from memorials.derived import DERIVATION_FIELDS, fill_derived_values
from memorials.graves import format_grave, grave_notation
from memorials.models.facilities import MemorialFacility
from memorials.models.pages import MartyrArchivePage
from memorials.periods import WarPeriod
from memorials.text import richtext_to_text


class Gender(models.TextChoices):
    MALE = "male", pgettext_lazy("gender", "男")
    FEMALE = "female", pgettext_lazy("gender", "女")


class MartyrRecordQuerySet(models.QuerySet):
    def published(self):
        """The records the public may see."""
        # ``live IN (1)`` rather than ``live``: SQLite uses only an equality (or IN) term on
        # the leading column of the (live, <filter>, id) indexes; a bare boolean term makes
        # it skip-scan and sort, which is slow at millions of rows.
        return self.filter(live__in=[True])

    def for_detail(self):
        """With the facility and the portrait, in the same query (the record page, the API's
        record); :meth:`MartyrRecord.load_gallery` adds the rest."""
        return self.select_related("facility", "photo")


class MartyrRecord(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, ClusterableModel):
    """One martyr, with the fields bureaus keep in their 英名录 sheets.

    Drafts go through the site's review workflow (内容审核: 初审 → 终审) as pages do, and a
    record being edited can be locked, as bakerydemo's ``Person``.

    A cluster (modelcluster): the gallery (:class:`MartyrRecordPhoto`) is edited in the same
    form, kept in draft revisions and written when a revision is published.
    """

    external_id = models.CharField(
        _("编号"),
        max_length=64,
        unique=True,
        help_text=_("原始名录中的编号；重新导入时按编号更新，不会重复"),
    )
    name = models.CharField(_("姓名"), max_length=100)
    gender = models.CharField(_("性别"), max_length=10, choices=Gender.choices, blank=True)
    ethnicity = models.CharField(_("民族"), max_length=20, blank=True)
    birth_date = models.DateField(_("出生年月"), null=True, blank=True)
    birth_precision = models.CharField(_("出生年月精度"), max_length=5, choices=PRECISION_CHOICES, blank=True)
    native_place = models.CharField(_("籍贯"), max_length=200, blank=True, help_text=_("按原始材料填写"))
    native_province = models.CharField(_("籍贯（省）"), max_length=20, blank=True)
    native_city = models.CharField(_("籍贯（市）"), max_length=50, blank=True)
    native_county = models.CharField(_("籍贯（县）"), max_length=50, blank=True)
    enlistment_date = models.DateField(_("入伍年月"), null=True, blank=True)
    enlistment_precision = models.CharField(_("入伍年月精度"), max_length=5, choices=PRECISION_CHOICES, blank=True)
    unit = models.CharField(_("生前单位"), max_length=255, blank=True)
    position = models.CharField(_("职务"), max_length=100, blank=True)
    death_date = models.DateField(_("牺牲年月"), null=True, blank=True)
    death_precision = models.CharField(_("牺牲年月精度"), max_length=5, choices=PRECISION_CHOICES, blank=True)
    death_decade = models.SmallIntegerField(_("牺牲年代"), null=True, blank=True, editable=False)
    war_period = models.CharField(_("历史时期"), max_length=20, choices=WarPeriod.choices, blank=True, editable=False)
    # 姓名's pinyin initial (A–Z, memorials.surnames), for browsing the archive by letter.
    surname_initial = models.CharField(_("姓氏拼音首字母"), max_length=1, blank=True, editable=False)
    death_place = models.CharField(_("牺牲地点"), max_length=200, blank=True)
    battle = models.CharField(_("战役/事件"), max_length=200, blank=True)
    burial_place = models.CharField(_("安葬地"), max_length=200, blank=True, help_text=_("按原始材料填写"))
    # No index of its own: the grave index below starts with it (one index fewer to write
    # for every imported record).
    facility = models.ForeignKey(
        MemorialFacility,
        verbose_name=_("安葬的纪念设施"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="martyrs",
        db_index=False,
    )
    grave_section = models.CharField(_("墓区"), max_length=20, blank=True)
    grave_row = models.CharField(_("墓排"), max_length=20, blank=True)
    grave_number = models.CharField(_("墓号"), max_length=20, blank=True)
    certificate_number = models.CharField(_("烈士证明书编号"), max_length=64, blank=True)
    biography = RichTextField(_("生平事迹"), blank=True, features=["bold", "italic", "ol", "ul"])
    sources = models.TextField(_("资料来源"), blank=True, help_text=_("每行一条，例如档案号、志书名称和页码"))
    photo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("照片"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The staff import that last wrote the record; an import that did not publish is reviewed
    # as a whole and its records published together (memorials.importing.review).
    import_job = models.ForeignKey(
        "memorials.ImportJob",
        verbose_name=_("名录导入"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="records",
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="martyrrecord")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="martyrrecord",
        for_concrete_model=False,
    )

    objects = MartyrRecordQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("external_id")]),
        FieldRowPanel([FieldPanel("gender"), FieldPanel("ethnicity")]),
        FieldRowPanel([FieldPanel("birth_date"), FieldPanel("birth_precision")]),
        FieldPanel("native_place"),
        FieldRowPanel(
            [FieldPanel("native_province"), FieldPanel("native_city"), FieldPanel("native_county")],
            help_text=_("留空时按籍贯自动拆分"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("enlistment_date"), FieldPanel("enlistment_precision")]),
                FieldPanel("unit"),
                FieldPanel("position"),
            ],
            heading=_("入伍与职务"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("death_date"), FieldPanel("death_precision")]),
                FieldPanel("death_place"),
                FieldPanel("battle"),
            ],
            heading=_("牺牲情况"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("burial_place"),
                FieldPanel("facility"),
                FieldRowPanel([FieldPanel("grave_section"), FieldPanel("grave_row"), FieldPanel("grave_number")]),
            ],
            heading=_("安葬地与墓位"),
        ),
        FieldPanel("certificate_number"),
        FieldPanel("biography"),
        FieldPanel("sources"),
        FieldPanel("photo", help_text=_("遗像或证件照")),
        InlinePanel(
            "photos",
            heading=_("更多照片"),
            label=_("照片"),
            help_text=_("墓碑、遗物、证书、旧照等；按顺序显示在档案页上"),
        ),
    ]

    search_fields = [
        index.SearchField("name", boost=10),
        index.AutocompleteField("name"),
        index.SearchField("native_place"),
        index.SearchField("unit"),
        index.SearchField("battle"),
        index.SearchField("death_place"),
        index.SearchField("burial_place"),
        index.SearchField("biography"),
        index.FilterField("live"),
        index.FilterField("native_province"),
        index.FilterField("war_period"),
        index.FilterField("death_decade"),
        index.FilterField("facility_id"),
    ]
    # Facets on the public search page (see search/documents.py).
    search_facet_fields = {"region": "native_province", "period": "war_period"}
    # What a search result shows first, each with its label (籍贯 …, 生前单位 …).
    search_result_fields = ("native_place", "unit", "battle", "death_place", "burial_place")

    class Meta:
        verbose_name = _("烈士档案")
        verbose_name_plural = pgettext_lazy("plural", "烈士档案")
        ordering = ["id"]
        # Every public list filters on ``live`` and one browse field, and pages by ``id``
        # (keyset): each index answers one such list without sorting or OFFSET.
        indexes = [
            models.Index(fields=["live", "id"], name="memorials_live_id"),
            models.Index(fields=["live", "native_province", "id"], name="memorials_live_prov_id"),
            models.Index(fields=["live", "death_decade", "id"], name="memorials_live_decade_id"),
            models.Index(fields=["live", "war_period", "id"], name="memorials_live_period_id"),
            models.Index(fields=["live", "battle", "id"], name="memorials_live_battle_id"),
            models.Index(fields=["live", "facility", "id"], name="memorials_live_facility_id"),
            models.Index(fields=["live", "surname_initial", "id"], name="memorials_live_initial_id"),
            models.Index(fields=["name"], name="memorials_name"),
            # Staff look a record up by its 烈士证明书编号 in the admin.
            models.Index(fields=["certificate_number"], name="memorials_certificate"),
            models.Index(fields=["facility", "grave_section", "grave_row", "grave_number"], name="memorials_grave"),
        ]

    def __str__(self):
        return self.name

    @property
    def revisions(self):
        return self._revisions

    @classmethod
    def get_indexed_objects(cls):
        # Only published records are searchable by the public.
        return cls.objects.filter(live=True)

    def fill_derived_fields(self):
        """Recompute the browse fields (decade, period, parsed 籍贯, surname initial) from what was
        entered."""
        values = {name: getattr(self, name) for name in DERIVATION_FIELDS}
        fill_derived_values(values)
        for name in DERIVATION_FIELDS:
            setattr(self, name, values[name])

    def save(self, *args, **kwargs):
        self.fill_derived_fields()
        super().save(*args, **kwargs)
        if not self.live:
            # Unpublishing must also take the record out of the public search index.
            index.remove_object(self)

    # -- display ---------------------------------------------------------------------------
    # ``*_display``: for people, in the active language (1952年10月 / October 1952);
    # ``*_notation``: as the lists write it, in every language (exports, corrections).

    @property
    def birth_display(self):
        return format_partial_date(self.birth_date, self.birth_precision)

    @property
    def enlistment_display(self):
        return format_partial_date(self.enlistment_date, self.enlistment_precision)

    @property
    def death_display(self):
        return format_partial_date(self.death_date, self.death_precision)

    @property
    def grave_display(self):
        return format_grave(self.grave_section, self.grave_row, self.grave_number)

    @property
    def birth_notation(self):
        return partial_date_notation(self.birth_date, self.birth_precision)

    @property
    def enlistment_notation(self):
        return partial_date_notation(self.enlistment_date, self.enlistment_precision)

    @property
    def death_notation(self):
        return partial_date_notation(self.death_date, self.death_precision)

    @property
    def grave_notation(self):
        return grave_notation(self.grave_section, self.grave_row, self.grave_number)

    @property
    def biography_text(self):
        return richtext_to_text(self.biography)

    def load_gallery(self, *uses):
        """The gallery with its images, and the renditions for ``uses`` (``media.renditions``)
        of the portrait and of every gallery image: two queries however many photos the record
        has. Returns the gallery's photos."""
        prefetch_related_objects([self], Prefetch("photos", queryset=MartyrRecordPhoto.objects.select_related("image")))
        photos = list(self.photos.all())
        prefetch_renditions_of([self.photo if self.photo_id else None, *(photo.image for photo in photos)], *uses)
        return photos

    def get_url(self, request=None):
        archive = MartyrArchivePage.for_request(request)
        if archive is None:
            return ""
        return archive.url + archive.reverse_subpage("record", args=[self.pk])

    def get_full_url(self, request=None):
        archive = MartyrArchivePage.for_request(request)
        if archive is None:
            return ""
        return archive.full_url + archive.reverse_subpage("record", args=[self.pk])


class MartyrRecordPhoto(Orderable):
    """One photo of a record's gallery (墓碑、遗物、证书、旧照…), besides the portrait."""

    record = ParentalKey(MartyrRecord, verbose_name=_("烈士档案"), on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL, verbose_name=_("图片"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(
        pgettext_lazy("text under a photo", "说明"), max_length=255, help_text=_("例如：烈士墓碑，2019年摄")
    )
    source = models.CharField(_("来源"), max_length=255, blank=True, help_text=_("例如：烈士亲属提供、某某档案馆"))

    panels = [FieldPanel("image"), FieldPanel("caption"), FieldPanel("source")]

    class Meta(Orderable.Meta):
        verbose_name = _("照片")
        verbose_name_plural = pgettext_lazy("plural", "照片")

    def __str__(self):
        return self.caption

    @property
    def alt_text(self):
        """The image's own alt text, else the caption; empty for a decorative image."""
        if self.image.is_decorative:
            return ""
        return self.image.alt_text.strip() or self.caption
