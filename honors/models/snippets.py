"""Snippets: the titles a selection awards and the selection rounds that award them."""

from django import forms
from django.db import models
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from honors.choices import YEAR_VALIDATORS
from siteshell.languages import join_list


class HonourTitle(models.Model):
    """A title that a selection awards, such as 最美退役军人 or 最佳志愿服务组织."""

    name = models.CharField(_("称号"), max_length=50, unique=True, help_text=_("例如“最美退役军人”“最美军嫂”"))
    slug = models.SlugField(
        _("网址标识"),
        max_length=50,
        unique=True,
        allow_unicode=True,
        help_text=_("出现在筛选网址里，建议用拼音，例如 zuimei-junsao；公开后请勿修改，以免已分享的链接失效"),
    )
    description = models.TextField(_("说明"), blank=True, help_text=_("评选对象和条件，可在栏目页展示"))
    sort_order = models.PositiveSmallIntegerField(_("排序"), default=0, help_text=_("数字小的排在前面"))

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("荣誉称号")
        verbose_name_plural = pgettext_lazy("plural", "荣誉称号")

    def __str__(self):
        return self.name


class SelectionRound(models.Model):
    """One round of selection: 2023年 示范市 第三届“最美退役军人·最美军嫂”."""

    class Level(models.TextChoices):
        NATIONAL = "national", _("全国")
        PROVINCIAL = "provincial", _("省级")
        MUNICIPAL = "municipal", _("市级")
        COUNTY = "county", _("区县级")

    year = models.PositiveSmallIntegerField(_("评选年度"), validators=YEAR_VALIDATORS)
    edition = models.CharField(_("届次"), max_length=30, help_text=_("例如“第三届”或“2022年度”"))
    level = models.CharField(_("评选级别"), max_length=20, choices=Level.choices, default=Level.MUNICIPAL)
    organiser = models.CharField(_("主办单位"), max_length=100, blank=True, help_text=_("例如“示范市退役军人事务局”"))
    titles = models.ManyToManyField(
        HonourTitle,
        verbose_name=_("评选的称号"),
        related_name="rounds",
        blank=True,
        help_text=_("本届评出的称号；人物的荣誉只能从这里选择"),
    )
    announced_on = models.DateField(_("发布日期"), null=True, blank=True)
    description = models.TextField(_("说明"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("year"), FieldPanel("edition"), FieldPanel("level")], heading=_("届次")),
        FieldPanel("organiser"),
        FieldPanel("titles", widget=forms.CheckboxSelectMultiple),
        FieldPanel("announced_on"),
        FieldPanel("description"),
    ]

    class Meta:
        ordering = ["-year", "level", "edition"]
        verbose_name = _("评选届次")
        verbose_name_plural = pgettext_lazy("plural", "评选届次")
        constraints = [
            models.UniqueConstraint(fields=["year", "edition", "level"], name="honors_round_unique_edition"),
        ]

    def __str__(self):
        return gettext("%(year)s年 · %(level)s · %(edition)s") % {
            "year": self.year,
            "level": self.get_level_display(),
            "edition": self.edition,
        }

    @property
    def label(self):
        """“2021年市级第二届”, or “省级2022年度” when the edition already names the year (in the
        active language; the edition is what editors wrote)."""
        values = {"year": self.year, "level": self.get_level_display(), "edition": self.edition}
        if self.edition.startswith(str(self.year)):
            # Translators: a selection round, e.g. 省级2022年度 (level, then the edition editors wrote).
            return gettext("%(level)s%(edition)s") % values
        # Translators: a selection round, e.g. 2021年市级第二届 (year, level, edition).
        return gettext("%(year)s年%(level)s%(edition)s") % values

    def awarded_titles(self):
        return join_list(title.name for title in self.titles.all())

    awarded_titles.short_description = _("评选的称号")
