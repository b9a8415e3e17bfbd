"""Media shared by every plugin. Images carry credit, source and alt text."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CommemorationImage(AbstractImage):
    """An image with the facts a publicity office must keep about it."""

    alt_text = models.CharField(
        _("替代文字"),
        max_length=255,
        blank=True,
        help_text=_("为视障读者描述图片内容，例如“黄继光烈士塑像”。装饰性图片可勾选下方选项而不填写。"),
    )
    is_decorative = models.BooleanField(
        _("装饰性图片"), default=False, help_text=_("纯装饰、不传达信息的图片，读屏软件会跳过")
    )
    caption = models.CharField(_("图片说明"), max_length=255, blank=True)
    author = models.CharField(_("摄影/作者"), max_length=100, blank=True)
    source = models.CharField(_("来源"), max_length=255, blank=True)
    licence = models.CharField(_("版权或许可"), max_length=255, blank=True)
    date_taken = models.DateField(_("拍摄日期"), null=True, blank=True)

    admin_form_fields = Image.admin_form_fields + (
        "alt_text",
        "is_decorative",
        "caption",
        "author",
        "source",
        "licence",
        "date_taken",
    )

    class Meta(AbstractImage.Meta):
        verbose_name = _("图片")
        verbose_name_plural = _("图片")

    @property
    def default_alt_text(self):
        if self.is_decorative:
            return ""
        return self.alt_text or self.title


class CommemorationRendition(AbstractRendition):
    image = models.ForeignKey(CommemorationImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
