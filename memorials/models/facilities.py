"""烈士纪念设施: cemeteries, monuments and memorial halls, each with a public page."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from memorials.models.pages import MartyrArchivePage

#: The filters' list of facilities, cached; emptied whenever a facility changes.
FACILITY_CHOICES_CACHE_KEY = "memorials:facility-choices"


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
        _("纬度"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("WGS-84 坐标，例如 41.845000；不填则不显示地图"),
    )
    longitude = models.DecimalField(
        _("经度"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    opening_hours = models.CharField(_("开放时间"), max_length=200, blank=True)
    phone = models.CharField(_("联系电话"), max_length=50, blank=True)
    description = RichTextField(
        pgettext_lazy("about a memorial facility", "简介"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )
    photo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("照片"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("level")]),
        MultiFieldPanel(
            [
                FieldPanel("province"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=pgettext_lazy("where a memorial facility is", "位置"),
        ),
        FieldPanel("opening_hours"),
        FieldPanel("phone"),
        FieldPanel("description"),
        FieldPanel("photo"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("address"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("烈士纪念设施")
        verbose_name_plural = pgettext_lazy("plural", "烈士纪念设施")
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
