"""The martyr archive: records, memorial facilities, corrections and imports.

Records are data, not pages (the national list holds about 1.86 million): one routable
:class:`MartyrArchivePage` serves the list, the filters and every record's detail page.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.cache import cache
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, Orderable, Page, RevisionMixin
from wagtail.search import index

from memorials.dates import PRECISION_CHOICES, format_partial_date
from memorials.periods import WarPeriod, war_period_for
from memorials.places import parse_native_place


#: The filter form's list of facilities, cached; emptied whenever a facility changes.
FACILITY_CHOICES_CACHE_KEY = "memorials:facility-choices"


class Gender(models.TextChoices):
    MALE = "male", _("男")
    FEMALE = "female", _("女")


class MemorialFacility(index.Indexed, models.Model):
    """A 烈士纪念设施: cemetery, monument, memorial hall."""

    class Kind(models.TextChoices):
        CEMETERY = "cemetery", _("烈士陵园")
        MONUMENT = "monument", _("纪念碑（塔）")
        HALL = "hall", _("纪念馆")
        TOMB = "tomb", _("烈士墓（散葬）")

    class Level(models.TextChoices):
        NATIONAL = "national", _("国家级")
        PROVINCIAL = "provincial", _("省级")
        MUNICIPAL = "municipal", _("设区市级")
        COUNTY = "county", _("县级")
        OTHER = "other", _("其他")

    name = models.CharField(_("名称"), max_length=100, unique=True)
    kind = models.CharField(_("类型"), max_length=20, choices=Kind.choices, default=Kind.CEMETERY)
    level = models.CharField(_("保护级别"), max_length=20, choices=Level.choices, default=Level.OTHER)
    province = models.CharField(_("所在省份"), max_length=20, blank=True)
    address = models.CharField(_("地址"), max_length=200, blank=True)
    latitude = models.DecimalField(
        _("纬度"), max_digits=9, decimal_places=6, null=True, blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("WGS-84 坐标，例如 41.845000；不填则不显示地图"),
    )
    longitude = models.DecimalField(
        _("经度"), max_digits=9, decimal_places=6, null=True, blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    opening_hours = models.CharField(_("开放时间"), max_length=200, blank=True)
    phone = models.CharField(_("联系电话"), max_length=50, blank=True)
    description = RichTextField(_("简介"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    photo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL, verbose_name=_("照片"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("level")]),
        MultiFieldPanel(
            [FieldPanel("province"), FieldPanel("address"),
             FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])],
            heading=_("位置"),
        ),
        FieldPanel("opening_hours"),
        FieldPanel("phone"),
        FieldPanel("description"),
        FieldPanel("photo"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("address"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("烈士纪念设施")
        verbose_name_plural = _("烈士纪念设施")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        cache.delete(FACILITY_CHOICES_CACHE_KEY)

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        cache.delete(FACILITY_CHOICES_CACHE_KEY)
        return result

    @property
    def has_map(self):
        return self.latitude is not None and self.longitude is not None

    def get_url(self, request=None):
        archive = MartyrArchivePage.for_request(request)
        if archive is None:
            return ""
        return archive.url + archive.reverse_subpage("facility", args=[self.pk])


#: The record fields that :func:`fill_derived_values` reads or sets.
DERIVATION_FIELDS = (
    "death_date", "death_place", "battle", "unit", "native_place", "native_province", "native_city",
    "native_county", "death_decade", "war_period", "birth_date", "birth_precision", "enlistment_date",
    "enlistment_precision", "death_precision",
)


def fill_derived_values(values):
    """The browse fields (decade, period, parsed 籍贯) of a record given as a dict of field
    values (see :data:`DERIVATION_FIELDS`); the importer derives them without model objects."""
    death_date = values.get("death_date")
    values["death_decade"] = death_date.year // 10 * 10 if death_date else None
    values["war_period"] = war_period_for(death_date, values.get("death_place"), values.get("battle"), values.get("unit"))
    if values.get("native_place") and not (
        values.get("native_province") or values.get("native_city") or values.get("native_county")
    ):
        parsed = parse_native_place(values["native_place"])
        values["native_province"], values["native_city"], values["native_county"] = (
            parsed.province, parsed.city, parsed.county,
        )
    for field in ("birth", "enlistment", "death"):
        if values.get(f"{field}_date") and not values.get(f"{field}_precision"):
            values[f"{field}_precision"] = "day"
    return values


class MartyrRecordQuerySet(models.QuerySet):
    def published(self):
        # ``live IN (1)`` rather than ``live``: SQLite uses only an equality (or IN) term on
        # the leading column of the (live, <filter>, id) indexes; a bare boolean term makes
        # it skip-scan and sort, which is slow at millions of rows.
        return self.filter(live__in=[True])


class MartyrRecord(DraftStateMixin, RevisionMixin, index.Indexed, ClusterableModel):
    """One martyr, with the fields bureaus keep in their 英名录 sheets.

    A cluster (modelcluster): the gallery (:class:`MartyrRecordPhoto`) is edited in the same
    form, kept in draft revisions and written when a revision is published.
    """

    external_id = models.CharField(
        _("编号"), max_length=64, unique=True,
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
    enlistment_precision = models.CharField(
        _("入伍年月精度"), max_length=5, choices=PRECISION_CHOICES, blank=True
    )
    unit = models.CharField(_("生前单位"), max_length=255, blank=True)
    position = models.CharField(_("职务"), max_length=100, blank=True)
    death_date = models.DateField(_("牺牲年月"), null=True, blank=True)
    death_precision = models.CharField(_("牺牲年月精度"), max_length=5, choices=PRECISION_CHOICES, blank=True)
    death_decade = models.SmallIntegerField(_("牺牲年代"), null=True, blank=True, editable=False)
    war_period = models.CharField(
        _("历史时期"), max_length=20, choices=WarPeriod.choices, blank=True, editable=False
    )
    death_place = models.CharField(_("牺牲地点"), max_length=200, blank=True)
    battle = models.CharField(_("战役/事件"), max_length=200, blank=True)
    burial_place = models.CharField(_("安葬地"), max_length=200, blank=True, help_text=_("按原始材料填写"))
    # No index of its own: the grave index below starts with it (one index fewer to write
    # for every imported record).
    facility = models.ForeignKey(
        MemorialFacility, verbose_name=_("安葬的纪念设施"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="martyrs", db_index=False,
    )
    grave_section = models.CharField(_("墓区"), max_length=20, blank=True)
    grave_row = models.CharField(_("墓排"), max_length=20, blank=True)
    grave_number = models.CharField(_("墓号"), max_length=20, blank=True)
    certificate_number = models.CharField(_("烈士证明书编号"), max_length=64, blank=True)
    biography = RichTextField(_("生平事迹"), blank=True, features=["bold", "italic", "ol", "ul"])
    sources = models.TextField(_("资料来源"), blank=True, help_text=_("每行一条，例如档案号、志书名称和页码"))
    photo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL, verbose_name=_("照片"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="martyrrecord")

    objects = MartyrRecordQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("external_id")]),
        FieldRowPanel([FieldPanel("gender"), FieldPanel("ethnicity")]),
        FieldRowPanel([FieldPanel("birth_date"), FieldPanel("birth_precision")]),
        FieldPanel("native_place"),
        FieldRowPanel([FieldPanel("native_province"), FieldPanel("native_city"), FieldPanel("native_county")],
                      help_text=_("留空时按籍贯自动拆分")),
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
            "photos", heading=_("更多照片"), label=_("照片"),
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

    class Meta:
        verbose_name = _("烈士档案")
        verbose_name_plural = _("烈士档案")
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
            models.Index(fields=["name"], name="memorials_name"),
            # Staff look a record up by its 烈士证明书编号 in the admin.
            models.Index(fields=["certificate_number"], name="memorials_certificate"),
            models.Index(
                fields=["facility", "grave_section", "grave_row", "grave_number"], name="memorials_grave"
            ),
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
        """Recompute the browse fields (decade, period, parsed 籍贯) from what was entered."""
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
        parts = []
        if self.grave_section:
            parts.append(f"{self.grave_section}区")
        if self.grave_row:
            parts.append(f"{self.grave_row}排")
        if self.grave_number:
            parts.append(f"{self.grave_number}号")
        return "".join(parts)

    @property
    def biography_text(self):
        return strip_tags(self.biography.replace("</p>", "</p>\n")).strip()

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
    caption = models.CharField(_("说明"), max_length=255, help_text=_("例如：烈士墓碑，2019年摄"))
    source = models.CharField(_("来源"), max_length=255, blank=True, help_text=_("例如：烈士亲属提供、某某档案馆"))

    panels = [FieldPanel("image"), FieldPanel("caption"), FieldPanel("source")]

    class Meta(Orderable.Meta):
        verbose_name = _("照片")
        verbose_name_plural = _("照片")

    def __str__(self):
        return self.caption

    @property
    def alt_text(self):
        """The image's own alt text, else the caption; empty for a decorative image."""
        if self.image.is_decorative:
            return ""
        return self.image.alt_text.strip() or self.caption


class MartyrCorrection(models.Model):
    """A visitor's proposed correction (纠错). It changes nothing until staff accept it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("待审核")
        ACCEPTED = "accepted", _("已采纳")
        REJECTED = "rejected", _("未采纳")

    #: Fields a visitor may propose corrections for, with their labels.
    FIELD_CHOICES = [
        ("name", _("姓名")),
        ("gender", _("性别")),
        ("ethnicity", _("民族")),
        ("birth", _("出生年月")),
        ("native_place", _("籍贯")),
        ("enlistment", _("入伍年月")),
        ("unit", _("生前单位")),
        ("position", _("职务")),
        ("death", _("牺牲年月")),
        ("death_place", _("牺牲地点")),
        ("battle", _("战役/事件")),
        ("burial_place", _("安葬地")),
        ("biography", _("生平事迹")),
        ("other", _("其他")),
    ]

    record = models.ForeignKey(
        MartyrRecord, verbose_name=_("烈士档案"), on_delete=models.CASCADE, related_name="corrections"
    )
    field = models.CharField(_("需要更正的项目"), max_length=20, choices=FIELD_CHOICES)
    current_value = models.TextField(_("提交时的内容"), blank=True, editable=False)
    proposed_value = models.TextField(_("建议更正为"))
    evidence = models.TextField(_("依据或说明"), blank=True)
    submitter_name = models.CharField(_("提交人"), max_length=50, blank=True)
    submitter_contact = models.CharField(
        _("联系方式"), max_length=100, blank=True, help_text=_("仅工作人员可见，不公开")
    )
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("提交时间"), default=timezone.now)
    reviewed_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("审核人"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    review_note = models.TextField(_("审核意见"), blank=True)

    class Meta:
        verbose_name = _("纠错")
        verbose_name_plural = _("纠错")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"], name="memorials_correction_queue")]

    def __str__(self):
        return f"{self.record} · {self.get_field_display()}"

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING

    def accept(self, user, note=""):
        """Apply the proposed value to the record (as a new revision) and close the correction."""
        from memorials.dates import parse_partial_date

        record = self.record
        value = self.proposed_value.strip()
        if self.field in ("birth", "enlistment", "death"):
            parsed = parse_partial_date(value)
            setattr(record, f"{self.field}_date", parsed.date if parsed else None)
            setattr(record, f"{self.field}_precision", parsed.precision if parsed else "")
        elif self.field == "native_place":
            record.native_place = value
            record.native_province = record.native_city = record.native_county = ""
        elif self.field == "gender":
            record.gender = {"男": Gender.MALE, "女": Gender.FEMALE}.get(value, record.gender)
        elif self.field == "biography":
            from memorials.importer import text_to_richtext

            record.biography = text_to_richtext(value)
        elif self.field != "other":
            setattr(record, self.field, value)
        record.save()
        revision = record.save_revision(user=user, log_action=True)
        if record.live:
            revision.publish(user=user)
        self._close(self.Status.ACCEPTED, user, note)

    def reject(self, user, note=""):
        self._close(self.Status.REJECTED, user, note)

    def _close(self, status, user, note):
        self.status = status
        self.reviewed_by = user
        self.reviewed_at = timezone.now()
        self.review_note = note
        self.save()


class ImportJob(models.Model):
    """One import of a martyr list; committed batches are recorded so a crash can resume."""

    class Status(models.TextChoices):
        PREVIEW = "preview", _("待确认")
        RUNNING = "running", _("导入中")
        DONE = "done", _("已完成")
        FAILED = "failed", _("中断")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    file = models.FileField(_("文件"), upload_to="memorials/imports/", blank=True)
    filename = models.CharField(_("文件名"), max_length=255)
    checksum = models.CharField(_("文件校验值"), max_length=64, db_index=True)
    publish = models.BooleanField(_("导入后立即发布"), default=False)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.PREVIEW)
    rows_done = models.PositiveIntegerField(_("已提交到第几行"), default=0)
    created_count = models.PositiveIntegerField(_("新增"), default=0)
    updated_count = models.PositiveIntegerField(_("更新"), default=0)
    error_count = models.PositiveIntegerField(_("错误行数"), default=0)
    errors = models.JSONField(_("错误"), default=list, blank=True)
    headers = models.JSONField(_("表头"), default=list, blank=True)
    header_warnings = models.JSONField(_("表头提示"), default=list, blank=True)
    created_at = models.DateTimeField(_("开始时间"), default=timezone.now)
    finished_at = models.DateTimeField(_("完成时间"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("操作人"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    class Meta:
        verbose_name = _("名录导入")
        verbose_name_plural = _("名录导入")
        ordering = ["-created_at"]

    def __str__(self):
        return self.filename


class MartyrArchivePage(RoutablePageMixin, Page):
    """英名录: browse, filter and read the martyr records; one page serves them all."""

    intro = models.TextField(_("导语"), blank=True, max_length=500)
    per_page = models.PositiveSmallIntegerField(
        _("每页条数"), default=30, validators=[MinValueValidator(10), MaxValueValidator(100)]
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("per_page")]
    parent_page_types = ["siteshell.HomePage"]
    subpage_types = []
    max_count = 1
    template = "memorials/archive_page.html"

    class Meta:
        verbose_name = _("英名录")
        verbose_name_plural = _("英名录")

    @classmethod
    def for_request(cls, request=None):
        """The live archive page of the request's site (or of any site), once per request."""
        cached = getattr(request, "_memorials_archive", None) if request is not None else None
        if cached is not None:
            return cached
        pages = cls.objects.live().public()
        archive = None
        if request is not None:
            from wagtail.models import Site

            site = Site.find_for_request(request)
            if site is not None:
                archive = pages.descendant_of(site.root_page).first()
        archive = archive or pages.first()
        if request is not None and archive is not None:
            request._memorials_archive = archive
        return archive

    # -- routes (the views live in views.py) -------------------------------------------------

    @path("")
    def index_route(self, request):
        from memorials import views

        return views.archive_index(request, self)

    @path("<int:pk>/", name="record")
    def record_route(self, request, pk):
        from memorials import views

        return views.record_detail(request, self, pk)

    @re_path(r"^(?P<pk>\d+)/qr/(?P<fmt>svg|png)/$", name="record_qr")
    def record_qr_route(self, request, pk, fmt):
        from memorials import views

        return views.record_qr(request, self, int(pk), fmt)

    @path("<int:pk>/correction/", name="correction")
    def correction_route(self, request, pk):
        from memorials import views

        return views.correction_form(request, self, pk)

    @path("facility/<int:pk>/", name="facility")
    def facility_route(self, request, pk):
        from memorials import views

        return views.facility_detail(request, self, pk)

    @path("facility/<int:pk>/labels/", name="facility_labels")
    def facility_labels_route(self, request, pk):
        from memorials import views

        return views.facility_labels(request, self, pk)

